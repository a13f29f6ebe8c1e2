package actor

import (
	"strings"
	"testing"
)

func TestLoadEmbeddedTable(t *testing.T) {
	tab, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if tab.Len() < 500 {
		t.Errorf("embedded table has %d rows, want a broad coverage of states (>= 500)", tab.Len())
	}
}

func TestLookupNamesStatesByCanonicalName(t *testing.T) {
	tab, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in, canonical, kind string
	}{
		{"Soviet Union", "Soviet Union", KindFormer},
		{"USSR", "Soviet Union", KindAbbreviation},
		{"the Soviet Union", "Soviet Union", KindFormer},
		{"The Soviet Union", "Soviet Union", KindFormer},
		{"Soviets", "Soviet Union", KindDemonym},
		{"Soviet", "Soviet Union", KindAdjective},
		{"Empire of Japan", "Japan", KindFormer},
		{"Japanese", "Japan", KindDemonym},
		{"Republic of China", "China", KindFormer},
		{"Manchukuoan", "Manchukuo", KindAdjective},
		{"Mongol", "Mongolia", KindDemonym},
		{"Mongolian", "Mongolia", KindAdjective},
		{"Burkinabé", "Burkina Faso", KindDemonym},
		{"Malian", "Mali", KindAdjective},
		{"Peruvian", "Peru", KindAdjective},
		{"Ecuadorian", "Ecuador", KindAdjective},
		{"Indian", "India", KindAdjective},
		{"Pakistani", "Pakistan", KindAdjective},
		{"Pakistanis", "Pakistan", KindDemonym},
		{"Israelis", "Israel", KindDemonym},
		{"Yemenis", "Yemen", KindDemonym},
		{"Chinese", "China", KindDemonym},
		{"united states", "United States", KindState},
		{"BURKINABÉ", "Burkina Faso", KindDemonym},
		{"são tomé and príncipe", "São Tomé and Príncipe", KindState},
		{"Burma", "Myanmar", KindFormer},
		{"Ivory Coast", "Ivory Coast", KindState},
	}
	for _, tt := range tests {
		c, k, ok := tab.Lookup(tt.in)
		if !ok || c != tt.canonical || k != tt.kind {
			t.Errorf("Lookup(%q) = %q, %q, %v; want %q, %q", tt.in, c, k, ok, tt.canonical, tt.kind)
		}
	}
}

func TestLookupRejectsUnknownAndPartialNames(t *testing.T) {
	tab, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{"", "the", "Afghan mercenaries", "Soviet Union and Japan", "Northeast Asia", "the "} {
		if c, _, ok := tab.Lookup(in); ok {
			t.Errorf("Lookup(%q) = %q, want no match", in, c)
		}
	}
}

func TestLookupPrefersCaseSensitiveMatch(t *testing.T) {
	tab, err := Parse(strings.NewReader(header+"\nUS\tUnited States\tabbreviation\tx\nus\tUs Group\tgroup\tx\n"), "t.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if c, _, _ := tab.Lookup("us"); c != "Us Group" {
		t.Errorf("Lookup(us) = %q, want the exact-case row", c)
	}
	if c, _, _ := tab.Lookup("US"); c != "United States" {
		t.Errorf("Lookup(US) = %q, want the exact-case row", c)
	}
	if c, _, _ := tab.Lookup("Us"); c != "United States" {
		t.Errorf("Lookup(Us) = %q, want the first row case-insensitively", c)
	}
}

