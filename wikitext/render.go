package wikitext

import (
	"strconv"
	"strings"

	"github.com/annalist/annalist"
)

// renderer turns nodes into plain text. In prose mode it records which
// runs of text were copied from which source bytes (Pieces); in field mode
// (infobox values) line breaks, <br> and list bullets become the ", "
// between items, a comma inside one link's text is followed by a no-break
// space instead (it is part of a name: "Johann Tserclaes,\u00a0Count of
// Tilly"), and flag icons stand in for items that have no name.
type renderer struct {
	src    []byte
	t      *Tables
	buf    []byte
	pieces []annalist.Piece
	field  bool

	pendingSep bool
	lineStart  bool // field mode: at the start of a source line (bullets skipped)
	inLink     int  // depth of links being rendered
	itemStart  int
	icons      []string
	coord      *annalist.LatLon
}

func (r *renderer) reset(field bool) {
	r.buf = r.buf[:0]
	r.pieces = nil
	r.field = field
	r.pendingSep = false
	r.lineStart = field
	r.inLink = 0
	r.itemStart = 0
	r.icons = r.icons[:0]
}

// string returns the rendered text, trimmed.
func (r *renderer) string() string {
	r.endItem()
	r.trimRight()
	return string(r.buf)
}

func (r *renderer) trimRight() {
	for len(r.buf) > 0 && r.buf[len(r.buf)-1] == ' ' {
		r.buf = r.buf[:len(r.buf)-1]
	}
	if n := len(r.pieces); n > 0 {
		p := &r.pieces[n-1]
		if p.Text+p.Len > len(r.buf) {
			p.Len = len(r.buf) - p.Text
			if p.Len <= 0 {
				r.pieces = r.pieces[:n-1]
			}
		}
	}
}

// beginContent writes a pending item separator before new content.
func (r *renderer) beginContent() {
	if !r.pendingSep {
		return
	}
	r.pendingSep = false
	r.trimRight()
	if len(r.buf) > 0 {
		r.buf = append(r.buf, ", "...)
	}
	r.itemStart = len(r.buf)
}

// sep ends the current item (field mode) or adds a space (prose).
func (r *renderer) sep() {
	if !r.field {
		r.space(-1)
		return
	}
	r.endItem()
	r.pendingSep = true
}

// endItem gives an item with no text of its own (or only a parenthesis)
// the names of the flag icons that stood in it.
func (r *renderer) endItem() {
	if len(r.icons) == 0 {
		return
	}
	if r.pendingSep {
		r.beginContent() // the icons open a new item
	}
	item := strings.TrimSpace(string(r.buf[r.itemStart:]))
	if item == "" || item[0] == '(' || item == ":" {
		names := strings.Join(r.icons, ", ")
		if item != "" && item != ":" {
			names += " "
		}
		rest := append([]byte(nil), r.buf[r.itemStart:]...)
		rest = []byte(strings.TrimLeft(string(rest), " "))
		r.buf = append(append(r.buf[:r.itemStart], names...), rest...)
	}
	r.icons = r.icons[:0]
}

// space adds one space unless the text is empty or already ends in one.
// at is the source offset of a copied ' ', or -1.
func (r *renderer) space(at int) {
	if len(r.buf) == 0 || r.buf[len(r.buf)-1] == ' ' || r.pendingSep {
		return
	}
	if at >= 0 {
		r.write([]byte{' '}, at)
		return
	}
	r.buf = append(r.buf, ' ')
}

// write appends bytes copied from src at offset at (-1: not copied).
func (r *renderer) write(b []byte, at int) {
	r.beginContent()
	r.lineStart = false
	if !r.field && at >= 0 {
		if n := len(r.pieces); n > 0 {
			p := &r.pieces[n-1]
			if p.Text+p.Len == len(r.buf) && p.Source+p.Len == at {
				p.Len += len(b)
				r.buf = append(r.buf, b...)
				return
			}
		}
		r.pieces = append(r.pieces, annalist.Piece{Text: len(r.buf), Source: at, Len: len(b)})
	}
	r.buf = append(r.buf, b...)
}

