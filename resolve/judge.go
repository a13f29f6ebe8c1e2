package resolve

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/annalist/annalist"
)

// SameAt is the score from which two tellings that no criterion vetoes
// are the same clash. Points: dates agreeing at their precision 2 (only
// overlapping 1); places at the same gazetteer entry 2 (1 for an entry
// as coarse as a province), or within tolerance of each other 1; names
// that match 3, names that differ -3. So a clash needs a name, or its
// date and a precise place, to join: two unnamed clashes of one day a
// few kilometres apart stay two.
const SameAt = 4

// Judge weighs whether a and b tell the same clash, and says why.
func (r *Rule) Judge(a, b *Telling) annalist.PairVerdict {
	v, _ := r.judge(a, b, true)
	return v
}

// Same reports whether a and b tell the same clash: Judge's verdict
// without its reasons, for the many pairs a resolution weighs and drops.
func (r *Rule) Same(a, b *Telling) bool {
	v, _ := r.judge(a, b, false)
	return v.Same
}

// vetoed reports whether a criterion alone keeps a and b apart.
func (r *Rule) vetoed(a, b *Telling) bool {
	_, veto := r.judge(a, b, false)
	return veto
}

func (r *Rule) judge(a, b *Telling, explain bool) (annalist.PairVerdict, bool) {
	if b.Key < a.Key {
		a, b = b, a
	}
	r.Prepare(a)
	r.Prepare(b)
	v := annalist.PairVerdict{A: a.Key, B: b.Key}
	veto := false
	add := func(criterion string, points int, vetoed bool, detail func() string) {
		v.Score += points
		veto = veto || vetoed
		if explain {
			v.Reasons = append(v.Reasons, annalist.Reason{Criterion: criterion, Points: points, Veto: vetoed, Detail: detail()})
		}
	}
	pa, pb := a.p, b.p
	if a.ArticleKey == b.ArticleKey {
		add("article", 0, true, func() string {
			return fmt.Sprintf("both are told by %q, and an article tells a clash once", a.ArticleTitle)
		})
	}

	if veto && !explain {
		return v, veto
	}
	names := r.nameMatch(a, b)
	switch {
	case !pa.dated || !pb.dated:
		add("date", 0, true, func() string { return fmt.Sprintf("%s has no date", undated(a, b)) })
	case pa.last < pb.first || pb.last < pa.first:
		add("date", 0, true, func() string { return fmt.Sprintf("dates do not overlap: %s and %s", dates(&a.Event), dates(&b.Event)) })
	case agreeAt(&a.Event, &b.Event, min(pa.prec, pb.prec)):
		add("date", 2, false, func() string {
			return fmt.Sprintf("dates agree at %s precision: %s and %s", precName(min(pa.prec, pb.prec)), dates(&a.Event), dates(&b.Event))
		})
	default:
		add("date", 1, false, func() string { return fmt.Sprintf("dates overlap: %s and %s", dates(&a.Event), dates(&b.Event)) })
	}

	if veto && !explain {
		return v, veto
	}
	switch same, flipped := dyad(pa, pb); {
	case !same && !flipped:
		add("dyad", 0, true, func() string {
			return fmt.Sprintf("no state on each side in common: %s and %s", sides(&a.Event), sides(&b.Event))
		})
	case same:
		add("dyad", 0, false, func() string {
			return fmt.Sprintf("share %s against %s", common(pa.sideA, pb.sideA), common(pa.sideB, pb.sideB))
		})
	default:
		add("dyad", 0, false, func() string {
			return fmt.Sprintf("share %s against %s (sides named the other way round)", common(pa.sideA, pb.sideB), common(pa.sideB, pb.sideA))
		})
	}

	switch {
	case !pa.hasPoint || !pb.hasPoint:
		add("place", 0, false, func() string { return fmt.Sprintf("place unknown for %s", unplaced(a, b)) })
	case pa.gazID != "" && pa.gazID == pb.gazID:
		if max(pa.wherePrec, pb.wherePrec) >= 4 {
			add("place", 1, false, func() string {
				return fmt.Sprintf("same gazetteer entry %s, but as coarse as where_prec %d", pa.gazID, max(pa.wherePrec, pb.wherePrec))
			})
		} else {
			add("place", 2, false, func() string { return fmt.Sprintf("same gazetteer entry %s", pa.gazID) })
		}
	default:
		d := Distance(pa.lat, pa.lon, pb.lat, pb.lon)
		tol := Tolerance(pa.wherePrec) + Tolerance(pb.wherePrec)
		switch {
		case d > tol && names != nil:
			add("place", 0, false, func() string {
				return fmt.Sprintf("%.0f km apart, beyond %.0f km for where_prec %d and %d, but the names match", d, tol, pa.wherePrec, pb.wherePrec)
			})
		case d > tol:
			add("place", 0, true, func() string {
				return fmt.Sprintf("%.0f km apart, beyond %.0f km for where_prec %d and %d", d, tol, pa.wherePrec, pb.wherePrec)
			})
		case max(pa.wherePrec, pb.wherePrec) >= 4:
			add("place", 0, false, func() string {
				return fmt.Sprintf("%.0f km apart, within %.0f km, but where_prec %d is too coarse to tell", d, tol, max(pa.wherePrec, pb.wherePrec))
			})
		default:
			add("place", 1, false, func() string {
				return fmt.Sprintf("%.0f km apart, within %.0f km for where_prec %d and %d", d, tol, pa.wherePrec, pb.wherePrec)
			})
		}
	}

	switch {
	case names != nil:
		add("name", 3, false, names)
	case len(pa.names) > 0 && len(pb.names) > 0:
		add("name", -3, false, func() string { return fmt.Sprintf("named differently: %q and %q", name(&a.Event), name(&b.Event)) })
	default:
		add("name", 0, false, func() string { return "no name to compare" })
	}

	v.Same = !veto && v.Score >= SameAt
	if !explain {
		return v, veto
	}
	var why []string
	for _, r := range v.Reasons {
		if r.Veto {
			why = append(why, r.Criterion+": "+r.Detail)
		}
	}
	switch {
	case veto:
		v.Why = "apart: " + strings.Join(why, "; ")
	case v.Same:
		v.Why = fmt.Sprintf("same clash: score %d reaches %d", v.Score, SameAt)
	default:
		v.Why = fmt.Sprintf("apart: score %d is below %d", v.Score, SameAt)
	}
	return v, veto
}

