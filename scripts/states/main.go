// Command states derives state/states.tsv, annalist's table of states and
// their codes through time, from the published state-system lists in
// ../shared/data/states (see its SOURCES.md) and the curated rows beside
// this file. The lists stay where they are: only the facts the table needs
// are written, each row naming where they come from.
//
// Run from the repository root:
//
//	go run ./scripts/states -src ../shared/data/states -out state/states.tsv
//
// Inputs:
//   - iisystem.dat, microstatessystem.dat: Gleditsch & Ward (1999) lists,
//     tab-separated, Windows-1252, DD:MM:YYYY dates (one row per spell).
//   - states2016.csv: COW State System Membership v2016 (one row per spell).
//   - codelist_without_cldr.csv: countrycode's crosswalk (gwn, cown, iso3c,
//     iso2c, country.name.en), no dates.
//   - curated.tsv: states the lists lack and the named periods of a listed
//     state (Russian Empire, Soviet Union, Russia under GW 365).
//   - wikidata.tsv: Wikidata items of present-day states by ISO alpha-3.
package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

type row struct {
	names                 []string
	gwno, cown            string
	iso3, iso2, wikidata  string
	from, to              string
	lineage, gedName, src string
}

func main() {
	src := flag.String("src", "../shared/data/states", "directory of the published lists")
	here := flag.String("curated", "scripts/states", "directory of curated.tsv and wikidata.tsv")
	out := flag.String("out", "state/states.tsv", "table to write")
	flag.Parse()
	if err := run(*src, *here, *out); err != nil {
		log.Fatal(err)
	}
}

func run(src, here, out string) error {
	gw, err := readGW(filepath.Join(src, "iisystem.dat"), "Gleditsch–Ward independent states (iisystem.dat)")
	if err != nil {
		return err
	}
	micro, err := readGW(filepath.Join(src, "microstatessystem.dat"), "Gleditsch–Ward microstates (microstatessystem.dat)")
	if err != nil {
		return err
	}
	gw = append(gw, micro...)
	cow, err := readCOW(filepath.Join(src, "states2016.csv"))
	if err != nil {
		return err
	}
	cc, err := readCrosswalk(filepath.Join(src, "codelist_without_cldr.csv"))
	if err != nil {
		return err
	}
	curated, err := readTSV(filepath.Join(here, "curated.tsv"), 11)
	if err != nil {
		return err
	}
	wd, err := readTSV(filepath.Join(here, "wikidata.tsv"), 3)
	if err != nil {
		return err
	}
	wikidata := map[string]string{}
	for _, f := range wd {
		wikidata[f[0]] = f[1]
	}

	replaced := map[string]bool{} // gw codes the curated rows divide
	var rows []row
	for _, f := range curated {
		r := row{names: splitNames(f[0]), gwno: f[1], cown: f[2], iso3: f[3], iso2: f[4], wikidata: f[5],
			from: f[6], to: f[7], lineage: f[8], gedName: f[9], src: f[10]}
		if r.gwno != "" {
			replaced[r.gwno] = true
			if r.gedName == "" {
				r.gedName = gwName(gw, r.gwno)
			}
		}
		rows = append(rows, r)
	}
	gwCodes := map[string]bool{}
	for _, s := range gw {
		gwCodes[s.code] = true
		if replaced[s.code] {
			continue
		}
		r := row{names: []string{s.name}, gwno: s.code, from: s.from, to: s.to, gedName: s.name, src: s.source}
		// GW writes a state's other name in brackets: "Sri Lanka
		// (Ceylon)", "Thailand (Siam)"; each is a name of the state.
		if i := strings.Index(s.name, " ("); i > 0 && strings.HasSuffix(s.name, ")") {
			r.names = appendName(r.names, s.name[:i])
			r.names = appendName(r.names, s.name[i+2:len(s.name)-1])
		}
		x, ok := cc.byGW[s.code]
		// COW's code for the same state: the crosswalk's, else the same
		// number when COW lists a spell of it that overlaps this one.
		if ok && x.cown != "" && overlapping(cow, x.cown, s.from, s.to) != nil {
			// The crosswalk has no dates: its COW code holds only where
			// COW lists that state in the same years.
			r.cown = x.cown
		} else if c := overlapping(cow, s.code, s.from, s.to); c != nil && sameName(c.name, s.name) {
			// The same number names the same state only when the names
			// agree: GW 970 is Kiribati, COW 970 Nauru.
			r.cown = c.code
		}
		if !ok && r.cown != "" {
			x, ok = cc.byCOW[r.cown]
		}
		if c := overlapping(cow, r.cown, s.from, s.to); c != nil {
			// COW's name first: GW adds former names in brackets
			// ("Burkina Faso (Upper Volta)"), which stay as aliases.
			names := []string{c.name}
			for _, n := range r.names {
				names = appendName(names, n)
			}
			r.names = names
			r.src += "; COW states2016.csv " + c.abb
		}
		// ISO codes and the present-day name belong to the state that
		// still exists, not to an earlier spell or a state long gone.
		if ok && s.to == "" {
			r.iso3, r.iso2 = x.iso3, x.iso2
			r.names = appendName(r.names, x.name)
			r.wikidata = wikidata[x.iso3]
			r.src += "; countrycode codelist"
			if r.wikidata != "" {
				r.src += "; Wikidata"
			}
		}
		rows = append(rows, r)
	}
	// COW's states no row has yet: the same state under another number
	// (COW 970 Nauru is GW 971), else a state only COW lists.
	used := map[string]bool{}
	for _, r := range rows {
		used[r.cown] = true
	}
	for _, s := range cow {
		if used[s.code] || replaced[s.code] {
			continue
		}
		merged := false
		for i := range rows {
			if rows[i].cown == "" && rows[i].gwno != "" && sameName(rows[i].names[0], s.name) &&
				(rows[i].to == "" || s.from <= rows[i].to) && (s.to == "" || rows[i].from <= s.to) {
				rows[i].cown = s.code
				rows[i].src += "; COW states2016.csv " + s.abb
				if x, ok := cc.byCOW[s.code]; ok && rows[i].to == "" && rows[i].iso3 == "" {
					rows[i].iso3, rows[i].iso2 = x.iso3, x.iso2
					rows[i].names = appendName(rows[i].names, x.name)
					rows[i].wikidata = wikidata[x.iso3]
					rows[i].src += "; countrycode codelist"
				}
				merged = true
			}
		}
		if !merged {
			rows = append(rows, row{names: []string{s.name}, cown: s.code, from: s.from, to: s.to, src: "COW states2016.csv " + s.abb})
		}
	}
	for i := range rows {
		if rows[i].lineage == "" && rows[i].gwno != "" {
			rows[i].lineage = "gw:" + rows[i].gwno
		}
		if rows[i].lineage == "" && rows[i].cown != "" {
			rows[i].lineage = "cow:" + rows[i].cown
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].lineage != rows[j].lineage {
			return rows[i].lineage < rows[j].lineage
		}
		return rows[i].from < rows[j].from
	})
	return write(out, rows)
}

