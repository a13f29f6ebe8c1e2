package mediawiki

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// FuzzScanPages feeds arbitrary bytes to the page scanner and page reader:
// no panic, offsets inside the input, pages in order, errors only of the
// kinds the scanner reports.
func FuzzScanPages(f *testing.F) {
	dump, _ := synthDump()
	f.Add([]byte(dump))
	f.Add([]byte("<page><title>A &amp; B</title><ns>0</ns><id>1</id><revision><text>x</text></revision></page>"))
	f.Add([]byte("<page><title>T</title><ns>x</ns><id>-</id><redirect title=\"&#0;\" /><text bytes=\"1\" />"))
	f.Add([]byte("<page><page></page></page>&#xFFFFFFFF;&lt<text>"))
	opts := Options{All: true}
	match := ConflictInfoboxFilter()
	f.Fuzz(func(t *testing.T, data []byte) {
		sc := newScanner(bytes.NewReader(data))
		last := int64(-1)
		for {
			raw, off, err := sc.next()
			if err != nil {
				if err != io.EOF && !errors.Is(err, ErrTruncated) {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			if off <= last || off < 0 || off+int64(len(raw)) > int64(len(data)) || !bytes.Equal(data[off:off+int64(len(raw))], raw) {
				t.Fatalf("page at %d (len %d) not in order or not the input's bytes", off, len(raw))
			}
			last = off
			pg, _, err := parsePage(raw, off, -1, opts, match)
			if err == nil && pg.Offset != off {
				t.Fatalf("page offset %d != %d", pg.Offset, off)
			}
			match(raw)
		}
	})
}
