package wikitext

import (
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/testshared"
)

func newReader(t testing.TB) *Reader {
	t.Helper()
	rd, err := NewReader()
	if err != nil {
		t.Fatal(err)
	}
	return rd
}

// prose reads src as an article and returns its blocks' texts joined by " | ".
func prose(t *testing.T, rd *Reader, src string) string {
	t.Helper()
	a, err := rd.ReadPage("T", "t.wiki", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, b := range a.Blocks {
		out = append(out, b.Text)
	}
	return strings.Join(out, " | ")
}

func TestProseConstructs(t *testing.T) {
	rd := newReader(t)
	tests := []struct {
		name, src, want string
	}{
		{"plain", "Hello world.", "Hello world."},
		{"internal link", "The [[Soviet Union]] and [[Empire of Japan|Japan]] fought.", "The Soviet Union and Japan fought."},
		{"link trail", "Many [[battle]]s took place.", "Many battles took place."},
		{"file and category dropped", "[[File:X.jpg|thumb|A [[caption]] here]]Text.[[Category:Wars]]", "Text."},
		{"interlanguage dropped", "Text.[[de:Krieg]]", "Text."},
		{"colon link kept", "See [[:Category:Wars]].", "See Category:Wars."},
		{"external link label", "Read [http://example.org the report] and [http://x.org].", "Read the report and ."},
		{"bare url kept", "At http://example.org now.", "At http://example.org now."},
		{"ref dropped", "Fought in 1939.<ref name=\"a\">Smith, p. 3</ref> Ended.<ref name=a /> Later.", "Fought in 1939. Ended. Later."},
		{"comment dropped", "One <!-- hidden [[x]] --> two.", "One two."},
		{"nowiki literal", "Use <nowiki>{{not a template}}</nowiki> here.", "Use {{not a template}} here."},
		{"bold italic", "The '''Battle''' of ''Somewhere'' was '''''big'''''.", "The Battle of Somewhere was big."},
		{"unbalanced quote apostrophe", "l'''amour'' is odd", "l'amour is odd"},
		{"four quotes", "''''bold''' x", "'bold x"},
		{"entities", "A&nbsp;B &ndash; C &amp; D &#8212; E", "A B – C & D — E"},
		{"unknown template dropped", "War{{cn|date=May 2020}} began.", "War began."},
		{"nested templates", "x{{a|{{b|{{c}}}}|d=[[e|f]]}}y", "xy"},
		{"convert", "About {{convert|20|km|mi}} wide and {{convert|3|-|5|m}} deep.", "About 20 km wide and 3–5 m deep."},
		{"nowrap content", "On {{nowrap|29 July}} 1938.", "On 29 July 1938."},
		{"date template", "From {{Start date|1938|7|29}} on.", "From 29 July 1938 on."},
		{"pipe template", "a{{!}}b", "a|b"},
		{"br in prose", "a<br />b", "a b"},
		{"unclosed template kept", "Before {{cite web|title=x and after.", "Before {{cite web|title=x and after."},
		{"unclosed link kept", "Before [[broken link and after.", "Before [[broken link and after."},
		{"unclosed ref kept", "Before <ref>never closed and after.", "Before <ref>never closed and after."},
		{"stray closers", "a }} b ]] c |} d", "a }} b ]] c |} d"},
		{"paragraphs", "First line\ncontinues.\n\nSecond.", "First line continues. | Second."},
		{"list items", "Intro:\n* one\n** two\n# three", "Intro: | one | two | three"},
		{"table dropped", "Before.\n{| class=\"wikitable\"\n| a || b\n|-\n| {{x}} c\n|}\nAfter.", "Before. | After."},
		{"template-only line inside paragraph", "{{Infobox military conflict\n| conflict = X\n}}\nThe '''X''' was a war.", "The X was a war."},
		{"parser function dropped", "a{{#if:x|y|z}}b", "ab"},
		{"magic tag dropped", "a<math>x^2</math>b<references />", "ab"},
		{"lang template", "{{lang|fr|Guerre}} is French.", "Guerre is French."},
		{"argument default", "a {{{1|dflt}}} b", "a dflt b"},
		{"fate icon dropped in prose", "[[Gustavus Adolphus]]{{KIA}} fell.", "Gustavus Adolphus fell."},
		{"behaviour switch dropped", "__NOTOC__\nText __TOC__ here.", "Text here."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := prose(t, rd, tt.src); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestHeadingsAndSections(t *testing.T) {
	rd := newReader(t)
	src := "Lead.\n== Background ==\nB.\n=== Early [[life]] ===\nC.\n==Later==<!-- c -->\nD.\n= not = a heading\n"
	a, err := rd.ReadPage("T", "t.wiki", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range a.Sections {
		got = append(got, s.Heading+"/"+string(rune('0'+s.Level))+"/"+string(src[s.HeadingSpan.Start:s.HeadingSpan.End]))
	}
	want := []string{"Background/2/Background", "Early life/3/Early [[life]]", "Later/2/Later"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("sections = %q, want %q", got, want)
	}
	if a.Sections[1].Parent != 0 || a.Sections[0].Parent != -1 {
		t.Errorf("parents = %d, %d", a.Sections[0].Parent, a.Sections[1].Parent)
	}
	if len(a.Blocks) == 0 || a.Blocks[0].Section != -1 || a.Blocks[1].Section != 0 || a.Blocks[2].Section != 1 {
		t.Errorf("blocks = %+v", a.Blocks)
	}
}

// TestPiecesPointIntoSource checks that every piece copies its text from
// the source bytes it names, and that SourceSpan finds a word.
func TestPiecesPointIntoSource(t *testing.T) {
	rd := newReader(t)
	src := "The '''[[Battle of X|battle]]''' began<ref>r</ref> on {{Start date|1938|7|29}} near [[Lake Khasan]]."
	a, err := rd.ReadPage("T", "t.wiki", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	b := a.Blocks[0]
	if b.Text != "The battle began on 29 July 1938 near Lake Khasan." {
		t.Fatalf("text = %q", b.Text)
	}
	for _, p := range b.Pieces {
		if b.Text[p.Text:p.Text+p.Len] != src[p.Source:p.Source+p.Len] {
			t.Errorf("piece %+v: %q != %q", p, b.Text[p.Text:p.Text+p.Len], src[p.Source:p.Source+p.Len])
		}
	}
	i := strings.Index(b.Text, "Lake Khasan")
	sp := b.SourceSpan(annalist.Span{Start: i, End: i + len("Lake Khasan")})
	if got := src[sp.Start:sp.End]; got != "Lake Khasan" {
		t.Errorf("SourceSpan = %q", got)
	}
}

func field(t *testing.T, a *annalist.Article, key string) string {
	t.Helper()
	f, ok := a.Field(key)
	if !ok {
		t.Fatalf("no field %q in %+v", key, a.Infobox)
	}
	return f.Value
}

func TestInfoboxFields(t *testing.T) {
	rd := newReader(t)
	tests := []struct {
		name, value, want string
	}{
		{"br separates", "a<br>b<br/>c<br />d", "a, b, c, d"},
		{"bullets separate", "\n* [[a]]\n* b\n** c", "a, b, c"},
		{"plainlist", "{{plainlist}}\n* a\n* b{{endplainlist}}", "a, b"},
		{"plainlist param", "{{plainlist|\n* a\n* b\n}}", "a, b"},
		{"ubl", "{{ubl|a|[[b]]|c}}", "a, b, c"},
		{"hlist", "{{hlist|x|y}}", "x, y"},
		{"flag names", "{{flag|Soviet Union}}<br>{{flagcountry|Mongolia|1924}}<br>{{flagu|USSR}}", "Soviet Union, Mongolia, Soviet Union"},
		{"flagicon alone names the item", "{{flagicon|Soviet Union}}<br>{{flagicon|Mongolia|1924}}", "Soviet Union, Mongolia"},
		{"flagicon before a name is dropped", "{{flagicon|Sweden|1562}} [[Swedish Empire|Sweden]] {{small|(from 1630)}}", "Sweden (from 1630)"},
		{"flagicon before a parenthesis", "{{flagicon|Dutch Republic}} (from 1619)", "Dutch Republic (from 1619)"},
		{"kia glued", "* {{flagicon|USSR}} [[Bataar Enkhjargal]] {{KIA}}\n* [[Jaija Bataar]]{{KIA}}", "Bataar EnkhjargalKIA, Jaija BataarKIA"},
		{"other fates", "[[A]] {{POW}}<br>[[B]]{{Executed}}<br>[[C]] {{died in office}}", "APOW, BExecuted, C†"},
		{"bold header kept", "'''Total:''' 8,000 dead<ref>x</ref><br>'''Soviet claim:'''<br>500", "Total: 8,000 dead, Soviet claim:, 500"},
		{"refs and notes dropped", "100{{efn|note}}{{sfn|X|2000|p=1}}{{NoteTag|n}}<ref name=a/> killed", "100 killed"},
		{"dates", "{{Start date|1938|7|29}} – {{End date|1938|8|11}}", "29 July 1938 – 11 August 1938"},
		{"start and end dates", "{{start and end dates|1932|3|1|1939|9|16}}", "1 March 1932 – 16 September 1939"},
		{"month precision date", "{{Start date|1999|5}}", "May 1999"},
		{"convert value", "{{convert|20|km}} front", "20 km front"},
		{"resize last param", "x {{resize|90%|(until 1620)}}", "x (until 1620)"},
		{"coat of arms text", "{{Coat of arms|Brunswick-Lüneburg}}", "Brunswick-Lüneburg"},
		{"horizontal rule separates", "a\n----\n'''Supported by:'''\nb", "a, Supported by:, b"},
		{"pipe template in value", "a{{!}}b", "a|b"},
		{"coord as text", "{{coord|42|26|N|130|36|W|display=inline}}", "42.43333°N 130.6°W"},
		{"empty items vanish", "<br><br>a<br><br>", "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "{{Infobox military conflict\n| conflict = X\n| f = " + tt.value + "\n}}\nText."
			a, err := rd.ReadPage("", "t.wiki", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			if got := field(t, a, "f"); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestInfoboxNamesAndSpans(t *testing.T) {
	rd := newReader(t)
	tests := []struct {
		name, src string
		fields    int
	}{
		{"canonical", "{{Infobox military conflict|conflict=A|date=1900}}", 2},
		{"redirect", "{{Infobox war\n|conflict=A\n|date=1900}}", 2},
		{"lower case underscores", "{{infobox_military_conflict|conflict=A}}", 1},
		{"module call", "{{#invoke:Infobox military conflict|main|conflict=A|date=1900|place=B}}", 3},
		{"template prefix", "{{Template:Infobox battle|conflict=A}}", 1},
		{"other infobox ignored", "{{Infobox settlement|name=A}}", 0},
		{"inside a table", "{| style=\"float: right\"\n|-\n|{{Infobox Military Conflict|\n|conflict=A\n|date=June - September 1982}}\n|}", 2},
		{"empty values skipped", "{{Infobox military conflict|conflict=A|image=|alt= }}", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := rd.ReadPage("", "t.wiki", []byte(tt.src+"\nText."))
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Infobox) != tt.fields {
				t.Fatalf("fields = %+v, want %d", a.Infobox, tt.fields)
			}
			for _, f := range a.Infobox {
				if k := strings.ToLower(tt.src[f.KeySpan.Start:f.KeySpan.End]); k != f.Key {
					t.Errorf("key span %q != key %q", k, f.Key)
				}
			}
			if tt.fields > 0 && (a.Title != "A" || a.InfoboxHeader != "Infobox") {
				t.Errorf("title %q header %q", a.Title, a.InfoboxHeader)
			}
		})
	}
}

func TestCoordinates(t *testing.T) {
	rd := newReader(t)
	tests := []struct {
		src      string
		lat, lon float64
	}{
		{"{{Infobox military conflict|conflict=A|coordinates={{coord|42|26|N|130|36|E|display=inline,title}}}}", 42 + 26.0/60, 130.6},
		{"{{Infobox military conflict|conflict=A|coordinates={{Coord|32.7|-86.7|type:city}}}}", 32.7, -86.7},
		{"{{Infobox military conflict|conflict=A|coordinates={{coord|10|30|15|S|20|0|0|W}}}}", -(10 + 30.0/60 + 15.0/3600), -20},
		{"Text.\n{{coord|1|2|N|3|4|E|display=title}}", 1 + 2.0/60, 3 + 4.0/60},
	}
	for _, tt := range tests {
		a, err := rd.ReadPage("T", "t.wiki", []byte(tt.src))
		if err != nil {
			t.Fatal(err)
		}
		c := a.Coordinates
		if c == nil || abs(c.Lat-tt.lat) > 1e-9 || abs(c.Lon-tt.lon) > 1e-9 {
			t.Errorf("%s: coordinates %+v, want %v %v", tt.src, c, tt.lat, tt.lon)
		}
	}
	a, _ := rd.ReadPage("T", "t.wiki", []byte("{{coord|1|2|N|3|4|E}} inline only"))
	if a.Coordinates != nil {
		t.Errorf("inline coord taken as the article's: %+v", a.Coordinates)
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

func TestFlagTable(t *testing.T) {
	tab, err := LoadTables()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ flag, variant, want string }{
		{"USSR", "", "Soviet Union"},
		{"Mongolia", "1924", "Mongolia"},
		{"Sweden", "1562", "Sweden"},
		{"Spain", "1506", "Spain"},
		{"Denmark-Norway", "", "Denmark–Norway"},
		{"Germany", "Nazi", "Nazi Germany"},
		{"Holy Roman Empire", "", "Holy Roman Empire"},
		{"Some Unlisted Duchy", "1600", "Some Unlisted Duchy"},
		{"united_states", "", "United States"},
	}
	for _, tt := range tests {
		if got := tab.Flag(tt.flag, tt.variant); got != tt.want {
			t.Errorf("Flag(%q, %q) = %q, want %q", tt.flag, tt.variant, got, tt.want)
		}
	}
}

func TestReadErrors(t *testing.T) {
	for _, src := range []string{"", "  \n ", "a\x00b"} {
		if _, err := Read("bad.wiki", []byte(src)); err == nil || !strings.HasPrefix(err.Error(), "bad.wiki:") {
			t.Errorf("Read(%q) err = %v, want an error naming the file", src, err)
		}
	}
	a, err := Read("dir/Battle_of_Y.wikitext", []byte("Text \xff here."))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Battle of Y" || len(a.Warnings) != 1 || a.Warnings[0].Offset != 5 {
		t.Errorf("title %q warnings %+v", a.Title, a.Warnings)
	}
}

func thirtyYearsWar(t testing.TB) []byte {
	data, err := os.ReadFile(filepath.Join(testshared.Path(t, "corpus", "wikitext"), "thirty-years-war.wikitext.xmlescaped"))
	if err != nil {
		t.Fatal(err)
	}
	return []byte(html.UnescapeString(string(data)))
}

// TestThirtyYearsWar reads the real wikitext of a large infobox: every
// belligerent named (flags resolved), commanders with their fates, dates
// and figures present.
func TestThirtyYearsWar(t *testing.T) {
	data := thirtyYearsWar(t)
	a, err := Read("thirty-years-war.wikitext", data)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Thirty Years' War" {
		t.Errorf("title = %q", a.Title)
	}
	contains := map[string][]string{
		"date":        {"23 May 1618 – 15 May 1648"},
		"partof":      {"the European wars of religion"},
		"combatant1":  {"Bohemian Crown (until 1620)", "Duchy of Savoy (1618–19)", "Dutch Republic (from 1619)", "Kingdom of England (1625–30)", "Sweden (from 1630)", "Electorate of Saxony (1630–1635)", "Brunswick-Lüneburg (from 1634)", "Kingdom of France (from 1635)", "Supported by:, Ottoman Empire, Russian Tsardom"},
		"combatant2":  {"Holy Roman Empire, Catholic League, Austria, Lorraine, Spanish Empire", "Denmark–Norway (1643–45)", "Poland, Zaporizhian Cossacks"},
		"commander1":  {"Gustavus AdolphusKIA, Axel Oxenstierna", "Dietrich von FalkenbergKIA", "Christian of Brunswick", "Ohrili Hüseyin Pasha"},
		"commander2":  {"Albrecht von WallensteinExecuted", "Count of TillyKIA", "Ivan Sirko"},
		"strength1":   {"149,000 Swedes (1632)", "60,000 Ottoman cavalry"},
		"strength2":   {"Up to 300,000 Spanish"},
		"casualties1": {"150,000-155,000 soldiers", "Total: 405,000 - 450,000"},
		"casualties2": {"80,000–100,000 soldiers and mercenaries", "Total: 290,000 - 350,000"},
		"casualties3": {"Total: 8,000,000 dead"},
	}
	for key, wants := range contains {
		v := field(t, a, key)
		for _, w := range wants {
			if !strings.Contains(v, w) {
				t.Errorf("%s = %q\nlacks %q", key, v, w)
			}
		}
		if strings.ContainsAny(v, "{}[]<>|") || strings.Contains(v, "ref") {
			t.Errorf("%s keeps markup: %q", key, v)
		}
	}
	if a.Coordinates == nil {
		t.Error("no coordinates from {{coord}}")
	}
	if len(a.Sections) == 0 || len(a.Blocks) < 5 {
		t.Errorf("%d sections, %d blocks", len(a.Sections), len(a.Blocks))
	}
	for _, b := range a.Blocks {
		for _, p := range b.Pieces {
			if b.Text[p.Text:p.Text+p.Len] != string(data[p.Source:p.Source+p.Len]) {
				t.Fatalf("piece %+v of %q does not copy the source", p, b.Text)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	seeds := []string{
		"{{a|b=c|{{d}}}} [[e|f]] [http://g h] <ref>i</ref><!-- j --> '''k''' &amp;",
		"{{Infobox military conflict\n| conflict = X\n| combatant1 = {{flagicon|USSR}}<br>{{flag|Mongolia|1924}}\n| commander1 = {{plainlist}}\n* [[A]]{{KIA}}\n{{endplainlist}}\n}}\n== H ==\n* item\n{|\n| c\n|}\n",
		"{{{{{{ [[[[ ]] }}}} <ref <!-- {| ''''' &#x; <nowiki>",
		"{{coord|1|2|N|3|4|E|display=title}}{{convert|1|-|2|km}}{{Start date|1|2|3}}",
		"=a=\n==b\n;c:d\n----\n:e",
		// Hostile runs that once took quadratic time (issue 11).
		strings.Repeat("{{", 300), strings.Repeat("{{{", 200), strings.Repeat("{{a|[[b|", 80),
		strings.Repeat("<ref name=x>{{", 60), strings.Repeat("{|\n|{{", 80),
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	rd := newReader(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		nodes := Parse(data)
		checkNodes(t, data, nodes, 0, len(data))
		a, err := rd.ReadPage("T", "fuzz.wiki", data)
		if err != nil {
			return
		}
		for _, b := range a.Blocks {
			if b.Span.Start < 0 || b.Span.End > len(data) || b.Span.Start > b.Span.End {
				t.Fatalf("block span %+v out of %d bytes", b.Span, len(data))
			}
			for _, p := range b.Pieces {
				if p.Text < 0 || p.Text+p.Len > len(b.Text) || p.Source < 0 || p.Source+p.Len > len(data) ||
					b.Text[p.Text:p.Text+p.Len] != string(data[p.Source:p.Source+p.Len]) {
					t.Fatalf("bad piece %+v in %q", p, b.Text)
				}
			}
		}
		for _, fl := range a.Infobox {
			if fl.ValueSpan.Start > fl.ValueSpan.End || fl.ValueSpan.End > len(data) || fl.KeySpan.End > len(data) {
				t.Fatalf("field spans %+v out of range", fl)
			}
		}
	})
}

// checkNodes asserts that nodes are ordered, inside [lo, hi), and that
// every byte outside constructs is covered by text (no text lost).
func checkNodes(t *testing.T, src []byte, nodes []Node, lo, hi int) {
	t.Helper()
	at := lo
	for _, nd := range nodes {
		if nd.Start < at || nd.End > hi || nd.Start > nd.End {
			t.Fatalf("node %v [%d,%d) outside [%d,%d) or overlapping (at %d)", nd.Kind, nd.Start, nd.End, lo, hi, at)
		}
		at = nd.End
		if nd.Kind == Template || nd.Kind == Link || nd.Kind == Argument {
			for _, p := range nd.Children {
				checkNodes(t, src, p.Children, nd.Start, nd.End)
			}
		}
	}
}

// TestTopLevelCoversInput checks that top-level nodes tile the input
// without gaps: nothing after malformed markup is lost.
func TestTopLevelCoversInput(t *testing.T) {
	for _, s := range []string{
		"a {{b c [[d e <ref>f ''g'' }} h ]] i",
		"{{x|{{y}} [[z|{{w}}]] <!-- unclosed",
		"[[a|b\n\nc]] {{d\n\ne}}",
	} {
		nodes := Parse([]byte(s))
		at := 0
		for _, nd := range nodes {
			if nd.Start != at {
				t.Errorf("%q: gap before %d (at %d)", s, nd.Start, at)
			}
			at = nd.End
		}
		if at != len(s) {
			t.Errorf("%q: covered up to %d of %d", s, at, len(s))
		}
	}
}

func BenchmarkReadThirtyYearsWar(b *testing.B) {
	data := thirtyYearsWar(b)
	rd := newReader(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rd.ReadPage("Thirty Years' War", "t", data); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPathologicalInputsFinish feeds long runs of openers that never
// close; the parser must stay about linear (a hang here is the failure).
func TestPathologicalInputsFinish(t *testing.T) {
	rd := newReader(t)
	for _, unit := range []string{"{{", "[[", "{{{", "[http://a ", "<ref>", "\n{|", "{{a|[[b|", "''", "<!--", "{{a|[http://b c}}", "[[a|{{b}}", "&#", "{|\n{{"} {
		src := []byte(strings.Repeat(unit, 1500) + " tail")
		nodes := Parse(src)
		if len(nodes) == 0 {
			t.Errorf("%q: no nodes", unit)
		}
		if _, err := rd.ReadPage("T", "p.wiki", src); err != nil {
			t.Errorf("%q: %v", unit, err)
		}
	}
}

func TestLocalizedFileAndCategoryLinksDropped(t *testing.T) {
	rd := newReader(t)
	tests := []struct{ src, want string }{
		{"[[Fails:Muzejs.JPG|right|thumb|Kuorms]]Teksts.", "Teksts."},
		{"Text.[[Kategorie:Krieg]]", "Text."},
		{"[[Vikipedeja:Something.svg]]Text.", "Text."},
		{"{{lang-fr|Guerre de Noël}} ended.", "Guerre de Noël ended."},
		{"He said {{quote|text=never}} and {{quote|again}}.", "He said never and again."},
	}
	for _, tt := range tests {
		if got := prose(t, rd, tt.src); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.src, got, tt.want)
		}
	}
}

// TestHostileInputsScanLinearly holds the parser's work (bytes scanned,
// rescans included) to linear in the input: doubling a run of openers
// that never close must about double the work, not quadruple it. A
// megabyte of unclosed "{{" once took minutes.
func TestHostileInputsScanLinearly(t *testing.T) {
	units := []string{
		"{{", "{{{", "[[", "{{a|", "{{a\n", "{{{a|", "[[a|", "[[a|[[", "{{a|[[b|", "{{a|b=[[c|",
		"[[a|{{b}}", "{|\n{{", "{|\n|{{", "\n{|", "<ref name=x>{{", "[http://a ", "{{a|[http://b c}}",
		"<ref>", "<!--", "''", "&#",
	}
	for _, unit := range units {
		var work [2]int
		for k, n := range []int{5000, 10000} {
			p := newParser([]byte(strings.Repeat(unit, n)))
			p.seq(0, ctxTop)
			work[k] = p.scanned
		}
		if ratio := float64(work[1]) / float64(work[0]); ratio > 2.2 {
			t.Errorf("%q: doubling the input multiplied the bytes scanned by %.2f (%d → %d)", unit, ratio, work[0], work[1])
		}
	}
}

// TestUnclosedTemplatesStayText checks what the shortcut for unclosed
// templates gives: the openers stay text and a template closed later in
// the text still parses.
func TestUnclosedTemplatesStayText(t *testing.T) {
	tests := []struct {
		src   string
		names []string // templates found at the top level
	}{
		{"{{{{{{ x", nil},
		{"{{a {{b {{c", nil},
		{"{{a {{b}} c", []string{"b"}},
		{"{{a|{{b| x {{c}}", []string{"c"}},
		{"{{{a {{b}} }}", []string{"{a"}}, // "{" then {{{a {{b}} }}
		{"{{a {{b {{c}} }}", []string{"b"}},
	}
	for _, tt := range tests {
		var got []string
		for _, nd := range Parse([]byte(tt.src)) {
			if nd.Kind == Template {
				got = append(got, nd.Name)
			}
		}
		if strings.Join(got, ",") != strings.Join(tt.names, ",") {
			t.Errorf("%q: top-level templates %q, want %q", tt.src, got, tt.names)
		}
	}
}

// An opener with no closer anywhere after it is text at once: a megabyte
// of "{{a|" or "[[a|" is one run of text, not millions of parameters
// gathered before the template fails.
func TestOpenersWithNoCloserAfterThemAreText(t *testing.T) {
	for _, unit := range []string{"{{a|", "{{{a|", "[[a|"} {
		src := strings.Repeat(unit, 1<<16)
		p := newParser([]byte(src))
		nodes, _, _ := p.seq(0, ctxTop)
		for _, n := range nodes {
			if n.Kind != Text {
				t.Errorf("%q: a %v node at %d, want text only", unit, n.Kind, n.Start)
				break
			}
		}
		if p.scanned > 2*len(src) {
			t.Errorf("%q: scanned %d bytes of %d", unit, p.scanned, len(src))
		}
	}
}
