package textscan

import (
	"fmt"
	"strings"
	"testing"
)

func show(s string, toks []Token) string {
	var parts []string
	for _, t := range toks {
		k := map[Kind]string{Word: "W", Number: "N", Dash: "D", Punct: "P"}[t.Kind]
		sp := ""
		if t.Space {
			sp = "_"
		}
		extra := ""
		if t.Kind == Number {
			extra = fmt.Sprintf("=%d/%d", t.Value, t.Digits)
			if t.Sep {
				extra += ",sep"
			}
			if t.Decimal {
				extra += ",dec"
			}
		}
		parts = append(parts, sp+k+":"+t.Text(s)+extra)
	}
	return strings.Join(parts, " ")
}

func TestScan(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"words and spaces", "Five days", "_W:Five _W:days"},
		{"thousands separators join", "30,443–32,418", "_N:30,443=30443/5,sep D:– N:32,418=32418/5,sep"},
		{"a list comma is not a separator", "1,2 and 29,766, 677", "_N:1=1/1 P:, N:2=2/1 _W:and _N:29,766=29766/5,sep P:, _N:677=677/3"},
		{"decimal", "1.5 million", "_N:1.5=1/1,dec _W:million"},
		{"stop after a number is not a decimal", "in 1933.", "_W:in _N:1933=1933/4 P:."},
		{"glued unit", "37mm", "_N:37=37/2 W:mm"},
		{"hyphen is a dash token", "11-man", "_N:11=11/2 D:- W:man"},
		{"unicode dashes and letters", "Kōtoku — Chōkohō", "_W:Kōtoku _D:— _W:Chōkohō"},
		{"no-break space is space", "5\u00a0km", "_N:5=5/1 _W:km"},
		{"overflowing number", "12345678901234567890", "_N:12345678901234567890=-1/20"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := show(tt.in, Scan(tt.in, nil)); got != tt.want {
				t.Errorf("Scan(%q)\n got %s\nwant %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestLower(t *testing.T) {
	var buf [8]byte
	if got := string(Lower(buf[:], "AuGust")); got != "august" {
		t.Errorf("Lower = %q", got)
	}
	if Lower(buf[:], "Septembers") != nil || Lower(buf[:], "Kōtoku") != nil {
		t.Error("Lower should refuse words too long or not ASCII")
	}
}

func TestFilterPassesWordsAddedInAnyCase(t *testing.T) {
	var f Filter
	for _, w := range []string{"january", "the", "~", "mêlée", "counter-attacks"} {
		f.Add(w)
	}
	for _, w := range []string{"january", "JANUARY", "January", "the", "~", "mêlée", "Mêlée"} {
		if !f.MayHave(w) {
			t.Errorf("MayHave(%q) = false after Add", w)
		}
		toks := Scan(w, nil)
		if len(toks) != 1 || !f.MayHaveToken(toks[0], w) {
			t.Errorf("MayHaveToken(%q) = false after Add", w)
		}
	}
	// A token Scan did not make has no hash: it may always be there.
	if !f.MayHaveToken(Token{Start: 0, End: 5, Kind: Word}, "xyzzy") {
		t.Error("MayHaveToken of a token without a hash = false")
	}
}

func TestWordHashIgnoresASCIICase(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"battle", "BATTLE", true},
		{"Counter-Attacks", "counter-attacks", true}, // longer than 8 bytes
		{"battle", "battles", false},
		{"counterattack", "counterattacks", false},
		{"", "", true},
	} {
		if got := WordHash(tc.a) == WordHash(tc.b); got != tc.same {
			t.Errorf("WordHash(%q) == WordHash(%q) is %v, want %v", tc.a, tc.b, got, tc.same)
		}
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range []string{"30,443–32,418", "1.5", "a,b", "\xff\xfe", "9,999,999,999,999,999,999", "Kōtoku—5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, tk := range Scan(s, nil) {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s) {
				t.Fatalf("bad token %d:%d after %d in %q", tk.Start, tk.End, prev, s)
			}
			prev = tk.End
			if w := tk.Text(s); tk.Kind != Number && tk.Hash(s) != WordHash(strings.ToLower(w)) && isASCIIWord(w) {
				t.Fatalf("token %q has hash %d, its lower case %d", w, tk.Hash(s), WordHash(strings.ToLower(w)))
			}
		}
	})
}

func TestClauseJoinTellsConjunctionsThatOpenAClause(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		{"and", true}, {"And", true}, {"but", true}, {"while", true}, {"whereas", true},
		{"although", true}, {"though", true}, {"yet", true}, {"when", true}, {"where", true}, {"whereupon", true},
		{"or", false}, {"with", false}, {"andes", false}, {"", false},
	}
	for _, tt := range tests {
		if got := ClauseJoin(tt.w); got != tt.want {
			t.Errorf("ClauseJoin(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return false
		}
	}
	return true
}

func TestHoldsWordsMatchesWholeWordsOnly(t *testing.T) {
	for _, tt := range []struct {
		name, part string
		want       bool
	}{
		{"Kingdom of Great Britain", "Great Britain", true},
		{"Kingdom of France", "France", true},
		{"France", "France", true},
		{"Russian Empire", "Russia", false},
		{"Habsburg Monarchy", "Austria", false},
		{"Georgian Georgia", "Georgia", true}, // a later occurrence whole
		{"Kingdom of France", "", false},
	} {
		if got := HoldsWords(tt.name, tt.part); got != tt.want {
			t.Errorf("HoldsWords(%q, %q) = %v, want %v", tt.name, tt.part, got, tt.want)
		}
	}
}

func TestApostropheIsStraightOrCurly(t *testing.T) {
	for w, want := range map[string]bool{"'": true, "’": true, "\"": false, "s": false} {
		if got := Apostrophe(w); got != want {
			t.Errorf("Apostrophe(%q) = %v, want %v", w, got, want)
		}
	}
}
