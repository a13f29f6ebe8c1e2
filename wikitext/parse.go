// Package wikitext reads MediaWiki markup (the wikitext of Wikipedia
// articles and dumps) into the annalist Article model.
//
// The parser is one pass over the bytes that builds a small tree of the
// constructs that matter for reading text: templates with their parameters,
// internal and external links, tags (refs, comments, nowiki, <br>), quote
// runs and HTML entities. Every node keeps its byte span so that rendered
// text can be related back to the source. Malformed markup never loses
// text: an unclosed {{, [[ or <ref> is kept as literal text.
package wikitext

import (
	"bytes"
	"html"
	"strings"
)

// Kind tells what a Node is.
type Kind uint8

const (
	// Text is literal source text: Src[Start:End].
	Text Kind = iota
	// Template is {{name|params}}. Name is the normalized name; Children
	// are its parameters (Kind Param), in order.
	Template
	// Param is one template parameter. Name is the key of a named
	// parameter ("" for positional); Children are the value's nodes;
	// Start:End is the value's span and KeyStart:KeyEnd the key's.
	Param
	// Argument is a {{{name|default}}} placeholder; Children are Params.
	Argument
	// Link is [[target|label]]. Name is the target; Children holds at most
	// one Param whose nodes are the label.
	Link
	// ExtLink is [url label]. Name is the URL; Children are the label's nodes.
	ExtLink
	// Tag is an HTML-like tag kept for its effect (<br>, <small>, </span>)
	// or a tag whose content is dropped (<gallery>…</gallery>). Name is the
	// lower-cased tag name; Closing is set for </name>.
	Tag
	// Comment is <!-- … -->.
	Comment
	// Ref is <ref>…</ref> or <ref … />.
	Ref
	// Nowiki is literal text from <nowiki>…</nowiki> or <pre>…</pre>:
	// Src[KeyStart:KeyEnd] is the content.
	Nowiki
	// Quotes is a run of two or more apostrophes (italic/bold markup).
	// Literal is the number of apostrophes that stay as text.
	Quotes
	// Entity is an HTML entity; Name is its decoded text.
	Entity
	// Table is {| … |}; Children are its content nodes.
	Table
)

// Node is one parsed construct with its byte span in the source.
type Node struct {
	Kind       Kind
	Closing    bool // for Tag: </name>
	Literal    int  // for Quotes: apostrophes rendered as text
	Start, End int
	// KeyStart:KeyEnd is the key of a named Param, or the content of Nowiki.
	KeyStart, KeyEnd int
	Name             string
	Children         []Node
}

// maxDepth bounds nesting of templates and links; deeper openers are text.
const maxDepth = 24

type context uint8

const (
	ctxTop        context = iota
	ctxTemplate           // stops at | and }}
	ctxArgument           // stops at | and }}}
	ctxLinkTarget         // stops at | and ]]; fails at a newline
	ctxLinkLabel          // stops at ]]; fails at a blank line
	ctxExtLabel           // stops at ]; fails at a newline
	ctxTable              // stops at a line starting with |}
)

type stop uint8

const (
	stopEOF stop = iota
	stopPipe
	stopClose
	stopFail
)

type parser struct {
	src   []byte
	depth int
	inTpl int  // number of enclosing templates
	inExt bool // inside an external link's label (they do not nest)
	// extFail is where the last failed external link stopped: links
	// opened before it fail the same way.
	extFail int
	// noClose[name] is an offset after which </name> does not occur.
	noClose map[string]int
	// memo caches constructs that parsed, by start offset, once a parse
	// has failed, so that the rescans after a failure stay linear.
	memo map[int]memoEntry
	// failed has a byte per source offset once a parse has failed: bit k
	// says the construct of kind index k there is text, bit k+4 that it
	// ran to the end of the source. A byte, not a map entry, per offset
	// keeps hostile input (a megabyte of "{{") in linear memory.
	failed []byte
	// scanned counts the bytes seq went over, rescans included: the
	// measure of work the tests hold to linear.
	scanned int
	// lastBraces and lastBrackets are where the last "}}" and "]]" of
	// the source stand (-1 for none): a template or link opened after
	// them cannot close, and is text without being parsed (a megabyte of
	// "{{a|" would otherwise gather a parameter per "|" before failing).
	lastBraces, lastBrackets int
}

