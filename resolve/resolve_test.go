package resolve

import (
	"strings"
	"testing"

	"github.com/annalist/annalist"
)

// tell builds a telling from a compact description; every test article
// and event here is invented.
type spec struct {
	key, article   string
	name           string
	start, end     string
	a, b           []string
	place          string // gazetteer id, "" for none
	lat, lon       float64
	prec           int
	section, quote string
	deathsA        *annalist.Count
	deathsB        *annalist.Count
}

func tell(t testing.TB, s spec) *Telling {
	t.Helper()
	e := annalist.Event{ID: s.key, SideA: s.a, SideB: s.b, DeathsA: s.deathsA, DeathsB: s.deathsB}
	var err error
	if e.DateStart, err = annalist.ParseDate(s.start); err != nil {
		t.Fatal(err)
	}
	if e.DateEnd, err = annalist.ParseDate(s.end); err != nil {
		t.Fatal(err)
	}
	if s.name != "" {
		e.Name = annalist.Ptr(s.name)
	}
	if s.place != "" {
		e.Place = &annalist.Place{Text: s.place, Lat: annalist.Ptr(s.lat), Lon: annalist.Ptr(s.lon), WherePrec: s.prec, Gazetteer: &annalist.GazetteerRef{ID: s.place}}
	}
	text := s.quote
	if text == "" {
		text = "Some fighting was reported."
	}
	e.Evidence = []annalist.Evidence{{Section: s.section, Text: text}}
	title := s.article
	return &Telling{Key: s.key, ArticleKey: annalist.ArticleKey(title), ArticleTitle: title, Event: e}
}

