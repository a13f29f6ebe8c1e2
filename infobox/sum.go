package infobox

import "github.com/annalist/annalist"

// creditParts credits the parts of a side's total to its belligerents.
// Where the casualties read as a total followed by its parts ("Total:
// 30,443–32,418, 29,766–31,290, 677–1,128"), one part per belligerent, the
// parts plain counts of people like the total, and the parts' bounds add
// up to the total's, part i is credited to belligerent i and marked. When
// the sums do not agree nothing is credited.
func creditParts(s *annalist.Side) {
	for _, figs := range [][]annalist.Figure{s.Casualties, s.Strength} {
		creditFigures(figs, s.Belligerents)
	}
}

func creditFigures(figs []annalist.Figure, bell []string) {
	n := len(bell)
	if n < 2 {
		return
	}
	for i, t := range figs {
		if t.Label == nil || *t.Label != "Total" || t.Low == nil || i+n >= len(figs) {
			continue
		}
		parts := figs[i+1 : i+1+n]
		lo, hi := 0, 0
		ok := true
		for _, p := range parts {
			if p.Low == nil || p.What != t.What || p.Status != nil || p.Label != nil {
				ok = false
				break
			}
			lo += *p.Low
			h := *p.Low
			if p.High != nil {
				h = *p.High
			}
			hi += h
		}
		th := *t.Low
		if t.High != nil {
			th = *t.High
		}
		if !ok || lo != *t.Low || hi != th {
			continue
		}
		for k := range parts {
			parts[k].Belligerent = bell[k]
			parts[k].SumOfParts = true
		}
		return
	}
}
