package event

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/actor"
	"github.com/annalist/annalist/infobox"
	"github.com/annalist/annalist/plaintext"
)

// TestDumpDocument writes the document of the file named by
// ANNALIST_EVENT_DUMP to ANNALIST_EVENT_OUT, for working against
// tools/score before cmd/annalist wires this package.
func TestDumpDocument(t *testing.T) {
	in, out := os.Getenv("ANNALIST_EVENT_DUMP"), os.Getenv("ANNALIST_EVENT_OUT")
	if in == "" || out == "" {
		t.Skip("set ANNALIST_EVENT_DUMP and ANNALIST_EVENT_OUT")
	}
	data, err := os.ReadFile(in)
	if err != nil {
		t.Fatal(err)
	}
	a, err := plaintext.Read(in, data)
	if err != nil {
		t.Fatal(err)
	}
	tab, err := actor.Load()
	if err != nil {
		t.Fatal(err)
	}
	c := infobox.Extract(a, tab)
	evs, cls := Extract(a, c, tab)
	doc := annalist.Document{Schema: annalist.Schema, Article: annalist.ArticleRef{Title: a.Title, Source: a.Source}, Conflict: c, Events: evs, Claims: cls}
	b, _ := json.MarshalIndent(doc, "", " ")
	if err := os.WriteFile(out, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
