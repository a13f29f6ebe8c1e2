package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/resolve"
)

// schemaMerge keeps the merged events (package resolve) beside the
// tellings, which stay as they were stored: undoing a merge is deleting
// its rows here.
//
// merged_events has a row per event told by two or more articles: its
// key is its representative telling's event key, event_id that
// telling's row (the one a merged listing shows), record the
// annalist.MergedEvent. merge_members names every telling of each by its
// event key, which survives re-ingesting its article (the row id does
// not), so that the merged events an article was part of can be found
// and redone when it changes. merge_hidden holds the rows a merged
// listing leaves out (every member but the representative), keyed by
// row id so that an event query tests it by a lookup of the id every
// index holds. An event told by one article has no row in these.
//
// event_links keeps, for the events whose section names a main article
// ({{Main|…}}, "Main article: …"), those titles, read from the source at
// ingest: the resolver takes them as names of the clash.
const schemaMerge = `
CREATE TABLE merged_events (
	key       TEXT PRIMARY KEY,
	event_id  INTEGER NOT NULL UNIQUE,
	n_sources INTEGER NOT NULL,
	deaths    INTEGER, -- best estimate of all dead across the sources, as events.deaths
	record    TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE merge_members (
	event_key   TEXT PRIMARY KEY,
	event_id    INTEGER NOT NULL,
	article_key TEXT NOT NULL,
	merged_key  TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX merge_members_by_merged ON merge_members(merged_key);
CREATE INDEX merge_members_by_article ON merge_members(article_key);
CREATE TABLE merge_hidden (event_id INTEGER PRIMARY KEY);
CREATE TABLE event_links (
	event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
	links    TEXT NOT NULL -- JSON array of the titles its section names as main articles
);
`

// notHidden is the condition that the event whose row id is col is not
// left out of merged listings.
func notHidden(col string) string {
	return `NOT EXISTS (SELECT 1 FROM merge_hidden h WHERE h.event_id = ` + col + `)`
}

// sourcesColumn is the SQL of an event row's number of sources: in a
// merged listing, its merged event's (1 without one); 0 otherwise.
func sourcesColumn(f annalist.EventFilter) string {
	if f.AllSources {
		return `0`
	}
	return `coalesce((SELECT m.n_sources FROM merged_events m WHERE m.event_id = e.id), 1)`
}

// listing returns the filter to query by: a merged listing (AllSources
// unset) of a store that has merged nothing lists every telling, and
// reads faster without testing each event against merge_hidden; single
// is then set, and each row must say it has one source.
func (s *Store) listing(ctx context.Context, f annalist.EventFilter) (annalist.EventFilter, bool, error) {
	if f.AllSources {
		return f, false, nil
	}
	var some bool
	if err := s.reader.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM merge_hidden)`).Scan(&some); err != nil {
		return f, false, fmt.Errorf("query events: %w", err)
	}
	if some {
		return f, false, nil
	}
	f.AllSources = true
	return f, true, nil
}

// hiddenIDs returns the rows a merged listing leaves out, sorted, read
// once per generation of the store: a word filter's matches are many
// thousands of ids, which are tested here rather than by a query each
// (eight bytes per hidden telling).
func (s *Store) hiddenIDs(ctx context.Context) ([]int64, error) {
	gen, err := s.Generation(ctx)
	if err != nil {
		return nil, err
	}
	s.hiddenMu.Lock()
	defer s.hiddenMu.Unlock()
	if s.hiddenOK && s.hiddenGen == gen {
		return s.hidden, nil
	}
	// Read with the generation in one snapshot, so that the cache is not
	// filed under a generation it does not match.
	tx, err := s.reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("read merged events: %w", err)
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, `SELECT n FROM generation`).Scan(&gen); err != nil {
		return nil, fmt.Errorf("read merged events: %w", err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT event_id FROM merge_hidden ORDER BY event_id`)
	if err != nil {
		return nil, fmt.Errorf("read merged events: %w", err)
	}
	defer rows.Close()
	ids := []int64{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("read merged events: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read merged events: %w", err)
	}
	s.hidden, s.hiddenGen, s.hiddenOK = ids, gen, true
	return ids, nil
}