func TestCloneAddDoesNotTouchSharedTable(t *testing.T) {
	tab, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	n := tab.Len()
	c := tab.Clone()
	c.Add("Zembran Legion", "Japan", KindArmy)
	c.Add("Soviets", "Someone Else", KindGroup) // shadows in the clone only
	if got, _, ok := c.Lookup("Zembran Legion"); !ok || got != "Japan" {
		t.Errorf("clone Lookup(Kwantung Army) = %q, %v", got, ok)
	}
	if got, _, _ := c.Lookup("Soviets"); got != "Someone Else" {
		t.Errorf("clone Lookup(Soviets) = %q, want the clone's row", got)
	}
	if _, _, ok := tab.Lookup("Zembran Legion"); ok {
		t.Error("Add on a clone changed the shared table")
	}
	if got, _, _ := tab.Lookup("Soviets"); got != "Soviet Union" {
		t.Errorf("shared Lookup(Soviets) = %q after clone Add", got)
	}
	if tab.Len() != n || c.Len() != n+2 {
		t.Errorf("Len: shared %d (was %d), clone %d", tab.Len(), n, c.Len())
	}
	seen := 0
	c.Each(func(alias, canonical, kind string) {
		if alias == "Zembran Legion" && canonical == "Japan" && kind == KindArmy {
			seen++
		}
	})
	if seen != 1 {
		t.Errorf("Each visited the added row %d times", seen)
	}
}

func TestParseErrorsNameTheLine(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"no header", "Japan\tJapan\tstate\tx\n", "t.tsv:1: want header"},
		{"missing column", header + "\n# c\nJapan\tJapan\tstate\n", "t.tsv:3: want 4"},
		{"bad kind", header + "\nJapan\tJapan\tcountry\tx\n", "t.tsv:2: unknown kind"},
		{"empty alias", header + "\n\tJapan\tstate\tx\n", "t.tsv:2: empty alias"},
		{"empty file", "# only comments\n", "no header line"},
	}
	for _, tt := range tests {
		_, err := Parse(strings.NewReader(tt.in), "t.tsv")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want it to contain %q", tt.name, err, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(header + "\nJapan\tJapan\tstate\tx\n")
	f.Add("\ufeff" + header + "\r\n# c\r\nA\tB\tgroup\ts\r\n")
	f.Fuzz(func(t *testing.T, in string) {
		tab, err := Parse(strings.NewReader(in), "f.tsv")
		if err != nil {
			return
		}
		tab.Each(func(alias, canonical, kind string) {
			if _, _, ok := tab.Lookup(alias); !ok && strings.TrimSpace(alias) != "" {
				t.Errorf("alias %q from Each not found by Lookup", alias)
			}
		})
	})
}

func TestLeaderNamesTheStateAPersonLed(t *testing.T) {
	tab, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for person, want := range map[string]string{"Joseph Stalin": "Soviet Union", "Hirohito": "Japan", "Jawaharlal Nehru": "India"} {
		if got, ok := tab.Leader(person); !ok || got != want {
			t.Errorf("Leader(%q) = %q, %v; want %q", person, got, ok, want)
		}
	}
	if got, ok := tab.Leader("Ada Nobody"); ok {
		t.Errorf("Leader(Ada Nobody) = %q", got)
	}
	// The first of a name, written with his number, is found without it;
	// a later number is never dropped.
	for person, want := range map[string]string{"Napoleon I": "France", "Ada Nobody I": "", "Ada Nobody II": ""} {
		if got, _ := tab.Leader(person); got != want {
			t.Errorf("Leader(%q) = %q, want %q", person, got, want)
		}
	}
	c0 := tab.Clone()
	c0.AddLeader("Ada Nobody", "Chile")
	if got, _ := c0.Leader("Ada Nobody II"); got != "" {
		t.Errorf("Leader(Ada Nobody II) = %q, want none: a later number is another person", got)
	}
	c := tab.Clone()
	c.AddLeader("Ada Nobody", "Chile")
	if got, _ := c.Leader("Ada Nobody"); got != "Chile" {
		t.Errorf("clone Leader = %q", got)
	}
	if _, ok := tab.Leader("Ada Nobody"); ok {
		t.Error("AddLeader on a clone changed the shared table")
	}
	// Every state a leader is linked to is a canonical name of the table.
	canon := map[string]bool{}
	tab.Each(func(_, canonical, _ string) { canon[canonical] = true })
	for _, u := range []*Table{tab} {
		for person, state := range u.leaders {
			if !canon[state] {
				t.Errorf("leaders.tsv: %s led %q, which actors.tsv does not name", person, state)
			}
		}
	}
}

