package infobox

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

//go:embed words.tsv
var wordsTSV string

// lexicon holds the word tables of words.tsv, read once and only read after.
type lexicon struct {
	fates    map[string]string // mark → fate
	statusAs map[string]string // status word → the annotation's word

	titles       map[string]bool
	styles       map[string]bool
	hostile      map[string]bool
	moveInto     map[string]bool
	ally         map[string]bool
	mediator     map[string]bool
	mediatorBy   map[string]bool
	groupHeaders map[string]bool
	attributions map[string]bool
	notes        map[string]bool
	qualifiers   map[string]bool
	status       map[string]bool
	statusStop   map[string]bool
	personnel    map[string]bool
	nonCombat    map[string]bool
	measures     map[string]bool
	forceNouns   map[string]bool
	seats        map[string]bool
	locatives    map[string]bool
	compass      map[string]bool
	nameJoiners  map[string]bool
	polities     map[string]bool
	peerage      map[string]bool

	// leadScratch lends leadCandidates its token, mention and depth
	// buffers, so reading a lead allocates nothing per sentence. A pool
	// (not one buffer) keeps the lexicon safe for concurrent Extractors.
	leadScratch sync.Pool
}

// parseLexicon reads a words.tsv file; name says where it came from in
// errors.
func parseLexicon(name, src string) (*lexicon, error) {
	w := &lexicon{fates: map[string]string{}, statusAs: map[string]string{}}
	sets := map[string]*map[string]bool{
		"title": &w.titles, "style": &w.styles, "hostile": &w.hostile, "move-into": &w.moveInto, "ally": &w.ally, "mediator": &w.mediator, "mediator-by": &w.mediatorBy, "group-header": &w.groupHeaders, "attribution": &w.attributions,
		"note": &w.notes, "qualifier": &w.qualifiers, "status": &w.status,
		"status-stop": &w.statusStop, "personnel": &w.personnel, "non-combatant": &w.nonCombat, "measure": &w.measures,
		"force-noun": &w.forceNouns, "seat": &w.seats, "locative": &w.locatives, "compass": &w.compass,
		"name-joiner": &w.nameJoiners, "polity": &w.polities, "peerage": &w.peerage,
	}
	for _, m := range sets {
		*m = map[string]bool{}
	}
	values := map[string]map[string]string{"fate": w.fates, "status-as": w.statusAs}
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 || cols[0] == "" {
			return nil, fmt.Errorf("%s line %d: want word<TAB>class, got %q", name, n+1, line)
		}
		if m, ok := values[cols[1]]; ok {
			if len(cols) < 3 || cols[2] == "" {
				return nil, fmt.Errorf("%s line %d: class %s needs a value", name, n+1, cols[1])
			}
			m[cols[0]] = cols[2]
			continue
		}
		m, ok := sets[cols[1]]
		if !ok {
			return nil, fmt.Errorf("%s line %d: unknown class %q", name, n+1, cols[1])
		}
		(*m)[cols[0]] = true
	}
	return w, nil
}
