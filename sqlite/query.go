package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/resolve"
)

// Empty reports whether no article is stored.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	var n int
	if err := s.reader.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM articles)`).Scan(&n); err != nil {
		return false, fmt.Errorf("count articles: %w", err)
	}
	return n == 0, nil
}

// Generation returns the number of ingests that changed the database.
func (s *Store) Generation(ctx context.Context) (int64, error) {
	var n int64
	if err := s.reader.QueryRowContext(ctx, `SELECT n FROM generation`).Scan(&n); err != nil {
		return 0, fmt.Errorf("read generation: %w", err)
	}
	return n, nil
}

// Articles lists the stored articles by title.
func (s *Store) Articles(ctx context.Context) ([]annalist.ArticleSummary, error) {
	rows, err := s.reader.QueryContext(ctx, `SELECT key, title, source, format, sha256, n_events, n_claims FROM articles ORDER BY title`)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	out := []annalist.ArticleSummary{}
	for rows.Next() {
		var a annalist.ArticleSummary
		if err := rows.Scan(&a.Key, &a.Title, &a.Source, &a.Format, &a.SHA256, &a.Events, &a.Claims); err != nil {
			return nil, fmt.Errorf("list articles: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Article returns an article's text and Document.
func (s *Store) Article(ctx context.Context, key string) (*annalist.StoredArticle, error) {
	var a annalist.StoredArticle
	var doc string
	err := s.reader.QueryRowContext(ctx, `SELECT key, title, source, format, sha256, n_events, n_claims, raw, document FROM articles WHERE key = ?`, key).
		Scan(&a.Key, &a.Title, &a.Source, &a.Format, &a.SHA256, &a.Events, &a.Claims, &a.Raw, &doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %q: %w", key, annalist.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("article %q: %w", key, err)
	}
	if err := json.Unmarshal([]byte(doc), &a.Document); err != nil {
		return nil, fmt.Errorf("article %q: decode document: %w", key, err)
	}
	if err := s.fillDocument(ctx, key, &a.Document); err != nil {
		return nil, err
	}
	return &a, nil
}

// Documents calls fn with every stored Document in title order.
func (s *Store) Documents(ctx context.Context, fn func(*annalist.Document) error) error {
	// Keys first: each document is then read with its own queries, which
	// must not run while this result set holds a connection.
	rows, err := s.reader.QueryContext(ctx, `SELECT key FROM articles ORDER BY title`)
	if err != nil {
		return fmt.Errorf("list documents: %w", err)
	}
	var keys []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			rows.Close()
			return fmt.Errorf("list documents: %w", err)
		}
		keys = append(keys, k)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("list documents: %w", err)
	}
	for _, k := range keys {
		a, err := s.Article(ctx, k)
		if err != nil {
			return err
		}
		if err := fn(&a.Document); err != nil {
			return err
		}
	}
	return nil
}

// fillDocument puts an article's events and claims, stored as rows of
// their own, back into its Document.
func (s *Store) fillDocument(ctx context.Context, key string, d *annalist.Document) error {
	d.Events, d.Claims = []annalist.Event{}, []annalist.Claim{}
	for _, part := range []struct {
		query string
		add   func([]byte) error
	}{
		{`SELECT e.record FROM events e JOIN articles a ON a.id = e.article_id WHERE a.key = ? ORDER BY e.ord`, func(b []byte) error {
			d.Events = append(d.Events, annalist.Event{})
			return json.Unmarshal(b, &d.Events[len(d.Events)-1])
		}},
		{`SELECT c.record FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.key = ? ORDER BY c.ord`, func(b []byte) error {
			d.Claims = append(d.Claims, annalist.Claim{})
			return json.Unmarshal(b, &d.Claims[len(d.Claims)-1])
		}},
	} {
		rows, err := s.reader.QueryContext(ctx, part.query, key)
		if err != nil {
			return fmt.Errorf("article %q: %w", key, err)
		}
		for rows.Next() {
			var b []byte
			if err := rows.Scan(&b); err != nil {
				rows.Close()
				return fmt.Errorf("article %q: %w", key, err)
			}
			if err := part.add(b); err != nil {
				rows.Close()
				return fmt.Errorf("article %q: decode record: %w", key, err)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("article %q: %w", key, err)
		}
	}
	return nil
}

const conflictColumns = `a.key, c.name, c.date_start, c.date_end, a.title, a.n_events`

func scanConflict(sc interface{ Scan(...any) error }, c *annalist.ConflictSummary) error {
	var start, end sql.NullString
	if err := sc.Scan(&c.Key, &c.Name, &start, &end, &c.ArticleTitle, &c.Events); err != nil {
		return err
	}
	c.ArticleKey = c.Key
	var err error
	if c.Start, err = annalist.ParseDate(start.String); err != nil {
		return err
	}
	c.End, err = annalist.ParseDate(end.String)
	return err
}

// Conflicts lists the infobox records by start date. A conflict's key is
// its article's key: an article has at most one infobox record.
func (s *Store) Conflicts(ctx context.Context) ([]annalist.ConflictSummary, error) {
	rows, err := s.reader.QueryContext(ctx, `SELECT `+conflictColumns+` FROM conflicts c JOIN articles a ON a.id = c.article_id
		ORDER BY c.date_start IS NULL, c.date_start, c.name`)
	if err != nil {
		return nil, fmt.Errorf("list conflicts: %w", err)
	}
	defer rows.Close()
	out := []annalist.ConflictSummary{}
	for rows.Next() {
		var c annalist.ConflictSummary
		if err := scanConflict(rows, &c); err != nil {
			return nil, fmt.Errorf("list conflicts: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Conflict returns one infobox record.
func (s *Store) Conflict(ctx context.Context, key string) (*annalist.StoredConflict, error) {
	row := s.reader.QueryRowContext(ctx, `SELECT `+conflictColumns+`, c.record FROM conflicts c JOIN articles a ON a.id = c.article_id WHERE a.key = ?`, key)
	var c annalist.StoredConflict
	var record string
	var start, end sql.NullString
	err := row.Scan(&c.Key, &c.Name, &start, &end, &c.ArticleTitle, &c.Events, &record)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("conflict %q: %w", key, annalist.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("conflict %q: %w", key, err)
	}
	c.ArticleKey = c.Key
	if err := json.Unmarshal([]byte(record), &c.Record); err != nil {
		return nil, fmt.Errorf("conflict %q: decode record: %w", key, err)
	}
	c.Start, c.End = c.Record.Start, c.Record.End
	return &c, nil
}

// where builds the WHERE clause of an event query. Every value is a
// parameter; only fixed SQL text is concatenated.
func where(f annalist.EventFilter, dense density) (string, []any) {
	var conds []string
	var args []any
	if !f.From.IsZero() {
		// The second condition follows from the first (no event is longer
		// than max_span) and lets the date index be read from there on.
		from := f.From.First().DayNumber()
		conds = append(conds, `e.end_day >= ?`, `(e.start_day IS NULL) = 0`, `e.start_day >= ? - (SELECT max_span FROM generation)`)
		args = append(args, from, from)
	}
	if !f.To.IsZero() {
		conds = append(conds, `e.start_day <= ?`)
		args = append(args, f.To.Last().DayNumber())
	}
	if f.Side != "" {
		if dense.side {
			// Many matches: walk the events in date order and stop at a
			// page, rather than sort them all. The event's row of the
			// side is found by the columns of the date index.
			conds = append(conds, `EXISTS (SELECT 1 FROM side_events s WHERE s.name = ? AND s.undated = (e.start_day IS NULL)
				AND s.day = coalesce(e.start_day, 0) AND s.article_id = e.article_id AND s.ord = e.ord)`)
		} else {
			conds = append(conds, `e.id IN (SELECT event_id FROM side_events WHERE name = ?)`)
		}
		args = append(args, f.Side)
	}
	if b := f.BBox; b != nil {
		// Dense: the date index is walked and each event's coordinates,
		// which it holds too, tested; a unary + keeps the planner off the
		// place index.
		c, a := bboxCond(b, !dense.bbox)
		conds, args = append(conds, c), append(args, a...)
	}
	if f.Conflict != "" {
		conds = append(conds, `e.article_id = (SELECT id FROM articles WHERE key = ?)`)
		args = append(args, f.Conflict)
	}
	switch {
	case f.Query == "" || dense.query:
		// Dense: the caller tests each event against dense.words as it
		// walks the date index (see walkWords).
	case dense.words != nil:
		conds, args = append(conds, idList), append(args, jsonIDs(dense.words))
	case MatchExpr(f.Query) == "":
		conds = append(conds, `0`) // no word, no match (an empty MATCH is an FTS5 syntax error)
	default:
		conds = append(conds, `e.id IN (SELECT rowid FROM event_text WHERE event_text MATCH ?)`)
		args = append(args, MatchExpr(f.Query))
	}
	if !f.AllSources {
		conds = append(conds, notHidden(`e.id`))
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// bySide reports whether f selects by side and dates alone, which
// side_events answers by itself.
func bySide(f annalist.EventFilter) bool {
	return f.Side != "" && f.BBox == nil && f.Conflict == "" && f.Query == ""
}

// sideCond returns the WHERE clause on side_events s that selects f's
// side and dates (see where for the dates).
func sideCond(f annalist.EventFilter) (string, []any) {
	cond, args := ` WHERE s.name = ?`, []any{f.Side}
	if !f.From.IsZero() {
		from := f.From.First().DayNumber()
		cond += ` AND s.undated = 0 AND s.day >= ? - (SELECT max_span FROM generation) AND s.end_day >= ?`
		args = append(args, from, from)
	}
	if !f.To.IsZero() {
		cond += ` AND s.undated = 0 AND s.day <= ?`
		args = append(args, f.To.Last().DayNumber())
	}
	if !f.AllSources {
		cond += ` AND ` + notHidden(`s.event_id`)
	}
	return cond, args
}

// bboxCond returns the condition that selects the events inside b.
// Through the place index (indexed), it reads one range of longitudes in
// each band of latitude the box crosses; otherwise it tests coordinates
// only.
func bboxCond(b *annalist.BBox, indexed bool) (string, []any) {
	if !indexed {
		return `+e.lon BETWEEN ? AND ? AND +e.lat BETWEEN ? AND ?`, []any{b.MinLon, b.MaxLon, b.MinLat, b.MaxLat}
	}
	lo, hi := latitudeBand(max(b.MinLat, -90)), latitudeBand(min(b.MaxLat, 90))
	if lo > hi {
		return `0`, nil
	}
	args := make([]any, 0, hi-lo+5)
	for band := lo; band <= hi; band++ {
		args = append(args, band)
	}
	list := strings.Repeat(", ?", int(hi-lo+1))[2:]
	return `e.band IN (` + list + `) AND e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?`,
		append(args, b.MinLon, b.MaxLon, b.MinLat, b.MaxLat)
}

// density says which filters select so many events that walking the date
// index and testing each event beats collecting and sorting the matches.
type density struct {
	side, bbox, query bool
	// total is how many events f selects (counted past MaxTotal) when f
	// is a single filter that density counted; -1 otherwise.
	total int
	// words holds the events whose evidence matches f.Query, by id, when
	// density read them.
	words []int64
}

// denseAt is where walking the index starts to beat listing and sorting
// the matches (measured on 100,000 events). Store.denseAt holds it, so
// that tests can take either plan on a few events.
const denseAt = 2000

// density counts, up to denseAt (or past MaxTotal), the events each of f's side, box and
// word filters selects.
func (s *Store) density(ctx context.Context, f annalist.EventFilter) (density, error) {
	d := density{total: -1}
	only := f
	// The counts below leave out what a merged listing hides, as f does.
	only.Limit, only.Offset, only.AllSources = 0, 0, false
	side, box := ``, ``
	if !f.AllSources {
		side, box = ` AND `+notHidden(`s.event_id`), ` AND `+notHidden(`e.id`)
	}
	limit := max(s.denseAt, annalist.MaxTotal+1)
	count := func(q string, args ...any) (int, error) {
		var n int
		if err := s.reader.QueryRowContext(ctx, `SELECT count(*) FROM (`+q+` LIMIT ?)`, append(args, limit)...).Scan(&n); err != nil {
			return 0, fmt.Errorf("query events: %w", err)
		}
		return n, nil
	}
	if f.Side != "" {
		n, err := count(`SELECT 1 FROM side_events s WHERE s.name = ?`+side, f.Side)
		if err != nil {
			return d, err
		}
		d.side = n >= s.denseAt
		if only == (annalist.EventFilter{Side: f.Side}) {
			d.total = n
		}
	}
	if b := f.BBox; b != nil {
		cond, args := bboxCond(b, true)
		n, err := count(`SELECT 1 FROM events e WHERE `+cond+box, args...)
		if err != nil {
			return d, err
		}
		d.bbox = n >= s.denseAt
		if only == (annalist.EventFilter{BBox: f.BBox}) {
			d.total = n
		}
	}
	if f.Query != "" {
		var err error
		if d.words, err = s.wordMatches(ctx, f.Query); err != nil {
			return d, err
		}

		d.query = len(d.words) >= s.denseAt
		if !f.AllSources {
			hidden, err := s.hiddenIDs(ctx)
			if err != nil {
				return d, err
			}
			d.words = unhidden(d.words, hidden)
		}
		if only == (annalist.EventFilter{Query: f.Query}) {
			d.total = len(d.words)
		}
	}
	return d, nil
}

// wordMatches returns the ids of the events whose evidence matches the
// words of q, in increasing order. A request reads the full-text index
// this once: a common word matches a sixth of all events, and every pass
// over them (and every temporary index SQLite builds of them) cost
// milliseconds.
//
// The matches are kept for the next requests of the same words while the
// store's generation holds (see wordCache): the explorer asks for one
// search's list, map and timeline at once, and users page through it,
// so that a common word costs its page, not all its matches, after the
// first request. The slice returned is shared: callers only read it.
func (s *Store) wordMatches(ctx context.Context, q string) ([]int64, error) {
	expr := MatchExpr(q)
	if expr == "" {
		return []int64{}, nil
	}
	gen, err := s.Generation(ctx)
	if err != nil {
		return nil, err
	}
	if ids, ok := s.words.get(gen, expr); ok {
		return ids, nil
	}
	ids, err := s.readWordMatches(ctx, q, expr)
	if err != nil {
		return nil, err
	}
	s.words.put(gen, expr, ids)
	return ids, nil
}

// Bounds of wordCache: ids over all entries (8 bytes each), and entries.
const (
	cachedWordIDs     = 4_000_000
	cachedWordQueries = 256
)

// wordCache keeps the matches of recent word queries of one store
// generation, the least recently used dropped past its bounds.
type wordCache struct {
	mu      sync.Mutex
	gen     int64
	entries map[string]*wordEntry
	ids     int
	tick    int64
}

type wordEntry struct {
	ids  []int64
	used int64
}

func (c *wordCache) get(gen int64, expr string) ([]int64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[expr]
	if !ok || c.gen != gen {
		return nil, false
	}
	c.tick++
	e.used = c.tick
	return e.ids, true
}

func (c *wordCache) put(gen int64, expr string, ids []int64) {
	if len(ids) > cachedWordIDs/4 {
		return // one query must not empty the cache
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen || c.entries == nil {
		c.gen, c.entries, c.ids = gen, map[string]*wordEntry{}, 0
	}
	if old, ok := c.entries[expr]; ok {
		c.ids -= len(old.ids)
	}
	c.tick++
	c.entries[expr] = &wordEntry{ids: ids, used: c.tick}
	c.ids += len(ids)
	for c.ids > cachedWordIDs || len(c.entries) > cachedWordQueries {
		victim, oldest := "", int64(math.MaxInt64)
		for k, e := range c.entries {
			if k != expr && e.used < oldest {
				victim, oldest = k, e.used
			}
		}
		if victim == "" {
			return
		}
		c.ids -= len(c.entries[victim].ids)
		delete(c.entries, victim)
	}
}

// readWordMatches reads what wordMatches returns from the full-text index.
func (s *Store) readWordMatches(ctx context.Context, q, expr string) ([]int64, error) {
	ids := []int64{}
	// One row holding every id costs half as much as a row per id.
	var list sql.NullString
	if err := s.reader.QueryRowContext(ctx, `SELECT group_concat(rowid) FROM event_text WHERE event_text MATCH ?`, expr).Scan(&list); err != nil {
		return nil, fmt.Errorf("query events: words %q: %w", q, err)
	}
	for field := range strings.SplitSeq(list.String, ",") {
		if field == "" {
			continue
		}
		id, err := strconv.ParseInt(field, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("query events: words %q: read id %q: %w", q, field, err)
		}
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return slices.Compact(ids), nil
}

// idList is the condition that an event is one of a JSON array of ids:
// one parameter, where a parameter an id made SQLite parse a statement of
// a thousand placeholders for each request.
const idList = `e.id IN (SELECT value FROM json_each(?))`

// jsonIDs writes ids as a JSON array.
func jsonIDs(ids []int64) string {
	b := make([]byte, 0, 2+8*len(ids))
	b = append(b, '[')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(append(b, ']'))
}

// walkWords walks the events that f's other filters select in date
// order, keeping those in dense.words: it returns the ids of the page f
// asks for and the number of matches seen, which it counts on to countTo
// (or the page's end, if later).
func (s *Store) walkWords(ctx context.Context, f annalist.EventFilter, dense density, countTo int) (page []int64, matched int, err error) {
	cond, args := where(f, dense)
	rows, err := s.reader.QueryContext(ctx, `SELECT e.id FROM events e`+cond+orderOf(f), args...)
	if err != nil {
		return nil, 0, fmt.Errorf("query events: %w", err)
	}
	defer rows.Close()
	end := f.Offset + f.Limit
	for rows.Next() && (matched < end || matched < countTo) {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, 0, fmt.Errorf("query events: %w", err)
		}
		if _, ok := slices.BinarySearch(dense.words, id); !ok {
			continue
		}
		if matched >= f.Offset && matched < end {
			page = append(page, id)
		}
		matched++
	}
	return page, matched, rows.Err()
}

// MatchExpr turns what a user types into an FTS5 query that cannot be a
// syntax error: every word quoted, all required, the last one a prefix.
// It returns "" when the text holds no word.
func MatchExpr(q string) string {
	words := annalist.SearchWords(q)
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	if len(words) > 0 {
		words[len(words)-1] += "*"
	}
	return strings.Join(words, " ")
}

const eventOrder = ` ORDER BY e.start_day IS NULL, e.start_day, e.article_id, e.ord`

// orderOf returns eventOrder for f. With a From date every event has a
// start_day, and the planner reads the order off the index only when the
// first column, fixed by the filter, is left out of the ORDER BY.
func orderOf(f annalist.EventFilter) string {
	if !f.From.IsZero() {
		return ` ORDER BY e.start_day, e.article_id, e.ord`
	}
	return eventOrder
}

// Events returns one page of events, with the total the filter selects.
func (s *Store) Events(ctx context.Context, f annalist.EventFilter) (annalist.EventPage, error) {
	f, single, err := s.listing(ctx, f)
	if err != nil {
		return annalist.EventPage{}, err
	}
	page, err := s.events(ctx, f)
	if single {
		for i := range page.Events {
			page.Events[i].NumberOfSources = 1
		}
	}
	return page, err
}

func (s *Store) events(ctx context.Context, f annalist.EventFilter) (annalist.EventPage, error) {
	page := annalist.EventPage{Limit: f.Limit, Offset: f.Offset, Events: []annalist.StoredEvent{}}
	dense, err := s.density(ctx, f)
	if err != nil {
		return page, err
	}
	// Counting every match of a broad filter costs more than the page
	// itself; past MaxTotal the total is given as a lower bound. A single
	// side, box or word filter was counted already.
	page.Total = dense.total
	if dense.query && f.Limit > 0 {
		countTo := 0 // the page is enough when the total is known
		if page.Total < 0 {
			countTo = annalist.MaxTotal + 1
		}
		ids, n, err := s.walkWords(ctx, f, dense, countTo)
		if err != nil {
			return page, err
		}
		if page.Total < 0 {
			page.Total = n
		}
		if page.Total > annalist.MaxTotal {
			page.Total, page.TotalCapped = annalist.MaxTotal, true
		}
		err = s.eventsByID(ctx, ids, f, func(e *annalist.StoredEvent) error {
			page.Events = append(page.Events, *e)
			return nil
		})
		return page, err
	}
	if page.Total < 0 && dense.query {
		all := f
		all.Limit, all.Offset = 0, 0
		if _, page.Total, err = s.walkWords(ctx, all, dense, annalist.MaxTotal+1); err != nil {
			return page, err
		}
	}
	if page.Total < 0 && bySide(f) {
		cond, args := sideCond(f)
		if err := s.reader.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM side_events s`+cond+` LIMIT ?)`, append(args, annalist.MaxTotal+1)...).Scan(&page.Total); err != nil {
			return page, fmt.Errorf("count events: %w", err)
		}
	}
	if page.Total < 0 {
		cond, args := where(f, dense)
		count := `SELECT count(*) FROM (SELECT 1 FROM events e` + cond + ` LIMIT ?)`
		if err := s.reader.QueryRowContext(ctx, count, append(args, annalist.MaxTotal+1)...).Scan(&page.Total); err != nil {
			return page, fmt.Errorf("count events: %w", err)
		}
	}
	if page.Total > annalist.MaxTotal {
		page.Total, page.TotalCapped = annalist.MaxTotal, true
	}
	err = s.eachEvent(ctx, f, dense, func(e *annalist.StoredEvent) error {
		page.Events = append(page.Events, *e)
		return nil
	})
	return page, err
}

