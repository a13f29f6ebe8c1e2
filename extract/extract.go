// Package extract runs the whole extraction chain on an Article: the
// infobox becomes the conflict record, the prose becomes events and
// claims, and places are resolved to coordinates. It holds the tables the
// extractors need, loaded once and shared by every article.
package extract

import (
	"context"
	"fmt"
	"slices"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/actor"
	"github.com/annalist/annalist/event"
	"github.com/annalist/annalist/gazetteer"
	"github.com/annalist/annalist/infobox"
	"github.com/annalist/annalist/state"
)

// Extractor turns Articles into Documents. It is safe for concurrent use:
// the tables it holds are read-only after New.
type Extractor struct {
	actors  *actor.Table
	places  *gazetteer.Gazetteer
	infobox *infobox.Extractor // the infobox reader and its word tables
	events  *event.Reader      // the prose reader, its lexicon and actor scanner built once
	states  *state.Table       // states and their codes through time
}

// New loads the embedded tables: states and their names, the infobox's
// words, and the gazetteer.
func New(ctx context.Context) (*Extractor, error) {
	actors, err := actor.Load()
	if err != nil {
		return nil, fmt.Errorf("load actor table: %w", err)
	}
	// The gazetteer is the largest table; it loads on another goroutine
	// while the rest starts, and Extract waits for it.
	places := gazetteer.LoadAsync()
	boxes, err := infobox.New()
	if err != nil {
		return nil, fmt.Errorf("load infobox reader: %w", err)
	}
	events, err := event.NewReader(actors)
	if err != nil {
		return nil, fmt.Errorf("load event reader: %w", err)
	}
	events.SetTitleWords(boxes.TitleWord)
	states, err := state.Load()
	if err != nil {
		return nil, fmt.Errorf("load state table: %w", err)
	}
	events.SetStates(states)
	boxes.SetStates(states)
	return &Extractor{actors: actors, places: places, infobox: boxes, events: events, states: states}, nil
}

// Extract reads one article into a Document.
func (x *Extractor) Extract(ctx context.Context, a *annalist.Article) (doc *annalist.Document, err error) {
	defer func() {
		// A reader's fault on one article (an index past its text, a
		// case no rule foresaw) fails that article with an error naming
		// it, not the run: the other articles are still written.
		if p := recover(); p != nil {
			doc, err = nil, fmt.Errorf("extract %s: internal error, please report it with this article: %v", a.Source, p)
		}
	}()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("extract %s: %w", a.Source, err)
	}
	conflict := x.infobox.Extract(a, x.actors)
	events, claims := x.events.Extract(a, conflict)
	doc = &annalist.Document{
		Schema: annalist.Schema,
		Article: annalist.ArticleRef{
			Title:  a.Title,
			Source: a.Source,
			Format: a.Format,
			SHA256: a.SHA256,
		},
		Conflict: conflict,
		Events:   events,
		Claims:   claims,
		// The article's warnings, then the infobox keys nobody reads (a
		// copy: the Article's slice is never appended to).
		Warnings: slices.Concat(a.Warnings, x.infobox.Warnings(a)),
	}
	if err := x.places.Wait(); err != nil {
		return nil, fmt.Errorf("extract %s: load gazetteer: %w", a.Source, err)
	}
	x.places.ResolveDocument(doc)
	x.states.AnnotateDocument(doc, x.canonical, x.held)
	return doc, nil
}

// WithPlaces returns an Extractor that also resolves places against src
// (the full GeoNames data imported into the database), sharing all else.
func (x *Extractor) WithPlaces(src gazetteer.Source) *Extractor {
	y := *x
	y.places = x.places.With(src)
	return &y
}

// canonical and held give the state table the actor table's names and the
// gazetteer's ground of each state (see state.Table.AnnotateDocument).
func (x *Extractor) canonical(name string) (string, bool) {
	c, _, ok := x.actors.Lookup(name)
	return c, ok
}

func (x *Extractor) held(name string, year int) []string {
	s, ok := x.places.State(name)
	if !ok || (s.From != 0 && year < s.From) || (s.To != 0 && year > s.To) {
		return nil
	}
	return s.Countries
}
