// Package resolve decides which events of different articles tell the
// same clash, and merges them into one row (annalist.MergedEvent).
//
// Two tellings are the same clash when their dates overlap at their
// precision, their dyads share a state on each side, their places agree,
// and their names (where given) do not tell them apart; each criterion
// adds points or vetoes the pair, and every judgement (Rule.Judge) says
// which criteria matched and why the pair was joined or not. Tellings of
// one article are never joined: an article tells a clash once.
//
// Resolution is a function of the set of tellings, not of the order they
// arrive in: pairs are joined greedily in a canonical order (best score
// first, then by key) inside each connected group of candidates, and a
// merged event's id is the key of a member chosen by a fixed rule. So
// ingesting articles in any order, in one run or many, gives the same
// merged events with the same ids.
//
// Candidates come from an index of date × state (Stream keeps the
// tellings whose dates are still open, by the states they name), never
// from all pairs, and memory holds only the tellings open at the date
// being read.
package resolve

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/gazetteer"
)

//go:embed words.tsv
var wordsTSV []byte

// Rule holds the words the resolver reads names and casualty statuses by
// (words.tsv).
type Rule struct {
	generic map[string]bool
	aliases []string
	// statuses maps a status word to the count it bears on ("deaths",
	// "wounded", ...), in the file's order.
	statuses []statusWord
}

type statusWord struct{ word, kind string }

// New reads the rule's embedded word list.
func New() (*Rule, error) { return parseWords(wordsTSV, "resolve/words.tsv") }

