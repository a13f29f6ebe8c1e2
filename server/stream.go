package server

import (
	"net/http"
	"time"
)

// streamWriter is the body of a streamed export. It pushes the write
// deadline on before each write, so that a slow client is never cut off
// while it keeps reading, and a stalled one is; and it remembers whether
// any byte went out, after which an error can no longer be an answer of
// its own.
type streamWriter struct {
	w       http.ResponseWriter
	rc      *http.ResponseController
	wrote   bool
	pushed  time.Time
	timeout time.Duration
}

func newStreamWriter(w http.ResponseWriter) *streamWriter {
	return &streamWriter{w: w, rc: http.NewResponseController(w), timeout: streamWriteTimeout}
}

func (s *streamWriter) Write(b []byte) (int, error) {
	// Once a second is enough: the deadline is tens of seconds away.
	if now := time.Now(); now.Sub(s.pushed) > time.Second {
		s.rc.SetWriteDeadline(now.Add(s.timeout))
		s.pushed = now
	}
	s.wrote = true
	return s.w.Write(b)
}

// abort ends an answer that failed after part of it was sent: the
// connection is closed without the end of the body, so the client sees
// an error, never a short file behind a 200.
func abort() {
	panic(http.ErrAbortHandler)
}