type memoEntry struct {
	node Node
	end  int
}

// Parse parses wikitext into a list of top-level nodes. It never fails:
// markup that does not close is kept as text.
func Parse(src []byte) []Node {
	p := newParser(src)
	nodes, _, _ := p.seq(0, ctxTop)
	return nodes
}

func newParser(src []byte) *parser {
	return &parser{src: src, lastBraces: bytes.LastIndex(src, []byte("}}")), lastBrackets: bytes.LastIndex(src, []byte("]]"))}
}

var special = func() (t [256]bool) {
	for _, c := range []byte("{}[]|<&'\n") {
		t[c] = true
	}
	return t
}()

func atLineStart(src []byte, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch src[j] {
		case ' ', '\t':
			continue
		case '\n':
			return true
		default:
			return false
		}
	}
	return true
}

// seq parses nodes from pos until the context's terminator. It returns the
// nodes, the offset where it stopped (at the terminator) and why.
func (p *parser) seq(pos int, ctx context) ([]Node, int, stop) {
	nodes, at, why := p.scan(pos, ctx)
	p.scanned += at - pos
	return nodes, at, why
}

// scan is seq without the count of bytes scanned.
func (p *parser) scan(pos int, ctx context) ([]Node, int, stop) {
	src := p.src
	n := len(src)
	var nodes []Node
	if ctx == ctxTop {
		nodes = make([]Node, 0, 64)
	}
	textStart := pos
	quotes := false
	flush := func(end int) {
		if end > textStart {
			nodes = append(nodes, Node{Kind: Text, Start: textStart, End: end})
		}
	}
	finish := func() []Node {
		if quotes {
			fixQuotes(src, nodes)
		}
		return nodes
	}
	i := pos
	for i < n {
		c := src[i]
		if !special[c] {
			i++
			continue
		}
		switch c {
		case '{':
			if i+1 >= n {
				i++
				continue
			}
			if src[i+1] == '|' && (ctx == ctxTop || ctx == ctxTemplate || ctx == ctxTable) && atLineStart(src, i) {
				if nd, end, ok := p.construct(i, 't'); ok {
					flush(i)
					nodes = append(nodes, nd)
					i, textStart = end, end
					continue
				}
				i += 2
				continue
			}
			if src[i+1] != '{' {
				i++
				continue
			}
			if i+2 < n && src[i+2] == '{' {
				if nd, end, ok := p.construct(i, 'a'); ok {
					flush(i)
					nodes = append(nodes, nd)
					i, textStart = end, end
					continue
				}
			}
			nd, end, ok := p.construct(i, 'T')
			if ok {
				flush(i)
				nodes = append(nodes, nd)
				i, textStart = end, end
				continue
			}
			if end >= n && (ctx == ctxTemplate || ctx == ctxArgument) {
				// A template opened here found no "}}" of its own before
				// the end, scanning what this one would scan next with
				// the same stops (| and }}, or | and the "}}}" a "}}"
				// would have closed first): this one cannot close either.
				// Failing now keeps a run of unclosed "{{" linear.
				return nil, n, stopFail
			}
			i += 2
		case '}':
			if i+1 < n && src[i+1] == '}' {
				switch ctx {
				case ctxTemplate:
					flush(i)
					return finish(), i, stopClose
				case ctxArgument:
					if i+2 < n && src[i+2] == '}' {
						flush(i)
						return finish(), i, stopClose
					}
				case ctxLinkTarget, ctxLinkLabel, ctxExtLabel:
					if p.inTpl > 0 {
						return nil, i, stopFail
					}
				}
			}
			i++
		case '|':
			switch ctx {
			case ctxTemplate, ctxArgument, ctxLinkTarget:
				flush(i)
				return finish(), i, stopPipe
			case ctxExtLabel:
				if p.inTpl > 0 {
					return nil, i, stopFail
				}
			case ctxTable:
				if i+1 < n && src[i+1] == '}' && atLineStart(src, i) {
					flush(i)
					return finish(), i, stopClose
				}
			}
			i++
		case '[':
			if i+1 < n && src[i+1] == '[' {
				if nd, end, ok := p.construct(i, 'L'); ok {
					flush(i)
					nodes = append(nodes, nd)
					i, textStart = end, end
					continue
				}
				i += 2
				continue
			}
			if p.inExt {
				i++
				continue
			}
			if nd, end, ok := p.extLink(i); ok {
				flush(i)
				nodes = append(nodes, nd)
				i, textStart = end, end
				continue
			}
			i++
		case ']':
			if ctx == ctxExtLabel {
				flush(i)
				return finish(), i, stopClose
			}
			if i+1 < n && src[i+1] == ']' && (ctx == ctxLinkTarget || ctx == ctxLinkLabel) {
				flush(i)
				return finish(), i, stopClose
			}
			i++
		case '\n':
			switch ctx {
			case ctxLinkTarget, ctxExtLabel:
				return nil, i, stopFail
			case ctxLinkLabel:
				if i+1 < n && src[i+1] == '\n' {
					return nil, i, stopFail
				}
			}
			i++
		case '<':
			if nd, end, ok := p.tag(i); ok {
				flush(i)
				nodes = append(nodes, nd)
				i, textStart = end, end
				continue
			}
			i++
		case '&':
			if nd, end, ok := entity(src, i); ok {
				flush(i)
				nodes = append(nodes, nd)
				i, textStart = end, end
				continue
			}
			i++
		case '\'':
			j := i
			for j < n && src[j] == '\'' {
				j++
			}
			if j-i >= 2 {
				flush(i)
				nodes = append(nodes, Node{Kind: Quotes, Start: i, End: j})
				textStart = j
				quotes = true
			}
			i = j
		default:
			i++
		}
	}
	flush(n)
	switch ctx {
	case ctxTop:
		return finish(), n, stopEOF
	default:
		return nil, n, stopFail
	}
}

