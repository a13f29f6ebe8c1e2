package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/annalist/annalist/internal/synth"
	"github.com/annalist/annalist/queue"
	"github.com/jackc/pgx/v5/pgxpool"
)

// writeMultistream writes a multistream dump of n invented pages, in bz2
// streams of perStream pages, with its index, as Wikipedia publishes them.
func writeMultistream(t *testing.T, dir string, n, perStream int) string {
	t.Helper()
	if _, err := exec.LookPath("bzip2"); err != nil {
		t.Skip("bzip2 not installed (Debian's bzip2)")
	}
	bz := func(s string) []byte {
		cmd := exec.Command("bzip2", "-c")
		cmd.Stdin = strings.NewReader(s)
		b, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	var dump bytes.Buffer
	var index strings.Builder
	dump.Write(bz(`<mediawiki xml:lang="en">` + "\n"))
	for first := 1; first <= n; first += perStream {
		off := dump.Len()
		var s strings.Builder
		for id := first; id < first+perStream && id <= n; id++ {
			title := fmt.Sprintf("Battle of Place %d", id)
			s.WriteString(dumpPage(id, title))
			fmt.Fprintf(&index, "%d:%d:%s\n", off, id, title)
		}
		dump.Write(bz(s.String()))
	}
	dump.Write(bz("</mediawiki>\n"))
	path := filepath.Join(dir, "xwiki-pages-articles-multistream.xml.bz2")
	if err := os.WriteFile(path, dump.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "xwiki-pages-articles-multistream-index.txt"), []byte(index.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func queueStatus(t *testing.T, pool *pgxpool.Pool) queue.Status {
	t.Helper()
	s, err := queue.ReadStatus(context.Background(), pool)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestQueuedIngestSurvivesAKilledWorker queues a multistream dump, a
// directory of articles, copies of one of them under other names and a
// revised version of another, starts a worker process and kills it
// (SIGKILL) in the middle of a job, then lets two more workers finish:
// every export must hold exactly what one SQLite ingest of the same inputs
// holds, and no job may have failed.
//
// The jobs run in the reverse of their input order, as they may when
// workers on several machines take them and failed ones are retried
// later: the copies must still keep the first one's source, and the
// revision must still replace the version before it, as in one ingest.
func TestQueuedIngestSurvivesAKilledWorker(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for River to rescue the killed worker's job (about a minute)")
	}
	pg := pgServer.Database(t)
	dir := t.TempDir()
	dump := writeMultistream(t, dir, 400, 10)
	articles := writeArticles(t, 12)
	// Six copies of "Invented war A" (as writeArticles writes it) under
	// other names, and "Invented war B" with another text.
	copies, revised := t.TempDir(), t.TempDir()
	_, rawA := synth.Document(synth.Options{Title: "Invented war A", Events: 5, Seed: 0})
	for i := 1; i <= 6; i++ {
		if err := os.WriteFile(filepath.Join(copies, fmt.Sprintf("copy-%d.txt", i)), rawA, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, rawB := synth.Document(synth.Options{Title: "Invented war B", Events: 4, Seed: 99})
	if err := os.WriteFile(filepath.Join(revised, "Invented war B.txt"), rawB, 0o644); err != nil {
		t.Fatal(err)
	}
	inputs := []string{dump, articles, copies, revised}
	file := filepath.Join(t.TempDir(), "ref.db")
	if code, out, errOut := runCmd(t, append([]string{"ingest", "--db", file}, inputs...)...); code != 1 ||
		!strings.Contains(out, "ingested 419 articles (6 unchanged, 1 replaced)") {
		t.Fatalf("sqlite ingest: exit %d (want 1: a broken file), %q %q", code, out, errOut)
	}

	// 40 jobs of one stream, 7 of three files (the 20 files in a row).
	code, out, errOut := runCmd(t, append([]string{"ingest", "--queue", pg, "--streams-per-job", "1", "--files-per-job", "3"}, inputs...)...)
	if code != 0 || !strings.Contains(out, "queued 47 ingest jobs") {
		t.Fatalf("enqueue: exit %d, %q %q", code, out, errOut)
	}
	pool, err := pgxpool.New(context.Background(), pg)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	// River takes the job scheduled first: the last one queued.
	if _, err := pool.Exec(context.Background(), `UPDATE river_job SET scheduled_at = now() - id * interval '1 second'`); err != nil {
		t.Fatal(err)
	}

	worker := func() *exec.Cmd {
		cmd, _, _ := startAnnalist(t, "worker", "--db", pg, "--job-timeout", "5s", "--until-done")
		return cmd
	}
	first := worker()
	deadline := time.Now().Add(2 * time.Minute)
	for s := queueStatus(t, pool); s.Done < 3 || s.Running == 0; s = queueStatus(t, pool) {
		if time.Now().After(deadline) || s.Pending() == 0 {
			first.Process.Kill()
			t.Fatalf("no job under way to kill the worker in: %s", s)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := first.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	first.Wait()
	killed := queueStatus(t, pool)
	if killed.Running == 0 {
		t.Fatalf("the killed worker left no job running: %s", killed)
	}
	rest := []*exec.Cmd{worker(), worker()}
	for _, w := range rest {
		if code := waitExitWithin(t, w, 4*time.Minute); code != 0 {
			t.Errorf("worker exit %d", code)
		}
	}
	s := queueStatus(t, pool)
	if s.Done != 47 || s.Failed != 0 || s.Pending() != 0 {
		t.Errorf("queue after the run: %s; want 47 done, none failed or pending", s)
	}
	if s.Articles == 0 || s.Unchanged > s.Articles || s.Events == 0 {
		t.Errorf("queue after the run: %s; want the articles read, at most all of them already stored, and events written", s)
	}
	for _, args := range [][]string{{"--format", "csv"}, {"--format", "jsonl"}, {"--format", "jsonl", "--documents"}} {
		_, fromFile, _ := runCmd(t, append([]string{"export", "--db", file}, args...)...)
		code, fromPG, errOut := runCmd(t, append([]string{"export", "--db", pg}, args...)...)
		if code != 0 {
			t.Fatalf("export %v: exit %d: %s", args, code, errOut)
		}
		a, b := sortedLines(fromFile), sortedLines(fromPG)
		if strings.Join(a, "\n") != strings.Join(b, "\n") || len(a) < 400 {
			t.Errorf("export %v: %d lines from the workers, %d from one SQLite ingest; they differ:\n%s", args, len(b), len(a), firstDifference(a, b))
		}
	}
	code, out, _ = runCmd(t, "status", "--queue", pg)
	if code != 0 || !strings.HasPrefix(out, "47 done, 0 running, 0 waiting, 0 to retry, 0 failed") {
		t.Errorf("status: exit %d, %q", code, out)
	}
}

// waitExitWithin waits for cmd to end and returns its exit status.
func waitExitWithin(t *testing.T, cmd *exec.Cmd, d time.Duration) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0
	case <-time.After(d):
		cmd.Process.Kill()
		t.Fatalf("%v did not end within %s", cmd.Args, d)
		return -1
	}
}

// firstDifference shows the first line where two sorted exports part.
func firstDifference(want, got []string) string {
	for i := range max(len(want), len(got)) {
		var w, g string
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			return fmt.Sprintf("line %d\n want %.300s\n  got %.300s", i+1, w, g)
		}
	}
	return "(none)"
}