func TestParseLeadersErrorsNameTheLine(t *testing.T) {
	tab, _ := Parse(strings.NewReader(header+"\n"), "a.tsv")
	err := tab.ParseLeaders(strings.NewReader("name\tstate\tsource\nJo Doe\tChile\n"), "l.tsv")
	if err == nil || !strings.Contains(err.Error(), "l.tsv:2: want 3") {
		t.Errorf("err = %v", err)
	}
	err = tab.ParseLeaders(strings.NewReader("Jo Doe\tChile\tx\n"), "l.tsv")
	if err == nil || !strings.Contains(err.Error(), "l.tsv:1: want header") {
		t.Errorf("err = %v", err)
	}
}

// TestEveryAdjectiveHasItsPeople checks the table's data: a state named
// by an adjective is also named by its people ("Iraqi", "the Iraqis"),
// unless the adjective is its own plural ("Japanese", "I-Kiribati").
func TestLookupReadsAStatesArmedService(t *testing.T) {
	tab, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	// A clone's own adjective makes names of services too.
	clone := tab.Clone()
	clone.Add("Zembrian", "Zembria", KindAdjective)
	clone.Add("Zembria", "Zembria", KindState)
	for _, tc := range []struct {
		in, canonical string
		ok            bool
	}{
		{"Bolivian Army", "Bolivia", true},
		{"the Bolivian Air Force", "Bolivia", true},
		{"Yugoslav People's Army", "Yugoslavia", true},
		{"Croatian National Guard", "Croatia", true},
		{"Royal Thai Navy", "Thailand", true},
		{"Finnish Defence Forces", "Finland", true},
		{"Zembrian Territorial Defence", "Zembria", true},
		{"zembrian border guards", "Zembria", true},
		// Bodies that are not the state's own keep their names.
		{"Zembrian Liberation Army", "", false},
		{"Free Zembrian Army", "", false},
		{"Zembrian Army of Liberation", "", false},
		// A service of a state named after it.
		{"Army of the Republic of Vietnam", "South Vietnam", true},
		{"Armed Forces of Zembria", "Zembria", true},
		{"Army of Liberation", "", false},
		{"Army of the Potomac", "", false},
		{"Zembrian Legion", "", false},
		{"Army", "", false},
		{"Ostran Army", "", false}, // no state the table knows
	} {
		c, kind, ok := clone.Lookup(tc.in)
		if ok != tc.ok || c != tc.canonical || ok && kind != KindArmy {
			t.Errorf("Lookup(%q) = %q, %q, %v; want %q, army, %v", tc.in, c, kind, ok, tc.canonical, tc.ok)
		}
	}
	if _, _, ok := tab.Lookup("Zembrian Army"); ok {
		t.Error("the shared table read a service of an adjective only a clone knows")
	}
}

func TestParseServicesErrorsNameTheLine(t *testing.T) {
	tab := newTable(nil)
	err := tab.ParseServices(strings.NewReader("service\tnote\nArmy\tland\nNavy\n"), "extra.tsv")
	if err == nil || !strings.Contains(err.Error(), "extra.tsv:3") {
		t.Errorf("err = %v, want one naming extra.tsv:3", err)
	}
}

func TestEveryAdjectiveHasItsPeople(t *testing.T) {
	tab, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	adjective := map[string]string{}
	people := map[string]bool{}
	tab.Each(func(alias, canonical, kind string) {
		switch kind {
		case KindAdjective:
			adjective[canonical] = alias
		case KindDemonym:
			people[canonical] = true
		}
	})
	for canonical, adj := range adjective {
		if people[canonical] || strings.HasSuffix(adj, "ese") || strings.HasPrefix(adj, "I-") {
			continue
		}
		t.Errorf("%s has the adjective %q but no demonym row for its people", canonical, adj)
	}
}