// unhidden returns the ids of sorted that hidden (sorted) leaves in.
func unhidden(sorted, hidden []int64) []int64 {
	if len(hidden) == 0 {
		return sorted
	}
	out := make([]int64, 0, len(sorted))
	for _, id := range sorted {
		if _, ok := slices.BinarySearch(hidden, id); !ok {
			out = append(out, id)
		}
	}
	return out
}

// deathsColumn is the SQL of an event row's best estimate of the dead:
// in a merged listing, its merged event's where it has one.
func deathsColumn(f annalist.EventFilter) string {
	if f.AllSources {
		return `e.deaths`
	}
	return `coalesce((SELECT m.deaths FROM merged_events m WHERE m.event_id = e.id), e.deaths)`
}

// mergedOf returns the merged event the telling key belongs to, nil when
// no other article tells it.
func (s *Store) mergedOf(ctx context.Context, key string) (*annalist.MergedEvent, error) {
	var record []byte
	err := s.reader.QueryRowContext(ctx, `SELECT m.record FROM merge_members mm JOIN merged_events m ON m.key = mm.merged_key WHERE mm.event_key = ?`, key).Scan(&record)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("event %q: merged event: %w", key, err)
	}
	var m annalist.MergedEvent
	if err := json.Unmarshal(record, &m); err != nil {
		return nil, fmt.Errorf("event %q: decode merged event: %w", key, err)
	}
	return &m, nil
}

// EachMerged calls fn with every merged event (two or more sources), in
// the order of their keys. Exporters that want one row per clash use
// EachEvent with a filter whose AllSources is unset, which gives merged
// rows and single tellings alike; EachMerged is for listing merges.
func (s *Store) EachMerged(ctx context.Context, fn func(*annalist.MergedEvent) error) error {
	rows, err := s.reader.QueryContext(ctx, `SELECT record FROM merged_events ORDER BY key`)
	if err != nil {
		return fmt.Errorf("list merged events: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var record []byte
		if err := rows.Scan(&record); err != nil {
			return fmt.Errorf("list merged events: %w", err)
		}
		var m annalist.MergedEvent
		if err := json.Unmarshal(record, &m); err != nil {
			return fmt.Errorf("list merged events: decode: %w", err)
		}
		if err := fn(&m); err != nil {
			return err
		}
	}
	return rows.Err()
}

// maxComponent bounds how many tellings an ingest's resolution gathers
// around the articles it stored: a chain of candidates longer than this
// is cut, with a warning, and left for "annalist merge" (which streams
// the whole store and has no such bound).
const maxComponent = 20000

// merger resolves tellings inside one write transaction.
type merger struct {
	ctx     context.Context
	w       *writer // its statements are the Store's, prepared once
	rule    *resolve.Rule
	maxSpan int64
	// articleOf holds the article row of each telling read, by row id;
	// loaded the tellings themselves (nil for a row that is gone).
	articleOf map[int64]int64
	loaded    map[int64]*resolve.Telling
	// conflicts caches infobox records by article key for one batch.
	conflicts map[string]*annalist.Conflict
	// Written counts the merged events written.
	written int
}

func newMerger(w *writer) (*merger, error) {
	rule, err := resolve.New()
	if err != nil {
		return nil, err
	}
	m := &merger{ctx: w.ctx, w: w, rule: rule, conflicts: map[string]*annalist.Conflict{}, articleOf: map[int64]int64{}, loaded: map[int64]*resolve.Telling{}}
	if err := w.tx.QueryRowContext(w.ctx, `SELECT max_span FROM generation`).Scan(&m.maxSpan); err != nil {
		return nil, fmt.Errorf("read max_span: %w", err)
	}
	return m, nil
}

// query runs a statement of the Store's cache in the transaction.
func (m *merger) query(q string, args ...any) (*sql.Rows, error) {
	st, err := m.w.stmtErr(q)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(m.ctx, args...)
}

func (m *merger) exec(q string, args ...any) error {
	st, err := m.w.stmtErr(q)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(m.ctx, args...)
	return err
}

func (m *merger) queryRow(q string, args []any, dest ...any) error {
	rows, err := m.query(q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return err
		}
		return sql.ErrNoRows
	}
	if err := rows.Scan(dest...); err != nil {
		return err
	}
	return rows.Close()
}

