// Package mediawiki streams the pages of MediaWiki XML exports and
// Wikipedia dumps (.xml, .xml.bz2, and multistream .xml.bz2 with their
// index) of any size in constant memory.
//
// A hand-written scanner cuts the XML into <page> elements and reads the
// few fields annalist needs (title, namespace, id, redirect, the last
// revision's text) without building a DOM: encoding/xml is several times
// slower than bzip2 decompression, which would make it the bottleneck.
// A cheap pre-filter on the raw page text lets only pages that carry a
// conflict infobox be unescaped and handed on.
package mediawiki

import (
	"bufio"
	"bytes"
	"compress/bzip2"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/cosnicolaou/pbzip2"
)

// Page is one page of a dump.
type Page struct {
	ID       int64
	Title    string
	NS       int
	Redirect string // target title of a redirect page, else ""
	Text     []byte // the last revision's wikitext, unescaped (owned by the callee)
	// Offset is the byte offset of <page> in the decompressed XML stream
	// (in the stream of its own bz2 block group for a multistream dump).
	Offset int64
	// Stream is the compressed offset of the multistream bz2 stream that
	// holds the page, or -1.
	Stream int64
}

// Options control which pages Pages delivers.
type Options struct {
	// All delivers every article page, not only those whose text names a
	// conflict infobox (for benchmarks and robustness runs).
	All bool
	// Match, when set, replaces the conflict-infobox pre-filter: it sees
	// the page's text as it stands in the XML (still escaped).
	Match func(escaped []byte) bool
	// AllNamespaces and Redirects deliver pages outside the article
	// namespace (ns 0) and redirect pages, which are skipped by default.
	AllNamespaces bool
	Redirects     bool
	// ResumeAfter skips pages whose id is at most this (dumps are in id
	// order); with a multistream index whole streams are skipped unread.
	ResumeAfter int64
	// UpTo, with a multistream index, reads only the streams whose first
	// page id is at most this (0: to the end): with ResumeAfter, a range
	// of streams, which is how a job queue shares a dump among workers.
	// Without an index it is ignored.
	UpTo int64
	// Index is the multistream index file; empty looks for the
	// "-index.txt.bz2" or "-index.txt" file next to the dump.
	Index string
	// Workers decompress streams in parallel (default: GOMAXPROCS).
	Workers int
	// Progress, when set, is called about every ProgressEvery (default
	// one second) and once at the end.
	Progress      func(Progress)
	ProgressEvery time.Duration
}

// Progress reports how far a run has got.
type Progress struct {
	Pages     int64 // pages seen (all namespaces)
	Delivered int64 // pages handed to fn
	Read      int64 // bytes of the file read (compressed bytes for .bz2)
	Size      int64 // the file's size
	// LastID is the id of the last page done with: skipped, or handed to
	// fn and returned from it. It is the resume point to store
	// (Options.ResumeAfter) so that an interrupted run continues after it.
	LastID  int64
	Elapsed time.Duration
	Done    bool
}

// PagesPerSecond is the rate of pages seen.
func (p Progress) PagesPerSecond() float64 {
	if p.Elapsed <= 0 {
		return 0
	}
	return float64(p.Pages) / p.Elapsed.Seconds()
}

// BytesPerSecond is the rate of file bytes read (compressed for .bz2).
func (p Progress) BytesPerSecond() float64 {
	if p.Elapsed <= 0 {
		return 0
	}
	return float64(p.Read) / p.Elapsed.Seconds()
}

// ETA estimates the time left from the share of the file read.
func (p Progress) ETA() time.Duration {
	if p.Read <= 0 || p.Size <= p.Read {
		return 0
	}
	return time.Duration(float64(p.Elapsed) * float64(p.Size-p.Read) / float64(p.Read))
}

// DumpError is a dump that ends early or cannot be decoded. Everything
// before it was delivered.
type DumpError struct {
	Path string
	// Offset is the byte offset where reading failed: in the file for
	// .xml, in the decompressed stream for .bz2 (Stream then gives the
	// compressed offset of the multistream stream, or -1).
	Offset int64
	Stream int64
	// Read is the number of compressed bytes read from a .bz2 file when
	// the error occurred (the decoder reads ahead of the failure), else 0.
	Read      int64
	LastID    int64
	LastTitle string
	Err       error
}

