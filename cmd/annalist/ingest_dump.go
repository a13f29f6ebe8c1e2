package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/annalist/annalist/backend"
	"github.com/annalist/annalist/ingest"
	"github.com/annalist/annalist/mediawiki"
	"github.com/annalist/annalist/source"
)

// withDumpResume makes dumps show their progress (pages/s, ETA) and resume
// where an earlier run stopped, from the points kept in resume.
func withDumpResume(ctx context.Context, resume *ingest.ResumePoints, prog *progress, stderr io.Writer) context.Context {
	return source.WithDumpOptions(ctx, source.DumpOptions{
		ResumeAfter: func(dump string) int64 {
			id, err := resume.File.Get(dump)
			switch {
			case err != nil:
				prog.clear()
				fmt.Fprintf(stderr, "annalist ingest: %v (reading %s from the top)\n", err, dump)
			case id > 0:
				prog.clear()
				fmt.Fprintf(stderr, "annalist ingest: %s: resuming after page %d (delete %s to start over)\n", dump, id, resume.File.Path)
			}
			return id
		},
		Progress: func(dump string, p mediawiki.Progress) {
			resume.Seen(dump, p.LastID)
			prog.update(func() string { return filepath.Base(dump) + ": " + p.String() })
		},
	})
}

// newResumePoints keeps the resume points of the store dsn names (see
// backend.ResumeFile).
func newResumePoints(dsn string) (*ingest.ResumePoints, error) {
	path, err := backend.ResumeFile(dsn)
	if err != nil {
		return nil, err
	}
	return ingest.NewResumePoints(path), nil
}
