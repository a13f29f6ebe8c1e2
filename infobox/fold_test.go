package infobox

import (
	"strings"
	"testing"
)

func TestFoldHelpersMatchToLower(t *testing.T) {
	tests := []struct{ s, sub string }{
		{"Unknown casualties", "unknown"},
		{"UNKNOWN", "unknown"},
		{"Several hundred", "unknown"},
		{"UN\u212aNOWN", "unknown"}, // Kelvin sign lower-cases to k
		{"Near Lake Khasan", "near "},
		{"İn Kars", "in "},
		{"", "in "},
		{"in", "in "},
	}
	for _, tt := range tests {
		if got, want := containsFold(tt.s, tt.sub), strings.Contains(strings.ToLower(tt.s), tt.sub); got != want {
			t.Errorf("containsFold(%q, %q) = %v, want %v", tt.s, tt.sub, got, want)
		}
		low := tt.s
		if !isASCII(low) {
			low = strings.ToLower(low)
		}
		if got, want := hasPrefixFoldASCII(low, tt.sub), strings.HasPrefix(strings.ToLower(tt.s), tt.sub); got != want {
			t.Errorf("hasPrefixFoldASCII(%q, %q) = %v, want %v", tt.s, tt.sub, got, want)
		}
	}
}
