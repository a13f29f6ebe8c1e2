package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/testshared"
	"github.com/annalist/annalist/plaintext"
	"github.com/annalist/annalist/sample"
)

var update = flag.Bool("update", false, "rewrite testdata/sample.golden.json from the current output")

func newExtractor(t testing.TB) *Extractor {
	t.Helper()
	x, err := New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// extractSample reads the bundled sample and extracts its document.
func extractSample(t testing.TB) (*annalist.Article, *annalist.Document) {
	t.Helper()
	a, err := sample.Article()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := newExtractor(t).Extract(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	return a, doc
}

func encode(t testing.TB, doc *annalist.Document) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestSampleMatchesGolden pins the whole document extracted from the
// bundled sample, so that any change in what annalist reads from it shows
// in review. Run with -update after a deliberate change.
func TestSampleMatchesGolden(t *testing.T) {
	_, doc := extractSample(t)
	got := encode(t, doc)
	golden := filepath.Join("testdata", "sample.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./extract -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("output differs from %s at line %d:\n got: %s\nwant: %s\n(run go test ./extract -update if the change is deliberate)", golden, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("output differs from %s in length: %d lines, want %d", golden, len(gl), len(wl))
	}
}

// TestEvidenceIsTheSourceBytes checks the contract every figure rests on:
// an evidence span's text is exactly the bytes of the file at that span.
func TestEvidenceIsTheSourceBytes(t *testing.T) {
	a, doc := extractSample(t)
	check := func(what string, ev []annalist.Evidence) {
		for _, e := range ev {
			if e.Start < 0 || e.End > len(a.Raw) || string(a.Raw[e.Start:e.End]) != e.Text {
				t.Errorf("%s: evidence %d:%d is not the source bytes: %q", what, e.Start, e.End, e.Text)
			}
		}
	}
	for _, e := range doc.Events {
		check("event "+e.ID, e.Evidence)
	}
	for _, c := range doc.Claims {
		check("claim "+c.What, c.Evidence)
	}
}

// sharedDir finds ../shared beside the repository, or skips.
func sharedDir(t testing.TB) string {
	t.Helper()
	testshared.Path(t, "tools", "score")
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is needed to run ../shared/tools/score")
	}
	return testshared.Dir(t)
}

// TestScoresOnSharedArticles runs the reference scorer on the shared
// articles and holds the figures at their floors, so a change that reads
// worse is caught here rather than in a closing note.
func TestScoresOnSharedArticles(t *testing.T) {
	shared := sharedDir(t)
	x := newExtractor(t)
	tests := []struct {
		article, gold, require string
	}{
		{"corpus/soviet-japanese-border-conflicts.txt", "gold/soviet-japanese-border-conflicts.json", sampleFloors},
		{"corpus/dev/2020-2021-china-india-skirmishes.txt", "gold/dev/2020-2021-china-india-skirmishes.json", "conflict>=0.95"},
		{"corpus/dev/agacher-strip-war.txt", "gold/dev/agacher-strip-war.json", "conflict>=0.95"},
		{"corpus/dev/battle-of-lake-khasan.txt", "gold/dev/battle-of-lake-khasan.json", "conflict>=0.95"},
		{"corpus/dev/battle-of-shumshu.txt", "gold/dev/battle-of-shumshu.json", "conflict>=0.95"},
		{"corpus/dev/cenepa-war.txt", "gold/dev/cenepa-war.json", "conflict>=0.95"},
		{"corpus/dev/kargil-war.txt", "gold/dev/kargil-war.json", "conflict>=0.95"},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.article), func(t *testing.T) {
			path := filepath.Join(shared, tt.article)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			a, err := plaintext.Read(path, data)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := x.Extract(context.Background(), a)
			if err != nil {
				t.Fatal(err)
			}
			pred := filepath.Join(t.TempDir(), "pred.json")
			if err := os.WriteFile(pred, encode(t, doc), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command("python3", filepath.Join(shared, "tools", "score"),
				filepath.Join(shared, tt.gold), pred, "--require", tt.require).CombinedOutput()
			if err != nil {
				t.Errorf("score below floor (%s): %v\n%s", tt.require, err, out)
			}
		})
	}
}

// An article whose blocks point past its source (a reader's fault, not
// the text's) fails with an error naming the article, and the extractor
// goes on to read the next one.
func TestAReadersFaultFailsOneArticleNotTheRun(t *testing.T) {
	x := newExtractor(t)
	ctx := context.Background()
	text := "On 5 May 1990 Chadian troops attacked the Libyan post at Fada."
	bad := &annalist.Article{Source: "broken.txt", Title: "Broken", Raw: []byte("short"), Sections: []annalist.Section{{Heading: "Fighting", Level: 2, Parent: -1}},
		Blocks: []annalist.Block{{Kind: annalist.Paragraph, Section: 0, Text: text, Span: annalist.Span{Start: 1000, End: 1000 + len(text)}}}}
	doc, err := x.Extract(ctx, bad)
	if err == nil || !strings.Contains(err.Error(), "broken.txt") {
		t.Fatalf("Extract of a broken article = %v, %v; want an error naming broken.txt", doc, err)
	}
	good, err := plaintext.Read("sample.txt", sample.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if doc, err := x.Extract(ctx, good); err != nil || len(doc.Events) == 0 {
		t.Errorf("the next article: %d events, %v; want its events", len(doc.Events), err)
	}
}
