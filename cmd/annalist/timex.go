package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/annalist/annalist/timex"
)

const timexHelp = `
Usage: annalist timex FILE...

Find the time expressions of plain-text files and write one JSON line per
expression to standard output, in the order of the text:

  {"file":"notes.txt","start":3,"end":17,"text":"8 January 1935",
   "kind":"date","value":"1935-01-08"}

  file        the path as given
  start, end  half-open byte offsets into the file
  text        the expression as it reads in the file
  kind        date, duration, set or ref
  value       the TIMEX2 value, or null when the text gives too little:
                date      1935-01-08, 1935-01, 1935, 193 (the 1930s),
                          19 (the 20th century), 1941-WI (a season),
                          BC0490, 2008-H2; a time of day on the day the
                          narrative is at, 1918-11-11T11:00; a date
                          without a year is resolved against the
                          narrative (below)
                duration  P3D, P2W, P2M, P1Y, P2DE (decades), PXD (some
                          days), PT5H
                set       XXXX-XX-XX for "every day" or "daily", XXXX
                          for "annually"
                ref       PRESENT_REF ("now", "currently"), PAST_REF
                          ("former", "recently"), FUTURE_REF ("future")
              Relative dates are dates ("two days later", "the year"), or
              FUTURE_REF / PAST_REF when vague ("a few days later").

Each file is read line by line as one narrative: "in March" or "two days
later" is resolved against the last date the text established before it,
as the TIMEX2 guidelines ask of annotators. A month without a year takes
the year that puts it nearest that date: "in March" after "December 1939"
is 1940-03, after "June 1939" it is 1939-03. A year mentioned in passing
("a 1998 interview", "the War of 1812") does not move the narrative; one
opening a sentence ("In 1942, ...") does. Nothing is read from the file's
name or date.

This is the input of the WikiWars scorer (../shared/tools/score-timex):
  annalist timex corpus/wikiwars/text/*.txt > found.jsonl
  score-timex found.jsonl

A file that cannot be read is reported on standard error; the others are
still written, and the exit status is 1.

Examples:
  annalist timex article.txt
  annalist timex a.txt b.txt | jq -r 'select(.kind=="date") | .value'
`

// timexLine is one line of the output (the score-timex input contract).
type timexLine struct {
	File  string  `json:"file"`
	Start int     `json:"start"`
	End   int     `json:"end"`
	Text  string  `json:"text"`
	Kind  string  `json:"kind"`
	Value *string `json:"value"`
}

func runTimex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("timex", timexHelp, stderr)
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: name at least one file (see annalist timex --help)", errUsage)
	}
	w := bufio.NewWriter(stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	failed := 0
	for _, path := range fs.Args() {
		if err := ctx.Err(); err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			failed++
			fmt.Fprintf(stderr, "annalist timex: %v\n", err)
			continue
		}
		if err := writeTimexes(enc, path, string(data)); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if failed > 0 {
		return exitError{1}
	}
	return nil
}

// writeTimexes writes the expressions of one file, line by line, each line
// read against the anchor the lines before it left.
func writeTimexes(enc *json.Encoder, path, text string) error {
	var anchor timex.Anchor
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		line := text[off:end]
		es := timex.FindAll(line, anchor)
		for _, e := range es {
			l := timexLine{File: path, Start: off + e.Span.Start, End: off + e.Span.End, Text: e.Text, Kind: e.Kind.String()}
			if e.Value != "" {
				v := e.Value
				l.Value = &v
			}
			if err := enc.Encode(l); err != nil {
				return fmt.Errorf("write: %w", err)
			}
		}
		anchor = anchor.Last(es)
		off = end + 1
	}
	return nil
}
