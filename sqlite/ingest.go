package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/annalist/annalist"
)

// Ingest stores doc in one transaction, replacing the article's earlier
// version. raw is the article's source text (what evidence offsets point
// into); when nil, the store keeps an empty text.
func (s *Store) Ingest(ctx context.Context, doc *annalist.Document, raw []byte) (annalist.IngestResult, error) {
	res, errs, err := s.IngestBatch(ctx, []annalist.IngestItem{{Doc: doc, Raw: raw}})
	if err != nil {
		return annalist.IngestResult{}, err
	}
	return res[0], errs[0]
}

// IngestBatch stores several documents in one transaction, each under its
// own savepoint: a document that fails is rolled back alone (its error in
// errs), the others are stored. Committing once for many articles saves
// most of the cost of a commit and of flushing the full-text index.
func (s *Store) IngestBatch(ctx context.Context, items []annalist.IngestItem) (results []annalist.IngestResult, errs []error, err error) {
	results = make([]annalist.IngestResult, len(items))
	errs = make([]error, len(items))
	defer s.prepareWanted(ctx)
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("ingest: begin: %w", err)
	}
	// Also on a panic, or the writer's one connection stays in this
	// transaction (after a commit, Rollback does nothing).
	defer tx.Rollback()
	// The full-text index is written once, at the end of the batch. Once
	// a transaction has touched an FTS5 table, every later savepoint
	// (each article's, each statement's) makes FTS5 flush its pending
	// terms into a new segment and merge: indexing article by article
	// cost a tenth of the ingest, row by row ten times more.
	b := batch{w: writer{ctx: ctx, tx: tx, s: s}, pending: map[int64][]any{}, fresh: map[string]freshArticle{}}
	recs := encodeAhead(items)
	defer recs.stop()
	changed := false
	var stored []string // keys of the articles stored, for the resolver
	for i, it := range items {
		if _, err := tx.ExecContext(ctx, `SAVEPOINT article`); err != nil {
			return nil, nil, fmt.Errorf("ingest: savepoint: %w", err)
		}
		var a articleText
		results[i], a, errs[i] = s.ingestOne(ctx, &b, it.Doc, it.Raw, recs.get(i))
		if errs[i] != nil {
			if _, err := tx.ExecContext(ctx, `ROLLBACK TO article`); err != nil {
				return nil, nil, fmt.Errorf("ingest: roll back %w after: %w", err, errs[i])
			}
		} else if !results[i].Skipped {
			changed = true
			stored = append(stored, results[i].Key)
			b.unindex = append(b.unindex, a.unindex...)
			if a.replaced != 0 {
				delete(b.pending, a.replaced)
			}
			b.pending[a.id] = a.rows
			b.maxSpan = max(b.maxSpan, a.span)
		}
		if _, err := tx.ExecContext(ctx, `RELEASE article`); err != nil {
			return nil, nil, fmt.Errorf("ingest: release savepoint: %w", err)
		}
		if err := ctx.Err(); err != nil {
			return nil, nil, fmt.Errorf("ingest: %w", err)
		}
	}
	if err := b.index(); err != nil {
		return nil, nil, fmt.Errorf("ingest: full-text index: %w", err)
	}
	if changed {
		if _, err := tx.ExecContext(ctx, `UPDATE generation SET n = n + 1, max_span = max(max_span, ?)`, b.maxSpan); err != nil {
			return nil, nil, fmt.Errorf("ingest: %w", err)
		}
	}
	// Merged events are redone around the stored articles in the same
	// transaction, so that no reader sees an article without them.
	if err := s.resolveArticles(&b.w, stored, b.fresh); err != nil {
		return nil, nil, fmt.Errorf("ingest: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, nil, fmt.Errorf("ingest: commit: %w", err)
	}
	s.didCommit()
	return results, errs, nil
}

// batch is the state of one IngestBatch: its statements, and the
// full-text index changes its end applies.
type batch struct {
	w writer
	// pending holds, by article, the rows of event_text (rowid, text)
	// of the articles stored by this batch, which the full-text index
	// has yet to learn.
	pending map[int64][]any
	// unindex holds the events of replaced articles that the index knew
	// before this batch and must forget.
	unindex []int64
	// The largest event and claim ids, read once a batch (the writer
	// holds the lock, so nobody else takes ids meanwhile).
	haveIDs              bool
	lastEvent, lastClaim int64
	// maxSpan is the longest end_day - start_day among the events the
	// batch stored, for generation.max_span.
	maxSpan int64
	// fresh holds the articles stored, by key, for the resolver (which
	// then need not read their events back).
	fresh map[string]freshArticle
}

