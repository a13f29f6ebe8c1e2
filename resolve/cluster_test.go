package resolve

import (
	"cmp"
	"encoding/json"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/annalist/annalist"
)

// campaign is an invented set of tellings: a war's article with a
// summary of the battle and a day of it, the battle's own article, a
// third article with the battle under a section heading, and two clashes
// of one day in one region that stay apart.
func campaign(t testing.TB) []*Telling {
	war, battle, third := "Northland–Southia War", "Battle of Pine Lake", "Southia in the 1900s"
	return []*Telling{
		tell(t, spec{key: "w1", article: war, name: "Battle of Pine Lake", start: "1901-05", end: "1901-05", a: north, b: south, place: "x:pine-lake", lat: 50, lon: 10, prec: 1,
			deathsA: annalist.Ptr(annalist.Exact(40)), deathsB: annalist.Ptr(annalist.Range(100, 120))}),
		tell(t, spec{key: "w2", article: war, start: "1901-05-04", end: "1901-05-04", a: north, b: south, place: "x:pine-lake", lat: 50, lon: 10, prec: 1}),
		tell(t, spec{key: "b1", article: battle, name: "Battle of Pine Lake", start: "1901-05-02", end: "1901-05-09", a: south, b: north, place: "x:pine-lake", lat: 50.01, lon: 10, prec: 2,
			deathsA: annalist.Ptr(annalist.Exact(90)), deathsB: annalist.Ptr(annalist.Exact(35))}),
		tell(t, spec{key: "c1", article: third, section: "Battle of Pine Lake", start: "1901-05", end: "1901-05", a: north, b: south,
			deathsB: annalist.Ptr(annalist.AtLeast(600))}),
		tell(t, spec{key: "x1", article: war, start: "1901-07-10", end: "1901-07-10", a: north, b: south, place: "x:oakford", lat: 48, lon: 12, prec: 1}),
		tell(t, spec{key: "y1", article: third, start: "1901-07-10", end: "1901-07-10", a: north, b: south, place: "x:elmbury", lat: 48.06, lon: 12, prec: 1}),
	}
}

