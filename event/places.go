// Places: the place phrases of a sentence, ranked.

package event

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/textscan"
)

// capRun returns the token after the run of capitalized words at i; a
// hyphen glued between two words keeps the run going ("Kara-Suu",
// "Nizhne-Mikhaylovka").
func (x *article) capRun(text string, i int) int {
	toks := x.toks
	j := i
	for j < len(toks) && toks[j].Kind == textscan.Word && toks[j].Upper {
		j++
		// "Cartagena de Indias", "Río de la Plata": a particle between
		// capitalized words is part of the name.
		for k := j; k < len(toks) && k < j+2 && toks[k].Kind == textscan.Word && !toks[k].Upper && nameParticle(toks[k].Text(text)); k++ {
			if k+1 < len(toks) && toks[k+1].Kind == textscan.Word && toks[k+1].Upper {
				j = k + 1
				break
			}
		}
		if j+1 < len(toks) && toks[j].Kind == textscan.Dash && !toks[j].Space && !toks[j+1].Space && toks[j+1].Kind == textscan.Word {
			j++
			if !toks[j].Upper {
				j++ // "Kara-suu": the tail need not be capitalized
			}
		}
	}
	if j > i && j < len(toks) && toks[j].Kind == textscan.Number && x.tags[j-1].has(cPlaceNoun) {
		j++ // "Hill 1428", "Outpost 7": a feature named by its number
	}
	return j
}

// regionAt reports whether token i of s starts the name of a state
// founded after the conflict, which names a region ("raided Bulgaria" in
// 1789): a place, where a state's name is a party.
func (x *article) regionAt(s *sent, i int) bool {
	m := x.mentionOf[i]
	return m >= 0 && int(m) < len(s.parties) && s.parties[m].tok == i && s.parties[m].location && x.notYet(s.parties[m].canonical)
}

