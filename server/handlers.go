package server

import (
	"net/http"
	"net/url"
	"unicode/utf8"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/export"
)

func (s *Server) conflicts(w http.ResponseWriter, r *http.Request) error {
	if err := noParams(r.URL.Query()); err != nil {
		return err
	}
	cs, err := s.store.Conflicts(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, map[string]any{"conflicts": cs})
}

func (s *Server) conflict(w http.ResponseWriter, r *http.Request) error {
	if err := noParams(r.URL.Query()); err != nil {
		return err
	}
	c, err := s.store.Conflict(r.Context(), r.PathValue("key"))
	if err != nil {
		return err
	}
	return writeJSON(w, c)
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) error {
	f, err := parseFilter(r.URL.Query(), defaultPageSize, maxPageSize)
	if err != nil {
		return err
	}
	page, err := s.store.Events(r.Context(), f)
	if err != nil {
		return err
	}
	return writeJSON(w, page)
}

// exportEvents streams an event query through an export writer. An
// error before anything was sent is an ordinary error answer; after, the
// connection is aborted (see abort). CSV takes raw=1 to leave text cells
// as stored (see export.SpreadsheetSafe).
func (s *Server) exportEvents(w http.ResponseWriter, r *http.Request, format, ctype, filename string) error {
	q := r.URL.Query()
	raw := false
	if format == "csv" && q.Has("raw") {
		switch v := q.Get("raw"); {
		case len(q["raw"]) > 1:
			return badParam("raw", "parameter %q given %d times", "raw", len(q["raw"]))
		case v == "1" || v == "true":
			raw = true
		case v == "0" || v == "false":
		default:
			return badParam("raw", "raw: want 1 or 0, got %q", v)
		}
		q = without(q, "raw")
	}
	f, err := parseFilter(q, 0, maxPoints*5)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	sw := newStreamWriter(w)
	ew, err := export.New(format, sw)
	if err != nil {
		return err
	}
	if c, ok := ew.(*export.CSV); ok {
		c.Raw = raw
	}
	err = s.store.EachEvent(r.Context(), f, ew.Write)
	if err == nil {
		// Not after an error: closing writes what was held back (a CSV's
		// header at least), and an error answer needs nothing sent yet.
		err = ew.Close()
	}
	if err != nil && sw.wrote {
		if r.Context().Err() == nil {
			s.log.Error("export failed after it began; connection aborted", "path", r.URL.Path, "query", r.URL.RawQuery, "err", err)
		}
		abort()
	}
	return err
}

func (s *Server) eventsCSV(w http.ResponseWriter, r *http.Request) error {
	return s.exportEvents(w, r, "csv", "text/csv; charset=utf-8", "events.csv")
}

func (s *Server) eventsGeoJSON(w http.ResponseWriter, r *http.Request) error {
	return s.exportEvents(w, r, "geojson", "application/geo+json", "events.geojson")
}

// eventDetail is one event with its evidence marked up for display.
type eventDetail struct {
	annalist.StoredEvent
	ConflictKey string            `json:"conflict_key,omitempty"`
	Evidence    []markedEvidence  `json:"evidence"`
	Links       map[string]string `json:"links"`
	// Sources are the tellings of the merged event it belongs to.
	Sources []sourceDetail `json:"sources,omitempty"`
}

func (s *Server) event(w http.ResponseWriter, r *http.Request) error {
	if err := noParams(r.URL.Query()); err != nil {
		return err
	}
	e, err := s.store.Event(r.Context(), r.PathValue("key"))
	if err != nil {
		return err
	}
	d := eventDetail{StoredEvent: *e, Evidence: markEvidence(&e.Event), Links: map[string]string{
		"article":  "/api/articles/" + url.PathEscape(e.ArticleKey),
		"explorer": "/#event=" + url.QueryEscape(e.Key),
	}}
	if e.Merged != nil {
		d.Sources = sourcesOf(e.Merged)
	}
	if e.ConflictName != "" {
		d.ConflictKey = e.ArticleKey
		d.Links["conflict"] = "/api/conflicts/" + url.PathEscape(e.ArticleKey)
	}
	return writeJSON(w, d)
}

