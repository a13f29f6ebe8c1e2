package state

import (
	"slices"

	"github.com/annalist/annalist"
)

// Canon maps a belligerent's name as an article writes it to the name the
// table may know it by (the actor table's canonical name: "USSR" →
// "Soviet Union"); ok is false when it knows no other name.
type Canon func(name string) (canonical string, ok bool)

// Held returns the present-day countries (ISO 3166-1 alpha-2) whose
// ground a state held in a year (the gazetteer's states.tsv), nil when
// it does not know.
type Held func(state string, year int) []string

// memo returns c answering each name once; nil stays nil. The names of
// one document are few, so the answers are kept in a slice.
func (c Canon) memo() Canon {
	if c == nil {
		return nil
	}
	type answer struct {
		name, canonical string
		ok              bool
	}
	var seen []answer
	return func(name string) (string, bool) {
		for _, a := range seen {
			if a.name == name {
				return a.canonical, a.ok
			}
		}
		canonical, ok := c(name)
		seen = append(seen, answer{name, canonical, ok})
		return canonical, ok
	}
}

// memo returns h answering each state and year once; nil stays nil.
func (h Held) memo() Held {
	if h == nil {
		return nil
	}
	type answer struct {
		state string
		year  int
		cc    []string
	}
	var seen []answer
	return func(state string, year int) []string {
		for _, a := range seen {
			if a.state == state && a.year == year {
				return a.cc
			}
		}
		cc := h(state, year)
		seen = append(seen, answer{state, year, cc})
		return cc
	}
}

// Resolve returns the state a belligerent's name means in from..to: the
// name itself, else its canonical name.
func (t *Table) Resolve(name string, from, to annalist.Date, canon Canon) (*State, bool) {
	if s, ok := t.LookupSpan(name, from, to); ok {
		return s, true
	}
	if canon != nil {
		if c, ok := canon(name); ok && c != name {
			return t.LookupSpan(c, from, to)
		}
	}
	return nil, false
}

// AnnotateDocument gives every belligerent of doc its Actor (Side.Actors,
// Event.ActorsA and ActorsB, at the conflict's start and each event's
// dates) and each placed event the state that held its place (Place.HeldBy).
// canon and held may be nil.
func (t *Table) AnnotateDocument(doc *annalist.Document, canon Canon, held Held) {
	// Every event asks again about the same few belligerents.
	canon, held = canon.memo(), held.memo()
	var cFrom, cTo annalist.Date
	var all []string // the conflict's belligerents
	if c := doc.Conflict; c != nil {
		cFrom, cTo = c.Start, c.End
		for i := range c.Sides {
			c.Sides[i].Actors = t.actors(c.Sides[i].Belligerents, cFrom, cTo, canon)
			all = append(all, c.Sides[i].Belligerents...)
		}
	}
	for i := range doc.Events {
		ev := &doc.Events[i]
		from, to := ev.DateStart, ev.DateEnd
		if from.IsZero() {
			from, to = cFrom, cTo
		}
		ev.ActorsA = t.actors(ev.SideA, from, to, canon)
		ev.ActorsB = t.actors(ev.SideB, from, to, canon)
		if p := ev.Place; p != nil && p.Country != "" && !from.IsZero() {
			p.HeldBy = t.holder(p.Country, from, to, slices.Concat(ev.SideA, ev.SideB), all, canon, held)
		}
	}
}

// actors returns names' Actors, or nil when none is known.
func (t *Table) actors(names []string, from, to annalist.Date, canon Canon) []*annalist.Actor {
	var out []*annalist.Actor
	for i, n := range names {
		s, ok := t.Resolve(n, from, to, canon)
		if !ok {
			continue
		}
		if out == nil {
			out = make([]*annalist.Actor, len(names))
		}
		out[i] = s.Actor()
	}
	return out
}

// holder names the state that held a place in country cc at the event's
// date: the one belligerent of the event that held ground in cc then, else
// the one of the conflict's belligerents, else the state of the country's
// lineage that existed then.
func (t *Table) holder(cc string, from, to annalist.Date, sides, conflict []string, canon Canon, held Held) string {
	for _, names := range [][]string{sides, conflict} {
		if held == nil {
			break
		}
		var found []string
		for _, n := range names {
			name := n
			if canon != nil {
				if c, ok := canon(n); ok {
					name = c
				}
			}
			if slices.Contains(held(name, from.Year), cc) {
				s, ok := t.Resolve(n, from, to, canon)
				if ok {
					name = s.Name
				}
				if !slices.Contains(found, name) {
					found = append(found, name)
				}
			}
		}
		if len(found) == 1 {
			return found[0]
		}
		if len(found) > 1 {
			return "" // contested between the sides: the text must say
		}
	}
	now, ok := t.Country(cc)
	if !ok {
		return ""
	}
	if now.Covers(from, annalist.Date{}) {
		return now.Name
	}
	if s := t.first(t.byLineage[now.Lineage], from, annalist.Date{}); s != nil {
		return s.Name
	}
	return ""
}
