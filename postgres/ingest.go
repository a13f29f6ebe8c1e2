package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/annalist/annalist"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"golang.org/x/text/unicode/norm"
)

// Place is an article's place in one input order that several processes
// store at once, in whatever order they get to it: the order of a queued
// ingest's jobs (River numbers them in the order they were queued), then
// the order in which the job read its items. Kept with the article, it
// makes the stored result that of one ingest reading the inputs in order,
// however the jobs ran: of copies of one text (the same article under
// several names), the first keeps its source; of different texts of one
// title, the last is stored.
//
// The rule looks at the stored version only, not at all those seen: one
// title that comes back to an earlier text after another (A, B, A) may
// end as B, or as A with the first A's source, when its jobs ran out of
// order. Dumps hold one revision a page, so this needs a title given
// twice with texts that go back and forth.
type Place struct {
	Job, Item int64
}

func (p Place) before(q Place) bool { return p.Job < q.Job || p.Job == q.Job && p.Item < q.Item }

// schemaInputPlace keeps each article's Place, when it was stored by a
// queued ingest (NULL otherwise: a direct ingest is simply later than what
// is stored).
// (IF NOT EXISTS: a migration test sets a newer database back to version
// 1 and runs the later ones again.)
const schemaInputPlace = `
ALTER TABLE articles ADD COLUMN IF NOT EXISTS input_job bigint, ADD COLUMN IF NOT EXISTS input_item bigint;
`

// Ingest stores doc, replacing the article's earlier version.
func (s *Store) Ingest(ctx context.Context, doc *annalist.Document, raw []byte) (annalist.IngestResult, error) {
	res, errs, err := s.IngestBatch(ctx, []annalist.IngestItem{{Doc: doc, Raw: raw}})
	if err != nil {
		return annalist.IngestResult{}, err
	}
	return res[0], errs[0]
}

// IngestBatch stores several documents in one transaction, with a fixed
// number of statements whatever their number: one look-up of their
// titles, one DELETE of the versions they replace, and a COPY for each
// table. A document that cannot be stored (no title, evidence pointing
// outside any text, a record that does not encode) is refused before
// anything is written, and the others are stored.
//
// Ingest is idempotent, keyed by article and revision: an article whose
// title and SHA-256 are stored already is skipped. Processes ingesting at
// once take a lock on each title they store (in one order, so that they
// cannot deadlock), so that the same article sent to two workers is
// stored once and skipped once.
func (s *Store) IngestBatch(ctx context.Context, items []annalist.IngestItem) (results []annalist.IngestResult, errs []error, err error) {
	return s.IngestBatchAt(ctx, items, nil)
}

// IngestBatchAt is IngestBatch for items read at places (one each, in
// increasing order) of an input order shared with other processes (see
// Place): an article whose stored version has a place too is written only
// if that makes the result what one ingest in input order stores. A
// version older than the one stored is then reported as Skipped, and an
// earlier copy of the stored text as Replaced (its source is kept).
func (s *Store) IngestBatchAt(ctx context.Context, items []annalist.IngestItem, places []Place) (results []annalist.IngestResult, errs []error, err error) {
	if places != nil && len(places) != len(items) {
		return nil, nil, fmt.Errorf("ingest: %d places for %d articles", len(places), len(items))
	}
	results = make([]annalist.IngestResult, len(items))
	errs = make([]error, len(items))
	arts := make([]*article, len(items))
	byTitle := map[string]int{} // the last document of each title
	var titles []string
	for i, it := range items {
		arts[i], errs[i] = encode(it.Doc, it.Raw)
		if errs[i] != nil {
			continue
		}
		if places != nil {
			arts[i].place = &places[i]
		}
		t := arts[i].title
		results[i].Key = annalist.ArticleKey(t)
		if j, ok := byTitle[t]; ok {
			// A later version in the same batch wins, as if stored after.
			if arts[j].sha == arts[i].sha {
				results[i].Skipped = true
				arts[i] = nil
				continue
			}
			arts[j] = nil
			results[j] = annalist.IngestResult{Key: results[j].Key, Skipped: results[j].Skipped}
			results[i].Replaced = true
		} else {
			titles = append(titles, t)
		}
		byTitle[t] = i
	}
	if len(titles) == 0 {
		return results, errs, nil
	}
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		return s.write(ctx, tx, titles, arts, results)
	})
	if err != nil {
		return nil, nil, fmt.Errorf("ingest: %w", err)
	}
	return results, errs, nil
}