func (e *DumpError) Error() string {
	where := fmt.Sprintf("byte %d", e.Offset)
	if e.Read > 0 {
		where = fmt.Sprintf("decompressed byte %d (%d compressed bytes read)", e.Offset, e.Read)
	}
	if e.Stream >= 0 {
		where = fmt.Sprintf("bz2 stream at byte %d, decompressed byte %d", e.Stream, e.Offset)
	}
	last := "before the first page"
	if e.LastTitle != "" || e.LastID != 0 {
		last = fmt.Sprintf("after page %d %q", e.LastID, e.LastTitle)
	}
	return fmt.Sprintf("%s: %s, %s: %v", e.Path, where, last, e.Err)
}

func (e *DumpError) Unwrap() error { return e.Err }

// ErrTruncated is wrapped by a DumpError for a dump that ends inside a page.
var ErrTruncated = errors.New("truncated: the dump ends inside a <page>")

// Pages streams the pages of the dump at path and calls fn for each page
// that passes the options, in dump order. It stops at the first error
// from fn, from ctx, or from the dump (a *DumpError naming the offset and
// the last page read).
func Pages(ctx context.Context, path string, opts Options, fn func(Page) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open dump: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("stat %s: %w", path, err)
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.ProgressEvery <= 0 {
		opts.ProgressEvery = time.Second
	}
	run := &run{path: path, opts: opts, fn: fn, start: time.Now(), size: st.Size(), match: opts.Match, lastOffset: -1, skipThrough: -1}
	if run.match == nil {
		run.match = ConflictInfoboxFilter()
	}
	lower := strings.ToLower(path)
	if strings.HasSuffix(lower, ".bz2") {
		run.compressed = true
		index := opts.Index
		if index == "" {
			index = findIndex(path)
		}
		if index != "" {
			err = run.multistream(ctx, f, index)
		} else {
			counted := &countingReader{r: f, n: &run.read}
			pctx, cancel := context.WithCancel(ctx)
			err = run.sequential(ctx, pbzip2.NewReader(pctx, counted, pbzip2.DecompressionOptions(pbzip2.BZConcurrency(opts.Workers))), -1)
			cancel()
			var de *DumpError
			if errors.As(err, &de) && ctx.Err() == nil {
				// pbzip2 reports damage as soon as its block scanner meets
				// it, ahead of the decoders: the pages before the damage
				// may not all have come out. Read serially from the top,
				// passing over the pages already handed on, to deliver
				// every page before it and name the real place.
				err = run.retrySerial(ctx, f, de)
			}
		}
	} else {
		err = run.sequential(ctx, &countingReader{r: f, n: &run.read}, -1)
	}
	run.progress(true)
	return err
}

// findIndex returns the multistream index file next to a dump, or "".
func findIndex(path string) string {
	base := strings.TrimSuffix(strings.TrimSuffix(path, ".bz2"), ".xml")
	for _, cand := range []string{base + "-index.txt.bz2", base + "-index.txt", strings.TrimSuffix(base, "-multistream") + "-multistream-index.txt.bz2"} {
		if st, err := os.Stat(cand); err == nil && !st.IsDir() {
			return cand
		}
	}
	return ""
}

type countingReader struct {
	r io.Reader
	n *int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	*c.n += int64(n)
	return n, err
}

// run is the state of one Pages call.
type run struct {
	path       string
	opts       Options
	fn         func(Page) error
	match      func([]byte) bool
	start      time.Time
	lastProg   time.Time
	size       int64
	read       int64
	compressed bool
	// lastOffset is the stream offset of the last page handled, and
	// skipThrough the offset up to which pages are passed over (a retry).
	lastOffset  int64
	skipThrough int64
	pages       int64
	delivered   int64
	lastID      int64 // last page read (for errors)
	lastTitle   string
	doneID      int64 // last page done with (the resume point)
}

