package gazetteer

import (
	"unicode"
	"unicode/utf8"
)

// Fold returns the lookup key of a place name: lower-cased, Latin
// diacritics removed ("Lüshun" → "lushun", "Łódź" → "lodz"), apostrophes
// dropped ("Ma'alot" → "maalot"), hyphens, dashes, dots, commas and
// brackets turned into single spaces, and outer spaces trimmed. Letters of
// other scripts are only lower-cased.
//
// Two spellings that differ only in these ways find the same entries.
func Fold(s string) string {
	if isFolded(s) {
		return s
	}
	return string(AppendFold(make([]byte, 0, len(s)), s))
}

// AppendFold appends the key of s (see Fold) to dst, so that many keys can
// share one buffer.
func AppendFold(dst []byte, s string) []byte {
	start := len(dst)
	space := false // a separator was seen since the last letter
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '\'' || c == '`':
				continue
			default:
				space = true
				continue
			}
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = append(dst, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		f := foldLatin(r)
		switch {
		case isApostrophe(r), unicode.Is(unicode.Mn, r):
			continue // "Ma’alot"; a combining accent goes like a precomposed one's
		case f == "" && !unicode.IsLetter(r) && !unicode.IsDigit(r):
			space = true
			continue
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		if f != "" {
			dst = append(dst, f...)
		} else {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// isFolded reports whether s is already its own key, so that the common
// lower-case ASCII query costs no allocation.
func isFolded(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			prevSpace = false
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		default:
			return false
		}
	}
	return true
}

func isApostrophe(r rune) bool {
	switch r {
	case '\u2018', '\u2019', '\u02bb', '\u02bc', '\u02be', '\u02bf', '\u00b4':
		return true
	}
	return false
}

// foldLatin maps a Latin letter with a diacritic (or a ligature) to its
// plain lower-case ASCII form, or returns "" for any other rune.
func foldLatin(r rune) string {
	switch r {
	case 'À', 'Á', 'Â', 'Ã', 'Ä', 'Å', 'à', 'á', 'â', 'ã', 'ä', 'å', 'Ā', 'ā', 'Ă', 'ă', 'Ą', 'ą', 'Ǎ', 'ǎ', 'Ạ', 'ạ', 'Ả', 'ả', 'Ấ', 'ấ', 'Ầ', 'ầ', 'Ậ', 'ậ', 'Ắ', 'ắ', 'Ằ', 'ằ', 'Ặ', 'ặ':
		return "a"
	case 'Æ', 'æ':
		return "ae"
	case 'Ç', 'ç', 'Ć', 'ć', 'Ĉ', 'ĉ', 'Ċ', 'ċ', 'Č', 'č':
		return "c"
	case 'Ď', 'ď', 'Đ', 'đ', 'Ð', 'ð':
		return "d"
	case 'È', 'É', 'Ê', 'Ë', 'è', 'é', 'ê', 'ë', 'Ē', 'ē', 'Ĕ', 'ĕ', 'Ė', 'ė', 'Ę', 'ę', 'Ě', 'ě', 'Ẹ', 'ẹ', 'Ế', 'ế', 'Ề', 'ề', 'Ể', 'ể', 'Ệ', 'ệ', 'Ə', 'ə':
		return "e"
	case 'Ĝ', 'ĝ', 'Ğ', 'ğ', 'Ġ', 'ġ', 'Ģ', 'ģ':
		return "g"
	case 'Ĥ', 'ĥ', 'Ħ', 'ħ', 'Ḥ', 'ḥ':
		return "h"
	case 'Ì', 'Í', 'Î', 'Ï', 'ì', 'í', 'î', 'ï', 'Ĩ', 'ĩ', 'Ī', 'ī', 'Ĭ', 'ĭ', 'Į', 'į', 'İ', 'ı', 'Ǐ', 'ǐ', 'Ị', 'ị':
		return "i"
	case 'Ĵ', 'ĵ':
		return "j"
	case 'Ķ', 'ķ':
		return "k"
	case 'Ĺ', 'ĺ', 'Ļ', 'ļ', 'Ľ', 'ľ', 'Ŀ', 'ŀ', 'Ł', 'ł':
		return "l"
	case 'Ñ', 'ñ', 'Ń', 'ń', 'Ņ', 'ņ', 'Ň', 'ň':
		return "n"
	case 'Ò', 'Ó', 'Ô', 'Õ', 'Ö', 'Ø', 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'Ō', 'ō', 'Ŏ', 'ŏ', 'Ő', 'ő', 'Ơ', 'ơ', 'Ǒ', 'ǒ', 'Ọ', 'ọ', 'Ố', 'ố', 'Ồ', 'ồ', 'Ộ', 'ộ', 'Ớ', 'ớ', 'Ờ', 'ờ', 'Ợ', 'ợ':
		return "o"
	case 'Œ', 'œ':
		return "oe"
	case 'Ŕ', 'ŕ', 'Ŗ', 'ŗ', 'Ř', 'ř':
		return "r"
	case 'Ś', 'ś', 'Ŝ', 'ŝ', 'Ş', 'ş', 'Š', 'š', 'Ș', 'ș', 'Ṣ', 'ṣ':
		return "s"
	case 'ß':
		return "ss"
	case 'Ţ', 'ţ', 'Ť', 'ť', 'Ŧ', 'ŧ', 'Ț', 'ț', 'Ṭ', 'ṭ':
		return "t"
	case 'Þ', 'þ':
		return "th"
	case 'Ù', 'Ú', 'Û', 'Ü', 'ù', 'ú', 'û', 'ü', 'Ũ', 'ũ', 'Ū', 'ū', 'Ŭ', 'ŭ', 'Ů', 'ů', 'Ű', 'ű', 'Ų', 'ų', 'Ư', 'ư', 'Ǔ', 'ǔ', 'Ụ', 'ụ', 'Ứ', 'ứ', 'Ừ', 'ừ', 'Ự', 'ự':
		return "u"
	case 'Ŵ', 'ŵ':
		return "w"
	case 'Ý', 'ý', 'ÿ', 'Ÿ', 'Ŷ', 'ŷ', 'Ỳ', 'ỳ', 'Ỹ', 'ỹ':
		return "y"
	case 'Ź', 'ź', 'Ż', 'ż', 'Ž', 'ž', 'Ẓ', 'ẓ':
		return "z"
	}
	return ""
}
