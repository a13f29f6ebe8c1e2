package export

import (
	"strconv"
	"strings"
)

// SpreadsheetSafe returns a CSV cell that a spreadsheet will show as text:
// a cell that is not a number and begins with =, +, -, @, a tab or a
// carriage return (or their full-width forms) gets a leading apostrophe,
// as OWASP recommends against formula injection ("CSV injection"), since
// article text is untrusted. Numbers, negative ones included, are left
// as they are. CSV.Raw turns this off for tools that want the text as
// stored.
func SpreadsheetSafe(cell string) string {
	if cell == "" || !strings.ContainsRune("=+-@\t\r＝＋－＠", firstRune(cell)) {
		return cell
	}
	if _, err := strconv.ParseFloat(cell, 64); err == nil {
		return cell
	}
	return "'" + cell
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}