// EachEvent streams the events f selects in date order.
func (s *Store) EachEvent(ctx context.Context, f annalist.EventFilter, fn func(*annalist.StoredEvent) error) error {
	f, single, err := s.listing(ctx, f)
	if err != nil {
		return err
	}
	if single {
		inner := fn
		fn = func(e *annalist.StoredEvent) error {
			e.NumberOfSources = 1
			return inner(e)
		}
	}
	dense, err := s.density(ctx, f)
	if err != nil {
		return err
	}
	return s.eachEvent(ctx, f, dense, fn)
}

func (s *Store) eachEvent(ctx context.Context, f annalist.EventFilter, dense density, fn func(*annalist.StoredEvent) error) error {
	if dense.query {
		if f.Limit > 0 {
			ids, _, err := s.walkWords(ctx, f, dense, 0)
			if err != nil {
				return err
			}
			return s.eventsByID(ctx, ids, f, fn)
		}
		// Every match, streamed: read in date order, kept by id.
		all := f
		all.Offset = 0
		n := 0
		cond, args := where(all, dense)
		return s.readEvents(ctx, `events e`, cond, args, all, func(id int64, e *annalist.StoredEvent) error {
			if _, ok := slices.BinarySearch(dense.words, id); !ok {
				return nil
			}
			if n++; n <= f.Offset {
				return nil
			}
			return fn(e)
		})
	}
	if f.Limit > 0 && bySide(f) {
		// A range of side_events, already in date order.
		cond, args := sideCond(f)
		pick, args := withPage(`SELECT s.event_id FROM side_events s`+cond+` ORDER BY s.undated, s.day, s.article_id, s.ord`, args, f)
		picked := f
		picked.Limit, picked.Offset = 0, 0
		return s.readEvents(ctx, `(`+pick+`) p JOIN events e ON e.id = p.event_id`, "", args, picked, ignoreID(fn))
	}
	if f.Limit > 0 {
		// A page: its events are picked from the indexes alone, and only
		// theirs are read. Read along the way, the rows of every match of
		// a few thousand would be (their records make them large).
		cond, args := where(f, dense)
		pick, args := withPage(`SELECT e.id FROM events e`+cond+orderOf(f), args, f)
		picked := f
		picked.Limit, picked.Offset = 0, 0
		return s.readEvents(ctx, `(`+pick+`) p JOIN events e ON e.id = p.id`, "", args, picked, ignoreID(fn))
	}
	cond, args := where(f, dense)
	return s.readEvents(ctx, `events e`, cond, args, f, ignoreID(fn))
}

