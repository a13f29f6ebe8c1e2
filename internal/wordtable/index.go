package wordtable

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
	hash uint32
	key  int32 // 1 + position in keys; 0 for an empty slot
}

// NewIndex returns an Index of keys (lower case) to vals.
func NewIndex(keys []string, vals []int32) Index {
	n := 16
	for n < 2*len(keys) {
		n *= 2
	}
	ix := Index{slots: make([]slot, n), keys: keys, vals: vals, mask: uint32(n - 1)}
	for i, k := range keys {
		h := foldHash(k)
		s := h & ix.mask
		for ix.slots[s].key != 0 {
			s = (s + 1) & ix.mask
		}
		ix.slots[s] = slot{hash: h, key: int32(i + 1)}
	}
	return ix
}

// Get returns the value of w, in any ASCII case.
func (ix *Index) Get(w string) (int32, bool) {
	if len(ix.slots) == 0 {
		return 0, false
	}
	return ix.probe(foldHash(w), w)
}

// GetASCII is Get for a word all ASCII, and a miss for any other: the
// finders never look up a word with other letters (their tables are
// ASCII), and this tells so while hashing.
func (ix *Index) GetASCII(w string) (int32, bool) {
	if len(ix.slots) == 0 {
		return 0, false
	}
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return 0, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint32(c)
		h *= 16777619
	}
	return ix.probe(h, w)
}

// probe looks w up from the slot of its hash h.
func (ix *Index) probe(h uint32, w string) (int32, bool) {
	for s := h & ix.mask; ; s = (s + 1) & ix.mask {
		sl := ix.slots[s]
		if sl.key == 0 {
			return 0, false
		}
		if sl.hash == h && foldEqual(w, ix.keys[sl.key-1]) {
			return ix.vals[sl.key-1], true
		}
	}
}

// Len is the number of keys.
func (ix *Index) Len() int { return len(ix.keys) }

// foldHash is FNV-1a of w with ASCII letters lower-cased.
func foldHash(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}

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
