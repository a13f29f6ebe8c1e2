package plaintext

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/annalist/annalist"
)

const article = "= Battle of Nowhere =\n" +
	"\n" +
	"Infobox\n" +
	"- Conflict: Battle of Nowhere\n" +
	"- Date: 3–5 May 1901\n" +
	"- Combatant1: ,\n" +
	"- combatant1: Ruritania\n" +
	"- Notes:\n" +
	"\n" +
	"The Battle of Nowhere was fought between Ruritania and Borduria.\n" +
	"\n" +
	"==Background==\n" +
	"First line of a paragraph\n" +
	"that goes on.\n" +
	"=== The fighting ===\n" +
	"- On 3 May, 40 men were killed.\n" +
	"** A nested item.\n" +
	"====Aftermath====\n" +
	"The text stops mid"

func TestReadFindsEveryElementWithItsBytes(t *testing.T) {
	a, err := Read("nowhere.txt", []byte(article))
	if err != nil {
		t.Fatal(err)
	}
	raw := string(a.Raw)
	at := func(s annalist.Span) string { return raw[s.Start:s.End] }

	if a.Title != "Battle of Nowhere" || at(a.TitleSpan) != a.Title {
		t.Errorf("title %q at %v", a.Title, a.TitleSpan)
	}
	if a.InfoboxHeader != "Infobox" {
		t.Errorf("header %q", a.InfoboxHeader)
	}
	wantFields := []struct{ key, value string }{
		{"conflict", "Battle of Nowhere"},
		{"date", "3–5 May 1901"},
		{"combatant1", ","},
		{"combatant1", "Ruritania"},
		{"notes", ""},
	}
	if len(a.Infobox) != len(wantFields) {
		t.Fatalf("got %d fields, want %d: %+v", len(a.Infobox), len(wantFields), a.Infobox)
	}
	for i, w := range wantFields {
		f := a.Infobox[i]
		if f.Key != w.key || f.Value != w.value || at(f.ValueSpan) != f.Value || !strings.EqualFold(at(f.KeySpan), f.Key) {
			t.Errorf("field %d = %+v, want %s: %q", i, f, w.key, w.value)
		}
	}
	if got := len(a.Fields("Combatant1")); got != 2 {
		t.Errorf("repeated key kept %d times, want 2", got)
	}

	wantSections := []struct {
		heading string
		level   int
		parent  int
	}{{"Background", 2, -1}, {"The fighting", 3, 0}, {"Aftermath", 4, 1}}
	if len(a.Sections) != len(wantSections) {
		t.Fatalf("sections %+v", a.Sections)
	}
	for i, w := range wantSections {
		s := a.Sections[i]
		if s.Heading != w.heading || s.Level != w.level || s.Parent != w.parent || at(s.HeadingSpan) != s.Heading {
			t.Errorf("section %d = %+v, want %+v", i, s, w)
		}
	}

	wantBlocks := []struct {
		kind    annalist.BlockKind
		section int
		depth   int
		text    string
	}{
		{annalist.Paragraph, -1, 0, "The Battle of Nowhere was fought between Ruritania and Borduria."},
		{annalist.Paragraph, 0, 0, "First line of a paragraph\nthat goes on."},
		{annalist.ListItem, 1, 1, "On 3 May, 40 men were killed."},
		{annalist.ListItem, 1, 2, "A nested item."},
		{annalist.Paragraph, 2, 0, "The text stops mid"},
	}
	if len(a.Blocks) != len(wantBlocks) {
		t.Fatalf("blocks %+v", a.Blocks)
	}
	for i, w := range wantBlocks {
		b := a.Blocks[i]
		if b.Kind != w.kind || b.Section != w.section || b.Depth != w.depth || b.Text != w.text || at(b.Span) != b.Text {
			t.Errorf("block %d = %+v, want %+v", i, b, w)
		}
	}
	if !a.Truncated {
		t.Error("text cut off mid-sentence not marked truncated")
	}
	if got := a.SectionPath(2); strings.Join(got, "/") != "Background/The fighting/Aftermath" {
		t.Errorf("SectionPath(2) = %v", got)
	}
}

