package event

import "testing"

// TestLexiconIndexFindsEveryFirstWord checks annotate's index against the
// map it is built from: every first word finds its entries, and words
// that start no entry find none.
func TestLexiconIndexFindsEveryFirstWord(t *testing.T) {
	lx, err := parseLexicon(lexiconTSV, "lexicon.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for w, es := range lx.first {
		got := lx.lookup([]byte(w))
		if len(got) != len(es) || len(got) == 0 || &got[0] != &es[0] {
			t.Errorf("lookup(%q) = %d entries, want the map's %d", w, len(got), len(es))
		}
	}
	for _, w := range []string{"", "zzzz", "thee", "th", "soviet", "xylophone"} {
		if _, in := lx.first[w]; in {
			continue
		}
		if got := lx.lookup([]byte(w)); got != nil {
			t.Errorf("lookup(%q) = %d entries, want none", w, len(got))
		}
	}
}