// resolveArticles redoes the merged events the articles of keys were or
// may now be part of: the merged events holding any of their earlier
// tellings are undone, and the connected set of candidates around their
// tellings and the undone events' other members is resolved again.
// freshArticle is an article an ingest stored: its row, its source, and
// its events with their rows (firstEvent, firstEvent+1, ...) and keys.
type freshArticle struct {
	id         int64
	title      string
	raw        []byte
	events     []annalist.Event
	firstEvent int64
	keys       []string
}

func (s *Store) resolveArticles(w *writer, keys []string, fresh map[string]freshArticle) error {
	if len(keys) == 0 {
		return nil
	}
	m, err := newMerger(w)
	if err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	for key, f := range fresh {
		for i := range f.events {
			id := f.firstEvent + int64(i)
			t := &resolve.Telling{Key: f.keys[i], ArticleKey: key, ArticleTitle: f.title, Event: f.events[i], Links: resolve.EvidenceLinks(f.raw, &f.events[i])}
			if t.Links != nil {
				b, err := json.Marshal(t.Links)
				if err != nil {
					return fmt.Errorf("merge: event %s: encode links: %w", t.Key, err)
				}
				if err := m.exec(`INSERT INTO event_links (event_id, links) VALUES (?, ?)`, id, b); err != nil {
					return fmt.Errorf("merge: event %s: store links: %w", t.Key, err)
				}
			}
			m.rule.Prepare(t)
			m.loaded[id], m.articleOf[id] = t, f.id
		}
	}
	var seeds []int64
	for _, k := range keys {
		groups, err := m.strings(`SELECT DISTINCT merged_key FROM merge_members WHERE article_key = ?`, k)
		if err != nil {
			return fmt.Errorf("merge: article %s: %w", k, err)
		}
		for _, g := range groups {
			ids, err := m.dropGroup(g)
			if err != nil {
				return fmt.Errorf("merge: article %s: %w", k, err)
			}
			seeds = append(seeds, ids...)
		}
		if f, ok := fresh[k]; ok {
			for i := range f.events {
				seeds = append(seeds, f.firstEvent+int64(i))
			}
			continue
		}
		ids, err := m.ints(`SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id WHERE a.key = ? ORDER BY e.ord`, k)
		if err != nil {
			return fmt.Errorf("merge: article %s: %w", k, err)
		}
		seeds = append(seeds, ids...)
	}
	if err := m.resolveFrom(seeds); err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	return nil
}

// resolveFrom gathers the tellings connected to seeds by pairs the rule
// finds the same clash, undoing the merged events any of them was in,
// and clusters and writes them again.
func (m *merger) resolveFrom(seeds []int64) error {
	inComponent := map[int64]bool{}
	ids := map[string]int64{}
	var component []*resolve.Telling
	var verdicts []annalist.PairVerdict
	queue := seeds
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		if inComponent[id] {
			continue
		}
		t, err := m.telling(id)
		if err != nil {
			return err
		}
		if t == nil {
			continue // gone: its article was replaced by one without it
		}
		if len(component) >= maxComponent {
			slog.Warn("merge: candidates around the ingested articles form a chain too long to follow at ingest; run annalist merge", "limit", maxComponent, "event", t.Key)
			break
		}
		inComponent[id] = true
		ids[t.Key] = id
		component = append(component, t)
		mates, err := m.dropGroupOf(t.Key)
		if err != nil {
			return err
		}
		queue = append(queue, mates...)
		cands, err := m.candidates(&t.Event, m.articleOf[id])
		if err != nil {
			return err
		}
		for _, c := range cands {
			if c == id {
				continue
			}
			o, err := m.telling(c)
			if err != nil {
				return err
			}
			if o == nil {
				continue
			}
			if m.rule.Same(t, o) {
				verdicts = append(verdicts, m.rule.Judge(t, o))
				queue = append(queue, c)
			}
		}
	}
	for _, g := range m.rule.Cluster(component, verdicts) {
		if err := m.write(g, ids); err != nil {
			return err
		}
	}
	return nil
}

