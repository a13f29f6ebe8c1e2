package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// A migration moves the schema from version N to N+1, where N is its index
// in migrations. The database records the version it reached in
// annalist_schema; Open applies the missing ones in order, each in its own
// transaction, under an advisory lock so that workers starting together
// migrate once. Append new migrations at the end; never edit or reorder one
// that has shipped.
type migration struct {
	name string
	sql  string
	// fill, when set, runs after sql in the same transaction, for what
	// SQL alone cannot compute from the rows stored.
	fill func(ctx context.Context, tx pgx.Tx) error
}

var migrations = []migration{
	{name: "documents, events, sides, claims", sql: schemaV1},
	{name: "events by place: a B-tree on latitude band and longitude", sql: schemaPlaces},
	{name: "events' sides in an array on the event row", sql: schemaSides},
	{name: "articles' place in the input order of a queued ingest", sql: schemaInputPlace}, // the SQL is in ingest.go
	{name: "merged events: the same clash told by several articles", sql: schemaMerge, fill: fillDyads},
	{name: "events by date and by place carry what queries test", sql: schemaCovering},
}

// schemaCovering lets the indexes answer what event queries ask of them
// without reading the rows. The rows hold each event's JSON (1.6 GB for a
// million events, far more than the buffer cache), and every row a query
// read only to test it was a random read:
//
//   - events_by_date carries the event's id, last day, place and sides:
//     a walk in date order (the page of a filter that selects many
//     events) tests the box, side and dates on the index alone, and
//     passes over 50,000 events where it read 50,000 rows;
//   - events_by_place carries the id and the date order: a box that
//     holds few events is read off it and its page sorted without a row
//     read but the page's own.
//
// Rows are skipped only once VACUUM marks their pages all-visible, which
// autovacuum does after a bulk ingest (the insert thresholds of
// PostgreSQL 13 and later).
const schemaCovering = `
DROP INDEX events_by_date;
CREATE INDEX events_by_date ON events (start_day, article_id, ord) INCLUDE (id, end_day, band, lon, lat, sides);
DROP INDEX events_by_place;
CREATE INDEX events_by_place ON events (band, lon, lat) INCLUDE (id, start_day, article_id, ord);
`

// schemaSides keeps each event's sides (lower case, once each) on its own
// row, indexed by GIN: the planner can then either read a rare side's
// events from the index, or walk the date index and test each row for a
// common one, stopping at a page. Through event_sides, a common side made
// every query join hundreds of thousands of ids first. event_sides stays,
// for the counts by side, which name each side as the article does.
const schemaSides = `
ALTER TABLE events ADD COLUMN sides text[] NOT NULL DEFAULT '{}';
UPDATE events e SET sides = s.names FROM
	(SELECT event_id, array_agg(DISTINCT lower(name)) AS names FROM event_sides GROUP BY event_id) s
	WHERE s.event_id = e.id;
CREATE INDEX events_sides ON events USING gin (sides);
DROP INDEX event_sides_by_name;
`

// schemaPlaces indexes places as the SQLite store does (see its
// schemaPlaceBands): band is the whole degree of latitude at or below the
// point, and a bounding box reads one range of longitudes in each band it
// crosses, from an ordinary B-tree: no PostGIS needed.
const schemaPlaces = `
ALTER TABLE events ADD COLUMN band integer;
UPDATE events SET band = floor(lat)::integer WHERE lat IS NOT NULL AND lon IS NOT NULL;
CREATE INDEX events_by_place ON events (band, lon, lat);
`

// schemaV1 stores the Document model as the SQLite store does: each row
// keeps its record's JSON (what the API serves) beside the columns
// queries filter and order on. Rows hang off their article with ON DELETE
// CASCADE, so deleting an article removes its whole earlier version, its
// sides and its words included. words is the event's evidence as a
// tsvector of the words annalist.SearchWords finds (lower case, without
// diacritics), so that a word filter means the same on both stores.
const schemaV1 = `
CREATE TABLE generation (
	one      boolean PRIMARY KEY DEFAULT true CHECK (one),
	n        bigint NOT NULL,
	max_span bigint NOT NULL -- the longest end_day - start_day stored
);
INSERT INTO generation (n, max_span) VALUES (0, 0);

CREATE TABLE articles (
	id       bigserial PRIMARY KEY,
	key      text NOT NULL UNIQUE,
	title    text NOT NULL UNIQUE,
	source   text NOT NULL,
	format   text NOT NULL,
	sha256   text NOT NULL,
	raw      bytea NOT NULL,
	document text NOT NULL,
	n_events integer NOT NULL,
	n_claims integer NOT NULL,
	ingested timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE conflicts (
	article_id bigint PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	name       text NOT NULL,
	date_start text,
	date_end   text,
	record     text NOT NULL
);

CREATE TABLE events (
	id         bigserial PRIMARY KEY,
	key        text NOT NULL UNIQUE,
	article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	ord        integer NOT NULL,
	start_day  integer, -- annalist.Date.DayNumber of the first day covered
	end_day    integer, -- ... of the last day covered
	year       integer,
	lat        double precision,
	lon        double precision,
	deaths     integer, -- best estimate of all dead; NULL when not given
	-- What maps and lists draw, so that they need not decode records.
	date_start text NOT NULL,
	date_end   text NOT NULL,
	name       text NOT NULL,
	place      text NOT NULL,
	side_a     text NOT NULL,
	side_b     text NOT NULL,
	words      tsvector NOT NULL,
	record     text NOT NULL
);
-- In the order of event queries (NULLS LAST is a B-tree's ascending order).
CREATE INDEX events_by_date ON events (start_day, article_id, ord);
CREATE INDEX events_by_article ON events (article_id, ord);
CREATE INDEX events_words ON events USING gin (words);

CREATE TABLE event_sides (
	event_id bigint NOT NULL REFERENCES events(id) ON DELETE CASCADE,
	name     text NOT NULL,
	PRIMARY KEY (event_id, name)
);
CREATE INDEX event_sides_by_name ON event_sides (lower(name), event_id);

CREATE TABLE claims (
	id           bigserial PRIMARY KEY,
	article_id   bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	ord          integer NOT NULL,
	what         text NOT NULL,
	according_to text,
	record       text NOT NULL
);
CREATE INDEX claims_by_article ON claims (article_id, ord);
`