// point is the compact form of an event the explorer's map, timeline and
// list are drawn from; short names keep 10,000 of them small.
type point struct {
	Key   string   `json:"k"`
	First *int     `json:"f"` // first day covered, days since 1970-01-01
	Last  *int     `json:"l"` // last day covered
	Date  string   `json:"d"` // as the document gives it: "1937-06" or "1937-06-01/1937-06-03"
	Lat   *float64 `json:"lat"`
	Lon   *float64 `json:"lon"`
	Dead  int      `json:"n"` // best estimate of all dead (0 when unknown)
	Known bool     `json:"nk,omitempty"`
	Name  string   `json:"t,omitempty"`
	Place string   `json:"p,omitempty"`
	SideA string   `json:"a"`
	SideB string   `json:"b"`
	Conf  string   `json:"c,omitempty"` // conflict name
	Srcs  int      `json:"s,omitempty"` // articles telling it, when more than one
}

var epochDay = annalist.DayDate(1970, 1, 1).DayNumber()

func (s *Server) points(w http.ResponseWriter, r *http.Request) error {
	f, err := parseFilter(r.URL.Query(), maxPoints, maxPoints)
	if err != nil {
		return err
	}
	out := struct {
		Events []point `json:"events"`
		Capped bool    `json:"capped"`
	}{Events: []point{}}
	err = s.store.EachPoint(r.Context(), f, func(ep *annalist.EventPoint) error {
		p := point{Key: ep.Key, Lat: ep.Lat, Lon: ep.Lon, Name: ep.Name, Place: ep.Place, SideA: ep.SideA, SideB: ep.SideB, Conf: ep.ConflictName}
		if ep.Sources > 1 {
			p.Srcs = ep.Sources
		}
		if ep.First != nil {
			first, last := *ep.First-epochDay, *ep.Last-epochDay
			p.First, p.Last = &first, &last
			p.Date = ep.DateStart
			if ep.DateEnd != "" && ep.DateEnd != ep.DateStart {
				p.Date += "/" + ep.DateEnd
			}
		}
		if ep.Deaths != nil {
			p.Dead, p.Known = *ep.Deaths, true
		}
		out.Events = append(out.Events, p)
		return nil
	})
	if err != nil {
		return err
	}
	out.Capped = len(out.Events) == maxPoints
	return writeJSON(w, out)
}

func (s *Server) counts(w http.ResponseWriter, r *http.Request) error {
	f, err := parseFilter(r.URL.Query(), 0, 0)
	if err != nil {
		return err
	}
	c, err := s.store.Counts(r.Context(), f)
	if err != nil {
		return err
	}
	return writeJSON(w, map[string]any{"counts": c})
}

func (s *Server) articles(w http.ResponseWriter, r *http.Request) error {
	if err := noParams(r.URL.Query()); err != nil {
		return err
	}
	as, err := s.store.Articles(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, map[string]any{"articles": as})
}

// articleText is an article's source with the byte ranges of everything
// extracted from it. Offsets are bytes of the UTF-8 text.
type articleText struct {
	annalist.ArticleSummary
	Text   string  `json:"text"`
	Valid  bool    `json:"utf8"` // false: invalid bytes were replaced and ranges may be off
	Ranges []Range `json:"ranges"`
}

func (s *Server) article(w http.ResponseWriter, r *http.Request) error {
	if err := noParams(r.URL.Query()); err != nil {
		return err
	}
	a, err := s.store.Article(r.Context(), r.PathValue("key"))
	if err != nil {
		return err
	}
	return writeJSON(w, articleText{
		ArticleSummary: a.ArticleSummary,
		Text:           string(a.Raw),
		Valid:          utf8.Valid(a.Raw),
		Ranges:         documentRanges(&a.Document, len(a.Raw)),
	})
}