func (r *run) progress(done bool) {
	if r.opts.Progress == nil {
		return
	}
	now := time.Now()
	if !done && now.Sub(r.lastProg) < r.opts.ProgressEvery {
		return
	}
	r.lastProg = now
	r.opts.Progress(Progress{
		Pages: r.pages, Delivered: r.delivered, Read: r.read, Size: r.size,
		LastID: r.doneID, Elapsed: now.Sub(r.start), Done: done,
	})
}

// sequential scans one XML stream and delivers its pages in order.
// retrySerial rereads a .bz2 dump with the standard library's decoder
// after the parallel one failed, skipping the pages already handled.
func (r *run) retrySerial(ctx context.Context, f *os.File, first *DumpError) error {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return first
	}
	r.skipThrough = r.lastOffset
	r.read = 0
	err := r.sequential(ctx, bzip2.NewReader(bufio.NewReaderSize(&countingReader{r: f, n: &r.read}, 1<<16)), -1)
	if err == nil {
		// the serial decoder read it all: the parallel one was wrong
		return nil
	}
	return err
}

func (r *run) sequential(ctx context.Context, in io.Reader, stream int64) error {
	sc := newScanner(in)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		raw, off, err := sc.next()
		if err != nil {
			if err == io.EOF {
				return nil
			}
			return r.dumpError(off, stream, err)
		}
		if off <= r.skipThrough {
			continue // handed on before a retry
		}
		pg, keep, err := r.page(raw, off, stream)
		if err != nil {
			return r.dumpError(off, stream, err)
		}
		if err := r.deliver(pg, keep); err != nil {
			return err
		}
	}
}

func (r *run) dumpError(off, stream int64, err error) error {
	de := &DumpError{Path: r.path, Offset: off, Stream: stream, LastID: r.lastID, LastTitle: r.lastTitle, Err: err}
	if r.compressed && stream < 0 {
		de.Read = r.read
	}
	return de
}

// page reads a page element and tells whether it passes the options.
// Pages that fail the filter are not unescaped.
func (r *run) page(raw []byte, off, stream int64) (Page, bool, error) {
	return parsePage(raw, off, stream, r.opts, r.match)
}

func (r *run) deliver(pg Page, keep bool) error {
	r.pages++
	r.lastOffset = pg.Offset
	if pg.ID != 0 {
		r.lastID, r.lastTitle = pg.ID, pg.Title
	}
	if keep {
		r.delivered++
		if err := r.fn(pg); err != nil {
			return err
		}
	}
	if pg.ID != 0 {
		r.doneID = pg.ID
	}
	r.progress(false)
	return nil
}

// parsePage extracts the fields of one <page>…</page>.
func parsePage(raw []byte, off, stream int64, opts Options, match func([]byte) bool) (Page, bool, error) {
	pg := Page{Offset: off, Stream: stream}
	head := raw
	if i := bytes.Index(raw, []byte("<revision")); i >= 0 {
		head = raw[:i]
	}
	title, ok := element(head, "title")
	if !ok {
		return pg, false, errors.New("page without <title>")
	}
	pg.Title = string(unescape(title))
	if ns, ok := element(head, "ns"); ok {
		n, err := strconv.Atoi(string(bytes.TrimSpace(ns)))
		if err != nil {
			return pg, false, fmt.Errorf("page %q: bad <ns> %q", pg.Title, ns)
		}
		pg.NS = n
	}
	if id, ok := element(head, "id"); ok {
		n, err := strconv.ParseInt(string(bytes.TrimSpace(id)), 10, 64)
		if err != nil {
			return pg, false, fmt.Errorf("page %q: bad <id> %q", pg.Title, id)
		}
		pg.ID = n
	}
	if i := bytes.Index(head, []byte("<redirect")); i >= 0 {
		pg.Redirect = " "
		if t := attr(head[i:], "title"); t != nil {
			pg.Redirect = string(unescape(t))
		}
	}
	text := lastText(raw)
	if pg.Redirect == "" {
		pg.Redirect = redirectTarget(text)
	}
	keep := pg.ID > opts.ResumeAfter || pg.ID == 0 && opts.ResumeAfter == 0
	if pg.NS != 0 && !opts.AllNamespaces || pg.Redirect != "" && !opts.Redirects {
		keep = false
	}
	if !keep {
		return pg, false, nil
	}
	if !opts.All && !match(text) {
		return pg, false, nil
	}
	pg.Text = unescape(text)
	if bytes.Equal(pg.Text, text) {
		pg.Text = append([]byte(nil), text...) // the scanner's buffer is reused
	}
	return pg, true, nil
}

