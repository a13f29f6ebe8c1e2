package gazetteer

import "hash/maphash"

// keyFilter is a Bloom filter over every lookup key of the built-in
// tables. Resolving a phrase looks up each run of its words, most of
// which name no place ("the Soviet", "border guards"); each look-up is
// up to three binary searches over hundreds of thousands of keys. The
// filter turns nearly all of those away with two bit tests.
type keyFilter struct {
	seed maphash.Seed
	bits []uint64
	mask uint64 // of a bit position
}

// newKeyFilter sizes a filter for n keys: 16 bits a key and two probes
// let through under 1% of absent keys.
func newKeyFilter(n int) *keyFilter {
	m := uint64(1 << 10)
	for m < uint64(n)*16 {
		m <<= 1
	}
	return &keyFilter{seed: maphash.MakeSeed(), bits: make([]uint64, m/64), mask: m - 1}
}

func (f *keyFilter) set(h uint64) {
	a, b := h&f.mask, (h>>32|h<<32)&f.mask
	f.bits[a/64] |= 1 << (a % 64)
	f.bits[b/64] |= 1 << (b % 64)
}

func (f *keyFilter) add(key string) { f.set(maphash.String(f.seed, key)) }

// mayHave reports whether key may be a key of the tables: false means
// it is not. A nil filter may have every key.
func (f *keyFilter) mayHave(key []byte) bool {
	if f == nil {
		return true
	}
	h := maphash.Bytes(f.seed, key)
	a, b := h&f.mask, (h>>32|h<<32)&f.mask
	return f.bits[a/64]&(1<<(a%64)) != 0 && f.bits[b/64]&(1<<(b%64)) != 0
}

// buildKeyFilter fills g.keys from every table a lookup searches.
func (g *Gazetteer) buildKeyFilter() {
	n := len(g.base.keys) + len(g.extra)
	if g.more != nil {
		n += len(g.more.places.at) + len(g.more.names.at)
	}
	f := newKeyFilter(n)
	for _, k := range g.base.keys {
		f.add(k)
	}
	for k := range g.extra {
		f.add(k)
	}
	if g.more != nil {
		for _, r := range []*rows{&g.more.places, &g.more.names} {
			for i := range r.at {
				f.add(r.key(i))
			}
		}
	}
	g.keys = f
}