func gwName(gw []spell, code string) string {
	for _, s := range gw {
		if s.code == code {
			return s.name
		}
	}
	return ""
}

func appendName(names []string, n string) []string {
	n = strings.TrimSpace(n)
	for _, m := range names {
		if strings.EqualFold(m, n) {
			return names
		}
	}
	if n == "" {
		return names
	}
	return append(names, n)
}

func splitNames(s string) []string {
	var out []string
	for n := range strings.SplitSeq(s, ";") {
		out = appendName(out, n)
	}
	return out
}

type spell struct {
	code, abb, name, from, to, source string
}

// readGW reads a Gleditsch–Ward list: Windows-1252, tab-separated,
// statenumber, stateid, countryname, start, end (DD:MM:YYYY).
func readGW(path, source string) ([]spell, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []spell
	for i, line := range strings.Split(cp1252(b), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("%s:%d: want 5 tab-separated fields, got %d", path, i+1, len(f))
		}
		from, err := gwDate(f[3])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, i+1, err)
		}
		to, err := gwDate(f[4])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, i+1, err)
		}
		if to == "2017-12-31" { // the list's end: still a state then
			to = ""
		}
		out = append(out, spell{code: strings.TrimSpace(f[0]), abb: f[1], name: strings.TrimSpace(f[2]), from: from, to: to,
			source: source + " " + strings.TrimSpace(f[1])})
	}
	return out, nil
}

func gwDate(s string) (string, error) {
	p := strings.Split(strings.TrimSpace(s), ":")
	if len(p) != 3 {
		return "", fmt.Errorf("date %q: want DD:MM:YYYY", s)
	}
	d, e1 := strconv.Atoi(p[0])
	m, e2 := strconv.Atoi(p[1])
	y, e3 := strconv.Atoi(p[2])
	if e1 != nil || e2 != nil || e3 != nil {
		return "", fmt.Errorf("date %q: want DD:MM:YYYY", s)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), nil
}

// cp1252 decodes Windows-1252: Latin-1 but for 0x80–0x9F, of which the
// lists use only the right single quote.
func cp1252(b []byte) string {
	var sb strings.Builder
	for _, c := range b {
		switch {
		case c < 0x80:
			sb.WriteByte(c)
		case c == 0x92:
			sb.WriteRune('’')
		default:
			sb.WriteRune(rune(c))
		}
	}
	return sb.String()
}

