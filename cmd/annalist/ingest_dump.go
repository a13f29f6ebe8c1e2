package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/annalist/annalist/mediawiki"
	"github.com/annalist/annalist/source"
)

// withDumpResume makes dumps show their progress (pages/s, ETA) and keep
// a resume point per dump in a sidecar file next to the database. The
// point moves only after the articles before it were stored: source.Walk
// hands items over one at a time and each is committed before the next.
func withDumpResume(ctx context.Context, dbPath string, prog *progress, stderr io.Writer) context.Context {
	resume := mediawiki.ResumeFile{Path: dbPath + ".dumps.json"}
	return source.WithDumpOptions(ctx, source.DumpOptions{
		ResumeAfter: func(dump string) int64 {
			id, err := resume.Get(dump)
			switch {
			case err != nil:
				fmt.Fprintf(stderr, "annalist ingest: %v (reading %s from the top)\n", err, dump)
			case id > 0:
				fmt.Fprintf(stderr, "annalist ingest: %s: resuming after page %d (delete %s to start over)\n", dump, id, resume.Path)
			}
			return id
		},
		Progress: func(dump string, p mediawiki.Progress) {
			if err := resume.Set(dump, p.LastID); err != nil {
				prog.clear()
				fmt.Fprintf(stderr, "annalist ingest: %v\n", err)
			}
			prog.update(func() string { return filepath.Base(dump) + ": " + p.String() })
		},
	})
}
