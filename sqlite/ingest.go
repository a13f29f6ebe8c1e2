package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
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
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("ingest: begin: %w", err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	changed := false
	for i, it := range items {
		if _, err := tx.ExecContext(ctx, `SAVEPOINT article`); err != nil {
			return nil, nil, fmt.Errorf("ingest: savepoint: %w", err)
		}
		results[i], errs[i] = s.ingestOne(ctx, tx, it.Doc, it.Raw)
		if errs[i] != nil {
			if _, err := tx.ExecContext(ctx, `ROLLBACK TO article`); err != nil {
				return nil, nil, fmt.Errorf("ingest: roll back %w after: %w", err, errs[i])
			}
		} else if !results[i].Skipped {
			changed = true
		}
		if _, err := tx.ExecContext(ctx, `RELEASE article`); err != nil {
			return nil, nil, fmt.Errorf("ingest: release savepoint: %w", err)
		}
		if err := ctx.Err(); err != nil {
			return nil, nil, fmt.Errorf("ingest: %w", err)
		}
	}
	if changed {
		if _, err := tx.ExecContext(ctx, `UPDATE generation SET n = n + 1`); err != nil {
			return nil, nil, fmt.Errorf("ingest: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, nil, fmt.Errorf("ingest: commit: %w", err)
	}
	return results, errs, nil
}

// ingestOne writes one document inside tx.
func (s *Store) ingestOne(ctx context.Context, tx *sql.Tx, doc *annalist.Document, raw []byte) (res annalist.IngestResult, err error) {
	if doc == nil {
		return res, errors.New("ingest: nil document")
	}
	title := doc.Article.Title
	if title == "" {
		return res, fmt.Errorf("ingest %s: document has no article title", doc.Article.Source)
	}
	res.Key = annalist.ArticleKey(title)
	if raw == nil {
		raw = []byte{}
	}

	var oldID int64
	var oldSHA string
	var oldText []evidenceText
	switch err := tx.QueryRowContext(ctx, `SELECT id, sha256 FROM articles WHERE title = ?`, title).Scan(&oldID, &oldSHA); {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return res, fmt.Errorf("ingest %q: look up earlier version: %w", title, err)
	case oldSHA == doc.Article.SHA256:
		res.Skipped = true
		return res, nil
	default:
		if oldText, err = indexedEvidence(ctx, tx, oldID); err != nil {
			return res, fmt.Errorf("ingest %q: read earlier version: %w", title, err)
		}
		// Cascades and a trigger remove its conflict, events, claims,
		// evidence and their places; the full-text entries go below.
		if _, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, oldID); err != nil {
			return res, fmt.Errorf("ingest %q: remove earlier version: %w", title, err)
		}
		res.Replaced = true
	}

	w := writer{ctx: ctx, tx: tx}
	// The article row keeps the document without its events and claims,
	// which have rows (and records) of their own; reads put them back.
	shell := *doc
	shell.Events, shell.Claims = nil, nil
	docJSON, err := json.Marshal(&shell)
	if err != nil {
		return res, fmt.Errorf("ingest %q: encode document: %w", title, err)
	}
	articleID := w.insert(`INSERT INTO articles (key, title, source, format, sha256, raw, document, n_events, n_claims, ingested)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		res.Key, title, doc.Article.Source, doc.Article.Format, doc.Article.SHA256, raw, string(docJSON),
		len(doc.Events), len(doc.Claims), time.Now().UTC().Format(time.RFC3339))

	if c := doc.Conflict; c != nil && w.err == nil {
		w.insert(`INSERT INTO conflicts (article_id, name, date_start, date_end, record) VALUES (?, ?, ?, ?, ?)`,
			articleID, c.Name, nullDate(c.Start), nullDate(c.End), w.json(c))
		res.Conflicts = 1
	}

	// Rows go in as multi-row INSERTs, a few statements an article
	// instead of one a row: the cost of a statement through database/sql
	// and the driver was most of an ingest's time. Row ids are given here
	// so that sides, places and evidence can name their event; this
	// connection holds the write lock, so nobody else takes ids meanwhile.
	var lastEvent, lastClaim int64
	if w.err == nil {
		w.err = tx.QueryRowContext(ctx, `SELECT (SELECT coalesce(max(id), 0) FROM events), (SELECT coalesce(max(id), 0) FROM claims)`).Scan(&lastEvent, &lastClaim)
	}
	events := rowsOf("events (id, key, article_id, ord, start_day, end_day, year, lat, lon, deaths, record)", 11)
	sides := rowsOf("event_sides (event_id, side, name)", 3)
	places := rowsOf("event_places (id, min_lon, max_lon, min_lat, max_lat)", 5)
	evidence := rowsOf("evidence (article_id, event_id, claim_id, section, start_byte, end_byte, text)", 7)
	seen := make(map[string]bool, len(doc.Events))
	for i := range doc.Events {
		e := &doc.Events[i]
		// Keys must be unique; an extractor that repeats an ID (or gives
		// none) still gets every event stored.
		id := e.ID
		if id == "" || seen[id] {
			id = e.ID + "#" + strconv.Itoa(i)
		}
		seen[id] = true
		eventID := lastEvent + int64(i) + 1
		startDay, endDay, year := eventDays(e)
		var lat, lon any
		if e.Place != nil && e.Place.Lat != nil && e.Place.Lon != nil {
			lat, lon = *e.Place.Lat, *e.Place.Lon
			places.add(eventID, lon, lon, lat, lat)
		}
		events.add(eventID, annalist.EventKey(title, id), articleID, i, startDay, endDay, year, lat, lon, deathsOrNil(e), w.json(e))
		for _, name := range e.SideA {
			sides.add(eventID, "a", name)
		}
		for _, name := range e.SideB {
			sides.add(eventID, "b", name)
		}
		for _, ev := range e.Evidence {
			evidence.add(articleID, eventID, nil, ev.Section, ev.Start, ev.End, ev.Text)
		}
	}
	res.Events = len(doc.Events)

	claims := rowsOf("claims (id, article_id, ord, what, according_to, record)", 6)
	for i := range doc.Claims {
		c := &doc.Claims[i]
		claimID := lastClaim + int64(i) + 1
		claims.add(claimID, articleID, i, c.What, c.AccordingTo, w.json(c))
		for _, ev := range c.Evidence {
			evidence.add(articleID, nil, claimID, ev.Section, ev.Start, ev.End, ev.Text)
		}
	}
	res.Claims = len(doc.Claims)
	for _, r := range []*tableRows{events, claims, places, evidence} {
		r.insert(&w, "INSERT INTO ")
	}
	sides.insert(&w, "INSERT OR IGNORE INTO ")

	// The full-text index is written last, in two statements. Once a
	// transaction has touched an FTS5 table, every later statement's
	// savepoint makes FTS5 flush its pending terms into a new segment and
	// merge: indexing row by row (by trigger) made ingest ten times slower.
	del := w.prepare(`INSERT INTO evidence_text (evidence_text, rowid, text) VALUES ('delete', ?, ?)`)
	for _, o := range oldText {
		w.exec(del, o.id, o.text)
	}
	w.insert(`INSERT INTO evidence_text (rowid, text) SELECT id, text FROM evidence WHERE article_id = ?`, articleID)
	w.insert(`UPDATE generation SET max_span = max(max_span, coalesce((SELECT max(end_day - start_day) FROM events WHERE article_id = ?), 0))`, articleID)
	if w.err != nil {
		return res, fmt.Errorf("ingest %q: %w", title, w.err)
	}
	return res, nil
}

type evidenceText struct {
	id   int64
	text string
}

// indexedEvidence reads the evidence rows of an article, which the
// full-text index needs to forget them (it keeps no copy of the text).
func indexedEvidence(ctx context.Context, tx *sql.Tx, articleID int64) ([]evidenceText, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, text FROM evidence WHERE article_id = ?`, articleID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []evidenceText
	for rows.Next() {
		var e evidenceText
		if err := rows.Scan(&e.id, &e.text); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// writer runs the statements of one ingest, keeping the first error so
// that the loops above read as the data they store.
type writer struct {
	ctx   context.Context
	tx    *sql.Tx
	stmts []*sql.Stmt
	err   error
}

func (w *writer) prepare(query string) *sql.Stmt {
	if w.err != nil {
		return nil
	}
	st, err := w.tx.PrepareContext(w.ctx, query)
	if err != nil {
		w.err = fmt.Errorf("prepare: %w", err)
		return nil
	}
	return st
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

func (w *writer) insert(query string, args ...any) int64 {
	if w.err != nil {
		return 0
	}
	r, err := w.tx.ExecContext(w.ctx, query, args...)
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

// json encodes v for a record column; an error (a NaN coordinate, say)
// fails the ingest.
func (w *writer) json(v any) string {
	if w.err != nil {
		return ""
	}
	b, err := json.Marshal(v)
	if err != nil {
		w.err = fmt.Errorf("encode record: %w", err)
		return ""
	}
	return string(b)
}

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
	if e.DateStart.IsZero() {
		return nil, nil, nil
	}
	last := e.DateEnd
	if last.IsZero() {
		last = e.DateStart
	}
	return e.DateStart.First().DayNumber(), last.Last().DayNumber(), e.DateStart.Year
}

// tableRows collects the rows of one table for multi-row INSERTs.
type tableRows struct {
	table string // "name (col, ...)"
	cols  int
	args  []any
}

func rowsOf(table string, cols int) *tableRows { return &tableRows{table: table, cols: cols} }

func (r *tableRows) add(v ...any) { r.args = append(r.args, v...) }

// maxParams stays under SQLite's limit on parameters in one statement.
const maxParams = 30000

// insert writes the rows in as few statements as the parameter limit
// allows.
func (r *tableRows) insert(w *writer, verb string) {
	per := (maxParams / r.cols) * r.cols
	tuple := "(?" + strings.Repeat(", ?", r.cols-1) + ")"
	for start := 0; start < len(r.args) && w.err == nil; start += per {
		chunk := r.args[start:min(start+per, len(r.args))]
		var q strings.Builder
		q.WriteString(verb)
		q.WriteString(r.table)
		q.WriteString(" VALUES ")
		for i := 0; i < len(chunk)/r.cols; i++ {
			if i > 0 {
				q.WriteString(", ")
			}
			q.WriteString(tuple)
		}
		w.insert(q.String(), chunk...)
	}
}
