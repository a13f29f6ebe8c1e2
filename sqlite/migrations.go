package sqlite

// A migration moves the schema from version N to N+1, where N is its index
// in migrations. The database records the version it has reached in
// PRAGMA user_version; Open applies the missing ones in order, each in its
// own transaction. Append new migrations at the end; never edit or reorder
// one that has shipped, since databases in the field have already run it.
type migration struct {
	name string
	sql  string
}

var migrations = []migration{
	{name: "documents, events, evidence, claims", sql: schemaV1},
	{name: "gazetteer: GeoNames places and alternate names", sql: schemaGazetteer}, // sqlite/gazetteer.go
	{name: "covering indexes for event filters", sql: schemaCovering},
	{name: "evidence ids derived from their event or claim", sql: schemaEvidenceIDs},
	{name: "places indexed by latitude band; leaner full-text index", sql: schemaPlaceBands},
	{name: "events by side name, in date order", sql: schemaSideEvents},
	{name: "full-text index of events, not of evidence pieces", sql: schemaEventText},
	{name: "no evidence table", sql: schemaNoEvidence},
	{name: "merged events: one clash told by several articles", sql: schemaMerge}, // sqlite/merge.go
}

// schemaNoEvidence drops the evidence table: every piece of evidence is
// in its event's or claim's record, which is what the API serves, and the
// full-text index (event_text) is now filled from the documents being
// stored. Its rows (seventy-five for the bundled sample) were a fifth of
// an ingest's time and were read by nothing else.
const schemaNoEvidence = `DROP TABLE evidence;`

// schemaEventText replaces evidence_text, a full-text index with a row
// per piece of evidence (claims' included, though no query searched
// them), by event_text, a row per event holding all its evidence: a word
// filter selects events, and the bundled sample has three or four pieces
// of evidence an event. Its rowid is the event's id. It keeps its own
// copy of the text, so a replaced article's events leave it by rowid
// (evidence_text needed their old text read back); a contentless index
// with contentless_delete would spare the copy, but SQLite before 3.43
// (Debian 12's sqlite3, say) could then not read the file. As before,
// no column sizes are kept (only BM25 ranking needs them). All of a
// filter's words must now occur in an event's evidence, not in one piece
// of it.
const schemaEventText = `
DROP TABLE evidence_text;
CREATE VIRTUAL TABLE event_text USING fts5(text, tokenize='unicode61 remove_diacritics 2', columnsize=0);
INSERT INTO event_text (event_text, rank) VALUES ('automerge', 8);
INSERT INTO event_text (rowid, text)
	SELECT event_id, group_concat(text, char(10)) FROM evidence WHERE event_id IS NOT NULL GROUP BY event_id;
`

// schemaSideEvents replaces event_sides (a row per event, side and name,
// plus an index by name) with side_events: one B-tree, keyed by the name
// and then by the events' date order (the order of events_by_date). The
// events of one side, in a date range or not, are then a range of it, in
// the order a page wants them: no walk of the date index testing each
// event, no sort. Ingest writes one B-tree a name instead of two.
//
// It has no foreign key: a cascade from events would need an index by
// event id. Ingest deletes an article's rows itself before replacing it
// (see deleteSideEvents). Which side (a or b) named the state was never
// read and is not kept.
const schemaSideEvents = `
CREATE TABLE side_events (
	name       TEXT NOT NULL COLLATE NOCASE,
	undated    INTEGER NOT NULL, -- the event's start_day IS NULL
	day        INTEGER NOT NULL, -- its start_day, 0 when undated
	article_id INTEGER NOT NULL,
	ord        INTEGER NOT NULL,
	end_day    INTEGER,
	event_id   INTEGER NOT NULL,
	PRIMARY KEY (name, undated, day, article_id, ord)
) WITHOUT ROWID;
INSERT OR IGNORE INTO side_events (name, undated, day, article_id, ord, end_day, event_id)
	SELECT s.name, e.start_day IS NULL, coalesce(e.start_day, 0), e.article_id, e.ord, e.end_day, e.id
	FROM event_sides s JOIN events e ON e.id = s.event_id;
DROP TABLE event_sides;
`

