package mediawiki

import (
	"bytes"
	"io"
)

// scanner cuts an XML stream into <page>…</page> elements. It holds at
// most one page (plus one read chunk) in memory.
type scanner struct {
	r     io.Reader
	buf   []byte
	start int   // first unconsumed byte in buf
	base  int64 // stream offset of buf[0]
	eof   bool
	err   error
	// pageAt is the stream offset of the page being read when the stream
	// ended or failed.
	pageAt int64
}

const chunk = 1 << 20

var (
	pageOpen  = []byte("<page>")
	pageClose = []byte("</page>")
)

func newScanner(r io.Reader) *scanner {
	return &scanner{r: r, buf: make([]byte, 0, 2*chunk), pageAt: -1}
}

// fill reads one more chunk, compacting the buffer first.
func (s *scanner) fill() bool {
	if s.eof {
		return false
	}
	if s.start > 0 && s.start >= len(s.buf)/2 {
		n := copy(s.buf, s.buf[s.start:])
		s.buf = s.buf[:n]
		s.base += int64(s.start)
		s.start = 0
	}
	if cap(s.buf)-len(s.buf) < chunk {
		nb := make([]byte, len(s.buf), 2*cap(s.buf)+chunk)
		copy(nb, s.buf)
		s.buf = nb
	}
	n, err := s.r.Read(s.buf[len(s.buf):cap(s.buf)])
	s.buf = s.buf[:len(s.buf)+n]
	if err != nil {
		s.eof = true
		if err != io.EOF {
			s.err = err
		}
	}
	return n > 0 || !s.eof
}

// next returns the next page element (valid until the next call) and its
// stream offset; io.EOF at a clean end; ErrTruncated or the reader's
// error otherwise.
func (s *scanner) next() ([]byte, int64, error) {
	// find <page>
	from := s.start
	for {
		i := bytes.Index(s.buf[from:], pageOpen)
		if i >= 0 {
			from += i
			break
		}
		// keep a tail that could hold a split "<page>"
		keep := max(len(s.buf)-len(pageOpen), s.start)
		s.start = keep
		if !s.fill() {
			if s.err != nil {
				return nil, s.base + int64(len(s.buf)), s.err
			}
			return nil, s.base + int64(len(s.buf)), io.EOF
		}
		from = s.start
	}
	s.start = from
	s.pageAt = s.base + int64(from)
	// find </page>
	search := from + len(pageOpen)
	for {
		i := bytes.Index(s.buf[search:], pageClose)
		if i >= 0 {
			end := search + i + len(pageClose)
			page := s.buf[s.start:end]
			off := s.base + int64(s.start)
			s.start = end
			s.pageAt = -1
			return page, off, nil
		}
		search = max(len(s.buf)-len(pageClose), search)
		startBefore := s.start
		if !s.fill() {
			if s.err != nil {
				return nil, s.pageAt, s.err
			}
			return nil, s.pageAt, ErrTruncated
		}
		// fill may have compacted the buffer
		search -= startBefore - s.start
	}
}
