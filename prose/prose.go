// Package prose reads plain prose text files into Articles: no title line
// and no infobox, only paragraphs separated by blank lines, with short
// lines standing alone as headings ("Course of the war"). It is the
// reader for texts exported from elsewhere, such as the WikiWars corpus,
// where the plain-text rendering's "= Title =" line and "- Key: value"
// infobox are missing.
//
// The title is the file's name. Every byte span points into the file as
// read: blocks are copied verbatim.
package prose

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

// MaxBytes is the largest file Read accepts: past it a file is not one
// article, and reading it whole would only use memory.
const MaxBytes = 64 << 20

// maxHeading is the longest line read as a heading.
const maxHeading = 100

// Read reads one prose file. name is used for the title and in errors.
func Read(name string, data []byte) (*annalist.Article, error) {
	if len(data) > MaxBytes {
		return nil, fmt.Errorf("%s: %d bytes, more than the %d MB an article may hold", name, len(data), MaxBytes>>20)
	}
	sum := sha256.Sum256(data)
	a := &annalist.Article{
		Title:  Title(name),
		Source: name,
		Format: annalist.FormatProse,
		Raw:    data,
		SHA256: hex.EncodeToString(sum[:]),
	}
	if !utf8.Valid(data) {
		off := invalidAt(data)
		a.Warnings = append(a.Warnings, annalist.Warning{Offset: off, Message: "invalid UTF-8; the bytes are kept as they are"})
	}
	body := 0
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		body = 3
	}
	section := -1
	// Blocks are runs of non-blank lines; a one-line block that reads as
	// a heading opens a section.
	for start := body; start < len(data); {
		// Skip blank lines.
		for start < len(data) {
			end := lineEnd(data, start)
			if len(bytes.TrimSpace(data[start:end])) != 0 {
				break
			}
			start = next(data, end)
		}
		if start >= len(data) {
			break
		}
		end, lines := start, 0
		for end < len(data) {
			le := lineEnd(data, end)
			if len(bytes.TrimSpace(data[end:le])) == 0 {
				break
			}
			lines++
			end = next(data, le)
		}
		text := bytes.TrimRight(data[start:end], " \t\r\n")
		sp := annalist.Span{Start: start, End: start + len(text)}
		if lines == 1 && isHeading(text) && end < len(data) {
			a.Sections = append(a.Sections, annalist.Section{
				Heading: string(bytes.TrimSpace(text)), Level: 2, Span: sp, HeadingSpan: sp, Parent: -1,
			})
			section = len(a.Sections) - 1
		} else {
			a.Blocks = append(a.Blocks, annalist.Block{Kind: annalist.Paragraph, Section: section, Text: string(text), Span: sp})
		}
		start = end
	}
	if len(a.Blocks) == 0 {
		return nil, fmt.Errorf("%s: no text to read", name)
	}
	return a, nil
}

// Title makes an article title of a file name: "01_WW2.txt" is "WW2",
// "agacher-strip-war.txt" is "agacher strip war".
func Title(name string) string {
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	if i := strings.IndexByte(base, '_'); i > 0 && strings.Trim(base[:i], "0123456789") == "" {
		base = base[i+1:] // a corpus's running number
	}
	return strings.Join(strings.FieldsFunc(base, func(r rune) bool { return r == '_' || r == '-' }), " ")
}

// isHeading reports a line that names a section rather than telling
// something: short, and not ending as a sentence or clause does.
func isHeading(line []byte) bool {
	t := bytes.TrimSpace(line)
	if len(t) == 0 || len(t) > maxHeading {
		return false
	}
	r, _ := utf8.DecodeRune(t)
	if r >= 'a' && r <= 'z' {
		return false
	}
	switch t[len(t)-1] {
	case '.', '!', '?', ',', ';', ':', '"', '\'':
		return false
	}
	return true
}

func lineEnd(data []byte, i int) int {
	if k := bytes.IndexByte(data[i:], '\n'); k >= 0 {
		return i + k
	}
	return len(data)
}

func next(data []byte, le int) int {
	if le < len(data) {
		return le + 1
	}
	return le
}

func invalidAt(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}