// lit appends text that was not copied from the source.
func (r *renderer) lit(s string) {
	if s == "" {
		return
	}
	if s == " " {
		r.space(-1)
		return
	}
	if s[0] == ' ' {
		r.space(-1)
		s = strings.TrimLeft(s, " ")
	}
	r.beginContent()
	r.lineStart = false
	if len(r.buf) > 0 && r.buf[len(r.buf)-1] == ' ' && len(s) > 0 && s[0] == ' ' {
		s = s[1:]
	}
	r.buf = append(r.buf, s...)
}

// glue appends s to the word before it ({{KIA}} after a name).
func (r *renderer) glue(s string) {
	if r.pendingSep && len(strings.TrimSpace(string(r.buf))) > 0 {
		// the fate stands alone after a separator: keep it with the item before.
		r.pendingSep = false
	}
	r.trimRight()
	r.lineStart = false
	r.buf = append(r.buf, s...)
}

// text copies src[start:end], collapsing white space.
func (r *renderer) text(start, end int) {
	src := r.src
	i := start
	for i < end {
		c := src[i]
		if r.field {
			if c == '\n' {
				r.sep()
				r.lineStart = true
				i++
				continue
			}
			if r.lineStart {
				if c == '*' || c == '#' || c == ':' || c == ';' || c == ' ' || c == '\t' || c == '\r' {
					i++
					continue
				}
				if c == '-' && i+3 < end && src[i+1] == '-' && src[i+2] == '-' && src[i+3] == '-' {
					for i < end && src[i] == '-' {
						i++
					}
					r.sep()
					continue
				}
			}
		}
		if isSpace(c) {
			j := i
			for j < end && isSpace(src[j]) && !(r.field && src[j] == '\n') {
				j++
			}
			switch {
			case r.field && r.inLink > 0 && len(r.buf) > 0 && r.buf[len(r.buf)-1] == ',' && !r.pendingSep:
				// "[[Johann Tserclaes, Count of Tilly]]": a comma inside
				// one link's text is part of a name; a no-break space
				// after it tells it from the ", " between items.
				r.buf = append(r.buf, "\u00a0"...)
			case c == ' ':
				r.space(i)
			default:
				r.space(-1)
			}
			i = j
			continue
		}
		j := i + 1
		for j < end && !isSpace(src[j]) {
			j++
		}
		if !isMagicWord(src[i:j]) {
			r.write(src[i:j], i)
		}
		i = j
	}
}

// nodes renders a node list.
func (r *renderer) nodes(ns []Node) {
	for k := range ns {
		r.node(&ns[k])
	}
}

func (r *renderer) node(nd *Node) {
	switch nd.Kind {
	case Text:
		r.text(nd.Start, nd.End)
	case Entity:
		r.lit(nd.Name)
	case Nowiki:
		r.text(nd.KeyStart, nd.KeyEnd)
	case Quotes:
		if nd.Literal > 0 {
			r.write(r.src[nd.Start:nd.Start+nd.Literal], nd.Start)
		}
	case Tag:
		switch nd.Name {
		case "br", "hr", "li":
			r.sep()
		case "p", "div", "tr", "td", "th", "dd", "dt", "blockquote":
			r.space(-1)
		}
	case Link:
		r.link(nd)
	case ExtLink:
		r.nodes(nd.Children)
	case Argument:
		if len(nd.Children) > 0 {
			r.nodes(nd.Children[0].Children)
		}
	case Template:
		r.template(nd)
	}
}