// construct parses a template ('T'), argument ('a'), link ('L') or table
// ('t') starting at i, using the memo once a failure has occurred. A
// construct that fails returns an end of len(src) when it ran to the end
// of the source, which is what seq's shortcut for unclosed templates needs.
func (p *parser) construct(i int, kind byte) (Node, int, bool) {
	k := kindIndex(kind)
	if p.failed != nil {
		if f := p.failed[i]; f&(1<<k) != 0 {
			if f&(1<<(k+4)) != 0 {
				return Node{}, len(p.src), false
			}
			return Node{}, i, false
		}
		if e, ok := p.memo[i*4+int(k)]; ok {
			return e.node, e.end, true
		}
	}
	if p.depth >= maxDepth {
		// Too deep: the opener is text, for good (remembering it keeps
		// the rescans of the levels above linear).
		p.fail(i, k, false)
		return Node{}, i, false
	}
	if ((kind == 'T' || kind == 'a') && i > p.lastBraces) || (kind == 'L' && i > p.lastBrackets) {
		p.fail(i, k, true) // no closer after it: text to the end
		return Node{}, len(p.src), false
	}
	p.depth++
	var nd Node
	var end int
	var ok bool
	switch kind {
	case 'T':
		p.inTpl++
		nd, end, ok = p.template(i, 2, ctxTemplate, Template)
		p.inTpl--
	case 'a':
		p.inTpl++
		nd, end, ok = p.template(i, 3, ctxArgument, Argument)
		p.inTpl--
	case 'L':
		nd, end, ok = p.link(i)
	case 't':
		nd, end, ok = p.table(i)
	}
	p.depth--
	switch {
	case !ok:
		p.fail(i, k, end >= len(p.src))
	case p.failed != nil:
		p.memo[i*4+int(k)] = memoEntry{nd, end}
	}
	return nd, end, ok
}

// fail remembers that the construct of kind index k at i is text, and
// whether it ran to the end of the source.
func (p *parser) fail(i int, k byte, atEOF bool) {
	if p.failed == nil {
		p.failed = make([]byte, len(p.src))
		p.memo = make(map[int]memoEntry)
	}
	p.failed[i] |= 1 << k
	if atEOF {
		p.failed[i] |= 1 << (k + 4)
	}
}

func kindIndex(k byte) byte {
	switch k {
	case 'T':
		return 0
	case 'a':
		return 1
	case 'L':
		return 2
	}
	return 3
}

