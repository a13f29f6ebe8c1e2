package resolve

import (
	"cmp"
	"container/heap"
	"slices"

	"github.com/annalist/annalist"
)

// Group is one merged event's tellings (sorted by key) and the verdicts
// on pairs of them: those joined, and those the rule found the same
// clash but the grouping kept apart (another telling of one of their
// articles fitted better).
type Group struct {
	Tellings []*Telling
	Pairs    []annalist.PairVerdict
}

// Cluster splits a connected set of tellings into merged events, given
// the verdicts on its candidate pairs (those not Same are ignored). Pairs
// are joined best score first, ties by key, so the result does not
// depend on the order of either slice; two groups are joined only when
// they hold no two tellings of one article and no pair across them is
// vetoed (a chain of near matches does not join two clashes the rule
// keeps apart). Every telling is in exactly one group.
func (r *Rule) Cluster(ts []*Telling, verdicts []annalist.PairVerdict) []Group {
	idx := make(map[string]int, len(ts))
	sorted := slices.Clone(ts)
	slices.SortFunc(sorted, func(a, b *Telling) int { return cmp.Compare(a.Key, b.Key) })
	for i, t := range sorted {
		idx[t.Key] = i
	}
	edges := make([]annalist.PairVerdict, 0, len(verdicts))
	for _, v := range verdicts {
		_, okA := idx[v.A]
		_, okB := idx[v.B]
		if v.Same && okA && okB {
			edges = append(edges, v)
		}
	}
	slices.SortFunc(edges, func(x, y annalist.PairVerdict) int {
		return cmp.Or(cmp.Compare(y.Score, x.Score), cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B))
	})
	edges = slices.CompactFunc(edges, func(x, y annalist.PairVerdict) bool { return x.A == y.A && x.B == y.B })

	group := make([]int, len(sorted)) // telling → its group's root
	members := make([][]int, len(sorted))
	for i := range sorted {
		group[i], members[i] = i, []int{i}
	}
	joined := make([]bool, len(edges))
	for k, e := range edges {
		ga, gb := group[idx[e.A]], group[idx[e.B]]
		if ga == gb {
			joined[k] = true
			continue
		}
		if !r.compatible(sorted, members[ga], members[gb]) {
			continue
		}
		if len(members[ga]) < len(members[gb]) {
			ga, gb = gb, ga
		}
		for _, m := range members[gb] {
			group[m] = ga
		}
		members[ga] = append(members[ga], members[gb]...)
		members[gb] = nil
		joined[k] = true
	}
	var out []Group
	at := map[int]int{}
	for i := range sorted {
		g := group[i]
		k, ok := at[g]
		if !ok {
			k = len(out)
			at[g] = k
			out = append(out, Group{})
		}
		out[k].Tellings = append(out[k].Tellings, sorted[i])
	}
	for k, e := range edges {
		e.Joined = joined[k] && group[idx[e.A]] == group[idx[e.B]]
		g := at[group[idx[e.A]]]
		out[g].Pairs = append(out[g].Pairs, e)
		if !e.Joined {
			if h := at[group[idx[e.B]]]; h != g {
				out[h].Pairs = append(out[h].Pairs, e)
			}
		}
	}
	return out
}

// compatible reports whether two groups may become one: no article in
// both, no vetoed pair across them.
func (r *Rule) compatible(ts []*Telling, x, y []int) bool {
	for _, i := range x {
		for _, j := range y {
			if ts[i].ArticleKey == ts[j].ArticleKey {
				return false
			}
		}
	}
	for _, i := range x {
		for _, j := range y {
			if r.vetoed(ts[i], ts[j]) {
				return false
			}
		}
	}
	return true
}

// Stream resolves tellings read in order of their first day (undated
// ones anywhere: they never join), holding only those whose dates are
// still open: each new telling is judged against the open tellings that
// name one of its states, and a connected set of candidates is clustered
// (Cluster) and handed to emit as soon as none of its tellings is open.
// Memory follows how many clashes overlap in time, not the store's size.
type Stream struct {
	rule *Rule
	emit func([]Group) error

	open    openHeap                        // open tellings by last day
	byDyad  map[string]map[*member]struct{} // open tellings by pair of folded states (dyadKeys)
	lastDay int
	started bool

	// Judged counts the pairs weighed; Tellings the tellings read.
	Judged, Tellings int
}

type member struct {
	t     *Telling
	comp  *component
	index int // in the heap
	open  bool
}

