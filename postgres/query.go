package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/resolve"
	"github.com/jackc/pgx/v5"
)

// Empty reports whether no article is stored.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	var stored bool
	if err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles)`).Scan(&stored); err != nil {
		return false, fmt.Errorf("count articles: %w", err)
	}
	return !stored, nil
}

// Generation returns the number of ingests that changed the database.
func (s *Store) Generation(ctx context.Context) (int64, error) {
	var n int64
	if err := s.pool.QueryRow(ctx, `SELECT n FROM generation`).Scan(&n); err != nil {
		return 0, fmt.Errorf("read generation: %w", err)
	}
	return n, nil
}

// Articles lists the stored articles by title.
func (s *Store) Articles(ctx context.Context) ([]annalist.ArticleSummary, error) {
	rows, err := s.pool.Query(ctx, `SELECT key, title, source, format, sha256, n_events, n_claims FROM articles ORDER BY title COLLATE "C"`)
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
	var id int64
	err := s.pool.QueryRow(ctx, `SELECT id, key, title, source, format, sha256, n_events, n_claims, raw, document FROM articles WHERE key = $1`, key).
		Scan(&id, &a.Key, &a.Title, &a.Source, &a.Format, &a.SHA256, &a.Events, &a.Claims, &a.Raw, &doc)
	if err != nil {
		return nil, notFound("article", key, err)
	}
	if err := json.Unmarshal([]byte(doc), &a.Document); err != nil {
		return nil, fmt.Errorf("article %q: decode document: %w", key, err)
	}
	a.Document.Events, a.Document.Claims = []annalist.Event{}, []annalist.Claim{}
	for _, part := range []struct {
		query string
		add   func([]byte) error
	}{
		{`SELECT record FROM events WHERE article_id = $1 ORDER BY ord`, func(b []byte) error {
			a.Document.Events = append(a.Document.Events, annalist.Event{})
			return json.Unmarshal(b, &a.Document.Events[len(a.Document.Events)-1])
		}},
		{`SELECT record FROM claims WHERE article_id = $1 ORDER BY ord`, func(b []byte) error {
			a.Document.Claims = append(a.Document.Claims, annalist.Claim{})
			return json.Unmarshal(b, &a.Document.Claims[len(a.Document.Claims)-1])
		}},
	} {
		rows, err := s.pool.Query(ctx, part.query, id)
		if err != nil {
			return nil, fmt.Errorf("article %q: %w", key, err)
		}
		for rows.Next() {
			var b []byte
			if err := rows.Scan(&b); err != nil {
				rows.Close()
				return nil, fmt.Errorf("article %q: %w", key, err)
			}
			if err := part.add(b); err != nil {
				rows.Close()
				return nil, fmt.Errorf("article %q: decode record: %w", key, err)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("article %q: %w", key, err)
		}
	}
	return &a, nil
}

// Documents calls fn with every stored Document in title order.
func (s *Store) Documents(ctx context.Context, fn func(*annalist.Document) error) error {
	rows, err := s.pool.Query(ctx, `SELECT key FROM articles ORDER BY title COLLATE "C"`)
	if err != nil {
		return fmt.Errorf("list documents: %w", err)
	}
	keys, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
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

const conflictColumns = `a.key, c.name, coalesce(c.date_start, ''), coalesce(c.date_end, ''), a.title, a.n_events`

func scanConflict(sc pgx.Row, c *annalist.ConflictSummary, more ...any) error {
	var start, end string
	if err := sc.Scan(append([]any{&c.Key, &c.Name, &start, &end, &c.ArticleTitle, &c.Events}, more...)...); err != nil {
		return err
	}
	c.ArticleKey = c.Key
	var err error
	if c.Start, err = annalist.ParseDate(start); err != nil {
		return err
	}
	c.End, err = annalist.ParseDate(end)
	return err
}

// Conflicts lists the infobox records by start date.
func (s *Store) Conflicts(ctx context.Context) ([]annalist.ConflictSummary, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+conflictColumns+` FROM conflicts c JOIN articles a ON a.id = c.article_id
		ORDER BY c.date_start COLLATE "C" NULLS LAST, c.name COLLATE "C"`)
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
	var c annalist.StoredConflict
	var record string
	row := s.pool.QueryRow(ctx, `SELECT `+conflictColumns+`, c.record FROM conflicts c JOIN articles a ON a.id = c.article_id WHERE a.key = $1`, key)
	if err := scanConflict(row, &c.ConflictSummary, &record); err != nil {
		return nil, notFound("conflict", key, err)
	}
	if err := json.Unmarshal([]byte(record), &c.Record); err != nil {
		return nil, fmt.Errorf("conflict %q: decode record: %w", key, err)
	}
	c.Start, c.End = c.Record.Start, c.Record.End
	return &c, nil
}

// query builds a statement's parameters: arg appends a value and returns
// its placeholder.
type query struct{ args []any }

func (q *query) arg(v any) string {
	q.args = append(q.args, v)
	return "$" + strconv.Itoa(len(q.args))
}

// shape is how the events of a filter are read, as prepare chose it.
type shape struct {
	// walk lets the planner read the events in date order off
	// events_by_date, testing each, until a page is full, which it does
	// when its statistics say that matches come often. Otherwise the
	// order is hidden from it and the filter's matches are collected
	// from the indexes of its selective parts and sorted: one part is
	// known to select few events, and a walk, taking parts and dates to
	// be independent, may pass most events before it meets them.
	walk bool
	// maxSpan is the longest event stored (end_day - start_day), so that
	// a date bound reads events_by_date from a known day on. It is passed
	// as a value, not read by a subquery, so that the planner can tell
	// how many events a range of dates holds: given an InitPlan it
	// guessed 5,000 events for a decade of 110,000 and sorted them all.
	maxSpan int64
	// total is how many events the filter selects, counted up to denseAt,
	// when it is a side or a box alone (the count that chose the shape);
	// -1 otherwise.
	total int
}

// where returns the WHERE clause that selects f's events (of events e).
// Every condition is written on its column, open to its index and to the
// planner's statistics: how a page is read is settled by its order (see
// shape), and the planner, left to choose between walking the date
// index and reading a box off events_by_place, chooses well when it can
// tell how many events the box holds. Every value is a parameter; only
// fixed SQL text is concatenated.
func where(f annalist.EventFilter, sh shape, q *query) string {
	var conds []string
	if !f.From.IsZero() {
		// The second condition follows from the first (no event is longer
		// than maxSpan) and lets the date index be read from there on.
		from := int64(f.From.First().DayNumber())
		conds = append(conds, `e.end_day >= `+q.arg(from), `e.start_day >= `+q.arg(from-sh.maxSpan))
	}
	if !f.To.IsZero() {
		conds = append(conds, `e.start_day <= `+q.arg(f.To.Last().DayNumber()))
	}
	if f.Side != "" {
		conds = append(conds, `e.sides @> ARRAY[`+q.arg(strings.ToLower(f.Side))+`::text]`)
	}
	if b := f.BBox; b != nil {
		// One range of longitudes in each band of latitude the box crosses,
		// read off events_by_place (a plain B-tree).
		lo, hi := floorInt(max(b.MinLat, -90)), floorInt(min(b.MaxLat, 90))
		if lo > hi {
			conds = append(conds, `false`)
		} else {
			bands := make([]int32, 0, hi-lo+1)
			for band := lo; band <= hi; band++ {
				bands = append(bands, int32(band))
			}
			conds = append(conds, `e.band = ANY(`+q.arg(bands)+`::integer[]) AND e.lon BETWEEN `+q.arg(b.MinLon)+` AND `+q.arg(b.MaxLon)+
				` AND e.lat BETWEEN `+q.arg(b.MinLat)+` AND `+q.arg(b.MaxLat))
		}
	}
	if f.Conflict != "" {
		conds = append(conds, `e.article_id = (SELECT id FROM articles WHERE key = `+q.arg(f.Conflict)+`)`)
	}
	if f.Query != "" {
		if tq := tsquery(f.Query); tq == "" {
			conds = append(conds, `false`) // no word, no match
		} else {
			conds = append(conds, `e.words @@ `+q.arg(tq)+`::tsquery`)
		}
	}
	if !f.AllSources {
		conds = append(conds, notHidden(`e.id`)) // a merged listing (see sources.go)
	}
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

func floorInt(x float64) int64 {
	i := int64(x)
	if float64(i) > x {
		i--
	}
	return i
}

// eventOrder is the events' date order: events_by_date's, undated last.
const eventOrder = ` ORDER BY e.start_day, e.article_id, e.ord`

// sortedOrder is eventOrder written so that the planner cannot read it
// off events_by_date (start_day + 0 orders as start_day does, nulls
// last): it sorts the matches that the filter's own indexes give.
const sortedOrder = ` ORDER BY e.start_day + 0, e.article_id, e.ord`

func (sh shape) order() string {
	if sh.walk {
		return eventOrder
	}
	return sortedOrder
}

// page adds f's LIMIT and OFFSET.
func page(f annalist.EventFilter, q *query) string {
	var s string
	if f.Limit > 0 {
		s += ` LIMIT ` + q.arg(f.Limit)
	}
	if f.Offset > 0 {
		s += ` OFFSET ` + q.arg(f.Offset)
	}
	return s
}

// denseAt is where collecting a filter's matches and sorting them stops
// beating walking the date index and testing each event (as in the SQLite
// store, whose density it borrows).
const denseAt = 2000

// prepare chooses how f's events are read, in one round trip.
//
// A filter's side and box are counted, up to denseAt, off their indexes;
// its words are estimated by the planner (from the statistics ANALYZE
// keeps of the words), since counting them reads the rows of every
// match. A filter is then collected and sorted when any of its parts
// selects few events; walked in date order when every part selects many.
// The planner cannot tell the two apart itself, as it takes the parts
// and the dates to be independent: a year's word, say, selects few
// events, but all of one year, which a walk of the date index meets only
// after most others.
//
// Words are few enough to collect, at n matches of the r events
// stored, while sorting them costs less than a walk that meets
// offset+limit of them (r/n events a match, each row read to test its
// words): n·n below r·(offset+limit), with some margin as words and
// dates go together in real articles.
func (s *Store) prepare(ctx context.Context, f annalist.EventFilter) (shape, error) {
	sh := shape{total: -1}
	var b pgx.Batch
	var parts []annalist.EventFilter
	if f.Side != "" {
		parts = append(parts, annalist.EventFilter{Side: f.Side, AllSources: f.AllSources})
	}
	if f.BBox != nil {
		parts = append(parts, annalist.EventFilter{BBox: f.BBox, AllSources: f.AllSources})
	}
	// An article's events are few, and found by events_by_article.
	counted := f.Conflict == ""
	if counted {
		for _, p := range parts {
			var q query
			b.Queue(`SELECT count(*) FROM (SELECT 1 FROM events e`+where(p, sh, &q)+` LIMIT `+q.arg(s.denseAt)+`) m`, q.args...)
		}
	}
	words := counted && f.Query != "" && tsquery(f.Query) != ""
	if words {
		b.Queue(`SELECT reltuples FROM pg_class WHERE oid = 'events'::regclass`)
		b.Queue(`EXPLAIN (FORMAT JSON) SELECT 1 FROM events e WHERE e.words @@ $1::tsquery`, tsquery(f.Query))
	}
	if !f.From.IsZero() {
		b.Queue(`SELECT max_span FROM generation`)
	}
	if b.Len() == 0 {
		sh.walk = f.Conflict == ""
		return sh, nil
	}
	br := s.pool.SendBatch(ctx, &b)
	defer br.Close()
	only := f
	only.Limit, only.Offset = 0, 0
	sparse := !counted
	if counted {
		for _, p := range parts {
			var n int
			if err := br.QueryRow().Scan(&n); err != nil {
				return sh, fmt.Errorf("count events: %w", err)
			}
			if only == p {
				sh.total = n
			}
			sparse = sparse || n < s.denseAt
		}
	}
	if words {
		var rows float64
		var plan []struct {
			Plan struct {
				Rows float64 `json:"Plan Rows"`
			}
		}
		if err := br.QueryRow().Scan(&rows); err != nil {
			return sh, fmt.Errorf("estimate word matches: %w", err)
		}
		if err := br.QueryRow().Scan(&plan); err != nil {
			return sh, fmt.Errorf("estimate word matches: %w", err)
		}
		if len(plan) == 0 {
			return sh, errors.New("estimate word matches: EXPLAIN gave no plan")
		}
		n, need := plan[0].Plan.Rows, float64(f.Offset+f.Limit)
		if f.Limit <= 0 {
			need = rows // all of them
		}
		few := n < float64(s.denseAt) || n*n < 4*max(rows, 0)*need
		sparse = sparse || s.denseAt > 0 && few
	}
	if !f.From.IsZero() {
		if err := br.QueryRow().Scan(&sh.maxSpan); err != nil {
			return sh, fmt.Errorf("read generation: %w", err)
		}
	}
	sh.walk = !sparse
	return sh, nil
}

// unordered is the shape of a query of f's events in no order, which the
// planner plans alone: only the longest event is read.
func (s *Store) unordered(ctx context.Context, f annalist.EventFilter) (shape, error) {
	sh := shape{total: -1}
	if f.From.IsZero() {
		return sh, nil
	}
	if err := s.pool.QueryRow(ctx, `SELECT max_span FROM generation`).Scan(&sh.maxSpan); err != nil {
		return sh, fmt.Errorf("read generation: %w", err)
	}
	return sh, nil
}

// eventPage is Events before the listing says how many sources tell each event.
// (counted up to annalist.MaxTotal). The count and the page go to the
// server together, in one round trip.
func (s *Store) eventPage(ctx context.Context, f annalist.EventFilter) (annalist.EventPage, error) {
	out := annalist.EventPage{Limit: f.Limit, Offset: f.Offset, Events: []annalist.StoredEvent{}}
	sh, err := s.prepare(ctx, f)
	if err != nil {
		return out, err
	}
	// A count of denseAt (or more) says only "more than MaxTotal" when
	// denseAt is above it, which is all a page tells.
	count := sh.total < 0 || sh.total >= s.denseAt && s.denseAt <= annalist.MaxTotal
	var b pgx.Batch
	if count {
		// In no order, with every index open: the planner reads the
		// cheapest MaxTotal+1 matches it can find.
		var q query
		b.Queue(`SELECT count(*) FROM (SELECT 1 FROM events e`+where(f, sh, &q)+` LIMIT `+q.arg(annalist.MaxTotal+1)+`) m`, q.args...)
	}
	stmt, args := eventsQuery(f, sh)
	b.Queue(stmt, args...)
	br := s.pool.SendBatch(ctx, &b)
	defer br.Close()
	out.Total = sh.total
	if count {
		if err := br.QueryRow().Scan(&out.Total); err != nil {
			return out, fmt.Errorf("count events: %w", err)
		}
	}
	if out.Total > annalist.MaxTotal {
		out.Total, out.TotalCapped = annalist.MaxTotal, true
	}
	rows, err := br.Query()
	if err != nil {
		return out, fmt.Errorf("query events: %w", err)
	}
	err = scanEvents(rows, !f.AllSources, func(e *annalist.StoredEvent) error {
		out.Events = append(out.Events, *e)
		return nil
	})
	return out, err
}

// eventsQuery returns the statement that reads f's events in date order,
// shaped as sh. A page's events are picked from the indexes first, and
// only their rows read.
func eventsQuery(f annalist.EventFilter, sh shape) (string, []any) {
	var q query
	merged, join := mergedJoin(f)
	sel := `SELECT e.key, a.key, a.title, coalesce(c.name, ''), e.record, ` + merged + ` FROM `
	cond := where(f, sh, &q)
	if f.Limit > 0 {
		pick := `SELECT e.id FROM events e` + cond + sh.order() + page(f, &q)
		return sel + `(` + pick + `) p JOIN events e ON e.id = p.id
			JOIN articles a ON a.id = e.article_id LEFT JOIN conflicts c ON c.article_id = e.article_id` + join + eventOrder, q.args
	}
	return sel + `events e JOIN articles a ON a.id = e.article_id LEFT JOIN conflicts c ON c.article_id = e.article_id` + join +
		cond + sh.order() + page(f, &q), q.args
}

// eachEvent is EachEvent before the listing says how many sources tell each event.
func (s *Store) eachEvent(ctx context.Context, f annalist.EventFilter, fn func(*annalist.StoredEvent) error) error {
	sh, err := s.prepare(ctx, f)
	if err != nil {
		return err
	}
	stmt, args := eventsQuery(f, sh)
	rows, err := s.pool.Query(ctx, stmt, args...)
	if err != nil {
		return fmt.Errorf("query events: %w", err)
	}
	return scanEvents(rows, !f.AllSources, fn)
}

// scanEvents decodes the rows of an eventsQuery and closes them; merged
// says they are of a merged listing.
func scanEvents(rows pgx.Rows, merged bool, fn func(*annalist.StoredEvent) error) error {
	defer rows.Close()
	var record, mergedRecord []byte
	for rows.Next() {
		var e annalist.StoredEvent
		if err := rows.Scan(&e.Key, &e.ArticleKey, &e.ArticleTitle, &e.ConflictName, &record, &mergedRecord); err != nil {
			return fmt.Errorf("query events: %w", err)
		}
		if err := json.Unmarshal(record, &e.Event); err != nil {
			return fmt.Errorf("event %s: decode record: %w", e.Key, err)
		}
		if merged {
			if err := resolve.AsMerged(&e, mergedRecord); err != nil {
				return err
			}
		}
		if err := fn(&e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("query events: %w", err)
	}
	return nil
}

// eachPoint is EachPoint before the listing says how many sources tell each event: it streams the fields
// from columns kept for them.
func (s *Store) eachPoint(ctx context.Context, f annalist.EventFilter, fn func(*annalist.EventPoint) error) error {
	sh, err := s.prepare(ctx, f)
	if err != nil {
		return err
	}
	var q query
	stmt := `SELECT e.key, e.start_day, e.end_day, e.date_start, e.date_end, e.lat, e.lon, ` + deathsColumn(f) + `, e.name, e.place, e.side_a, e.side_b,
		coalesce(c.name, ''), ` + sourcesColumn(f) + ` FROM events e LEFT JOIN conflicts c ON c.article_id = e.article_id` + where(f, sh, &q) + sh.order() + page(f, &q)
	rows, err := s.pool.Query(ctx, stmt, q.args...)
	if err != nil {
		return fmt.Errorf("query event points: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p annalist.EventPoint
		if err := rows.Scan(&p.Key, &p.First, &p.Last, &p.DateStart, &p.DateEnd, &p.Lat, &p.Lon, &p.Deaths, &p.Name, &p.Place, &p.SideA, &p.SideB, &p.ConflictName, &p.Sources); err != nil {
			return fmt.Errorf("query event points: %w", err)
		}
		wholePairs(&p)
		if err := fn(&p); err != nil {
			return err
		}
	}
	return rows.Err()
}

// EachSpot is EachPoint for aggregation: only the key, the days, the
// coordinates and the dead, in no particular order (the server bins them
// into map cells and timeline bars).
func (s *Store) EachSpot(ctx context.Context, f annalist.EventFilter, fn func(*annalist.EventPoint) error) error {
	sh, err := s.unordered(ctx, f)
	if err != nil {
		return err
	}
	var q query
	rows, err := s.pool.Query(ctx, `SELECT e.key, e.start_day, e.end_day, e.lat, e.lon, e.deaths FROM events e`+where(f, sh, &q), q.args...)
	if err != nil {
		return fmt.Errorf("query event spots: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p annalist.EventPoint
		if err := rows.Scan(&p.Key, &p.First, &p.Last, &p.Lat, &p.Lon, &p.Deaths); err != nil {
			return fmt.Errorf("query event spots: %w", err)
		}
		wholePairs(&p)
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
	err := s.pool.QueryRow(ctx, `SELECT e.key, a.key, a.title, coalesce(c.name, ''), e.record FROM events e
		JOIN articles a ON a.id = e.article_id LEFT JOIN conflicts c ON c.article_id = e.article_id WHERE e.key = $1`, key).
		Scan(&e.Key, &e.ArticleKey, &e.ArticleTitle, &e.ConflictName, &record)
	if err != nil {
		return nil, notFound("event", key, err)
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
	sh, err := s.unordered(ctx, f)
	if err != nil {
		return nil, err
	}
	var q query
	cond := where(f, sh, &q)
	if cond == "" {
		cond = " WHERE "
	} else {
		cond += " AND "
	}
	rows, err := s.pool.Query(ctx, `SELECT e.year, sd.name, count(*), coalesce(sum(`+deathsColumn(f)+`), 0) FROM events e
		JOIN event_sides sd ON sd.event_id = e.id`+cond+`e.year IS NOT NULL
		GROUP BY e.year, sd.name ORDER BY e.year, sd.name COLLATE "C"`, q.args...)
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

// wholePairs keeps a point's days and coordinates only when both halves
// of each pair are known.
func wholePairs(p *annalist.EventPoint) {
	if p.First == nil || p.Last == nil {
		p.First, p.Last = nil, nil
	}
	if p.Lat == nil || p.Lon == nil {
		p.Lat, p.Lon = nil, nil
	}
}
