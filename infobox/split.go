package infobox

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// item is one entry of an infobox list: its text (trimmed) and the byte
// offset of that text in the string it was split from.
type item struct {
	text string
	off  int
}

// splitList splits an infobox value into its items. The rendering joins
// list entries with ", " (a flag icon that was lost leaves an empty entry,
// so ", " alone is two lost items); commas and semicolons separate items
// except inside parentheses or brackets, before a no-break space (a
// comma inside a name) and as thousands separators ("30,443–32,418,
// 29,766" is two items), and so does " | ",
// which renderings leave between the entries of a plain list ("Ana Ruiz |
// Luis Vidal", "800 killed | 300+ captured"), a bar that opens or
// closes the value included; a bar without spaces is an image's options
// ("border|23px") and stays. Items are trimmed; empty
// items are kept, because they mark lost names.
func splitList(v string, dst []item) []item {
	depth := 0
	start := 0
	for i := 0; i < len(v); i++ {
		c := v[i]
		if (c < '(' || c > ']') && c != '|' { // spaces, lower case and non-ASCII: most bytes
			continue
		}
		switch c {
		case '|':
			// A bar that opens or closes the value stands after or before a
			// lost entry ("| Duchy of Opole | …": a flag's name lost first).
			if depth == 0 && (i == 0 || v[i-1] == ' ') && (i+1 == len(v) || v[i+1] == ' ') {
				dst = append(dst, trimmed(v, start, i))
				start = i + 1
			}
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case ',', ';':
			if depth > 0 || (c == ',' && (thousandsSep(v, i) || strings.HasPrefix(v[i+1:], nbsp))) {
				continue
			}
			dst = append(dst, trimmed(v, start, i))
			start = i + 1
		}
	}
	return append(dst, trimmed(v, start, len(v)))
}

// nbsp is the no-break space a comma inside one name is followed by in
// values rendered from wikitext ("Johann Tserclaes,\u00a0Count of Tilly").
const nbsp = "\u00a0"

// plainSpaces returns s with no-break spaces made plain spaces.
func plainSpaces(s string) string {
	if strings.IndexByte(s, 0xc2) < 0 {
		return s
	}
	return strings.ReplaceAll(s, nbsp, " ")
}