// articleText says what one stored article changes in the full-text index.
type articleText struct {
	id       int64   // the new article row
	replaced int64   // the row it replaced, or 0
	unindex  []int64 // events the index must forget
	rows     []any   // its events' rows of event_text: rowid, text, ...
	span     int64   // the longest end_day - start_day of its events
}

// index brings the full-text index up to date: old entries out first (a
// new event may have taken a removed event's id), then the new articles'
// events, each with all its evidence.
func (b *batch) index() error {
	w := &b.w
	if len(b.unindex) > 0 {
		del := w.stmt(`DELETE FROM event_text WHERE rowid = ?`)
		for _, id := range b.unindex {
			w.exec(del, id)
		}
	}
	texts := rowsOf("event_text (rowid, text)", 2)
	for _, rows := range b.pending {
		texts.args = append(texts.args, rows...)
	}
	texts.insert(w, "INSERT INTO ")
	return w.err
}

// ingestOne writes one document inside the batch's transaction.
func (s *Store) ingestOne(ctx context.Context, b *batch, doc *annalist.Document, raw []byte, rec *records) (res annalist.IngestResult, text articleText, err error) {
	if doc == nil {
		return res, text, errors.New("ingest: nil document")
	}
	title := doc.Article.Title
	if title == "" {
		return res, text, fmt.Errorf("ingest %s: document has no article title", doc.Article.Source)
	}
	tx := b.tx()
	res.Key = annalist.ArticleKey(title)
	if raw == nil {
		raw = []byte{}
	}

	var oldID int64
	var oldSHA string
	switch err := b.w.stmtTx(`SELECT id, sha256 FROM articles WHERE title = ?`).QueryRowContext(ctx, title).Scan(&oldID, &oldSHA); {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return res, text, fmt.Errorf("ingest %q: look up earlier version: %w", title, err)
	case oldSHA == doc.Article.SHA256:
		res.Skipped = true
		return res, text, nil
	default:
		// An article stored earlier in this batch is not indexed yet.
		if _, pending := b.pending[oldID]; !pending {
			if text.unindex, err = eventsOf(ctx, tx, oldID); err != nil {
				return res, text, fmt.Errorf("ingest %q: read earlier version: %w", title, err)
			}
		}
		// Cascades remove its conflict, events and claims; the
		// full-text entries go at the end of the batch.
		if err := deleteSideEvents(ctx, tx, oldID); err != nil {
			return res, text, fmt.Errorf("ingest %q: remove earlier version: %w", title, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, oldID); err != nil {
			return res, text, fmt.Errorf("ingest %q: remove earlier version: %w", title, err)
		}
		res.Replaced = true
		text.replaced = oldID
	}

	w := &b.w
	w.err = nil
	<-rec.ready
	if rec.err != nil {
		return res, text, fmt.Errorf("ingest %q: %w", title, rec.err)
	}
	articleID := w.exec(w.stmt(`INSERT INTO articles (key, title, source, format, sha256, raw, document, n_events, n_claims, ingested)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
		res.Key, title, doc.Article.Source, doc.Article.Format, doc.Article.SHA256, raw, rec.doc,
		len(doc.Events), len(doc.Claims), time.Now().UTC().Format(time.RFC3339))

	if c := doc.Conflict; c != nil && w.err == nil {
		w.exec(w.stmt(`INSERT INTO conflicts (article_id, name, date_start, date_end, record) VALUES (?, ?, ?, ?, ?)`),
			articleID, c.Name, nullDate(c.Start), nullDate(c.End), rec.conflict)
		res.Conflicts = 1
	}

	// Rows go in as multi-row INSERTs, a few statements an article
	// instead of one a row: the cost of a statement through database/sql
	// and the driver was most of an ingest's time. Row ids are given here
	// so that sides and the full-text index can name their event; this
	// connection holds the write lock, so nobody else takes ids meanwhile.
	if !b.haveIDs && w.err == nil {
		w.err = w.stmtTx(`SELECT (SELECT coalesce(max(id), 0) FROM events), (SELECT coalesce(max(id), 0) FROM claims)`).QueryRowContext(ctx).Scan(&b.lastEvent, &b.lastClaim)
		b.haveIDs = w.err == nil
	}
	lastEvent, lastClaim := b.lastEvent, b.lastClaim
	var span int64
	events := rowsOf("events (id, key, article_id, ord, start_day, end_day, year, lat, lon, band, deaths, record)", 12)
	sides := rowsOf("side_events (name, undated, day, article_id, ord, end_day, event_id)", 7)
	for i := range doc.Events {
		e := &doc.Events[i]
		eventID := lastEvent + int64(i) + 1
		startDay, endDay, year := eventDays(e)
		if first, last, ok := eventSpan(e); ok {
			span = max(span, last-first)
		}
		var lat, lon, band any
		if e.Place != nil && e.Place.Lat != nil && e.Place.Lon != nil {
			lat, lon, band = *e.Place.Lat, *e.Place.Lon, latitudeBand(*e.Place.Lat)
		}
		events.add(eventID, rec.eventKeys[i], articleID, i, startDay, endDay, year, lat, lon, band, deathsOrNil(e), rec.events[i])
		undated, day := startDay == nil, startDay
		if undated {
			day = 0
		}
		for _, names := range [][]string{e.SideA, e.SideB} {
			for _, name := range names {
				sides.add(name, undated, day, articleID, i, endDay, eventID)
			}
		}
		if err := checkEvidence(e.Evidence); err != nil {
			return res, text, fmt.Errorf("ingest %q: event %s: %w", title, e.ID, err)
		}
		if rec.eventTexts[i] != "" {
			text.rows = append(text.rows, eventID, rec.eventTexts[i])
		}
	}
	res.Events = len(doc.Events)

	claims := rowsOf("claims (id, article_id, ord, what, according_to, record)", 6)
	for i := range doc.Claims {
		c := &doc.Claims[i]
		claimID := lastClaim + int64(i) + 1
		claims.add(claimID, articleID, i, c.What, c.AccordingTo, rec.claims[i])
		if err := checkEvidence(c.Evidence); err != nil {
			return res, text, fmt.Errorf("ingest %q: claim %d: %w", title, i+1, err)
		}
	}
	res.Claims = len(doc.Claims)
	for _, r := range []*tableRows{events, claims} {
		r.insert(w, "INSERT INTO ")
	}
	sides.insert(w, "INSERT OR IGNORE INTO ")
	if w.err != nil {
		return res, text, fmt.Errorf("ingest %q: %w", title, w.err)
	}
	// Ids taken, even by an article rolled back later, are not given
	// again in this batch: a gap is harmless.
	b.lastEvent += int64(len(doc.Events))
	b.lastClaim += int64(len(doc.Claims))
	text.span = span
	text.id = articleID
	b.fresh[res.Key] = freshArticle{id: articleID, title: title, raw: raw, events: doc.Events, firstEvent: lastEvent + 1, keys: rec.eventKeys}
	return res, text, nil
}

func (b *batch) tx() *sql.Tx { return b.w.tx }

// checkEvidence refuses evidence whose byte range cannot point into any
// text, which the explorer would highlight wrongly.
func checkEvidence(evidence []annalist.Evidence) error {
	for _, ev := range evidence {
		if ev.Start < 0 || ev.End < ev.Start {
			return fmt.Errorf("evidence at bytes %d to %d: want 0 <= start <= end", ev.Start, ev.End)
		}
	}
	return nil
}

// deleteSideEvents removes an article's rows of side_events, which no
// cascade reaches: their keys are rebuilt from its events (the names
// from their records, as ingest stored them) and each row deleted by its
// primary key. (A single DELETE ... WHERE (key columns) IN (SELECT ...)
// scans the whole table.)
func deleteSideEvents(ctx context.Context, tx *sql.Tx, articleID int64) error {
	rows, err := tx.QueryContext(ctx, `
		SELECT j.value, e.start_day IS NULL, coalesce(e.start_day, 0), e.ord
		FROM events e, json_each(e.record, '$.side_a') j WHERE e.article_id = ?1
		UNION ALL
		SELECT j.value, e.start_day IS NULL, coalesce(e.start_day, 0), e.ord
		FROM events e, json_each(e.record, '$.side_b') j WHERE e.article_id = ?1`, articleID)
	if err != nil {
		return err
	}
	type key struct {
		name     string
		undated  bool
		day, ord int64
	}
	var keys []key
	for rows.Next() {
		var k key
		if err := rows.Scan(&k.name, &k.undated, &k.day, &k.ord); err != nil {
			rows.Close()
			return err
		}
		keys = append(keys, k)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	del, err := tx.PrepareContext(ctx, `DELETE FROM side_events WHERE name = ? AND undated = ? AND day = ? AND article_id = ? AND ord = ?`)
	if err != nil {
		return err
	}
	defer del.Close()
	for _, k := range keys {
		if _, err := del.ExecContext(ctx, k.name, k.undated, k.day, articleID, k.ord); err != nil {
			return err
		}
	}
	return nil
}

// eventsOf returns the ids of an article's events, which the full-text
// index must forget when the article is replaced.
func eventsOf(ctx context.Context, tx *sql.Tx, articleID int64) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id FROM events WHERE article_id = ?`, articleID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// writer runs the statements of one ingest, keeping the first error so
// that the loops above read as the data they store.
type writer struct {
	ctx context.Context
	tx  *sql.Tx
	s   *Store
	// stmts holds the Store's prepared statements bound to tx: parsing
	// the SQL again for every article was a sixth of an ingest's time.
	stmts map[string]*sql.Stmt
	err   error
}

// stmt returns query prepared (once per Store) and bound to the
// transaction, or nil after an error.
func (w *writer) stmt(query string) *sql.Stmt {
	if w.err != nil {
		return nil
	}
	st, err := w.stmtErr(query)
	if err != nil {
		w.err = err
	}
	return st
}

// stmtTx is stmt for a query whose error the caller reads itself: a
// statement that fails to prepare gives a query that fails.
func (w *writer) stmtTx(query string) *sql.Stmt {
	st, err := w.stmtErr(query)
	if err != nil {
		// The same text prepared on the transaction fails the same way,
		// with the error where the caller looks for it.
		st, _ = w.tx.PrepareContext(w.ctx, query)
	}
	return st
}

func (w *writer) stmtErr(query string) (*sql.Stmt, error) {
	if st, ok := w.stmts[query]; ok {
		return st, nil
	}
	var st *sql.Stmt
	if shared := w.s.prepared(query); shared != nil {
		st = w.tx.StmtContext(w.ctx, shared)
	} else {
		// The writer's one connection is the transaction's: a statement
		// new to the Store is prepared on the transaction now and on the
		// writer once the batch is over.
		var err error
		if st, err = w.tx.PrepareContext(w.ctx, query); err != nil {
			return nil, fmt.Errorf("prepare: %w", err)
		}
		w.s.want(query)
	}
	if w.stmts == nil {
		w.stmts = map[string]*sql.Stmt{}
	}
	w.stmts[query] = st
	return st, nil
}

func (w *writer) exec(st *sql.Stmt, args ...any) int64 {
	if w.err != nil {
		return 0
	}
	r, err := st.ExecContext(w.ctx, args...)
	if err != nil {
		w.err = err
		return 0
	}
	id, err := r.LastInsertId()
	if err != nil {
		w.err = err
	}
	return id
}

// records holds a document's JSON records and event keys, encoded on
// another goroutine while the writer stores the documents before it:
// encoding was a tenth of the writer's time, and the writer is what
// limits an ingest.
type records struct {
	ready     chan struct{} // closed once the fields below are set
	err       error         // the first encoding error (a NaN coordinate, say)
	doc       string        // the document without its events and claims
	conflict  string
	events    []string
	eventKeys []string
	// eventTexts holds each event's evidence, one piece a line, for the
	// full-text index.
	eventTexts []string
	claims     []string
}

// encode fills r from doc.
func (r *records) encode(doc *annalist.Document) {
	defer close(r.ready)
	if doc == nil || doc.Article.Title == "" {
		return // ingestOne reports it
	}
	marshal := func(what string, v any) string {
		if r.err != nil {
			return ""
		}
		b, err := json.Marshal(v)
		if err != nil {
			r.err = fmt.Errorf("encode %s: %w", what, err)
		}
		return string(b)
	}
	// The article row keeps the document without its events and claims,
	// which have rows (and records) of their own; reads put them back.
	shell := *doc
	shell.Events, shell.Claims = nil, nil
	r.doc = marshal("document", &shell)
	if doc.Conflict != nil {
		r.conflict = marshal("conflict record", doc.Conflict)
	}
	seen := make(map[string]bool, len(doc.Events))
	r.events = make([]string, len(doc.Events))
	r.eventTexts = make([]string, len(doc.Events))
	r.eventKeys = make([]string, len(doc.Events))
	for i := range doc.Events {
		e := &doc.Events[i]
		// Keys must be unique; an extractor that repeats an ID (or gives
		// none) still gets every event stored.
		id := e.ID
		if id == "" || seen[id] {
			id = e.ID + "#" + strconv.Itoa(i)
		}
		seen[id] = true
		r.eventKeys[i] = annalist.EventKey(doc.Article.Title, id)
		texts := make([]string, len(e.Evidence))
		for j, ev := range e.Evidence {
			texts[j] = ev.Text
		}
		r.eventTexts[i] = strings.Join(texts, "\n")
		r.events[i] = marshal("event record", e)
	}
	r.claims = make([]string, len(doc.Claims))
	for i := range doc.Claims {
		r.claims[i] = marshal("claim record", &doc.Claims[i])
	}
}

// encoder encodes a batch's documents, in order, ahead of the writer.
type encoder struct {
	recs []records
	done chan struct{}
}

func encodeAhead(items []annalist.IngestItem) *encoder {
	e := &encoder{recs: make([]records, len(items)), done: make(chan struct{})}
	for i := range e.recs {
		e.recs[i].ready = make(chan struct{})
	}
	go func() {
		for i := range items {
			select {
			case <-e.done:
				return // the batch failed; nobody waits for the rest
			default:
			}
			e.recs[i].encode(items[i].Doc)
		}
	}()
	return e
}

// get returns the records of the i-th document (ready or not).
func (e *encoder) get(i int) *records { return &e.recs[i] }

// stop tells the encoder that the batch is over.
func (e *encoder) stop() { close(e.done) }

// latitudeBand is the band an event's place is indexed under: the whole
// degree of latitude at or below it (see schemaPlaceBands).
func latitudeBand(lat float64) int64 { return int64(math.Floor(lat)) }

func nullDate(d annalist.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

// deathsOrNil returns the best estimate of an event's dead, or nil when
// the text gives no number (so that the map can tell 0 from unknown).
func deathsOrNil(e *annalist.Event) any {
	if _, best, _, ok := e.DeathsTotal(); ok {
		return best
	}
	return nil
}

// eventDays returns the day numbers of the first and last day an event's
// dates cover, and its first year; nils when it has no date.
func eventDays(e *annalist.Event) (start, end, year any) {
	first, last, ok := eventSpan(e)
	if !ok {
		return nil, nil, nil
	}
	return first, last, e.DateStart.Year
}

// eventSpan returns the day numbers of the first and last day an event
// covers; ok is false when it has no date.
func eventSpan(e *annalist.Event) (first, last int64, ok bool) {
	if e.DateStart.IsZero() {
		return 0, 0, false
	}
	end := e.DateEnd
	if end.IsZero() {
		end = e.DateStart
	}
	return int64(e.DateStart.First().DayNumber()), int64(end.Last().DayNumber()), true
}

// tableRows collects the rows of one table for multi-row INSERTs.
type tableRows struct {
	table string // "name (col, ...)"
	cols  int
	args  []any
}

func rowsOf(table string, cols int) *tableRows { return &tableRows{table: table, cols: cols} }

func (r *tableRows) add(v ...any) { r.args = append(r.args, v...) }

// insert writes the rows in multi-row INSERTs of 64, 16, 4 or 1 rows:
// as many of the largest as fit, then smaller ones, so that four
// prepared statements a table serve every article.
func (r *tableRows) insert(w *writer, verb string) {
	n := len(r.args) / r.cols
	for size := 64; size >= 1; size /= 4 {
		if n < size {
			continue
		}
		st := w.stmt(r.query(verb, size))
		for ; n >= size && w.err == nil; n -= size {
			start := len(r.args) - n*r.cols
			w.exec(st, r.args[start:start+size*r.cols]...)
		}
	}
}

// query returns the INSERT of rows rows.
func (r *tableRows) query(verb string, rows int) string {
	tuple := "(?" + strings.Repeat(", ?", r.cols-1) + ")"
	var q strings.Builder
	q.WriteString(verb)
	q.WriteString(r.table)
	q.WriteString(" VALUES ")
	for i := range rows {
		if i > 0 {
			q.WriteString(", ")
		}
		q.WriteString(tuple)
	}
	return q.String()
}
