package event

import (
	"bytes"
	_ "embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/annalist/annalist/internal/textscan"
	"github.com/annalist/annalist/internal/wordtable"
)

//go:embed lexicon.tsv
var lexiconTSV string

// class is a set of lexicon classes, one bit each.
type class uint64

const (
	cFight class = 1 << iota
	cDeath
	cWounded
	cCaptured
	cMissing
	cCasualty
	cActiveDeath
	cActiveWounded
	cActiveCaptured
	cTaking
	cMateriel
	cPerson
	cAux
	cCeasefire
	cAttribution
	cSkip
	cNameHead
	cNameOf
	cPlacePrep
	cDirection
	cPlaceNoun
	cLocation
	cLocPrep
	cContinue
	cAnother
	cSubset
	cNotFight
	cReport
	cAccording
	cLost
	cCivilian
	cAnyone
	cSpeaker
	cAbstract
	cRegular
	cIrregular
	cRate
	cDefender
	cAttacker
	cPersist
	cYield
	cEnemy
	cBreach
	cSiege
	cRelief
	cRepel
	cOrdinal
	cCrew
	cHabitual
	cCoalition
	cParallel
	cBegin
	cEncounter
	cUnit
	cOpposed
	cMeeting
	cDefences
	cHoldout
	cWithdraw
	cCapacity
	cMove
	cClashRole
	cCampaign
	cLaunch
)

// classNamed returns the class a lexicon file names, or 0.
func classNamed(name string) class {
	switch name {
	case "fight":
		return cFight
	case "death":
		return cDeath
	case "wounded":
		return cWounded
	case "captured":
		return cCaptured
	case "missing":
		return cMissing
	case "casualty":
		return cCasualty
	case "active-death":
		return cActiveDeath
	case "active-wounded":
		return cActiveWounded
	case "active-captured":
		return cActiveCaptured
	case "taking":
		return cTaking
	case "materiel":
		return cMateriel
	case "person":
		return cPerson
	case "aux":
		return cAux
	case "ceasefire":
		return cCeasefire
	case "attribution":
		return cAttribution
	case "skip":
		return cSkip
	case "namehead":
		return cNameHead
	case "nameof":
		return cNameOf
	case "placeprep":
		return cPlacePrep
	case "direction":
		return cDirection
	case "placenoun":
		return cPlaceNoun
	case "location":
		return cLocation
	case "locprep":
		return cLocPrep
	case "continue":
		return cContinue
	case "another":
		return cAnother
	case "subset":
		return cSubset
	case "notfight":
		return cNotFight
	case "report":
		return cReport
	case "according":
		return cAccording
	case "lost":
		return cLost
	case "civilian":
		return cCivilian
	case "anyone":
		return cAnyone
	case "speaker":
		return cSpeaker
	case "abstract":
		return cAbstract
	case "regular":
		return cRegular
	case "irregular":
		return cIrregular
	case "rate":
		return cRate
	case "defender":
		return cDefender
	case "attacker":
		return cAttacker
	case "clashrole":
		return cClashRole
	case "campaign":
		return cCampaign
	case "launch":
		return cLaunch
	case "persist":
		return cPersist
	case "yield":
		return cYield
	case "enemy":
		return cEnemy
	case "breach":
		return cBreach
	case "siege":
		return cSiege
	case "relief":
		return cRelief
	case "repel":
		return cRepel
	case "ordinal":
		return cOrdinal
	case "crew":
		return cCrew
	case "habitual":
		return cHabitual
	case "coalition":
		return cCoalition
	case "parallel":
		return cParallel
	case "begin":
		return cBegin
	case "encounter":
		return cEncounter
	case "unit":
		return cUnit
	case "opposed":
		return cOpposed
	case "meeting":
		return cMeeting
	case "defences":
		return cDefences
	case "holdout":
		return cHoldout
	case "withdraw":
		return cWithdraw
	case "capacity":
		return cCapacity
	case "move":
		return cMove
	}
	return 0
}

