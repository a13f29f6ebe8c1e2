// Package actor names states and armed groups: a table of aliases (common
// and official names, former names, abbreviations, demonyms, adjectives,
// armies, agencies) mapped to one canonical English short name each, so
// that "USSR", "Soviets" and "the Soviet Union" all read as "Soviet Union".
//
// The table is data, not code: actors.tsv is embedded and a user can load
// an extended copy of it with Parse.
package actor

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed actors.tsv
var actorsTSV string

//go:embed leaders.tsv
var leadersTSV string

//go:embed services.tsv
var servicesTSV string

// Kinds of alias a table row may carry.
const (
	KindState        = "state"        // common short or official name of a state
	KindAbbreviation = "abbreviation" // "USSR", "PRC"
	KindFormer       = "former"       // a former state or a state's former name
	KindDemonym      = "demonym"      // "Soviets", "Japanese"
	KindAdjective    = "adjective"    // "Soviet", "Malian"
	KindArmy         = "army"         // "Red Army", "Kwantung Army"
	KindAgency       = "agency"       // "NKVD"
	KindGroup        = "group"        // an armed group that is not a state
	// KindCompany is a chartered company that ruled and fought for a state
	// ("East India Company"): named as written, it is its state's party
	// in the prose ("the British") where the state is no belligerent.
	KindCompany = "company"
)

var kinds = map[string]bool{
	KindState: true, KindAbbreviation: true, KindFormer: true, KindDemonym: true,
	KindAdjective: true, KindArmy: true, KindAgency: true, KindGroup: true,
	KindCompany: true,
}

// header is the first non-comment line every table file starts with.
const header = "alias\tcanonical\tkind\tsource"

type entry struct {
	alias, canonical, kind string
}

// Table maps aliases to canonical names. A Table is read-only once built,
// except through Add; Clone gives a per-article copy that Add may extend
// without touching the shared table.
type Table struct {
	parent *Table
	rows   []entry
	exact  map[string]int // alias → index in rows
	folded map[string]int // lower-cased alias → index in rows (first wins)
	// leaders maps people who led a state (heads of state or government,
	// commanders-in-chief) to the state's canonical name.
	leaders map[string]string
	// services holds the lower-cased names of a state's armed services
	// ("army", "people's army"), which make a state's adjective a name of
	// the state in arms; lastWords, their last words, rule most names out
	// at once.
	services, lastWords map[string]bool
}

// Load parses the embedded tables: actors.tsv (aliases), leaders.tsv
// (people who led states) and services.tsv (names of armed services).
func Load() (*Table, error) {
	t, err := Parse(strings.NewReader(actorsTSV), "actors.tsv")
	if err != nil {
		return nil, err
	}
	if err := t.ParseLeaders(strings.NewReader(leadersTSV), "leaders.tsv"); err != nil {
		return nil, err
	}
	if err := t.ParseServices(strings.NewReader(servicesTSV), "services.tsv"); err != nil {
		return nil, err
	}
	return t, nil
}