// template parses {{…}} (braces=2) or {{{…}}} (braces=3) at i.
func (p *parser) template(i, braces int, ctx context, kind Kind) (Node, int, bool) {
	pos := i + braces
	nd := Node{Kind: kind, Start: i}
	first := true
	for {
		nodes, at, why := p.seq(pos, ctx)
		switch why {
		case stopFail, stopEOF:
			return Node{}, at, false
		}
		if first {
			nd.Name = templateName(p.src, nodes)
			if kind == Template {
				// Parser functions put their first argument after a colon:
				// {{#invoke:Module|main}}, {{#if:x|y}}, {{DEFAULTSORT:x}}.
				if c := strings.IndexByte(nd.Name, ':'); c > 0 {
					arg := nodesAfterColon(p.src, nodes)
					if arg.start == 0 {
						arg.start = at
					}
					nd.Children = append(nd.Children, Node{Kind: Param, Start: arg.start, End: at, Children: arg.nodes})
					nd.Name = strings.TrimSpace(nd.Name[:c])
					if !strings.HasPrefix(nd.Name, "#") {
						// {{Template:Foo}} style prefixes are names, not functions.
						if ns := strings.ToLower(nd.Name); ns == "template" || ns == "msg" || ns == "subst" || ns == "safesubst" {
							nd.Name = normalizeName(strings.TrimSpace(textOf(p.src, arg.nodes)))
							nd.Children = nd.Children[:0]
						}
					}
				}
			}
			first = false
		} else {
			nd.Children = append(nd.Children, makeParam(p.src, pos, at, nodes))
		}
		if why == stopClose {
			nd.End = at + braces
			return nd, nd.End, true
		}
		pos = at + 1
	}
}

type afterColon struct {
	start int
	nodes []Node
}

// nodesAfterColon returns the nodes after the first colon found in a text
// node of nodes (splitting that text node).
func nodesAfterColon(src []byte, nodes []Node) afterColon {
	for k, nd := range nodes {
		if nd.Kind != Text {
			continue
		}
		if c := bytes.IndexByte(src[nd.Start:nd.End], ':'); c >= 0 {
			at := nd.Start + c + 1
			rest := make([]Node, 0, len(nodes)-k)
			if at < nd.End {
				rest = append(rest, Node{Kind: Text, Start: at, End: nd.End})
			}
			rest = append(rest, nodes[k+1:]...)
			return afterColon{start: at, nodes: rest}
		}
	}
	return afterColon{}
}

// makeParam splits a parameter's nodes at the first top-level '=' into a
// key and a value; values of named parameters are trimmed.
func makeParam(src []byte, start, end int, nodes []Node) Node {
	for k, nd := range nodes {
		if nd.Kind == Comment {
			continue
		}
		if nd.Kind != Text {
			break
		}
		eq := bytes.IndexByte(src[nd.Start:nd.End], '=')
		if eq < 0 {
			continue
		}
		at := nd.Start + eq
		keyNodes := append(nodes[:k:k], Node{Kind: Text, Start: nd.Start, End: at})
		key := strings.TrimSpace(textOf(src, keyNodes))
		var val []Node
		if at+1 < nd.End {
			val = append(val, Node{Kind: Text, Start: at + 1, End: nd.End})
		}
		val = append(val, nodes[k+1:]...)
		val, vs, ve := trimNodes(src, val, at+1, end)
		ks, ke := trimSpan(src, start, at)
		return Node{Kind: Param, Name: key, Start: vs, End: ve, KeyStart: ks, KeyEnd: ke, Children: val}
	}
	return Node{Kind: Param, Start: start, End: end, Children: nodes}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func trimSpan(src []byte, s, e int) (int, int) {
	for s < e && isSpace(src[s]) {
		s++
	}
	for e > s && isSpace(src[e-1]) {
		e--
	}
	return s, e
}

// trimNodes trims white space from the outer text nodes of a value.
func trimNodes(src []byte, nodes []Node, start, end int) ([]Node, int, int) {
	for len(nodes) > 0 && nodes[0].Kind == Text {
		s, e := nodes[0].Start, nodes[0].End
		for s < e && isSpace(src[s]) {
			s++
		}
		if s < e {
			nodes[0].Start = s
			break
		}
		nodes = nodes[1:]
	}
	for len(nodes) > 0 && nodes[len(nodes)-1].Kind == Text {
		l := &nodes[len(nodes)-1]
		e := l.End
		for e > l.Start && isSpace(src[e-1]) {
			e--
		}
		if e > l.Start {
			l.End = e
			break
		}
		nodes = nodes[:len(nodes)-1]
	}
	if len(nodes) == 0 {
		s, _ := trimSpan(src, start, end)
		return nil, s, s
	}
	return nodes, nodes[0].Start, nodes[len(nodes)-1].End
}

// textOf concatenates the literal text of text nodes (others ignored).
func textOf(src []byte, nodes []Node) string {
	if len(nodes) == 1 && nodes[0].Kind == Text {
		return string(src[nodes[0].Start:nodes[0].End])
	}
	var b strings.Builder
	for _, nd := range nodes {
		switch nd.Kind {
		case Text:
			b.Write(src[nd.Start:nd.End])
		case Entity:
			b.WriteString(nd.Name)
		}
	}
	return b.String()
}

func templateName(src []byte, nodes []Node) string {
	return normalizeName(textOf(src, nodes))
}

// normalizeName trims a page or template name, turns underscores into
// spaces and collapses runs of white space.
func normalizeName(s string) string {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, "_\n\t\u00a0") || strings.Contains(s, "  ") {
		s = strings.Join(strings.FieldsFunc(s, func(r rune) bool {
			return r == '_' || r == ' ' || r == '\n' || r == '\t' || r == '\u00a0'
		}), " ")
	}
	return s
}

