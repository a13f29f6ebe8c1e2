package gazetteer

import (
	"testing"
)

func loadT(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestLoadBuiltIn(t *testing.T) {
	g := loadT(t)
	if g.Len() < 170000 {
		t.Errorf("Len = %d, want the GeoNames places and more", g.Len())
	}
}