func ignoreID(fn func(*annalist.StoredEvent) error) func(int64, *annalist.StoredEvent) error {
	return func(_ int64, e *annalist.StoredEvent) error { return fn(e) }
}

// eventsByID reads the events of ids, in date order.
func (s *Store) eventsByID(ctx context.Context, ids []int64, f annalist.EventFilter, fn func(*annalist.StoredEvent) error) error {
	if len(ids) == 0 {
		return nil
	}
	page := f
	page.Limit, page.Offset = 0, 0
	return s.readEvents(ctx, `events e`, ` WHERE `+idList, []any{jsonIDs(ids)}, page, ignoreID(fn))
}

// readEvents reads whole events from the rows of from (which names the
// events table e) that cond selects, in date order, with f's paging.
func (s *Store) readEvents(ctx context.Context, from, cond string, args []any, f annalist.EventFilter, fn func(int64, *annalist.StoredEvent) error) error {
	merged, mergedJoin := `NULL`, ``
	if !f.AllSources {
		merged, mergedJoin = `m.record`, ` LEFT JOIN merged_events m ON m.event_id = e.id`
	}
	q := `SELECT e.id, e.key, a.key, a.title, coalesce(c.name, ''), e.record, ` + merged + ` FROM ` + from + `
		JOIN articles a ON a.id = e.article_id LEFT JOIN conflicts c ON c.article_id = e.article_id` + mergedJoin + cond + orderOf(f)
	q, args = withPage(q, args, f)
	rows, err := s.reader.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("query events: %w", err)
	}
	defer rows.Close()
	var record, mergedRecord []byte
	for rows.Next() {
		var id int64
		var e annalist.StoredEvent
		if err := rows.Scan(&id, &e.Key, &e.ArticleKey, &e.ArticleTitle, &e.ConflictName, &record, &mergedRecord); err != nil {
			return fmt.Errorf("query events: %w", err)
		}
		if err := json.Unmarshal(record, &e.Event); err != nil {
			return fmt.Errorf("event %s: decode record: %w", e.Key, err)
		}
		if !f.AllSources {
			if err := resolve.AsMerged(&e, mergedRecord); err != nil {
				return err
			}
		}
		if err := fn(id, &e); err != nil {
			return err
		}
	}
	return rows.Err()
}

