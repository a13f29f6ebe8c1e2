package event

import (
	"hash/fnv"
	"strconv"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/textscan"
)

// TestLexiconIndexFindsEveryFirstWord checks annotate's index against the
// map it is built from: every first word finds its entries, and words
// that start no entry find none.
func TestLexiconIndexFindsEveryFirstWord(t *testing.T) {
	lx, err := parseLexicon(lexiconTSV, "lexicon.tsv")
	if err != nil {
		t.Fatal(err)
	}
	// lookup finds a word as annotate asks: a token of it that passed
	// the filter.
	lookup := func(w string) []lexEntry {
		toks := textscan.Scan(w, nil)
		if len(toks) != 1 {
			return nil
		}
		if !lx.filter.MayHaveToken(toks[0], w) {
			t.Errorf("filter passes over %q", w)
		}
		return lx.lookup(toks[0], w)
	}
	for w, es := range lx.first {
		got := lookup(w)
		if len(got) != len(es) || len(got) == 0 || &got[0] != &es[0] {
			t.Errorf("lookup(%q) = %d entries, want the map's %d", w, len(got), len(es))
		}
		// A capital, as at the start of a sentence ("Mêlée", "Skirmishes").
		if c := w[0]; 'a' <= c && c <= 'z' {
			capital := string(c-'a'+'A') + w[1:]
			if got := lookup(capital); len(got) != len(es) {
				t.Errorf("lookup(%q) = %d entries, want %d", capital, len(got), len(es))
			}
		}
	}
	for _, w := range []string{"", "zzzz", "thee", "th", "soviet", "xylophone"} {
		if _, in := lx.first[w]; in {
			continue
		}
		if got := lx.lookup(textscan.Token{End: len(w)}, w); got != nil {
			t.Errorf("lookup(%q) = %d entries, want none", w, len(got))
		}
	}
}

// TestLowerIsAgreesWithToLower checks the allocation-free comparison
// against strings.ToLower, including words whose case mapping is not
// ASCII's.
func TestLowerIsAgreesWithToLower(t *testing.T) {
	for _, tc := range []struct{ w, target string }{
		{"The", "the"}, {"THE", "the"}, {"the", "the"}, {"then", "the"}, {"th", "the"},
		{"With", "with"}, {"Wit", "with"}, {"ANDs", "and"},
		{"TH\u0130S", "this"}, {"\u212Aey", "key"}, {"Th\u00e9", "the"}, {"", "the"},
	} {
		want := strings.ToLower(tc.w) == tc.target
		if got := lowerIs(tc.w, tc.target); got != want {
			t.Errorf("lowerIs(%q, %q) = %v, want %v", tc.w, tc.target, got, want)
		}
	}
}

// TestEventIDIsFNV64a checks the written-out hash against hash/fnv, which
// the IDs of stored events were made with.
func TestEventIDIsFNV64a(t *testing.T) {
	for _, tc := range []struct {
		sha, source string
		start       int
	}{
		{"ab12", "x.txt", 0}, {"", "sample.txt", 1234}, {"", "", 7},
	} {
		h := fnv.New64a()
		h.Write([]byte(tc.sha))
		if tc.sha == "" {
			h.Write([]byte(tc.source))
		}
		h.Write([]byte(":" + strconv.Itoa(tc.start)))
		want := "ev-" + strconv.FormatUint(h.Sum64(), 16)
		a := &annalist.Article{SHA256: tc.sha, Source: tc.source}
		if got := eventID(a, tc.start); got != want {
			t.Errorf("eventID(%q, %q, %d) = %s, want %s", tc.sha, tc.source, tc.start, got, want)
		}
	}
}

// TestParseLexiconRejectsBadLines checks that a line the reader could
// never use is an error naming the file and line, not an entry that
// silently matches nothing.
func TestParseLexiconRejectsBadLines(t *testing.T) {
	for _, tc := range []struct {
		name, line, want string
	}{
		{"unknown class", "clash\tbrawl\t1", `x.tsv:2: unknown class "brawl"`},
		{"weight not a number", "clash\tfight\theavy", `x.tsv:2: weight "heavy"`},
		{"word cut into tokens", "co-pilot\tcrew\t0", `x.tsv:2: "co-pilot" is more than one token`},
		{"later word cut into tokens", "shot down-range\tfight\t1", `x.tsv:2: "down-range" is more than one token`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseLexicon("skirmish\tfight\t1\n"+tc.line+"\n", "x.tsv")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("parseLexicon(%q) error = %v, want %q", tc.line, err, tc.want)
			}
		})
	}
}
