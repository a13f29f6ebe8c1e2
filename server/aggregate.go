package server

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/annalist/annalist"
)

// The explorer's map and timeline are drawn from counts the server bins,
// never from every event: a first view costs the same at a million
// events as at twenty. The events a query selects (without its dates,
// which the timeline's brush changes at every drag) are read once per
// store generation into a compact array and kept in a bounded cache;
// binning them by map cell or by month then takes milliseconds.

// Bounds of the aggregation.
const (
	// maxCells is the most map cells one answer holds: past it the grid
	// is coarsened, so an answer stays under about 100 kB (30 kB gzipped).
	maxCells = 1500
	// maxZoom is the finest grid: cells of 360/2^maxZoom degrees
	// (about 600 m).
	maxZoom = 16
	// cachedSpots bounds the events the cache holds over all queries
	// (24 bytes each); cachedQueries the number of queries.
	cachedSpots   = 3_000_000
	cachedQueries = 64
	// maxMonths is the longest timeline drawn by month; longer ones are
	// drawn by year.
	maxMonths = 1200
)

// spot is what the aggregation keeps of an event.
type spot struct {
	key         uint64 // the event's key, a 16-digit hex number
	first, last int32  // day numbers; first == noDay when undated
	lat, lon    float32
	dead        int32 // best estimate of the dead; -1 when not given
}

const noDay = math.MinInt32

func (p *spot) located() bool { return !math.IsNaN(float64(p.lat)) }

// spotSet is every event a query (without dates) selects.
type spotSet struct {
	spots []spot
	// odd holds keys that are not 16 hex digits, by index (none from
	// annalist's own stores).
	odd map[int]string
}

func (s *spotSet) keyOf(i int) string {
	if k, ok := s.odd[i]; ok {
		return k
	}
	return fmt.Sprintf("%016x", s.spots[i].key)
}

// spotter is a store that reads the few fields the aggregation needs
// cheaply (sqlite.Store does); others are read through EachPoint.
type spotter interface {
	EachSpot(ctx context.Context, f annalist.EventFilter, fn func(*annalist.EventPoint) error) error
}

