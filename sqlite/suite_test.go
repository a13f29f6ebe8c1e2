package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/sqlite"
	"github.com/annalist/annalist/storetest"
)

// TestStoreSuite runs the tests every annalist.Store must pass.
func TestStoreSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) annalist.Store {
		s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "suite.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}
