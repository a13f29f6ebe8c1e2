package infobox

import (
	"bytes"
	"testing"

	"github.com/annalist/annalist/plaintext"
	"github.com/annalist/annalist/sample"
)

// syntheticArticle is an invented article whose infobox has the size and
// the shape of the bundled sample's: lost flag names, a lead that names the
// sides, commanders with fates, totals with parts, material losses.
const syntheticArticle = `= Zembrian–Ostian border wars =

Infobox
- Conflict: Zembrian–Ostian border wars
- Partof: the long peace (until 1901) and the Great Northern War
- Date: 3 April 1893 – 21 October 1900, ()
- Place: Eastern Steppe (Chile, Low Valley, Upper Marches)
- Result: Treaty of Ostport (1902)
- Combatant1: ,
- Combatant2: Peru
- Commander1: Ivo Petrov, Dan Bold, Marek Stal, Anton Berg, Yuri Fell, Vasil Blum, Khor Tsend, Bator EnkhKIA, Jaja BatorKIA
- Commander2: Emperor Kaito, Ken Ueda, Yoshi Umezo, Ren Isoga, Michi Komatsu, Koto Sato, Masa Yasu, , Mihar Kano, Urzin Garma
- Casualties1: Total: 30,443–32,418, 29,766–31,290, 677–1,128, Material losses:, 350 tanks destroyed, 140 armoured cars destroyed, 211 aircraft destroyed
- Casualties2: Total: 24,095–26,011, 21,190–23,106, 2,905, Material losses:, 43 tanks destroyed, several tankettes destroyed, 162 aircraft destroyed

The Zembrian–Ostian border wars were a series of minor and major conflicts fought between the Soviet Union (led by Ivo Petrov), Mongolia (led by Khor Tsend) and Japan (led by Kaito) in the Eastern Steppe from 1893 to 1900.

The wars heavily contributed to the signing of the Treaty of Ostport in 1902.
`

func benchExtract(b *testing.B, data []byte) {
	actors := loadActors(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu0 := processCPU()
	n := 0
	for b.Loop() {
		a, err := plaintext.Read("bench.txt", data)
		if err != nil {
			b.Fatal(err)
		}
		if c := Extract(a, actors); c == nil || len(c.Sides) != 2 {
			b.Fatal("no conflict record")
		}
		n++
	}
	if cpu := processCPU() - cpu0; cpu > 0 && n > 0 {
		// CPU time per article (GC included): with GOMAXPROCS=1 it is the
		// cost on one core even when other work shares the machine.
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(n), "cpu-ns/op")
		b.ReportMetric(float64(n)/cpu.Seconds(), "articles/cpu-s")
	}
}

// BenchmarkExtract measures reading plus infobox normalization: on an
// invented infobox of the sample's size, on the bundled sample cut after
// its lead, and on the whole sample article.
func BenchmarkExtract(b *testing.B) {
	b.Run("synthetic", func(b *testing.B) { benchExtract(b, []byte(syntheticArticle)) })
	full := sample.Bytes()
	lead := full
	if i := bytes.Index(full, []byte("\n==")); i > 0 {
		lead = full[:i+1]
	}
	b.Run("sample-infobox", func(b *testing.B) { benchExtract(b, lead) })
	b.Run("sample-full", func(b *testing.B) { benchExtract(b, full) })
}

func TestSyntheticArticleRecoversBelligerents(t *testing.T) {
	a, err := plaintext.Read("synthetic.txt", []byte(syntheticArticle))
	if err != nil {
		t.Fatal(err)
	}
	c := Extract(a, loadActors(t))
	if !sameSet(c.Sides[0].Belligerents, []string{"Soviet Union", "Mongolia"}) || !sameSet(c.Sides[1].Belligerents, []string{"Japan", "Peru"}) {
		t.Errorf("belligerents %q / %q", c.Sides[0].Belligerents, c.Sides[1].Belligerents)
	}
	if got := c.Sides[0].Casualties[1].Belligerent; got != "Soviet Union" {
		t.Errorf("first part credited to %q", got)
	}
}