// Parse reads a table in the format of actors.tsv: a header line
// "alias<TAB>canonical<TAB>kind<TAB>source", then one row per alias; lines
// starting with '#' and blank lines are skipped. The first row for an
// alias wins. Errors name the file and line.
func Parse(r io.Reader, name string) (*Table, error) {
	t := newTable(nil)
	err := readRows(r, name, header, func(cols []string) error {
		if len(cols) != 4 {
			return fmt.Errorf("want 4 tab-separated columns (alias, canonical, kind, source), got %d", len(cols))
		}
		alias, canonical, kind := strings.TrimSpace(cols[0]), strings.TrimSpace(cols[1]), strings.TrimSpace(cols[2])
		if alias == "" || canonical == "" {
			return fmt.Errorf("empty alias or canonical name")
		}
		if !kinds[kind] {
			return fmt.Errorf("unknown kind %q (want state, abbreviation, former, demonym, adjective, army, agency, group or company)", kind)
		}
		t.add(alias, canonical, kind)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// readRows reads a TSV file of the tables' format: '#' lines and blank
// lines skipped, then the header line (want), then rows, each handed to
// row split at tabs. Errors name the file and line ("actors.tsv:12: …").
func readRows(r io.Reader, name, want string, row func(cols []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	sawHeader := false
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if !sawHeader {
			if text != want {
				return fmt.Errorf("%s:%d: want header %q, got %q", name, line, want, text)
			}
			sawHeader = true
			continue
		}
		if err := row(strings.Split(text, "\t")); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", name, line, err)
	}
	if !sawHeader {
		return fmt.Errorf("%s: no header line %q", name, want)
	}
	return nil
}

func newTable(parent *Table) *Table {
	return &Table{parent: parent, exact: map[string]int{}, folded: map[string]int{}, leaders: map[string]string{}}
}

// leadersHeader is the first non-comment line of a leaders file.
const leadersHeader = "name\tstate\tsource"

// ParseLeaders reads a file in the format of leaders.tsv into t: a header
// line "name<TAB>state<TAB>source", then one person a line; '#' lines and
// blank lines are skipped; the first line for a name wins. Errors name the
// file and line.
func (t *Table) ParseLeaders(r io.Reader, name string) error {
	return readRows(r, name, leadersHeader, func(cols []string) error {
		if len(cols) != 3 {
			return fmt.Errorf("want 3 tab-separated columns (name, state, source), got %d", len(cols))
		}
		person, state := strings.TrimSpace(cols[0]), strings.TrimSpace(cols[1])
		if person == "" || state == "" {
			return fmt.Errorf("empty name or state")
		}
		t.AddLeader(person, state)
		return nil
	})
}

// servicesHeader is the first non-comment line of a services file.
const servicesHeader = "service\tnote"

// ParseServices reads a file in the format of services.tsv into t: a
// header line "service<TAB>note", then one name of an armed service a line
// ("Army", "Air Force"); '#' lines and blank lines are skipped. With them,
// Lookup reads a name the rows lack made of a state's adjective or name
// and a service ("Bolivian Army") as that state. Errors name the file and
// line.
func (t *Table) ParseServices(r io.Reader, name string) error {
	return readRows(r, name, servicesHeader, func(cols []string) error {
		if len(cols) != 2 {
			return fmt.Errorf("want 2 tab-separated columns (service, note), got %d", len(cols))
		}
		service := strings.Join(strings.Fields(cols[0]), " ")
		if service == "" {
			return fmt.Errorf("empty service")
		}
		if t.services == nil {
			t.services, t.lastWords = map[string]bool{}, map[string]bool{}
		}
		low := strings.ToLower(service)
		t.services[low] = true
		t.lastWords[low[strings.LastIndexByte(low, ' ')+1:]] = true
		return nil
	})
}

// AddLeader records that person led state (a canonical name). The first
// record for a person wins; a clone's records shadow the shared table's.
func (t *Table) AddLeader(person, state string) {
	person, state = strings.TrimSpace(person), strings.TrimSpace(state)
	if person == "" || state == "" {
		return
	}
	if _, dup := t.leaders[person]; !dup {
		t.leaders[person] = state
	}
}

// Leader returns the state a person led, by the person's name as written
// in a commander line ("Joseph Stalin", "Hirohito").
// The first of a name is often written without his number ("Napoleon"
// for "Napoleon I"): a name the records lack is looked up without a
// closing " I" too, never without a later number ("Napoleon III" is not
// "Napoleon").
func (t *Table) Leader(person string) (state string, ok bool) {
	person = strings.TrimSpace(person)
	for u := t; u != nil; u = u.parent {
		if s, ok := u.leaders[person]; ok {
			return s, true
		}
	}
	if first, ok := strings.CutSuffix(person, " I"); ok && first != "" {
		return t.Leader(first)
	}
	return "", false
}

func (t *Table) add(alias, canonical, kind string) {
	if _, dup := t.exact[alias]; dup {
		return
	}
	t.rows = append(t.rows, entry{alias, canonical, kind})
	i := len(t.rows) - 1
	t.exact[alias] = i
	low := strings.ToLower(alias)
	if _, dup := t.folded[low]; !dup {
		t.folded[low] = i
	}
}

// Clone returns a table that sees every row of t and takes rows of its own
// through Add; t itself is never changed.
func (t *Table) Clone() *Table { return newTable(t) }

// Add adds an alias. Rows added to a clone shadow the shared table's rows
// for the same alias. An empty alias, canonical name or unknown kind is
// ignored.
func (t *Table) Add(alias, canonical, kind string) {
	alias, canonical = strings.TrimSpace(alias), strings.TrimSpace(canonical)
	if alias == "" || canonical == "" || !kinds[kind] {
		return
	}
	t.add(alias, canonical, kind)
}

// Lookup returns the canonical name and kind of an alias: an exact match
// first, then a case-insensitive one; a leading "the " is tolerated.
func (t *Table) Lookup(s string) (canonical, kind string, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", "", false
	}
	if e, ok := t.find(s); ok {
		return e.canonical, e.kind, true
	}
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		s = strings.TrimSpace(s[4:])
		if e, ok := t.find(s); ok {
			return e.canonical, e.kind, true
		}
	}
	if c, ok := t.serviceOf(s); ok {
		return c, KindArmy, true
	}
	return "", "", false
}

// serviceOf returns the state whose armed service s names: a state's
// adjective, demonym or name, then a service of the services table
// ("Bolivian Army", "Yugoslav People's Army"), after a "Royal" or
// "Imperial" of the crown's ("Royal Thai Navy"); or a service, "of" and
// the state's name ("Army of the Republic of Vietnam", "People's Army of
// Vietnam").
func (t *Table) serviceOf(s string) (string, bool) {
	root := t
	for root.parent != nil {
		root = root.parent
	}
	if root.services == nil {
		return "", false
	}
	if i := strings.Index(s, " of "); i > 0 && root.services[strings.ToLower(s[:i])] {
		state := s[i+len(" of "):]
		if len(state) > 4 && strings.EqualFold(state[:4], "the ") {
			state = state[4:]
		}
		// A state's name, not "Army of Liberation".
		if e, ok := t.find(state); ok && (e.kind == KindState || e.kind == KindFormer) {
			return e.canonical, true
		}
		return "", false
	}
	last := s[strings.LastIndexByte(s, ' ')+1:]
	var buf [32]byte
	low := lowerASCII(buf[:], last)
	if low == nil || !root.lastWords[string(low)] {
		return "", false // no service ends so (nor is any that long)
	}
	words := strings.Fields(s)
	if len(words) > 2 && (strings.EqualFold(words[0], "royal") || strings.EqualFold(words[0], "imperial")) {
		words = words[1:]
	}
	for k := len(words) - 1; k >= 1; k-- {
		if !root.services[strings.ToLower(strings.Join(words[k:], " "))] {
			continue
		}
		e, ok := t.find(strings.Join(words[:k], " "))
		if ok && (e.kind == KindState || e.kind == KindAdjective || e.kind == KindDemonym) {
			return e.canonical, true
		}
	}
	return "", false
}

func (t *Table) find(s string) (entry, bool) {
	// Every alias is in its table's folded map, so a miss there is a miss
	// (most lookups are misses: one hash instead of two). Fold case without
	// allocating when s fits the buffer: a map index with string(bytes)
	// does not copy.
	var buf [64]byte
	low := lowerASCII(buf[:], s)
	var lowS string
	if low == nil {
		lowS = strings.ToLower(s)
	}
	var hit entry
	found := false
	for u := t; u != nil && !found; u = u.parent {
		var i int
		var ok bool
		if low != nil {
			i, ok = u.folded[string(low)]
		} else {
			i, ok = u.folded[lowS]
		}
		if ok {
			hit, found = u.rows[i], true
		}
	}
	if !found {
		return entry{}, false
	}
	// An exact-case row wins over a case-insensitive one.
	for u := t; u != nil; u = u.parent {
		if i, ok := u.exact[s]; ok {
			return u.rows[i], true
		}
	}
	return hit, true
}

// lowerASCII writes the lower-case form of s into buf and returns it, or
// nil when it does not fit (strings.ToLower then does the work).
func lowerASCII(buf []byte, s string) []byte {
	if len(s) > len(buf) {
		return nil
	}
	out := buf[:0]
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			out = append(out, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		l := unicode.ToLower(r)
		if len(out)+utf8.RuneLen(l) > len(buf) || r == utf8.RuneError {
			return nil
		}
		out = utf8.AppendRune(out, l)
		i += n
	}
	return out
}

// Each calls fn for every row, the shared table's first, in file order.
// A clone's rows that shadow a shared alias are visited as well.
func (t *Table) Each(fn func(alias, canonical, kind string)) {
	if t.parent != nil {
		t.parent.Each(fn)
	}
	for _, e := range t.rows {
		fn(e.alias, e.canonical, e.kind)
	}
}

// Len returns the number of rows, a clone's included.
func (t *Table) Len() int {
	n := len(t.rows)
	if t.parent != nil {
		n += t.parent.Len()
	}
	return n
}

// StatesIn returns the states t finds in a longer name:
// runs of its words that are not generic words of statehood ("Great
// Britain" in "Kingdom of Great Britain", "Spanish" in "Spanish Empire").
func (t *Table) StatesIn(name string) []string {
	// "Polish–Lithuanian Commonwealth" holds Poland and Lithuania: a
	// dash joins two names as a space does.
	words := strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' || r == '–' || r == '—' })
	if len(words) < 2 {
		return nil
	}
	var out []string
	for n := len(words) - 1; n >= 1; n-- {
		for i := 0; i+n <= len(words); i++ {
			run := words[i : i+n]
			generic := true
			for _, w := range run {
				generic = generic && StatehoodWord(w)
			}
			if generic {
				continue
			}
			if c, _, ok := t.Lookup(strings.Join(run, " ")); ok && c != name {
				out = append(out, c)
			}
		}
		if len(out) > 0 {
			return out // the longest runs that name a state
		}
	}
	return out
}

// StatehoodWord reports words that say what kind of state or armed group
// a name is, not which one.
func StatehoodWord(w string) bool {
	switch strings.ToLower(strings.Trim(w, "()'’,")) {
	case "kingdom", "empire", "republic", "of", "the", "state", "states", "federation", "people's", "peoples",
		"democratic", "socialist", "united", "federal", "imperial", "first", "second", "third", "fourth", "fifth",
		"royal", "grand", "duchy", "principality", "sultanate", "emirate", "khanate", "caliphate", "dynasty",
		"confederation", "commonwealth", "government", "provisional", "revolutionary", "islamic", "arab", "free",
		"and", "great", "new", "old", "army", "forces", "armed", "national", "popular",
		"militia", "militias", "front", "movement", "rebels", "brigade", "brigades", "tribe", "tribes", "clan", "clans":
		return true
	}
	return false
}
