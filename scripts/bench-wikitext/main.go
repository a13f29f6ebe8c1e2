// Command bench-wikitext times annalist's wikitext reader and dump
// streamer for the side-by-side benchmark in run.sh (run by hand, not in
// CI). It writes the benchmark's pages as JSON Lines, parses them, and
// streams a .bz2 dump.
//
//	go run ./scripts/bench-wikitext -export pages.jsonl DUMP.xml TYW.xmlescaped
//	GOMAXPROCS=1 go run ./scripts/bench-wikitext -bench pages.jsonl
//	go run ./scripts/bench-wikitext -stream DUMP.xml.bz2
package main

import (
	"bufio"
	"compress/bzip2"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/cosnicolaou/pbzip2"

	"github.com/annalist/annalist/mediawiki"
	"github.com/annalist/annalist/wikitext"
)

type page struct {
	Title string `json:"title"`
	Text  string `json:"text"`
}

func main() {
	export := flag.String("export", "", "write the pages of the named dumps and .xmlescaped files to this JSON Lines file")
	bench := flag.String("bench", "", "parse the pages of this JSON Lines file and print pages/s")
	stream := flag.String("stream", "", "stream this dump and print compressed MB/s")
	multi := flag.String("multistream", "", "write this .xml dump as a multistream .xml.bz2 with its index (100 pages a stream, with the bzip2 tool) and stream it")
	minTime := flag.Duration("time", 3*time.Second, "run each measurement at least this long")
	flag.Parse()
	var err error
	switch {
	case *export != "":
		err = doExport(*export, flag.Args())
	case *bench != "":
		err = doBench(*bench, *minTime)
	case *stream != "":
		err = doStream(*stream)
	case *multi != "":
		var out string
		if out, err = makeMultistream(*multi); err == nil {
			err = doStream(out)
			os.RemoveAll(filepath.Dir(out))
		}
	default:
		flag.Usage()
		os.Exit(2)
	}
	if err != nil {
		slog.Error("bench-wikitext", "err", err)
		os.Exit(1)
	}
}

func doExport(out string, inputs []string) error {
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	n := 0
	for _, in := range inputs {
		if strings.HasSuffix(in, ".xmlescaped") {
			data, err := os.ReadFile(in)
			if err != nil {
				return err
			}
			title := strings.TrimSuffix(filepath.Base(in), ".wikitext.xmlescaped")
			if err := enc.Encode(page{title, html.UnescapeString(string(data))}); err != nil {
				return err
			}
			n++
			continue
		}
		err := mediawiki.Pages(context.Background(), in, mediawiki.Options{All: true, AllNamespaces: true, Redirects: true}, func(p mediawiki.Page) error {
			n++
			return enc.Encode(page{p.Title, string(p.Text)})
		})
		if err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %d pages to %s\n", n, out)
	return f.Close()
}

func loadPages(path string) ([][]byte, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var pages [][]byte
	size := 0
	for sc.Scan() {
		var p page
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return nil, 0, err
		}
		pages = append(pages, []byte(p.Text))
		size += len(p.Text)
	}
	return pages, size, sc.Err()
}

// cpuTime is the CPU time this process has used (user + system, all
// threads). The machine may be shared: pages per CPU-second is the
// per-core figure, whatever else runs.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// measure runs fn over all pages until minTime of CPU has been used and
// returns pages per CPU-second.
func measure(pages [][]byte, minTime time.Duration, fn func([]byte)) (float64, int) {
	runtime.GC()
	start := cpuTime()
	n := 0
	for rounds := 0; rounds == 0 || cpuTime()-start < minTime; rounds++ {
		for _, p := range pages {
			fn(p)
			n++
		}
	}
	return float64(n) / (cpuTime() - start).Seconds(), n
}

func doBench(path string, minTime time.Duration) error {
	pages, size, err := loadPages(path)
	if err != nil {
		return err
	}
	rd, err := wikitext.NewReader()
	if err != nil {
		return err
	}
	infoboxes := 0
	parseOnly, _ := measure(pages, minTime, func(p []byte) { wikitext.Parse(p) })
	withInfoboxes, _ := measure(pages, minTime, func(p []byte) {
		nodes := wikitext.Parse(p)
		for i := range nodes {
			if nodes[i].Kind == wikitext.Template && strings.HasPrefix(strings.ToLower(nodes[i].Name), "infobox") {
				infoboxes += len(rd.TemplateFields(p, &nodes[i]))
			}
		}
	})
	article, _ := measure(pages, minTime, func(p []byte) {
		if len(strings.TrimSpace(string(p))) == 0 {
			return
		}
		rd.ReadPage("t", "t", p)
	})
	fmt.Printf("annalist: %d pages, %.1f MB, GOMAXPROCS=%d\n", len(pages), float64(size)/1e6, runtime.GOMAXPROCS(0))
	fmt.Printf("annalist parse only:                 %8.0f pages per CPU-second\n", parseOnly)
	fmt.Printf("annalist parse + infobox fields:     %8.0f pages per CPU-second\n", withInfoboxes)
	fmt.Printf("annalist full Article (prose+boxes): %8.0f pages per CPU-second\n", article)
	return nil
}

