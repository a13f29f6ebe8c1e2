package mediawiki

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/annalist/annalist/internal/testshared"
	"github.com/annalist/annalist/wikitext"
)

// page writes one <page> element as a dump holds it.
func page(id int64, ns int, title, text string, redirect string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "  <page>\n    <title>%s</title>\n    <ns>%d</ns>\n    <id>%d</id>\n", xmlEscape(title), ns, id)
	if redirect != "" {
		fmt.Fprintf(&b, "    <redirect title=\"%s\" />\n", xmlEscape(redirect))
	}
	fmt.Fprintf(&b, "    <revision>\n      <id>%d</id>\n      <text bytes=\"%d\" xml:space=\"preserve\">%s</text>\n    </revision>\n  </page>\n", id*10, len(text), xmlEscape(text))
	return b.String()
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

const header = `<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">
  <siteinfo>
    <sitename>Testpedia</sitename>
  </siteinfo>
`

const conflictText = "{{Infobox military conflict\n| conflict = Battle of Nowhere\n| date = {{Start date|1901|2|3}}\n}}\nThe '''Battle of Nowhere''' was fought <ref>x</ref> in 1901 & later."

func synthDump() (string, []int64) {
	var b strings.Builder
	b.WriteString(header)
	var conflicts []int64
	for id := int64(1); id <= 30; id++ {
		switch {
		case id%7 == 0:
			b.WriteString(page(id, 0, fmt.Sprintf("War %d", id), strings.Replace(conflictText, "Nowhere", fmt.Sprint(id), 1), ""))
			conflicts = append(conflicts, id)
		case id%5 == 0:
			b.WriteString(page(id, 0, fmt.Sprintf("Redirect %d", id), "#REDIRECT [[War 7]]", "War 7"))
		case id%3 == 0:
			b.WriteString(page(id, 10, fmt.Sprintf("Template:T%d", id), "{{Infobox war}} in a template", ""))
		default:
			b.WriteString(page(id, 0, fmt.Sprintf("Page %d", id), "Plain text with {{Infobox warship}} and an infobox battlefield.", ""))
		}
	}
	b.WriteString("</mediawiki>\n")
	return b.String(), conflicts
}

func collect(t *testing.T, path string, opts Options) ([]Page, error) {
	t.Helper()
	var got []Page
	err := Pages(context.Background(), path, opts, func(p Page) error {
		got = append(got, p)
		return nil
	})
	return got, err
}

func ids(ps []Page) []int64 {
	var out []int64
	for _, p := range ps {
		out = append(out, p.ID)
	}
	return out
}

