// Package state knows states and state-like belligerents through time:
// their names in each period, Gleditsch–Ward number, COW code, ISO code
// and Wikidata item, so that a belligerent named in an article can be
// joined with UCDP, COW and PRIO-GRID data. "Russia" in 1939 is the
// Soviet Union (GW 365); Manchukuo (1932–1945) has no code but a Wikidata
// id.
//
// The table is data, not code: states.tsv is embedded; it is derived by
// scripts/states from the published lists, which it names as its sources.
package state

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/textscan"
)

//go:embed states.tsv
var statesTSV string

// State is one row of the table: a state under one name and one Wikidata
// item for a period.
type State struct {
	Name  string   // the state's name in this period
	Names []string // every name the row answers to, Name first
	// GWNo and COWCode are 0 where the state has none.
	GWNo, COWCode int
	ISO3, ISO2    string
	Wikidata      string
	// From and To bound the period; To is zero while it lasts.
	From, To annalist.Date
	// Lineage groups the rows one name may mean at different dates.
	Lineage string
	// GEDName is UCDP's name of the state ("Russia (Soviet Union)"), ""
	// where UCDP has none.
	GEDName string
	Source  string

	actor *annalist.Actor // built once: every event of the state shares it
}

// Covers reports whether the state existed under this row at some time
// in [from, to] (to zero: the day from).
func (s *State) Covers(from, to annalist.Date) bool {
	if from.IsZero() {
		return false
	}
	if to.IsZero() {
		to = from
	}
	return (s.From.IsZero() || s.From.First().Compare(to.Last()) <= 0) &&
		(s.To.IsZero() || from.First().Compare(s.To.Last()) <= 0)
}

// Actor returns the row as the document's Actor.
//
// The Actor is shared by every caller (it is built once per row) and must
// not be changed.
func (s *State) Actor() *annalist.Actor {
	if s.actor != nil {
		return s.actor
	}
	return s.newActor()
}

func (s *State) newActor() *annalist.Actor {
	a := &annalist.Actor{Name: s.Name, ISO3: s.ISO3, Wikidata: s.Wikidata, From: s.From, To: s.To}
	if s.GWNo != 0 {
		a.GWNo = annalist.Ptr(s.GWNo)
	}
	if s.COWCode != 0 {
		a.COWCode = annalist.Ptr(s.COWCode)
	}
	return a
}

// Table is the parsed table. It is read-only once built and safe for
// concurrent use.
type Table struct {
	rows      []State
	byName    map[string][]int
	byLineage map[string][]int
	byGW      map[int][]int
	byISO2    map[string][]int
}

// Load parses the embedded states.tsv.
func Load() (*Table, error) { return Parse(strings.NewReader(statesTSV), "states.tsv") }

const header = "names\tgwno\tcown\tiso3\tiso2\twikidata\tfrom\tto\tlineage\tged_name\tsource"

