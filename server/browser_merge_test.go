package server

import (
	"context"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/sqlite"
)

// tellingDoc is an invented article telling the clash at Pine Lake in
// one sentence, with its own figure for Southia's dead.
func tellingDoc(title, id string, name *string, start annalist.Date, southia, northland string, dead int) (*annalist.Document, []byte) {
	sentence := "At Pine Lake " + southia + " lost " + strconv.Itoa(dead) + " men to " + northland + "."
	raw := "= " + title + " =\n\n" + sentence + "\n"
	at := strings.Index(raw, sentence)
	num := strings.Index(raw, strconv.Itoa(dead))
	lat, lon := 50.0, 10.0
	c := annalist.Exact(dead)
	c.Text, c.Span = strconv.Itoa(dead), &annalist.Span{Start: num, End: num + len(strconv.Itoa(dead))}
	return &annalist.Document{
		Schema:  annalist.Schema,
		Article: annalist.ArticleRef{Title: title, Source: title + ".txt", Format: "text", SHA256: title},
		Events: []annalist.Event{{ID: id, Name: name, DateStart: start, DateEnd: start, SideA: []string{northland}, SideB: []string{southia},
			Place:    &annalist.Place{Text: "Pine Lake", Lat: &lat, Lon: &lon, WherePrec: 1, Gazetteer: &annalist.GazetteerRef{ID: "x:pine-lake"}},
			DeathsB:  &c,
			Evidence: []annalist.Evidence{{Start: at, End: at + len(sentence), Text: sentence}}}},
	}, []byte(raw)
}

// TestExplorerShowsSourcesSideBySide opens a clash told by two articles:
// the list marks it, and its panel sets both sentences side by side, each
// with its own figure highlighted.
func TestExplorerShowsSourcesSideBySide(t *testing.T) {
	node := browserTools(t)
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "annalist.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	name := "Battle of Pine Lake"
	for _, d := range []struct {
		title, id string
		name      *string
		start     annalist.Date
		dead      int
	}{
		{"Northland–Southia War", "w", nil, annalist.MonthDate(1901, 5), 150},
		{name, "b", &name, annalist.DayDate(1901, 5, 2), 120},
	} {
		doc, raw := tellingDoc(d.title, d.id, d.name, d.start, "Southia", "Northland", d.dead)
		if d.name == nil {
			doc.Events[0].Evidence[0].Section = name
		}
		if _, err := st.Ingest(ctx, doc, raw); err != nil {
			t.Fatal(err)
		}
	}
	s, err := New(st, nil)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	script, _ := filepath.Abs(filepath.Join("web", "test", "sources.mjs"))
	cctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(cctx, node, script, ts.URL+"/")
	cmd.Dir = filepath.Join("web", "test")
	out, err := cmd.CombinedOutput()
	t.Logf("sources.mjs:\n%s", out)
	if err != nil {
		t.Fatalf("explorer test failed: %v", err)
	}
}