// redirectTarget reads "#REDIRECT [[Target]]" at the start of a page's
// (escaped) text: exports made without <redirect> elements mark
// redirects only there.
func redirectTarget(text []byte) string {
	t := bytes.TrimLeft(text, " \t\r\n")
	if len(t) < 9 || t[0] != '#' || !bytes.EqualFold(t[1:9], []byte("redirect")) {
		return ""
	}
	t = t[9:]
	i := bytes.Index(t, []byte("[["))
	if i < 0 {
		return " "
	}
	t = t[i+2:]
	j := bytes.IndexAny(t, "]|\n")
	if j < 0 {
		return " "
	}
	if s := string(bytes.TrimSpace(unescape(t[:j]))); s != "" {
		return s
	}
	return " "
}

// element returns the content of the first <name>…</name> in b.
func element(b []byte, name string) ([]byte, bool) {
	open := "<" + name + ">"
	i := bytes.Index(b, []byte(open))
	if i < 0 {
		return nil, false
	}
	i += len(open)
	j := bytes.Index(b[i:], []byte("</"+name+">"))
	if j < 0 {
		return nil, false
	}
	return b[i : i+j], true
}

// attr returns the value of attribute name in the tag starting b.
func attr(b []byte, name string) []byte {
	end := bytes.IndexByte(b, '>')
	if end < 0 {
		return nil
	}
	tag := b[:end]
	i := bytes.Index(tag, []byte(name+`="`))
	if i < 0 {
		return nil
	}
	v := tag[i+len(name)+2:]
	j := bytes.IndexByte(v, '"')
	if j < 0 {
		return nil
	}
	return v[:j]
}

// lastText returns the content of the last <text …>…</text> of a page
// (exports may hold several revisions; the last is the newest).
func lastText(raw []byte) []byte {
	i := bytes.LastIndex(raw, []byte("<text"))
	if i < 0 {
		return nil
	}
	gt := bytes.IndexByte(raw[i:], '>')
	if gt < 0 {
		return nil
	}
	if raw[i+gt-1] == '/' {
		return nil // <text … /> : deleted or empty
	}
	s := i + gt + 1
	e := bytes.Index(raw[s:], []byte("</text>"))
	if e < 0 {
		return nil
	}
	return raw[s : s+e]
}

// Unescape decodes the XML escapes of wikitext as it stands inside a
// dump's <text> element (&lt; &gt; &amp; &quot; &apos; and numeric
// references), for wikitext saved from a dump without its XML. It returns
// b itself when there is none.
func Unescape(b []byte) []byte { return unescape(b) }

// unescape decodes the XML escapes (&lt; &gt; &amp; &quot; &apos; and
// numeric references). It returns b itself when there is none.
func unescape(b []byte) []byte {
	i := bytes.IndexByte(b, '&')
	if i < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	for {
		out = append(out, b[:i]...)
		b = b[i:]
		semi := bytes.IndexByte(b[:min(len(b), 12)], ';')
		if semi < 0 {
			out = append(out, '&')
			b = b[1:]
		} else {
			ent := b[1:semi]
			switch string(ent) {
			case "lt":
				out = append(out, '<')
			case "gt":
				out = append(out, '>')
			case "amp":
				out = append(out, '&')
			case "quot":
				out = append(out, '"')
			case "apos":
				out = append(out, '\'')
			default:
				if r, ok := numericRef(ent); ok {
					out = appendRune(out, r)
				} else {
					out = append(out, b[:semi+1]...)
				}
			}
			b = b[semi+1:]
		}
		i = bytes.IndexByte(b, '&')
		if i < 0 {
			return append(out, b...)
		}
	}
}

