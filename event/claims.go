// Claims: figures the text credits to a party rather than to one clash.

package event

import (
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/actor"
	"github.com/annalist/annalist/internal/textscan"
	"github.com/annalist/annalist/quantity"
	"github.com/annalist/annalist/timex"
)

// readClaims reads the figures s credits to a party ("according to X, N
// border disputes occurred"; "X blamed Y for N cases of …"); it reports
// whether s held any.
func (x *article) readClaims(s *sent, anchor timex.Anchor) bool {
	toks, tags, text := x.toks, x.tags, s.text
	from, who := -1, ""
	for k := 0; k+1 < len(toks); k++ {
		if tags[k].class&(cAccording|cAttribution) == 0 {
			continue
		}
		if tags[k].has(cAccording) {
			for _, m := range s.parties {
				if m.tok > k+1 && m.tok <= k+3 {
					who = x.partyName(m)
					break
				}
			}
			// The source as written, for losses the sentence credits to it.
			j := k + 2
			if j < len(toks) && strings.EqualFold(toks[j].Text(text), "the") {
				j++
			}
			e := j
			for e < len(toks) && e < j+5 && toks[e].Kind == textscan.Word {
				e++
			}
			if e > j {
				s.source = text[toks[j].Start:toks[e-1].End]
			}
			if who == "" {
				if e := x.capRun(text, j); e > j {
					who = text[toks[j].Start:toks[e-1].End]
				}
			}
			from = 0
			break
		}
		if tags[k].has(cAttribution) {
			for i := len(s.parties) - 1; i >= 0; i-- {
				if m := s.parties[i]; m.tok < k {
					who = x.partyName(m)
					break
				}
			}
			from = k
			break
		}
	}
	if from < 0 || who == "" {
		return false
	}
	qs := x.quantities(s.text)
	found := false
	for _, q := range qs {
		if q.Unit != "" || q.Count.Low == nil || q.Span.Start < toks[from].Start {
			continue
		}
		what, end := x.claimWhat(text, q)
		if what == "" {
			continue
		}
		c := q.Count
		c.Text = text[q.Span.Start:end]
		sp := s.blk.SourceSpan(annalist.Span{Start: s.span.Start + q.Span.Start, End: s.span.Start + end})
		c.Span = &sp
		cl := annalist.Claim{Quantity: c, What: what, AccordingTo: annalist.Ptr(who)}
		switch before := s.anchorBefore.Date; {
		case s.hasDate:
			cl.PeriodStart, cl.PeriodEnd = s.start, s.end
		case !s.byEnd.IsZero() && !before.IsZero():
			// "From then until April 1939": from the narrative's year.
			cl.PeriodStart, cl.PeriodEnd = annalist.YearDate(before.Year), s.byEnd
		case !anchor.Date.IsZero():
			y := annalist.YearDate(anchor.Date.Year)
			cl.PeriodStart, cl.PeriodEnd = y, y
		}
		src := s.blk.SourceSpan(s.span)
		cl.Evidence = []annalist.Evidence{{Section: x.sectionName(s.blk.Section), Start: src.Start, End: src.End, Text: x.sourceText(s, src)}}
		x.claims = append(x.claims, cl)
		found = true
	}
	return found
}

// partyName is how a claim names its source: a state by its canonical
// name ("The Soviets" → "Soviet Union"), an army or agency as written.
func (x *article) partyName(m mention) string {
	switch m.kind {
	case actor.KindArmy, actor.KindAgency, actor.KindGroup:
		return strings.TrimPrefix(m.text, "the ")
	}
	return m.canonical
}

// claimWhat reads what a claimed number counts: the words after it
// ("border disputes"), or the object of "cases of", "episodes of"
// ("spy smuggling"). People and losses are not claims of incidents.
func (x *article) claimWhat(text string, q quantity.Quantity) (string, int) {
	rest := text[q.Span.End:]
	toks := textscan.Scan(rest, x.restToks[:0])
	x.restToks = toks
	var words []string
	cases := false
	end := q.Span.End
	for k := 0; k < len(toks) && len(words) < 4; k++ {
		t := toks[k]
		w := t.Text(rest)
		lw := strings.ToLower(w)
		if t.Kind == textscan.Punct && (w == "\"" || w == "“" || w == "”") {
			cases = false // a quoted term stays as written
			continue
		}
		if t.Kind != textscan.Word || t.Upper {
			break
		}
		if lw == "such" || lw == "other" || lw == "more" {
			continue
		}
		if lw == "of" && len(words) == 1 && isCaseWord(words[0]) {
			words, cases = words[:0], true
			continue
		}
		if isStopWord(lw) {
			break
		}
		words = append(words, w)
		end = q.Span.End + t.End
	}
	if len(words) == 0 {
		return "", end
	}
	if last := words[len(words)-1]; cases && !strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ing") {
		// "15 cases of border violation" counts border violations.
		words[len(words)-1] = last + "s"
	}
	what := strings.Join(words, " ")
	lx := x.lex
	if es := lx.first[strings.ToLower(words[0])]; len(es) > 0 {
		for _, e := range es {
			if e.class&(cPerson|lossClasses|cCasualty|cMateriel) != 0 {
				return "", end
			}
		}
	}
	return what, end
}

func isCaseWord(w string) bool {
	switch strings.ToLower(w) {
	case "cases", "case", "episodes", "episode", "instances", "instance", "counts", "acts", "incidents":
		return true
	}
	return false
}

func isStopWord(w string) bool {
	switch w {
	case "occurred", "were", "was", "and", "or", "in", "on", "at", "by", "during", "from", "to",
		"took", "had", "have", "happened", "alone", "between", "since", "until", "that", "which",
		"with", "for", "as", "the", "a", "an", "each", "per",
		"off", "near", "into", "onto", "over", "under", "across", "along", "around", "against", "outside", "inside", "beyond", "toward", "towards":
		return true
	}
	return false
}