// readPlaces finds the place phrases of s: a capitalized name after a
// place preposition ("near Suifenho", "on the Amur River"), after a
// compass word and "of" with any distance before it ("about 20 kilometers
// north of Suifenho"), after "the village of", or a name holding a feature
// word ("Buir Lake").
func (x *article) readPlaces(s *sent) {
	toks, tags, text := x.toks, x.tags, s.text
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind != textscan.Word || !t.Upper || (i > 0 && toks[i-1].Kind == textscan.Word && toks[i-1].Upper) {
			continue
		}
		j := x.capRun(text, i)
		if i == 0 && j > 1 && tags[0].has(cPlacePrep) {
			// "At Tashkessen, on 4 May, …": the preposition that
			// opens the sentence is capitalized, not part of the name.
			i, t = 1, toks[1]
		}
		if x.isMention(i) && !x.regionAt(s, i) || x.inDate(s, i) {
			i = j - 1
			continue
		}
		if j == i+1 && determiner(t.Text(text)) {
			continue // "This river", "Its garrison": a sentence's first word
		}
		if j < len(toks) && tags[j].has(cNameHead) {
			i = j - 1
			continue
		}
		// "the Holmec border post", "the Ras Doumeira frontier post": a
		// noun of a border before the place noun is part of its name.
		borderPost := j+1 < len(toks) && !toks[j].Upper && !toks[j+1].Upper && tags[j].has(cLocation) && tags[j+1].has(cPlaceNoun) &&
			toks[j].Kind == textscan.Word && toks[j+1].Kind == textscan.Word
		if i > 0 && strings.EqualFold(toks[i-1].Text(text), "the") && j < len(toks) && toks[j].Kind == textscan.Word &&
			!toks[j].Upper && !tags[j].has(cPlaceNoun) && !borderPost && !isStopWord(strings.ToLower(toks[j].Text(text))) {
			i = j - 1 // "near the Buddhist temple": an adjective, not a name
			continue
		}
		end := toks[j-1].End
		if j < len(toks) && tags[j].has(cPlaceNoun) && !toks[j].Upper {
			end = toks[j].End // "the Olankhuduk region"
		} else if borderPost {
			end = toks[j+1].End
		}
		// "near al-Khobah", "at el-Alamein": an article glued on before
		// the name is part of it.
		first := i
		if i >= 2 && toks[i-1].Kind == textscan.Dash && !toks[i-1].Space && !t.Space && toks[i-2].Kind == textscan.Word && !toks[i-2].Upper &&
			nameParticle(toks[i-2].Text(text)) {
			first = i - 2
		}
		nameStart := toks[first].Start
		feature := false
		for k := i; k < j; k++ {
			if tags[k].has(cPlaceNoun) {
				feature = true
			}
		}
		p := first - 1
		if p >= 0 && strings.EqualFold(toks[p].Text(text), "the") {
			p--
		}
		start, weight := -1, 0
		away, reached := false, false
		switch {
		case p >= 1 && strings.EqualFold(toks[p].Text(text), "of") && tags[p-1].has(cFight) && !toks[p-1].Upper:
			// "the bombardment of Kinmen", "the siege of Buda"
			start, weight = nameStart, 30
		case j+1 < len(toks) && fallsTo(text, toks, j) && !isStopWord(strings.ToLower(t.Text(text))):
			// "Madrid fell to the Nationalists": the place taken.
			start, weight = nameStart, 30
		case j < len(toks) && x.fellAt(text, j) && !isStopWord(strings.ToLower(t.Text(text))):
			// "Cam Đường fell on 25 February": the place taken.
			start, weight = nameStart, 30
		case p >= 1 && (lowerIs(toks[p].Text(text), "to") || lowerIs(toks[p].Text(text), "on") || lowerIs(toks[p].Text(text), "upon")) && tags[p-1].has(cFight) && !toks[p-1].Upper && !fallsTo(text, toks, p-1):
			// "laid siege to Boquerón", "the assault on Kohima": where
			// the fighting was aimed
			start, weight = nameStart, 30
		case p >= 2 && strings.EqualFold(toks[p].Text(text), "of") && !toks[p-1].Upper && toks[p-1].Kind == textscan.Word && fightBefore(tags, p-1, 3):
			// "raided the warehouses of Rio-Hacha": what the fighting
			// struck stands in the named place.
			start, weight = toks[p-1].Start, 30
			if k := p - 2; k >= 0 && (lowerIs(toks[k].Text(text), "the") || lowerIs(toks[k].Text(text), "its")) {
				start = toks[k].Start
			}
			if partOfPlace(tags[p-1]) {
				start = nameStart // "sunk at the mouth of the Kara River"
			}
		case p >= 0 && tags[p].has(cFight|cTaking|cActiveCaptured) && !toks[p].Upper && p == i-1 && !tags[i].has(cPerson):
			// "they retook Jijiga", "stormed Kahlenberg", "Somali tanks
			// took Jijiga": the object of the fighting or the taking,
			// when it is no party (nor a rank: "captured Colonel Ruiz"), is
			// where it was.
			start, weight = nameStart, 12
		case p >= 0 && tags[p].has(cMove) && tags[p].length(cMove) == 1 && !toks[p].Upper && p == i-1 && !tags[i].has(cPerson) && !tags[j-1].has(cUnit) && !x.mentionIn(i, j) && strings.HasSuffix(toks[p].Text(text), "ed"):
			// "Marmont's corps … reached Znaim and attacked the
			// Austrians", "entered Kampala": where the troops came.
			start, weight, reached = nameStart, 10, true
		case p >= 1 && lowerIs(toks[p].Text(text), "between") && fightBefore(tags, p, 3) &&
			j+1 < len(toks) && lowerIs(toks[j].Text(text), "and") && toks[j+1].Upper && !x.isMention(j+1):
			// "the two armies met again between Lule Burgas and
			// Bunarhisar": the ground between two places.
			start, weight = toks[p].Start, 25
			end = toks[x.capRun(text, j+1)-1].End
			j = x.capRun(text, j+1)
		case p >= 1 && (lowerIs(toks[p].Text(text), "to") || lowerIs(toks[p].Text(text), "towards") || lowerIs(toks[p].Text(text), "toward")) &&
			(tags[p-1].has(cMove) || p >= 2 && tags[p-2].has(cMove) && tags[p-2].length(cMove) == 2):
			// "the PLA turned to Lạng Sơn", "marched towards Kampala":
			// where the troops were going.
			start, weight = toks[p].Start, 20
		case p >= 1 && tags[p].has(cPlacePrep) && tags[p-1].has(cMeeting):
			// "The talks in London broke down": where they talked.
		case p >= 0 && tags[p].has(cPlacePrep):
			start, weight = toks[p].Start, int(tags[p].weight)*10
			if end > toks[j-1].End {
				weight += 5
			}
		case p >= 1 && strings.EqualFold(toks[p].Text(text), "of") && tags[p-1].has(cDirection):
			k := p - 1
			// Back over a distance: "about 20 kilometers".
			for k > 0 && k >= p-4 && (toks[k-1].Kind == textscan.Number || (toks[k-1].Kind == textscan.Word && !toks[k-1].Upper && !tags[k-1].has(cPlacePrep|cFight) && isDistanceWord(toks[k-1].Text(text)))) {
				k--
			}
			start, weight = toks[k].Start, 50
			away = k < p-1 || conversionBefore(text, toks, p-1)
		case p >= 1 && strings.EqualFold(toks[p].Text(text), "of") && (tags[p-1].has(cPlaceNoun) || tags[p-1].has(cDefences) && p >= 2 && lowerIs(toks[p-2].Text(text), "the")):
			// "the village of Tauran"; "the batteries of Humaitá", "the
			// lines of Torres Vedras": works that stand there (not "a
			// line of World War I field fortifications").
			k := p - 1
			for k > 0 && k >= p-3 && toks[k-1].Kind == textscan.Word && !toks[k-1].Upper {
				k--
				if w := toks[k].Text(text); w == "the" || w == "a" {
					break
				}
			}
			start, weight = toks[k].Start, 40
			if partOfPlace(tags[p-1]) {
				// "the slopes of Brdica", "the mouth of the Chagres
				// River": a part of the place named, which is the place;
				// a work or settlement there says more.
				start, weight = nameStart, 35
			}
		case p < 0 && !tags[i].has(cPerson) && x.passiveTarget(text, j) > 0 && !subjectWord(t.Text(text)) && !x.mentionIn(i, j):
			// "Igueriben, a small post south of Annual, was surrounded",
			// "Rostov was recaptured": the subject the fighting struck,
			// where the clash was; the place its appositive gives is
			// only where that lies.
			start, weight = nameStart, x.passiveTarget(text, j)
		case feature:
			start, weight = nameStart, 20
		case end > toks[j-1].End:
			start, weight = nameStart, 15 // "the Olankhuduk region"
			if i > 0 && strings.EqualFold(toks[i-1].Text(text), "the") {
				start = toks[i-1].Start
			}
		}
		if start >= 0 {
			s.places = append(s.places, placeCand{
				text:    text[start:end],
				span:    s.blk.SourceSpan(annalist.Span{Start: s.span.Start + start, End: s.span.Start + end}),
				weight:  weight,
				away:    away,
				reached: reached,
			})
		}
		i = j - 1
	}
}