func numericRef(ent []byte) (rune, bool) {
	if len(ent) < 2 || ent[0] != '#' {
		return 0, false
	}
	var n int64
	var err error
	if ent[1] == 'x' || ent[1] == 'X' {
		n, err = strconv.ParseInt(string(ent[2:]), 16, 32)
	} else {
		n, err = strconv.ParseInt(string(ent[1:]), 10, 32)
	}
	if err != nil || n <= 0 || n > 0x10FFFF {
		return 0, false
	}
	return rune(n), true
}

func appendRune(b []byte, r rune) []byte {
	return append(b, string(r)...)
}

// ConflictInfoboxFilter returns the default pre-filter: it accepts text
// that names the conflict infobox or a redirect to it (Infobox military
// conflict, Infobox war, Infobox battle, Warbox, …), in any letter case
// and with underscores or spaces, followed by a delimiter.
func ConflictInfoboxFilter() func([]byte) bool {
	return NameFilter(conflictInfoboxNames)
}

// conflictInfoboxNames mirrors wikitext/infoboxes.tsv; a test keeps the
// two in step (the dump reader must not import the wikitext reader's
// tables to stay a package of its own).
var conflictInfoboxNames = []string{
	"infobox military conflict", "infobox military conflicts", "infobox war",
	"infobox battle", "infobox battles", "infobox conflict", "warbox",
	"battlebox", "infobox military battle",
}

// NameFilter returns a filter that accepts text holding one of names
// (lower-case template names), case-insensitively, with '_' for ' ', and
// followed by a delimiter (so "Infobox war" does not match "Infobox
// warship"). It finds candidates by the second to sixth letters of each
// name, which rarely occur in text, and compares from there.
func NameFilter(names []string) func([]byte) bool {
	// names sharing an anchor ("nfobox") are found by one search.
	type group struct {
		anchor []byte
		names  []string
	}
	var groups []*group
	byAnchor := map[string]*group{}
	for _, n := range names {
		if len(n) < 3 {
			continue
		}
		a := n[1:min(len(n), 7)]
		g := byAnchor[a]
		if g == nil {
			g = &group{anchor: []byte(a)}
			byAnchor[a] = g
			groups = append(groups, g)
		}
		g.names = append(g.names, n)
	}
	return func(text []byte) bool {
		for _, g := range groups {
			b := text
			base := 0
			for {
				i := bytes.Index(b, g.anchor)
				if i < 0 {
					break
				}
				if at := base + i - 1; at >= 0 {
					for _, n := range g.names {
						if nameAt(text, at, n) {
							return true
						}
					}
				}
				b = b[i+1:]
				base += i + 1
			}
		}
		return false
	}
}

func nameAt(text []byte, at int, name string) bool {
	j := at
	for k := 0; k < len(name); k++ {
		if j >= len(text) {
			return false
		}
		c := text[j]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c == '_' {
			c = ' '
		}
		if c != name[k] {
			return false
		}
		j++
	}
	if j >= len(text) {
		return true
	}
	switch text[j] {
	case ' ', '\t', '\n', '\r', '|', '}', '&', '_':
		return true
	}
	return false
}

// String formats the progress as one line for a terminal:
// "12345 pages (2100/s), 3 kept, 34.0% of 1.2 GB read, ETA 5m10s".
func (p Progress) String() string {
	s := fmt.Sprintf("%d pages (%.0f/s), %d kept", p.Pages, p.PagesPerSecond(), p.Delivered)
	if p.Size > 0 {
		s += fmt.Sprintf(", %.1f%% of %s read", 100*float64(min(p.Read, p.Size))/float64(p.Size), byteSize(p.Size))
		if !p.Done && p.Read > 0 {
			s += ", ETA " + p.ETA().Round(time.Second).String()
		}
	}
	if p.Done {
		s += fmt.Sprintf(", done in %s", p.Elapsed.Round(time.Millisecond))
	}
	return s
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
