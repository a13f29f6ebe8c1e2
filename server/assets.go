package server

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"time"
)

// The explorer: plain files, embedded so that go build gives the whole
// program. Only the top level of web/ is embedded; web/test holds the
// browser test and its node_modules.
//
//go:embed web/*.html web/*.js web/*.css web/*.json
var webFiles embed.FS

type asset struct {
	body  []byte
	etag  string
	ctype string
}

// assets holds the embedded files with their ETags; version is a digest
// of them all, so that API ETags change with the program too.
type assets struct {
	files   map[string]asset
	version string
}

func loadAssets() (assets, error) {
	a := assets{files: map[string]asset{}}
	all := sha256.New()
	err := fs.WalkDir(webFiles, "web", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := webFiles.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		all.Write(sum[:])
		ctype := mime.TypeByExtension(path.Ext(p))
		if path.Ext(p) == ".js" || path.Ext(p) == ".mjs" {
			ctype = "text/javascript; charset=utf-8"
		}
		a.files[path.Base(p)] = asset{body: b, etag: `"` + hex.EncodeToString(sum[:8]) + `"`, ctype: ctype}
		return nil
	})
	if err != nil {
		return a, fmt.Errorf("load explorer files: %w", err)
	}
	if _, ok := a.files["index.html"]; !ok {
		return a, fmt.Errorf("load explorer files: index.html missing")
	}
	a.version = hex.EncodeToString(all.Sum(nil)[:6])
	return a, nil
}

// asset serves one embedded file; "/" is index.html.
func (s *Server) asset(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	if name == "" {
		name = "index.html"
	}
	f, ok := s.assets.files[name]
	if !ok {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.ctype)
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", f.etag)
	if name == "index.html" {
		// Everything the page needs comes from here; nothing runs inline.
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
	}
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(f.body))
}
