package sentence

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func split(text string) []string {
	var out []string
	for _, sp := range Split(text) {
		out = append(out, text[sp.Start:sp.End])
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"two plain sentences", "The patrol crossed. It was attacked.", []string{"The patrol crossed.", "It was attacked."}},
		{"military titles", "Lt. Gen. Kasai gave the order. Col. Ito obeyed.", []string{"Lt. Gen. Kasai gave the order.", "Col. Ito obeyed."}},
		{"hyphenated rank", "Lieutenant-Colonel Sugimoto led it. The unit moved.", []string{"Lieutenant-Colonel Sugimoto led it.", "The unit moved."}},
		{"abbreviated hyphenated rank", "Lt.-Col. Ito led it. The unit moved.", []string{"Lt.-Col. Ito led it.", "The unit moved."}},
		{"circa before a number", "It had c. 600 men. They fled.", []string{"It had c. 600 men.", "They fled."}},
		{"number sign", "No. 3 Squadron flew. It returned.", []string{"No. 3 Squadron flew.", "It returned."}},
		{"dotted acronym inside a sentence", "The U.S. Army sent aid. It arrived.", []string{"The U.S. Army sent aid.", "It arrived."}},
		{"dotted acronym ending a sentence", "Aid came from the U.S. The war went on.", []string{"Aid came from the U.S.", "The war went on."}},
		{"initials", "He met V. P. Malik in Delhi. They talked.", []string{"He met V. P. Malik in Delhi.", "They talked."}},
		{"middle initial", "Ambassador William C. Bullitt listened. He left.", []string{"Ambassador William C. Bullitt listened.", "He left."}},
		{"title without stop", "Mr Honda served there. Mr. Mamiya too.", []string{"Mr Honda served there.", "Mr. Mamiya too."}},
		{"saint", "They reached St. Petersburg. It was cold.", []string{"They reached St. Petersburg.", "It was cold."}},
		{"decimal", "It cost 2.5 million roubles. Nobody paid.", []string{"It cost 2.5 million roubles.", "Nobody paid."}},
		{"stop inside closing quote", `He said "we will fight." Then he left.`, []string{`He said "we will fight."`, "Then he left."}},
		{"stop after closing quote", `They were called "fascist enemies". The talks ended.`, []string{`They were called "fascist enemies".`, "The talks ended."}},
		{"stop inside parentheses", "The war (it began in 1939. Nobody expected it.) ended. Peace came.", []string{"The war (it began in 1939. Nobody expected it.) ended.", "Peace came."}},
		{"sentence in brackets", "The fort fell. (It had held for weeks.) Then the rains came.", []string{"The fort fell.", "(It had held for weeks.)", "Then the rains came."}},
		{"unclosed parenthesis does not swallow the text", "The war (it began. Then peace came. More followed.", []string{"The war (it began.", "Then peace came.", "More followed."}},
		{"lower-case after a stop", "He used approx. five guns. They fired.", []string{"He used approx. five guns.", "They fired."}},
		{"question and exclamation", "Was it war? Yes! It was.", []string{"Was it war?", "Yes!", "It was."}},
		{"ellipsis", "They waited... Nothing came.", []string{"They waited...", "Nothing came."}},
		{"sentence starting with a number", "The raid failed in 1939. 152 men died.", []string{"The raid failed in 1939.", "152 men died."}},
		{"etc. inside a sentence", "Rifles, guns, etc. were sent. They arrived.", []string{"Rifles, guns, etc. were sent.", "They arrived."}},
		{"cut off mid-sentence", "The first clash ended. The second began when the", []string{"The first clash ended.", "The second began when the"}},
		{"blank line ends a sentence", "A heading\n\nThe text starts here.", []string{"A heading", "The text starts here."}},
		{"surrounding space is trimmed", "  One.   Two.  ", []string{"One.", "Two."}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := split(tt.text)
			if strings.Join(got, "\x00") != strings.Join(tt.want, "\x00") {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestTableLoads(t *testing.T) {
	if _, err := parseTable(abbreviationsTSV); err != nil {
		t.Fatal(err)
	}
	if _, err := parseTable("gen\ttitel\n"); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("bad kind: got %v, want an error naming line 1", err)
	}
}

// sharedDir finds ../shared beside the repository root, or "".
func sharedDir(t testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			s := filepath.Join(dir, "..", "shared")
			if _, err := os.Stat(s); err == nil {
				return s
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// TestSplitSample checks the sentences of the bundled sample article that
// abbreviations, initials and quotes make hard.
func TestSplitSample(t *testing.T) {
	shared := sharedDir(t)
	if shared == "" {
		t.Skip("../shared not found")
	}
	data, err := os.ReadFile(filepath.Join(shared, "corpus", "soviet-japanese-border-conflicts.txt"))
	if err != nil {
		t.Skip(err)
	}
	got := map[string]bool{}
	for _, para := range strings.Split(string(data), "\n") { // one paragraph a line
		for _, s := range split(para) {
			got[s] = true
		}
	}
	for _, want := range []string{
		`In February 1936, Lieutenant-Colonel Sugimoto Yasuo was ordered to form a detachment from the 14th Cavalry Regiment and, in the words of Lieutenant-General Kasai Heijuro, "out the Outer Mongol intruders from the Olankhuduk region".`,
		`Five days later, 60 truck-borne Mongolian troops assaulted the Manchukuoans and were repulsed, at the cost of 3 Manchukuoan dead.`,
		`Soviet-Japanese relations were chilled by the invasion and Mikhail Kalinin, the Soviet head of state, told the American ambassador William C. Bullitt in Moscow that same month that his country was prepared for an attack by Nazi Germany in the west and Japan in the east.`,
		`Three Soviet gunboats crossed the center line of the river, unloaded troops, and occupied Kanchazu (also spelled "Kanchatzu") island.`,
	} {
		if !got[want] {
			t.Errorf("sentence not found: %q", want)
		}
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"Lt. Gen. Kasai. No.", "(a. b.", "U.S. The", `"x." y`, "a\n\nb", "...", ". . .", "é. É", "\xff. A"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range Split(s) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("bad span %v (prev end %d) in %q", sp, prev, s)
			}
			prev = sp.End
		}
	})
}

const benchParagraph = `In October 1935, nine guards and 32 auxiliaries were setting up a post, about 20 kilometers north of the town, when they were attacked by a force of 50 soldiers. Lt. Gen. Ito said "they came at night." The raiders opened fire on them with rifles and 5 heavy machine guns (c. 600 rounds). In the ensuing clash, two guards were killed, and another 5 were wounded. The U.S. consul, Mr. V. P. Smith, lodged a protest. `

func BenchmarkSplit(b *testing.B) {
	text := strings.Repeat(benchParagraph, 8)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Split(text)
	}
}
