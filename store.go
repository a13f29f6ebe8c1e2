package annalist

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"unicode"
)

// Store keeps extracted Documents and answers the queries the server and
// the exporters make. SQLite (package sqlite) is the embedded default;
// PostgreSQL (package postgres) is the shared one, for many writers and
// readers. Both pass the same suite (package storetest), so the server
// and the extractors never know which they talk to.
//
// Ingest is the only method that writes. Every other method only reads and
// must keep working while an Ingest runs.
type Store interface {
	// Ingest stores doc, read from raw (the article's source bytes),
	// replacing any earlier version of the same article (same title) in
	// one transaction. An article whose title and SHA-256 are already
	// stored is skipped. On error nothing is changed.
	Ingest(ctx context.Context, doc *Document, raw []byte) (IngestResult, error)
	// IngestBatch stores several documents in one transaction, each one
	// all or nothing: a document that fails is left out (its error in
	// errs[i]) and the others are stored. err is an error of the whole
	// batch, after which nothing was stored.
	IngestBatch(ctx context.Context, items []IngestItem) (results []IngestResult, errs []error, err error)

	Articles(ctx context.Context) ([]ArticleSummary, error)
	// Article returns ErrNotFound for an unknown key.
	Article(ctx context.Context, key string) (*StoredArticle, error)
	Conflicts(ctx context.Context) ([]ConflictSummary, error)
	// Conflict returns ErrNotFound for an unknown key.
	Conflict(ctx context.Context, key string) (*StoredConflict, error)
	// Events returns one page of the events f selects, ordered by date.
	Events(ctx context.Context, f EventFilter) (EventPage, error)
	// EachEvent calls fn for every event f selects (Limit and Offset
	// apply when set), in date order, without holding them all in memory.
	EachEvent(ctx context.Context, f EventFilter, fn func(*StoredEvent) error) error
	// EachPoint is EachEvent for maps and timelines: only the fields
	// they draw, cheaply, for many thousands of events at once.
	EachPoint(ctx context.Context, f EventFilter, fn func(*EventPoint) error) error
	// Event returns ErrNotFound for an unknown key.
	Event(ctx context.Context, key string) (*StoredEvent, error)
	// Counts returns the number of events and their dead by year and side.
	Counts(ctx context.Context, f EventFilter) ([]YearSideCount, error)
	// Documents calls fn with every stored Document, in title order.
	Documents(ctx context.Context, fn func(*Document) error) error
	// Empty reports whether no article is stored.
	Empty(ctx context.Context) (bool, error)
	// Generation changes whenever an Ingest changes what is stored; the
	// server builds its ETags from it, so a client's cached answer stays
	// good until the data changes.
	Generation(ctx context.Context) (int64, error)
	Close() error
}

// ErrNotFound is returned by a Store for an unknown key.
var ErrNotFound = errors.New("not found")

// IngestItem is one document to store and the source text it was read from.
type IngestItem struct {
	Doc *Document
	Raw []byte
}

// IngestResult says what one Ingest did.
type IngestResult struct {
	Key       string `json:"key"`
	Skipped   bool   `json:"skipped"`  // same title and text were already stored
	Replaced  bool   `json:"replaced"` // an older version was removed
	Conflicts int    `json:"conflicts"`
	Events    int    `json:"events"`
	Claims    int    `json:"claims"`
}

// EventFilter selects events. The zero filter selects all of them.
type EventFilter struct {
	// From and To bound the events' dates: an event is selected when its
	// interval [DateStart.First, DateEnd.Last] meets [From.First, To.Last].
	// Events without a date are left out once either bound is set.
	From, To Date
	// Side selects events where either side names this state.
	Side string
	// BBox, when non-nil, selects events whose place lies inside it.
	BBox *BBox
	// Conflict is a conflict key (see ConflictSummary.Key).
	Conflict string
	// Query is a full-text query over the events' evidence: words, all of
	// which must occur; the last one may be a prefix.
	Query string
	// Limit 0 means no limit; Offset skips that many events.
	Limit, Offset int
	// AllSources lists every telling: by default an event that several
	// articles tell is listed once, as its merged row (MergedEvent).
	AllSources bool
}

// BBox is a bounding box in decimal degrees.
type BBox struct {
	MinLon, MinLat, MaxLon, MaxLat float64
}

// MaxTotal caps EventPage.Total: counting every match of a broad filter
// costs more than the page itself.
const MaxTotal = 1000

// EventPage is one page of an event query.
type EventPage struct {
	// Total is the number of events the filter selects, or MaxTotal with
	// TotalCapped set when there are more.
	Total       int           `json:"total"`
	TotalCapped bool          `json:"total_capped,omitempty"`
	Limit       int           `json:"limit"`
	Offset      int           `json:"offset"`
	Events      []StoredEvent `json:"events"`
}