// partOfPlace reports a noun of a part of a place ("slopes", "mouth",
// "outskirts"; a place noun of weight 1 in the lexicon): the place is the
// name it is of.
func partOfPlace(t tag) bool {
	return t.has(cPlaceNoun) && t.weight == 1
}

// wayNoun reports a place noun of a way travelled along ("the road"): to
// take one is to go by it, not to seize it.
func wayNoun(t tag) bool {
	return t.has(cPlaceNoun) && t.weight == 2
}

// passiveTarget returns the weight of a name as a place when a passive
// verb of fighting or taking follows it at token k (25: "Rostov was
// recaptured", "Degehabur was taken"),
// or after an appositive that starts there (55: "Igueriben, a post south
// of Annual, was surrounded"), else 0.
func (x *article) passiveTarget(text string, k int) int {
	toks := x.toks
	weight := 25
	if k < len(toks) && toks[k].Text(text) == "," {
		n := k + 1
		for n < len(toks) && n <= k+12 && toks[n].Text(text) != "," {
			n++
		}
		if n >= len(toks) || n > k+12 {
			return 0
		}
		k, weight = n+1, 55
	}
	// One place takes "was"; "Arsenals were raided" names things.
	if k+1 < len(toks) && (lowerIs(toks[k].Text(text), "was") || weight > 25 && lowerIs(toks[k].Text(text), "were")) && (x.fightVerb(text, k+1) || x.tags[k+1].has(cTaking|cActiveCaptured)) {
		return weight
	}
	return 0
}

// mentionIn reports a party named among tokens i to j ("The Nigerians").
func (x *article) mentionIn(i, j int) bool {
	for k := i; k < j; k++ {
		if x.isMention(k) {
			return true
		}
	}
	return false
}

// subjectWord reports a capitalized word that opens a subject but names
// no place: an article or a pronoun ("The", "He", "They").
func subjectWord(w string) bool {
	if determiner(w) || subjectPronoun(w) {
		return true
	}
	for _, s := range [...]string{"the", "a", "an", "he", "she", "we", "his", "her"} {
		if lowerIs(w, s) {
			return true
		}
	}
	return false
}