// lossClasses are the classes that say what befell a number of people.
const lossClasses = cDeath | cWounded | cCaptured | cMissing

type lexEntry struct {
	words  []string
	class  class
	weight int
}

// lexicon maps the first word of each entry to its entries, longest first.
type lexicon struct {
	first map[string][]lexEntry
	skip  []string // section-heading phrases to skip
	// lens[c] has bit n set when an entry's first word starts with byte c
	// and is n bytes long (n < 32): most words of prose skip the map.
	lens [256]uint32
	// filter holds the first words (see textscan.Filter): it turns away
	// most of the words lens lets through ("the", "and").
	filter textscan.Filter
	// index is first for annotate's look-up of every word that passes
	// the filters ("the", "of", "in" do: they start entries), by the word
	// as written: the index folds case.
	index   wordtable.Index // first word → position in indexEs
	indexEs [][]lexEntry
}

// buildIndex fills index from first.
func (lx *lexicon) buildIndex() {
	keys := make([]string, 0, len(lx.first))
	vals := make([]int32, 0, len(lx.first))
	lx.indexEs = lx.indexEs[:0]
	for k, es := range lx.first {
		keys, vals = append(keys, k), append(vals, int32(len(lx.indexEs)))
		lx.indexEs = append(lx.indexEs, es)
	}
	lx.index = wordtable.NewIndex(keys, vals)
}

// lookup returns the entries whose first word is w, in any ASCII case
// ("Mêlée" finds "mêlée"; before, a word with a letter outside ASCII was
// never looked up).
func (lx *lexicon) lookup(t textscan.Token, text string) []lexEntry {
	if i, ok := lx.index.GetToken(t, text); ok {
		return lx.indexEs[i]
	}
	return nil
}

func parseLexicon(data, name string) (*lexicon, error) {
	lx := &lexicon{first: map[string][]lexEntry{}}
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			return nil, fmt.Errorf("%s:%d: want 3 tab-separated columns (word, class, weight), got %d", name, n+1, len(cols))
		}
		c := classNamed(cols[1])
		if c == 0 {
			return nil, fmt.Errorf("%s:%d: unknown class %q", name, n+1, cols[1])
		}
		w, err := strconv.Atoi(cols[2])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: weight %q: %w", name, n+1, cols[2], err)
		}
		words := strings.Fields(cols[0])
		if len(words) == 0 {
			return nil, fmt.Errorf("%s:%d: empty word", name, n+1)
		}
		if c == cSkip {
			lx.skip = append(lx.skip, cols[0])
			continue
		}
		for _, word := range words {
			// The reader matches an entry token by token: a word that
			// textscan cuts ("co-pilot" is "co", "-", "pilot") would
			// never match.
			var buf [4]textscan.Token
			if len(textscan.Scan(word, buf[:0])) != 1 {
				return nil, fmt.Errorf("%s:%d: %q is more than one token; write its parts apart (\"co - pilot\")", name, n+1, word)
			}
		}
		e := lexEntry{words: words, class: c, weight: w}
		if len(words[0]) >= 32 {
			return nil, fmt.Errorf("%s:%d: word %q longer than 31 bytes", name, n+1, words[0])
		}
		lx.lens[words[0][0]] |= 1 << len(words[0])
		lx.filter.Add(words[0])
		es := append(lx.first[words[0]], e)
		for i := len(es) - 1; i > 0 && len(es[i].words) > len(es[i-1].words); i-- {
			es[i], es[i-1] = es[i-1], es[i]
		}
		lx.first[words[0]] = es
	}
	lx.buildIndex()
	return lx, nil
}

// tag is what the lexicon says about the entries starting at one token.
type tag struct {
	class  class
	n      uint8 // tokens the longest entry starting here covers
	weight int8
}