// resolveAll streams tellings (sorted by first day, ties in the order
// given) and returns the merged events, sorted by key, as JSON.
func resolveAll(t testing.TB, r *Rule, ts []*Telling) []annalist.MergedEvent {
	t.Helper()
	for _, x := range ts {
		x.p = nil // as a new run would see them
		r.Prepare(x)
	}
	ts = slices.Clone(ts)
	slices.SortStableFunc(ts, func(a, b *Telling) int { return cmp.Compare(a.p.first, b.p.first) })
	var out []annalist.MergedEvent
	s := r.NewStream(func(gs []Group) error {
		for _, g := range gs {
			out = append(out, r.Merge(g))
		}
		return nil
	})
	for _, x := range ts {
		if err := s.Add(x); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(out, func(a, b annalist.MergedEvent) int { return cmp.Compare(a.Key, b.Key) })
	return out
}

func keysOf(ms []annalist.MergedEvent) map[string][]string {
	out := map[string][]string{}
	for _, m := range ms {
		for _, s := range m.Sources {
			out[m.Key] = append(out[m.Key], s.EventKey)
		}
		slices.Sort(out[m.Key])
	}
	return out
}

func TestStreamJoinsOneClashAcrossArticlesOnly(t *testing.T) {
	r := newRule(t)
	got := keysOf(resolveAll(t, r, campaign(t)))
	want := map[string][]string{
		"b1": {"b1", "c1", "w1"}, // the battle: its own article, the war's summary, the section
		"w2": {"w2"},             // a day of it in the war's article: w1 took that article's place
		"x1": {"x1"},             // one day, one region, two villages: two clashes
		"y1": {"y1"},
	}
	if !equalGroups(got, want) {
		t.Errorf("groups = %v, want %v", got, want)
	}
}

func equalGroups(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !slices.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

func TestStreamIsReproducibleInAnyOrder(t *testing.T) {
	r := newRule(t)
	ts := campaign(t)
	first, err := json.Marshal(resolveAll(t, r, ts))
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 50 {
		rng.Shuffle(len(ts), func(i, j int) { ts[i], ts[j] = ts[j], ts[i] })
		again, err := json.Marshal(resolveAll(t, r, ts))
		if err != nil {
			t.Fatal(err)
		}
		if string(again) != string(first) {
			t.Fatalf("order %v gives\n%s\nwant\n%s", keysOf(resolveAll(t, r, ts)), again, first)
		}
	}
}

func TestClusterMatchesStreamOnOneComponent(t *testing.T) {
	r := newRule(t)
	ts := campaign(t)[:4]
	var verdicts []annalist.PairVerdict
	for i := range ts {
		for j := i + 1; j < len(ts); j++ {
			verdicts = append(verdicts, r.Judge(ts[i], ts[j]))
		}
	}
	slices.Reverse(verdicts)
	var got [][]string
	for _, g := range r.Cluster(ts, verdicts) {
		var keys []string
		for _, x := range g.Tellings {
			keys = append(keys, x.Key)
		}
		got = append(got, keys)
	}
	want := [][]string{{"b1", "c1", "w1"}, {"w2"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("Cluster = %v, want %v", got, want)
	}
}

func TestMergeTakesRangesAndTheMostSpecificBest(t *testing.T) {
	r := newRule(t)
	var m annalist.MergedEvent
	for _, x := range resolveAll(t, r, campaign(t)) {
		if x.Key == "b1" {
			m = x
		}
	}
	if m.NumberOfSources != 3 {
		t.Fatalf("number_of_sources = %d, want 3", m.NumberOfSources)
	}
	// b1 names the sides Southia v Northland and is the representative
	// (day precision, own article): its side a is Southia.
	if !slices.Equal(m.Event.SideA, south) || !slices.Equal(m.Event.SideB, north) {
		t.Errorf("sides %v v %v, want Southia v Northland", m.Event.SideA, m.Event.SideB)
	}
	if got := m.Event.DateStart.String() + "/" + m.Event.DateEnd.String(); got != "1901-05-02/1901-05-09" {
		t.Errorf("date %s, want the battle article's 1901-05-02/1901-05-09", got)
	}
	if m.Event.Place.WherePrec != 1 || m.Event.Place.Gazetteer.ID != "x:pine-lake" || *m.Event.Place.Lat != 50 {
		t.Errorf("place %+v, want the war article's where_prec 1 point", *m.Event.Place)
	}
	// Southia's dead: b1 says 90, w1 100–120, c1 600 or more.
	check := func(field string, c *annalist.Count, low, best, high int) {
		t.Helper()
		if c == nil || c.Low == nil || c.Best == nil || c.High == nil || *c.Low != low || *c.Best != best || *c.High != high {
			t.Errorf("%s = %+v, want %d/%d/%d", field, c, low, best, high)
		}
	}
	check("deaths_a", m.Event.DeathsA, 90, 90, 600)
	check("deaths_b", m.Event.DeathsB, 35, 35, 40)
	if len(m.Disputes) != 1 || m.Disputes[0].Field != "deaths_a" || m.Disputes[0].Low != 90 || m.Disputes[0].High != 600 || m.Disputes[0].HighFrom != "c1" {
		t.Errorf("disputes = %+v, want deaths_a 90 against c1's 600", m.Disputes)
	}
	specs := []annalist.Specificity{}
	for _, s := range m.Sources {
		specs = append(specs, s.Specificity)
	}
	if !slices.Equal(specs, []annalist.Specificity{annalist.SpecOwn, annalist.SpecSection, annalist.SpecMention}) {
		t.Errorf("specificities %v, want own, section, mention", specs)
	}
	var joined int
	for _, p := range m.Pairs {
		if p.Joined {
			joined++
		}
	}
	if joined < 2 {
		t.Errorf("%d joined pairs explained, want at least 2: %+v", joined, m.Pairs)
	}
}

func TestMergeReadsTheOwnArticlesInfobox(t *testing.T) {
	r := newRule(t)
	own := tell(t, spec{key: "b1", article: "Battle of Pine Lake", name: "Battle of Pine Lake", start: "1901-05-02", end: "1901-05-09", a: north, b: south})
	own.Conflict = &annalist.Conflict{Name: "Battle of Pine Lake", Sides: []annalist.Side{
		{Belligerents: []string{"Southia"}, Casualties: []annalist.Figure{
			{What: "personnel", Status: annalist.Ptr("killed"), AccordingTo: annalist.Ptr("Southian sources"), Count: annalist.Exact(300)},
			{What: "personnel", Status: annalist.Ptr("wounded or sick"), Count: annalist.Exact(900)},
			{What: "personnel", Status: annalist.Ptr("killed or missing"), AccordingTo: annalist.Ptr("Northland claim"), Count: annalist.Exact(2000)},
			{What: "tanks", Status: annalist.Ptr("destroyed"), Count: annalist.Exact(4)},
		}},
		{Belligerents: []string{"Northland", "Westria"}, Casualties: []annalist.Figure{
			{What: "personnel", Status: annalist.Ptr("killed"), Count: annalist.Exact(120)},
		}},
	}}
	summary := tell(t, spec{key: "w1", article: "Northland–Southia War", name: "Pine Lake incident", start: "1901-05", end: "1901-05", a: south, b: north,
		deathsA: annalist.Ptr(annalist.Exact(250))})
	ms := resolveAll(t, r, []*Telling{own, summary})
	if len(ms) != 1 {
		t.Fatalf("%d merged events, want 1: %v", len(ms), keysOf(ms))
	}
	m := ms[0]
	if c := m.Event.DeathsB; c == nil || *c.Low != 250 || *c.Best != 300 || *c.High != 2000 {
		t.Errorf("deaths_b (Southia) = %+v, want 250/300/2000", c)
	}
	if c := m.Event.WoundedB; c == nil || *c.Low != 900 {
		t.Errorf("wounded_b = %+v, want 900", c)
	}
	if c := m.Event.DeathsA; c == nil || *c.Best != 120 {
		t.Errorf("deaths_a (Northland) = %+v, want 120", c)
	}
	var infobox int
	for _, f := range m.Sources[0].Figures {
		if f.From == "infobox" {
			infobox++
		}
	}
	if m.Sources[0].EventKey != "b1" || infobox != 4 {
		t.Errorf("first source %s with %d infobox figures, want b1 with 4: %+v", m.Sources[0].EventKey, infobox, m.Sources[0].Figures)
	}
	if len(m.Disputes) != 1 || m.Disputes[0].Field != "deaths_b" || m.Disputes[0].Factor != 8 {
		t.Errorf("disputes %+v, want deaths_b 250 against 2000 (factor 8)", m.Disputes)
	}
}

func TestStreamRefusesTellingsOutOfOrder(t *testing.T) {
	r := newRule(t)
	s := r.NewStream(func([]Group) error { return nil })
	ts := campaign(t)
	if err := s.Add(ts[2]); err != nil { // 1901-05-02
		t.Fatal(err)
	}
	if err := s.Add(ts[0]); err == nil { // 1901-05-01
		t.Error("no error for a telling that starts earlier")
	}
}
