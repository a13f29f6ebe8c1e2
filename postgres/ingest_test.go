package postgres

import (
	"context"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/synth"
)

// permutations returns every order of 0..n-1.
func permutations(n int) [][]int {
	if n == 0 {
		return [][]int{{}}
	}
	var out [][]int
	for _, p := range permutations(n - 1) {
		for i := 0; i <= len(p); i++ {
			q := append(append(append([]int{}, p[:i]...), n-1), p[i:]...)
			out = append(out, q)
		}
	}
	return out
}

// TestPlacedIngestStoresWhatOneIngestInInputOrderStores: however the
// articles of one title arrive (queued jobs run in any order), the stored
// version is the one a single ingest reading them in input order keeps:
// of copies of one text the first one's source, of different texts the
// last one; and storing them all again changes nothing.
func TestPlacedIngestStoresWhatOneIngestInInputOrderStores(t *testing.T) {
	type item struct {
		text   int // which text of the title: 0 or 1
		source string
		place  Place
	}
	for _, tt := range []struct {
		name  string
		items []item // in input order
		want  int    // the item one ingest keeps
	}{
		{"copies keep the first one's source", []item{{0, "a.txt", Place{1, 1}}, {0, "b.txt", Place{1, 2}}, {0, "c.txt", Place{2, 1}}}, 0},
		{"a later text replaces an earlier one", []item{{0, "a.txt", Place{1, 7}}, {1, "b.txt", Place{2, 1}}}, 1},
		{"the first copy of the last text", []item{{0, "a.txt", Place{1, 1}}, {1, "b.txt", Place{3, 1}}, {1, "c.txt", Place{3, 2}}, {0, "d.txt", Place{2, 4}}}, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := openTemp(t)
			ctx := context.Background()
			var texts [2]struct {
				doc *annalist.Document
				raw []byte
			}
			for i := range texts {
				texts[i].doc, texts[i].raw = synth.Document(synth.Options{Title: "Placed war", Events: 2 + i, Seed: uint64(10 + i)})
			}
			store := func(it item) {
				t.Helper()
				doc := *texts[it.text].doc
				doc.Article.Source = it.source
				_, errs, err := s.IngestBatchAt(ctx, []annalist.IngestItem{{Doc: &doc, Raw: texts[it.text].raw}}, []Place{it.place})
				if err != nil || errs[0] != nil {
					t.Fatal(err, errs)
				}
			}
			for _, order := range permutations(len(tt.items)) {
				for _, i := range order {
					store(tt.items[i])
				}
				// A job run again after it was killed stores its items again.
				for _, i := range order {
					store(tt.items[i])
				}
				a, err := s.Article(ctx, annalist.ArticleKey("Placed war"))
				if err != nil {
					t.Fatal(err)
				}
				want := tt.items[tt.want]
				if a.Source != want.source || a.SHA256 != texts[want.text].doc.Article.SHA256 {
					t.Errorf("stored in the order %v: %s (text %.8s); want %s (text %.8s)", order, a.Source, a.SHA256, want.source, texts[want.text].doc.Article.SHA256)
				}
				if _, err := s.Pool().Exec(ctx, `DELETE FROM articles`); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
