package extract

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/plaintext"
)

// proseGold is the part of a reference annotation (the shared gold/
// format) that TestProseArticles checks.
type proseGold struct {
	Events []struct {
		Key        string          `json:"key"`
		Anchor     string          `json:"anchor"`
		DateStart  string          `json:"date_start"`
		DateEnd    string          `json:"date_end"`
		SideA      []string        `json:"side_a"`
		SideB      []string        `json:"side_b"`
		AllowSplit bool            `json:"allow_split"`
		SkipCounts bool            `json:"skip_counts"`
		Counts     map[string]any  `json:"-"`
		Raw        json.RawMessage `json:"-"`
	} `json:"events"`
	Optional []struct {
		Anchor string `json:"anchor"`
	} `json:"optional_events"`
}

// proseScore is what scoring one article found; the fields follow the
// shared scorer's metrics.
type proseScore struct {
	tp, fp, gold, dates, sides, counts, countsChecked int
	places, placesChecked                             int
	detail                                            []string
}

// TestProseArticles extracts each article of testdata/prose and scores its
// events against the annotation beside it, the way the shared scorer does:
// an event matches a reference clash when its evidence holds the clash's
// anchor. The articles show kinds of prose the reader once got wrong
// (clashes told without a date of their own, cease-fires, background wars,
// a battle article's own battle, other word orders for losses).
func TestProseArticles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "prose", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no prose articles: %v", err)
	}
	x := newExtractor(t)
	var total proseScore
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			s := scoreProse(t, x, f, strings.TrimSuffix(f, ".txt")+".gold.json")
			t.Logf("%s: events %d/%d found, %d extra; dates %d, sides %d, counts %d/%d, places %d/%d", name, s.tp, s.gold, s.fp, s.dates, s.sides, s.counts, s.countsChecked, s.places, s.placesChecked)
			for _, d := range s.detail {
				t.Log("  " + d)
			}
			total.tp += s.tp
			total.fp += s.fp
			total.gold += s.gold
			total.dates += s.dates
			total.sides += s.sides
			total.counts += s.counts
			total.countsChecked += s.countsChecked
			total.places += s.places
			total.placesChecked += s.placesChecked
		})
	}
	p := float64(total.tp) / float64(max(1, total.tp+total.fp))
	r := float64(total.tp) / float64(max(1, total.gold))
	f1 := 2 * p * r / max(p+r, 1e-9)
	dates := float64(total.dates) / float64(max(1, total.tp))
	sides := float64(total.sides) / float64(max(1, total.tp))
	counts := float64(total.counts) / float64(max(1, total.countsChecked))
	places := float64(total.places) / float64(max(1, total.placesChecked))
	t.Logf("all: events_p=%.3f events_r=%.3f events_f1=%.3f dates=%.3f sides=%.3f counts=%.3f places=%.3f", p, r, f1, dates, sides, counts, places)
	for _, c := range []struct {
		name       string
		got, floor float64
	}{{"events_f1", f1, proseFloors.f1}, {"dates", dates, proseFloors.dates}, {"sides", sides, proseFloors.sides}, {"counts", counts, proseFloors.counts}, {"places", places, proseFloors.places}} {
		if c.got < c.floor {
			t.Errorf("%s = %.3f, below its floor %.2f", c.name, c.got, c.floor)
		}
	}
}

// proseFloors are the figures the prose articles must keep.
var proseFloors = struct{ f1, dates, sides, counts, places float64 }{0.95, 0.95, 0.95, 0.9, 0.8}

