package wikitext

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"strings"
)

// The tables of facts the reader uses are data files, so that a user can
// read and extend them: flag names to states, how templates render, and
// the names of the conflict infobox.
//
//go:embed flags.tsv templates.tsv infoboxes.tsv
var dataFiles embed.FS

// Tables holds the reader's loaded data files.
type Tables struct {
	flags     map[flagKey]string
	templates map[string]rule
	infoboxes map[string]bool
}

type flagKey struct{ flag, variant string }

// rule says how one template renders (see templates.tsv).
type rule struct {
	action string
	arg    string
}

// LoadTables reads the embedded data files.
func LoadTables() (*Tables, error) {
	t := &Tables{
		flags:     make(map[flagKey]string),
		templates: make(map[string]rule),
		infoboxes: make(map[string]bool),
	}
	err := readTSV("flags.tsv", 3, func(f []string) {
		t.flags[flagKey{strings.ToLower(f[0]), strings.ToLower(f[1])}] = f[2]
	})
	if err == nil {
		err = readTSV("templates.tsv", 2, func(f []string) {
			r := rule{action: f[1]}
			if len(f) > 2 {
				r.arg = f[2]
			}
			t.templates[strings.ToLower(f[0])] = r
		})
	}
	if err == nil {
		err = readTSV("infoboxes.tsv", 1, func(f []string) {
			t.infoboxes[strings.ToLower(f[0])] = true
		})
	}
	if err != nil {
		return nil, err
	}
	return t, nil
}

// readTSV calls fn for each data row (after the header; '#' lines are
// comments). Trailing tabs are kept so that text values may end in spaces.
func readTSV(name string, minCols int, fn func([]string)) error {
	data, err := dataFiles.ReadFile(name)
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	line, header := 0, false
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if !header {
			header = true
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) < minCols || f[0] == "" {
			return fmt.Errorf("%s:%d: want at least %d tab-separated columns", name, line, minCols)
		}
		fn(f)
	}
	return sc.Err()
}

// Flag returns the state a flag template names: the flag's name and
// variant (a year or word, may be empty) looked up in flags.tsv, else the
// flag's own name.
func (t *Tables) Flag(flag, variant string) string {
	flag = normalizeName(flag)
	k := flagKey{strings.ToLower(flag), strings.ToLower(strings.TrimSpace(variant))}
	if name, ok := t.flags[k]; ok {
		return name
	}
	k.variant = ""
	if name, ok := t.flags[k]; ok {
		return name
	}
	return flag
}

// IsConflictInfobox reports whether a template name is the conflict
// infobox or one of its redirects.
func (t *Tables) IsConflictInfobox(name string) bool {
	return t.infoboxes[strings.ToLower(normalizeName(name))]
}

// InfoboxNames lists the names of the conflict infobox, lower-cased, for
// pre-filters that look for them in raw text.
func (t *Tables) InfoboxNames() []string {
	out := make([]string, 0, len(t.infoboxes))
	for n := range t.infoboxes {
		out = append(out, n)
	}
	return out
}