func TestReadHeaderLine(t *testing.T) {
	tests := []struct {
		name, in, header string
		fields           int
	}{
		{"country name", "= T =\n\nJapan\n- Conflict: T\n", "Japan", 1},
		{"missing", "= T =\n\n- Conflict: T\n- Date: 1901\n", "", 2},
		{"no infobox at all", "= T =\n\nA paragraph.\n", "", 0},
		{"paragraph not taken as header", "= T =\n\nA paragraph.\n\n- a bullet: with colon\n", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Read("t.txt", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if a.InfoboxHeader != tt.header || len(a.Infobox) != tt.fields {
				t.Errorf("header %q, %d fields; want %q, %d", a.InfoboxHeader, len(a.Infobox), tt.header, tt.fields)
			}
		})
	}
}

func TestReadHeadingSpellings(t *testing.T) {
	for _, h := range []string{"==Battle==", "== Battle ==", "==  Battle  == ", "=====Battle====="} {
		a, err := Read("t.txt", []byte("= T =\n\n"+h+"\nText.\n"))
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Sections) != 1 || a.Sections[0].Heading != "Battle" {
			t.Errorf("%q: sections %+v", h, a.Sections)
		}
	}
	a, _ := Read("t.txt", []byte("= T =\n\n==Unbalanced===\n"))
	if len(a.Sections) != 0 {
		t.Errorf("unbalanced heading taken as a section: %+v", a.Sections)
	}
}

func TestReadCRLFAndBOMKeepFileOffsets(t *testing.T) {
	in := "\xef\xbb\xbf= T =\r\n\r\nInfobox\r\n- Date: 1901\r\n\r\nA paragraph.\r\n==S==\r\n- item\r\n"
	a, err := Read("t.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "T" || a.TitleSpan.Start != 5 {
		t.Errorf("title %q at %v", a.Title, a.TitleSpan)
	}
	if f := a.Infobox[0]; f.Value != "1901" || in[f.ValueSpan.Start:f.ValueSpan.End] != "1901" {
		t.Errorf("field %+v", f)
	}
	if len(a.Blocks) != 2 || a.Blocks[0].Text != "A paragraph." || a.Blocks[1].Text != "item" {
		t.Errorf("blocks %+v", a.Blocks)
	}
	if a.Truncated {
		t.Error("complete text marked truncated")
	}
}

func TestReadWarnsOnInvalidUTF8WithOffset(t *testing.T) {
	in := "= T =\n\nCaf\xe9 paragraph.\n"
	a, err := Read("t.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Warnings) != 1 || a.Warnings[0].Offset != 10 || a.Warnings[0].Line != 3 {
		t.Fatalf("warnings %+v", a.Warnings)
	}
}

func TestReadRejectsOtherFormatsNamingFileAndLine(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
	}{
		{"empty", "", 1},
		{"blank lines only", "\n\n  \n", 1},
		{"no title", "\n\nJust some prose.\n", 3},
		{"xml", "<mediawiki>\n<page>\n", 1},
		{"section before title", "==Section==\n", 1},
		{"binary", "= T =\n\x00\x01", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("bad.txt", []byte(tt.in))
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("err = %v, want a FormatError", err)
			}
			if fe.Line != tt.line || !strings.HasPrefix(err.Error(), "bad.txt:") {
				t.Errorf("err = %v (line %d), want line %d", err, fe.Line, tt.line)
			}
		})
	}
}