func TestPagesFiltersConflictInfoboxPages(t *testing.T) {
	dump, conflicts := synthDump()
	path := filepath.Join(t.TempDir(), "test-pages-articles.xml")
	if err := os.WriteFile(path, []byte(dump), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := collect(t, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(ids(got)) != fmt.Sprint(conflicts) {
		t.Fatalf("ids = %v, want %v", ids(got), conflicts)
	}
	p := got[0]
	if p.Title != "War 7" || p.NS != 0 || p.Redirect != "" || !strings.Contains(string(p.Text), "<ref>x</ref> in 1901 & later") {
		t.Errorf("page = %+v, text %q", p, p.Text)
	}
	if !bytes.HasPrefix([]byte(dump[p.Offset:]), []byte("<page>")) {
		t.Errorf("offset %d does not point at <page>", p.Offset)
	}
}

func TestPagesOptions(t *testing.T) {
	dump, _ := synthDump()
	path := filepath.Join(t.TempDir(), "d.xml")
	if err := os.WriteFile(path, []byte(dump), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		opts Options
		want int
	}{
		{"all articles", Options{All: true}, 17},                    // 4 conflicts + 13 plain pages
		{"with redirects", Options{All: true, Redirects: true}, 23}, // + 6 redirects
		{"all namespaces", Options{All: true, AllNamespaces: true, Redirects: true}, 30},
		{"resume", Options{ResumeAfter: 14}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := collect(t, path, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.want {
				t.Errorf("%d pages %v, want %d", len(got), ids(got), tt.want)
			}
		})
	}
}

func TestTruncatedDumpNamesOffsetAndLastPage(t *testing.T) {
	dump, _ := synthDump()
	cut := strings.Index(dump, "<title>War 14</title>") + 5
	path := filepath.Join(t.TempDir(), "cut.xml")
	if err := os.WriteFile(path, []byte(dump[:cut]), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := collect(t, path, Options{})
	var de *DumpError
	if !errors.As(err, &de) || !errors.Is(err, ErrTruncated) {
		t.Fatalf("err = %v, want a truncation DumpError", err)
	}
	if fmt.Sprint(ids(got)) != "[7]" {
		t.Errorf("delivered %v before the cut, want [7]", ids(got))
	}
	pageAt := strings.LastIndex(dump[:cut], "<page>")
	if de.Offset != int64(pageAt) || de.LastID != 13 || !strings.Contains(err.Error(), `"Page 13"`) {
		t.Errorf("error = %v (offset %d, want %d)", err, de.Offset, pageAt)
	}
}

func TestNameFilter(t *testing.T) {
	match := ConflictInfoboxFilter()
	tests := []struct {
		text string
		want bool
	}{
		{"{{Infobox military conflict\n|", true},
		{"{{infobox_Military_Conflict|", true},
		{"{{Infobox war }}", true},
		{"{{Infobox warship}}", false},
		{"{{Infobox battlefield}}", false},
		{"{{#invoke:Infobox military conflict|main", true},
		{"{{Warbox&lt;!-- x --&gt;", true},
		{"an infobox war", true},
		{"no template here", false},
		{"nfobox war", false},
	}
	for _, tt := range tests {
		if got := match([]byte(tt.text)); got != tt.want {
			t.Errorf("match(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestFilterNamesMatchWikitextTable(t *testing.T) {
	tab, err := wikitext.LoadTables()
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, n := range conflictInfoboxNames {
		have[n] = true
	}
	for _, n := range tab.InfoboxNames() {
		if !have[n] {
			t.Errorf("infoboxes.tsv names %q but the dump pre-filter does not", n)
		}
	}
}

func TestUnescape(t *testing.T) {
	tests := map[string]string{
		"a &lt;b&gt; &amp;amp; &quot;c&quot; &apos;": `a <b> &amp; "c" '`,
		"&#8211; &#x2014; &bogus; & x":               "– — &bogus; & x",
		"plain":                                      "plain",
	}
	for in, want := range tests {
		if got := string(unescape([]byte(in))); got != want {
			t.Errorf("unescape(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSharedExports reads the real exports in ../shared when present: the
// 8-page export (a redirect, duplicate titles) and the 2,004-page dump.
func TestSharedExports(t *testing.T) {
	dir := testshared.Path(t, "corpus", "wikitext")
	tests := []struct {
		file                 string
		pages, articles, red int
	}{
		{"tinywiki-pages-articles.xml", 8, 0, 0},
		{"smallwiki-pages-articles.xml", 2004, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			var last Progress
			all, err := collect(t, path, Options{All: true, AllNamespaces: true, Redirects: true, Progress: func(p Progress) { last = p }})
			if err != nil {
				t.Fatal(err)
			}
			if len(all) != tt.pages || !last.Done || last.Pages != int64(tt.pages) || last.Read != last.Size {
				t.Errorf("%d pages, progress %+v; want %d", len(all), last, tt.pages)
			}
			arts, err := collect(t, path, Options{All: true})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range arts {
				if p.NS != 0 || p.Redirect != "" {
					t.Errorf("page %d %q: ns %d redirect %q delivered as an article", p.ID, p.Title, p.NS, p.Redirect)
				}
			}
			red := 0
			for _, p := range all {
				if p.Redirect != "" {
					red++
				}
			}
			if red == 0 || len(arts) >= len(all) {
				t.Errorf("%d redirects, %d articles of %d pages", red, len(arts), len(all))
			}
			// every article parses into an Article
			rd, err := wikitext.NewReader()
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range arts {
				if len(bytes.TrimSpace(p.Text)) == 0 {
					continue
				}
				if _, err := rd.ReadPage(p.Title, path, p.Text); err != nil {
					t.Errorf("page %d %q: %v", p.ID, p.Title, err)
				}
			}
		})
	}
}

// multistreamDump writes a multistream dump (header stream, one stream
// per 5 pages, footer stream) and its index with the bzip2 tool.
func multistreamDump(t *testing.T, dump string) (path, index string) {
	t.Helper()
	if _, err := exec.LookPath("bzip2"); err != nil {
		t.Skip("bzip2 tool not installed")
	}
	dir := t.TempDir()
	path = filepath.Join(dir, "testwiki-pages-articles-multistream.xml.bz2")
	index = filepath.Join(dir, "testwiki-pages-articles-multistream-index.txt")
	first := strings.Index(dump, "  <page>")
	footer := strings.LastIndex(dump, "</mediawiki>")
	parts := []string{dump[:first]}
	var pageIDs [][]string
	body := dump[first:footer]
	pages := strings.SplitAfter(body, "</page>\n")
	for i := 0; i < len(pages); i += 5 {
		chunk := strings.Join(pages[i:min(i+5, len(pages))], "")
		if strings.TrimSpace(chunk) == "" {
			continue
		}
		parts = append(parts, chunk)
		var idx []string
		for _, p := range pages[i:min(i+5, len(pages))] {
			if id, ok := element([]byte(p), "id"); ok {
				title, _ := element([]byte(p), "title")
				idx = append(idx, string(id)+":"+string(title))
			}
		}
		pageIDs = append(pageIDs, idx)
	}
	parts = append(parts, dump[footer:])
	var out bytes.Buffer
	idx, err := os.Create(index)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(idx)
	for i, part := range parts {
		off := out.Len()
		cmd := exec.Command("bzip2", "-c")
		cmd.Stdin = strings.NewReader(part)
		b, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		out.Write(b)
		if i >= 1 && i <= len(pageIDs) {
			for _, l := range pageIDs[i-1] {
				fmt.Fprintf(w, "%d:%s\n", off, l)
			}
		}
	}
	w.Flush()
	idx.Close()
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, index
}

func TestMultistreamWithIndex(t *testing.T) {
	dump, conflicts := synthDump()
	path, _ := multistreamDump(t, dump)
	tests := []struct {
		name string
		opts Options
		want []int64
	}{
		{"conflicts in order", Options{Workers: 3}, conflicts},
		{"resume skips streams", Options{Workers: 2, ResumeAfter: 14}, []int64{21, 28}},
		{"resume mid-stream", Options{Workers: 2, ResumeAfter: 22}, []int64{28}},
		{"a range of streams", Options{Workers: 2, ResumeAfter: 5, UpTo: 15}, []int64{7, 14}},
		{"up to a page inside a stream reads that stream whole", Options{Workers: 2, UpTo: 12}, []int64{7, 14}},
		{"one stream", Options{Workers: 2, ResumeAfter: 10, UpTo: 11}, []int64{14}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := collect(t, path, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(ids(got)) != fmt.Sprint(tt.want) {
				t.Errorf("ids = %v, want %v", ids(got), tt.want)
			}
			for _, p := range got {
				if p.Stream <= 0 || !strings.Contains(string(p.Text), "{{Start date|1901|2|3}}") {
					t.Errorf("page %d: stream %d text %q", p.ID, p.Stream, p.Text)
				}
			}
		})
	}
	// the whole file also reads as a plain (parallel-decoded) .bz2
	got, err := collect(t, path, Options{Index: "", All: true, Workers: runtime.GOMAXPROCS(0)})
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(strings.TrimSuffix(path, ".xml.bz2") + "-index.txt")
	got2, err := collect(t, path, Options{All: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(got2) || len(got) != 17 {
		t.Errorf("with index %d pages, without %d; want 17", len(got), len(got2))
	}
}

func TestCorruptBz2StopsWithError(t *testing.T) {
	dump, _ := synthDump()
	path, index := multistreamDump(t, dump)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// cut the file inside its last page stream
	cut := data[:len(data)*3/4]
	if err := os.WriteFile(path, cut, 0o644); err != nil {
		t.Fatal(err)
	}
	os.Remove(index)
	got, err := collect(t, path, Options{All: true})
	if err == nil {
		t.Fatalf("no error on a truncated .bz2; %d pages", len(got))
	}
	var de *DumpError
	if !errors.As(err, &de) {
		t.Fatalf("err = %v, want a DumpError", err)
	}
	// every page of the streams before the cut came out, in order
	if n := len(got); n < 8 || got[n-1].ID < 15 {
		t.Errorf("delivered %v before the damage", ids(got))
	}
	if de.LastID != got[len(got)-1].ID && de.LastID < 15 {
		t.Errorf("error %v names page %d", err, de.LastID)
	}
	t.Logf("%v (after %d pages)", err, len(got))
}

// TestResumeAfterInterruption stops a run inside fn, stores the resume
// point, and checks that the next run delivers exactly the rest.
func TestResumeAfterInterruption(t *testing.T) {
	dump, conflicts := synthDump()
	dir := t.TempDir()
	path := filepath.Join(dir, "d.xml")
	if err := os.WriteFile(path, []byte(dump), 0o644); err != nil {
		t.Fatal(err)
	}
	rf := ResumeFile{Path: filepath.Join(dir, "annalist.resume.json")}
	stop := errors.New("interrupted")
	var first []int64
	var last Progress
	err := Pages(context.Background(), path, Options{Progress: func(p Progress) { last = p }}, func(p Page) error {
		if len(first) == 2 {
			return stop
		}
		first = append(first, p.ID)
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("err = %v", err)
	}
	if last.LastID != 20 { // page 21 was handed over but not done with
		t.Fatalf("resume point = %d, want 20", last.LastID)
	}
	if err := rf.Set(path, last.LastID); err != nil {
		t.Fatal(err)
	}
	after, err := rf.Get(path)
	if err != nil || after != 20 {
		t.Fatalf("Get = %d, %v", after, err)
	}
	rest, err := collect(t, path, Options{ResumeAfter: after})
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(append(first, ids(rest)...)); got != fmt.Sprint(conflicts) {
		t.Errorf("pages over two runs = %s, want %v", got, conflicts)
	}
}

func TestProgressString(t *testing.T) {
	p := Progress{Pages: 2000, Delivered: 3, Read: 1 << 29, Size: 1 << 30, Elapsed: 10 * time.Second}
	want := "2000 pages (200/s), 3 kept, 50.0% of 1.0 GB read, ETA 10s"
	if got := p.String(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	p.Done, p.Read = true, p.Size
	if got := p.String(); !strings.HasSuffix(got, "100.0% of 1.0 GB read, done in 10s") {
		t.Errorf("done: %q", got)
	}
}

// BenchmarkPagesSmallwiki streams the 2,004-page dump, reading every
// article page (the pre-filter would skip them all: none has a conflict
// infobox).
func BenchmarkPagesSmallwiki(b *testing.B) {
	path := filepath.Join(testshared.Path(b, "corpus", "wikitext"), "smallwiki-pages-articles.xml")
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	for b.Loop() {
		n := 0
		err := Pages(context.Background(), path, Options{All: true}, func(Page) error { n++; return nil })
		if err != nil || n == 0 {
			b.Fatal(n, err)
		}
	}
}

// TestCorruptStreamInMultistream damages one stream of a multistream
// dump: the pages of the streams before it are delivered, and the error
// names the stream's offset and the last page read.
func TestCorruptStreamInMultistream(t *testing.T) {
	dump, _ := synthDump()
	path, index := multistreamDump(t, dump)
	streams, err := readIndex(index, 1<<40)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	bad := streams[3].off // the fourth page stream: pages 16–20
	for i := bad + 20; i < bad+60 && i < int64(len(data)); i++ {
		data[i] ^= 0x55
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := collect(t, path, Options{All: true, Workers: 2})
	var de *DumpError
	if !errors.As(err, &de) {
		t.Fatalf("err = %v, want a DumpError", err)
	}
	if de.Stream != bad || de.LastID != 15 {
		t.Errorf("error %v: stream %d (want %d), last page %d (want 15)", err, de.Stream, bad, de.LastID)
	}
	if n := len(got); n == 0 || got[n-1].ID > 15 {
		t.Errorf("delivered %v", ids(got))
	}
}
