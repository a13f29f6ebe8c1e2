package mediawiki

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ResumeFile keeps the resume points of dump runs in a small JSON file
// (a sidecar next to the database, say): for each dump, the id of the last
// page done with, and the dump's size so that a different file under the
// same name starts over.
type ResumeFile struct {
	Path string
}

type resumePoint struct {
	Size   int64 `json:"size"`
	LastID int64 `json:"last_id"`
}

func (f ResumeFile) load() (map[string]resumePoint, error) {
	m := map[string]resumePoint{}
	data, err := os.ReadFile(f.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read resume file: %w", err)
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("read resume file %s: %w", f.Path, err)
	}
	return m, nil
}

func dumpKey(dump string) (string, int64, error) {
	abs, err := filepath.Abs(dump)
	if err != nil {
		return "", 0, err
	}
	st, err := os.Stat(dump)
	if err != nil {
		return "", 0, fmt.Errorf("resume point: %w", err)
	}
	return abs, st.Size(), nil
}

// Get returns the resume point stored for dump (0: start from the top).
func (f ResumeFile) Get(dump string) (int64, error) {
	key, size, err := dumpKey(dump)
	if err != nil {
		return 0, err
	}
	m, err := f.load()
	if err != nil {
		return 0, err
	}
	p, ok := m[key]
	if !ok || p.Size != size {
		return 0, nil
	}
	return p.LastID, nil
}

// Set stores the resume point for dump, replacing the file atomically.
func (f ResumeFile) Set(dump string, lastID int64) error {
	key, size, err := dumpKey(dump)
	if err != nil {
		return err
	}
	m, err := f.load()
	if err != nil {
		return err
	}
	m[key] = resumePoint{Size: size, LastID: lastID}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	tmp := f.Path + ".tmp"
	if err := os.WriteFile(tmp, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("write resume file: %w", err)
	}
	if err := os.Rename(tmp, f.Path); err != nil {
		return fmt.Errorf("write resume file: %w", err)
	}
	return nil
}
