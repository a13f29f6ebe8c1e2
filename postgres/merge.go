package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/gazetteer"
	"github.com/annalist/annalist/resolve"
	"github.com/jackc/pgx/v5"
)

// Merged events: the same clash told by several articles is one row of a
// merged listing (package resolve), with the same tables and meaning as
// the SQLite store's (see its schemaMerge), so that both stores merge the
// same tellings into the same events with the same ids.
//
// The tellings stay as they were stored: undoing a merge is deleting its
// rows here. merged_events has a row per event told by two or more
// articles, keyed by its representative telling's event key; event_id is
// that telling's row (the one a merged listing shows) and record the
// annalist.MergedEvent. merge_members names every telling of each by its
// event key, which survives re-ingesting its article (the row id does
// not), so that the merged events an article was part of can be found and
// redone when it changes. merge_hidden holds the rows a merged listing
// leaves out (every member but the representative), by row id. An event
// told by one article has no row in these.
//
// event_links keeps, for the events whose section names a main article
// ({{Main|…}}, "Main article: …"), those titles, read from the source at
// ingest: the resolver takes them as names of the clash.
//
// merge_dyads is where ingest finds the candidates of a telling: a row for
// each dated event and each pair of a state of its side a and one of its
// side b (folded as the resolver folds them, in alphabetical order), so
// that the events that share a dyad and whose dates meet are one range of
// its primary key, as in resolve.Stream's index. (The SQLite store reads
// its side_events by each state; through events.sides's GIN index, a
// common dyad made PostgreSQL gather all its events for every telling.)
// Migrating fills it from the stored events; "annalist merge" rebuilds it.
const schemaMerge = `
CREATE TABLE merged_events (
	key       text PRIMARY KEY,
	event_id  bigint NOT NULL UNIQUE,
	n_sources integer NOT NULL,
	deaths    integer, -- best estimate of all dead across the sources, as events.deaths
	record    text NOT NULL
);
CREATE TABLE merge_members (
	event_key   text PRIMARY KEY,
	event_id    bigint NOT NULL,
	article_key text NOT NULL,
	merged_key  text NOT NULL
);
CREATE INDEX merge_members_by_merged ON merge_members (merged_key);
CREATE INDEX merge_members_by_article ON merge_members (article_key);
CREATE TABLE merge_hidden (event_id bigint PRIMARY KEY);
CREATE TABLE event_links (
	event_id bigint PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
	links    text NOT NULL -- JSON array of the titles its section names as main articles
);
CREATE TABLE merge_dyads (
	dyad       text NOT NULL,    -- see dyadKeys
	day        integer NOT NULL, -- events.start_day
	end_day    integer NOT NULL, -- events.end_day
	article_id bigint NOT NULL,
	event_id   bigint NOT NULL REFERENCES events(id) ON DELETE CASCADE,
	PRIMARY KEY (dyad, day, event_id)
);
CREATE INDEX merge_dyads_by_event ON merge_dyads (event_id);
`

