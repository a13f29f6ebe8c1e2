package annalist

// A clash told by several articles (a paragraph of a war's article, the
// battle's own article, a passage of a wider war's) is one MergedEvent:
// every telling stays stored as the Event its article gave, and the merged
// row adds the values read across them, as UCDP GED codes one row per
// event with number_of_sources and a low/best/high range.

import "context"

// Merger is a Store that resolves the tellings of one clash across
// articles into merged events (package resolve), at ingest and over the
// whole store. Both stores (SQLite and PostgreSQL) are Mergers.
type Merger interface {
	// Merge redoes every merged event of the store; progress, when
	// non-nil, is called now and then with the dated events read and
	// their total.
	Merge(ctx context.Context, progress func(done, total int)) (MergeStats, error)
	// ExplainPair returns the resolver's judgement of two stored
	// tellings (by event key), whether or not it joined them.
	ExplainPair(ctx context.Context, keyA, keyB string) (PairVerdict, error)
	// EachMerged calls fn with every merged event (two or more
	// sources), in the order of their keys.
	EachMerged(ctx context.Context, fn func(*MergedEvent) error) error
}

// MergeStats says what a Merger's Merge did.
type MergeStats struct {
	Tellings int // events read
	Judged   int // candidate pairs weighed
	Merged   int // merged events written (two or more sources each)
}

// MergedEvent is one clash with every article that tells it.
type MergedEvent struct {
	// Key is the merged event's id: the key of its representative
	// telling (see Event), so that an event told by one article keeps its
	// own key and the same set of tellings always gets the same id.
	Key string `json:"key"`
	// Event holds the merged values: the most precise date and place
	// among the sources, sides as the representative telling orients
	// them (names of every telling added), and per-side counts as ranges
	// over the sources. Its evidence is the representative telling's.
	Event           Event `json:"event"`
	NumberOfSources int   `json:"number_of_sources"`
	// Sources are the tellings, most specific first.
	Sources []EventSource `json:"sources"`
	// Disputes are counts on which the sources disagree beyond
	// DisputeFactor: flagged here, never averaged.
	Disputes []Dispute `json:"disputes,omitempty"`
	// Pairs explains, for each pair of tellings the resolver weighed
	// inside this event's neighbourhood, why it joined them or not.
	Pairs []PairVerdict `json:"pairs,omitempty"`
}

// DisputeFactor is how far apart two sources' figures for the same count
// may be before the merged event flags them: the highest low of any
// source more than this many times the lowest high of any other.
const DisputeFactor = 2.0

// Specificity says how closely a telling's article is about the clash:
// the battle's own article over a section named after it, over a passage
// of a wider war's summary.
type Specificity int

const (
	SpecMention Specificity = 1 // a passage of an article about something wider
	SpecSection Specificity = 2 // a section named after the clash, or one linking to its article
	SpecOwn     Specificity = 3 // the clash's own article
)

func (s Specificity) String() string {
	switch s {
	case SpecOwn:
		return "own article"
	case SpecSection:
		return "section"
	}
	return "mention"
}

// MarshalText writes the specificity's name.
func (s Specificity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads what MarshalText writes.
func (s *Specificity) UnmarshalText(b []byte) error {
	switch string(b) {
	case "own article":
		*s = SpecOwn
	case "section":
		*s = SpecSection
	default:
		*s = SpecMention
	}
	return nil
}

// EventSource is one telling of a merged event.
type EventSource struct {
	EventKey     string      `json:"event_key"`
	ArticleKey   string      `json:"article_key"`
	ArticleTitle string      `json:"article_title"`
	Specificity  Specificity `json:"specificity"`
	// Flipped is set when this telling names the sides the other way
	// round from the merged event (its side_a is the merged side_b).
	Flipped bool `json:"flipped,omitempty"`
	// Event is the telling as its article gave it: sentences, counts,
	// according_to.
	Event Event `json:"event"`
	// Figures are the counts this source gives, credited to the merged
	// event's sides: the telling's own, and for a clash's own article
	// the casualties of its infobox.
	Figures []SourceFigure `json:"figures"`
}

// SourceFigure is one count a source gives for a merged event.
type SourceFigure struct {
	// Field is the merged event's column it bears on: "deaths_a",
	// "wounded_b", "deaths_unknown", ...
	Field string `json:"field"`
	// From is "event" for a count of the telling, "infobox" for a
	// casualty figure of its article's infobox.
	From        string  `json:"from"`
	AccordingTo *string `json:"according_to"`
	Count
}

// Dispute flags a count on which sources disagree.
type Dispute struct {
	Field string `json:"field"`
	// Low is the lowest high among the sources, High the highest low;
	// Factor is High/Low.
	Low    int     `json:"low"`
	High   int     `json:"high"`
	Factor float64 `json:"factor"`
	// LowFrom and HighFrom are the event keys of the sources that gave
	// them.
	LowFrom  string `json:"low_from"`
	HighFrom string `json:"high_from"`
}

// PairVerdict is the resolver's explained judgement of two tellings.
type PairVerdict struct {
	A       string   `json:"a"` // event keys, A < B
	B       string   `json:"b"`
	Score   int      `json:"score"`
	Same    bool     `json:"same"`   // the rule finds them the same clash
	Joined  bool     `json:"joined"` // ... and they ended in the same merged event
	Why     string   `json:"why"`
	Reasons []Reason `json:"reasons"`
}

// Reason is one criterion of a PairVerdict.
type Reason struct {
	Criterion string `json:"criterion"` // "article", "date", "dyad", "place", "name"
	Points    int    `json:"points"`
	// Veto is set when the criterion alone keeps the pair apart.
	Veto   bool   `json:"veto,omitempty"`
	Detail string `json:"detail"`
}
