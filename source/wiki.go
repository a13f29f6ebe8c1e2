package source

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/mediawiki"
	"github.com/annalist/annalist/wikitext"
)

// DumpOptions tune how Walk reads MediaWiki dumps. Pass them with
// WithDumpOptions; without them every dump is read from the top, without
// progress reports, keeping only pages with a conflict infobox.
type DumpOptions struct {
	// ResumeAfter returns the resume point stored for a dump (the id of
	// the last page done with in an earlier run), or 0.
	ResumeAfter func(dump string) int64
	// Progress is called about once a second and at the end of each dump;
	// Progress.LastID is the resume point to store once the items handed
	// to fn so far are safely kept.
	Progress func(dump string, p mediawiki.Progress)
	// UpTo returns the last page id to read of a multistream dump (see
	// mediawiki.Options.UpTo), or 0 for all.
	UpTo func(dump string) int64
	// All turns every article page of a dump into an Item, not only those
	// with a conflict infobox.
	All bool
}

type dumpOptionsKey struct{}

// WithDumpOptions returns a context that carries dump options for Walk.
func WithDumpOptions(ctx context.Context, o DumpOptions) context.Context {
	return context.WithValue(ctx, dumpOptionsKey{}, o)
}

// wikiFormats are the wikitext formats: one article's raw wikitext, and
// MediaWiki XML exports and dumps holding many.
func wikiFormats() []Format {
	return []Format{
		{Name: "mediawiki-dump", Sniff: sniffDump, Stream: streamDump},
		{Name: "wikitext-xmlescaped", Sniff: sniffEscapedWikitext, Read: readEscapedWikitext},
		{Name: annalist.FormatWikitext, Sniff: sniffWikitext, Read: wikitext.Read},
	}
}

// sniffEscapedWikitext accepts .xmlescaped files, and wikitext whose head
// has its markup XML-escaped as inside a dump's <text> element ("&lt;ref"
// and no "<"): wikitext copied out of a dump.
func sniffEscapedWikitext(name string, head []byte) bool {
	if strings.EqualFold(filepath.Ext(name), ".xmlescaped") {
		return true
	}
	return sniffWikitext(name, head) && bytes.Contains(head, []byte("&lt;")) && !bytes.ContainsRune(head, '<')
}

// readEscapedWikitext reads XML-escaped wikitext: unescaped, as a dump's
// reader does, so that "&lt;ref&gt;" is a reference to drop and not text.
// Offsets are into the unescaped text, as they are for a dump's pages.
func readEscapedWikitext(name string, data []byte) (*annalist.Article, error) {
	return wikitext.Read(name, mediawiki.Unescape(data))
}

func trimHead(head []byte) []byte {
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	return bytes.TrimLeft(head, " \t\r\n")
}

// sniffDump accepts .xml and .bz2 files and files starting with a
// <mediawiki> element.
func sniffDump(name string, head []byte) bool {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".xml") || strings.HasSuffix(lower, ".bz2") {
		return true
	}
	head = trimHead(head)
	if bytes.HasPrefix(head, []byte("<?xml")) {
		if i := bytes.Index(head, []byte("?>")); i >= 0 {
			head = trimHead(head[i+2:])
		}
	}
	return bytes.HasPrefix(head, []byte("<mediawiki"))
}

// sniffWikitext accepts .wiki/.wikitext/.mediawiki files, and other files
// (not .txt, which is the plain-text rendering) whose head looks like
// wikitext: a template, a link or bold markup near the top.
func sniffWikitext(name string, head []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".wiki", ".wikitext", ".mediawiki":
		return true
	case ".txt":
		return false
	}
	head = trimHead(head)
	if bytes.HasPrefix(head, []byte("{{")) || bytes.HasPrefix(head, []byte("[[")) {
		return true
	}
	return bytes.Contains(head, []byte("{{Infobox")) || bytes.Contains(head, []byte("'''")) && bytes.Contains(head, []byte("[["))
}

// streamDump reads the pages of a dump: each page that passes the filter
// becomes one Item whose Article is titled by the page.
func streamDump(ctx context.Context, path string, emit func(Item) error) error {
	if strings.Contains(strings.ToLower(filepath.Base(path)), "-index.txt") {
		return nil // a multistream dump's index, read with its dump
	}
	o, _ := ctx.Value(dumpOptionsKey{}).(DumpOptions)
	opts := mediawiki.Options{All: o.All}
	if o.ResumeAfter != nil {
		opts.ResumeAfter = o.ResumeAfter(path)
	}
	if o.UpTo != nil {
		opts.UpTo = o.UpTo(path)
	}
	if o.Progress != nil {
		opts.Progress = func(p mediawiki.Progress) { o.Progress(path, p) }
	}
	rd, err := wikitext.NewReader()
	if err != nil {
		return err
	}
	return mediawiki.Pages(ctx, path, opts, func(p mediawiki.Page) error {
		if len(p.Text) > MaxArticleBytes {
			return emit(Item{Path: path, Err: tooLarge(path+"#"+p.Title, int64(len(p.Text)))})
		}
		a, err := rd.ReadPage(p.Title, path+"#"+p.Title, p.Text)
		return emit(Item{Path: path, Article: a, Err: err})
	})
}