func readCOW(path string) ([]spell, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []spell
	for i, x := range recs[1:] {
		if len(x) < 9 {
			return nil, fmt.Errorf("%s:%d: want 10 fields", path, i+2)
		}
		n := func(j int) int { v, _ := strconv.Atoi(x[j]); return v }
		to := fmt.Sprintf("%04d-%02d-%02d", n(6), n(7), n(8))
		if to == "2016-12-31" {
			to = ""
		}
		out = append(out, spell{code: x[1], abb: x[0], name: x[2], from: fmt.Sprintf("%04d-%02d-%02d", n(3), n(4), n(5)), to: to})
	}
	return out, nil
}

func overlapping(cow []spell, code, from, to string) *spell {
	if code == "" {
		return nil
	}
	for i, s := range cow {
		if s.code != code {
			continue
		}
		if (to == "" || s.from <= to) && (s.to == "" || from <= s.to) {
			return &cow[i]
		}
	}
	return nil
}

type crossRow struct{ cown, iso3, iso2, name string }

type crosswalk struct{ byGW, byCOW map[string]crossRow }

// sameName reports whether two lists' names of a state agree: one holds
// the other, or they start alike ("St. Lucia", "Saint Lucia").
func sameName(a, b string) bool {
	fold := strings.NewReplacer("ü", "ue", "ã", "a", "é", "e", "ô", "o", "’", "'")
	a, b = fold.Replace(strings.ToLower(a)), fold.Replace(strings.ToLower(b))
	if strings.Contains(a, b) || strings.Contains(b, a) {
		return true
	}
	a = strings.NewReplacer("st. ", "saint ", "&", "and").Replace(a)
	b = strings.NewReplacer("st. ", "saint ", "&", "and").Replace(b)
	return a == b || (len(a) >= 5 && len(b) >= 5 && a[:5] == b[:5])
}

func readCrosswalk(path string) (*crosswalk, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, c := range []string{"gwn", "cown", "iso3c", "iso2c", "country.name.en"} {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("%s: no column %q", path, c)
		}
	}
	cw := &crosswalk{byGW: map[string]crossRow{}, byCOW: map[string]crossRow{}}
	for {
		x, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		row := crossRow{cown: x[col["cown"]], iso3: x[col["iso3c"]], iso2: x[col["iso2c"]], name: x[col["country.name.en"]]}
		if g := x[col["gwn"]]; g != "" {
			if _, dup := cw.byGW[g]; !dup {
				cw.byGW[g] = row
			}
		}
		if c := row.cown; c != "" {
			if _, dup := cw.byCOW[c]; !dup {
				cw.byCOW[c] = row
			}
		}
	}
	return cw, nil
}

// readTSV reads a tab-separated file with '#' comments and a header line.
func readTSV(path string, want int) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	line, header := 0, false
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if !header {
			header = true
			continue
		}
		fs := strings.Split(t, "\t")
		if len(fs) != want {
			return nil, fmt.Errorf("%s:%d: want %d tab-separated fields, got %d", path, line, want, len(fs))
		}
		out = append(out, fs)
	}
	return out, sc.Err()
}

func write(path string, rows []row) error {
	var b strings.Builder
	b.WriteString(`# states.tsv: states and state-like belligerents with their codes through
# time, one row per period a state held one name and one Wikidata item.
# Generated by scripts/states (do not edit by hand; edit its curated.tsv).
# Facts from: Gleditsch & Ward (1999), "Interstate System Membership: A
# Revised List of the Independent States since 1816", International
# Interactions 25 (iisystem.dat, microstatessystem.dat, to 31 Dec 2017);
# Correlates of War Project (2017), State System Membership List v2016;
# Arel-Bundock, Enevoldsen & Yetman (2018), countrycode, JOSS 3(28):848
# (ISO codes, present-day names); Wikidata item ids; and the curated rows'
# own sources (source column).
# Columns: names (";", the first is the state's name), gwno (Gleditsch–Ward
# number), cown (COW code), iso3, iso2 (ISO 3166-1, or 3166-3 for a
# withdrawn code), wikidata, from, to (ISO dates; empty to = still a
# state), lineage (the rows one name may mean at different dates),
# ged_name (UCDP's name of the state: "Government of <ged_name>"), source.
`)
	b.WriteString("names\tgwno\tcown\tiso3\tiso2\twikidata\tfrom\tto\tlineage\tged_name\tsource\n")
	for _, r := range rows {
		b.WriteString(strings.Join([]string{strings.Join(r.names, ";"), r.gwno, r.cown, r.iso3, r.iso2, r.wikidata,
			r.from, r.to, r.lineage, r.gedName, r.src}, "\t"))
		b.WriteByte('\n')
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
