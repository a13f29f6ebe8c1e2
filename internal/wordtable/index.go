package wordtable

import "github.com/annalist/annalist/internal/textscan"

// Index maps lower-case words to values, looked up by a word written in
// any ASCII case without lower-casing it first: the hash folds ASCII
// case as it reads, so the prose's tokens are looked up in place. Bytes
// outside ASCII are compared as they are. Go's map would need a
// lower-cased copy of each token and a hash of its own; the finders look
// up most tokens of every text, so this is one of their hot paths.
type Index struct {
	slots []slot
	keys  []string
	vals  []int32
	mask  uint32
}

type slot struct {
	hash  uint16
	ascii bool  // the key is all ASCII
	key   int32 // 1 + position in keys; 0 for an empty slot
}

// NewIndex returns an Index of keys (lower case) to vals.
func NewIndex(keys []string, vals []int32) Index {
	n := 16
	for n < 2*len(keys) {
		n *= 2
	}
	ix := Index{slots: make([]slot, n), keys: keys, vals: vals, mask: uint32(n - 1)}
	for i, k := range keys {
		h := textscan.WordHash(k)
		s := ix.start(h)
		for ix.slots[s].key != 0 {
			s = (s + 1) & ix.mask
		}
		ix.slots[s] = slot{hash: h, ascii: isASCII(k), key: int32(i + 1)}
	}
	return ix
}

// start is the slot where the probe for a word of hash h starts. The
// hash has 16 bits: an index of more keys than that spreads them by a
// multiple of the hash (the key comparison tells words of one hash
// apart).
func (ix *Index) start(h uint16) uint32 {
	if ix.mask <= 0xffff {
		return uint32(h) & ix.mask
	}
	return uint32(h) * 0x9e37 & ix.mask
}

// Get returns the value of w, in any ASCII case.
func (ix *Index) Get(w string) (int32, bool) {
	if len(ix.slots) == 0 {
		return 0, false
	}
	sl := ix.probe(textscan.WordHash(w), w)
	return ix.value(sl, true)
}

// GetASCII is Get for a word all ASCII, and a miss for any other: the
// finders never look up a word with other letters (their tables are
// ASCII).
func (ix *Index) GetASCII(w string) (int32, bool) {
	if len(ix.slots) == 0 {
		return 0, false
	}
	sl := ix.probe(textscan.WordHash(w), w)
	return ix.value(sl, sl.ascii)
}

// GetToken is Get of a token of text, whose hash Scan has worked out.
func (ix *Index) GetToken(t textscan.Token, text string) (int32, bool) {
	if len(ix.slots) == 0 {
		return 0, false
	}
	sl := ix.probe(t.Hash(text), text[t.Start:t.End])
	return ix.value(sl, true)
}

// GetTokenASCII is GetASCII of a token of text.
func (ix *Index) GetTokenASCII(t textscan.Token, text string) (int32, bool) {
	if len(ix.slots) == 0 {
		return 0, false
	}
	sl := ix.probe(t.Hash(text), text[t.Start:t.End])
	return ix.value(sl, sl.ascii)
}

// probe looks w up from the slot of its hash h and returns the slot of
// its key, or an empty one.
func (ix *Index) probe(h uint16, w string) slot {
	for s := ix.start(h); ; s = (s + 1) & ix.mask {
		sl := ix.slots[s]
		if sl.key == 0 || sl.hash == h && foldEqual(w, ix.keys[sl.key-1]) {
			return sl
		}
	}
}

// value returns the value of slot sl's key, if it has one and ok.
func (ix *Index) value(sl slot, ok bool) (int32, bool) {
	if sl.key == 0 || !ok {
		return 0, false
	}
	return ix.vals[sl.key-1], true
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// Len is the number of keys.
func (ix *Index) Len() int { return len(ix.keys) }

// foldEqual reports whether w, lower-cased in ASCII, is key.
func foldEqual(w, key string) bool {
	if len(w) != len(key) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != key[i] {
			return false
		}
	}
	return true
}