// link parses [[target|label]] at i.
func (p *parser) link(i int) (Node, int, bool) {
	nodes, at, why := p.seq(i+2, ctxLinkTarget)
	if why == stopFail || why == stopEOF {
		return Node{}, at, false
	}
	nd := Node{Kind: Link, Start: i, Name: normalizeName(textOf(p.src, nodes))}
	if nd.Name == "" && why == stopClose {
		return Node{}, at, false
	}
	if why == stopPipe {
		label, end, why := p.seq(at+1, ctxLinkLabel)
		if why != stopClose {
			return Node{}, end, false
		}
		nd.Children = []Node{{Kind: Param, Start: at + 1, End: end, Children: label}}
		at = end
	}
	nd.End = at + 2
	return nd, nd.End, true
}

var urlSchemes = []string{"http://", "https://", "//", "ftp://", "mailto:", "irc://", "news:"}

// extLink parses [url label] at i.
func (p *parser) extLink(i int) (Node, int, bool) {
	src := p.src
	j := i + 1
	rest := src[j:]
	ok := false
	for _, s := range urlSchemes {
		if len(rest) >= len(s) && strings.EqualFold(string(rest[:len(s)]), s) {
			ok = true
			break
		}
	}
	if !ok || i < p.extFail {
		return Node{}, i, false
	}
	for j < len(src) && src[j] != ' ' && src[j] != ']' && src[j] != '\n' && src[j] != '\t' && src[j] != '<' && src[j] != '|' && src[j] != '}' {
		j++
	}
	nd := Node{Kind: ExtLink, Start: i, Name: string(src[i+1 : j])}
	if j < len(src) && src[j] == ']' {
		nd.End = j + 1
		return nd, nd.End, true
	}
	if j >= len(src) || (src[j] != ' ' && src[j] != '\t') {
		return Node{}, i, false
	}
	if p.depth >= maxDepth {
		return Node{}, i, false
	}
	p.depth++
	p.inExt = true
	label, end, why := p.seq(j+1, ctxExtLabel)
	p.inExt = false
	p.depth--
	if why != stopClose {
		p.extFail = end
		return Node{}, i, false
	}
	nd.Children = label
	nd.End = end + 1
	return nd, nd.End, true
}

// table parses {| … |} starting at i (at a line start).
func (p *parser) table(i int) (Node, int, bool) {
	nodes, at, why := p.seq(i+2, ctxTable)
	if why != stopClose {
		return Node{}, at, false
	}
	return Node{Kind: Table, Start: i, End: at + 2, Children: nodes}, at + 2, true
}

// droppedContent are tags whose content is not article text.
var droppedContent = map[string]bool{
	"references": true, "gallery": true, "math": true, "timeline": true,
	"imagemap": true, "score": true, "syntaxhighlight": true, "source": true,
	"graph": true, "mapframe": true, "maplink": true, "templatestyles": true,
	"chem": true, "ce": true, "hiero": true, "categorytree": true,
	"inputbox": true, "indicator": true, "templatedata": true, "noinclude": true,
}

