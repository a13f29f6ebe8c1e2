// Package server is annalist's HTTP API and web explorer. It only reads
// the store (ingest is a command, never an endpoint), and serves the
// explorer's HTML, CSS and JavaScript from files embedded in the binary,
// so it works with no network at all.
//
// Every answer is compressed when the client accepts gzip and carries an
// ETag built from the store's generation, so a client revalidating an
// unchanged view gets 304 without a query being run.
package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/annalist/annalist"
)

// DefaultAddr is where serve listens unless told otherwise: loopback only.
const DefaultAddr = "127.0.0.1:8080"

// Limits applied to every request.
const (
	maxHeaderBytes = 16 << 10
	maxBodyBytes   = 1 << 10 // no endpoint takes a body
	maxQueryBytes  = 4 << 10
	handlerTimeout = 30 * time.Second
	writeGrace     = 15 * time.Second // past handlerTimeout, to send the answer
	// streamWriteTimeout bounds each write of a streamed export: a
	// client that takes no bytes for this long is dropped.
	streamWriteTimeout = 30 * time.Second
	maxPageSize        = 1000
	defaultPageSize    = 100
	maxPoints          = 200_000
)

// Server answers the API and serves the explorer.
type Server struct {
	store  annalist.Store
	log    *slog.Logger
	mux    *http.ServeMux
	assets assets

	spotCache  spotCache
	mapAnswers answerCache
}

// New returns the handler for st. log may be nil.
func New(st annalist.Store, log *slog.Logger) (*Server, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	a, err := loadAssets()
	if err != nil {
		return nil, err
	}
	s := &Server{store: st, log: log, mux: http.NewServeMux(), assets: a}
	s.routes()
	return s, nil
}

func (s *Server) routes() {
	api := func(pattern string, h func(w http.ResponseWriter, r *http.Request) error) {
		s.mux.Handle(pattern, s.cached(h, handlerTimeout))
	}
	// Streams have no deadline for the whole answer: a large export to a
	// slow client may take long. Each write has its own (see stream.go),
	// and a client that leaves cancels the query.
	stream := func(pattern string, h func(w http.ResponseWriter, r *http.Request) error) {
		s.mux.Handle(pattern, s.cached(h, 0))
	}
	api("GET /api/conflicts", s.conflicts)
	api("GET /api/conflicts/{key}", s.conflict)
	api("GET /api/events", s.events)
	stream("GET /api/events.csv", s.eventsCSV)
	stream("GET /api/events.geojson", s.eventsGeoJSON)
	api("GET /api/events/{key}", s.event)
	api("GET /api/points", s.points)
	api("GET /api/counts", s.counts)
	api("GET /api/map", s.mapCells)
	api("GET /api/timeline", s.timeline)
	api("GET /api/articles", s.articles)
	api("GET /api/articles/{key}", s.article)
	api("GET /api/ged/events", s.gedEvents)          // UCDP GED's API shape (ged.go)
	api("GET /api/gedevents/{version}", s.gedEvents) // UCDP's own path: change only the base URL
	s.mux.HandleFunc("/api/", s.noRoute)
	s.mux.HandleFunc("GET /{$}", s.asset)
	s.mux.HandleFunc("GET /{file}", s.asset)
	s.mux.HandleFunc("/", s.noRoute)
}

// noRoute answers a request no route took: 405 with Allow when the path
// is served with another method, else 404. (The catch-all routes would
// otherwise hide the mux's own 405.)
func (s *Server) noRoute(w http.ResponseWriter, r *http.Request) {
	api := strings.HasPrefix(r.URL.Path, "/api/")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		probe := r.Clone(r.Context())
		probe.Method = http.MethodGet
		if _, pattern := s.mux.Handler(probe); pattern != "/api/" && pattern != "/" {
			w.Header().Set("Allow", "GET, HEAD")
			msg := fmt.Sprintf("method %s not allowed on %s (GET or HEAD)", r.Method, r.URL.Path)
			if api {
				writeError(w, http.StatusMethodNotAllowed, "", msg)
			} else {
				http.Error(w, msg, http.StatusMethodNotAllowed)
			}
			return
		}
	}
	if api {
		writeError(w, http.StatusNotFound, "", fmt.Sprintf("no API endpoint %s", r.URL.Path))
		return
	}
	http.Error(w, "404 page not found", http.StatusNotFound)
}

