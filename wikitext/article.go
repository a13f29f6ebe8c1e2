package wikitext

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/annalist/annalist"
)

// Reader reads wikitext articles with its loaded tables. A Reader is not
// safe for concurrent use; make one per goroutine (they share nothing).
type Reader struct {
	t *Tables
	r renderer
}

// NewReader loads the embedded tables into a Reader.
func NewReader() (*Reader, error) {
	t, err := LoadTables()
	if err != nil {
		return nil, err
	}
	return NewReaderWith(t), nil
}

// NewReaderWith makes a Reader over tables already loaded (Tables are
// read-only and may be shared between Readers).
func NewReaderWith(t *Tables) *Reader {
	return &Reader{t: t}
}

// Tables returns the Reader's tables.
func (rd *Reader) Tables() *Tables { return rd.t }

// Read reads one wikitext article from the file called source. The title
// is the infobox's conflict parameter, else the file's name.
func Read(source string, data []byte) (*annalist.Article, error) {
	rd, err := NewReader()
	if err != nil {
		return nil, err
	}
	return rd.Read(source, data)
}

// Read reads one wikitext article from the file called source.
func (rd *Reader) Read(source string, data []byte) (*annalist.Article, error) {
	return rd.ReadPage("", source, data)
}

// maxWarnings caps the invalid-UTF-8 warnings kept per article.
const maxWarnings = 20

// ReadPage reads the wikitext of a page whose title is known (a dump
// page); an empty title falls back to the conflict parameter or the name
// of source.
func (rd *Reader) ReadPage(title, source string, data []byte) (*annalist.Article, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%s: empty: no wikitext", source)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, fmt.Errorf("%s: byte %d: binary data (NUL byte): not wikitext", source, i)
	}
	sum := sha256.Sum256(data)
	a := &annalist.Article{
		Title:  title,
		Source: source,
		Format: annalist.FormatWikitext,
		Raw:    data,
		SHA256: hex.EncodeToString(sum[:]),
	}
	a.Warnings = checkUTF8(data)
	nodes := Parse(data)
	r := &rd.r
	r.src, r.t, r.coord = data, rd.t, nil

	if box := rd.findInfobox(nodes); box != nil {
		a.InfoboxHeader = "Infobox"
		rd.infobox(a, box)
	}
	if a.Title == "" {
		if f, ok := a.Field("conflict"); ok && f.Value != "" {
			a.Title = f.Value
			a.TitleSpan = f.ValueSpan
		} else {
			base := filepath.Base(source)
			for _, ext := range []string{".xmlescaped", ".wikitext", ".wiki", ".txt"} {
				base = strings.TrimSuffix(base, ext)
			}
			a.Title = strings.ReplaceAll(base, "_", " ")
		}
	}
	if a.Coordinates == nil {
		a.Coordinates = rd.titleCoord(nodes)
	}
	rd.body(a, nodes)
	r.src = nil
	return a, nil
}

func checkUTF8(data []byte) []annalist.Warning {
	if utf8.Valid(data) {
		return nil
	}
	var ws []annalist.Warning
	for i := 0; i < len(data); {
		c, n := utf8.DecodeRune(data[i:])
		if c == utf8.RuneError && n == 1 {
			if len(ws) == maxWarnings {
				ws = append(ws, annalist.Warning{Offset: i, Message: "more invalid UTF-8 after this point; further warnings omitted"})
				break
			}
			ws = append(ws, annalist.Warning{Offset: i, Message: "invalid UTF-8"})
		}
		i += n
	}
	return ws
}

// findInfobox returns the conflict infobox template: a top-level
// template (else one nested in a template's parameters or in a table)
// named Infobox military conflict or a redirect to it, or the Lua module
// call.
func (rd *Reader) findInfobox(nodes []Node) *Node {
	for k := range nodes {
		nd := &nodes[k]
		if nd.Kind != Template {
			continue
		}
		if rd.isInfobox(nd) {
			return nd
		}
	}
	for k := range nodes {
		nd := &nodes[k]
		switch nd.Kind {
		case Template:
			for i := range nd.Children {
				if box := rd.findInfobox(nd.Children[i].Children); box != nil {
					return box
				}
			}
		case Table: // old articles float the infobox in a table
			if box := rd.findInfobox(nd.Children); box != nil {
				return box
			}
		}
	}
	return nil
}