// schemaPlaceBands replaces the R*Tree of event places, whose inserts
// were an eighth of an ingest's time (about 20 µs a point), with an
// ordinary index on (band, lon, lat), band being the whole degree of
// latitude below the point (floor(lat)). A bounding box is then one
// range of longitudes in each band it crosses, read off the index with
// the exact coordinates alongside, and so are the columns that order a
// page of events: the page is picked without reading an event row.
//
// The full-text index is rebuilt without per-row column sizes
// (columnsize=0): they serve only BM25 ranking, which event queries never
// use (they are ordered by date), and cost an insert per evidence row.
// Its segments are merged eight at a time instead of four, halving the
// merge work an ingest does for a small cost in lookups.
const schemaPlaceBands = `
ALTER TABLE events ADD COLUMN band INTEGER; -- floor(lat); NULL without a place
UPDATE events SET band = CAST(lat AS INTEGER) - (lat < CAST(lat AS INTEGER)) WHERE lat IS NOT NULL AND lon IS NOT NULL;
CREATE INDEX events_by_place ON events(band, lon, lat, start_day, article_id, ord);
DROP TRIGGER events_place_gone;
DROP TABLE event_places;

DROP TABLE evidence_text;
CREATE VIRTUAL TABLE evidence_text USING fts5(
	text, content='evidence', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2', columnsize=0
);
INSERT INTO evidence_text (evidence_text) VALUES ('rebuild');
INSERT INTO evidence_text (evidence_text, rank) VALUES ('automerge', 8);
`

// schemaEvidenceIDs numbers each evidence row after what it supports: the
// j-th evidence of event e has id e<<16 + j, the j-th of claim c has id
// -(c<<16 + j) - 1. A full-text hit's rowid then names its event by
// arithmetic (rowid >> 16), where a word filter used to look up an
// evidence row for each hit. The table is copied (ids change), the
// full-text index rebuilt from it.
//
// Evidence now goes only with its article (ON DELETE CASCADE from
// articles, which also removes its events and claims): the foreign keys
// to events and claims, and the two indexes their cascades needed, cost
// every ingest two index inserts a row and served nothing else.
const schemaEvidenceIDs = `
CREATE TABLE evidence_new (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	event_id   INTEGER,
	claim_id   INTEGER,
	section    TEXT NOT NULL,
	start_byte INTEGER NOT NULL,
	end_byte   INTEGER NOT NULL,
	text       TEXT NOT NULL,
	CHECK ((event_id IS NULL) != (claim_id IS NULL)),
	CHECK (0 <= start_byte AND start_byte <= end_byte)
);
INSERT INTO evidence_new (id, article_id, event_id, claim_id, section, start_byte, end_byte, text)
	SELECT CASE WHEN event_id IS NOT NULL
		THEN (event_id << 16) + row_number() OVER (PARTITION BY event_id, claim_id ORDER BY id) - 1
		ELSE -((claim_id << 16) + row_number() OVER (PARTITION BY event_id, claim_id ORDER BY id) - 1) - 1 END,
		article_id, event_id, claim_id, section, start_byte, end_byte, text
	FROM evidence;
DROP TABLE evidence;
ALTER TABLE evidence_new RENAME TO evidence;
CREATE INDEX evidence_by_article ON evidence(article_id);
INSERT INTO evidence_text (evidence_text) VALUES ('rebuild');
`

// schemaCovering lets event queries test a date range, a bounding box
// and a full-text match without reading event rows (which hold a whole
// record each): counting the matches of a date filter read each row for
// its end_day, and a full-text filter each evidence row for its event.
const schemaCovering = `
DROP INDEX events_by_date;
CREATE INDEX events_by_date ON events(start_day IS NULL, start_day, article_id, ord, end_day, lon, lat);
CREATE INDEX evidence_event_by_id ON evidence(id, event_id);
`