// StoredEvent is an Event with where it was read from.
type StoredEvent struct {
	Key          string `json:"key"` // stable for the same article title and event ID
	ArticleKey   string `json:"article_key"`
	ArticleTitle string `json:"article_title"`
	ConflictName string `json:"conflict_name,omitempty"`
	Event        Event  `json:"event"`
	// NumberOfSources is, in a merged listing (EventFilter.AllSources
	// unset), how many articles tell the event; Event then holds the
	// merged values and Key the merged event's id. 0 when not asked.
	NumberOfSources int `json:"number_of_sources,omitempty"`
	// Merged is, from Store.Event, the merged event this telling belongs
	// to with all its sources; nil when no other article tells it.
	Merged *MergedEvent `json:"merged,omitempty"`
}

// EventPoint is the little of an event a map, a timeline or a list shows.
type EventPoint struct {
	Key string
	// First and Last are the DayNumbers of the first and last day the
	// event's dates cover; nil when it has none.
	First, Last        *int
	DateStart, DateEnd string // as the document gives them ("1937-06"), "" for none
	Lat, Lon           *float64
	// Deaths is the best estimate of all dead (Event.DeathsBest); nil
	// when the text gives no number.
	Deaths       *int
	Name         string
	Place        string
	SideA, SideB string // names joined with ", "
	ConflictName string
	// Sources is, in a merged listing, how many articles tell the event.
	Sources int
}

// ArticleSummary is a stored article without its text.
type ArticleSummary struct {
	Key    string `json:"key"`
	Title  string `json:"title"`
	Source string `json:"source"`
	Format string `json:"format"`
	SHA256 string `json:"sha256"`
	Events int    `json:"events"`
	Claims int    `json:"claims"`
}

// StoredArticle is an article's source text and its Document.
type StoredArticle struct {
	ArticleSummary
	Raw      []byte
	Document Document
}

// ConflictSummary is one row of the conflict list.
type ConflictSummary struct {
	Key          string `json:"key"`
	Name         string `json:"name"`
	Start        Date   `json:"start"`
	End          Date   `json:"end"`
	ArticleKey   string `json:"article_key"`
	ArticleTitle string `json:"article_title"`
	Events       int    `json:"events"`
}

// StoredConflict is an infobox record with the article it came from.
type StoredConflict struct {
	ConflictSummary
	Record Conflict `json:"record"`
}

// YearSideCount is the number of events of one year in which a side
// fought, and the dead of those events (summed best estimates, see
// Event.DeathsBest).
type YearSideCount struct {
	Year   int    `json:"year"`
	Side   string `json:"side"`
	Events int    `json:"events"`
	Deaths int    `json:"deaths"`
}

// SearchWords splits a full-text query (EventFilter.Query) into the words
// a store searches for: runs of letters and digits. Everything else is a
// separator, so no query can be a syntax error in a store's own language.
func SearchWords(q string) []string {
	return strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// ArticleKey returns the stable key of the article with this title. It
// survives re-ingesting new text, so links into the explorer keep working.
func ArticleKey(title string) string { return shortHash(title) }

// EventKey returns the stable key of an event of an article. It begins
// with the first half of the article's key, so that an article's events
// sit together in a store's index of keys (stored in one place, not
// scattered over it), and ends with half of a hash of the event's ID.
func EventKey(title, eventID string) string {
	return shortHash(title)[:8] + shortHash(title + "\x00" + eventID)[:8]
}

func shortHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:8])
}

// CountLow, CountBest and CountHigh read one Count the way UCDP GED's
// low/best/high columns need it. A one-sided range borrows the bound it
// has; best is the text's best estimate, else the low bound (the
// conservative reading, as GED's coders take it), else the high bound.
// The second result is false when c gives no number.
func CountLow(c *Count) (int, bool) {
	switch {
	case c == nil:
		return 0, false
	case c.Low != nil:
		return *c.Low, true
	case c.Best != nil:
		return *c.Best, true
	case c.High != nil:
		return *c.High, true
	}
	return 0, false
}

// CountBest: see CountLow.
func CountBest(c *Count) (int, bool) {
	switch {
	case c == nil:
		return 0, false
	case c.Best != nil:
		return *c.Best, true
	case c.Low != nil:
		return *c.Low, true
	case c.High != nil:
		return *c.High, true
	}
	return 0, false
}

// CountHigh: see CountLow.
func CountHigh(c *Count) (int, bool) {
	switch {
	case c == nil:
		return 0, false
	case c.High != nil:
		return *c.High, true
	case c.Best != nil:
		return *c.Best, true
	case c.Low != nil:
		return *c.Low, true
	}
	return 0, false
}

// DeathsTotal sums low, best and high over deaths_a, deaths_b,
// deaths_civilians and deaths_unknown, as UCDP GED's low/best/high do over
// its death columns. ok is false when none of them gives a number.
func (e *Event) DeathsTotal() (low, best, high int, ok bool) {
	for _, c := range []*Count{e.DeathsA, e.DeathsB, e.DeathsCivilians, e.DeathsUnknown} {
		l, okl := CountLow(c)
		b, _ := CountBest(c)
		h, _ := CountHigh(c)
		if okl {
			low, best, high, ok = low+l, best+b, high+h, true
		}
	}
	return low, best, high, ok
}

// DeathsBest returns the best estimate of the event's dead, 0 when none.
func (e *Event) DeathsBest() int {
	_, b, _, _ := e.DeathsTotal()
	return b
}
