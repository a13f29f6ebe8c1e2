package resolve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/annalist/annalist"
)

// MainLinks returns the titles of the articles that the section holding
// byte offset of an article's source points to as its main article:
// wikitext's {{Main|A|B}} (and {{Main article|…}}), or the rendered
// "Main article: A" / "Main articles: A and B" line. A section runs from
// its heading line (== … ==, any level) to the next one; before the
// first heading is the lead, whose links count too. Titles are returned
// in order, without duplicates; none when offset is outside raw.
func MainLinks(raw []byte, offset int) []string {
	if offset < 0 || offset > len(raw) {
		return nil
	}
	start, end := sectionAround(raw, offset)
	var out []string
	add := func(t string) {
		t = strings.TrimSpace(t)
		if k := strings.IndexByte(t, '#'); k >= 0 { // a link to a section of the article
			t = strings.TrimSpace(t[:k])
		}
		if t != "" && len(t) <= 200 && !containsStr(out, t) {
			out = append(out, t)
		}
	}
	for _, line := range bytes.Split(raw[start:end], []byte("\n")) {
		text := strings.TrimSpace(string(line))
		lower := strings.ToLower(text)
		switch {
		case strings.HasPrefix(lower, "main article:"), strings.HasPrefix(lower, "main articles:"):
			_, rest, _ := strings.Cut(text, ":")
			for _, part := range strings.Split(rest, ",") {
				for _, t := range strings.Split(part, " and ") {
					add(t)
				}
			}
		default:
			for from := 0; ; {
				i := strings.Index(lower[from:], "{{main")
				if i < 0 {
					break
				}
				i += from
				j := strings.Index(lower[i:], "}}")
				if j < 0 {
					break
				}
				body := text[i+2 : i+j]
				from = i + j + 2
				name, args, _ := strings.Cut(body, "|")
				switch strings.ToLower(strings.TrimSpace(name)) {
				case "main", "main article":
				default:
					continue
				}
				for _, a := range strings.Split(args, "|") {
					if strings.Contains(a, "=") { // a named parameter (l1=label), not a title
						continue
					}
					add(a)
				}
			}
		}
	}
	return out
}

// sectionAround returns the byte range of the section holding offset.
func sectionAround(raw []byte, offset int) (start, end int) {
	end = len(raw)
	for pos := 0; pos < len(raw); {
		nl := bytes.IndexByte(raw[pos:], '\n')
		lineEnd := len(raw)
		if nl >= 0 {
			lineEnd = pos + nl
		}
		if isHeading(raw[pos:lineEnd]) {
			if pos <= offset {
				start = lineEnd
			} else {
				return start, pos
			}
		}
		if nl < 0 {
			break
		}
		pos = lineEnd + 1
	}
	return start, end
}

func isHeading(line []byte) bool {
	l := bytes.TrimSpace(line)
	return len(l) >= 4 && bytes.HasPrefix(l, []byte("==")) && bytes.HasSuffix(l, []byte("=="))
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// EvidenceLinks returns the main articles that the sections of e's
// evidence name (MainLinks), each once: raw is the article's source.
func EvidenceLinks(raw []byte, e *annalist.Event) []string {
	var out []string
	for _, ev := range e.Evidence {
		for _, l := range MainLinks(raw, ev.Start) {
			if !slices.Contains(out, l) {
				out = append(out, l)
			}
		}
	}
	return out
}

// DecodeLinks sets t.Links from a store's JSON array of titles (nil for
// none).
func (t *Telling) DecodeLinks(b []byte) error {
	if b == nil {
		return nil
	}
	if err := json.Unmarshal(b, &t.Links); err != nil {
		return fmt.Errorf("event %s: decode links: %w", t.Key, err)
	}
	return nil
}

// AsMerged turns a listed telling into the merged event it represents
// when record (the stored annalist.MergedEvent, JSON) is not nil; either
// way it sets NumberOfSources.
func AsMerged(e *annalist.StoredEvent, record []byte) error {
	e.NumberOfSources = 1
	if record == nil {
		return nil
	}
	var m annalist.MergedEvent
	if err := json.Unmarshal(record, &m); err != nil {
		return fmt.Errorf("merged event %s: decode record: %w", e.Key, err)
	}
	e.Key, e.Event, e.NumberOfSources, e.Merged = m.Key, m.Event, m.NumberOfSources, &m
	return nil
}

// Explain judges two stored tellings, by key, whether or not a merge
// joined them: load reads a telling, mergedKey the key of the merged
// event a telling belongs to ("" for none). It is "annalist merge
// --explain" for any store.
func (r *Rule) Explain(keyA, keyB string, load func(key string) (*Telling, error), mergedKey func(key string) (string, error)) (annalist.PairVerdict, error) {
	var ts [2]*Telling
	for i, key := range []string{keyA, keyB} {
		t, err := load(key)
		if err != nil {
			return annalist.PairVerdict{}, err
		}
		ts[i] = t
	}
	v := r.Judge(ts[0], ts[1])
	if v.Same {
		ma, err := mergedKey(keyA)
		if err != nil {
			return v, err
		}
		mb, err := mergedKey(keyB)
		if err != nil {
			return v, err
		}
		v.Joined = ma != "" && ma == mb
	}
	return v, nil
}

// Decode fills t's event from its stored record (JSON) and its links
// from event_links (nil for none).
func (t *Telling) Decode(record, links []byte) error {
	if err := json.Unmarshal(record, &t.Event); err != nil {
		return fmt.Errorf("event %q: decode record: %w", t.Key, err)
	}
	return t.DecodeLinks(links)
}
