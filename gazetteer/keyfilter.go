package gazetteer

import "hash/maphash"

// keyFilter is a Bloom filter over the lookup keys of each built-in
// table. Resolving a phrase looks up each run of its words, most of which
// name no place ("the Soviet", "border guards"), and a name of the main
// tables is looked for in both cities500 tables too: each look-up is a
// binary search over up to hundreds of thousands of keys. The filters
// turn nearly all the searches that would find nothing away with a few
// bit tests.
type keyFilter struct {
	seed                maphash.Seed
	main, places, names bloom // base and extra; more.places; more.names
}

// bloom is a Bloom filter with two probes a key.
type bloom struct {
	bits []uint64
	mask uint64 // of a bit position
}

// newBloom sizes a filter for n keys: 16 bits a key and two probes let
// through under 1% of absent keys.
func newBloom(n int) bloom {
	m := uint64(1 << 10)
	for m < uint64(n)*16 {
		m <<= 1
	}
	return bloom{bits: make([]uint64, m/64), mask: m - 1}
}

func (b *bloom) set(h uint64) {
	x, y := h&b.mask, (h>>32|h<<32)&b.mask
	b.bits[x/64] |= 1 << (x % 64)
	b.bits[y/64] |= 1 << (y % 64)
}

func (b *bloom) has(h uint64) bool {
	x, y := h&b.mask, (h>>32|h<<32)&b.mask
	return b.bits[x/64]&(1<<(x%64)) != 0 && b.bits[y/64]&(1<<(y%64)) != 0
}

// keyHits says which tables may hold a key: false means the table does
// not.
type keyHits struct{ main, places, names bool }

func (h keyHits) any() bool { return h.main || h.places || h.names }

// hits returns the tables that may hold key. A nil filter lets every key
// through.
func (f *keyFilter) hits(key []byte) keyHits {
	if f == nil {
		return keyHits{true, true, true}
	}
	h := maphash.Bytes(f.seed, key)
	return keyHits{f.main.has(h), f.places.has(h), f.names.has(h)}
}

// buildKeyFilter fills g.keys from every table a lookup searches.
func (g *Gazetteer) buildKeyFilter() {
	f := &keyFilter{seed: maphash.MakeSeed(), main: newBloom(len(g.base.keys) + len(g.extra))}
	for _, k := range g.base.keys {
		f.main.set(maphash.String(f.seed, k))
	}
	for k := range g.extra {
		f.main.set(maphash.String(f.seed, k))
	}
	if g.more != nil {
		for _, t := range []struct {
			b *bloom
			r *rows
		}{{&f.places, &g.more.places}, {&f.names, &g.more.names}} {
			*t.b = newBloom(len(t.r.at))
			for i := range t.r.at {
				t.b.set(maphash.String(f.seed, t.r.key(i)))
			}
		}
	} else {
		f.places, f.names = newBloom(0), newBloom(0)
	}
	g.keys = f
}
