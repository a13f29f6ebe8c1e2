package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sync"

	"github.com/annalist/annalist/mediawiki"
	"github.com/annalist/annalist/source"
)

// withDumpResume makes dumps show their progress (pages/s, ETA) and resume
// where an earlier run stopped, from the points kept in resume.
func withDumpResume(ctx context.Context, resume *resumePoints, prog *progress, stderr io.Writer) context.Context {
	return source.WithDumpOptions(ctx, source.DumpOptions{
		ResumeAfter: func(dump string) int64 {
			id, err := resume.file.Get(dump)
			switch {
			case err != nil:
				prog.clear()
				fmt.Fprintf(stderr, "annalist ingest: %v (reading %s from the top)\n", err, dump)
			case id > 0:
				prog.clear()
				fmt.Fprintf(stderr, "annalist ingest: %s: resuming after page %d (delete %s to start over)\n", dump, id, resume.file.Path)
			}
			return id
		},
		Progress: func(dump string, p mediawiki.Progress) {
			resume.seen(dump, p.LastID)
			prog.update(func() string { return filepath.Base(dump) + ": " + p.String() })
		},
	})
}

// resumePoints keeps, per dump, the last page done with, in a sidecar
// file next to the database. A dump reports a page as done as soon as it
// was handed over, but ingest stores articles later, in batches; so a
// point is written only once every item handed over before it is stored,
// and an interrupted run never skips an article it did not store.
type resumePoints struct {
	file mediawiki.ResumeFile

	mu      sync.Mutex
	handedN int          // items handed to the pipeline so far
	marks   []resumeMark // points seen, not yet written
}

// resumeMark says: once the first seq items are stored, dump may resume
// after page id.
type resumeMark struct {
	dump string
	id   int64
	seq  int
}

func newResumePoints(dbPath string) *resumePoints {
	return &resumePoints{file: mediawiki.ResumeFile{Path: dbPath + ".dumps.json"}}
}

// handed records that n items have been handed to the pipeline.
func (r *resumePoints) handed(n int) {
	r.mu.Lock()
	r.handedN = n
	r.mu.Unlock()
}

// seen records a dump's resume point, valid once what was handed so far
// is stored.
func (r *resumePoints) seen(dump string, id int64) {
	if id <= 0 {
		return
	}
	r.mu.Lock()
	r.marks = append(r.marks, resumeMark{dump: dump, id: id, seq: r.handedN})
	r.mu.Unlock()
}

// stored writes the points made valid by the first n items being stored.
func (r *resumePoints) stored(n int) error {
	r.mu.Lock()
	latest := map[string]int64{}
	var order []string
	k := 0
	for ; k < len(r.marks) && r.marks[k].seq <= n; k++ {
		m := r.marks[k]
		if _, ok := latest[m.dump]; !ok {
			order = append(order, m.dump)
		}
		latest[m.dump] = m.id
	}
	r.marks = append(r.marks[:0], r.marks[k:]...)
	r.mu.Unlock()
	for _, d := range order {
		if err := r.file.Set(d, latest[d]); err != nil {
			return fmt.Errorf("keep the resume point of %s: %w", d, err)
		}
	}
	return nil
}