// EachPoint streams the map and timeline fields of the events f selects,
// read from columns and by SQLite's JSON functions, without decoding
// whole records in Go.
func (s *Store) EachPoint(ctx context.Context, f annalist.EventFilter, fn func(*annalist.EventPoint) error) error {
	f, single, err := s.listing(ctx, f)
	if err != nil {
		return err
	}
	if single {
		inner := fn
		fn = func(p *annalist.EventPoint) error {
			p.Sources = 1
			return inner(p)
		}
	}
	cond, args := where(f, density{})
	q := `SELECT e.key, e.start_day, e.end_day, coalesce(e.record->>'date_start', ''), coalesce(e.record->>'date_end', ''),
		e.lat, e.lon, ` + deathsColumn(f) + `, coalesce(e.record->>'name', ''), coalesce(e.record->>'$.place.text', ''),
		coalesce((SELECT group_concat(value, ', ') FROM json_each(e.record, '$.side_a')), ''),
		coalesce((SELECT group_concat(value, ', ') FROM json_each(e.record, '$.side_b')), ''),
		coalesce(c.name, ''), ` + sourcesColumn(f) + `
		FROM events e LEFT JOIN conflicts c ON c.article_id = e.article_id` + cond + orderOf(f)
	q, args = withPage(q, args, f)
	rows, err := s.reader.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("query event points: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p annalist.EventPoint
		var first, last, deaths sql.NullInt64
		var lat, lon sql.NullFloat64
		if err := rows.Scan(&p.Key, &first, &last, &p.DateStart, &p.DateEnd, &lat, &lon, &deaths, &p.Name, &p.Place, &p.SideA, &p.SideB, &p.ConflictName, &p.Sources); err != nil {
			return fmt.Errorf("query event points: %w", err)
		}
		if first.Valid && last.Valid {
			a, b := int(first.Int64), int(last.Int64)
			p.First, p.Last = &a, &b
		}
		if lat.Valid && lon.Valid {
			p.Lat, p.Lon = &lat.Float64, &lon.Float64
		}
		if deaths.Valid {
			d := int(deaths.Int64)
			p.Deaths = &d
		}
		if err := fn(&p); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Event returns one event.
func (s *Store) Event(ctx context.Context, key string) (*annalist.StoredEvent, error) {
	var e annalist.StoredEvent
	var record []byte
	err := s.reader.QueryRowContext(ctx, `SELECT e.key, a.key, a.title, coalesce(c.name, ''), e.record FROM events e
		JOIN articles a ON a.id = e.article_id LEFT JOIN conflicts c ON c.article_id = e.article_id WHERE e.key = ?`, key).
		Scan(&e.Key, &e.ArticleKey, &e.ArticleTitle, &e.ConflictName, &record)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("event %q: %w", key, annalist.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("event %q: %w", key, err)
	}
	if err := json.Unmarshal(record, &e.Event); err != nil {
		return nil, fmt.Errorf("event %s: decode record: %w", key, err)
	}
	if e.Merged, err = s.mergedOf(ctx, key); err != nil {
		return nil, err
	}
	return &e, nil
}

// Counts returns events and their dead by year and side. An event counts
// once under each state it names, on either side; events without a date
// are left out.
func (s *Store) Counts(ctx context.Context, f annalist.EventFilter) ([]annalist.YearSideCount, error) {
	f, _, err := s.listing(ctx, f)
	if err != nil {
		return nil, err
	}
	cond, args := where(f, density{})
	if cond == "" {
		cond = " WHERE "
	} else {
		cond += " AND "
	}
	rows, err := s.reader.QueryContext(ctx, `SELECT e.year, sd.name, count(*), coalesce(sum(`+deathsColumn(f)+`), 0) FROM events e
		JOIN side_events sd ON sd.event_id = e.id`+cond+`e.year IS NOT NULL
		GROUP BY e.year, sd.name ORDER BY e.year, sd.name`, args...)
	if err != nil {
		return nil, fmt.Errorf("count events: %w", err)
	}
	defer rows.Close()
	out := []annalist.YearSideCount{}
	for rows.Next() {
		var c annalist.YearSideCount
		if err := rows.Scan(&c.Year, &c.Side, &c.Events, &c.Deaths); err != nil {
			return nil, fmt.Errorf("count events: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// withPage adds f's LIMIT and OFFSET, when it sets either, to a query and
// its arguments.
func withPage(q string, args []any, f annalist.EventFilter) (string, []any) {
	if f.Limit <= 0 && f.Offset <= 0 {
		return q, args
	}
	limit := f.Limit
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	return q + ` LIMIT ? OFFSET ?`, append(args, limit, f.Offset)
}

// EachSpot is EachPoint for aggregation: only the key, the days, the
// coordinates and the dead of each event (the other fields of the
// EventPoint are left empty), in no particular order, read from columns
// alone. The server bins these into map cells and timeline bars.
func (s *Store) EachSpot(ctx context.Context, f annalist.EventFilter, fn func(*annalist.EventPoint) error) error {
	cond, args := where(f, density{})
	rows, err := s.reader.QueryContext(ctx, `SELECT e.key, e.start_day, e.end_day, e.lat, e.lon, e.deaths FROM events e`+cond, args...)
	if err != nil {
		return fmt.Errorf("query event spots: %w", err)
	}
	defer rows.Close()
	var p annalist.EventPoint
	var first, last, deaths sql.NullInt64
	var lat, lon sql.NullFloat64
	var a, b, d int
	var y, x float64
	for rows.Next() {
		if err := rows.Scan(&p.Key, &first, &last, &lat, &lon, &deaths); err != nil {
			return fmt.Errorf("query event spots: %w", err)
		}
		p.First, p.Last, p.Lat, p.Lon, p.Deaths = nil, nil, nil, nil, nil
		if first.Valid && last.Valid {
			a, b = int(first.Int64), int(last.Int64)
			p.First, p.Last = &a, &b
		}
		if lat.Valid && lon.Valid {
			y, x = lat.Float64, lon.Float64
			p.Lat, p.Lon = &y, &x
		}
		if deaths.Valid {
			d = int(deaths.Int64)
			p.Deaths = &d
		}
		if err := fn(&p); err != nil {
			return err
		}
	}
	return rows.Err()
}
