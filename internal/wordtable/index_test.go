package wordtable

import "testing"

func TestIndexFindsKeysInAnyASCIICase(t *testing.T) {
	ix := NewIndex([]string{"the", "mêlée", "skirmish", "a", "%", "casualties"}, []int32{1, 2, 3, 4, 5, 6})
	for _, tc := range []struct {
		w         string
		want      int32
		found     bool
		wantASCII bool // GetASCII finds it too
	}{
		{"the", 1, true, true},
		{"The", 1, true, true},
		{"THE", 1, true, true},
		{"Mêlée", 2, true, false},
		{"MÊLÉE", 0, false, false}, // letters outside ASCII are compared as written
		{"Skirmish", 3, true, true},
		{"skirmishes", 0, false, false},
		{"A", 4, true, true},
		{"%", 5, true, true},
		{"", 0, false, false},
		{"th", 0, false, false},
		{"thE ", 0, false, false},
		{"Casualties", 6, true, true}, // longer than 8 bytes: compared with the key
		{"Casualtiez", 0, false, false},
		{"casualtie", 0, false, false},
	} {
		got, ok := ix.Get(tc.w)
		if got != tc.want || ok != tc.found {
			t.Errorf("Get(%q) = %d, %v; want %d, %v", tc.w, got, ok, tc.want, tc.found)
		}
		got, ok = ix.GetASCII(tc.w)
		if ok != tc.wantASCII || ok && got != tc.want {
			t.Errorf("GetASCII(%q) = %d, %v; want found=%v", tc.w, got, ok, tc.wantASCII)
		}
	}
}

func TestIndexZeroValueFindsNothing(t *testing.T) {
	var ix Index
	if _, ok := ix.Get("the"); ok {
		t.Error("zero Index found a key")
	}
	if _, ok := ix.GetASCII("the"); ok {
		t.Error("zero Index found a key")
	}
}
