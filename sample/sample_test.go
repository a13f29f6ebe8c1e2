package sample

import "testing"

func TestArticleReadsTheBundledSample(t *testing.T) {
	a, err := Article()
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Soviet–Japanese border conflicts" || a.Source != Name {
		t.Errorf("title %q source %q", a.Title, a.Source)
	}
	if len(a.Infobox) == 0 || len(a.Sections) == 0 {
		t.Errorf("%d fields, %d sections", len(a.Infobox), len(a.Sections))
	}
}