// htmlTags are the tags MediaWiki passes through; their content is text.
var htmlTags = map[string]bool{
	"b": true, "i": true, "u": true, "s": true, "del": true, "ins": true,
	"small": true, "big": true, "sub": true, "sup": true, "span": true,
	"div": true, "center": true, "font": true, "p": true, "abbr": true,
	"blockquote": true, "code": true, "tt": true, "strike": true, "cite": true,
	"q": true, "em": true, "strong": true, "hr": true, "table": true,
	"tr": true, "td": true, "th": true, "caption": true, "ul": true,
	"ol": true, "li": true, "dl": true, "dt": true, "dd": true, "var": true,
	"kbd": true, "samp": true, "onlyinclude": true, "includeonly": true,
	"poem": true, "section": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "wbr": true, "bdi": true, "rb": true,
	"rp": true, "rt": true, "ruby": true, "mark": true, "data": true,
	"time": true, "br": true, "nowiki": true, "pre": true, "ref": true,
	"bdo": true, "dfn": true,
}

// tag parses a comment or tag at i ('<').
func (p *parser) tag(i int) (Node, int, bool) {
	src := p.src
	n := len(src)
	if bytes.HasPrefix(src[i:], []byte("<!--")) {
		e := bytes.Index(src[i+4:], []byte("-->"))
		if e < 0 {
			return Node{}, i, false
		}
		end := i + 4 + e + 3
		return Node{Kind: Comment, Start: i, End: end}, end, true
	}
	j := i + 1
	closing := false
	if j < n && src[j] == '/' {
		closing = true
		j++
	}
	ns := j
	for j < n && (src[j] >= 'a' && src[j] <= 'z' || src[j] >= 'A' && src[j] <= 'Z' || src[j] >= '0' && src[j] <= '9' && j > ns) {
		j++
	}
	if j == ns || j >= n {
		return Node{}, i, false
	}
	name := strings.ToLower(string(src[ns:j]))
	if !htmlTags[name] && !droppedContent[name] {
		return Node{}, i, false
	}
	if c := src[j]; c != '>' && c != '/' && !isSpace(c) {
		return Node{}, i, false
	}
	// attributes up to '>' (quotes may hold '>').
	var quote byte
	k := j
	for ; k < n; k++ {
		c := src[k]
		if quote != 0 {
			if c == quote {
				quote = 0
			}
			continue
		}
		if c == '"' || c == '\'' {
			// an apostrophe inside an unquoted attribute value is rare;
			// treat quotes only after '='.
			if k > 0 && src[k-1] == '=' || k > 1 && src[k-1] == ' ' && src[k-2] == '=' {
				quote = c
			}
			continue
		}
		if c == '>' || c == '<' || k-j > 2000 {
			break
		}
	}
	if k >= n || src[k] != '>' {
		return Node{}, i, false
	}
	selfClosing := src[k-1] == '/'
	end := k + 1
	if closing {
		return Node{Kind: Tag, Name: name, Closing: true, Start: i, End: end}, end, true
	}
	if selfClosing || name == "br" || name == "hr" || name == "wbr" {
		kind := Tag
		if name == "ref" {
			kind = Ref
		}
		if name == "nowiki" {
			return Node{Kind: Nowiki, Start: i, End: end, KeyStart: end, KeyEnd: end}, end, true
		}
		return Node{Kind: kind, Name: name, Start: i, End: end}, end, true
	}
	switch {
	case name == "ref" || name == "nowiki" || name == "pre" || droppedContent[name]:
		c, ce := p.closeTag(end, name)
		if c < 0 {
			if name == "ref" || name == "nowiki" || name == "pre" {
				return Node{}, i, false
			}
			// an unclosed content tag: keep the opening tag alone.
			return Node{Kind: Tag, Name: name, Start: i, End: end}, end, true
		}
		switch name {
		case "ref":
			return Node{Kind: Ref, Name: name, Start: i, End: ce}, ce, true
		case "nowiki", "pre":
			return Node{Kind: Nowiki, Name: name, Start: i, End: ce, KeyStart: end, KeyEnd: c}, ce, true
		}
		return Node{Kind: Tag, Name: name, Start: i, End: ce, KeyStart: end, KeyEnd: c}, ce, true
	}
	return Node{Kind: Tag, Name: name, Start: i, End: end}, end, true
}