func newRule(t testing.TB) *Rule {
	t.Helper()
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

var (
	north = []string{"Northland"}
	south = []string{"Southia"}
)

func TestJudgeWeighsEachCriterion(t *testing.T) {
	r := newRule(t)
	tests := []struct {
		name     string
		x, y     spec
		same     bool
		score    int
		vetoedBy string // criterion, "" for none
	}{
		{
			name: "one named clash in two articles at the same lake",
			x:    spec{key: "k1", article: "Northland–Southia wars", name: "Battle of Pine Lake", start: "1901-05-02", end: "1901-05-09", a: north, b: south, place: "x:pine-lake", lat: 50, lon: 10, prec: 1},
			y:    spec{key: "k2", article: "Battle of Pine Lake", name: "Battle of Pine Lake", start: "1901-05-02", end: "1901-05-09", a: north, b: south, place: "x:pine-lake", lat: 50, lon: 10, prec: 1},
			same: true, score: 7,
		},
		{
			name: "two unnamed clashes of one day at villages eight kilometres apart stay apart",
			x:    spec{key: "k1", article: "A", start: "1901-05-02", end: "1901-05-02", a: north, b: south, place: "x:oakford", lat: 50, lon: 10, prec: 1},
			y:    spec{key: "k2", article: "B", start: "1901-05-02", end: "1901-05-02", a: north, b: south, place: "x:elmbury", lat: 50.07, lon: 10, prec: 1},
			same: false, score: 3,
		},
		{
			name: "two named clashes of one day at one place stay apart",
			x:    spec{key: "k1", article: "A", name: "Raid on Oakford", start: "1901-05-02", end: "1901-05-02", a: north, b: south, place: "x:oakford", lat: 50, lon: 10, prec: 2},
			y:    spec{key: "k2", article: "B", name: "Oakford Bridge skirmish", start: "1901-05-02", end: "1901-05-02", a: north, b: south, place: "x:oakford", lat: 50, lon: 10, prec: 2},
			same: false, score: 1,
		},
		{
			name: "a month and a day of it at the same place join",
			x:    spec{key: "k1", article: "A", start: "1901-06", end: "1901-06", a: north, b: south, place: "x:oakford", lat: 50, lon: 10, prec: 2},
			y:    spec{key: "k2", article: "B", start: "1901-06-08", end: "1901-06-08", a: north, b: south, place: "x:oakford", lat: 50, lon: 10, prec: 1},
			same: true, score: 4,
		},
		{
			name: "a year and a week of a named clash join without places",
			x:    spec{key: "k1", article: "A", name: "Siege of Redhold", start: "1902", end: "1902", a: north, b: south},
			y:    spec{key: "k2", article: "B", name: "Redhold", start: "1902-03-01", end: "1902-03-07", a: south, b: north},
			same: true, score: 5,
		},
		{
			name: "two tellings of one article never join",
			x:    spec{key: "k1", article: "A", name: "Battle of Pine Lake", start: "1901-05-02", end: "1901-05-02", a: north, b: south},
			y:    spec{key: "k2", article: "A", name: "Battle of Pine Lake", start: "1901-05-02", end: "1901-05-02", a: north, b: south},
			same: false, score: 5, vetoedBy: "article",
		},
		{
			name: "dates that do not meet",
			x:    spec{key: "k1", article: "A", name: "Battle of Pine Lake", start: "1901-05-02", end: "1901-05-03", a: north, b: south},
			y:    spec{key: "k2", article: "B", name: "Battle of Pine Lake", start: "1901-05-04", end: "1901-05-04", a: north, b: south},
			same: false, score: 3, vetoedBy: "date",
		},
		{
			name: "an undated telling",
			x:    spec{key: "k1", article: "A", name: "Battle of Pine Lake", a: north, b: south},
			y:    spec{key: "k2", article: "B", name: "Battle of Pine Lake", start: "1901-05-04", end: "1901-05-04", a: north, b: south},
			same: false, score: 3, vetoedBy: "date",
		},
		{
			name: "a third state on one side only",
			x:    spec{key: "k1", article: "A", name: "Battle of Pine Lake", start: "1901-05-02", end: "1901-05-02", a: north, b: south},
			y:    spec{key: "k2", article: "B", name: "Battle of Pine Lake", start: "1901-05-02", end: "1901-05-02", a: north, b: []string{"Eastmark"}},
			same: false, score: 5, vetoedBy: "dyad",
		},
		{
			name: "places 300 km apart",
			x:    spec{key: "k1", article: "A", start: "1901-05-02", end: "1901-05-02", a: north, b: south, place: "x:oakford", lat: 50, lon: 10, prec: 1},
			y:    spec{key: "k2", article: "B", start: "1901-05-02", end: "1901-05-02", a: north, b: south, place: "x:far", lat: 52.7, lon: 10, prec: 1},
			same: false, score: 2, vetoedBy: "place",
		},
		{
			name: "places 300 km apart but the same name",
			x:    spec{key: "k1", article: "A", name: "Battle of Pine Lake", start: "1901-05-02", end: "1901-05-02", a: north, b: south, place: "x:oakford", lat: 50, lon: 10, prec: 1},
			y:    spec{key: "k2", article: "B", name: "Pine Lake incident", start: "1901-05-02", end: "1901-05-02", a: north, b: south, place: "x:far", lat: 52.7, lon: 10, prec: 1},
			same: true, score: 5,
		},
		{
			name: "an alias in the evidence",
			x: spec{key: "k1", article: "A", name: "Battle of Pine Lake", start: "1901-05", end: "1901-05", a: north, b: south,
				quote: `The Battle of Pine Lake, also known as the "Cedar Hill Incident" (in Southia), was fought in May 1901.`},
			y:    spec{key: "k2", article: "Cedar Hill Incident", name: "Cedar Hill Incident", start: "1901-05-02", end: "1901-05-09", a: north, b: south},
			same: true, score: 5,
		},
		{
			name: "an unnamed telling under a heading naming the clash",
			x:    spec{key: "k1", article: "A", section: "Battle of Pine Lake (1901)", start: "1901-05", end: "1901-05", a: north, b: south, place: "x:pine-lake", lat: 50, lon: 10, prec: 1},
			y:    spec{key: "k2", article: "Battle of Pine Lake", name: "Battle of Pine Lake", start: "1901-05-02", end: "1901-05-09", a: north, b: south, place: "x:pine-lake", lat: 50, lon: 10, prec: 1},
			same: true, score: 7,
		},
		{
			name: "a day inside a long battle at a coarse place",
			x:    spec{key: "k1", article: "A", start: "1901-05-03", end: "1901-05-03", a: north, b: south, place: "x:province", lat: 50, lon: 10, prec: 4},
			y:    spec{key: "k2", article: "B", start: "1901-05-01", end: "1901-05-20", a: north, b: south, place: "x:province", lat: 50, lon: 10, prec: 4},
			same: false, score: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, y := tell(t, tt.x), tell(t, tt.y)
			v := r.Judge(x, y)
			if v.Same != tt.same || v.Score != tt.score {
				t.Errorf("same %v score %d, want %v %d; %s", v.Same, v.Score, tt.same, tt.score, explain(v))
			}
			veto := ""
			for _, reason := range v.Reasons {
				if reason.Veto {
					veto = reason.Criterion
				}
			}
			if veto != tt.vetoedBy {
				t.Errorf("vetoed by %q, want %q; %s", veto, tt.vetoedBy, explain(v))
			}
			if w := r.Judge(y, x); w.Score != v.Score || w.Same != v.Same || w.A != v.A {
				t.Errorf("Judge(y, x) = %s, differs from Judge(x, y)", explain(w))
			}
			if v.Why == "" || len(v.Reasons) < 4 {
				t.Errorf("verdict not explained: %s", explain(v))
			}
		})
	}
}

