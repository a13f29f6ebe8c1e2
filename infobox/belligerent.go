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
			continue
		}
		if support {
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
		// The article's own name wins where it names a state of its time
		// ("Dutch Republic", "Spanish Empire", "Upper Volta"): a former
		// state is not its successor. Official names, abbreviations and
		// adjectives of a state take its common short name ("Republic of
		// India", "USSR").
		name := s
		if actors != nil {
			if canonical, kind, ok := actors.Lookup(s); ok && kind != actor.KindFormer {
				name = canonical
			}
		}
		dup := false
		for _, x := range c.slots {
			if x == name {
				dup = true
			}
		}
		if !dup {
			c.slots = append(c.slots, name)
		}
	}
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
