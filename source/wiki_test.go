package source

import (
	"context"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/mediawiki"
)

const wikiArticle = "{{Infobox military conflict\n| conflict = Battle of Somewhere\n| combatant1 = {{flag|USSR}}\n| combatant2 = {{flagicon|Japan}}\n}}\nThe '''Battle of Somewhere''' was fought in [[1938]]."

// refArticle has a reference in its infobox, which an XML-escaped copy
// writes "&lt;ref&gt;".
const refArticle = "{{Infobox military conflict\n| conflict = Battle of Somewhere<ref>Smith 1990, p. 4</ref>\n| combatant1 = {{flag|USSR}}\n}}\nThe '''Battle of Somewhere''' was fought in [[1938]]."

func TestWalkReadsWikitextByExtensionAndContent(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, file, text, want string
	}{
		{"by extension", "a.wiki", "Just text.", "a"},
		{"wikitext extension", "b.wikitext", wikiArticle, "Battle of Somewhere"},
		{"by content", "c.src", wikiArticle, "Battle of Somewhere"},
		{"escaped by extension", "d.xmlescaped", escaped(refArticle), "Battle of Somewhere"},
		{"escaped by content", "e.src", escaped(refArticle), "Battle of Somewhere"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, dir, tt.file, tt.text)
			var got []*annalist.Article
			err := Walk(context.Background(), []string{p}, func(it Item) error {
				if it.Err != nil {
					t.Errorf("%s: %v", p, it.Err)
				}
				got = append(got, it.Article)
				return nil
			})
			if err != nil || len(got) != 1 || got[0] == nil {
				t.Fatalf("err %v, %d items", err, len(got))
			}
			if got[0].Title != tt.want || got[0].Format != annalist.FormatWikitext {
				t.Errorf("title %q format %q, want %q", got[0].Title, got[0].Format, tt.want)
			}
		})
	}
}

func dumpPage(id int, title, text string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	return "<page><title>" + title + "</title><ns>0</ns><id>" + string(rune('0'+id)) + "</id><revision><text xml:space=\"preserve\">" + r.Replace(text) + "</text></revision></page>\n"
}

func TestWalkStreamsDumpPagesWithConflictInfobox(t *testing.T) {
	dir := t.TempDir()
	dump := "<mediawiki>\n" + dumpPage(1, "Plain", "No infobox here.") +
		dumpPage(2, "Battle of Somewhere", wikiArticle) +
		dumpPage(3, "Battle of Elsewhere", strings.Replace(wikiArticle, "Somewhere", "Elsewhere", -1)) + "</mediawiki>\n"
	p := write(t, dir, "x-pages-articles.xml", dump)
	write(t, dir, "x-pages-articles-multistream-index.txt.bz2", "not read")

	var titles []string
	var last mediawiki.Progress
	ctx := WithDumpOptions(context.Background(), DumpOptions{
		ResumeAfter: func(string) int64 { return 2 },
		Progress:    func(_ string, pr mediawiki.Progress) { last = pr },
	})
	err := Walk(ctx, []string{p}, func(it Item) error {
		if it.Err != nil {
			t.Error(it.Err)
			return nil
		}
		titles = append(titles, it.Article.Title)
		if f, _ := it.Article.Field("combatant1"); f.Value != "Soviet Union" {
			t.Errorf("combatant1 = %q", f.Value)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(titles, ",") != "Battle of Elsewhere" || last.LastID != 3 || !last.Done {
		t.Errorf("titles %v, progress %+v", titles, last)
	}
	titles = nil
	collectTitles := func(it Item) error { titles = append(titles, it.Article.Title); return nil }
	if err := Walk(context.Background(), []string{dir}, collectTitles); err != nil {
		t.Fatal(err)
	}
	if strings.Join(titles, ",") != "Battle of Somewhere,Battle of Elsewhere" {
		t.Errorf("without options: %v", titles)
	}
}

// escaped is text XML-escaped as inside a dump's <text> element.
func escaped(text string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(text)
}