// conversionBefore reports a distance given in another unit in brackets
// right before token k ("16 kilometres (10 mi) north of"): a distance
// stands before the direction.
func conversionBefore(text string, toks []textscan.Token, k int) bool {
	if k < 3 || text[toks[k-1].Start] != ')' {
		return false
	}
	for j := k - 2; j >= 1 && j >= k-5; j-- {
		if text[toks[j].Start] == '(' {
			return toks[j-1].Kind == textscan.Word && isDistanceWord(toks[j-1].Text(text))
		}
	}
	return false
}

func isDistanceWord(w string) bool {
	switch strings.ToLower(w) {
	case "about", "some", "approximately", "around", "roughly", "nearly", "almost",
		"kilometers", "kilometres", "km", "miles", "mi", "meters", "metres", "m", "yards", "versts", "li":
		return true
	}
	return false
}

// inDate reports whether token i lies in a time expression of s.
func (x *article) inDate(s *sent, i int) bool {
	w := x.toks[i].Text(s.text)
	switch w {
	case "January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December":
		return true
	}
	return false
}

func samePlace(a, b string) bool {
	// "At the Holmec crossing" opening one sentence is "at the Holmec
	// crossing" in another.
	return containsFold(a, b) || containsFold(b, a)
}

// placeName returns a place phrase from its first capitalized word that
// is no preposition on: "Kamen" of "near Kamen", "Zembrian camp at
// Kamen" of "the Zembrian camp at Kamen", so that the phrases of one
// place meet.
func placeName(p string) string {
	for rest := p; rest != ""; {
		w, after, _ := strings.Cut(rest, " ")
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && !isPrepBefore(w) && !lowerIs(w, "near") && !lowerIs(w, "off") && !lowerIs(w, "the") {
			return rest
		}
		rest = after
	}
	return p
}

// containsFold reports whether sub stands in s, case aside, without
// allocating: place phrases are short, and asked about often.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// toldBack reports a place named by a definite noun alone ("The castle",
// "the walled town"): the place told before, not another.
func toldBack(p string) bool {
	w, rest, ok := strings.Cut(p, " ")
	if !ok || !strings.EqualFold(w, "the") {
		return false
	}
	for _, w := range strings.Fields(rest) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func bestPlace(ps []placeCand) placeCand {
	best := ps[0]
	for _, p := range ps[1:] {
		if p.weight > best.weight {
			best = p
		}
	}
	return best
}

// determiner reports a demonstrative determiner or "its", "their", in any
// case: capitalized at a sentence's start ("This river", "This
// offensive"), it opens no name. "My" and "His" are left out: they open
// names ("My Lai").
func determiner(w string) bool {
	// Told by length and first letter before any comparison: asked of
	// every name that starts a run of capitalized words.
	if len(w) < 3 || len(w) > 5 || w[0]|0x20 != 't' && w[0]|0x20 != 'i' {
		return false
	}
	return lowerIs(w, "this") || lowerIs(w, "that") || lowerIs(w, "these") || lowerIs(w, "those") || lowerIs(w, "its") || lowerIs(w, "their")
}

// nameParticle reports the lower-case words that stand inside names of
// places ("de" of "Cartagena de Indias").
func nameParticle(w string) bool {
	// Asked of the word after every capitalized one: most fail on length
	// or first letter before the string compares.
	if len(w) == 0 || len(w) > 3 {
		return false
	}
	switch w[0] {
	case 'd', 'l', 'v', 'a', 'e', 'y':
	default:
		return false
	}
	switch w {
	case "de", "del", "da", "do", "dos", "das", "di", "la", "le", "les", "du", "des", "van", "von", "der", "den", "al", "el", "y":
		return true
	}
	return false
}

// fightBefore reports a word of fighting among the n tokens before i.
func fightBefore(tags []tag, i, n int) bool {
	for k := i - 1; k >= 0 && k >= i-n; k-- {
		if tags[k].has(cFight) {
			return true
		}
	}
	return false
}

// fallsTo reports "fell to" or "falls to" at token k: a place taken by
// the force named after it.
func fallsTo(text string, toks []textscan.Token, k int) bool {
	w := toks[k].Text(text)
	return (lowerIs(w, "fell") || lowerIs(w, "falls")) && k+1 < len(toks) && lowerIs(toks[k+1].Text(text), "to")
}
