package gazetteer

import (
	"reflect"
	"strings"
	"testing"
)

// TestLookupWordsMatchesLookup checks resolveRun's allocation-free look-up
// against Lookup of the joined name, with and without the "al " article.
func TestLookupWordsMatchesLookup(t *testing.T) {
	g := loadT(t)
	for _, phrase := range []string{
		"Khalkhin Gol", "Lake Khasan", "St. Petersburg", "Ho-Chi Minh", "Ma'alot",
		"Lüshun", "Fallujah", "Nowhere Town", "Mongolia", "Manchuria", "Primorsky Krai",
	} {
		toks := tokenize(phrase, nil)
		words := make([]string, len(toks))
		for i, tk := range toks {
			words[i] = tk.text
		}
		name := strings.Join(words, " ")
		key := foldWords(nil, toks)
		if got, want := string(key), Fold(name); got != want {
			t.Errorf("foldWords(%q) = %q, want Fold = %q", phrase, got, want)
		}
		if got, want := g.lookupWords(key, toks, ""), g.Lookup(name); !reflect.DeepEqual(got, want) {
			t.Errorf("lookupWords(%q) = %d entries, Lookup = %d", name, len(got), len(want))
		}
		alKey := append([]byte("al "), key...)
		if got, want := g.lookupWords(alKey, toks, "al "), g.Lookup("al "+name); !reflect.DeepEqual(got, want) {
			t.Errorf("lookupWords(al %q) = %d entries, Lookup = %d", name, len(got), len(want))
		}
	}
}
