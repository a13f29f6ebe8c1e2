package actor

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestScanFindsLongestAliasAtWordBoundaries(t *testing.T) {
	tab, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	sc := NewScanner(tab)
	tests := []struct {
		text string
		want []string // "Text=Canonical/kind"
	}{
		{"Cavalry of the Mongolian People's Army crossed.", []string{"Mongolian People's Army=Mongolia/army"}},
		{"A Mongolian party met the Soviets.", []string{"Mongolian=Mongolia/adjective", "Soviets=Soviet Union/demonym"}},
		{"the Soviet–Japanese border", []string{"Soviet=Soviet Union/adjective", "Japanese=Japan/demonym"}},
		{"Japan's claims to Korea", []string{"Japan=Japan/state", "Korea=Korea/state"}},
		{"Sugimoto's men drove them south.", nil},
		{"20 Soviet NKVD soldiers", []string{"Soviet=Soviet Union/adjective", "NKVD=Soviet Union/agency"}},
		{"Soldiers from the IJA 1st Division", []string{"IJA=Japan/army"}},
		{"the Japanese Korean Army sent ten men", []string{"Japanese Korean Army=Japan/army"}},
		{"Sovietized towns and a japan lacquer", nil},
		{"an ija cap", nil},
		// A warship's prefix names its navy's state.
		{"dive-bombers sank HMS Velo off the harbour", []string{"HMS=United Kingdom/army"}},
		{"the destroyer USS Kamen shot down the airliner", []string{"USS=United States/army"}},
		{"the hms velo was a hulk", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range sc.Scan(tt.text) {
			if tt.text[m.Span.Start:m.Span.End] != m.Text {
				t.Errorf("%q: span %v does not hold %q", tt.text, m.Span, m.Text)
			}
			got = append(got, m.Text+"="+m.Canonical+"/"+m.Kind)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Scan(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestAddBelligerentsDerivesDemonymsOfUnknownStates(t *testing.T) {
	tab, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	c := tab.Clone()
	lead := "The war was fought between Zembria and the Free Ostran Front (FOF) in 1911."
	got, added := AddBelligerents(c, []string{"Zembria", "Free Ostran Front", "Soviets"}, lead)
	if strings.Join(got, "|") != "Zembria|Free Ostran Front|Soviet Union" {
		t.Errorf("AddBelligerents = %v", got)
	}
	full, layered := NewScanner(c), NewScanner(tab).With(added)
	tests := []struct{ text, canonical string }{
		{"Zembrian troops", "Zembria"},
		{"the Zembrians", "Zembria"},
		{"FOF fighters", "Free Ostran Front"},
		{"the Free Ostran Front", "Free Ostran Front"},
	}
	for _, tt := range tests {
		for name, sc := range map[string]*Scanner{"clone": full, "With": layered} {
			ms := sc.Scan(tt.text)
			if len(ms) != 1 || ms[0].Canonical != tt.canonical {
				t.Errorf("%s: Scan(%q) = %+v, want one mention of %s", name, tt.text, ms, tt.canonical)
			}
		}
	}
	if _, _, ok := tab.Lookup("Zembrian"); ok {
		t.Error("AddBelligerents on a clone changed the shared table")
	}
	if _, kind, _ := c.Lookup("Free Ostran Front"); kind != KindGroup {
		t.Errorf("Free Ostran Front kind = %q, want group", kind)
	}
}

// A state named as the state of a place ("Republic of Velmora", "Grand
// Duchy of Tarn") is called in the prose by its place and the place's
// people; a name with other words before "of" ("Free City of Karvo") or
// a place the table knows ("Kingdom of France") adds none.
func TestAddBelligerentsNamesAStateByItsPlace(t *testing.T) {
	tab, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	c := tab.Clone()
	AddBelligerents(c, []string{"Republic of Velmora", "Grand Duchy of Tarn", "Free City of Karvo", "Kingdom of France"}, "")
	sc := NewScanner(c)
	tests := []struct{ text, canonical string }{
		{"Velmora refused to cede the island", "Republic of Velmora"},
		{"the Velmorans held the walls", "Republic of Velmora"},
		{"4,000 Velmoran soldiers", "Republic of Velmora"},
		{"Tarn sent its galleys", "Grand Duchy of Tarn"},
		{"the French crossed the river", "France"},
		{"Karvo", ""},
	}
	for _, tt := range tests {
		ms := sc.Scan(tt.text)
		got := ""
		if len(ms) > 0 {
			got = ms[0].Canonical
		}
		if got != tt.canonical {
			t.Errorf("Scan(%q) = %+v, want %q", tt.text, ms, tt.canonical)
		}
	}
}

func TestDeriveUsesLongestEnding(t *testing.T) {
	rules := demonymRules()
	tests := []struct{ name, want string }{
		{"Zembria", "Zembrian|Zembrians"},
		{"Ostrakuo", "Ostrakuoan|Ostrakuoans|Ostrakuan|Ostrakuans"},
		{"Valdistan", "Valdistani|Valdistanis"},
		{"Korvan", "Korvanese"},
		{"Brelm", "Brelmian|Brelmians|Brelmese|Brelmi|Brelmis"},
		{"Ostrades", "Ostradian|Ostradians|Ostradean|Ostradeans"},
		{"Velmon", "Velmonese|Velmene|Velmenes"},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range derive(tt.name, rules) {
			got = append(got, f.alias)
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("derive(%q) = %v, want %s", tt.name, got, tt.want)
		}
	}
}

func TestFormsOfOneWordNames(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Plataea", "Plataean|Plataeans"},
		{"Zembria", "Zembrian|Zembrians"},
		{"Kingdom of Zembria", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(Forms(tt.name), "|"); got != tt.want {
			t.Errorf("Forms(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestDemonymRulesFileIsWellFormed(t *testing.T) {
	lines := strings.Split(strings.TrimSpace(demonymsTSV), "\n")
	sawHeader := false
	for i, l := range lines {
		if strings.HasPrefix(l, "#") {
			continue
		}
		if !sawHeader {
			if l != "ending\tadjective\tdemonym\texample" {
				t.Fatalf("demonyms.tsv:%d: header %q", i+1, l)
			}
			sawHeader = true
			continue
		}
		if n := len(strings.Split(l, "\t")); n != 4 {
			t.Errorf("demonyms.tsv:%d: %d columns, want 4", i+1, n)
		}
	}
}

func BenchmarkScan(b *testing.B) {
	tab, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	sc := NewScanner(tab)
	text := strings.Repeat("On 8 May 1935, sixty Mongolian troops of the Mongolian People's Army clashed with a Manchukuoan patrol near the river, and the Japanese sent reinforcements. ", 50)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		sc.Scan(text)
	}
}

func FuzzScan(f *testing.F) {
	f.Add("Cavalry of the Mongolian People's Army met the Soviets near Japan's border.")
	f.Add("U.S.S.R. and IJA; the Soviet–Japanese war")
	f.Add("Zembrians fought the FOF")
	tab, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	c := tab.Clone()
	_, added := AddBelligerents(c, []string{"Zembria", "Free Ostran Front"}, "the Free Ostran Front (FOF)")
	sc := NewScanner(tab).With(added)
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, m := range sc.Scan(text) {
			if m.Span.Start < end || m.Span.End <= m.Span.Start || m.Span.End > len(text) {
				t.Fatalf("mention %v out of order or range (last end %d)", m.Span, end)
			}
			if text[m.Span.Start:m.Span.End] != m.Text || m.Canonical == "" {
				t.Fatalf("mention %+v", m)
			}
			end = m.Span.End
		}
	})
}

// BenchmarkWith measures the per-article layer: an article's belligerents,
// the adjectives of their names and its commanders, forty rows or so.
func BenchmarkWith(b *testing.B) {
	tab, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	s := NewScanner(tab)
	var rows []Alias
	for i := range 40 {
		rows = append(rows, Alias{Alias: fmt.Sprintf("Commander%c Family%c", 'A'+i%26, 'a'+i/26), Canonical: "Zembria", Kind: KindArmy})
	}
	b.ReportAllocs()
	for b.Loop() {
		if s.With(rows) == s {
			b.Fatal("no layer")
		}
	}
}

// A belligerent the table lacks is an armed group when its name says so
// (a group word in any case) or has a group's shape: several capitalized
// words, none of statehood ("Janatha Vimukthi Peramuna"). A name of one
// word, or one with a word of statehood or "of", is a state.
func TestAddBelligerentsTellsGroupsFromStates(t *testing.T) {
	tab, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	c := tab.Clone()
	names := []string{"Janatha Vimukthi Peramuna", "Ninja militia", "Zembria", "Velmish Khanate", "Free City of Karvo"}
	AddBelligerents(c, names, "")
	want := []string{KindGroup, KindGroup, KindState, KindState, KindState}
	for i, n := range names {
		if _, kind, _ := c.Lookup(n); kind != want[i] {
			t.Errorf("%q: kind %q, want %q", n, kind, want[i])
		}
	}
}

// A name with a word of an armed group in it is the group's, in either
// spelling; a state's name is not.
func TestGroupNameTellsAGroupFromAState(t *testing.T) {
	for _, tt := range []struct {
		name string
		want bool
	}{
		{"Western Somali Liberation Front", true},
		{"Turkish Resistance Organisation", true},
		{"Palestine Liberation Organization", true},
		{"Bulgarian Volunteers", true},
		{"Soviet Union", false},
		{"Republic of Turkey", false},
	} {
		if got := GroupName(tt.name); got != tt.want {
			t.Errorf("GroupName(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// An abbreviation the text defines after a state's name or its armed
// service's is that state's from then on; one after any other name is
// none.
func TestDefinedAbbreviationsNameStatesAndTheirForces(t *testing.T) {
	tab, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tab = tab.Clone()
	tab.Add("Republic of Zembria", "Republic of Zembria", KindState)
	for _, tc := range []struct {
		text string
		want []Alias
	}{
		{"In 1995, the Croatian Army (HV) attacked.", []Alias{{"HV", "Croatia", KindArmy}}},
		{"troops of the Army of the Republic of Vietnam (ARV) held the hill", []Alias{{"ARV", "South Vietnam", KindArmy}}},
		{"Dudaković's 5th Corps of the Army of the Republic of Zembria (ARZ) and the Republic of Zembria (RZ)", []Alias{{"ARZ", "Republic of Zembria", KindArmy}, {"RZ", "Republic of Zembria", KindState}}},
		// Not a state's: a party, a court, a university, a unit number.
		{"the Croatian Democratic Union (HDZ) won", nil},
		{"the International Criminal Tribunal for the former Yugoslavia (ICTY)", nil},
		{"at the University of Georgia (UGA)", nil},
		{"the Croatian Army (1st)", nil},
		// An abbreviation the table knows keeps its meaning.
		{"the Army of the Republic of Vietnam (USSR)", nil},
	} {
		got := DefinedAbbreviations(tab, tc.text)
		if !slices.Equal(got, tc.want) {
			t.Errorf("DefinedAbbreviations(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
