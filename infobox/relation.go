package infobox

import (
	"strings"

	"github.com/annalist/annalist/internal/textscan"
)

// What the lead says of two parties, read from the words between them
// (words.tsv classes hostile, ally and mediator):
//
//   - opposite sides: a hostile word joins them ("X invaded Y", "X and its
//     allies against Y", "Y was attacked by X"), or "between X and Y" names
//     exactly two;
//   - one side: an ally word joins them ("X, supported by Y"), or they are
//     coordinated ("X and Y") on one side of a hostile word ("X and Y
//     invaded Z");
//   - no side at all: a mediator word stands next to a state ("a ceasefire
//     mediated by X", "X brokered a truce"): it helped end the fight.
//
// Words in parentheses are skipped; parties further apart than
// maxGapWords are not related.

const (
	relOpposite = 1
	relSame     = 2
)

// relation is one thing the lead says of two parties.
type relation struct {
	a, b string // canonical names
	kind int
	text string // the words of the lead that say it
}

// maxGapWords is the most words between two parties the lead relates.
const maxGapWords = 10

// gap kinds between consecutive parties of a sentence.
const (
	gapNone = iota
	gapCoord
	gapAlly
	gapHostile
)

// mediatorAt reports whether the words next to m say it mediated: a
// mediator word followed by "by" or "of" (and "the") right before it, or a
// mediator word among the three words after it.
func (lex *lexicon) mediatorAt(text string, toks []textscan.Token, m mention) bool {
	// Before: "mediated by (the) X", "the mediation of X".
	j := m.tok - 1
	if j >= 0 && toks[j].Kind == textscan.Word && strings.EqualFold(toks[j].Text(text), "the") {
		j--
	}
	if j >= 1 && toks[j].Kind == textscan.Word {
		if w := strings.ToLower(toks[j].Text(text)); (w == "by" || w == "of") && toks[j-1].Kind == textscan.Word {
			if v := strings.ToLower(toks[j-1].Text(text)); lex.mediator[v] || lex.mediatorBy[v] {
				return true
			}
		}
	}
	// After: "X mediated", "X's mediation", "X acted as mediator".
	n := 0
	for i := m.tok + m.ntok; i < len(toks) && n < 3; i++ {
		t := toks[i]
		if t.Kind == textscan.Punct && !textscan.Apostrophe(t.Text(text)) {
			break
		}
		if t.Kind != textscan.Word {
			continue
		}
		n++
		if lex.mediator[strings.ToLower(t.Text(text))] {
			return true
		}
	}
	return false
}

// gapKind classifies the words between two parties of a sentence. Of a
// hostile and an ally word, the later one decides: "X and its allies
// against Y" sets them apart, "X fought alongside Y" together.
func (lex *lexicon) gapKind(text string, toks []textscan.Token, depth []int, from, to int) int {
	words := 0
	kind := gapCoord
	last := gapNone // the later of a hostile and an ally word
	relativeSeen := false
	for i := from; i < to; i++ {
		t := toks[i]
		if depth[i] > 0 || (t.Kind == textscan.Punct && (text[t.Start] == '(' || text[t.Start] == ')')) {
			continue
		}
		switch t.Kind {
		case textscan.Word:
			words++
			w := strings.ToLower(t.Text(text))
			switch {
			case relativeSeen:
				// "X against Afghan mujahideen, who were backed by Y": what
				// the relative clause says is of the noun before it.
			case lex.hostile[w]:
				last = gapHostile
			case w == "into" && i > from && lex.moveInto[strings.ToLower(toks[i-1].Text(text))]:
				last = gapHostile // "X crossed into Y": invaded it
			case (w == "who" || w == "which") && last == gapHostile && words > 2:
				relativeSeen = true
			case w == "side" && i > from && strings.EqualFold(toks[i-1].Text(text), "one"):
				// "X and Y on one side and Z on the other": the sides
				// part here.
				last = gapHostile
			case lex.ally[w] && verbAfterAnd(text, toks, from, i):
				// "ended its support of Somalia and supported Ethiopia":
				// a second verb, whose subject is not the party before
				// "and".
				last = gapNone
			case lex.ally[w]:
				last = gapAlly
			case w == "and" || w == "the" || w == "its" || w == "their" || w == "a" || w == "an":
			default:
				if kind == gapCoord {
					kind = gapNone
				}
			}
		case textscan.Punct:
			c := text[t.Start]
			if c != ',' && kind == gapCoord {
				kind = gapNone
			}
			if c == ';' || c == ',' && i+1 < to && textscan.ClauseJoin(toks[i+1].Text(text)) {
				// A new clause with its own subject: "Somali troops
				// supported rebels, and Ethiopia answered" does not put
				// Ethiopia beside the Somalis.
				last = gapNone
			}
		default:
			if kind == gapCoord {
				kind = gapNone
			}
		}
		if words > maxGapWords {
			return gapNone
		}
	}
	if last != gapNone {
		return last
	}
	// Only "and", commas and articles between them (gapCoord), or other
	// words and no ally or hostile one: unrelated (gapNone).
	return kind
}