// has reports whether token i starts an entry of class c.
func (t *tag) has(c class) bool { return t.class&c != 0 }

// length returns how many tokens the entry of class c covers (1 when
// none). Entries of different classes starting at one token share the
// longest length: the lexicon has no two such entries of different
// lengths that a reader asks for ("shot down" is fight and materiel).
func (t *tag) length(c class) int {
	if t.class&c == 0 || t.n == 0 {
		return 1
	}
	return int(t.n)
}

// annotate tags every token of text.
func (lx *lexicon) annotate(text string, toks []textscan.Token, tags []tag) []tag {
	tags = tags[:0]
	for i := range toks {
		var tg tag
		if toks[i].Kind == textscan.Word || toks[i].Kind == textscan.Dash {
			w := toks[i].Text(text)
			if !lx.filter.MayHaveToken(toks[i], text) {
				// The filter ignores ASCII case, and a word that is not
				// ASCII is never looked up (Lower returns nil).
				tags = append(tags, tg)
				continue
			}
			if c := w[0]; len(w) < 32 && lx.lens[c|asciiUpper(c)]&(1<<len(w)) != 0 {
				for _, e := range lx.lookup(toks[i], text) {
					if tg.class&e.class != 0 {
						continue
					}
					n := len(e.words)
					if !lx.matches(text, toks, i, e.words) {
						if !splitParticle(text, toks, i, e.words) {
							continue
						}
						n = 1 // the verb alone: the words after it are its object
					}
					tg.class |= e.class
					if n := uint8(n); n > tg.n {
						tg.n = n
					}
					if e.weight > int(tg.weight) {
						tg.weight = int8(e.weight)
					}
				}
			}
		}
		tags = append(tags, tg)
	}
	return tags
}

// asciiUpper is the bit that makes the ASCII capital c small (0x20),
// and 0 for any other byte.
func asciiUpper(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return 0x20
	}
	return 0
}

func (lx *lexicon) matches(text string, toks []textscan.Token, i int, words []string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for k := 1; k < len(words); k++ {
		if !strings.EqualFold(toks[i+k].Text(text), words[k]) {
			return false
		}
	}
	return true
}

// splitParticle reports a phrasal verb of two words whose particle
// follows the verb's object ("had driven the Somalis back", "shot two
// MiGs down", "beat the first assault off"): the particle within
// maxObject words after the verb, only words and numbers between.
// Particles are a closed class of English adverbs; the lexicon's entries
// say which verb takes which.
func splitParticle(text string, toks []textscan.Token, i int, words []string) bool {
	if len(words) != 2 {
		return false
	}
	switch words[1] {
	case "back", "off", "out", "away", "down", "up":
	default:
		return false
	}
	const maxObject = 4
	for k := i + 2; k < len(toks) && k <= i+1+maxObject; k++ {
		if strings.EqualFold(toks[k].Text(text), words[1]) {
			return true
		}
		if toks[k].Kind != textscan.Word && toks[k].Kind != textscan.Number {
			return false
		}
	}
	return false
}

// known reports whether the word w alone has a class in the lexicon.
func (lx *lexicon) known(w string) bool {
	toks := textscan.Scan(w, nil)
	if len(toks) != 1 {
		return false
	}
	return lx.annotate(w, toks, nil)[0].class != 0
}

// skipSection reports whether a heading names a section that holds no
// narrative (references, portrayal in media).
func (lx *lexicon) skipSection(heading string) bool {
	// An ASCII heading is lower-cased on the stack; the phrases are
	// searched for as bytes, without making a string of it.
	var buf [128]byte
	if low := textscan.Lower(buf[:], heading); low != nil {
		for _, s := range lx.skip {
			if bytes.Contains(low, []byte(s)) {
				return true
			}
		}
		return false
	}
	h := strings.ToLower(heading)
	for _, s := range lx.skip {
		if strings.Contains(h, s) {
			return true
		}
	}
	return false
}
