// Package synth writes synthetic conflict articles and the Documents an
// extractor would read from them, for the store, export and server tests
// and benchmarks. The states and places are invented (Ruritania, Borduria,
// ...) so that no fixture copies a real article; every number, date and
// sentence carries the byte span it stands at in the generated text.
package synth

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strconv"

	"github.com/annalist/annalist"
)

// Options shapes a generated article.
type Options struct {
	Title  string
	Events int
	// FirstYear is the year of the first event; events follow each other
	// by a few weeks.
	FirstYear int
	// Seed makes the text vary between articles of the same shape.
	Seed uint64
	// MinBytes pads the text with invented prose up to this size, for
	// articles as long as real ones (the bundled sample is about 18 kB).
	MinBytes int
	// Markup, when set, puts HTML that a careless viewer would run into
	// the text, the event names and the evidence.
	Markup bool
	// Sentences is how many pieces of evidence each event has (at least
	// one): the clash itself, then follow-ups (protests, inquiries). The
	// bundled sample's events have three or four.
	Sentences int
	// Claims is how many claims the article makes (at least one).
	Claims int
}

var (
	sides  = [][2]string{{"Ruritania", "Borduria"}, {"Syldavia", "Borduria"}, {"Freedonia", "Sylvania"}, {"Latveria", "Symkaria"}}
	places = []struct {
		name     string
		lat, lon float64
	}{
		{"Lake Zenda", 48.2, 130.1}, {"Klow", 47.5, 126.3}, {"Fort Ruhr", 49.9, 128.7},
		{"the Vargan Hills", 46.1, 118.4}, {"Strelsau", 45.3, 123.9}, {"Tall Pass", 50.6, 132.2},
	}
	months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// Document returns a generated article's source text and its Document.
func Document(o Options) (*annalist.Document, []byte) {
	if o.Title == "" {
		o.Title = "Ruritanian–Bordurian border conflicts"
	}
	if o.FirstYear == 0 {
		o.FirstYear = 1935
	}
	r := rand.New(rand.NewPCG(o.Seed, 7))
	var b bytes.Buffer
	fmt.Fprintf(&b, "= %s =\n\nInfobox\n- Conflict: %s\n- Date: %d – %d\n- Combatant1: Ruritania\n- Combatant2: Borduria\n\n",
		o.Title, o.Title, o.FirstYear, o.FirstYear+o.Events/12+1)
	b.WriteString("The border conflicts were a series of clashes fought between Ruritania and Borduria.\n\n==Clashes==\n\n")
	if o.Markup {
		b.WriteString("Some editors wrote <script>window.__pwned = 1</script> and <img src=x onerror=\"window.__pwned = 2\"> into the text.\n\n")
	}

	doc := &annalist.Document{
		Schema:  annalist.Schema,
		Article: annalist.ArticleRef{Title: o.Title, Source: "synthetic/" + o.Title + ".txt", Format: annalist.FormatText},
		Conflict: &annalist.Conflict{
			Name:   o.Title,
			Start:  annalist.YearDate(o.FirstYear),
			End:    annalist.YearDate(o.FirstYear + o.Events/12 + 1),
			Places: []string{"Ruritania", "Borduria"},
			Sides: []annalist.Side{
				{Belligerents: []string{"Ruritania"}, Commanders: []annalist.Commander{{Name: "Rudolf Rassendyll"}, {Name: "Michael Elphberg", Fate: annalist.Ptr("killed in action")}},
					Strength:   []annalist.Figure{{What: "personnel", Count: annalist.Exact(12000)}},
					Casualties: []annalist.Figure{{What: "personnel", Status: annalist.Ptr("killed"), AccordingTo: annalist.Ptr("Ruritanian sources"), Count: annalist.Range(700, 1200)}}},
				{Belligerents: []string{"Borduria"}, Commanders: []annalist.Commander{{Name: "Kurvi Tasch"}},
					Casualties: []annalist.Figure{{What: "tanks", Status: annalist.Ptr("destroyed"), Count: annalist.AtLeast(40)}}},
			},
		},
		Events: []annalist.Event{},
		Claims: []annalist.Claim{},
	}

	day := annalist.DayDate(o.FirstYear, 1, 1).DayNumber() + r.IntN(20)
	for i := 0; i < o.Events; i++ {
		pair := sides[r.IntN(len(sides))]
		pl := places[r.IntN(len(places))]
		d := annalist.DateFromDayNumber(day)
		day += 10 + r.IntN(30)
		deadA, deadB, wounded := 1+r.IntN(60), r.IntN(200), 1+r.IntN(90)
		start := b.Len()
		name := fmt.Sprintf("Incident at %s", pl.name)
		if o.Markup {
			name = "<b>" + name + "</b>"
		}
		fmt.Fprintf(&b, "On %d %s %d, %s troops clashed with %s border guards near %s", d.Day, months[d.Month-1], d.Year, pair[0], pair[1], pl.name)
		if o.Markup {
			b.WriteString(" <img src=x onerror=\"window.__pwned = 3\">")
		}
		b.WriteString("; ")
		spanA := writeNumber(&b, deadA)
		fmt.Fprintf(&b, " %s soldiers were killed and ", pair[0])
		spanW := writeNumber(&b, wounded)
		b.WriteString(" wounded, while ")
		spanB := writeNumber(&b, deadB)
		fmt.Fprintf(&b, " %s soldiers died.", pair[1])
		end := b.Len()
		evidence := []annalist.Evidence{{Section: "Clashes", Start: start, End: end, Text: string(b.Bytes()[start:end])}}
		for k := 1; k < o.Sentences; k++ {
			b.WriteString(" ")
			s := b.Len()
			fmt.Fprintf(&b, "%s lodged protest number %d over the incident near %s, and %s answered it.", pair[k%2], k, pl.name, pair[(k+1)%2])
			evidence = append(evidence, annalist.Evidence{Section: "Clashes", Start: s, End: b.Len(), Text: string(b.Bytes()[s:b.Len()])})
		}
		b.WriteString("\n\n")

		lat, lon := pl.lat+r.Float64()-0.5, pl.lon+r.Float64()-0.5
		countAt := func(n int, s annalist.Span) *annalist.Count {
			c := annalist.Exact(n)
			c.Text = strconv.Itoa(n)
			c.Span = &s
			return &c
		}
		doc.Events = append(doc.Events, annalist.Event{
			ID:        "e" + strconv.Itoa(i+1),
			Name:      &name,
			DateStart: d, DateEnd: d, DatePrec: 1,
			Place: &annalist.Place{Text: pl.name, Lat: &lat, Lon: &lon, WherePrec: 2},
			SideA: []string{pair[0]}, SideB: []string{pair[1]},
			DeathsA:  countAt(deadA, spanA),
			WoundedA: countAt(wounded, spanW),
			DeathsB:  countAt(deadB, spanB),
			Materiel: []annalist.Materiel{},
			Evidence: evidence,
		})
	}
	for range max(o.Claims, 1) {
		start := b.Len()
		n := 40 + r.IntN(100)
		fmt.Fprintf(&b, "According to the Bordurian army, %d border disputes occurred.\n", n)
		doc.Claims = append(doc.Claims, annalist.Claim{
			Quantity: annalist.Exact(n), What: "border disputes", AccordingTo: annalist.Ptr("Bordurian army"),
			PeriodStart: annalist.YearDate(o.FirstYear),
			Evidence:    []annalist.Evidence{{Start: start, End: b.Len() - 1, Text: string(b.Bytes()[start : b.Len()-1])}},
		})
	}
	for b.Len() < o.MinBytes {
		b.WriteString("\nThe border commission met again that season, and again it parted without agreeing on where the line ran through the marshes.\n")
	}
	raw := b.Bytes()
	sum := sha256.Sum256(raw)
	doc.Article.SHA256 = hex.EncodeToString(sum[:])
	return doc, raw
}

// writeNumber writes n with a thousands comma and returns its span.
func writeNumber(b *bytes.Buffer, n int) annalist.Span {
	s := b.Len()
	if n >= 1000 {
		fmt.Fprintf(b, "%d,%03d", n/1000, n%1000)
	} else {
		b.WriteString(strconv.Itoa(n))
	}
	return annalist.Span{Start: s, End: b.Len()}
}