// closeTag finds </name> (case-insensitive) from i; it returns the offsets
// of its '<' and one past its '>', or -1.
func (p *parser) closeTag(i int, name string) (int, int) {
	src := p.src
	if from, ok := p.noClose[name]; ok && i >= from {
		return -1, -1
	}
	start := i
	for {
		k := bytes.Index(src[i:], []byte("</"))
		if k < 0 {
			if p.noClose == nil {
				p.noClose = make(map[string]int)
			}
			if from, ok := p.noClose[name]; !ok || start < from {
				p.noClose[name] = start
			}
			return -1, -1
		}
		at := i + k
		j := at + 2
		if j+len(name) <= len(src) && strings.EqualFold(string(src[j:j+len(name)]), name) {
			j += len(name)
			for j < len(src) && isSpace(src[j]) {
				j++
			}
			if j < len(src) && src[j] == '>' {
				return at, j + 1
			}
		}
		i = at + 2
	}
}

// entity decodes &name;, &#NNN; or &#xHH; at i.
func entity(src []byte, i int) (Node, int, bool) {
	j := i + 1
	for j < len(src) && j-i <= 33 && (src[j] == '#' || src[j] >= '0' && src[j] <= '9' || src[j] >= 'a' && src[j] <= 'z' || src[j] >= 'A' && src[j] <= 'Z') {
		j++
	}
	if j >= len(src) || src[j] != ';' || j == i+1 {
		return Node{}, i, false
	}
	raw := string(src[i : j+1])
	dec := html.UnescapeString(raw)
	if dec == raw {
		return Node{}, i, false
	}
	if dec == "\u00a0" || raw == "&thinsp;" || raw == "&ensp;" || raw == "&emsp;" {
		dec = " "
	}
	return Node{Kind: Entity, Name: dec, Start: i, End: j + 1}, j + 1, true
}

// fixQuotes applies MediaWiki's reading of apostrophe runs line by line:
// four apostrophes are an apostrophe and bold, more than five keep the
// extra as text, and when a line has an odd number of both bold and italic
// runs one bold run is read as an apostrophe followed by italic.
func fixQuotes(src []byte, nodes []Node) {
	lineStart := 0
	for k := 0; k <= len(nodes); k++ {
		if k < len(nodes) && !(nodes[k].Kind == Text && bytes.IndexByte(src[nodes[k].Start:nodes[k].End], '\n') >= 0) {
			continue
		}
		fixQuoteLine(src, nodes[lineStart:k])
		lineStart = k + 1
	}
}

func fixQuoteLine(src []byte, line []Node) {
	italics, bolds := 0, 0
	for k := range line {
		nd := &line[k]
		if nd.Kind != Quotes {
			continue
		}
		n := nd.End - nd.Start
		switch {
		case n == 4:
			nd.Literal = 1
			n = 3
		case n > 5:
			nd.Literal = n - 5
			n = 5
		}
		switch n {
		case 2:
			italics++
		case 3:
			bolds++
		case 5:
			italics++
			bolds++
		}
	}
	if italics%2 == 0 || bolds%2 == 0 {
		return
	}
	firstSingle, firstMulti, firstSpace := -1, -1, -1
	for k := range line {
		nd := &line[k]
		if nd.Kind != Quotes || nd.End-nd.Start-nd.Literal != 3 {
			continue
		}
		start := nd.Start + nd.Literal
		var x1, x2 byte = ' ', ' '
		if start >= 1 {
			x1 = src[start-1]
		}
		if start >= 2 {
			x2 = src[start-2]
		}
		switch {
		case x1 == ' ':
			if firstSpace < 0 {
				firstSpace = k
			}
		case x2 == ' ':
			if firstSingle < 0 {
				firstSingle = k
			}
		default:
			if firstMulti < 0 {
				firstMulti = k
			}
		}
	}
	pick := firstSingle
	if pick < 0 {
		pick = firstMulti
	}
	if pick < 0 {
		pick = firstSpace
	}
	if pick >= 0 {
		line[pick].Literal++
	}
}
