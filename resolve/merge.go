package resolve

import (
	"cmp"
	"slices"
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/gazetteer"
)

// Merge builds the merged event of a group. Its values:
//
//   - key, date and evidence: the representative telling's, the one with
//     the most precise date (ties: the most specific source, then the
//     smallest key), so that the same tellings always give the same id;
//   - place: the most precise one (smallest where_prec with coordinates);
//   - sides: the representative's, with the names other tellings add;
//   - name: of the most specific source that gives one;
//   - each count (deaths_a, wounded_b, ...): low the lowest low and high
//     the highest high over every source's figures, best the figure of
//     the most specific source that gives one (a battle's own article
//     over a war's summary); counts the sources disagree on beyond
//     annalist.DisputeFactor are listed in Disputes.
func (r *Rule) Merge(g Group) annalist.MergedEvent {
	ts := slices.Clone(g.Tellings)
	for _, t := range ts {
		r.Prepare(t)
	}
	// A telling under a heading (or a link) naming the clash, as another
	// telling names it, is a section about the clash.
	spec := map[*Telling]annalist.Specificity{}
	for _, t := range ts {
		spec[t] = t.p.spec
		for _, o := range ts {
			if spec[t] == annalist.SpecMention && slices.ContainsFunc(o.p.names, func(k string) bool { return slices.Contains(t.p.hints, k) }) {
				spec[t] = annalist.SpecSection
			}
		}
	}
	// Sources in order: most specific first, then most precise date.
	slices.SortFunc(ts, func(a, b *Telling) int {
		return cmp.Or(cmp.Compare(spec[b], spec[a]), cmp.Compare(b.p.prec, a.p.prec), cmp.Compare(a.Key, b.Key))
	})
	rep := slices.MinFunc(ts, func(a, b *Telling) int {
		return cmp.Or(cmp.Compare(b.p.prec, a.p.prec), cmp.Compare(spec[b], spec[a]), cmp.Compare(a.Key, b.Key))
	})
	m := annalist.MergedEvent{Key: rep.Key, NumberOfSources: len(ts), Pairs: g.Pairs}
	e := rep.Event
	e.SideA, e.SideB = slices.Clone(e.SideA), slices.Clone(e.SideB)
	for _, t := range ts {
		if e.Name == nil && t.Event.Name != nil {
			e.Name = t.Event.Name
		}
	}
	if place := placeOf(ts); place != nil {
		e.Place = place
	}
	fields := map[string]*annalist.Count{}
	var figs []sourced
	for _, t := range ts {
		flipped := t != rep && isFlipped(rep.p, t.p)
		a, b := t.Event.SideA, t.Event.SideB
		if flipped {
			a, b = b, a
		}
		e.SideA, e.SideB = addNames(e.SideA, a), addNames(e.SideB, b)
		src := annalist.EventSource{
			EventKey: t.Key, ArticleKey: t.ArticleKey, ArticleTitle: t.ArticleTitle,
			Specificity: spec[t], Flipped: flipped, Event: t.Event, Figures: []annalist.SourceFigure{},
		}
		src.Figures = append(src.Figures, eventFigures(&t.Event, flipped)...)
		if t.p.spec == annalist.SpecOwn && t.Conflict != nil {
			src.Figures = append(src.Figures, r.infoboxFigures(t.Conflict, t.Event.SideA, t.Event.SideB, flipped)...)
		}
		for _, f := range src.Figures {
			figs = append(figs, sourced{f, t.Key})
		}
		m.Sources = append(m.Sources, src)
	}
	for _, field := range countFields {
		var low, high, best *int
		var lowFrom, highFrom string
		var maxLow, minHigh *int
		approx := false
		for _, f := range figs {
			if f.fig.Field != field {
				continue
			}
			l, ok := annalist.CountLow(&f.fig.Count)
			if !ok {
				continue
			}
			h, _ := annalist.CountHigh(&f.fig.Count)
			b, _ := annalist.CountBest(&f.fig.Count)
			approx = approx || f.fig.Approx
			if low == nil || l < *low {
				low = &l
			}
			if high == nil || h > *high {
				high = &h
			}
			if best == nil { // figs run most specific source first
				best = &b
			}
			if maxLow == nil || l > *maxLow {
				maxLow, highFrom = &l, f.from
			}
			if minHigh == nil || h < *minHigh {
				minHigh, lowFrom = &h, f.from
			}
		}
		if low == nil {
			continue
		}
		fields[field] = &annalist.Count{Low: low, Best: best, High: high, Approx: approx}
		// A high of 0 ("no casualties") against any number is a dispute
		// too: the factor is then taken against 1.
		if factor := float64(*maxLow) / float64(max(*minHigh, 1)); *maxLow > *minHigh && factor > annalist.DisputeFactor {
			m.Disputes = append(m.Disputes, annalist.Dispute{Field: field, Low: *minHigh, High: *maxLow, Factor: factor, LowFrom: lowFrom, HighFrom: highFrom})
		}
	}
	setCounts(&e, fields)
	m.Event = e
	return m
}