func (rd *Reader) isInfobox(nd *Node) bool {
	if strings.EqualFold(nd.Name, "#invoke") {
		if len(nd.Children) == 0 {
			return false
		}
		mod := strings.TrimSpace(textOf(rd.r.src, nd.Children[0].Children))
		mod = strings.TrimPrefix(strings.TrimPrefix(mod, "Module:"), "module:")
		return rd.t.IsConflictInfobox(mod)
	}
	return rd.t.IsConflictInfobox(nd.Name)
}

// infobox turns the template's named parameters into fields.
func (rd *Reader) infobox(a *annalist.Article, box *Node) {
	r := &rd.r
	for i := range box.Children {
		p := &box.Children[i]
		if p.Name == "" || p.End <= p.Start {
			continue // positional parameters (the module's "main") and empty values
		}
		r.reset(true)
		r.nodes(p.Children)
		a.Infobox = append(a.Infobox, annalist.Field{
			Key:       strings.ToLower(p.Name),
			Value:     r.string(),
			KeySpan:   annalist.Span{Start: p.KeyStart, End: p.KeyEnd},
			ValueSpan: annalist.Span{Start: p.Start, End: p.End},
		})
		if r.coord != nil && a.Coordinates == nil && strings.EqualFold(p.Name, "coordinates") {
			c := *r.coord
			a.Coordinates = &c
		}
		r.coord = nil
	}
}

// titleCoord returns the point of a top-level {{coord}} displayed in the
// title, the article's own location.
func (rd *Reader) titleCoord(nodes []Node) *annalist.LatLon {
	r := &rd.r
	for k := range nodes {
		nd := &nodes[k]
		if nd.Kind != Template || r.t.templates[strings.ToLower(nd.Name)].action != "coord" {
			continue
		}
		if d := named(nd, "display"); d == nil || !strings.Contains(r.argText(d), "title") {
			continue
		}
		if ll, ok := r.coordOf(nd); ok {
			return &ll
		}
	}
	return nil
}

// body splits the top-level nodes into lines and turns them into
// sections, paragraphs and list items.
func (rd *Reader) body(a *annalist.Article, nodes []Node) {
	src := a.Raw
	b := bodyBuilder{rd: rd, a: a, section: -1}
	var line []Node
	lineStart := 0
	for k := range nodes {
		nd := nodes[k]
		if nd.Kind != Text {
			line = append(line, nd)
			continue
		}
		s := nd.Start
		for {
			nl := bytes.IndexByte(src[s:nd.End], '\n')
			if nl < 0 {
				if s < nd.End {
					line = append(line, Node{Kind: Text, Start: s, End: nd.End})
				}
				break
			}
			if s < s+nl {
				line = append(line, Node{Kind: Text, Start: s, End: s + nl})
			}
			b.line(lineStart, s+nl, line)
			line = line[:0]
			s += nl + 1
			lineStart = s
		}
	}
	b.line(lineStart, len(src), line)
	b.flush()
}

type bodyBuilder struct {
	rd      *Reader
	a       *annalist.Article
	section int
	// the paragraph being gathered
	para      []Node
	paraStart int
	paraEnd   int
}

// line handles one source line [start, end) made of nodes.
func (b *bodyBuilder) line(start, end int, nodes []Node) {
	src := b.a.Raw
	s, e := trimSpan(src, start, end)
	// a heading may end in comments: "== H == <!-- note -->"
	for k := len(nodes) - 1; k >= 0 && e > s; k-- {
		nd := nodes[k]
		if nd.Kind == Comment && nd.End >= e {
			_, e = trimSpan(src, s, nd.Start)
			continue
		}
		if nd.Kind == Text && len(bytes.TrimSpace(src[nd.Start:nd.End])) == 0 {
			continue
		}
		break
	}
	if s == e || onlyInvisible(src, nodes) {
		b.flush()
		return
	}
	first := nodes[0]
	if first.Kind == Table {
		b.flush()
		return
	}
	if first.Kind == Text && s == first.Start || first.Kind == Text && trimLeftText(src, first) == s {
		switch c := src[s]; {
		case c == '=' && src[e-1] == '=':
			if b.heading(s, e, clip(src, nodes, s, e)) {
				return
			}
		case c == '*' || c == '#' || c == ':' || c == ';':
			b.flush()
			depth := 0
			for s+depth < e && strings.IndexByte("*#:;", src[s+depth]) >= 0 {
				depth++
			}
			b.block(annalist.ListItem, depth, start, end, clip(src, nodes, s+depth, end))
			return
		case c == '-' && bytes.HasPrefix(src[s:e], []byte("----")):
			b.flush()
			return
		}
	}
	if len(b.para) == 0 {
		b.paraStart = start
	} else {
		b.para = append(b.para, Node{Kind: Entity, Name: " ", Start: start, End: start})
	}
	b.para = append(b.para, nodes...)
	b.paraEnd = end
}

