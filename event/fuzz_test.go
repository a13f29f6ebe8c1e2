package event

import (
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/actor"
	"github.com/annalist/annalist/plaintext"
)

func FuzzExtract(f *testing.F) {
	f.Add([]byte(fixture))
	f.Add([]byte("= X =\n\n==A==\nOn 8 May 1935, the (ja) occurred. Five days later, 3 of them were killed.\n- The attack in July (2–25 July).\n"))
	f.Add([]byte("= X =\n\n==1936==\nIn January, according to the Zembrians, no casualties.\n"))
	tab, err := actor.Load()
	if err != nil {
		f.Fatal(err)
	}
	r, err := NewReader(tab)
	if err != nil {
		f.Fatal(err)
	}
	c := &annalist.Conflict{Sides: []annalist.Side{{Belligerents: []string{"Zembria"}}, {Belligerents: []string{"Ostra", "Japan"}}}}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := plaintext.Read("fuzz.txt", data)
		if err != nil {
			return
		}
		for _, conflict := range []*annalist.Conflict{nil, c} {
			evs, cls := r.Extract(a, conflict)
			for _, ev := range evs {
				if len(ev.Evidence) == 0 {
					t.Fatal("event without evidence")
				}
				for _, e := range ev.Evidence {
					if e.Start < 0 || e.End > len(a.Raw) || e.Start > e.End || string(a.Raw[e.Start:e.End]) != e.Text {
						t.Fatalf("evidence %d:%d does not hold its text", e.Start, e.End)
					}
				}
				if ev.DatePrec != annalist.DatePrec(ev.DateStart, ev.DateEnd) {
					t.Fatalf("date_prec %d for %s..%s", ev.DatePrec, ev.DateStart, ev.DateEnd)
				}
			}
			for _, cl := range cls {
				if cl.Quantity.Low == nil || len(cl.Evidence) != 1 {
					t.Fatalf("claim %+v", cl)
				}
			}
		}
	})
}