// thousandsSep reports whether the comma at v[i] sits inside a number:
// a digit before it, exactly three digits after it.
func thousandsSep(v string, i int) bool {
	if i == 0 || i+3 >= len(v) || !isDigit(v[i-1]) {
		return false
	}
	if !isDigit(v[i+1]) || !isDigit(v[i+2]) || !isDigit(v[i+3]) {
		return false
	}
	return i+4 == len(v) || !isDigit(v[i+4])
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// trimmed returns the item v[s:e] with white space trimmed off both ends.
func trimmed(v string, s, e int) item {
	for s < e && isSpaceAt(v, s) {
		_, n := utf8.DecodeRuneInString(v[s:e])
		s += n
	}
	for e > s {
		if c := v[e-1]; c < utf8.RuneSelf { // unicode.IsSpace's ASCII set
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
				e--
				continue
			}
			break
		}
		r, n := utf8.DecodeLastRuneInString(v[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return item{v[s:e], s}
}

func isSpaceAt(v string, i int) bool {
	c := v[i]
	if c < utf8.RuneSelf {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r'
	}
	r, _ := utf8.DecodeRuneInString(v[i:])
	return unicode.IsSpace(r)
}

// trimItem trims white space from it, keeping its offset right.
func trimItem(it item) item {
	t := trimmed(it.text, 0, len(it.text))
	return item{t.text, it.off + t.off}
}

// cleanItem removes what the rendering leaves of images and list markup
// around a name: leading bullets ("*", "**"), image sizes and options
// ("24px", "border|23px", "24px|border", "**18px Northern Command"), the
// words of a lost flag template ("flagicon image") and image file names
// ("File:Flag of X.svg"), and white space.
func cleanItem(it item) item {
	for {
		it = trimItem(it)
		s := it.text
		switch {
		case strings.HasPrefix(s, "*") || strings.HasPrefix(s, "•"):
			_, n := utf8.DecodeRuneInString(s)
			it = item{s[n:], it.off + n}
			continue
		}
		if n := imageLeftover(s); n > 0 {
			it = item{s[n:], it.off + n}
			continue
		}
		// An image token: up to the first space, ending in "px" after digits.
		end := strings.IndexByte(s, ' ')
		if end < 0 {
			end = len(s)
		}
		if isImageToken(s[:end]) {
			it = item{s[end:], it.off + end}
			continue
		}
		return it
	}
}

// imageLeftover returns the length of a leftover of an image at the start
// of s: the name of a flag template whose image was lost ("flagicon
// image", "flag icon"), or a file name ("File:Flag of X.svg", "Image:Y.png"
// with its options), up to the extension; 0 when s starts otherwise.
func imageLeftover(s string) int {
	if len(s) < 5 {
		return 0
	}
	switch s[0] {
	case 'f', 'F', 'i', 'I':
	default:
		return 0
	}
	for _, p := range [...]string{"flagicon image", "flagicon", "flag icon"} {
		if hasPrefixFoldASCII(s, p) && (len(s) == len(p) || s[len(p)] == ' ') {
			return len(p)
		}
	}
	if !hasPrefixFoldASCII(s, "file:") && !hasPrefixFoldASCII(s, "image:") {
		return 0
	}
	end := len(s)
	for _, ext := range [...]string{".svg", ".png", ".jpg", ".jpeg", ".gif", ".tif"} {
		if i := indexFoldASCII(s, ext); i >= 0 && i+len(ext) < end {
			end = i + len(ext)
		}
	}
	// Options glued after the name: "|20px", "|border".
	for end < len(s) && s[end] == '|' {
		j := strings.IndexByte(s[end:], ' ')
		if j < 0 {
			j = len(s) - end
		}
		end += j
	}
	return end
}

// indexFoldASCII is strings.Index folding ASCII case, for a lower-case sub.
func indexFoldASCII(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if hasPrefixFoldASCII(s[i:], sub) {
			return i
		}
	}
	return -1
}

// isImageToken reports whether tok is an image size with its options, if
// any: "24px", "20x15px", "border|23px", "23px|border", "x20px|link=".
func isImageToken(tok string) bool {
	if strings.IndexByte(tok, '|') < 0 {
		return isPixelSize(tok)
	}
	size := false
	for part := range strings.SplitSeq(tok, "|") {
		switch {
		case isPixelSize(part):
			size = true
		case part == "border" || part == "frameless" || part == "upright" || strings.HasPrefix(part, "link=") || strings.HasPrefix(part, "alt="):
		default:
			return false
		}
	}
	return size
}

// isPixelSize reports whether tok is "24px", "20x15px" or "x20px".
func isPixelSize(tok string) bool {
	if !strings.HasSuffix(tok, "px") || len(tok) < 3 || !isDigit(tok[len(tok)-3]) {
		return false
	}
	for i := 0; i < len(tok)-2; i++ {
		if c := tok[i]; !isDigit(c) && c != 'x' {
			return false
		}
	}
	return true
}

// parenthesized reports whether s is wholly one parenthesized group and
// returns its inside.
func parenthesized(s string) (string, bool) {
	if len(s) < 2 || s[0] != '(' || s[len(s)-1] != ')' {
		return "", false
	}
	if closeParen(s, 0) != len(s)-1 {
		return "", false
	}
	return s[1 : len(s)-1], true
}

// closeParen returns the index of the ')' that closes the '(' at s[i], or -1.
func closeParen(s string, i int) int {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// openParen returns the index of the '(' that the ')' at s[j] closes, or -1.
func openParen(s string, j int) int {
	depth := 0
	for i := j; i >= 0; i-- {
		switch s[i] {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// stripParens removes every parenthesized group from s (and the space
// before it) and collapses the white space left behind.
func stripParens(s string) string {
	if strings.IndexByte(s, '(') < 0 {
		return s
	}
	var b strings.Builder
	depth := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(':
			depth++
		case c == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteByte(c)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// stripCitations removes footnote marks ("[1]", "[a]", "[note 2]",
// "[citation needed]") from a value. It returns v itself when there are
// none, and reports whether it changed anything (offsets into the source
// no longer hold then).
func stripCitations(v string) (string, bool) {
	if strings.IndexByte(v, '[') < 0 {
		return v, false
	}
	var b strings.Builder
	changed := false
	for i := 0; i < len(v); {
		if v[i] == '[' {
			if j := strings.IndexByte(v[i:], ']'); j > 0 && j <= 24 && !strings.ContainsAny(v[i+1:i+j], "[,") {
				i += j + 1
				changed = true
				continue
			}
		}
		b.WriteByte(v[i])
		i++
	}
	if !changed {
		return v, false
	}
	return b.String(), true
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// hasPrefixFoldASCII reports whether s starts with p, a lower-case ASCII
// string, folding ASCII case only.
func hasPrefixFoldASCII(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

// containsFold is strings.Contains(strings.ToLower(s), sub) for a
// lower-case ASCII sub, without the copy when s is ASCII.
func containsFold(s, sub string) bool {
	if !isASCII(s) {
		return strings.Contains(strings.ToLower(s), sub)
	}
	for i := 0; i+len(sub) <= len(s); i++ {
		if hasPrefixFoldASCII(s[i:], sub) {
			return true
		}
	}
	return false
}

// outsideParens returns the first index i of s from from on that lies
// outside parentheses and for which at(i) holds, or -1. A closing
// parenthesis that ends the outermost group is outside ("(Libyan claim)
// 100 killed" is cut right after it).
func outsideParens(s string, from int, at func(i int) bool) int {
	depth := 0
	for i := from; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
			continue
		case ')':
			if depth > 0 {
				depth--
			}
		}
		if depth == 0 && at(i) {
			return i
		}
	}
	return -1
}