// TestReadCorpus reads every shared article when ../shared is present.
func TestReadCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "*.txt"))
	dev, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "dev", "*.txt"))
	files = append(files, dev...)
	if len(files) == 0 {
		t.Skip("../shared/corpus not present")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := Read(f, data)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if a.Title == "" || len(a.Infobox) < 4 || len(a.Blocks) == 0 {
			t.Errorf("%s: title %q, %d fields, %d blocks", f, a.Title, len(a.Infobox), len(a.Blocks))
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(article))
	f.Add([]byte("\xef\xbb\xbf= T =\r\n- Key: v\r\n==S==\r\n- x\r\n"))
	f.Add([]byte("= T =\n\nJapan\n- A:\n- B: ,\n\n=====H=====\ntext\xff"))
	f.Add([]byte("= T =\nInfobox\n- Image Size: 300px\n- Map Relief: yes\n- commander 1: A | B\n- Größe: 3\n"))
	for _, sh := range hostileShapes {
		f.Add(hostileFile(sh.head, sh.line, 256))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Read("fuzz.txt", data)
		if err != nil {
			return
		}
		in := func(s annalist.Span) string {
			if s.Start < 0 || s.End > len(data) || s.Start > s.End {
				t.Fatalf("span %v outside input of %d bytes", s, len(data))
			}
			return string(data[s.Start:s.End])
		}
		if in(a.TitleSpan) != a.Title {
			t.Fatalf("title %q != bytes %q", a.Title, in(a.TitleSpan))
		}
		for _, fl := range a.Infobox {
			if in(fl.ValueSpan) != fl.Value || !strings.EqualFold(in(fl.KeySpan), fl.Key) {
				t.Fatalf("field %+v does not match its bytes", fl)
			}
		}
		for _, s := range a.Sections {
			if in(s.HeadingSpan) != s.Heading {
				t.Fatalf("section %+v does not match its bytes", s)
			}
			in(s.Span)
		}
		for _, b := range a.Blocks {
			if in(b.Span) != b.Text {
				t.Fatalf("block %+v does not match its bytes", b)
			}
		}
	})
}

// TestReadKeepsEveryInfoboxKey: every "- Key: value" line of the block
// belongs to the infobox, whatever its key: spaces, capitals, underscores,
// hyphens, names the template does not know, in any order.
func TestReadKeepsEveryInfoboxKey(t *testing.T) {
	in := "= Siege of Varnholt =\n\nInfobox\n" +
		"- Date: June 1742\n" +
		"- Image Size: 300px\n" +
		"- Map Relief: yes\n" +
		"- map_type: Baltic\n" +
		"- Commander 2: Ulrik Brand\n" +
		"- Casualties-1: 40 killed\n" +
		"- Größe: 3\n" +
		"- Combatant1: Sweden\n" +
		"\n" +
		"- a bulleted line of the body\n" +
		"The siege lasted a month.\n"
	a, err := Read("varnholt.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ key, value string }{
		{"date", "June 1742"}, {"image size", "300px"}, {"map relief", "yes"},
		{"map_type", "Baltic"}, {"commander 2", "Ulrik Brand"}, {"casualties-1", "40 killed"},
		{"größe", "3"}, {"combatant1", "Sweden"},
	}
	if len(a.Infobox) != len(want) {
		t.Fatalf("%d fields %+v, want %d", len(a.Infobox), a.Infobox, len(want))
	}
	for i, w := range want {
		if f := a.Infobox[i]; f.Key != w.key || f.Value != w.value {
			t.Errorf("field %d = %q: %q, want %q: %q", i, f.Key, f.Value, w.key, w.value)
		}
	}
	if len(a.Blocks) != 2 || a.Blocks[0].Kind != annalist.ListItem {
		t.Errorf("blocks %+v", a.Blocks)
	}
}

// TestReadFieldShapes: which lines are fields.
func TestReadFieldShapes(t *testing.T) {
	tests := []struct {
		line  string
		field bool
	}{
		{"- Key: v", true},
		{"- Two Words: v", true},
		{"- Key:", true}, // an empty value
		{"- :", false},
		{"- : v", false},
		{"- 20 killed: v", false},
		{"- Key without colon", false},
		{"- Key; semicolon: v", false},
		{"- Strength (1939): v", true},
		{"- Key, comma: v", false},
		{"-Key: v", false},
		{"- " + strings.Repeat("k", maxKeyLen+1) + ": v", false},
		{"- " + strings.Repeat("k", maxKeyLen) + ": v", true},
	}
	for _, tt := range tests {
		_, _, _, _, ok := field([]byte(tt.line))
		if ok != tt.field {
			t.Errorf("field(%q) = %v, want %v", tt.line, ok, tt.field)
		}
	}
}

