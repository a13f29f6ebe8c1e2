package infobox

import (
	"strings"
	"testing"
)

func TestLexiconReadsEveryClass(t *testing.T) {
	for _, tc := range []struct {
		class string
		set   map[string]bool
		word  string
	}{
		{"title", testLex.titles, "Lieutenant-General"},
		{"group-header", testLex.groupHeaders, "material losses"},
		{"attribution", testLex.attributions, "sources"},
		{"note", testLex.notes, "excluding"},
		{"qualifier", testLex.qualifiers, "serious"},
		{"status", testLex.status, "wounded"},
		{"status-stop", testLex.statusStop, "during"},
		{"personnel", testLex.personnel, "soldiers"},
		{"measure", testLex.measures, "km"},
		{"force-noun", testLex.forceNouns, "troops"},
		{"locative", testLex.locatives, "near"},
		{"compass", testLex.compass, "northern"},
		{"name-joiner", testLex.nameJoiners, "of"},
	} {
		if !tc.set[tc.word] {
			t.Errorf("class %s lacks %q", tc.class, tc.word)
		}
	}
	if got := testLex.statusAs["kia"]; got != "killed" {
		t.Errorf("status-as kia = %q, want killed", got)
	}
}

func TestLexiconFatesAreTheAnnotationsFates(t *testing.T) {
	known := map[string]bool{fateKIA: true, fateCaptured: true, fateExecuted: true, fateDOW: true, fateMIA: true, fateWIA: true}
	for mark, fate := range testLex.fates {
		if !known[fate] {
			t.Errorf("fate mark %q gives %q, which is none of the annotation's fates", mark, fate)
		}
	}
	if got := testLex.fates["(KIA)"]; got != fateKIA {
		t.Errorf("fate of (KIA) = %q, want %q", got, fateKIA)
	}
}

func TestLexiconRejectsBadLines(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"no class", "# header\nsoldiers\n", "x.tsv line 2: want word<TAB>class"},
		{"empty word", "\tstatus\n", "x.tsv line 1: want word<TAB>class"},
		{"unknown class", "soldiers\tpeople\n", `x.tsv line 1: unknown class "people"`},
		{"fate without value", "KIA\tfate\n", "x.tsv line 1: class fate needs a value"},
	} {
		_, err := parseLexicon("x.tsv", tc.src)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: parseLexicon error = %v, want %q", tc.name, err, tc.want)
		}
	}
}