func trimLeftText(src []byte, nd Node) int {
	s := nd.Start
	for s < nd.End && (src[s] == ' ' || src[s] == '\t' || src[s] == '\r') {
		s++
	}
	return s
}

// onlyInvisible reports whether a line holds only comments and white space.
func onlyInvisible(src []byte, nodes []Node) bool {
	for _, nd := range nodes {
		if nd.Kind == Comment {
			continue
		}
		if nd.Kind == Text && len(bytes.TrimSpace(src[nd.Start:nd.End])) == 0 {
			continue
		}
		return false
	}
	return true
}

// clip returns the nodes restricted to [s, e): text nodes are cut.
func clip(src []byte, nodes []Node, s, e int) []Node {
	out := make([]Node, 0, len(nodes))
	for _, nd := range nodes {
		if nd.End <= s || nd.Start >= e {
			continue
		}
		if nd.Kind == Text {
			nd.Start, nd.End = max(nd.Start, s), min(nd.End, e)
		} else if nd.Start < s || nd.End > e {
			continue
		}
		out = append(out, nd)
	}
	return out
}

func (b *bodyBuilder) heading(s, e int, nodes []Node) bool {
	src := b.a.Raw
	lead, trail := 0, 0
	for s+lead < e && src[s+lead] == '=' {
		lead++
	}
	for e-trail-1 > s && src[e-trail-1] == '=' {
		trail++
	}
	level := min(lead, trail, 6)
	if level == 0 || e-s <= 2*level {
		return false
	}
	b.flush()
	r := &b.rd.r
	r.reset(false)
	inner := clip(src, nodes, s+level, e-level)
	r.nodes(inner)
	text := r.string()
	hs, he := trimSpan(src, s+level, e-level)
	parent := len(b.a.Sections) - 1
	for parent >= 0 && b.a.Sections[parent].Level >= level {
		parent = b.a.Sections[parent].Parent
	}
	b.a.Sections = append(b.a.Sections, annalist.Section{
		Heading:     text,
		Level:       level,
		Span:        annalist.Span{Start: s, End: e},
		HeadingSpan: annalist.Span{Start: hs, End: he},
		Parent:      parent,
	})
	b.section = len(b.a.Sections) - 1
	return true
}

func (b *bodyBuilder) flush() {
	if len(b.para) == 0 {
		return
	}
	b.block(annalist.Paragraph, 0, b.paraStart, b.paraEnd, b.para)
	b.para = b.para[:0]
}

func (b *bodyBuilder) block(kind annalist.BlockKind, depth, start, end int, nodes []Node) {
	r := &b.rd.r
	r.reset(false)
	r.nodes(nodes)
	text := r.string()
	if text == "" {
		return
	}
	pieces := append([]annalist.Piece(nil), r.pieces...)
	s, e := trimSpan(b.a.Raw, start, end)
	b.a.Blocks = append(b.a.Blocks, annalist.Block{
		Kind:    kind,
		Section: b.section,
		Depth:   depth,
		Text:    text,
		Span:    annalist.Span{Start: s, End: e},
		Pieces:  pieces,
	})
}

// TemplateFields renders the named parameters of a template node parsed
// from src (any infobox, say) into fields, as the conflict infobox's are.
func (rd *Reader) TemplateFields(src []byte, tpl *Node) []annalist.Field {
	r := &rd.r
	r.src, r.t, r.coord = src, rd.t, nil
	var out []annalist.Field
	for i := range tpl.Children {
		p := &tpl.Children[i]
		if p.Name == "" || p.End <= p.Start {
			continue
		}
		r.reset(true)
		r.nodes(p.Children)
		out = append(out, annalist.Field{
			Key:       strings.ToLower(p.Name),
			Value:     r.string(),
			KeySpan:   annalist.Span{Start: p.KeyStart, End: p.KeyEnd},
			ValueSpan: annalist.Span{Start: p.Start, End: p.End},
		})
	}
	r.src = nil
	return out
}
