package infobox

import (
	"strings"

	"github.com/annalist/annalist/actor"
)

// combatants is what a side's combatant lines say.
type combatants struct {
	present bool     // the side has a combatant line
	slots   []string // names in order; "" marks a name lost in the rendering
	lost    int      // how many names were lost
	// supporters are the names after a support qualifier ("Supported
	// by:"): on the side, but not belligerents.
	supporters []string
	// at is the table of states at the conflict's start: a state's
	// official name is kept as written where the state of its common
	// name did not exist then (see appendCanonical).
	at statesAt
}

// names returns the names that survived, in order.
func (c *combatants) names() []string {
	n := c.nameCount()
	if n == 0 {
		return nil
	}
	out := make([]string, 0, n)
	for _, s := range c.slots {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// nameCount returns how many names survived.
func (c *combatants) nameCount() int {
	n := 0
	for _, s := range c.slots {
		if s != "" {
			n++
		}
	}
	return n
}

// readCombatants reads a combatant line. Empty items and bare image
// leftovers are names the rendering lost (flag icons); support qualifiers
// ("Armament support by:", "Diplomatic support by:") and what follows them
// are not belligerents, nor are notes such as "(on behalf of …)".
func readCombatants(v string, actors *actor.Table, c *combatants) {
	c.present = true
	if strings.TrimSpace(v) == "" {
		// "- Combatant2:" with nothing after it: the one name there was
		// a flag the rendering lost.
		c.slots = append(c.slots, "")
		c.lost++
		return
	}
	var buf [32]item
	support := false
	items := splitList(v, buf[:0])
	if c.slots == nil {
		c.slots = make([]string, 0, len(items))
	}
	for _, it := range items {
		raw := trimItem(it).text
		s := cleanItem(it).text
		if strings.HasSuffix(s, ":") {
			support = isSupportHeader(s)
			if name := plainSpaces(stripParens(strings.TrimSuffix(s, ":"))); !support && actors != nil && name != "" {
				if _, _, ok := actors.Lookup(name); ok {
					// "NATO (from 24 March 1999):" heading its members:
					// the alliance fought, as they did.
					c.slots = appendCanonical(c.slots, name, actors, c.at)
				}
			}
			continue
		}
		if support {
			if name := plainSpaces(stripParens(s)); name != "" && hasLetter(name) && !strings.HasSuffix(name, ":") {
				c.supporters = appendCanonical(c.supporters, name, actors, c.at)
			}
			continue
		}
		if _, ok := parenthesized(s); ok {
			continue
		}
		s = plainSpaces(stripParens(s))
		if s == "" || !hasLetter(s) {
			if raw == "" || s == "" {
				c.slots = append(c.slots, "")
				c.lost++
			}
			continue
		}
		if low := strings.ToLower(s); strings.HasPrefix(low, "supported by") || strings.HasPrefix(low, "support:") {
			support = true
			continue
		}
		if i := inlineSupport(s); i > 0 {
			// "Chad Supported by: France", the line break lost: Chad
			// fought, France only helped.
			if rest := strings.TrimSpace(s[i:]); strings.Contains(rest, ":") {
				if name := strings.TrimSpace(rest[strings.IndexByte(rest, ':')+1:]); name != "" && hasLetter(name) {
					c.supporters = appendCanonical(c.supporters, name, actors, c.at)
				}
			}
			s, support = strings.TrimSpace(s[:i]), true
		}
		// The article's own name wins where it names a state of its time
		// ("Dutch Republic", "Spanish Empire", "Upper Volta"): a former
		// state is not its successor. Official names, abbreviations and
		// adjectives of a state take its common short name ("Republic of
		// India", "USSR").
		c.slots = appendCanonical(c.slots, s, actors, c.at)
	}
}

// splitKnown cuts an item that runs two names together, where the
// rendering lost the flag or line break between them ("Kingdom of Italy
// Eritrean Ascari", "Soviet Union Mongolia"): a state the table knows
// opening or closing the item, the rest a capitalised name. An item the
// table knows whole, or with no such state in it, is one name.
func splitKnown(s string, actors *actor.Table) []string {
	if actors == nil {
		return []string{s}
	}
	if _, _, ok := actors.Lookup(s); ok {
		return []string{s}
	}
	words := strings.Fields(s)
	if len(words) < 2 {
		return []string{s}
	}
	state := func(w []string) bool {
		_, kind, ok := actors.Lookup(strings.Join(w, " "))
		return ok && (kind == actor.KindState || kind == actor.KindFormer || kind == actor.KindAbbreviation)
	}
	// The rest must be a name of its own: one the table knows, or of two
	// capitalised words or more ("Eritrean Ascari"), not "Forces".
	name := func(w []string) bool {
		if _, _, ok := actors.Lookup(strings.Join(w, " ")); ok {
			return true
		}
		if len(w) < 2 {
			return false
		}
		for _, x := range w {
			if x == "" || x[0] < 'A' || x[0] > 'Z' {
				return false
			}
		}
		// "Kosovo Liberation Army": a body's name headed by a word of
		// statehood or arms and naming no one of its own is bound to the
		// place before it; "Mongolian People's Army" names its people.
		if actor.StatehoodWord(w[len(w)-1]) {
			for _, x := range w {
				if _, _, ok := actors.Lookup(x); ok {
					return true
				}
			}
			return false
		}
		return true
	}
	adjective := func(w []string) bool {
		_, kind, ok := actors.Lookup(strings.Join(w, " "))
		return ok && (kind == actor.KindAdjective || kind == actor.KindDemonym) // "British" is both
	}
	// The longest known state at the start, else the longest at the end;
	// none where it is bound into a longer name ("Kingdom of Great
	// Britain" holds "Great Britain" and "Britain").
	for n := len(words) - 1; n >= 1; n-- {
		if state(words[:n]) {
			if connective(words[n]) || !name(words[n:]) {
				break
			}
			return append([]string{strings.Join(words[:n], " ")}, splitKnown(strings.Join(words[n:], " "), actors)...)
		}
	}
	for n := 1; n < len(words); n++ {
		if state(words[n:]) {
			if connective(words[n-1]) || !name(words[:n]) || adjective(words[:n]) {
				// Not "British America", "French Indochina": a state's
				// adjective before a land names a possession.
				break
			}
			return append(splitKnown(strings.Join(words[:n], " "), actors), strings.Join(words[n:], " "))
		}
	}
	return []string{s}
}

// connective reports a word that binds the words around it into one name
// ("Republic of Korea", "Trinidad and Tobago").
func connective(w string) bool {
	switch strings.ToLower(w) {
	case "of", "and", "the", "de", "del", "la", "for":
		return true
	}
	return false
}

// inlineSupport returns where a capitalised support header starts inside
// item s, after a name ("Chad Supported by: France"), or -1.
func inlineSupport(s string) int {
	best := -1
	for _, h := range [...]string{" Supported by", " Support:", " Backed by", " Aided by", " Assisted by", " Diplomatic support", " Armament support", " Logistic support", " Logistical support", " Military support", " Financial support"} {
		if i := strings.Index(s, h); i > 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

// isSupportHeader reports whether a header introduces states that helped a
// side without fighting ("Armament support by:", "Supported by:").
func isSupportHeader(h string) bool {
	low := strings.ToLower(h)
	for _, w := range [...]string{"support", "backed by", "aided by", "assisted by", "advis", "sponsor", "in cooperation", "logistic", "funded", "arms by", "armament"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// appendCanonical appends to names the states of one combatant item,
// each once: the parts splitKnown finds, by the table's common short name
// for an official name, an abbreviation or an adjective, and as written
// for a former state's and a chartered company's. An official name is
// kept as written where at says the common name's state did not exist
// yet: the "Kingdom of Norway" of 1066 is not the Norway of 1905.
func appendCanonical(names []string, item string, actors *actor.Table, at statesAt) []string {
	for _, part := range splitKnown(item, actors) {
		name := part
		if actors != nil {
			if canonical, kind, ok := actors.Lookup(part); ok && kind != actor.KindFormer && kind != actor.KindCompany && !(kind == actor.KindState && canonical != part && !at.existed(canonical)) {
				name = canonical
			}
		}
		if !contains(names, name) {
			names = append(names, name)
		}
	}
	return names
}
