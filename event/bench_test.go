package event

import (
	"fmt"
	"strings"
	"testing"

	"github.com/annalist/annalist/actor"
	"github.com/annalist/annalist/infobox"
	"github.com/annalist/annalist/plaintext"
	"github.com/annalist/annalist/sample"
)

// benchArticle builds a synthetic article of n paragraphs in the format of
// the corpus: infobox, sections with year headings, clashes, losses.
func benchArticle(n int) []byte {
	var b strings.Builder
	b.WriteString("= Zembrian–Ostran border war =\n\nInfobox\n- Conflict: Zembrian–Ostran border war\n- Date: 3 May 1921 – 9 June 1925\n- Place: Velm valley\n- Combatant1: Zembria\n- Combatant2: Ostra\n- Commander1: Ivo Darsk\n- Commander2: Tomas Rell\n- Casualties1: 1,200 killed, 40 tanks destroyed\n- Casualties2: 900–1,100 killed\n\nThe Zembrian–Ostran border war was fought between Zembria and Ostra from 1921 to 1925.\n\n")
	months := []string{"January", "March", "May", "July", "September", "November"}
	for i := 0; i < n; i++ {
		if i%6 == 0 {
			fmt.Fprintf(&b, "==%d border incidents==\n", 1921+i/6)
		}
		fmt.Fprintf(&b, "On %d %s %d, a Zembrian patrol of 30 men clashed with Ostran border guards near Karvo, about 12 kilometers west of Lake Mirn. ", 1+i%27, months[i%6], 1921+i/6)
		b.WriteString("In the ensuing firefight, two Zembrian and three Ostran soldiers were killed, and another 4 were wounded. ")
		b.WriteString("Five days later, 60 Ostran troops attacked the Zembrians at Dolno and were repulsed, at the cost of 7 men killed. ")
		b.WriteString("The Zembrian foreign ministry lodged a protest with the Ostran consul, and the matter was not pursued further.\n\n")
	}
	b.WriteString("==See also==\n- Velm valley\n")
	return []byte(b.String())
}

func BenchmarkExtract(b *testing.B) { benchmarkExtract(b, benchArticle(60)) }

// BenchmarkExtractSample reads the bundled sample article.
func BenchmarkExtractSample(b *testing.B) { benchmarkExtract(b, sample.Bytes()) }

func benchmarkExtract(b *testing.B, data []byte) {
	tab, err := actor.Load()
	if err != nil {
		b.Fatal(err)
	}
	r, err := NewReader(tab)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		a, err := plaintext.Read("bench.txt", data)
		if err != nil {
			b.Fatal(err)
		}
		c := infobox.Extract(a, tab)
		evs, _ := r.Extract(a, c)
		if len(evs) == 0 {
			b.Fatal("no events")
		}
	}
}

// onePara is the article of benchArticle with every paragraph break
// removed: a single paragraph of about size bytes, the shape that made the
// reader quadratic when each sentence rescanned its whole block.
func onePara(size int) []byte {
	one := benchArticle(6)
	head, body, _ := strings.Cut(string(one), "==1921 border incidents==\n")
	body, _, _ = strings.Cut(body, "==See also==")
	body = strings.ReplaceAll(body, "\n\n", " ")
	var b strings.Builder
	b.WriteString(head)
	b.WriteString("==Incidents==\n")
	for b.Len() < size {
		b.WriteString(body)
	}
	b.WriteString("\n")
	return []byte(b.String())
}

// BenchmarkExtractOneParagraph checks that time grows linearly with a
// paragraph's length: MB/s should be about the same at 1 MB and 8 MB.
func BenchmarkExtractOneParagraph(b *testing.B) {
	for _, mb := range []int{1, 8} {
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) { benchmarkExtract(b, onePara(mb<<20)) })
	}
}