// linkNamespaces are prefixes of links that are not text (files,
// categories); interlanguage links are recognised by their form.
var linkNamespaces = map[string]bool{
	"file": true, "image": true, "category": true, "media": true,
	"datei": true, "bild": true, "kategorie": true, "fichier": true,
	"catégorie": true, "archivo": true, "imagen": true, "categoría": true,
	"файл": true, "изображение": true, "категория": true, "plik": true,
	"grafika": true, "kategoria": true, "bestand": true, "afbeelding": true,
	"categorie": true, "immagine": true, "categoria": true, "ficheiro": true,
	"arquivo": true, "fails": true, "attēls": true, "kategorija": true,
	"kategoreja": true, "dosya": true, "kategori": true, "tiedosto": true,
	"luokka": true, "fil": true,
}

// mediaExtensions end the names of files, which are not text whatever
// the namespace is called in the wiki's language.
var mediaExtensions = []string{".jpg", ".jpeg", ".png", ".svg", ".gif", ".tif", ".tiff", ".webp", ".ogg", ".ogv", ".webm", ".pdf", ".djvu", ".mp3", ".wav", ".flac"}

// LinkIsText reports whether a link target renders as text: files,
// categories and interlanguage links do not.
func LinkIsText(target string) bool {
	if strings.HasPrefix(target, ":") {
		return true
	}
	c := strings.IndexByte(target, ':')
	if c <= 0 {
		return true
	}
	prefix := strings.ToLower(strings.TrimSpace(target[:c]))
	if linkNamespaces[prefix] {
		return false
	}
	lower := strings.ToLower(target)
	for _, ext := range mediaExtensions {
		if strings.HasSuffix(lower, ext) {
			return false
		}
	}
	// interlanguage links: [[de:Seite]], [[zh-yue:…]]
	if len(prefix) >= 2 && len(prefix) <= 12 {
		for i := 0; i < len(prefix); i++ {
			if (prefix[i] < 'a' || prefix[i] > 'z') && prefix[i] != '-' {
				return true
			}
		}
		return !(len(prefix) <= 3 || strings.Contains(prefix, "-"))
	}
	return true
}

func (r *renderer) link(nd *Node) {
	if !LinkIsText(nd.Name) {
		return
	}
	r.inLink++
	defer func() { r.inLink-- }()
	if len(nd.Children) > 0 && len(nd.Children[0].Children) > 0 {
		r.nodes(nd.Children[0].Children)
		return
	}
	// the target is the text: copy it from the source (after "[[" and a
	// leading colon).
	s, e := nd.Start+2, nd.End-2
	if len(nd.Children) > 0 {
		e = nd.Children[0].Start - 1
	}
	for s < e && (r.src[s] == ':' || r.src[s] == ' ') {
		s++
	}
	if e > s && e <= len(r.src) {
		r.text(s, e)
	}
}

// positional returns the k-th (1-based) positional parameter of a
// template, counting explicit "2=" names too.
func positional(nd *Node, k int) *Node {
	n := 0
	key := strconv.Itoa(k)
	for i := range nd.Children {
		p := &nd.Children[i]
		if p.Name == "" {
			n++
			if n == k {
				return p
			}
		} else if p.Name == key {
			return p
		}
	}
	return nil
}

func named(nd *Node, name string) *Node {
	for i := range nd.Children {
		if strings.EqualFold(nd.Children[i].Name, name) {
			return &nd.Children[i]
		}
	}
	return nil
}

func positionals(nd *Node) []*Node {
	var out []*Node
	for i := range nd.Children {
		if nd.Children[i].Name == "" {
			out = append(out, &nd.Children[i])
		}
	}
	return out
}

// argText is the plain text of a parameter (nested markup rendered
// simply), trimmed.
func (r *renderer) argText(p *Node) string {
	if p == nil {
		return ""
	}
	if len(p.Children) == 1 && p.Children[0].Kind == Text {
		return strings.TrimSpace(string(r.src[p.Children[0].Start:p.Children[0].End]))
	}
	sub := renderer{src: r.src, t: r.t}
	sub.nodes(p.Children)
	return strings.TrimSpace(sub.string())
}

