package prose

import (
	"strings"
	"testing"

	"github.com/annalist/annalist"
)

func TestReadSplitsHeadingsAndParagraphs(t *testing.T) {
	text := "Course of the war\n\nThe war began in 1801.\nIt spread north.\n\n\nLater years\n\nPeace came in 1803.\n"
	a, err := Read("01_Some_War.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Some War" || a.Format != annalist.FormatProse {
		t.Errorf("title %q format %q", a.Title, a.Format)
	}
	var heads []string
	for _, s := range a.Sections {
		heads = append(heads, s.Heading)
	}
	if got := strings.Join(heads, "|"); got != "Course of the war|Later years" {
		t.Errorf("headings %q", got)
	}
	want := []struct {
		text    string
		section int
	}{{"The war began in 1801.\nIt spread north.", 0}, {"Peace came in 1803.", 1}}
	if len(a.Blocks) != len(want) {
		t.Fatalf("%d blocks, want %d", len(a.Blocks), len(want))
	}
	for i, w := range want {
		b := a.Blocks[i]
		if b.Text != w.text || b.Section != w.section || string(a.Raw[b.Span.Start:b.Span.End]) != b.Text {
			t.Errorf("block %d = %q in section %d, span %v; want %q in %d", i, b.Text, b.Section, b.Span, w.text, w.section)
		}
	}
}

func TestReadRejectsWhatIsNoArticle(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"empty.txt", "\n\n  \n", "no text"},
		{"big.txt", strings.Repeat("x", MaxBytes+1), "more than the 64 MB"},
	} {
		_, err := Read(c.name, []byte(c.text))
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), c.name) {
			t.Errorf("%s: err %v, want one naming the file and %q", c.name, err, c.want)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte("Heading\n\nA sentence. Another.\n"))
	f.Add([]byte("\xef\xbb\xbfBOM first\r\n\r\ntext\xff.\r\n"))
	f.Add([]byte("\n\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Read("f.txt", data)
		if err != nil {
			return
		}
		for _, b := range a.Blocks {
			if b.Span.Start < 0 || b.Span.End > len(data) || string(data[b.Span.Start:b.Span.End]) != b.Text {
				t.Fatalf("block %v does not match its span", b.Span)
			}
		}
		for _, s := range a.Sections {
			if s.Span.End > len(data) || s.Span.Start > s.Span.End {
				t.Fatalf("section span %v out of range", s.Span)
			}
		}
	})
}