func scoreProse(t *testing.T, x *Extractor, txt, goldPath string) proseScore {
	t.Helper()
	data, err := os.ReadFile(txt)
	if err != nil {
		t.Fatal(err)
	}
	a, err := plaintext.Read(txt, data)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := x.Extract(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	var g proseGold
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatalf("%s: %v", goldPath, err)
	}
	var full struct {
		Events []map[string]any `json:"events"`
	}
	if err := json.Unmarshal(raw, &full); err != nil {
		t.Fatal(err)
	}
	var s proseScore
	s.gold = len(g.Events)
	matched := map[int]*annalist.Event{}
	for i := range doc.Events {
		ev := &doc.Events[i]
		var text strings.Builder
		for _, e := range ev.Evidence {
			text.WriteString(e.Text)
			text.WriteByte(' ')
		}
		hit := -1
		for k, ge := range g.Events {
			if strings.Contains(text.String(), ge.Anchor) && (matched[k] == nil || hit < 0) {
				hit = k
				if matched[k] == nil {
					break
				}
			}
		}
		if hit < 0 {
			optional := false
			for _, o := range g.Optional {
				optional = optional || strings.Contains(text.String(), o.Anchor)
			}
			if !optional {
				s.fp++
				s.detail = append(s.detail, fmt.Sprintf("extra event %s %v/%v: %.80q", ev.DateStart, ev.SideA, ev.SideB, text.String()))
			}
			continue
		}
		if matched[hit] != nil && !g.Events[hit].AllowSplit {
			s.fp++
			s.detail = append(s.detail, "duplicate of "+g.Events[hit].Key)
			continue
		}
		if matched[hit] == nil {
			matched[hit] = ev
		}
	}
	for k, ge := range g.Events {
		ev := matched[k]
		if ev == nil {
			s.detail = append(s.detail, "missed "+ge.Key)
			continue
		}
		s.tp++
		ps, pe := ev.DateStart.String(), ev.DateEnd.String()
		if (ps == ge.DateStart && pe == ge.DateEnd) || (ge.AllowSplit && ge.DateStart <= ps && pe <= ge.DateEnd && ps[:min(4, len(ps))] == ge.DateStart[:4]) {
			s.dates++
		} else {
			s.detail = append(s.detail, fmt.Sprintf("date %s: got %s..%s, want %s..%s", ge.Key, ps, pe, ge.DateStart, ge.DateEnd))
		}
		ga, gb, pa, pb := set(ge.SideA), set(ge.SideB), set(ev.SideA), set(ev.SideB)
		aligned := meets(pa, ga) && meets(pb, gb) && !meets(pa, gb) && !meets(pb, ga)
		swapped := meets(pa, gb) && meets(pb, ga) && !meets(pa, ga) && !meets(pb, gb)
		if (aligned || swapped) && !meets(pa, pb) {
			s.sides++
		} else {
			s.detail = append(s.detail, fmt.Sprintf("sides %s: got %v / %v", ge.Key, ev.SideA, ev.SideB))
		}
		if gp, _ := full.Events[k]["place"].(map[string]any); gp != nil {
			if want, _ := gp["text"].(string); want != "" {
				s.placesChecked++
				names := []string{want}
				if also, ok := gp["also"].([]any); ok {
					for _, a := range also {
						names = append(names, fmt.Sprint(a))
					}
				}
				ok := false
				for _, n := range names {
					ok = ok || (ev.Place != nil && strings.Contains(strings.ToLower(ev.Place.Text), strings.ToLower(n)))
				}
				if ok {
					s.places++
				} else {
					got := "none"
					if ev.Place != nil {
						got = ev.Place.Text
					}
					s.detail = append(s.detail, fmt.Sprintf("place %s: got %q, want %q", ge.Key, got, want))
				}
			}
		}
		if ge.SkipCounts {
			continue
		}
		got := map[string]*annalist.Count{"deaths_a": ev.DeathsA, "deaths_b": ev.DeathsB, "wounded_a": ev.WoundedA, "wounded_b": ev.WoundedB, "captured_a": ev.CapturedA, "captured_b": ev.CapturedB}
		if swapped && !aligned {
			got = map[string]*annalist.Count{"deaths_a": ev.DeathsB, "deaths_b": ev.DeathsA, "wounded_a": ev.WoundedB, "wounded_b": ev.WoundedA, "captured_a": ev.CapturedB, "captured_b": ev.CapturedA}
		}
		for _, field := range []string{"deaths_a", "deaths_b", "wounded_a", "wounded_b", "captured_a", "captured_b"} {
			want, _ := full.Events[k][field].(map[string]any)
			c := got[field]
			empty := c == nil || (c.Low == nil && c.High == nil)
			switch {
			case want == nil && empty:
			case want == nil:
				s.countsChecked++
				s.detail = append(s.detail, fmt.Sprintf("%s %s: got %s, want none", field, ge.Key, c.Text))
			default:
				s.countsChecked++
				if !empty && sameBound(c.Low, want["low"]) && (want["high"] == nil || sameBound(c.High, want["high"])) {
					s.counts++
				} else {
					s.detail = append(s.detail, fmt.Sprintf("%s %s: got %v, want %v", field, ge.Key, c, want["low"]))
				}
			}
		}
	}
	return s
}

func set(xs []string) map[string]bool {
	m := map[string]bool{}
	for _, x := range xs {
		m[strings.ToLower(strings.TrimSpace(x))] = true
	}
	return m
}

func meets(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// sameBound reports whether a count's bound equals the annotation's
// (a JSON number or null), as the shared scorer compares them.
func sameBound(got *int, want any) bool {
	w, ok := want.(float64)
	if !ok {
		return got == nil
	}
	return got != nil && *got == int(w)
}
