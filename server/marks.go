package server

import (
	"sort"
	"strconv"
	"strings"

	"github.com/annalist/annalist"
)

// Range is a byte range of an article's source and what was extracted
// from it.
type Range struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Kind  string `json:"kind"`            // "evidence", "count", "date", "place", "figure", "claim"
	Field string `json:"field,omitempty"` // "deaths_a", "place", ...
	Event string `json:"event,omitempty"` // the event's ID in the document
	Text  string `json:"text,omitempty"`  // what was read there
}

// markedEvidence is an evidence sentence with the spans inside it that an
// extracted value was read from, as byte offsets relative to Text.
type markedEvidence struct {
	annalist.Evidence
	Marks []Range `json:"marks"`
}

type countField struct {
	name string
	c    *annalist.Count
}

func eventCounts(e *annalist.Event) []countField {
	out := []countField{
		{"deaths_a", e.DeathsA}, {"deaths_b", e.DeathsB}, {"deaths_unknown", e.DeathsUnknown},
		{"wounded_a", e.WoundedA}, {"wounded_b", e.WoundedB}, {"wounded_unknown", e.WoundedUnknown},
		{"captured_a", e.CapturedA}, {"captured_b", e.CapturedB}, {"missing_a", e.MissingA}, {"missing_b", e.MissingB},
	}
	for i := range e.ForcesA {
		out = append(out, countField{"forces_a", &e.ForcesA[i].Count})
	}
	for i := range e.ForcesB {
		out = append(out, countField{"forces_b", &e.ForcesB[i].Count})
	}
	for i := range e.Materiel {
		out = append(out, countField{"materiel", &e.Materiel[i].Count})
	}
	return out
}

// eventMarks returns the absolute source ranges of the values of e that
// fall inside its evidence. Values the extractor gave a span keep it;
// those without one are looked for in the evidence by their text (a
// count's Text, the place's name, the dates as the text writes them), so
// that the explorer highlights what it can even for a terse extractor.
func eventMarks(e *annalist.Event) []Range {
	var out []Range
	add := func(kind, field string, span *annalist.Span, text string) {
		switch {
		case span != nil:
			out = append(out, Range{Start: span.Start, End: span.End, Kind: kind, Field: field, Text: text})
		case text != "":
			for _, ev := range e.Evidence {
				if i := strings.Index(ev.Text, text); i >= 0 {
					out = append(out, Range{Start: ev.Start + i, End: ev.Start + i + len(text), Kind: kind, Field: field, Text: text})
					break
				}
			}
		}
	}
	for _, cf := range eventCounts(e) {
		if cf.c != nil {
			add("count", cf.name, cf.c.Span, cf.c.Text)
		}
	}
	if p := e.Place; p != nil {
		add("place", "place", p.Span, p.Text)
	}
	for _, s := range e.DateSpans {
		out = append(out, Range{Start: s.Start, End: s.End, Kind: "date", Field: "date"})
	}
	if len(e.DateSpans) == 0 {
		for _, ev := range e.Evidence {
			for _, d := range []annalist.Date{e.DateStart, e.DateEnd} {
				if d.IsZero() {
					continue
				}
				s, t, ok := findDate(ev.Text, d.Year)
				if !ok && d.Prec >= annalist.PrecMonth {
					// The year is often told once for several sentences.
					s, t, ok = findMonth(ev.Text, d.Month)
				}
				if ok {
					out = append(out, Range{Start: ev.Start + s, End: ev.Start + t, Kind: "date", Field: "date"})
				}
			}
		}
	}
	return out
}

// markEvidence cuts e's marks to each evidence sentence, relative to it,
// without overlaps (the earlier, then the longer, mark wins).
func markEvidence(e *annalist.Event) []markedEvidence {
	marks := eventMarks(e)
	sort.SliceStable(marks, func(i, j int) bool {
		if marks[i].Start != marks[j].Start {
			return marks[i].Start < marks[j].Start
		}
		return marks[i].End > marks[j].End
	})
	out := make([]markedEvidence, len(e.Evidence))
	for i, ev := range e.Evidence {
		out[i] = markedEvidence{Evidence: ev, Marks: []Range{}}
		end := 0
		for _, m := range marks {
			s, t := m.Start-ev.Start, m.End-ev.Start
			if s < end || s < 0 || t > len(ev.Text) || s >= t {
				continue
			}
			m.Start, m.End = s, t
			out[i].Marks = append(out[i].Marks, m)
			end = t
		}
	}
	return out
}