// ServeHTTP applies the request limits and compression, then routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if len(r.URL.RawQuery) > maxQueryBytes {
		writeError(w, http.StatusRequestURITooLong, "", "query string too long")
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxBodyBytes)
	// The server has no WriteTimeout (streams would hit it): every answer
	// gets a write deadline here, which streams push on as they write.
	http.NewResponseController(w).SetWriteDeadline(time.Now().Add(handlerTimeout + writeGrace))

	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "no-referrer")
	gz := newGzipWriter(w, r)
	defer func() {
		if p := recover(); p != nil {
			panic(p) // an aborted answer gets no gzip trailer: it must not look whole
		}
		gz.Close()
	}()
	start := time.Now()
	s.mux.ServeHTTP(gz, r)
	s.log.Debug("request", "method", r.Method, "path", r.URL.Path, "query", r.URL.RawQuery, "status", gz.status, "dur", time.Since(start))
}

// HTTPServer returns an http.Server for h on addr with timeouts that keep
// slow or idle clients from holding connections. It has no WriteTimeout:
// Server sets a deadline on each answer, and on each write of a stream.
func HTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    maxHeaderBytes,
	}
}

// IsLoopback reports whether addr (host:port) listens only on this
// machine; serve warns otherwise.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// apiError is an error with the status and parameter it is about.
type apiError struct {
	status int
	param  string
	msg    string
}

func (e *apiError) Error() string { return e.msg }

func badParam(param, format string, args ...any) error {
	return &apiError{status: http.StatusBadRequest, param: param, msg: fmt.Sprintf(format, args...)}
}

func writeError(w http.ResponseWriter, status int, param, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	body := map[string]string{"error": msg}
	if param != "" {
		body["param"] = param
	}
	json.NewEncoder(w).Encode(body)
}

// fail turns a handler's error into a JSON error answer.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var ae *apiError
	switch {
	case errors.As(err, &ae):
		writeError(w, ae.status, ae.param, ae.msg)
	case errors.Is(err, annalist.ErrNotFound):
		writeError(w, http.StatusNotFound, "", err.Error())
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusServiceUnavailable, "", "the query took too long")
	case errors.Is(err, context.Canceled):
		// The client went away.
	default:
		s.log.Error("request failed", "path", r.URL.Path, "query", r.URL.RawQuery, "err", err)
		writeError(w, http.StatusInternalServerError, "", "internal error")
	}
}

// cached wraps an API handler: it answers If-None-Match from the store's
// generation before running h, and sets the ETag h's answer carries. A
// timeout above 0 bounds the whole request.
func (s *Server) cached(h func(w http.ResponseWriter, r *http.Request) error, timeout time.Duration) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if timeout > 0 {
			ctx, cancel := context.WithTimeout(r.Context(), timeout)
			defer cancel()
			r = r.WithContext(ctx)
		}
		gen, err := s.store.Generation(r.Context())
		if err != nil {
			s.fail(w, r, err)
			return
		}
		// Weak: the bytes differ with and without gzip, the data do not.
		etag := fmt.Sprintf(`W/"%s-%d"`, s.assets.version, gen)
		w.Header().Set("ETag", etag)
		w.Header().Set("Cache-Control", "no-cache")
		if etagMatch(r.Header.Get("If-None-Match"), etag) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		if err := h(w, r); err != nil {
			w.Header().Del("ETag")
			s.fail(w, r, err)
		}
	})
}

// etagMatch implements If-None-Match's weak comparison.
func etagMatch(header, etag string) bool {
	if header == "" {
		return false
	}
	want := strings.TrimPrefix(etag, "W/")
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == want {
			return true
		}
	}
	return false
}

func writeJSON(w http.ResponseWriter, v any) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true) // article text is untrusted: keep "<" out of raw JSON
	return enc.Encode(v)
}
