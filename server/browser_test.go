package server

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/extract"
	"github.com/annalist/annalist/internal/synth"
	"github.com/annalist/annalist/sample"
	"github.com/annalist/annalist/sqlite"
)

// browserTools finds node, Debian's chromium and the npm playwright-core
// installed by .ci/setup-browser. Missing tools skip the test, except on
// CI (CI=true), where they fail it: CI installs them itself.
func browserTools(t *testing.T) (node string) {
	t.Helper()
	missing := func(what string) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing; .ci/setup-browser installs it", what)
		}
		t.Skipf("%s is missing (run .ci/setup-browser)", what)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node")
	}
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		missing(chromium)
	}
	if _, err := os.Stat(filepath.Join("web", "test", "node_modules", "playwright-core", "package.json")); err != nil {
		missing("web/test/node_modules/playwright-core")
	}
	return node
}

// TestExplorerInChromium loads the explorer on the bundled sample plus an
// invented article full of HTML, finds the events on the map and in the
// list, brushes the timeline to 1936, opens an event and checks that its
// numbers are highlighted and that no markup from the data ran.
func TestExplorerInChromium(t *testing.T) {
	node := browserTools(t)
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "annalist.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	a, err := sample.Article()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := x.Extract(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Ingest(ctx, doc, a.Raw); err != nil {
		t.Fatal(err)
	}
	// The invented article guarantees clashes in 1936 whatever the
	// extractor finds in the sample, and carries markup to escape.
	markup, raw := synth.Document(synth.Options{Title: "Ruritanian–Bordurian border conflicts", Events: 40, Seed: 1936, FirstYear: 1935, Markup: true})
	if _, err := st.Ingest(ctx, markup, raw); err != nil {
		t.Fatal(err)
	}

	all, err := st.Events(ctx, annalist.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	y := annalist.YearDate(1936)
	in1936, err := st.Events(ctx, annalist.EventFilter{From: y, To: y})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("sample: %d events; stored: %d events, %d meeting 1936", len(doc.Events), all.Total, in1936.Total)

	s, err := New(st, nil)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()

	expect, _ := json.Marshal(map[string]any{
		"total":        all.Total,
		"in1936":       in1936.Total,
		"markup_event": annalist.EventKey(markup.Article.Title, "e1"),
	})
	if doc.Conflict != nil {
		e := map[string]any{}
		json.Unmarshal(expect, &e)
		e["sample_title"] = doc.Conflict.Name
		expect, _ = json.Marshal(e)
	}
	shots, err := filepath.Abs(filepath.Join("..", "testdata", "screenshots"))
	if err != nil {
		t.Fatal(err)
	}
	script, _ := filepath.Abs(filepath.Join("web", "test", "explorer.mjs"))
	cctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(cctx, node, script, ts.URL+"/", shots)
	cmd.Dir = filepath.Join("web", "test")
	cmd.Env = append(os.Environ(), "EXPECT="+string(expect))
	out, err := cmd.CombinedOutput()
	t.Logf("explorer.mjs:\n%s", out)
	if err != nil {
		t.Fatalf("explorer test failed: %v", err)
	}
	t.Logf("screenshots in %s", shots)
}