// write stores arts (nil for documents left out) in tx and fills in
// results.
func (s *Store) write(ctx context.Context, tx pgx.Tx, titles []string, arts []*article, results []annalist.IngestResult) error {
	if _, err := tx.Exec(ctx, `SELECT count(pg_advisory_xact_lock(h)) FROM
		(SELECT DISTINCT hashtextextended(t, 0) AS h FROM unnest($1::text[]) t ORDER BY h) locks`, titles); err != nil {
		return fmt.Errorf("lock titles: %w", err)
	}
	type version struct {
		id    int64
		sha   string
		place *Place
	}
	stored := map[string]version{} // by title
	rows, err := tx.Query(ctx, `SELECT id, title, sha256, input_job, input_item FROM articles WHERE title = ANY($1)`, titles)
	if err != nil {
		return fmt.Errorf("look up earlier versions: %w", err)
	}
	for rows.Next() {
		var v version
		var t string
		var job, item *int64
		if err := rows.Scan(&v.id, &t, &v.sha, &job, &item); err != nil {
			rows.Close()
			return fmt.Errorf("look up earlier versions: %w", err)
		}
		if job != nil && item != nil {
			v.place = &Place{Job: *job, Item: *item}
		}
		stored[t] = v
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("look up earlier versions: %w", err)
	}
	var replaced []int64
	var write []*article
	nEvents := 0
	for i, a := range arts {
		if a == nil {
			continue
		}
		if old, ok := stored[a.title]; ok {
			if !supersedes(a.sha, a.place, old.sha, old.place) {
				results[i] = annalist.IngestResult{Key: results[i].Key, Skipped: true}
				continue
			}
			replaced = append(replaced, old.id)
			results[i].Replaced = true
		}
		results[i].Events, results[i].Claims = len(a.events), len(a.claims)
		if a.conflict != nil {
			results[i].Conflicts = 1
		}
		write = append(write, a)
		nEvents += len(a.events)
	}
	if len(write) == 0 {
		return nil
	}
	if len(replaced) > 0 {
		// Cascades remove their conflicts, events, sides and claims.
		if _, err := tx.Exec(ctx, `DELETE FROM articles WHERE id = ANY($1)`, replaced); err != nil {
			return fmt.Errorf("remove earlier versions: %w", err)
		}
	}
	// Ids are taken up front, so that every row can name its article and
	// event in one COPY a table.
	articleIDs, err := nextIDs(ctx, tx, "articles_id_seq", len(write))
	if err != nil {
		return err
	}
	eventIDs, err := nextIDs(ctx, tx, "events_id_seq", nEvents)
	if err != nil {
		return err
	}
	var articleRows, conflictRows, eventRows, sideRows, claimRows [][]any
	var span int64
	k := 0
	for n, a := range write {
		aid := articleIDs[n]
		var job, item *int64
		if a.place != nil {
			job, item = &a.place.Job, &a.place.Item
		}
		articleRows = append(articleRows, []any{aid, annalist.ArticleKey(a.title), a.title, a.source, a.format, a.sha, a.raw, a.doc, len(a.events), len(a.claims), job, item})
		if c := a.conflict; c != nil {
			conflictRows = append(conflictRows, []any{aid, c.name, c.start, c.end, c.record})
		}
		for i, e := range a.events {
			eid := eventIDs[k]
			k++
			span = max(span, e.span)
			eventRows = append(eventRows, []any{eid, e.key, aid, i, e.startDay, e.endDay, e.year, e.lat, e.lon, e.band, e.deaths,
				e.dateStart, e.dateEnd, e.name, e.place, e.sideA, e.sideB, e.folded, e.words, e.record})
			for _, name := range e.sides {
				sideRows = append(sideRows, []any{eid, name})
			}
		}
		for i, c := range a.claims {
			claimRows = append(claimRows, []any{aid, i, c.what, c.accordingTo, c.record})
		}
	}
	for _, t := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"articles", []string{"id", "key", "title", "source", "format", "sha256", "raw", "document", "n_events", "n_claims", "input_job", "input_item"}, articleRows},
		{"conflicts", []string{"article_id", "name", "date_start", "date_end", "record"}, conflictRows},
		{"events", []string{"id", "key", "article_id", "ord", "start_day", "end_day", "year", "lat", "lon", "band", "deaths",
			"date_start", "date_end", "name", "place", "side_a", "side_b", "sides", "words", "record"}, eventRows},
		{"event_sides", []string{"event_id", "name"}, sideRows},
		{"claims", []string{"article_id", "ord", "what", "according_to", "record"}, claimRows},
	} {
		if len(t.rows) == 0 {
			continue
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{t.table}, t.cols, pgx.CopyFromRows(t.rows)); err != nil {
			return fmt.Errorf("copy %d rows into %s: %w", len(t.rows), t.table, err)
		}
	}
	if _, err := tx.Exec(ctx, `UPDATE generation SET n = n + 1, max_span = greatest(max_span, $1)`, span); err != nil {
		return fmt.Errorf("generation: %w", err)
	}
	return s.resolveWritten(ctx, tx, write, articleIDs, eventIDs) // merged events, in the same transaction (merge.go)
}