// Parse reads a table in the form of states.tsv: '#' comments, the header
// line, then tab-separated rows. Errors name the file and line.
func Parse(r io.Reader, name string) (*Table, error) {
	t := &Table{byName: map[string][]int{}, byLineage: map[string][]int{}, byGW: map[int][]int{}, byISO2: map[string][]int{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line, seenHeader := 0, false
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if !seenHeader {
			if text != header {
				return nil, fmt.Errorf("%s:%d: header is %q, want %q", name, line, text, header)
			}
			seenHeader = true
			continue
		}
		s, err := parseRow(text)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		i := len(t.rows)
		s.actor = s.newActor()
		t.rows = append(t.rows, s)
		for _, n := range s.Names {
			k := fold(n)
			if k != "" && !contains(t.byName[k], i) {
				t.byName[k] = append(t.byName[k], i)
			}
		}
		if s.Lineage != "" {
			t.byLineage[s.Lineage] = append(t.byLineage[s.Lineage], i)
		}
		if s.GWNo != 0 {
			t.byGW[s.GWNo] = append(t.byGW[s.GWNo], i)
		}
		if s.ISO2 != "" {
			t.byISO2[s.ISO2] = append(t.byISO2[s.ISO2], i)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line, err)
	}
	if !seenHeader {
		return nil, fmt.Errorf("%s: no header line %q", name, header)
	}
	return t, nil
}

func contains(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func parseRow(text string) (State, error) {
	f := strings.Split(text, "\t")
	if len(f) != 11 {
		return State{}, fmt.Errorf("want 11 tab-separated fields, got %d", len(f))
	}
	var s State
	for n := range strings.SplitSeq(f[0], ";") {
		if n = strings.TrimSpace(n); n != "" {
			s.Names = append(s.Names, n)
		}
	}
	if len(s.Names) == 0 {
		return State{}, fmt.Errorf("no name")
	}
	s.Name = s.Names[0]
	var err error
	if s.GWNo, err = optInt(f[1], "gwno"); err != nil {
		return State{}, err
	}
	if s.COWCode, err = optInt(f[2], "cown"); err != nil {
		return State{}, err
	}
	s.ISO3, s.ISO2, s.Wikidata = f[3], f[4], f[5]
	if s.Wikidata != "" && !validQID(s.Wikidata) {
		return State{}, fmt.Errorf("wikidata %q: want Q and digits", s.Wikidata)
	}
	if s.From, err = annalist.ParseDate(f[6]); err != nil {
		return State{}, fmt.Errorf("from: %w", err)
	}
	if s.To, err = annalist.ParseDate(f[7]); err != nil {
		return State{}, fmt.Errorf("to: %w", err)
	}
	if !s.From.IsZero() && !s.To.IsZero() && s.To.Last().Compare(s.From.First()) < 0 {
		return State{}, fmt.Errorf("period %s–%s ends before it starts", f[6], f[7])
	}
	s.Lineage, s.GEDName, s.Source = f[8], f[9], f[10]
	return s, nil
}

func optInt(s, what string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%s %q: want a positive number", what, s)
	}
	return n, nil
}

func validQID(s string) bool {
	if len(s) < 2 || s[0] != 'Q' {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Len returns the number of rows.
func (t *Table) Len() int { return len(t.rows) }

// Lookup returns the state a name means at a date: among the rows that
// answer to the name, the one whose period covers the date; else the row
// of the same lineage that does ("Russia" in 1939 is the Soviet Union).
// A zero date prefers the present-day row. ok is false when no row
// answers to the name, or none of its lineage existed at the date.
func (t *Table) Lookup(name string, at annalist.Date) (*State, bool) {
	return t.LookupSpan(name, at, annalist.Date{})
}

// LookupSpan is Lookup for an event from..to: the row that existed at its
// start, else at any time in it.
func (t *Table) LookupSpan(name string, from, to annalist.Date) (*State, bool) {
	var buf [64]byte
	idx := t.byName[string(appendFold(buf[:0], name))]
	if len(idx) == 0 {
		return nil, false
	}
	if from.IsZero() {
		for _, i := range idx {
			if t.rows[i].To.IsZero() {
				return &t.rows[i], true
			}
		}
		return &t.rows[idx[0]], true
	}
	if s := t.first(idx, from, annalist.Date{}); s != nil {
		return s, true
	}
	if s := t.first(idx, from, to); s != nil {
		return s, true
	}
	for _, i := range idx {
		l := t.byLineage[t.rows[i].Lineage]
		if s := t.first(l, from, annalist.Date{}); s != nil {
			return s, true
		}
		if s := t.first(l, from, to); s != nil {
			return s, true
		}
	}
	return nil, false
}

// Lineage returns the lineage of the state called name at date at: the
// key the rows of one state through time share ("gw:640" for the Ottoman
// Empire and for Turkey), so that prose calling a state by an earlier or
// later name of it ("the Turks" in 1789) can be read as it. ok is false
// when no row answers to the name, or none of its lineage existed then.
func (t *Table) Lineage(name string, at annalist.Date) (string, bool) {
	s, ok := t.Lookup(name, at)
	if !ok {
		return "", false
	}
	return s.Lineage, true
}

// NamedAt reports whether a row answering to name itself (not through its
// lineage) covers date at: "Iraq" in 1941, "Germany" in 1941 (a name of
// Nazi Germany), not "Netherlands" in 1665.
func (t *Table) NamedAt(name string, at annalist.Date) bool {
	var buf [64]byte
	for _, i := range t.byName[string(appendFold(buf[:0], name))] {
		if t.rows[i].Covers(at, annalist.Date{}) {
			return true
		}
	}
	return false
}

// Same reports whether the names a and b mean one state at date at:
// "Turkey" and "Ottoman Empire" in 1770, "Scotland" and "United Kingdom"
// in 1982; not "Scotland" and "Kingdom of England" in 1346, when the two
// were states of their own, though of one lineage.
func (t *Table) Same(a, b string, at annalist.Date) bool {
	sa, ok := t.Lookup(a, at)
	if !ok {
		return false
	}
	sb, ok := t.Lookup(b, at)
	return ok && sa == sb
}

// Founded returns the first day a state called name existed, through its
// lineage ("Syria" 1946; "Turkey" 1299, the Ottoman Empire's). ok is
// false when no row answers to the name, or when its lineage starts on 1
// January 1816, where the published lists begin: such a state may be far
// older.
func (t *Table) Founded(name string) (annalist.Date, bool) {
	s, ok := t.Lookup(name, annalist.Date{})
	if !ok {
		return annalist.Date{}, false
	}
	first := s.From
	earliest := func(lineage string) {
		for _, i := range t.byLineage[lineage] {
			if f := t.rows[i].From; !f.IsZero() && (first.IsZero() || f.First().Compare(first.First()) < 0) {
				first = f
			}
		}
	}
	earliest(s.Lineage)
	// Every state the name has meant: "Austria" was the Austrian Empire's
	// name too, of a lineage before the republic's.
	var buf [64]byte
	for _, i := range t.byName[string(appendFold(buf[:0], name))] {
		if l := t.rows[i].Lineage; l != s.Lineage {
			earliest(l)
		}
	}
	if first.IsZero() || first == annalist.DayDate(listsBegin, 1, 1) {
		return annalist.Date{}, false
	}
	return first, true
}

// listsBegin is the year the Gleditsch–Ward and COW lists start from.
const listsBegin = 1816

func (t *Table) first(idx []int, from, to annalist.Date) *State {
	for _, i := range idx {
		if t.rows[i].Covers(from, to) {
			return &t.rows[i]
		}
	}
	return nil
}

// Country returns the present-day state of a country (ISO 3166-1
// alpha-2), as UCDP GED names the country an event took place in.
func (t *Table) Country(iso2 string) (*State, bool) {
	for _, i := range t.byISO2[strings.ToUpper(iso2)] {
		if t.rows[i].To.IsZero() {
			return &t.rows[i], true
		}
	}
	return nil, false
}

// GW returns the present-day (else the latest) row of a Gleditsch–Ward
// number.
func (t *Table) GW(gwno int) (*State, bool) {
	idx := t.byGW[gwno]
	if len(idx) == 0 {
		return nil, false
	}
	best := idx[0]
	for _, i := range idx {
		if t.rows[i].To.IsZero() {
			return &t.rows[i], true
		}
		if t.rows[i].To.Compare(t.rows[best].To) > 0 {
			best = i
		}
	}
	return &t.rows[best], true
}

// Region is UCDP's region of a Gleditsch–Ward number (GED's region
// column): Europe 200–399, Africa 400–626, Middle East 630–699, Asia
// 700–999 (Oceania included), Americas 2–199. "" for 0.
func Region(gwno int) string {
	switch {
	case gwno <= 0:
		return ""
	case gwno < 200:
		return "Americas"
	case gwno < 400:
		return "Europe"
	case gwno < 630:
		return "Africa"
	case gwno < 700:
		return "Middle East"
	}
	return "Asia"
}

// fold is the lookup key of a name: lower-case letters and digits, every
// other run of characters one space, a leading "the" dropped.
func fold(s string) string {
	return string(appendFold(make([]byte, 0, len(s)), s))
}

// appendFold appends fold(s) to dst: a caller that only looks the key up
// keeps it on its stack.
func appendFold(dst []byte, s string) []byte {
	start := len(dst)
	space := false
	for _, r := range s {
		switch {
		case r == '\'' || r == '’':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		default:
			space = true
		}
	}
	if bytes.HasPrefix(dst[start:], []byte("the ")) {
		dst = append(dst[:start], dst[start+4:]...)
	}
	return dst
}

// NameAt returns the common name of the state called name at date at,
// through its lineage: "Great Britain" for "United Kingdom" in 1746, the
// short name the row's full name holds ("Kingdom of Great Britain"), or
// the full name where it holds none ("Austrian Empire"). ok is false when
// no row answers to the name, or none of its lineage existed then.
func (t *Table) NameAt(name string, at annalist.Date) (string, bool) {
	s, ok := t.Lookup(name, at)
	if !ok {
		return "", false
	}
	return s.ShortName(), true
}

// ShortName returns the first other name of s that its name holds as
// whole words ("Great Britain" of "Kingdom of Great Britain"), or its
// name.
func (s *State) ShortName() string {
	for _, n := range s.Names[1:] {
		if n != s.Name && textscan.HoldsWords(s.Name, n) {
			return n
		}
	}
	return s.Name
}
