package event

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/infobox"
	"github.com/annalist/annalist/internal/testshared"
	"github.com/annalist/annalist/sample"
)

type goldCount struct {
	Low  *int `json:"low"`
	High *int `json:"high"`
}

type goldEvent struct {
	Key        string                `json:"key"`
	Anchor     string                `json:"anchor"`
	AllowSplit bool                  `json:"allow_split"`
	DateStart  string                `json:"date_start"`
	DateEnd    string                `json:"date_end"`
	SideA      []string              `json:"side_a"`
	SideB      []string              `json:"side_b"`
	Counts     map[string]*goldCount `json:"-"`
}

// TestSampleMatchesGold reads the bundled sample and compares its events
// and claims with the hand annotation in ../shared/gold, the way
// tools/score does, at the floors issue 3 sets.
func TestSampleMatchesGold(t *testing.T) {
	shared := testshared.Dir(t)
	raw, err := os.ReadFile(filepath.Join(shared, "gold", "soviet-japanese-border-conflicts.json"))
	if err != nil {
		t.Skip(err)
	}
	var gold struct {
		Events   []json.RawMessage `json:"events"`
		Optional []struct {
			Anchor string `json:"anchor"`
		} `json:"optional_events"`
		Claims []struct {
			Anchor      string `json:"anchor"`
			Quantity    int    `json:"quantity"`
			AccordingTo string `json:"according_to"`
		} `json:"claims"`
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	var golds []goldEvent
	for _, m := range gold.Events {
		var g goldEvent
		if err := json.Unmarshal(m, &g); err != nil {
			t.Fatal(err)
		}
		var all map[string]json.RawMessage
		_ = json.Unmarshal(m, &all)
		g.Counts = map[string]*goldCount{}
		for _, k := range []string{"deaths_a", "deaths_b", "wounded_a", "wounded_b", "captured_a", "captured_b"} {
			var c *goldCount
			_ = json.Unmarshal(all[k], &c)
			g.Counts[k] = c
		}
		golds = append(golds, g)
	}

	a, err := sample.Article()
	if err != nil {
		t.Fatal(err)
	}
	tab := loadActors(t)
	evs, cls := Extract(a, infobox.Extract(a, tab), tab)

	matched := map[string]int{} // gold key → event index
	extra := 0
	for i, ev := range evs {
		var text strings.Builder
		for _, e := range ev.Evidence {
			text.WriteString(e.Text + " ")
		}
		hit := false
		for _, g := range golds {
			if strings.Contains(text.String(), g.Anchor) {
				if _, dup := matched[g.Key]; dup && !g.AllowSplit {
					extra++
					t.Errorf("event %d repeats %s", i, g.Key)
				} else if !dup {
					matched[g.Key] = i
				}
				hit = true
				break
			}
		}
		if !hit {
			optional := false
			for _, o := range gold.Optional {
				optional = optional || strings.Contains(text.String(), o.Anchor)
			}
			if !optional {
				extra++
				t.Errorf("extra event %s %.60q", ev.DateStart, ev.Evidence[0].Text)
			}
		}
	}
	dates, sides, countsRight, countsChecked := 0, 0, 0, 0
	for _, g := range golds {
		i, ok := matched[g.Key]
		if !ok {
			t.Errorf("missed %s (%s)", g.Key, g.Anchor)
			continue
		}
		ev := evs[i]
		ds, de := ev.DateStart.String(), ev.DateEnd.String()
		if (ds == g.DateStart && de == g.DateEnd) || (g.AllowSplit && g.DateStart <= ds && de <= g.DateEnd) {
			dates++
		} else {
			t.Logf("date %s: %s..%s, gold %s..%s", g.Key, ds, de, g.DateStart, g.DateEnd)
		}
		overlap := func(x, y []string) bool {
			for _, p := range x {
				for _, q := range y {
					if p == q {
						return true
					}
				}
			}
			return false
		}
		flip := !(overlap(ev.SideA, g.SideA) && overlap(ev.SideB, g.SideB))
		if (!flip || (overlap(ev.SideA, g.SideB) && overlap(ev.SideB, g.SideA))) && !overlap(ev.SideA, ev.SideB) {
			sides++
		} else {
			t.Logf("sides %s: %v / %v", g.Key, ev.SideA, ev.SideB)
		}
		got := map[string]*int{}
		for k, c := range map[string]*annalist.Count{"deaths_a": ev.DeathsA, "deaths_b": ev.DeathsB,
			"wounded_a": ev.WoundedA, "wounded_b": ev.WoundedB, "captured_a": ev.CapturedA, "captured_b": ev.CapturedB} {
			if flip {
				k = strings.NewReplacer("_a", "_b", "_b", "_a").Replace(k)
			}
			if c != nil {
				got[k] = c.Low
			}
		}
		for k, want := range g.Counts {
			switch {
			case want == nil && got[k] != nil:
				countsChecked++
				t.Logf("%s %s: spurious %d", g.Key, k, *got[k])
			case want != nil:
				countsChecked++
				if got[k] != nil && want.Low != nil && *got[k] == *want.Low {
					countsRight++
				} else {
					t.Logf("%s %s: got %v, want %d", g.Key, k, got[k], *want.Low)
				}
			}
		}
	}
	n := float64(len(matched))
	p, r := n/(n+float64(extra)), n/float64(len(golds))
	f1 := 2 * p * r / (p + r)
	claims := 0
	for _, g := range gold.Claims {
		for _, c := range cls {
			if c.Quantity.Low != nil && *c.Quantity.Low == g.Quantity && strings.Contains(c.Evidence[0].Text, g.Anchor) &&
				c.AccordingTo != nil && (strings.Contains(g.AccordingTo, *c.AccordingTo) || strings.Contains(*c.AccordingTo, g.AccordingTo)) {
				claims++
				break
			}
		}
	}
	for _, m := range []struct {
		name       string
		got, floor float64
	}{
		{"events_f1", f1, 0.90},
		{"dates", float64(dates) / n, 0.90},
		{"sides", float64(sides) / n, 0.90},
		{"counts", float64(countsRight) / float64(countsChecked), 0.85},
		{"claims", float64(claims) / float64(len(gold.Claims)), 0.80},
	} {
		if m.got < m.floor {
			t.Errorf("%s = %.3f, below %.2f", m.name, m.got, m.floor)
		}
	}
}