// documentRanges lists every byte range of the article something was read
// from, in order, dropping any that fall outside the text.
func documentRanges(doc *annalist.Document, size int) []Range {
	out := []Range{}
	add := func(r Range) {
		if 0 <= r.Start && r.Start <= r.End && r.End <= size {
			out = append(out, r)
		}
	}
	for i := range doc.Events {
		e := &doc.Events[i]
		for _, ev := range e.Evidence {
			add(Range{Start: ev.Start, End: ev.End, Kind: "evidence", Event: e.ID})
		}
		for _, m := range eventMarks(e) {
			m.Event = e.ID
			add(m)
		}
	}
	for _, c := range doc.Claims {
		for _, ev := range c.Evidence {
			add(Range{Start: ev.Start, End: ev.End, Kind: "claim", Field: c.What})
		}
		if s := c.Quantity.Span; s != nil {
			add(Range{Start: s.Start, End: s.End, Kind: "count", Field: "claim", Text: c.Quantity.Text})
		}
	}
	if c := doc.Conflict; c != nil {
		for si, side := range c.Sides {
			field := "side" + strconv.Itoa(si+1)
			for _, figs := range [][]annalist.Figure{side.Strength, side.Casualties} {
				for _, f := range figs {
					if f.Span != nil {
						add(Range{Start: f.Span.Start, End: f.Span.End, Kind: "figure", Field: field, Text: f.Text})
					}
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	return out
}

var monthNames = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

func isMonth(w string) bool {
	w = strings.ToLower(strings.TrimSuffix(w, "."))
	for _, m := range monthNames {
		if w == m || (len(w) >= 3 && strings.HasPrefix(m, w)) {
			return true
		}
	}
	return false
}

func isDay(w string) bool {
	w = strings.TrimSuffix(w, ",")
	n, err := strconv.Atoi(w)
	return err == nil && n >= 1 && n <= 31
}

// findDate finds year written as a number in text and widens the match to
// the day and month before it ("12 June 1936", "June 12, 1936", "June
// 1936"). It returns byte offsets into text.
func findDate(text string, year int) (start, end int, ok bool) {
	y := strconv.Itoa(year)
	if year <= 0 {
		return 0, 0, false
	}
	for from := 0; ; {
		i := strings.Index(text[from:], y)
		if i < 0 {
			return 0, 0, false
		}
		i += from
		j := i + len(y)
		from = j
		if (i > 0 && isDigit(text[i-1])) || (j < len(text) && isDigit(text[j])) {
			continue
		}
		// The two words before the year: "[day] month" or "month day,".
		s1, w1 := wordBefore(text, i)
		s2, w2 := wordBefore(text, s1)
		switch {
		case isMonth(w1) && isDay(w2) && !strings.HasSuffix(w2, ","):
			return s2, j, true
		case isMonth(w1):
			return s1, j, true
		case isDay(w1) && strings.HasSuffix(w1, ",") && isMonth(w2):
			return s2, j, true
		}
		return i, j, true
	}
}

// wordBefore returns the space-separated word ending before i (skipping
// spaces) and where it starts.
func wordBefore(text string, i int) (int, string) {
	end := i
	for end > 0 && text[end-1] == ' ' {
		end--
	}
	start := end
	for start > 0 && text[start-1] != ' ' && text[start-1] != '(' {
		start--
	}
	return start, text[start:end]
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// findMonth finds the name of month m (1–12) written as a word in text,
// with the day beside it ("12 February", "February 12").
func findMonth(text string, m int) (start, end int, ok bool) {
	name := monthNames[m-1]
	title := strings.ToUpper(name[:1]) + name[1:]
	for from := 0; ; {
		i := strings.Index(text[from:], title)
		if i < 0 {
			return 0, 0, false
		}
		i += from
		j := i + len(title)
		from = j
		if (i > 0 && isLetter(text[i-1])) || (j < len(text) && isLetter(text[j])) {
			continue
		}
		if s, w := wordBefore(text, i); isDay(w) && !strings.HasSuffix(w, ",") {
			return s, j, true
		}
		k := j
		for k < len(text) && text[k] == ' ' {
			k++
		}
		e := k
		for e < len(text) && isDigit(text[e]) {
			e++
		}
		if e > k && isDay(text[k:e]) {
			return i, e, true
		}
		return i, j, true
	}
}

func isLetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }
