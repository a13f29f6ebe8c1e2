package gazetteer

import (
	"math"
	"strings"
	"sync"
)

// nearIndex finds the GeoNames place nearest a point: the cities in 1°
// cells, built on first use (most programs never ask). The cells are
// laid out by a counting sort rather than kept in a map of slices: a
// map of a hundred thousand appends took 16 ms, all of it on the first
// article's path.
type nearIndex struct {
	once sync.Once
	// order holds the indices into Gazetteer.base.cities grouped by cell;
	// the cell of key k is order[start[k]:start[k+1]].
	start []int32
	order []int32
}

// nearCells is the number of cell keys: 181 rows of latitude (90° N is a
// row of its own) by 360 columns.
const nearCells = 181 * 360

// cell returns the cities of cell key k (none for a key off the globe).
func (ix *nearIndex) cell(k int32) []int32 {
	if k < 0 || int(k) >= nearCells {
		return nil
	}
	return ix.order[ix.start[k]:ix.start[k+1]]
}

func cellOf(lat, lon float64) (int, int) {
	return int(math.Floor(lat)), int(math.Floor(lon))
}

func cellKey(r, c int) int32 {
	c = ((c+180)%360+360)%360 - 180 // wrap at the antimeridian
	return int32((r+90)*360 + (c + 180))
}

func (g *Gazetteer) buildNear() {
	cities := g.base.cities
	keys := make([]int32, len(cities))
	start := make([]int32, nearCells+1)
	for i := range cities {
		k := cellKey(cellOf(cities[i].lat, cities[i].lon))
		keys[i] = k
		start[k+1]++
	}
	for k := 1; k <= nearCells; k++ {
		start[k] += start[k-1]
	}
	order := make([]int32, len(cities))
	fill := make([]int32, nearCells)
	copy(fill, start[:nearCells])
	for i, k := range keys {
		order[fill[k]] = int32(i)
		fill[k]++
	}
	g.near.start, g.near.order = start, order
}

// maxNearKm is how far from a point the place that names its country and
// division may lie: beyond it (open sea, desert) the point keeps only the
// country its gazetteer entry gives.
const maxNearKm = 150

// nearest returns the GeoNames place nearest (lat, lon) within maxNearKm,
// among the countries of cc (";"-joined ISO codes; "" for any).
func (g *Gazetteer) nearest(lat, lon float64, cc string) (*city, bool) {
	if g.near == nil {
		return nil, false
	}
	g.near.once.Do(g.buildNear)
	r0, c0 := cellOf(lat, lon)
	var best *city
	bd := math.Inf(1)
	// A degree of latitude is 111 km; of longitude, less away from the
	// equator, so search as many cells as maxNearKm spans there.
	rows := 2
	cols := int(math.Ceil(maxNearKm/(111*math.Max(math.Cos(lat*math.Pi/180), 0.05)))) + 1
	if cols > 180 {
		cols = 180
	}
	// Places are compared by the equirectangular distance, which orders
	// places this near as the great-circle distance does at a fraction of
	// its cost; only the nearest is measured exactly.
	kx := math.Cos(lat * math.Pi / 180)
	search := func(rows, cols int) {
		for dr := -rows; dr <= rows; dr++ {
			for dc := -cols; dc <= cols; dc++ {
				for _, i := range g.near.cell(cellKey(r0+dr, c0+dc)) {
					ci := &g.base.cities[i]
					dlon := ci.lon - lon
					if dlon > 180 {
						dlon -= 360 // across the antimeridian
					} else if dlon < -180 {
						dlon += 360
					}
					dx, dy := dlon*kx, ci.lat-lat
					if d := dx*dx + dy*dy; d < bd {
						if cc != "" && !strings.Contains(cc, ci.id[7:9]) {
							continue
						}
						best, bd = ci, d
					}
				}
			}
		}
	}
	// The 3×3 cells around the point first: a place found there nearer
	// than the block's edge is the nearest, and most points lie among
	// places; only the others need the whole search.
	search(1, 1)
	edge := math.Min(math.Min(lat-float64(r0-1), float64(r0+2)-lat), math.Min(lon-float64(c0-1), float64(c0+2)-lon)*kx)
	if best == nil || bd > edge*edge {
		search(rows, cols)
	}
	if best == nil || distanceKm(lat, lon, best.lat, best.lon) > maxNearKm {
		return nil, false
	}
	return best, true
}

// CountryAt returns the present-day country (ISO 3166-1 alpha-2) and
// first-order division of a point, from the GeoNames place nearest it,
// or "" where no place is near.
func (g *Gazetteer) CountryAt(lat, lon float64) (country, adm1 string) {
	<-g.ready
	if c, ok := g.nearest(lat, lon, ""); ok {
		return c.id[7:9], c.admin1
	}
	return "", ""
}

// countryOf names the country and division of a point placed from entry
// e: the entry's own where it is a country, a division or a city the point
// is, else the nearest GeoNames place of the entry's countries (a lake on
// a border lies in one of them).
func (g *Gazetteer) countryOf(e *Entry, lat, lon float64, moved bool) (country, adm1 string) {
	switch {
	case e.Kind == KindCountry:
		return e.Country, ""
	case e.Kind == KindAdmin1 && !strings.Contains(e.Country, ";"):
		return e.Country, e.Primary
	case e.Kind == KindCity && !moved && !strings.Contains(e.Country, ";") && e.Admin1 != "":
		return e.Country, e.Admin1
	}
	if c, ok := g.nearest(lat, lon, e.Country); ok {
		return c.id[7:9], c.admin1
	}
	if e.Country != "" && !strings.Contains(e.Country, ";") {
		return e.Country, ""
	}
	return "", ""
}

// countryAtLocked is CountryAt for a caller that already waited for the load.
func (g *Gazetteer) countryAtLocked(lat, lon float64) (string, string) {
	if c, ok := g.nearest(lat, lon, ""); ok {
		return c.id[7:9], c.admin1
	}
	return "", ""
}
