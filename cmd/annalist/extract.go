package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"sync"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/extract"
	"github.com/annalist/annalist/ingest"
	"github.com/annalist/annalist/sample"
	"github.com/annalist/annalist/source"
)

const extractHelp = `
Usage: annalist extract [--pretty] [FILE|DIR|GLOB|-]...

Read articles and write one JSON document per article to standard output:
the conflict record from the infobox, the clashes (events) found in the
prose, and claims. The format is spec/document.md ("annalist/document/v1").
One article gives one JSON object; several give JSON Lines, one document
per line.

Inputs are the plain-text rendering of Wikipedia articles ("= Title =",
"- Key: value" infobox lines, "==Heading==" sections), wikitext (.wiki,
.wikitext; .xmlescaped for wikitext copied out of a dump still
XML-escaped) and MediaWiki XML dumps (.xml, .xml.bz2); directories are read
recursively; "-" reads standard input. With no input, the bundled sample
article is read.

A file that cannot be read is reported on standard error with its name and
line; the others are still written, and the exit status is 1. An article
may be at most 64 MB. SIGINT or SIGTERM stops at once (exit status 130 or
143); the documents written by then are whole.

Examples:
  annalist extract --pretty
  annalist extract article.txt > article.json
  annalist extract corpus/ | jq -c '.events[] | [.date_start, .side_a, .side_b]'
`

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("extract", extractHelp, stderr)
	pretty := fs.Bool("pretty", false, "indent the JSON (one document per article still, no longer one per line)")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	x, err := extract.New(ctx)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	if *pretty {
		enc.SetIndent("", "  ")
	}
	// Documents are written whole or not at all: an interrupt waits for
	// the one being written (mu), then no other starts (stopped).
	var mu sync.Mutex
	stopped := false
	write := func(a *annalist.Article) error {
		for _, w := range a.Warnings {
			log.Warn("input", "file", a.Source, "at", w.String())
		}
		doc, err := ingest.ExtractOrStop(ctx, x, a)
		if err != nil {
			return err
		}
		mu.Lock()
		defer mu.Unlock()
		if stopped {
			return context.Cause(ctx)
		}
		if err := enc.Encode(doc); err != nil {
			return fmt.Errorf("write: %w", err)
		}
		return nil
	}

	failed := 0
	done := make(chan error, 1)
	go func() {
		if fs.NArg() == 0 {
			fmt.Fprintf(stderr, "annalist extract: no input named; reading the bundled sample (%s)\n", sample.Name)
			a, err := sample.Article()
			if err == nil {
				err = write(a)
			}
			done <- err
			return
		}
		done <- source.Walk(ctx, fs.Args(), func(it source.Item) error {
			if it.Err != nil {
				failed++
				fmt.Fprintf(stderr, "annalist extract: %v\n", it.Err)
				return nil
			}
			if err := write(it.Article); err != nil {
				if ctx.Err() != nil {
					return context.Cause(ctx)
				}
				failed++
				fmt.Fprintf(stderr, "annalist extract: %s: %v\n", it.Path, err)
			}
			return nil
		})
	}()
	// Reading one large file cannot be interrupted: an interrupt returns
	// without waiting for it.
	select {
	case err = <-done:
	case <-ctx.Done():
		mu.Lock()
		stopped = true
		mu.Unlock()
		return context.Cause(ctx)
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		return exitError{1}
	}
	return nil
}
