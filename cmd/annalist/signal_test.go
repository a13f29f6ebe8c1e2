package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"github.com/annalist/annalist/internal/pgtest"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain lets a test run this very binary as annalist, so that signals
// reach a real process.
func TestMain(m *testing.M) {
	if os.Getenv("ANNALIST_RUN_MAIN") == "1" {
		main()
		return
	}
	os.Exit(pgtest.Main(m, &pgServer))
}

// pgServer is the PostgreSQL server of the tests of --db postgres://.
var pgServer pgtest.Server

// startAnnalist starts the test binary as annalist with args.
func startAnnalist(t *testing.T, args ...string) (*exec.Cmd, *bufio.Reader, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "ANNALIST_RUN_MAIN=1")
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewReader(out), &errOut
}

// waitExit waits for cmd (a hang is the failure) and returns its status.
func waitExit(t *testing.T, cmd *exec.Cmd) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0
	case <-time.After(time.Minute):
		cmd.Process.Kill()
		t.Fatal("annalist did not stop on the signal")
		return -1
	}
}

// hugeTemplateRun is wikitext that takes the extractor many seconds: a
// signal must not wait for it.
func hugeTemplateRun(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "zz-huge.wiki")
	if err := os.WriteFile(p, []byte("'''Huge''' was a war. "+strings.Repeat("{{", 4<<20)), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSignalsStopExtract sends SIGINT and SIGTERM to extract once it has
// written its first document and is busy with a huge one: it must end
// with 128+signal, and what it wrote must be whole documents only.
func TestSignalsStopExtract(t *testing.T) {
	if testing.Short() {
		t.Skip("builds large inputs")
	}
	dir := writeSynthArticles(t, 3)
	hugeTemplateRun(t, dir)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		cmd, out, errOut := startAnnalist(t, "extract", dir)
		first, err := out.ReadString('\n')
		if err != nil {
			t.Fatalf("%v: no document written: %v %s", sig, err, errOut)
		}
		time.Sleep(200 * time.Millisecond) // into the huge article
		cmd.Process.Signal(sig)
		restb, _ := io.ReadAll(out)
		rest := string(restb)
		code := waitExit(t, cmd)
		if want := 128 + int(sig); code != want {
			t.Errorf("%v: exit %d, want %d (%s)", sig, code, want, errOut)
		}
		for _, line := range append([]string{first}, strings.SplitAfter(rest, "\n")...) {
			if line != "" && (!strings.HasSuffix(line, "\n") || !json.Valid([]byte(line))) {
				t.Errorf("%v: a cut-short document was written: %.100q", sig, line)
			}
		}
		if !strings.Contains(errOut.String(), "interrupted by "+unix(sig)) {
			t.Errorf("%v: stderr %q does not say it was interrupted", sig, errOut)
		}
	}
}

// TestSignalStopsIngest sends SIGTERM to ingest busy with a huge article:
// it ends with 143, and the database stays sound.
func TestSignalStopsIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds large inputs")
	}
	dir := writeSynthArticles(t, 3)
	hugeTemplateRun(t, dir)
	db := filepath.Join(t.TempDir(), "x.db")
	cmd, _, errOut := startAnnalist(t, "ingest", "--db", db, dir)
	time.Sleep(time.Second) // reading or extracting the huge article
	cmd.Process.Signal(syscall.SIGTERM)
	if code := waitExit(t, cmd); code != 143 {
		t.Errorf("exit %d, want 143 (%s)", code, errOut)
	}
	checkIntegrity(t, db)
}