func parseWords(data []byte, name string) (*Rule, error) {
	r := &Rule{generic: map[string]bool{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		kind, word, ok := strings.Cut(text, "\t")
		word = strings.TrimSpace(word)
		if !ok || word == "" {
			return nil, fmt.Errorf("%s:%d: want kind<TAB>word, got %q", name, line, text)
		}
		switch kind {
		case "generic":
			r.generic[gazetteer.Fold(word)] = true
		case "alias":
			r.aliases = append(r.aliases, strings.ToLower(word))
		case "deaths", "wounded", "captured", "missing":
			r.statuses = append(r.statuses, statusWord{strings.ToLower(word), kind})
		default:
			return nil, fmt.Errorf("%s:%d: unknown kind %q", name, line, kind)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return r, nil
}

// Telling is one article's event, as the resolver sees it.
type Telling struct {
	Key          string // the store's event key
	ArticleKey   string
	ArticleTitle string
	Event        annalist.Event
	// Conflict is the infobox record of the telling's article, or nil:
	// a clash's own article gives its casualties there.
	Conflict *annalist.Conflict
	// Links are titles of articles the telling's section points to
	// ("Main article: Battle of X", {{Main|Battle of X}}).
	Links []string

	p *prepared
}

// prepared is what Judge reads of a telling, computed once.
type prepared struct {
	dated       bool
	first, last int // day numbers
	prec        annalist.Precision
	sideA       []string // folded state names
	sideB       []string
	hasPoint    bool
	lat, lon    float64
	wherePrec   int
	gazID       string
	names       []string // keys of its own names and aliases
	hints       []string // keys of its section headings and links
	spec        annalist.Specificity
}

// Prepare computes what Judge reads of t. Judge prepares tellings
// itself; calling Prepare first lets many goroutines judge them.
func (r *Rule) Prepare(t *Telling) {
	if t.p != nil {
		return
	}
	p := &prepared{}
	e := &t.Event
	if !e.DateStart.IsZero() {
		end := e.DateEnd
		if end.IsZero() {
			end = e.DateStart
		}
		p.dated = true
		p.first, p.last = e.DateStart.First().DayNumber(), end.Last().DayNumber()
		p.prec = min(e.DateStart.Prec, end.Prec)
		if p.last < p.first { // an end before the start: read the start alone
			p.last = p.first
		}
	}
	p.sideA, p.sideB = foldAll(e.SideA), foldAll(e.SideB)
	if pl := e.Place; pl != nil && pl.Lat != nil && pl.Lon != nil && !math.IsNaN(*pl.Lat) && !math.IsNaN(*pl.Lon) {
		p.hasPoint, p.lat, p.lon, p.wherePrec = true, *pl.Lat, *pl.Lon, pl.WherePrec
		if pl.Gazetteer != nil {
			p.gazID = pl.Gazetteer.ID
		}
	}
	if e.Name != nil {
		p.names = appendKey(p.names, r.NameKey(*e.Name))
		for _, a := range r.aliasesIn(e, *e.Name) {
			p.names = appendKey(p.names, r.NameKey(a))
		}
	}
	title := r.NameKey(t.ArticleTitle)
	conflict := ""
	if t.Conflict != nil {
		conflict = r.NameKey(t.Conflict.Name)
	}
	p.spec = annalist.SpecMention
	if title != "" && (slices.Contains(p.names, title) || (conflict != "" && slices.Contains(p.names, conflict))) {
		p.spec = annalist.SpecOwn
	}
	for _, ev := range e.Evidence {
		if k := r.NameKey(ev.Section); k != "" {
			p.hints = appendKey(p.hints, k)
			if p.spec == annalist.SpecMention && slices.Contains(p.names, k) {
				p.spec = annalist.SpecSection
			}
		}
	}
	for _, l := range t.Links {
		p.hints = appendKey(p.hints, r.NameKey(l))
		if p.spec == annalist.SpecMention {
			p.spec = annalist.SpecSection
		}
	}
	t.p = p
}

func appendKey(keys []string, k string) []string {
	if k == "" || slices.Contains(keys, k) {
		return keys
	}
	return append(keys, k)
}

func foldAll(names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		if k := gazetteer.Fold(n); k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// NameKey returns the key two names of one clash share: folded, without
// bracketed parts ("(1938)") or the generic words of words.tsv, so that
// "Battle of Lake Khasan" and "Lake Khasan incident" both key as
// "lake khasan". It returns "" when nothing specific is left.
func (r *Rule) NameKey(name string) string {
	var b strings.Builder
	depth := 0
	for _, c := range name {
		switch c {
		case '(', '[':
			depth++
		case ')', ']':
			depth = max(0, depth-1)
		default:
			if depth == 0 {
				b.WriteRune(c)
			}
		}
	}
	words := strings.Fields(gazetteer.Fold(b.String()))
	kept := words[:0]
	for _, w := range words {
		if !r.generic[w] {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}

// aliasesIn returns the other names the event's evidence gives the clash
// it names: in a sentence that names it, the words after "also known as"
// (words.tsv), up to a bracket or a punctuation mark.
func (r *Rule) aliasesIn(e *annalist.Event, name string) []string {
	var out []string
	lname := strings.ToLower(name)
	for _, ev := range e.Evidence {
		lower := strings.ToLower(ev.Text)
		if len(lower) != len(ev.Text) || !strings.Contains(lower, lname) {
			continue // ToLower changed byte offsets, or the sentence is about something else
		}
		for _, phrase := range r.aliases {
			for from := 0; ; {
				i := strings.Index(lower[from:], phrase)
				if i < 0 {
					break
				}
				from += i + len(phrase)
				if a := aliasAt(ev.Text[from:]); a != "" {
					out = append(out, a)
				}
			}
		}
	}
	return out
}

// aliasAt reads a name at the start of s: after spaces, "the" and
// quotes, up to a bracket, a quote or punctuation, at most eight words;
// "" unless it begins with a capital letter.
func aliasAt(s string) string {
	s = strings.TrimLeft(s, " ")
	if t, ok := strings.CutPrefix(s, "the "); ok {
		s = t
	}
	s = strings.TrimLeft(s, "\"“'‘ ")
	end := strings.IndexAny(s, "()[],;:.\"“”'’‘")
	if end >= 0 {
		s = s[:end]
	}
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 8 || !startsUpper(words[0]) {
		return ""
	}
	return strings.Join(words, " ")
}

func startsUpper(w string) bool {
	for _, c := range w {
		return c >= 'A' && c <= 'Z' || c > 0x7f && strings.ToUpper(string(c)) == string(c) && strings.ToLower(string(c)) != string(c)
	}
	return false
}
