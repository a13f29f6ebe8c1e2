// Package source turns the paths a user names (files, directories, globs,
// "-" for standard input) into Articles, whatever their format: it picks
// the reader for each file by its name and first bytes.
package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/plaintext"
	"github.com/annalist/annalist/prose"
)

// MaxArticleBytes is the largest article read: extraction holds an
// article and what is read from it in memory, several times its size, so
// a larger file is refused with an error naming it rather than let run
// the machine out of memory. Wikipedia's longest articles are under 2 MB.
const MaxArticleBytes = 64 << 20

// tooLarge is the error for an article past MaxArticleBytes.
func tooLarge(name string, size int64) error {
	return fmt.Errorf("%s: %.1f MB is more than an article may be (%d MB): split it, or name the articles in it one by one", name, float64(size)/(1<<20), MaxArticleBytes>>20)
}

// Item is one article read, or the error that kept a file from being read.
type Item struct {
	Path    string
	Article *annalist.Article
	Err     error
}

// Format is one input format that Walk can read.
type Format struct {
	Name string
	// Sniff reports whether the file called name, starting with head (up
	// to 512 bytes), is in this format.
	Sniff func(name string, head []byte) bool
	// Read reads a file holding one article. Exactly one of Read and
	// Stream is set.
	Read func(name string, data []byte) (*annalist.Article, error)
	// Stream reads a file holding many articles (a dump), calling emit for
	// each; it stops when emit returns an error.
	Stream func(ctx context.Context, path string, emit func(Item) error) error
}

// Formats lists the formats Walk reads, most specific first.
func Formats() []Format {
	return append(extraFormats(), Format{
		Name:  annalist.FormatProse,
		Sniff: sniffProse,
		Read:  prose.Read,
	}, Format{
		Name:  annalist.FormatText,
		Sniff: sniffText,
		Read:  plaintext.Read,
	})
}

// sniffProse accepts .txt files whose first non-blank line is not a
// "= Title =" line, nor an infobox line: plain prose.
func sniffProse(name string, head []byte) bool {
	if !strings.EqualFold(filepath.Ext(name), ".txt") {
		return false
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 || head[0] == '=' || bytes.HasPrefix(head, []byte("- ")) || bytes.HasPrefix(head, []byte("Infobox")) {
		return false
	}
	// Prose has sentences; a line or two with none is more likely a
	// rendering whose title line is missing, which the text reader then
	// reports.
	return bytes.Contains(head, []byte(". ")) || bytes.Contains(head, []byte(".\n"))
}

// sniffText accepts files whose first non-blank line is a "= Title =" line,
// and .txt files (whose errors then say what is wrong).
func sniffText(name string, head []byte) bool {
	if strings.EqualFold(filepath.Ext(name), ".txt") {
		return true
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	head = bytes.TrimLeft(head, " \t\r\n")
	return bytes.HasPrefix(head, []byte("= ")) || (bytes.HasPrefix(head, []byte("=")) && !bytes.HasPrefix(head, []byte("==")))
}

// knownExt reports whether a file met while walking a directory is one
// Walk should try; other files in a directory are passed over silently.
func knownExt(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".wiki", ".wikitext", ".xmlescaped", ".xml", ".bz2":
		return true
	}
	return false
}

// Walk reads every article under paths and calls fn for each, in order,
// with an Item carrying either the Article or the error for that file.
// Walking stops early only when fn returns an error or ctx is done.
func Walk(ctx context.Context, paths []string, fn func(Item) error) error {
	formats := Formats()
	for _, p := range paths {
		files, err := expand(p)
		if err != nil {
			if err := fn(Item{Path: p, Err: err}); err != nil {
				return err
			}
			continue
		}
		for _, f := range files {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := readFile(ctx, formats, f, fn); err != nil {
				return err
			}
		}
	}
	return nil
}

// expand turns one user-given path into the files it names.
func expand(p string) ([]string, error) {
	if p == "-" {
		return []string{"-"}, nil
	}
	if strings.ContainsAny(p, "*?[") {
		m, err := filepath.Glob(p)
		if err != nil {
			return nil, fmt.Errorf("pattern %s: %w", p, err)
		}
		if len(m) == 0 {
			return nil, fmt.Errorf("pattern %s matches no file", p)
		}
		var out []string
		for _, f := range m {
			fs, err := expand(f)
			if err != nil {
				return nil, err
			}
			out = append(out, fs...)
		}
		return out, nil
	}
	st, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{p}, nil
	}
	var out []string
	err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != p && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if !d.IsDir() && knownExt(path) && !strings.HasPrefix(d.Name(), ".") {
			out = append(out, path)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

func readFile(ctx context.Context, formats []Format, path string, fn func(Item) error) error {
	var head, data []byte
	var err error
	if path == "-" {
		// Standard input cannot be read twice: take it all, sniff its head.
		data, err = readAll(path)
		head = data[:min(len(data), 512)]
	} else {
		head, err = readHead(path)
	}
	if err != nil {
		return fn(Item{Path: path, Err: err})
	}
	var format *Format
	for i := range formats {
		if formats[i].Sniff(path, head) {
			format = &formats[i]
			break
		}
	}
	if format == nil {
		return fn(Item{Path: path, Err: fmt.Errorf("%s: not a format annalist reads (a plain-text article starts with \"= Title =\"; wikitext files end in .wiki or .wikitext; dumps are .xml or .xml.bz2)", path)})
	}
	if format.Stream != nil {
		if path == "-" {
			return fn(Item{Path: path, Err: errors.New("-: dumps cannot be read from standard input; name the file")})
		}
		var stop error
		err := format.Stream(ctx, path, func(it Item) error {
			if err := fn(it); err != nil {
				stop = err
				return err
			}
			return nil
		})
		if stop != nil {
			return stop
		}
		if err != nil {
			return fn(Item{Path: path, Err: err})
		}
		return nil
	}
	if data == nil {
		if data, err = readAll(path); err != nil {
			return fn(Item{Path: path, Err: err})
		}
	}
	a, err := format.Read(displayName(path), data)
	return fn(Item{Path: path, Article: a, Err: err})
}

func displayName(path string) string {
	if path == "-" {
		return "stdin"
	}
	return path
}

func readHead(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, 512)
	n, err := io.ReadFull(f, buf)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return buf[:n], nil
}

func readAll(path string) ([]byte, error) {
	if path == "-" {
		data, err := io.ReadAll(io.LimitReader(os.Stdin, MaxArticleBytes+1))
		if err != nil {
			return nil, fmt.Errorf("read standard input: %w", err)
		}
		if len(data) > MaxArticleBytes {
			return nil, tooLarge("stdin", int64(len(data)))
		}
		return data, nil
	}
	if st, err := os.Stat(path); err == nil && st.Size() > MaxArticleBytes {
		return nil, tooLarge(path, st.Size())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(data) > MaxArticleBytes {
		return nil, tooLarge(path, int64(len(data))) // grew while read
	}
	return data, nil
}