func explain(v annalist.PairVerdict) string {
	var b strings.Builder
	b.WriteString(v.Why)
	for _, r := range v.Reasons {
		b.WriteString("\n\t" + r.Criterion + ": " + r.Detail)
	}
	return b.String()
}

func TestNameKeyDropsGenericWordsAndYears(t *testing.T) {
	r := newRule(t)
	for _, tt := range []struct{ in, want string }{
		{"Battle of Pine Lake", "pine lake"},
		{"Pine Lake incident", "pine lake"},
		{"The Battle of Pine Lake (1901)", "pine lake"},
		{"Second Battle of Pine Lake", "second pine lake"},
		{"Battle", ""},
		{"Siège de Rédhold", "de redhold"},
	} {
		if got := r.NameKey(tt.in); got != tt.want {
			t.Errorf("NameKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAliasAtReadsANameUpToPunctuation(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{` the "Cedar Hill Incident" (in Southia)`, "Cedar Hill Incident"},
		{` the Cedar Hill Incident (in Southia)`, "Cedar Hill Incident"},
		{` Operation Lantern, was`, "Operation Lantern"},
		{` a small affair`, ""},
		{``, ""},
	} {
		if got := aliasAt(tt.in); got != tt.want {
			t.Errorf("aliasAt(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzNameKey(f *testing.F) {
	r := newRule(f)
	for _, s := range []string{"Battle of Pine Lake (1901)", "((", "also known as the \"X\"", "Ü ß ) ]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := r.NameKey(s)
		if strings.Contains(k, "  ") || strings.TrimSpace(k) != k {
			t.Errorf("NameKey(%q) = %q: stray spaces", s, k)
		}
		if a := aliasAt(s); len(strings.Fields(a)) > 8 {
			t.Errorf("aliasAt(%q) = %q: more than eight words", s, a)
		}
		e := annalist.Event{Name: &s, Evidence: []annalist.Evidence{{Text: s + " also known as " + s}}}
		r.aliasesIn(&e, s)
	})
}

func TestParseWordsNamesBadLines(t *testing.T) {
	_, err := parseWords([]byte("generic\tbattle\nnonsense\n"), "words.tsv")
	if err == nil || !strings.Contains(err.Error(), "words.tsv:2") {
		t.Errorf("err = %v, want one naming words.tsv:2", err)
	}
	_, err = parseWords([]byte("colour\tred\n"), "words.tsv")
	if err == nil || !strings.Contains(err.Error(), `unknown kind "colour"`) {
		t.Errorf("err = %v, want unknown kind", err)
	}
}