func (r *renderer) template(nd *Node) {
	name := strings.ToLower(nd.Name)
	if strings.HasPrefix(name, "#") {
		return // parser functions and module calls: no plain text
	}
	ru, ok := r.t.templates[name]
	if !ok {
		if strings.HasPrefix(name, "lang-") {
			// {{lang-fr|Guerre}}: the foreign text
			r.nodes(positionalChildren(nd, 1))
		}
		return
	}
	switch ru.action {
	case "text":
		r.lit(ru.arg)
	case "prefix":
		r.lit(ru.arg)
		if p := positional(nd, 1); p != nil {
			r.nodes(p.Children)
		}
	case "param":
		var p *Node
		switch {
		case ru.arg == "last":
			ps := positionals(nd)
			if len(ps) > 0 {
				p = ps[len(ps)-1]
			}
		default:
			// "text 1": the first of the named or numbered parameters given
			for _, a := range strings.Fields(ru.arg) {
				if k, err := strconv.Atoi(a); err == nil {
					p = positional(nd, k)
				} else {
					p = named(nd, a)
				}
				if p != nil {
					break
				}
			}
		}
		if p != nil {
			r.nodes(p.Children)
		}
	case "fate":
		if r.field { // in prose the fate is an icon, not words
			r.glue(ru.arg)
		}
	case "flag":
		if p := named(nd, "name"); p != nil {
			r.nodes(p.Children)
			return
		}
		r.lit(r.t.Flag(r.argText(positional(nd, 1)), r.argText(positional(nd, 2))))
	case "flagicon":
		if r.field {
			if f := r.argText(positional(nd, 1)); f != "" {
				r.icons = append(r.icons, r.t.Flag(f, r.argText(positional(nd, 2))))
			}
		}
	case "coatofarms":
		if p := named(nd, "text"); p != nil {
			r.nodes(p.Children)
			return
		}
		if p := positional(nd, 1); p != nil {
			r.nodes(p.Children)
		}
	case "list":
		for _, p := range positionals(nd) {
			r.sep()
			r.nodes(p.Children)
		}
		r.sep()
	case "sortname":
		r.nodes(positionalChildren(nd, 1))
		r.lit(" ")
		r.nodes(positionalChildren(nd, 2))
	case "date":
		r.lit(r.dateText(nd, 0))
	case "dates":
		a, b := r.dateText(nd, 0), r.dateText(nd, 3)
		r.lit(a)
		if b != "" {
			r.lit(" – " + b)
		}
	case "convert":
		r.lit(r.convertText(nd))
	case "coord":
		if ll, ok := r.coordOf(nd); ok {
			if r.coord == nil {
				r.coord = &ll
			}
			r.lit(formatLatLon(ll))
		}
	}
}

func positionalChildren(nd *Node, k int) []Node {
	if p := positional(nd, k); p != nil {
		return p.Children
	}
	return nil
}

