package ingest

import (
	"fmt"
	"sync"

	"github.com/annalist/annalist/mediawiki"
)

// ResumePoints keeps, per dump, the last page done with, in a sidecar
// file (next to the database, for SQLite). A dump reports a page as done
// as soon as it was handed over, but ingest stores articles later, in
// batches; so a point is written only once every item handed over before
// it is stored, and an interrupted run never skips an article it did not
// store. A nil *ResumePoints keeps nothing.
type ResumePoints struct {
	File mediawiki.ResumeFile

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

// NewResumePoints keeps resume points in the file at path.
func NewResumePoints(path string) *ResumePoints {
	return &ResumePoints{File: mediawiki.ResumeFile{Path: path}}
}

// Handed records that n items have been handed to the pipeline.
func (r *ResumePoints) Handed(n int) {
	if r == nil {
		return
	}
	r.mu.Lock()
	r.handedN = n
	r.mu.Unlock()
}

// Seen records a dump's resume point, valid once what was handed so far
// is stored.
func (r *ResumePoints) Seen(dump string, id int64) {
	if r == nil || id <= 0 {
		return
	}
	r.mu.Lock()
	r.marks = append(r.marks, resumeMark{dump: dump, id: id, seq: r.handedN})
	r.mu.Unlock()
}

// Stored writes the points made valid by the first n items being stored.
func (r *ResumePoints) Stored(n int) error {
	if r == nil {
		return nil
	}
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
		if err := r.File.Set(d, latest[d]); err != nil {
			return fmt.Errorf("keep the resume point of %s: %w", d, err)
		}
	}
	return nil
}