type sourced struct {
	fig  annalist.SourceFigure
	from string
}

// countFields are the merged event's counts, in the order of its record.
var countFields = []string{"deaths_a", "deaths_b", "wounded_a", "wounded_b", "captured_a", "captured_b", "missing_a", "missing_b", "deaths_unknown", "wounded_unknown"}

func countsOf(e *annalist.Event) []**annalist.Count {
	return []**annalist.Count{&e.DeathsA, &e.DeathsB, &e.WoundedA, &e.WoundedB, &e.CapturedA, &e.CapturedB, &e.MissingA, &e.MissingB, &e.DeathsUnknown, &e.WoundedUnknown}
}

func setCounts(e *annalist.Event, fields map[string]*annalist.Count) {
	for i, c := range countsOf(e) {
		*c = fields[countFields[i]]
	}
}

// eventFigures lists a telling's counts under the merged event's fields.
func eventFigures(e *annalist.Event, flipped bool) []annalist.SourceFigure {
	var out []annalist.SourceFigure
	for i, c := range countsOf(e) {
		if *c == nil || (*c).IsEmpty() {
			continue
		}
		out = append(out, annalist.SourceFigure{Field: flipField(countFields[i], flipped), From: "event", AccordingTo: e.AccordingTo, Count: **c})
	}
	return out
}

func flipField(f string, flipped bool) string {
	if !flipped {
		return f
	}
	switch {
	case strings.HasSuffix(f, "_a"):
		return strings.TrimSuffix(f, "_a") + "_b"
	case strings.HasSuffix(f, "_b"):
		return strings.TrimSuffix(f, "_b") + "_a"
	}
	return f
}

// infoboxFigures lists the casualties of a clash's own infobox under the
// merged event's fields: each infobox side is the telling's side a or b
// whose states it names, and each figure of people counts as deaths,
// wounded, captured or missing by its status (words.tsv). The parts of a
// side's total (sum_of_parts) are left out: the total is there.
func (r *Rule) infoboxFigures(c *annalist.Conflict, sideA, sideB []string, flipped bool) []annalist.SourceFigure {
	a, b := foldAll(sideA), foldAll(sideB)
	var out []annalist.SourceFigure
	for _, s := range c.Sides {
		names := foldAll(s.Belligerents)
		meets := func(x []string) bool {
			return slices.ContainsFunc(names, func(n string) bool { return slices.Contains(x, n) })
		}
		var side string
		switch {
		case meets(a) && !meets(b):
			side = "a"
		case meets(b) && !meets(a):
			side = "b"
		default:
			continue
		}
		for _, f := range s.Casualties {
			if f.What != "personnel" || f.Status == nil || (f.SumOfParts && f.Belligerent != "") || f.IsEmpty() {
				continue
			}
			kind := r.statusKind(*f.Status)
			if kind == "" {
				continue
			}
			out = append(out, annalist.SourceFigure{Field: flipField(kind+"_"+side, flipped), From: "infobox", AccordingTo: f.AccordingTo, Count: f.Count})
		}
	}
	return out
}

// statusKind returns the count a casualty status bears on, "" for none.
func (r *Rule) statusKind(status string) string {
	words := strings.Fields(gazetteer.Fold(status))
	for _, sw := range r.statuses {
		if slices.Contains(words, sw.word) {
			return sw.kind
		}
	}
	return ""
}

func isFlipped(rep, t *prepared) bool {
	same, flipped := dyad(rep, t)
	return !same && flipped
}

func addNames(to, from []string) []string {
	for _, n := range from {
		if !slices.ContainsFunc(to, func(m string) bool { return gazetteer.Fold(m) == gazetteer.Fold(n) }) {
			to = append(to, n)
		}
	}
	return to
}

// placeOf returns the most precise place among the tellings (ts in
// source order, which breaks ties), nil when none has coordinates.
func placeOf(ts []*Telling) *annalist.Place {
	var best *annalist.Place
	for _, t := range ts {
		if !t.p.hasPoint {
			continue
		}
		if best == nil || rank(t.p.wherePrec) < rank(best.WherePrec) {
			best = t.Event.Place
		}
	}
	return best
}

// rank orders where_prec codes, 0 (not stated) after all others.
func rank(p int) int {
	if p == 0 {
		return 8
	}
	return p
}