var monthNames = [...]string{"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// dateText renders year|month|day starting at positional parameter
// off+1 as words ("29 July 1938", "July 1938", "1938").
func (r *renderer) dateText(nd *Node, off int) string {
	y := r.argText(positional(nd, off+1))
	if y == "" {
		return ""
	}
	// {{Start date|1938-07-29}}
	if off == 0 && strings.Count(y, "-") == 2 && len(y) >= 8 {
		parts := strings.SplitN(y, "-", 3)
		return dateWords(parts[0], parts[1], parts[2])
	}
	return dateWords(y, r.argText(positional(nd, off+2)), r.argText(positional(nd, off+3)))
}

func dateWords(y, m, d string) string {
	mi, err := strconv.Atoi(strings.TrimSpace(m))
	if err != nil || mi < 1 || mi > 12 {
		// a month written as a word is kept as it is
		if m != "" && err != nil {
			return strings.TrimSpace(strings.Join([]string{d, m, y}, " "))
		}
		return y
	}
	di, err := strconv.Atoi(strings.TrimSpace(d))
	if err != nil || di < 1 || di > 31 {
		return monthNames[mi] + " " + y
	}
	return strconv.Itoa(di) + " " + monthNames[mi] + " " + y
}

// convertText renders {{convert|20|-|30|km|mi}} as "20–30 km".
func (r *renderer) convertText(nd *Node) string {
	ps := positionals(nd)
	if len(ps) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(r.argText(ps[0]))
	i := 1
	for i+1 < len(ps) {
		s := r.argText(ps[i])
		var joint string
		switch s {
		case "-", "–", "&ndash;":
			joint = "–"
		case "to", "and", "or", "by", "x", "×", "+", "and(-)", "to(-)", "±":
			joint = " " + s + " "
		default:
			joint = ""
		}
		if joint == "" {
			break
		}
		b.WriteString(joint)
		b.WriteString(r.argText(ps[i+1]))
		i += 2
	}
	if i < len(ps) {
		if u := r.argText(ps[i]); u != "" {
			b.WriteByte(' ')
			b.WriteString(u)
		}
	}
	return b.String()
}

// coordOf reads {{coord|lat|lon}} or {{coord|d|m|s|N|d|m|s|E}} forms.
func (r *renderer) coordOf(nd *Node) (annalist.LatLon, bool) {
	var vals []string
	for _, p := range positionals(nd) {
		s := r.argText(p)
		if strings.Contains(s, ":") || s == "" && len(vals) > 0 {
			break
		}
		vals = append(vals, s)
	}
	hemi := -1
	for i, v := range vals {
		if v == "N" || v == "S" || v == "n" || v == "s" {
			hemi = i
			break
		}
	}
	parse := func(parts []string) (float64, bool) {
		var v float64
		div := 1.0
		for _, s := range parts {
			if s == "" {
				div *= 60
				continue
			}
			f, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return 0, false
			}
			v += f / div
			div *= 60
		}
		return v, true
	}
	if hemi < 0 {
		if len(vals) < 2 {
			return annalist.LatLon{}, false
		}
		lat, ok1 := parse(vals[:1])
		lon, ok2 := parse(vals[1:2])
		if !ok1 || !ok2 || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
			return annalist.LatLon{}, false
		}
		return annalist.LatLon{Lat: lat, Lon: lon}, true
	}
	if hemi == 0 || hemi > 3 {
		return annalist.LatLon{}, false
	}
	lat, ok := parse(vals[:hemi])
	if !ok {
		return annalist.LatLon{}, false
	}
	if vals[hemi] == "S" || vals[hemi] == "s" {
		lat = -lat
	}
	rest := vals[hemi+1:]
	ew := -1
	for i, v := range rest {
		if v == "E" || v == "W" || v == "e" || v == "w" {
			ew = i
			break
		}
	}
	if ew <= 0 || ew > 3 {
		return annalist.LatLon{}, false
	}
	lon, ok := parse(rest[:ew])
	if !ok {
		return annalist.LatLon{}, false
	}
	if rest[ew] == "W" || rest[ew] == "w" {
		lon = -lon
	}
	if lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return annalist.LatLon{}, false
	}
	return annalist.LatLon{Lat: lat, Lon: lon}, true
}

func formatLatLon(ll annalist.LatLon) string {
	ns, ew := "N", "E"
	lat, lon := ll.Lat, ll.Lon
	if lat < 0 {
		ns, lat = "S", -lat
	}
	if lon < 0 {
		ew, lon = "W", -lon
	}
	// five decimals are a metre or so: more would be noise in the text
	f := func(v float64) string {
		s := strconv.FormatFloat(v, 'f', 5, 64)
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		return s
	}
	return f(lat) + "°" + ns + " " + f(lon) + "°" + ew
}

// isMagicWord reports a behaviour switch such as __NOTOC__, which is not text.
func isMagicWord(w []byte) bool {
	if len(w) < 5 || w[0] != '_' || w[1] != '_' || w[len(w)-1] != '_' || w[len(w)-2] != '_' {
		return false
	}
	for _, c := range w[2 : len(w)-2] {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}