// schemaV1 stores the Document model. Each table keeps the record's full
// JSON (what the API serves) next to the columns that queries filter and
// sort on. Rows hang off their article with ON DELETE CASCADE, so deleting
// an article removes its whole previous version; a trigger keeps the R*Tree
// (a virtual table, which cascades cannot reach) in step, and Ingest the
// FTS5 index.
const schemaV1 = `
-- One row: n is bumped by every ingest that changes something (ETags);
-- max_span is the longest end_day - start_day ever stored, which lets a
-- date filter bound start_day from below and so read a range of the date
-- index (it only grows: a bound too wide is slower, never wrong).
CREATE TABLE generation (n INTEGER NOT NULL, max_span INTEGER NOT NULL);
INSERT INTO generation (n, max_span) VALUES (0, 0);

CREATE TABLE articles (
	id        INTEGER PRIMARY KEY,
	key       TEXT NOT NULL UNIQUE,
	title     TEXT NOT NULL UNIQUE,
	source    TEXT NOT NULL,
	format    TEXT NOT NULL,
	sha256    TEXT NOT NULL,
	raw       BLOB NOT NULL,
	document  TEXT NOT NULL,
	n_events  INTEGER NOT NULL,
	n_claims  INTEGER NOT NULL,
	ingested  TEXT NOT NULL
);

CREATE TABLE conflicts (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
	name       TEXT NOT NULL,
	date_start TEXT,
	date_end   TEXT,
	record     TEXT NOT NULL
);

CREATE TABLE events (
	id         INTEGER PRIMARY KEY,
	key        TEXT NOT NULL UNIQUE,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	ord        INTEGER NOT NULL,
	start_day  INTEGER,  -- annalist.Date.DayNumber of the first day covered
	end_day    INTEGER,  -- ... of the last day covered
	year       INTEGER,
	lat        REAL,
	lon        REAL,
	deaths     INTEGER,  -- best estimate of all dead (sorting, marker sizes); NULL when not given
	record     TEXT NOT NULL
);
-- Matches eventOrder exactly, so that a page of events in date order is
-- read off the index without sorting every match.
CREATE INDEX events_by_date ON events(start_day IS NULL, start_day, article_id, ord);
CREATE INDEX events_by_article ON events(article_id, ord);

CREATE TABLE event_sides (
	event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
	side     TEXT NOT NULL CHECK (side IN ('a', 'b')),
	name     TEXT NOT NULL COLLATE NOCASE,
	PRIMARY KEY (event_id, side, name)
) WITHOUT ROWID;
CREATE INDEX event_sides_by_name ON event_sides(name, event_id);

CREATE VIRTUAL TABLE event_places USING rtree(id, min_lon, max_lon, min_lat, max_lat);
CREATE TRIGGER events_place_gone AFTER DELETE ON events BEGIN
	DELETE FROM event_places WHERE id = old.id;
END;

CREATE TABLE claims (
	id           INTEGER PRIMARY KEY,
	article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	ord          INTEGER NOT NULL,
	what         TEXT NOT NULL,
	according_to TEXT,
	record       TEXT NOT NULL
);
CREATE INDEX claims_by_article ON claims(article_id, ord);

CREATE TABLE evidence (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	event_id   INTEGER REFERENCES events(id) ON DELETE CASCADE,
	claim_id   INTEGER REFERENCES claims(id) ON DELETE CASCADE,
	section    TEXT NOT NULL,
	start_byte INTEGER NOT NULL,
	end_byte   INTEGER NOT NULL,
	text       TEXT NOT NULL,
	CHECK ((event_id IS NULL) != (claim_id IS NULL)),
	CHECK (0 <= start_byte AND start_byte <= end_byte)
);
CREATE INDEX evidence_by_event ON evidence(event_id);
CREATE INDEX evidence_by_claim ON evidence(claim_id);
CREATE INDEX evidence_by_article ON evidence(article_id);

CREATE VIRTUAL TABLE evidence_text USING fts5(
	text, content='evidence', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2'
);
-- No triggers keep evidence_text in step: Ingest indexes an article's
-- evidence in its last statements instead (see ingest.go for why).
`
