package event

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/annalist/annalist/infobox"
	"github.com/annalist/annalist/plaintext"
	"github.com/annalist/annalist/sample"
)

// TestReaderReusedAndSharedGivesSameEvents reads the sample many times
// with one Reader, in turn and from several goroutines at once: the scratch
// memory the Reader lends from article to article must leave every result
// as the first one (run with -race to check the sharing).
func TestReaderReusedAndSharedGivesSameEvents(t *testing.T) {
	tab := loadActors(t)
	r, err := NewReader(tab)
	if err != nil {
		t.Fatal(err)
	}
	read := func() string {
		a, err := plaintext.Read("sample.txt", sample.Bytes())
		if err != nil {
			t.Error(err)
			return ""
		}
		evs, cls := r.Extract(a, infobox.Extract(a, tab))
		b, err := json.Marshal(struct {
			E any
			C any
		}{evs, cls})
		if err != nil {
			t.Error(err)
		}
		return string(b)
	}
	want := read()
	if len(want) < 1000 {
		t.Fatalf("sample read into %d bytes of JSON only", len(want))
	}
	for range 3 {
		if got := read(); got != want {
			t.Fatal("reading the sample again with the same Reader gave other events")
		}
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 3 {
				if got := read(); got != want {
					t.Error("reading the sample concurrently gave other events")
					return
				}
			}
		})
	}
	wg.Wait()
}
