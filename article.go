package annalist

import "strings"

// Source formats an Article can be read from.
const (
	FormatText     = "text"     // the plain-text rendering (= Title =, - Key: value, ==H==)
	FormatWikitext = "wikitext" // raw MediaWiki markup
	FormatProse    = "prose"    // plain prose: paragraphs and headings, no title line or infobox
)

// Article is one encyclopedia article as every reader produces it, whatever
// the input format: its title, its conflict infobox as ordered fields, and
// its body as sections and blocks, each with byte spans into Source.
//
// Extractors read only this model, never the input format.
type Article struct {
	Title     string
	TitleSpan Span
	Source    string // path or URL the article was read from
	Format    string // FormatText or FormatWikitext
	// Raw holds the source bytes the spans point into (after nothing: BOM
	// and CRLF are left in place so that offsets are offsets into the file).
	Raw    []byte
	SHA256 string // hex digest of Raw

	// InfoboxHeader is the line before the infobox fields in the plain-text
	// rendering: "Infobox" or a country name; empty when missing.
	InfoboxHeader string
	Infobox       []Field

	// Coordinates of the conflict when the input carries them in machine
	// form (wikitext {{coord}}); nil otherwise.
	Coordinates *LatLon

	Sections []Section
	Blocks   []Block // paragraphs and list items in reading order

	// Truncated is set when the text ends mid-sentence (a cut-off rendering).
	Truncated bool
	Warnings  []Warning
}

// LatLon is a point in decimal degrees (WGS 84).
type LatLon struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

// Field is one `key = value` parameter of an infobox, in source order.
// Repeated keys are kept as separate fields.
type Field struct {
	// Key is the parameter name lower-cased and trimmed ("casualties1").
	Key string
	// Value is the parameter's text. In the plain-text rendering it is
	// exactly Raw[ValueSpan]; readers of richer formats render templates
	// into the same comma-separated plain text (flag templates become the
	// state's name, {{KIA}} becomes "KIA" glued to the name before it; a
	// comma inside one link's text is followed by a no-break space, U+00A0,
	// so that it is not taken for the ", " between items).
	Value     string
	KeySpan   Span
	ValueSpan Span
}

// Fields returns the fields whose key equals key (case-insensitive), in order.
func (a *Article) Fields(key string) []Field {
	key = strings.ToLower(key)
	var out []Field
	for _, f := range a.Infobox {
		if f.Key == key {
			out = append(out, f)
		}
	}
	return out
}

// Field returns the first field with the given key, and whether there was one.
func (a *Article) Field(key string) (Field, bool) {
	key = strings.ToLower(key)
	for _, f := range a.Infobox {
		if f.Key == key {
			return f, true
		}
	}
	return Field{}, false
}

// Section is a heading and the blocks under it, up to the next heading of
// any level.
type Section struct {
	Heading     string
	Level       int  // 2 for ==H==, up to 5 for =====H=====
	Span        Span // the whole heading line
	HeadingSpan Span // the heading text alone
	Parent      int  // index of the enclosing section, -1 for none
}

// BlockKind tells a paragraph from a list item.
type BlockKind uint8

const (
	Paragraph BlockKind = iota
	ListItem
)

func (k BlockKind) String() string {
	if k == ListItem {
		return "list item"
	}
	return "paragraph"
}

// Block is a paragraph or a list item of the body.
type Block struct {
	Kind    BlockKind
	Section int // index into Article.Sections; -1 for the lead
	Depth   int // list nesting depth (1 for "- item"); 0 for paragraphs
	// Text is the block's plain text. Span is where the block stands in
	// the source. When Pieces is nil, Text is exactly Raw[Span]; otherwise
	// Pieces relate runs of Text to the source bytes they were copied from
	// (markup removed in between).
	Text   string
	Span   Span
	Pieces []Piece
}

// Piece says that Text[Text:Text+Len] was copied from Raw[Source:Source+Len].
type Piece struct {
	Text, Source, Len int
}

// SourceSpan maps a span of b.Text (offsets relative to b.Text) to a span
// of the source file. Offsets that fall in removed markup snap outward to
// the nearest copied byte.
func (b *Block) SourceSpan(s Span) Span {
	if b.Pieces == nil {
		return Span{b.Span.Start + s.Start, b.Span.Start + s.End}
	}
	return Span{b.sourceOffset(s.Start, false), b.sourceOffset(s.End, true)}
}

func (b *Block) sourceOffset(i int, end bool) int {
	if len(b.Pieces) == 0 {
		return b.Span.Start
	}
	for k, p := range b.Pieces {
		if i < p.Text {
			if end && k > 0 {
				q := b.Pieces[k-1]
				return q.Source + q.Len
			}
			return p.Source
		}
		if i < p.Text+p.Len || (end && i == p.Text+p.Len) {
			return p.Source + (i - p.Text)
		}
	}
	last := b.Pieces[len(b.Pieces)-1]
	return last.Source + last.Len
}

// SectionPath returns the headings from the outermost section down to
// section i ("Major conflicts of 1939" / "Battles of Khalkhin Gol").
func (a *Article) SectionPath(i int) []string {
	var path []string
	for i >= 0 && i < len(a.Sections) {
		path = append(path, a.Sections[i].Heading)
		i = a.Sections[i].Parent
	}
	for l, r := 0, len(path)-1; l < r; l, r = l+1, r-1 {
		path[l], path[r] = path[r], path[l]
	}
	return path
}