func doStream(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	// decompression alone, for reference: the standard library's serial
	// decoder and pbzip2's block-parallel one.
	for _, dec := range []struct {
		name string
		open func(io.Reader) io.Reader
	}{
		{"compress/bzip2 (serial)", func(r io.Reader) io.Reader { return bzip2.NewReader(r) }},
		{"pbzip2 (parallel)", func(r io.Reader) io.Reader { return pbzip2.NewReader(context.Background(), r) }},
	} {
		if !strings.HasSuffix(path, ".bz2") {
			break
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		start, cpu0 := time.Now(), cpuTime()
		if _, err := io.Copy(io.Discard, dec.open(bufio.NewReader(f))); err != nil {
			return err
		}
		f.Close()
		el, cpu := time.Since(start).Seconds(), (cpuTime() - cpu0).Seconds()
		fmt.Printf("decompress only, %s: %.2f MB/s compressed wall, %.2f MB per CPU-second\n", dec.name, float64(st.Size())/1e6/el, float64(st.Size())/1e6/cpu)
	}
	for _, all := range []bool{false, true} {
		start, cpu0 := time.Now(), cpuTime()
		pages, kept := 0, 0
		var last mediawiki.Progress
		rd, err := wikitext.NewReader()
		if err != nil {
			return err
		}
		err = mediawiki.Pages(context.Background(), path, mediawiki.Options{All: all, Progress: func(p mediawiki.Progress) { last = p }}, func(p mediawiki.Page) error {
			kept++
			if all && len(strings.TrimSpace(string(p.Text))) > 0 {
				_, err := rd.ReadPage(p.Title, path, p.Text)
				return err
			}
			return nil
		})
		if err != nil {
			return err
		}
		pages = int(last.Pages)
		el := time.Since(start).Seconds()
		cpu := (cpuTime() - cpu0).Seconds()
		mode := "pre-filter (conflict infobox pages only)"
		if all {
			mode = "every article read into an Article"
		}
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		fmt.Printf("peak memory (max RSS) so far: %d MB\n", ru.Maxrss/1024)
		fmt.Printf("stream %s, %s: %d pages seen, %d kept, %.2f s wall (%.2f MB/s compressed), %.2f s CPU (%.2f MB per CPU-second), %.0f pages/s\n",
			filepath.Base(path), mode, pages, kept, el, float64(st.Size())/1e6/el, cpu, float64(st.Size())/1e6/cpu, float64(pages)/el)
	}
	return nil
}

// makeMultistream writes dump (an .xml export) as DIR/benchwiki-pages-
// articles-multistream.xml.bz2 with its index, as Wikimedia lays them out:
// a stream for the header, one per 100 pages, one for the footer.
func makeMultistream(dump string) (string, error) {
	data, err := os.ReadFile(dump)
	if err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp("", "bench-multistream")
	if err != nil {
		return "", err
	}
	out := filepath.Join(dir, "benchwiki-pages-articles-multistream.xml.bz2")
	idx := filepath.Join(dir, "benchwiki-pages-articles-multistream-index.txt")
	s := string(data)
	first := strings.Index(s, "<page>")
	footer := strings.LastIndex(s, "</mediawiki>")
	if first < 0 || footer < first {
		return "", fmt.Errorf("%s: no pages", dump)
	}
	pages := strings.SplitAfter(s[first:footer], "</page>")
	chunks := []string{s[:first]}
	for i := 0; i < len(pages); i += 100 {
		chunks = append(chunks, strings.Join(pages[i:min(i+100, len(pages))], ""))
	}
	chunks = append(chunks, s[footer:])
	f, err := os.Create(out)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var index strings.Builder
	off := 0
	for i, c := range chunks {
		cmd := exec.Command("bzip2", "-9", "-c")
		cmd.Stdin = strings.NewReader(c)
		b, err := cmd.Output()
		if err != nil {
			return "", fmt.Errorf("bzip2: %w", err)
		}
		if i > 0 && i < len(chunks)-1 {
			for _, p := range strings.SplitAfter(c, "</page>") {
				id := between(p, "<id>", "</id>")
				if id != "" {
					fmt.Fprintf(&index, "%d:%s:%s\n", off, id, between(p, "<title>", "</title>"))
				}
			}
		}
		if _, err := f.Write(b); err != nil {
			return "", err
		}
		off += len(b)
	}
	if err := os.WriteFile(idx, []byte(index.String()), 0o644); err != nil {
		return "", err
	}
	fmt.Printf("multistream: %d streams, %d bytes\n", len(chunks), off)
	return out, nil
}

func between(s, a, b string) string {
	i := strings.Index(s, a)
	if i < 0 {
		return ""
	}
	s = s[i+len(a):]
	j := strings.Index(s, b)
	if j < 0 {
		return ""
	}
	return s[:j]
}