// nameMatch says how a's and b's names match, or nil when they do not:
// a name or alias of one equals a name of the other, or a heading or
// link of the other's section.
func (r *Rule) nameMatch(a, b *Telling) func() string {
	pa, pb := a.p, b.p
	for _, k := range pa.names {
		if slices.Contains(pb.names, k) {
			return func() string { return fmt.Sprintf("names match (%q)", k) }
		}
		if slices.Contains(pb.hints, k) {
			return func() string { return fmt.Sprintf("%q names the section or linked article of %s", k, b.Key) }
		}
	}
	for _, k := range pb.names {
		if slices.Contains(pa.hints, k) {
			return func() string { return fmt.Sprintf("%q names the section or linked article of %s", k, a.Key) }
		}
	}
	return nil
}

// agreeAt reports whether a's and b's dates, cut to precision p, are the
// same: "June 1935" agrees with "8 June 1935" at month precision.
func agreeAt(a, b *annalist.Event, p annalist.Precision) bool {
	cut := func(d annalist.Date) annalist.Date {
		d.Prec = min(d.Prec, p)
		if d.Prec < annalist.PrecDay {
			d.Day = 0
		}
		if d.Prec < annalist.PrecMonth {
			d.Month = 0
		}
		return d
	}
	end := func(e *annalist.Event) annalist.Date {
		if e.DateEnd.IsZero() {
			return e.DateStart
		}
		return e.DateEnd
	}
	return cut(a.DateStart) == cut(b.DateStart) && cut(end(a)) == cut(end(b))
}

// dyad reports whether a and b share a state on each side, named the
// same way round (same) or the other (flipped).
func dyad(a, b *prepared) (same, flipped bool) {
	meets := func(x, y []string) bool {
		return slices.ContainsFunc(x, func(s string) bool { return slices.Contains(y, s) })
	}
	return meets(a.sideA, b.sideA) && meets(a.sideB, b.sideB), meets(a.sideA, b.sideB) && meets(a.sideB, b.sideA)
}

func common(x, y []string) string {
	var out []string
	for _, s := range x {
		if slices.Contains(y, s) {
			out = append(out, s)
		}
	}
	return strings.Join(out, ", ")
}

// Tolerance returns how far (km) a place given at UCDP's where_prec may
// lie from where the clash was: a point 5, near a place 25, a district
// 50, a province 150, a line or region 250, a country or sea 1000. Two
// places agree when they lie within the sum of their tolerances.
func Tolerance(wherePrec int) float64 {
	switch wherePrec {
	case 1:
		return 5
	case 2:
		return 25
	case 0, 3: // 0: coordinates without a stated precision
		return 50
	case 4:
		return 150
	case 5:
		return 250
	}
	return 1000
}

// Distance returns the great-circle distance in km between two points.
func Distance(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}

func precName(p annalist.Precision) string {
	switch p {
	case annalist.PrecDay:
		return "day"
	case annalist.PrecMonth:
		return "month"
	}
	return "year"
}

func dates(e *annalist.Event) string {
	if e.DateEnd.IsZero() || e.DateEnd == e.DateStart {
		return e.DateStart.String()
	}
	return e.DateStart.String() + "/" + e.DateEnd.String()
}

func sides(e *annalist.Event) string {
	return strings.Join(e.SideA, ", ") + " v " + strings.Join(e.SideB, ", ")
}

func name(e *annalist.Event) string {
	if e.Name == nil {
		return ""
	}
	return *e.Name
}

func undated(a, b *Telling) string {
	switch {
	case !a.p.dated && !b.p.dated:
		return "neither"
	case !a.p.dated:
		return a.Key
	}
	return b.Key
}

func unplaced(a, b *Telling) string {
	switch {
	case !a.p.hasPoint && !b.p.hasPoint:
		return "both"
	case !a.p.hasPoint:
		return a.Key
	}
	return b.Key
}