type component struct {
	parent   *component
	members  []*member
	verdicts []annalist.PairVerdict
	open     int
}

func (c *component) root() *component {
	for c.parent != nil {
		if c.parent.parent != nil {
			c.parent = c.parent.parent
		}
		c = c.parent
	}
	return c
}

// NewStream returns a Stream that hands each finished set of groups to
// emit; groups of one telling are included.
func (r *Rule) NewStream(emit func([]Group) error) *Stream {
	return &Stream{rule: r, emit: emit, byDyad: map[string]map[*member]struct{}{}}
}

// ErrOrder is returned by Add for a telling that starts before one added
// earlier.
type ErrOrder struct{ Key string }

func (e ErrOrder) Error() string {
	return "resolve: telling " + e.Key + " starts before one added earlier; add tellings in order of their first day"
}

// Add reads the next telling.
func (s *Stream) Add(t *Telling) error {
	s.rule.Prepare(t)
	s.Tellings++
	if !t.p.dated {
		return s.emit([]Group{{Tellings: []*Telling{t}}})
	}
	if s.started && t.p.first < s.lastDay {
		return ErrOrder{t.Key}
	}
	s.started, s.lastDay = true, t.p.first
	if err := s.closeBefore(t.p.first); err != nil {
		return err
	}
	m := &member{t: t, open: true}
	m.comp = &component{members: []*member{m}, open: 1}
	seen := map[*member]bool{}
	dyads := dyadKeys(t.p)
	for _, st := range dyads {
		for o := range s.byDyad[st] {
			if seen[o] {
				continue
			}
			seen[o] = true
			s.Judged++
			if !s.rule.Same(o.t, t) {
				continue
			}
			v := s.rule.Judge(o.t, t)
			a, b := o.comp.root(), m.comp.root()
			if a != b {
				if len(a.members) < len(b.members) {
					a, b = b, a
				}
				a.members = append(a.members, b.members...)
				a.verdicts = append(a.verdicts, b.verdicts...)
				a.open += b.open
				b.members, b.verdicts, b.parent = nil, nil, a
			}
			a.verdicts = append(a.verdicts, v)
		}
	}
	for _, st := range dyads {
		set := s.byDyad[st]
		if set == nil {
			set = map[*member]struct{}{}
			s.byDyad[st] = set
		}
		set[m] = struct{}{}
	}
	heap.Push(&s.open, m)
	return nil
}

// closeBefore closes the tellings whose last day is before day, and
// emits the components that have none open left.
func (s *Stream) closeBefore(day int) error {
	for len(s.open) > 0 && s.open[0].t.p.last < day {
		m := heap.Pop(&s.open).(*member)
		m.open = false
		for _, st := range dyadKeys(m.t.p) {
			if set := s.byDyad[st]; set != nil {
				delete(set, m)
				if len(set) == 0 {
					delete(s.byDyad, st)
				}
			}
		}
		c := m.comp.root()
		if c.open--; c.open == 0 {
			ts := make([]*Telling, len(c.members))
			for i, mm := range c.members {
				ts[i] = mm.t
			}
			if err := s.emit(s.rule.Cluster(ts, c.verdicts)); err != nil {
				return err
			}
			c.members, c.verdicts = nil, nil
		}
	}
	return nil
}

// Close emits what is still open.
func (s *Stream) Close() error { return s.closeBefore(int(^uint(0) >> 1)) }

// dyadKeys returns the index keys of a telling: one per pair of a state
// of side a and a state of side b, the two in alphabetical order (so
// that a telling naming the sides the other way round finds it). Two
// tellings that share a state on each side share a key.
func dyadKeys(p *prepared) []string {
	keys := make([]string, 0, len(p.sideA)*len(p.sideB))
	for _, a := range p.sideA {
		for _, b := range p.sideB {
			x, y := a, b
			if y < x {
				x, y = y, x
			}
			if k := x + "\x00" + y; !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	return keys
}

type openHeap []*member

func (h openHeap) Len() int { return len(h) }
func (h openHeap) Less(i, j int) bool {
	return h[i].t.p.last < h[j].t.p.last || h[i].t.p.last == h[j].t.p.last && h[i].t.Key < h[j].t.Key
}
func (h openHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i]; h[i].index = i; h[j].index = j }
func (h *openHeap) Push(x any)   { m := x.(*member); m.index = len(*h); *h = append(*h, m) }
func (h *openHeap) Pop() any {
	old := *h
	m := old[len(old)-1]
	*h = old[:len(old)-1]
	return m
}