// supersedes says whether an article (text sha, read at place) is to
// replace the stored version of its title (oldSHA, stored from oldPlace):
// as in one ingest in input order, where a later text replaces an earlier
// one and the same text again changes nothing. When both places are
// known, the article may be earlier in the input than the stored version
// (its job ran later): a different text is then older and stays out, and
// the same text is the first copy and takes the stored one's place.
// Without places, what comes last is later.
func supersedes(sha string, place *Place, oldSHA string, oldPlace *Place) bool {
	if place == nil || oldPlace == nil {
		return sha != oldSHA
	}
	if sha == oldSHA {
		return place.before(*oldPlace)
	}
	return !place.before(*oldPlace)
}

// nextIDs takes n values of a sequence in one statement.
func nextIDs(ctx context.Context, tx pgx.Tx, seq string, n int) ([]int64, error) {
	if n == 0 {
		return nil, nil
	}
	rows, err := tx.Query(ctx, `SELECT nextval($1::regclass) FROM generate_series(1, $2)`, seq, n)
	if err != nil {
		return nil, fmt.Errorf("take ids of %s: %w", seq, err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("take ids of %s: %w", seq, err)
	}
	return ids, nil
}

// article is a document encoded into the values of its rows.
type article struct {
	title, source, format, sha string
	raw                        []byte
	doc                        string // the document without its events and claims
	place                      *Place // in a shared input order, if known
	conflict                   *conflictRow
	events                     []eventRow
	claims                     []claimRow
}

type conflictRow struct {
	name, record string
	start, end   *string
}

type eventRow struct {
	key                                  string
	startDay, endDay, year, band, deaths *int64
	lat, lon                             *float64
	span                                 int64
	dateStart, dateEnd                   string
	name, place, sideA, sideB            string
	sides                                []string // as named, once each
	folded                               []string // the same in lower case, for the side filter
	words                                pgtype.TSVector
	record                               string
}

type claimRow struct {
	what        string
	accordingTo *string
	record      string
}

// encode turns a document into its rows, or says why it cannot be stored.
func encode(doc *annalist.Document, raw []byte) (*article, error) {
	if doc == nil {
		return nil, errors.New("ingest: nil document")
	}
	title := doc.Article.Title
	if title == "" {
		return nil, fmt.Errorf("ingest %s: document has no article title", doc.Article.Source)
	}
	if raw == nil {
		raw = []byte{}
	}
	a := &article{title: title, source: doc.Article.Source, format: doc.Article.Format, sha: doc.Article.SHA256, raw: raw}
	var err error
	marshal := func(what string, v any) string {
		if err != nil {
			return ""
		}
		b, e := json.Marshal(v)
		if e != nil {
			err = fmt.Errorf("ingest %q: encode %s: %w", title, what, e)
		}
		return string(b)
	}
	shell := *doc
	shell.Events, shell.Claims = nil, nil
	a.doc = marshal("document", &shell)
	if c := doc.Conflict; c != nil {
		a.conflict = &conflictRow{name: c.Name, start: dateOrNil(c.Start), end: dateOrNil(c.End), record: marshal("conflict record", c)}
	}
	seen := make(map[string]bool, len(doc.Events))
	for i := range doc.Events {
		e := &doc.Events[i]
		if err := checkEvidence(e.Evidence); err != nil {
			return nil, fmt.Errorf("ingest %q: event %s: %w", title, e.ID, err)
		}
		// Keys must be unique; an extractor that repeats an ID (or gives
		// none) still gets every event stored (as the SQLite store does).
		id := e.ID
		if id == "" || seen[id] {
			id = e.ID + "#" + strconv.Itoa(i)
		}
		seen[id] = true
		r := eventRow{key: annalist.EventKey(title, id), record: marshal("event record", e),
			dateStart: e.DateStart.String(), dateEnd: e.DateEnd.String(),
			sideA: strings.Join(e.SideA, ", "), sideB: strings.Join(e.SideB, ", ")}
		if !e.DateStart.IsZero() {
			end := e.DateEnd
			if end.IsZero() {
				end = e.DateStart
			}
			first, last, year := int64(e.DateStart.First().DayNumber()), int64(end.Last().DayNumber()), int64(e.DateStart.Year)
			r.startDay, r.endDay, r.year, r.span = &first, &last, &year, last-first
		}
		if p := e.Place; p != nil {
			r.place = p.Text
			if p.Lat != nil && p.Lon != nil {
				if math.IsNaN(*p.Lat) || math.IsNaN(*p.Lon) || math.IsInf(*p.Lat, 0) || math.IsInf(*p.Lon, 0) {
					return nil, fmt.Errorf("ingest %q: event %s: coordinates %v, %v are not numbers", title, e.ID, *p.Lat, *p.Lon)
				}
				band := int64(math.Floor(*p.Lat))
				r.lat, r.lon, r.band = p.Lat, p.Lon, &band
			}
		}
		if e.Name != nil {
			r.name = *e.Name
		}
		if _, best, _, ok := e.DeathsTotal(); ok {
			d := int64(best)
			r.deaths = &d
		}
		// A side named twice (in any case) is one row, as in the SQLite
		// store, whose side names compare without case.
		have := map[string]bool{}
		r.folded = []string{}
		for _, names := range [][]string{e.SideA, e.SideB} {
			for _, n := range names {
				if l := strings.ToLower(n); !have[l] {
					have[l] = true
					r.sides = append(r.sides, n)
					r.folded = append(r.folded, l)
				}
			}
		}
		var texts []string
		for _, ev := range e.Evidence {
			texts = append(texts, ev.Text)
		}
		r.words = lexemes(strings.Join(texts, "\n"))
		a.events = append(a.events, r)
	}
	for i := range doc.Claims {
		c := &doc.Claims[i]
		if err := checkEvidence(c.Evidence); err != nil {
			return nil, fmt.Errorf("ingest %q: claim %d: %w", title, i+1, err)
		}
		a.claims = append(a.claims, claimRow{what: c.What, accordingTo: c.AccordingTo, record: marshal("claim record", c)})
	}
	if err != nil {
		return nil, err
	}
	return a, nil
}

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

func dateOrNil(d annalist.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

// fold is a word as the full-text index keeps it: lower case, without
// diacritics (SQLite's unicode61 tokenizer with remove_diacritics does the
// same).
func fold(w string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(w)) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// lexemes is the tsvector of text's words, as annalist.SearchWords finds
// them: built here rather than by a text search configuration, whose
// parser splits words its own way.
func lexemes(text string) pgtype.TSVector {
	words := annalist.SearchWords(text)
	for i, w := range words {
		words[i] = fold(w)
	}
	slices.Sort(words)
	words = slices.Compact(words)
	v := pgtype.TSVector{Valid: true, Lexemes: make([]pgtype.TSVectorLexeme, 0, len(words))}
	for _, w := range words {
		// A lexeme is at most 2 kB; a longer "word" is no word anyone
		// searches for.
		if len(w) < 2048 {
			v.Lexemes = append(v.Lexemes, pgtype.TSVectorLexeme{Word: w})
		}
	}
	return v
}

// tsquery turns what a user types into a tsquery that cannot be a syntax
// error: every word quoted, all required, the last one a prefix; "" when
// the text holds no word.
func tsquery(q string) string {
	words := annalist.SearchWords(q)
	for i, w := range words {
		words[i] = "'" + fold(w) + "'"
	}
	if len(words) > 0 {
		words[len(words)-1] += ":*"
	}
	return strings.Join(words, " & ")
}
