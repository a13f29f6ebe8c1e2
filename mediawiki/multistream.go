package mediawiki

import (
	"bufio"
	"bytes"
	"compress/bzip2"
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

// stream is one independent bz2 stream of a multistream dump.
type stream struct {
	off, end int64 // compressed byte range in the dump
	firstID  int64 // id of its first page (from the index)
}

// ReadIndex reads a multistream index ("offset:pageid:title" lines,
// plain or bz2) into the streams it describes, in file order. The last
// stream runs to the end of the file (size).
func readIndex(path string, size int64) ([]stream, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(strings.ToLower(path), ".bz2") {
		r = bzip2.NewReader(bufio.NewReaderSize(f, 1<<16))
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var out []stream
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(b) == 0 {
			continue
		}
		c1 := bytes.IndexByte(b, ':')
		if c1 <= 0 {
			return nil, fmt.Errorf("%s:%d: want offset:pageid:title", path, line)
		}
		c2 := bytes.IndexByte(b[c1+1:], ':')
		if c2 < 0 {
			return nil, fmt.Errorf("%s:%d: want offset:pageid:title", path, line)
		}
		off, err1 := strconv.ParseInt(string(b[:c1]), 10, 64)
		id, err2 := strconv.ParseInt(string(b[c1+1:c1+1+c2]), 10, 64)
		if err1 != nil || err2 != nil || off < 0 || off >= size {
			return nil, fmt.Errorf("%s:%d: bad offset or page id", path, line)
		}
		if n := len(out); n == 0 || out[n-1].off != off {
			out = append(out, stream{off: off, firstID: id})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read index %s: %w", path, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: empty multistream index", path)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].off < out[j].off })
	for i := range out {
		if i+1 < len(out) {
			out[i].end = out[i+1].off
		} else {
			out[i].end = size
		}
	}
	return out, nil
}

// streamResult is what a worker made of one stream.
type streamResult struct {
	s      stream
	pages  []Page
	seen   []pageSeen
	err    error
	errOff int64
}

type pageSeen struct {
	id    int64
	title string
	keep  bool // index into pages when kept, in order
}

// multistream decompresses the streams listed in the index in parallel
// (each is an independent bz2 stream holding about a hundred pages),
// scans and filters their pages in the workers, and delivers them in
// order.
func (r *run) multistream(ctx context.Context, f *os.File, index string) error {
	streams, err := readIndex(index, r.size)
	if err != nil {
		return err
	}
	// Resume: skip streams whose successor starts at or before the resume id.
	first := 0
	if r.opts.ResumeAfter > 0 {
		for first+1 < len(streams) && streams[first+1].firstID <= r.opts.ResumeAfter+1 {
			first++
		}
		r.read = streams[first].off
	}
	if r.opts.UpTo > 0 {
		for last := first + 1; last < len(streams); last++ {
			if streams[last].firstID > r.opts.UpTo {
				streams = streams[:last]
				break
			}
		}
	}
	streams = streams[first:]

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan int)
	results := make([]chan streamResult, len(streams))
	for i := range results {
		results[i] = make(chan streamResult, 1)
	}
	for w := 0; w < r.opts.Workers; w++ {
		go func() {
			for i := range jobs {
				results[i] <- r.decodeStream(f, streams[i])
			}
		}()
	}
	// Feed jobs at most 2×workers ahead of delivery so memory stays flat.
	window := make(chan struct{}, 2*r.opts.Workers)
	go func() {
		defer close(jobs)
		for i := range streams {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	for i := range streams {
		var res streamResult
		select {
		case res = <-results[i]:
		case <-ctx.Done():
			return ctx.Err()
		}
		<-window
		k := 0
		for _, ps := range res.seen {
			var pg Page
			if ps.keep {
				pg = res.pages[k]
				k++
			} else {
				pg = Page{ID: ps.id, Title: ps.title}
			}
			if err := r.deliver(pg, ps.keep); err != nil {
				return err
			}
		}
		r.read = res.s.end
		if res.err != nil {
			return r.dumpError(res.errOff, res.s.off, res.err)
		}
		r.progress(false)
	}
	return nil
}

// decodeStream decompresses and scans one stream.
func (r *run) decodeStream(f *os.File, s stream) streamResult {
	res := streamResult{s: s}
	in := io.NewSectionReader(f, s.off, s.end-s.off)
	sc := newScanner(bzip2.NewReader(bufio.NewReaderSize(in, 1<<16)))
	for {
		raw, off, err := sc.next()
		if err == io.EOF {
			return res
		}
		if err != nil {
			res.err, res.errOff = err, off
			return res
		}
		pg, keep, err := r.page(raw, off, s.off)
		if err != nil {
			res.err, res.errOff = err, off
			return res
		}
		res.seen = append(res.seen, pageSeen{id: pg.ID, title: pg.Title, keep: keep})
		if keep {
			res.pages = append(res.pages, pg)
		}
	}
}