// telling reads the telling of row id (nil when there is none), through
// a cache.
func (m *merger) telling(id int64) (*resolve.Telling, error) {
	cache := m.loaded
	if t, ok := cache[id]; ok {
		return t, nil
	}
	var t resolve.Telling
	var record, links []byte
	var article int64
	err := m.queryRow(`SELECT e.key, e.article_id, a.key, a.title, e.record, l.links FROM events e JOIN articles a ON a.id = e.article_id
		LEFT JOIN event_links l ON l.event_id = e.id WHERE e.id = ?`, []any{id},
		&t.Key, &article, &t.ArticleKey, &t.ArticleTitle, &record, &links)
	if errors.Is(err, sql.ErrNoRows) {
		cache[id] = nil
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read event %d: %w", id, err)
	}
	if err := json.Unmarshal(record, &t.Event); err != nil {
		return nil, fmt.Errorf("event %s: decode record: %w", t.Key, err)
	}
	if err := t.DecodeLinks(links); err != nil {
		return nil, err
	}
	m.rule.Prepare(&t)
	cache[id] = &t
	m.articleOf[id] = article
	return &t, nil
}

// candidates returns the rows of the events of other articles that name
// a state of each of e's sides and whose dates meet e's: ranges of
// side_events, keyed by state and date, each row tested for the other
// state by its key.
func (m *merger) candidates(e *annalist.Event, article int64) ([]int64, error) {
	if e.DateStart.IsZero() {
		return nil, nil
	}
	first, last, _ := eventSpan(e)
	var out []int64
	seen := map[int64]bool{}
	for _, a := range e.SideA {
		for _, b := range e.SideB {
			ids, err := m.ints(`SELECT s.event_id FROM side_events s
				WHERE s.name = ? AND s.undated = 0 AND s.day BETWEEN ? AND ? AND s.end_day >= ? AND s.article_id != ?
				AND EXISTS (SELECT 1 FROM side_events o WHERE o.name = ? AND o.undated = 0 AND o.day = s.day AND o.article_id = s.article_id AND o.ord = s.ord)`,
				a, first-m.maxSpan, last, first, article, b)
			if err != nil {
				return nil, fmt.Errorf("candidates of %s against %s: %w", a, b, err)
			}
			for _, id := range ids {
				if !seen[id] {
					seen[id] = true
					out = append(out, id)
				}
			}
		}
	}
	return out, nil
}

// dropGroupOf undoes the merged event the telling key is in, if any, and
// returns the rows of its other members that still exist.
func (m *merger) dropGroupOf(key string) ([]int64, error) {
	groups, err := m.strings(`SELECT merged_key FROM merge_members WHERE event_key = ?`, key)
	if err != nil || len(groups) == 0 {
		return nil, err
	}
	return m.dropGroup(groups[0])
}