// verbAfterAnd reports an ally word at token i that opens a verb phrase
// coordinated by "and" right after the party before the gap (from): "X
// and supported Y", "X and to support Y". Between parties, "and" then a
// noun ("X and allied Y") or a name joins the parties instead.
func verbAfterAnd(text string, toks []textscan.Token, from, i int) bool {
	k := from
	for k < i && toks[k].Kind != textscan.Word {
		k++
	}
	if k >= i || !strings.EqualFold(toks[k].Text(text), "and") {
		return false
	}
	k++
	if k < i && strings.EqualFold(toks[k].Text(text), "to") {
		k++
	}
	w := strings.ToLower(toks[i].Text(text))
	return k == i && (strings.HasSuffix(w, "ed") || k > from+1 && strings.EqualFold(toks[k-1].Text(text), "to"))
}

// relate appends the relations one sentence's parties stand in.
func (lex *lexicon) relate(text string, toks []textscan.Token, depth []int, ps []mention, rels []relation) []relation {
	if len(ps) < 2 {
		return rels
	}
	add := func(a, b mention, kind int) {
		if a.canonical == b.canonical {
			return
		}
		s, e := min(a.start, b.start), max(a.end, b.end)
		rels = append(rels, relation{a.canonical, b.canonical, kind, text[s:e]})
	}
	// Segments: runs of parties joined by coordination or an ally word;
	// chains: segments joined by hostile words.
	segStart := 0
	var prevSeg [2]int = [2]int{-1, -1} // the segment before the current one in its chain
	ally := false                       // the current segment has an ally word
	firstGap := gapNone                 // how the segment's first two parties are joined
	closeSeg := func(end int, hostileAfter bool) {
		// [segStart, end) is one segment.
		if b := betweenBefore(text, toks, ps[segStart].tok); b >= 0 && ally && firstGap == gapCoord && end-segStart > 2 && prevSeg[0] < 0 {
			// "between the Soviet Union and Finland, which was supported
			// by Sweden": the two of "between" fought each other, and
			// the ally stands with the party it follows.
			rels = append(rels, relation{ps[segStart].canonical, ps[segStart+1].canonical, relOpposite, text[toks[b].Start:ps[segStart+1].end]})
			for i := segStart + 2; i < end; i++ {
				add(ps[i-1], ps[i], relSame)
			}
			return
		}
		b := betweenBefore(text, toks, ps[segStart].tok)
		switch {
		case b >= 0 && end-segStart == 2 && !ally && prevSeg[0] < 0 && (!hostileAfter || restated(ps[segStart:end], ps[end])):
			// "between X and Y" names the two that fought each other,
			// though a word of fighting comes after them, when it only
			// names one of them again: "a border war between X and Y,
			// fought mainly in October, a year after Y …". A third
			// party after it ("between X and Y on one side and Z on
			// the other") makes them one side.
			rels = append(rels, relation{ps[segStart].canonical, ps[segStart+1].canonical, relOpposite, text[toks[b].Start:ps[segStart+1].end]})
		case prevSeg[0] >= 0 || hostileAfter || ally:
			for i := segStart; i < end; i++ {
				for j := i + 1; j < end; j++ {
					add(ps[i], ps[j], relSame)
				}
			}
		}
		if prevSeg[0] >= 0 {
			for i := prevSeg[0]; i < prevSeg[1]; i++ {
				for j := segStart; j < end; j++ {
					add(ps[i], ps[j], relOpposite)
				}
			}
		}
	}
	for i := 0; i+1 < len(ps); i++ {
		g := lex.gapKind(text, toks, depth, ps[i].tok+ps[i].ntok, ps[i+1].tok)
		if i == segStart {
			firstGap = g
		}
		switch g {
		case gapCoord:
		case gapAlly:
			ally = true
		case gapHostile:
			closeSeg(i+1, true)
			prevSeg = [2]int{segStart, i + 1}
			segStart, ally = i+1, false
		default:
			closeSeg(i+1, false)
			prevSeg = [2]int{-1, -1}
			segStart, ally = i+1, false
		}
	}
	closeSeg(len(ps), false)
	return rels
}

// restated reports whether m is one of the parties seg names.
func restated(seg []mention, m mention) bool {
	for _, p := range seg {
		if p.canonical == m.canonical {
			return true
		}
	}
	return false
}

// betweenBefore returns the index of "between" among the five words
// before the token at i ("fought between the armed forces of X and Y"),
// or -1.
func betweenBefore(text string, toks []textscan.Token, i int) int {
	n := 0
	for j := i - 1; j >= 0 && n < 5; j-- {
		if toks[j].Kind != textscan.Word {
			continue
		}
		n++
		if strings.EqualFold(toks[j].Text(text), "between") {
			return j
		}
	}
	return -1
}