// dyadKeys returns the keys of an event's rows of merge_dyads: for each
// state of side a and state of side b, the two folded (gazetteer.Fold, as
// the resolver compares them) in alphabetical order, joined by a tab. Two
// events that share a state on each side, either way round, share a key.
func dyadKeys(e *annalist.Event) []string {
	var keys []string
	for _, a := range e.SideA {
		x := gazetteer.Fold(a)
		if x == "" {
			continue
		}
		for _, b := range e.SideB {
			y := gazetteer.Fold(b)
			if y == "" {
				continue
			}
			k := x + "\t" + y
			if y < x {
				k = y + "\t" + x
			}
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	return keys
}

// dyadRows appends the rows of merge_dyads of an event (none when it has
// no date) to rows.
func dyadRows(rows [][]any, e *annalist.Event, id, article int64, day, end *int64) [][]any {
	if day == nil || end == nil {
		return rows
	}
	for _, k := range dyadKeys(e) {
		rows = append(rows, []any{k, *day, *end, article, id})
	}
	return rows
}

// fillDyads writes the rows of merge_dyads of every stored event, read a
// slice at a time through a cursor.
func fillDyads(ctx context.Context, tx pgx.Tx) error {
	if _, err := tx.Exec(ctx, `DECLARE fill_dyads NO SCROLL CURSOR FOR
		SELECT id, article_id, start_day, end_day, record FROM events WHERE start_day IS NOT NULL`); err != nil {
		return fmt.Errorf("index events by dyad: %w", err)
	}
	for {
		rows, err := tx.Query(ctx, `FETCH `+fmt.Sprint(mergeFetch)+` FROM fill_dyads`)
		if err != nil {
			return fmt.Errorf("index events by dyad: %w", err)
		}
		var out [][]any
		var id, article int64
		var day, end *int64
		var record []byte
		n, err := pgx.ForEachRow(rows, []any{&id, &article, &day, &end, &record}, func() error {
			var e annalist.Event
			if err := json.Unmarshal(record, &e); err != nil {
				return fmt.Errorf("event %d: decode record: %w", id, err)
			}
			out = dyadRows(out, &e, id, article, day, end)
			return nil
		})
		if err != nil {
			return fmt.Errorf("index events by dyad: %w", err)
		}
		if n.RowsAffected() == 0 {
			break
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"merge_dyads"}, dyadColumns, pgx.CopyFromRows(out)); err != nil {
			return fmt.Errorf("index events by dyad: %w", err)
		}
	}
	_, err := tx.Exec(ctx, `CLOSE fill_dyads`)
	return err
}

var dyadColumns = []string{"dyad", "day", "end_day", "article_id", "event_id"}

// lockMerge makes resolution take turns: it locks the row of generation
// for the rest of tx, so that ingests (any number of workers) and
// "annalist merge" resolve one after the other, each seeing what the one
// before it committed.
//
// Two batches whose clashes share a dyad and dates must not resolve each
// without seeing the other's tellings (both would commit, and the clash
// stay unmerged), nor both rewrite a merged event they share. Under READ
// COMMITTED (the default), each statement after the lock sees every
// batch that resolved before, since a transaction's locks are released
// only once its commit is visible.
//
// Why a lock rather than SERIALIZABLE transactions and retries: batches
// overlapping in dates and sides are the common case when workers take a
// dump's blocks side by side, and PostgreSQL would abort one of two
// overlapping batches only after it had written its rows: retries would
// redo most batches. Resolution is a small part of a batch (the writes
// before it, and the extraction before those, run in parallel), so
// taking turns costs little. Why this row rather than an advisory lock
// of its own: every write bumps generation anyway, and holds its row
// until it commits; a second lock would have to be taken in the same
// order by every writer, or two writers could each hold one and wait for
// the other (as "annalist merge" and an ingest did).
func lockMerge(ctx context.Context, tx pgx.Tx) error {
	var level string
	if err := tx.QueryRow(ctx, `SELECT current_setting('transaction_isolation') FROM generation FOR UPDATE`).Scan(&level); err != nil {
		return fmt.Errorf("lock merged events: %w", err)
	}
	// A REPEATABLE READ transaction reads the snapshot it took before
	// waiting, and would not see the batch it waited for.
	if level == "repeatable read" {
		return errors.New("lock merged events: resolution needs READ COMMITTED or SERIALIZABLE transactions, not REPEATABLE READ (default_transaction_isolation)")
	}
	return nil
}

// notHidden is the condition that the event whose row id is col is not
// left out of merged listings.
func notHidden(col string) string {
	return `NOT EXISTS (SELECT 1 FROM merge_hidden h WHERE h.event_id = ` + col + `)`
}

// mergedJoin returns, for f, the SQL of a merged row's record (NULL when
// f lists every telling) and the join that reads it (of events e).
func mergedJoin(f annalist.EventFilter) (col, join string) {
	if f.AllSources {
		return `NULL`, ``
	}
	return `m.record`, ` LEFT JOIN merged_events m ON m.event_id = e.id`
}

// sourcesColumn is the SQL of an event row's number of sources: in a
// merged listing, its merged event's (1 without one); 0 otherwise.
func sourcesColumn(f annalist.EventFilter) string {
	if f.AllSources {
		return `0`
	}
	return `coalesce((SELECT m.n_sources FROM merged_events m WHERE m.event_id = e.id), 1)`
}

// deathsColumn is the SQL of an event row's best estimate of the dead:
// in a merged listing, its merged event's where it has one.
func deathsColumn(f annalist.EventFilter) string {
	if f.AllSources {
		return `e.deaths`
	}
	return `coalesce((SELECT m.deaths FROM merged_events m WHERE m.event_id = e.id), e.deaths)`
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
	if err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM merge_hidden)`).Scan(&some); err != nil {
		return f, false, fmt.Errorf("query events: %w", err)
	}
	if some {
		return f, false, nil
	}
	f.AllSources = true
	return f, true, nil
}

// mergedOf returns the merged event the telling key belongs to, nil when
// no other article tells it.
func (s *Store) mergedOf(ctx context.Context, key string) (*annalist.MergedEvent, error) {
	var record []byte
	err := s.pool.QueryRow(ctx, `SELECT m.record FROM merge_members mm JOIN merged_events m ON m.key = mm.merged_key WHERE mm.event_key = $1`, key).Scan(&record)
	if errors.Is(err, pgx.ErrNoRows) {
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
	rows, err := s.pool.Query(ctx, `SELECT record FROM merged_events ORDER BY key COLLATE "C"`)
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
	if err := rows.Err(); err != nil {
		return fmt.Errorf("list merged events: %w", err)
	}
	return nil
}

// maxComponent bounds how many tellings an ingest's resolution gathers
// around the articles it stored: a chain of candidates longer than this
// is cut, with a warning, and left for "annalist merge" (which streams
// the whole store and has no such bound). The SQLite store's bound;
// Store.maxComponent holds it, so that tests can reach it.
const maxComponent = 20000

// flushAt is how many merged events a merge buffers before it writes
// them (by COPY).
const flushAt = 1000

// merger resolves tellings inside one write transaction, which holds
// the lock of lockMerge.
type merger struct {
	ctx     context.Context
	tx      pgx.Tx
	rule    *resolve.Rule
	maxSpan int64
	// articleOf holds the article row of each telling read, by row id;
	// loaded the tellings themselves (nil for a row that is gone).
	articleOf map[int64]int64
	loaded    map[int64]*resolve.Telling
	// fresh marks the rows the ingest just wrote.
	fresh map[int64]bool
	// conflicts caches infobox records by article key.
	conflicts map[string]*annalist.Conflict
	// pending holds the groups the next flush writes.
	pending []pendingGroup
	// written counts the merged events written.
	written int
	// limit is maxComponent.
	limit int
}

func newMerger(ctx context.Context, tx pgx.Tx) (*merger, error) {
	rule, err := resolve.New()
	if err != nil {
		return nil, err
	}
	m := &merger{ctx: ctx, tx: tx, rule: rule, conflicts: map[string]*annalist.Conflict{},
		articleOf: map[int64]int64{}, loaded: map[int64]*resolve.Telling{}, fresh: map[int64]bool{}}
	if err := tx.QueryRow(ctx, `SELECT max_span FROM generation`).Scan(&m.maxSpan); err != nil {
		return nil, fmt.Errorf("read max_span: %w", err)
	}
	return m, nil
}

// resolveWritten redoes, in the ingest's transaction tx, the merged events
// the articles just written (arts, their rows articleIDs, their events'
// rows eventIDs in order) were or may now be part of: the merged events
// holding any of their earlier tellings are undone, their main-article
// links stored, and the connected set of candidates around their
// tellings and the undone events' other members resolved again. It is
// the whole of ingest's part in merging, called once a batch after its
// rows are written.
//
// It reads and writes a layer of tellings at a time, each step one
// statement (or one pipelined batch of them) for the whole layer: a
// round trip a telling would cost more than the rest of the ingest.
func (s *Store) resolveWritten(ctx context.Context, tx pgx.Tx, arts []*article, articleIDs, eventIDs []int64) error {
	if len(arts) == 0 {
		return nil
	}
	if err := lockMerge(ctx, tx); err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	m, err := newMerger(ctx, tx)
	if err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	m.limit = s.maxComponent
	var seeds []int64
	var links, dyads [][]any
	var keys []string
	k := 0
	for n, a := range arts {
		key := annalist.ArticleKey(a.title)
		keys = append(keys, key)
		for _, e := range a.events {
			id := eventIDs[k]
			k++
			t := &resolve.Telling{Key: e.key, ArticleKey: key, ArticleTitle: a.title}
			if err := json.Unmarshal([]byte(e.record), &t.Event); err != nil {
				return fmt.Errorf("merge: event %s: decode record: %w", e.key, err)
			}
			if t.Links = resolve.EvidenceLinks(a.raw, &t.Event); t.Links != nil {
				b, err := json.Marshal(t.Links)
				if err != nil {
					return fmt.Errorf("merge: event %s: encode links: %w", e.key, err)
				}
				links = append(links, []any{id, string(b)})
			}
			dyads = dyadRows(dyads, &t.Event, id, articleIDs[n], e.startDay, e.endDay)
			m.rule.Prepare(t)
			m.loaded[id], m.articleOf[id] = t, articleIDs[n]
			m.fresh[id] = true
			seeds = append(seeds, id)
		}
	}
	if len(links) > 0 {
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"event_links"}, []string{"event_id", "links"}, pgx.CopyFromRows(links)); err != nil {
			return fmt.Errorf("merge: store main-article links: %w", err)
		}
	}
	if len(dyads) > 0 {
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"merge_dyads"}, dyadColumns, pgx.CopyFromRows(dyads)); err != nil {
			return fmt.Errorf("merge: index events by dyad: %w", err)
		}
	}
	// The merged events the earlier versions were part of are undone;
	// their other members are resolved again with the new tellings.
	mates, err := m.dropGroups(`SELECT merged_key FROM merge_members WHERE article_key = ANY($1)`, keys)
	if err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	if err := m.resolveFrom(append(seeds, mates...)); err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	if err := m.flush(); err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	return nil
}

// resolveFrom gathers the tellings connected to seeds by pairs the rule
// finds the same clash, undoing the merged events any of them was in,
// and clusters them and buffers their merged events again. It walks the
// candidates a layer at a time; the set it gathers, and so what Cluster
// makes of it, does not depend on the order it meets them in.
func (m *merger) resolveFrom(seeds []int64) error {
	inComponent := map[int64]bool{}
	ids := map[string]int64{}
	var component []*resolve.Telling
	var verdicts []annalist.PairVerdict
	frontier := seeds
	for len(frontier) > 0 {
		if err := m.load(frontier); err != nil {
			return err
		}
		var layer []int64
		var keys []string // of the tellings that may be in a merged event
		full := false
		for _, id := range frontier {
			t := m.loaded[id]
			if inComponent[id] || t == nil { // nil: gone, its article replaced by one without it
				continue
			}
			if len(component) >= m.limit {
				slog.Warn("merge: candidates around the ingested articles form a chain too long to follow at ingest; run annalist merge", "limit", m.limit, "event", t.Key)
				full = true
				break
			}
			inComponent[id] = true
			ids[t.Key] = id
			component = append(component, t)
			layer = append(layer, id)
			if !m.fresh[id] { // a fresh telling's article had its merged events undone
				keys = append(keys, t.Key)
			}
		}
		// The merged events of the layer's tellings are undone (also when
		// the walk stops here: they are written again below).
		next, err := m.dropGroups(`SELECT merged_key FROM merge_members WHERE event_key = ANY($1)`, keys)
		if err != nil {
			return err
		}
		if full {
			break
		}
		cands, err := m.candidates(layer)
		if err != nil {
			return err
		}
		var all []int64
		for _, cs := range cands {
			all = append(all, cs...)
		}
		if err := m.load(all); err != nil {
			return err
		}
		for i, id := range layer {
			t := m.loaded[id]
			for _, c := range cands[i] {
				if o := m.loaded[c]; c != id && o != nil && m.rule.Same(t, o) {
					verdicts = append(verdicts, m.rule.Judge(t, o))
					next = append(next, c)
				}
			}
		}
		frontier = next
	}
	for _, g := range m.rule.Cluster(component, verdicts) {
		if err := m.write(g, ids); err != nil {
			return err
		}
	}
	return nil
}

// load reads the tellings of the rows ids that are not read yet, in one
// statement (nil for a row that is gone).
func (m *merger) load(ids []int64) error {
	var want []int64
	for _, id := range ids {
		if _, ok := m.loaded[id]; !ok {
			m.loaded[id] = nil
			want = append(want, id)
		}
	}
	if len(want) == 0 {
		return nil
	}
	rows, err := m.tx.Query(m.ctx, `SELECT e.id, e.key, e.article_id, a.key, a.title, e.record, l.links FROM events e JOIN articles a ON a.id = e.article_id
		LEFT JOIN event_links l ON l.event_id = e.id WHERE e.id = ANY($1)`, want)
	if err != nil {
		return fmt.Errorf("read %d events: %w", len(want), err)
	}
	defer rows.Close()
	var record, links []byte
	for rows.Next() {
		var id, article int64
		t := &resolve.Telling{}
		if err := rows.Scan(&id, &t.Key, &article, &t.ArticleKey, &t.ArticleTitle, &record, &links); err != nil {
			return fmt.Errorf("read %d events: %w", len(want), err)
		}
		if err := json.Unmarshal(record, &t.Event); err != nil {
			return fmt.Errorf("event %s: decode record: %w", t.Key, err)
		}
		if err := t.DecodeLinks(links); err != nil {
			return err
		}
		m.rule.Prepare(t)
		m.loaded[id], m.articleOf[id] = t, article
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read %d events: %w", len(want), err)
	}
	return nil
}

// candidates returns, for each telling of the rows layer, the rows of the
// events of other articles that share a dyad with it (see dyadKeys) and
// whose dates meet its own: a range of merge_dyads for each dyad of
// each, all read by one statement.
func (m *merger) candidates(layer []int64) ([][]int64, error) {
	var of []int32 // the layer's index of each range
	var dyads []string
	var from, to, first, article []int64
	for i, id := range layer {
		e := &m.loaded[id].Event
		if e.DateStart.IsZero() {
			continue
		}
		end := e.DateEnd
		if end.IsZero() {
			end = e.DateStart
		}
		f, l := int64(e.DateStart.First().DayNumber()), int64(end.Last().DayNumber())
		for _, k := range dyadKeys(e) {
			of, dyads = append(of, int32(i)), append(dyads, k)
			from, to, first, article = append(from, f-m.maxSpan), append(to, l), append(first, f), append(article, m.articleOf[id])
		}
	}
	out := make([][]int64, len(layer))
	if len(of) == 0 {
		return out, nil
	}
	// A subquery for each range, rather than a join: without statistics
	// on merge_dyads (a new store, a batch just written), the planner
	// took it for small and merged the whole table with the ranges.
	rows, err := m.tx.Query(m.ctx, `SELECT q.i, ARRAY(SELECT d.event_id FROM merge_dyads d
			WHERE d.dyad = q.dyad AND d.day BETWEEN q.lo AND q.hi AND d.end_day >= q.first AND d.article_id <> q.article
			ORDER BY d.day, d.event_id)
		FROM unnest($1::integer[], $2::text[], $3::integer[], $4::integer[], $5::integer[], $6::bigint[]) AS q(i, dyad, lo, hi, first, article)`,
		of, dyads, from, to, first, article)
	if err != nil {
		return nil, fmt.Errorf("candidates of %d events: %w", len(layer), err)
	}
	var i int32
	var ids []int64
	_, err = pgx.ForEachRow(rows, []any{&i, &ids}, func() error {
		for _, id := range ids {
			if !slices.Contains(out[i], id) {
				out[i] = append(out[i], id)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("candidates of %d events: %w", len(layer), err)
	}
	return out, nil
}

// dropGroups undoes the merged events the statement pick selects from
// merge_members (given keys as $1), and returns the current rows of
// their members (found by key: an article re-ingested since has new row
// ids).
func (m *merger) dropGroups(pick string, keys []string) ([]int64, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	rows, err := m.tx.Query(m.ctx, `DELETE FROM merge_members mm WHERE mm.merged_key IN (`+pick+`)
		RETURNING mm.merged_key, mm.event_id, (SELECT e.id FROM events e WHERE e.key = mm.event_key)`, keys)
	if err != nil {
		return nil, fmt.Errorf("undo merged events: %w", err)
	}
	var merged []string
	var old, current []int64
	for rows.Next() {
		var g string
		var o int64
		var c *int64
		if err := rows.Scan(&g, &o, &c); err != nil {
			rows.Close()
			return nil, fmt.Errorf("undo merged events: %w", err)
		}
		if !slices.Contains(merged, g) {
			merged = append(merged, g)
		}
		old = append(old, o)
		if c != nil {
			current = append(current, *c)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("undo merged events: %w", err)
	}
	if len(merged) == 0 {
		return nil, nil
	}
	var b pgx.Batch
	b.Queue(`DELETE FROM merge_hidden WHERE event_id = ANY($1)`, old)
	b.Queue(`DELETE FROM merged_events WHERE key = ANY($1)`, merged)
	if err := m.tx.SendBatch(m.ctx, &b).Close(); err != nil {
		return nil, fmt.Errorf("undo merged events: %w", err)
	}
	return current, nil
}

// loadConflicts reads the infobox records of the articles of keys that
// are not read yet, in one statement.
func (m *merger) loadConflicts(keys []string) error {
	if len(m.conflicts) > 4096 { // a cache, not a copy of the store
		clear(m.conflicts)
	}
	var want []string
	for _, k := range keys {
		if _, ok := m.conflicts[k]; !ok && !slices.Contains(want, k) {
			want = append(want, k)
		}
	}
	if len(want) == 0 {
		return nil
	}
	for _, k := range want {
		m.conflicts[k] = nil
	}
	rows, err := m.tx.Query(m.ctx, `SELECT a.key, c.record FROM conflicts c JOIN articles a ON a.id = c.article_id WHERE a.key = ANY($1)`, want)
	if err != nil {
		return fmt.Errorf("conflicts of %d articles: %w", len(want), err)
	}
	defer rows.Close()
	var record []byte
	for rows.Next() {
		var key string
		if err := rows.Scan(&key, &record); err != nil {
			return fmt.Errorf("conflicts of %d articles: %w", len(want), err)
		}
		var c annalist.Conflict
		if err := json.Unmarshal(record, &c); err != nil {
			return fmt.Errorf("conflict of article %s: decode: %w", key, err)
		}
		m.conflicts[key] = &c
	}
	return rows.Err()
}

// write buffers a group of two or more tellings as a merged event; ids
// gives their rows by key.
func (m *merger) write(g resolve.Group, ids map[string]int64) error {
	if len(g.Tellings) < 2 {
		return nil
	}
	rows := make([]int64, len(g.Tellings))
	for i, t := range g.Tellings {
		rows[i] = ids[t.Key]
	}
	m.pending = append(m.pending, pendingGroup{g, rows})
	m.written++
	if len(m.pending) >= flushAt {
		return m.flush()
	}
	return nil
}

// pendingGroup is a group write has buffered, with its tellings' rows.
type pendingGroup struct {
	g    resolve.Group
	rows []int64
}

// flush merges the buffered groups, their articles' infoboxes read in one
// statement, and writes their rows.
func (m *merger) flush() error {
	var articles []string
	for _, p := range m.pending {
		for _, t := range p.g.Tellings {
			articles = append(articles, t.ArticleKey)
		}
	}
	if err := m.loadConflicts(articles); err != nil {
		return err
	}
	var mergedRows, memberRows, hiddenRows [][]any
	for _, p := range m.pending {
		for _, t := range p.g.Tellings {
			t.Conflict = m.conflicts[t.ArticleKey]
		}
		merged := m.rule.Merge(p.g)
		record, err := json.Marshal(&merged)
		if err != nil {
			return fmt.Errorf("merged event %s: encode: %w", merged.Key, err)
		}
		var deaths *int64
		if _, best, _, ok := merged.Event.DeathsTotal(); ok {
			d := int64(best)
			deaths = &d
		}
		for i, t := range p.g.Tellings {
			memberRows = append(memberRows, []any{t.Key, p.rows[i], t.ArticleKey, merged.Key})
			if t.Key == merged.Key {
				mergedRows = append(mergedRows, []any{merged.Key, p.rows[i], merged.NumberOfSources, deaths, string(record)})
			} else {
				hiddenRows = append(hiddenRows, []any{p.rows[i]})
			}
		}
	}
	m.pending = m.pending[:0]
	for _, t := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"merged_events", []string{"key", "event_id", "n_sources", "deaths", "record"}, mergedRows},
		{"merge_members", []string{"event_key", "event_id", "article_key", "merged_key"}, memberRows},
		{"merge_hidden", []string{"event_id"}, hiddenRows},
	} {
		if len(t.rows) == 0 {
			continue
		}
		if _, err := m.tx.CopyFrom(m.ctx, pgx.Identifier{t.table}, t.cols, pgx.CopyFromRows(t.rows)); err != nil {
			return fmt.Errorf("write %d rows of %s: %w", len(t.rows), t.table, err)
		}
	}
	return nil
}

// mergeFetch is how many events Merge reads from its cursor at a time.
const mergeFetch = 2000

// Merge redoes every merged event of the store in one transaction, under
// the lock of lockMerge: it streams the dated events in date order through
// resolve.Stream, which holds only those whose dates are still open, and
// writes each merged event as soon as its tellings are all closed.
// progress, when non-nil, is called now and then with the events read
// and their total.
func (s *Store) Merge(ctx context.Context, progress func(done, total int)) (annalist.MergeStats, error) {
	var st annalist.MergeStats
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if err := lockMerge(ctx, tx); err != nil {
			return err
		}
		var total int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM events WHERE start_day IS NOT NULL`).Scan(&total); err != nil {
			return fmt.Errorf("count events: %w", err)
		}
		// DELETE rather than TRUNCATE, whose lock would hold up every
		// reader until the merge commits.
		if _, err := tx.Exec(ctx, `DELETE FROM merged_events; DELETE FROM merge_members; DELETE FROM merge_hidden; DELETE FROM merge_dyads`); err != nil {
			return fmt.Errorf("clear: %w", err)
		}
		m, err := newMerger(ctx, tx)
		if err != nil {
			return err
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
		// A cursor, so that the events are read a slice at a time on the
		// connection that writes the merged events between slices.
		if _, err := tx.Exec(ctx, `DECLARE merge_events NO SCROLL CURSOR FOR
			SELECT e.id, e.key, e.article_id, e.start_day, e.end_day, a.key, a.title, e.record, l.links FROM events e
			JOIN articles a ON a.id = e.article_id LEFT JOIN event_links l ON l.event_id = e.id
			WHERE e.start_day IS NOT NULL ORDER BY e.start_day, e.article_id, e.ord`); err != nil {
			return fmt.Errorf("read events: %w", err)
		}
		type row struct {
			id, articleID       int64
			day, end            *int64
			key, article, title string
			record, links       []byte
		}
		for {
			rows, err := tx.Query(ctx, `FETCH `+fmt.Sprint(mergeFetch)+` FROM merge_events`)
			if err != nil {
				return fmt.Errorf("read events: %w", err)
			}
			slice, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (row, error) {
				var x row
				err := r.Scan(&x.id, &x.key, &x.articleID, &x.day, &x.end, &x.article, &x.title, &x.record, &x.links)
				return x, err
			})
			if err != nil {
				return fmt.Errorf("read events: %w", err)
			}
			if len(slice) == 0 {
				break
			}
			var dyads [][]any
			for _, x := range slice {
				t := &resolve.Telling{Key: x.key, ArticleKey: x.article, ArticleTitle: x.title}
				if err := json.Unmarshal(x.record, &t.Event); err != nil {
					return fmt.Errorf("event %s: decode record: %w", t.Key, err)
				}
				if err := t.DecodeLinks(x.links); err != nil {
					return err
				}
				dyads = dyadRows(dyads, &t.Event, x.id, x.articleID, x.day, x.end)
				ids[t.Key] = x.id
				if err := stream.Add(t); err != nil {
					return err
				}
				if progress != nil && stream.Tellings%10000 == 0 {
					progress(stream.Tellings, total)
				}
			}
			if len(dyads) > 0 {
				if _, err := tx.CopyFrom(ctx, pgx.Identifier{"merge_dyads"}, dyadColumns, pgx.CopyFromRows(dyads)); err != nil {
					return fmt.Errorf("index events by dyad: %w", err)
				}
			}
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := stream.Close(); err != nil {
			return err
		}
		if err := m.flush(); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `CLOSE merge_events; UPDATE generation SET n = n + 1`); err != nil {
			return err
		}
		if progress != nil {
			progress(stream.Tellings, total)
		}
		st.Tellings, st.Judged, st.Merged = stream.Tellings, stream.Judged, m.written
		return nil
	})
	if err != nil {
		return annalist.MergeStats{}, fmt.Errorf("merge: %w", err)
	}
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
		err := s.pool.QueryRow(ctx, `SELECT e.key, a.key, a.title, e.record, l.links FROM events e JOIN articles a ON a.id = e.article_id
			LEFT JOIN event_links l ON l.event_id = e.id WHERE e.key = $1`, key).
			Scan(&t.Key, &t.ArticleKey, &t.ArticleTitle, &record, &links)
		if err != nil {
			return nil, notFound("event", key, err)
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