// dropGroup deletes a merged event's rows and returns the current rows
// of its members (found by key: an article re-ingested since has new
// row ids).
func (m *merger) dropGroup(merged string) ([]int64, error) {
	rows, err := m.query(`SELECT mm.event_id, e.id FROM merge_members mm LEFT JOIN events e ON e.key = mm.event_key WHERE mm.merged_key = ?`, merged)
	if err != nil {
		return nil, fmt.Errorf("undo merged event %s: %w", merged, err)
	}
	var old, current []int64
	for rows.Next() {
		var o int64
		var c sql.NullInt64
		if err := rows.Scan(&o, &c); err != nil {
			rows.Close()
			return nil, fmt.Errorf("undo merged event %s: %w", merged, err)
		}
		old = append(old, o)
		if c.Valid {
			current = append(current, c.Int64)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("undo merged event %s: %w", merged, err)
	}
	for _, id := range old {
		if err := m.exec(`DELETE FROM merge_hidden WHERE event_id = ?`, id); err != nil {
			return nil, fmt.Errorf("undo merged event %s: %w", merged, err)
		}
	}
	for _, q := range []string{`DELETE FROM merge_members WHERE merged_key = ?`, `DELETE FROM merged_events WHERE key = ?`} {
		if err := m.exec(q, merged); err != nil {
			return nil, fmt.Errorf("undo merged event %s: %w", merged, err)
		}
	}
	return current, nil
}

// write stores a group of two or more tellings as a merged event; ids
// gives their rows by key.
func (m *merger) write(g resolve.Group, ids map[string]int64) error {
	if len(g.Tellings) < 2 {
		return nil
	}
	for _, t := range g.Tellings {
		c, err := m.conflict(t.ArticleKey)
		if err != nil {
			return err
		}
		t.Conflict = c
	}
	merged := m.rule.Merge(g)
	record, err := json.Marshal(&merged)
	if err != nil {
		return fmt.Errorf("merged event %s: encode: %w", merged.Key, err)
	}
	if err := m.exec(`INSERT INTO merged_events (key, event_id, n_sources, deaths, record) VALUES (?, ?, ?, ?, ?)`,
		merged.Key, ids[merged.Key], merged.NumberOfSources, deathsOrNil(&merged.Event), record); err != nil {
		return fmt.Errorf("write merged event %s: %w", merged.Key, err)
	}
	for _, t := range g.Tellings {
		if err := m.exec(`INSERT INTO merge_members (event_key, event_id, article_key, merged_key) VALUES (?, ?, ?, ?)`,
			t.Key, ids[t.Key], t.ArticleKey, merged.Key); err != nil {
			return fmt.Errorf("write merged event %s: %w", merged.Key, err)
		}
		if t.Key == merged.Key {
			continue
		}
		if err := m.exec(`INSERT INTO merge_hidden (event_id) VALUES (?)`, ids[t.Key]); err != nil {
			return fmt.Errorf("write merged event %s: %w", merged.Key, err)
		}
	}
	m.written++
	return nil
}

// conflict returns the infobox record of an article, nil without one.
func (m *merger) conflict(articleKey string) (*annalist.Conflict, error) {
	if c, ok := m.conflicts[articleKey]; ok {
		return c, nil
	}
	var record []byte
	err := m.queryRow(`SELECT c.record FROM conflicts c JOIN articles a ON a.id = c.article_id WHERE a.key = ?`, []any{articleKey}, &record)
	if errors.Is(err, sql.ErrNoRows) {
		m.conflicts[articleKey] = nil
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("conflict of article %s: %w", articleKey, err)
	}
	var c annalist.Conflict
	if err := json.Unmarshal(record, &c); err != nil {
		return nil, fmt.Errorf("conflict of article %s: decode: %w", articleKey, err)
	}
	if len(m.conflicts) > 4096 { // a cache, not a copy of the store
		clear(m.conflicts)
	}
	m.conflicts[articleKey] = &c
	return &c, nil
}

func (m *merger) strings(q string, args ...any) ([]string, error) {
	rows, err := m.query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

func (m *merger) ints(q string, args ...any) ([]int64, error) {
	rows, err := m.query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var n int64
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// MergeStats says what Merge did.
type MergeStats = annalist.MergeStats

// Merge redoes every merged event of the store in one transaction: it
// streams the dated events in date order through resolve.Stream, which
// holds only those whose dates are still open, and writes each merged
// event as soon as its tellings are all closed. progress, when non-nil,
// is called now and then with the events read and their total.
func (s *Store) Merge(ctx context.Context, progress func(done, total int)) (MergeStats, error) {
	var st MergeStats
	var total int
	if err := s.reader.QueryRowContext(ctx, `SELECT count(*) FROM events WHERE start_day IS NOT NULL`).Scan(&total); err != nil {
		return st, fmt.Errorf("merge: count events: %w", err)
	}
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return st, fmt.Errorf("merge: begin: %w", err)
	}
	defer tx.Rollback()
	for _, q := range []string{`DELETE FROM merged_events`, `DELETE FROM merge_members`, `DELETE FROM merge_hidden`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return st, fmt.Errorf("merge: clear: %w", err)
		}
	}
	defer s.prepareWanted(ctx)
	m, err := newMerger(&writer{ctx: ctx, tx: tx, s: s})
	if err != nil {
		return st, fmt.Errorf("merge: %w", err)
	}
	// Row ids of the open tellings, by key, for the rows written.
	ids := map[string]int64{}
	stream := m.rule.NewStream(func(gs []resolve.Group) error {
		for _, g := range gs {
			if err := m.write(g, ids); err != nil {
				return err
			}
			for _, t := range g.Tellings {
				delete(ids, t.Key)
			}
		}
		return nil
	})
	// The tellings are read on a reader connection: the transaction
	// above changes only the merge tables, and the reader's snapshot
	// keeps the events still meanwhile.
	rows, err := s.reader.QueryContext(ctx, `SELECT e.id, e.key, a.key, a.title, e.record, l.links FROM events e
		JOIN articles a ON a.id = e.article_id LEFT JOIN event_links l ON l.event_id = e.id
		WHERE (e.start_day IS NULL) = 0 ORDER BY e.start_day, e.article_id, e.ord`)
	if err != nil {
		return st, fmt.Errorf("merge: read events: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var record, links []byte
		t := &resolve.Telling{}
		if err := rows.Scan(&id, &t.Key, &t.ArticleKey, &t.ArticleTitle, &record, &links); err != nil {
			return st, fmt.Errorf("merge: read events: %w", err)
		}
		if err := json.Unmarshal(record, &t.Event); err != nil {
			return st, fmt.Errorf("merge: event %s: decode record: %w", t.Key, err)
		}
		if err := t.DecodeLinks(links); err != nil {
			return st, fmt.Errorf("merge: %w", err)
		}
		ids[t.Key] = id
		if err := stream.Add(t); err != nil {
			return st, fmt.Errorf("merge: %w", err)
		}
		if progress != nil && stream.Tellings%10000 == 0 {
			progress(stream.Tellings, total)
		}
		if err := ctx.Err(); err != nil {
			return st, fmt.Errorf("merge: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return st, fmt.Errorf("merge: read events: %w", err)
	}
	rows.Close()
	if err := stream.Close(); err != nil {
		return st, fmt.Errorf("merge: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE generation SET n = n + 1`); err != nil {
		return st, fmt.Errorf("merge: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return st, fmt.Errorf("merge: commit: %w", err)
	}
	s.didCommit()
	if progress != nil {
		progress(stream.Tellings, total)
	}
	st.Tellings, st.Judged, st.Merged = stream.Tellings, stream.Judged, m.written
	return st, nil
}

// ExplainPair returns the resolver's judgement of two stored tellings,
// whether or not it joined them.
func (s *Store) ExplainPair(ctx context.Context, keyA, keyB string) (annalist.PairVerdict, error) {
	rule, err := resolve.New()
	if err != nil {
		return annalist.PairVerdict{}, err
	}
	load := func(key string) (*resolve.Telling, error) {
		var record, links []byte
		t := &resolve.Telling{}
		err := s.reader.QueryRowContext(ctx, `SELECT e.key, a.key, a.title, e.record, l.links FROM events e JOIN articles a ON a.id = e.article_id
			LEFT JOIN event_links l ON l.event_id = e.id WHERE e.key = ?`, key).
			Scan(&t.Key, &t.ArticleKey, &t.ArticleTitle, &record, &links)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("event %q: %w", key, annalist.ErrNotFound)
		}
		if err != nil {
			return nil, fmt.Errorf("event %q: %w", key, err)
		}
		return t, t.Decode(record, links)
	}
	return rule.Explain(keyA, keyB, load, func(key string) (string, error) {
		m, err := s.mergedOf(ctx, key)
		if m == nil || err != nil {
			return "", err
		}
		return m.Key, nil
	})
}