// hostileShapes are files made of one line repeated: the shapes that once
// took gigabytes to read. Lines are long enough that 8 MB stays under
// MaxElements.
var hostileShapes = []struct {
	name, head, line string
}{
	{"title lines", "", "= T =\n"},
	{"one long line", "= T =\n", "word "},
	{"list items", "= T =\n", "- an item\n"},
	{"headings", "= T =\n", "== Heading ==\n"},
	{"infobox-like lines after the body", "= T =\n\ntext\n\n", "- Key: a value\n"},
	{"blank lines", "= T =\n", "\r\n"},
}

// hostileFile returns head and line repeated to n bytes or so.
func hostileFile(head, line string, n int) []byte {
	return []byte(head + strings.Repeat(line, n/len(line)))
}

// TestReadHostileShapesInBoundedMemory reads each hostile shape at 4 MB
// and checks what it costs in bytes allocated (deterministic, unlike time):
// a few times the input at most, never a copy per line.
func TestReadHostileShapesInBoundedMemory(t *testing.T) {
	const size = 4 << 20
	for _, sh := range hostileShapes {
		t.Run(sh.name, func(t *testing.T) {
			data := hostileFile(sh.head, sh.line, size)
			var a *annalist.Article
			allocs := testing.AllocsPerRun(1, func() {
				var err error
				a, err = Read("hostile.txt", data)
				if err != nil {
					t.Fatal(err)
				}
			})
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			before := ms.TotalAlloc
			if _, err := Read("hostile.txt", data); err != nil {
				t.Fatal(err)
			}
			runtime.ReadMemStats(&ms)
			// One string copy of the file, plus a block or section per
			// short line (about 100 bytes each, 25 per KB at worst).
			limit := uint64(len(data)) + uint64(len(a.Blocks)+len(a.Sections))*128 + 1<<20
			if got := ms.TotalAlloc - before; got > limit {
				t.Errorf("%d bytes allocated for %d bytes of input (%d elements), want at most %d", got, len(data), len(a.Blocks)+len(a.Sections), limit)
			}
			if allocs > 64 {
				t.Errorf("%v allocations, want a handful whatever the number of lines", allocs)
			}
		})
	}
}

func TestReadRefusesWhatIsTooLargeForAnArticle(t *testing.T) {
	tests := []struct {
		name string
		data []byte
	}{
		{"over MaxArticleBytes", make([]byte, MaxArticleBytes+1)},
		{"over MaxElements", hostileFile("= T =\n", "- x\n", (MaxElements+1)*4)},
		{"over MaxFields", []byte("= T =\nInfobox\n" + strings.Repeat("- K: v\n", MaxFields+1))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Read("huge.txt", tt.data)
			if !errors.Is(err, ErrTooLarge) || !strings.HasPrefix(err.Error(), "huge.txt") {
				t.Fatalf("err = %v (article %v), want ErrTooLarge naming huge.txt", err, a != nil)
			}
		})
	}
	// At the limits, the file is read.
	if _, err := Read("big.txt", []byte("= T =\nInfobox\n"+strings.Repeat("- K: v\n", MaxFields))); err != nil {
		t.Errorf("%d fields: %v", MaxFields, err)
	}
}

// BenchmarkReadHostile reads each hostile shape at 1 MB and 8 MB: the
// time per byte should not grow with the size.
func BenchmarkReadHostile(b *testing.B) {
	for _, sh := range hostileShapes {
		for _, size := range []int{1 << 20, 8 << 20} {
			data := hostileFile(sh.head, sh.line, size)
			b.Run(fmt.Sprintf("%s/%dMB", strings.ReplaceAll(sh.name, " ", "-"), size>>20), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := Read("hostile.txt", data); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