func (s *Server) readSpots(ctx context.Context, f annalist.EventFilter) (*spotSet, error) {
	set := &spotSet{}
	each := s.store.EachPoint
	if sp, ok := s.store.(spotter); ok {
		each = sp.EachSpot
	}
	err := each(ctx, f, func(p *annalist.EventPoint) error {
		if len(set.spots) >= cachedSpots {
			return fmt.Errorf("the query selects more than %d events", cachedSpots)
		}
		sp := spot{first: noDay, lat: float32(math.NaN()), lon: float32(math.NaN()), dead: -1}
		if k, err := strconv.ParseUint(p.Key, 16, 64); err == nil && len(p.Key) == 16 {
			sp.key = k
		} else {
			if set.odd == nil {
				set.odd = map[int]string{}
			}
			set.odd[len(set.spots)] = p.Key
		}
		if p.First != nil && p.Last != nil {
			sp.first, sp.last = int32(*p.First), int32(*p.Last)
		}
		if p.Lat != nil && p.Lon != nil {
			sp.lat, sp.lon = float32(*p.Lat), float32(*p.Lon)
		}
		if p.Deaths != nil {
			sp.dead = int32(min(*p.Deaths, math.MaxInt32))
		}
		set.spots = append(set.spots, sp)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return set, nil
}

// spotCache keeps the spot sets of recent queries of one generation. A
// query asked for by many clients at once is read once (they wait for
// the first); a read outlives the request that started it, so that a
// client giving up does not waste it.
type spotCache struct {
	mu      sync.Mutex
	gen     int64
	entries map[string]*spotEntry
	tick    int64
	spots   int
}

type spotEntry struct {
	ready chan struct{}
	set   *spotSet
	err   error
	used  int64
}

// spots returns the spot set of f (whose dates are ignored).
func (s *Server) spots(ctx context.Context, f annalist.EventFilter) (*spotSet, error) {
	set, _, err := s.spotsGen(ctx, f)
	return set, err
}

// spotsGen is spots, with the generation the set is of.
func (s *Server) spotsGen(ctx context.Context, f annalist.EventFilter) (*spotSet, int64, error) {
	gen, err := s.store.Generation(ctx)
	if err != nil {
		return nil, 0, err
	}
	f.From, f.To, f.Limit, f.Offset = annalist.Date{}, annalist.Date{}, 0, 0
	key := spotKey(f)
	c := &s.spotCache
	c.mu.Lock()
	if c.gen != gen || c.entries == nil {
		c.gen, c.entries, c.spots = gen, map[string]*spotEntry{}, 0
	}
	c.tick++
	e, ok := c.entries[key]
	if !ok {
		e = &spotEntry{ready: make(chan struct{})}
		c.entries[key] = e
		go func() {
			rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*handlerTimeout)
			defer cancel()
			set, err := s.readSpots(rctx, f)
			c.mu.Lock()
			e.set, e.err = set, err
			switch {
			case c.entries[key] != e:
				// The generation changed meanwhile.
			case e.err != nil:
				delete(c.entries, key) // not kept: the next request tries again
			default:
				c.spots += len(e.set.spots)
				c.evict(key)
			}
			c.mu.Unlock()
			close(e.ready)
		}()
	}
	e.used = c.tick
	c.mu.Unlock()
	select {
	case <-e.ready:
		return e.set, gen, e.err
	case <-ctx.Done():
		return nil, 0, ctx.Err()
	}
}

// evict drops the least recently used ready entries, other than keep,
// until the cache is within its bounds. Called with c.mu held.
func (c *spotCache) evict(keep string) {
	for c.spots > cachedSpots || len(c.entries) > cachedQueries {
		victim, oldest := "", int64(math.MaxInt64)
		for k, e := range c.entries {
			if e.set == nil {
				continue // still being read
			}
			if k != keep && e.used < oldest {
				victim, oldest = k, e.used
			}
		}
		if victim == "" {
			return
		}
		if set := c.entries[victim].set; set != nil {
			c.spots -= len(set.spots)
		}
		delete(c.entries, victim)
	}
}

func spotKey(f annalist.EventFilter) string {
	b := ""
	if f.BBox != nil {
		b = fmt.Sprint(*f.BBox)
	}
	return strings.Join([]string{f.Side, b, f.Conflict, f.Query}, "\x00")
}

// inWindow reports whether the event meets the filter's dates, as a
// store's From and To select.
func inWindow(p *spot, from, to int, hasFrom, hasTo bool) bool {
	if !hasFrom && !hasTo {
		return true
	}
	if p.first == noDay {
		return false
	}
	return (!hasFrom || int(p.last) >= from) && (!hasTo || int(p.first) <= to)
}

func window(f annalist.EventFilter) (from, to int, hasFrom, hasTo bool) {
	if !f.From.IsZero() {
		from, hasFrom = f.From.First().DayNumber(), true
	}
	if !f.To.IsZero() {
		to, hasTo = f.To.Last().DayNumber(), true
	}
	return
}

// mapCell is one cell of the map grid: how many events lie in it, where
// their mean position is, and one of them to stand for it.
type mapCell struct {
	Lat   float64 `json:"lat"`
	Lon   float64 `json:"lon"`
	N     int     `json:"n"`
	Dead  int64   `json:"dead"`            // summed best estimates of the events that give one
	Known bool    `json:"known,omitempty"` // some event gives its dead
	Key   string  `json:"key"`             // the deadliest event (the first by key on a tie)
	// Spot says every event of the cell stands at the same place: no
	// zoom will part them.
	Spot bool `json:"spot,omitempty"`

	cx, cy                 int
	sumLat, sumLon         float64
	repDead                int32
	repKey                 uint64
	rep                    int
	lat0, lat1, lon0, lon1 float32
}

func (c *mapCell) add(p *spot, i int) {
	if c.N == 0 {
		c.lat0, c.lat1, c.lon0, c.lon1 = p.lat, p.lat, p.lon, p.lon
		c.rep, c.repDead, c.repKey = i, p.dead, p.key
	} else {
		c.lat0, c.lat1 = min(c.lat0, p.lat), max(c.lat1, p.lat)
		c.lon0, c.lon1 = min(c.lon0, p.lon), max(c.lon1, p.lon)
		if p.dead > c.repDead || (p.dead == c.repDead && p.key < c.repKey) {
			c.rep, c.repDead, c.repKey = i, p.dead, p.key
		}
	}
	c.N++
	c.sumLat += float64(p.lat)
	c.sumLon += float64(p.lon)
	if p.dead >= 0 {
		c.Dead += int64(p.dead)
		c.Known = true
	}
}

func (c *mapCell) merge(d *mapCell) {
	c.lat0, c.lat1 = min(c.lat0, d.lat0), max(c.lat1, d.lat1)
	c.lon0, c.lon1 = min(c.lon0, d.lon0), max(c.lon1, d.lon1)
	if d.repDead > c.repDead || (d.repDead == c.repDead && d.repKey < c.repKey) {
		c.rep, c.repDead, c.repKey = d.rep, d.repDead, d.repKey
	}
	c.N += d.N
	c.sumLat += d.sumLat
	c.sumLon += d.sumLon
	c.Dead += d.Dead
	c.Known = c.Known || d.Known
}

type cellKey struct{ x, y int }

// mapAnswer is /api/map's answer.
type mapAnswer struct {
	Zoom    int       `json:"zoom"`    // the grid used: cells of 360/2^zoom degrees
	Events  int       `json:"events"`  // events the query and dates select
	Located int       `json:"located"` // of which with coordinates
	InView  int       `json:"in_view"` // of which inside view
	Cells   []mapCell `json:"cells"`
}

// binMap counts the events of set in the dates of f and inside view (nil:
// the world) by grid cell at zoom, coarsening the grid until at most
// maxCells remain.
func binMap(set *spotSet, f annalist.EventFilter, view *annalist.BBox, zoom int) mapAnswer {
	from, to, hasFrom, hasTo := window(f)
	// Start no finer than a grid of a few times maxCells over the view:
	// a fine grid over the world would make a cell of every event, and
	// merging a million of them takes seconds.
	w, h := 360.0, 180.0
	if view != nil {
		w, h = max(view.MaxLon-view.MinLon, 1e-9), max(view.MaxLat-view.MinLat, 1e-9)
	}
	for zoom > 0 {
		size := 360 / math.Exp2(float64(zoom))
		if (w/size+1)*(h/size+1) <= 8*maxCells {
			break
		}
		zoom--
	}
	out := mapAnswer{Zoom: zoom, Cells: []mapCell{}}
	cells := map[cellKey]*mapCell{}
	size := 360 / math.Exp2(float64(zoom))
	for i := range set.spots {
		p := &set.spots[i]
		if !inWindow(p, from, to, hasFrom, hasTo) {
			continue
		}
		out.Events++
		if !p.located() {
			continue
		}
		out.Located++
		lat, lon := float64(p.lat), float64(p.lon)
		if view != nil && (lat < view.MinLat || lat > view.MaxLat || lon < view.MinLon || lon > view.MaxLon) {
			continue
		}
		out.InView++
		k := cellKey{int(math.Floor((lon + 180) / size)), int(math.Floor((lat + 90) / size))}
		c := cells[k]
		if c == nil {
			c = &mapCell{cx: k.x, cy: k.y}
			cells[k] = c
		}
		c.add(p, i)
	}
	for len(cells) > maxCells && out.Zoom > 0 {
		out.Zoom--
		up := make(map[cellKey]*mapCell, len(cells)/2)
		for _, c := range cells {
			k := cellKey{c.cx >> 1, c.cy >> 1}
			if u := up[k]; u != nil {
				u.merge(c)
			} else {
				c.cx, c.cy = k.x, k.y
				up[k] = c
			}
		}
		cells = up
	}
	for _, c := range cells {
		c.Lat = math.Round(c.sumLat/float64(c.N)*1e4) / 1e4
		c.Lon = math.Round(c.sumLon/float64(c.N)*1e4) / 1e4
		c.Key = set.keyOf(c.rep)
		c.Spot = c.lat0 == c.lat1 && c.lon0 == c.lon1
		out.Cells = append(out.Cells, *c)
	}
	// Biggest first, so that a client drawing in order keeps small
	// cells on top; then by key, so that answers are stable.
	sort.Slice(out.Cells, func(i, j int) bool {
		a, b := &out.Cells[i], &out.Cells[j]
		if a.N != b.N {
			return a.N > b.N
		}
		return a.Key < b.Key
	})
	return out
}

// timelineAnswer is /api/timeline's answer: events by the month (or, for
// a span of more than maxMonths, the year) they start in, from Start on.
type timelineAnswer struct {
	Unit    string `json:"unit"`  // "month" or "year"
	Start   string `json:"start"` // the first bin: "1936-01" or "1936"; "" when nothing is dated
	Counts  []int  `json:"counts"`
	Events  int    `json:"events"`
	Undated int    `json:"undated"`
}

func binTimeline(set *spotSet) timelineAnswer {
	out := timelineAnswer{Unit: "month", Counts: []int{}}
	lo, hi := int32(math.MaxInt32), int32(math.MinInt32)
	for i := range set.spots {
		p := &set.spots[i]
		out.Events++
		if p.first == noDay {
			out.Undated++
			continue
		}
		lo, hi = min(lo, p.first), max(hi, p.first)
	}
	if out.Events == out.Undated {
		return out
	}
	a, b := annalist.DateFromDayNumber(int(lo)), annalist.DateFromDayNumber(int(hi))
	months := (b.Year-a.Year)*12 + b.Month - a.Month + 1
	index := func(d annalist.Date) int { return (d.Year-a.Year)*12 + d.Month - a.Month }
	out.Start = annalist.MonthDate(a.Year, a.Month).String()
	if months > maxMonths {
		out.Unit = "year"
		months = b.Year - a.Year + 1
		index = func(d annalist.Date) int { return d.Year - a.Year }
		out.Start = annalist.YearDate(a.Year).String()
	}
	out.Counts = make([]int, months)
	for i := range set.spots {
		if p := &set.spots[i]; p.first != noDay {
			out.Counts[index(annalist.DateFromDayNumber(int(p.first)))]++
		}
	}
	return out
}

// mapCells answers /api/map: the events of a query binned by map cell.
// Besides the filter it takes zoom (0–16, the grid's cells are
// 360/2^zoom degrees) and view (minLon,minLat,maxLon,maxLat: the part of
// the world shown, so that a zoomed-in map gets cells of what it shows).
func (s *Server) mapCells(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	for _, p := range []string{"zoom", "view"} {
		if len(q[p]) > 1 {
			return badParam(p, "parameter %q given %d times", p, len(q[p]))
		}
	}
	zoom := 2
	if v := q.Get("zoom"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > maxZoom {
			return badParam("zoom", "zoom: want a whole number from 0 to %d, got %q", maxZoom, v)
		}
		zoom = n
	}
	var view *annalist.BBox
	if v := q.Get("view"); v != "" {
		b, err := parseBBox(v)
		if err != nil {
			return badParam("view", "view: %v", strings.TrimPrefix(err.Error(), "bbox: "))
		}
		view = b
	}
	f, err := parseFilter(without(q, "zoom", "view"), 0, 0)
	if err != nil {
		return err
	}
	set, gen, err := s.spotsGen(r.Context(), f)
	if err != nil {
		return err
	}
	// Binning a million events takes tens of milliseconds; many clients
	// on the same first view share one answer.
	key := fmt.Sprintf("%d\x00%s\x00%v\x00%d", gen, spotKey(f), [2]annalist.Date{f.From, f.To}, zoom)
	if view != nil {
		key += fmt.Sprint(*view)
	}
	m, ok := s.mapAnswers.get(key)
	if !ok {
		m = binMap(set, f, view, zoom)
		s.mapAnswers.put(key, m)
	}
	return writeJSON(w, m)
}

// answerCache keeps the last map answers, the least recently used
// dropped past cachedAnswers (each at most maxCells cells, about 100 kB).
type answerCache struct {
	mu      sync.Mutex
	entries map[string]*answerEntry
	tick    int64
}

type answerEntry struct {
	m    mapAnswer
	used int64
}

const cachedAnswers = 128

func (c *answerCache) get(key string) (mapAnswer, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok {
		return mapAnswer{}, false
	}
	c.tick++
	e.used = c.tick
	return e.m, true
}

func (c *answerCache) put(key string, m mapAnswer) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[string]*answerEntry{}
	}
	c.tick++
	c.entries[key] = &answerEntry{m: m, used: c.tick}
	for len(c.entries) > cachedAnswers {
		victim, oldest := "", int64(math.MaxInt64)
		for k, e := range c.entries {
			if e.used < oldest {
				victim, oldest = k, e.used
			}
		}
		delete(c.entries, victim)
	}
}

// timeline answers /api/timeline: the events of a query by month.
func (s *Server) timeline(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	if q.Has("from") || q.Has("to") {
		return badParam("from", "the timeline shows every date of the query: leave out from and to")
	}
	f, err := parseFilter(q, 0, 0)
	if err != nil {
		return err
	}
	set, err := s.spots(r.Context(), f)
	if err != nil {
		return err
	}
	return writeJSON(w, binTimeline(set))
}

// without returns q without the named parameters, which a handler reads
// itself before the filter's strict parse.
func without(q url.Values, names ...string) url.Values {
	out := url.Values{}
	for k, v := range q {
		out[k] = v
	}
	for _, n := range names {
		delete(out, n)
	}
	return out
}

// Warm reads the events of the explorer's first view (no filter) into
// the cache, so that its first visitor does not wait for a large store
// to be read (8 s at 1,000,000 events on a busy machine).
func (s *Server) Warm(ctx context.Context) error {
	_, err := s.spots(ctx, annalist.EventFilter{})
	return err
}
