package server

import (
	"net/url"

	"github.com/annalist/annalist"
)

// sourceDetail is one telling of a merged event, its evidence marked up
// as an event's is, so that the explorer sets the sources side by side,
// each sentence with its own figures highlighted.
type sourceDetail struct {
	annalist.EventSource
	Evidence []markedEvidence  `json:"evidence"`
	Links    map[string]string `json:"links"`
}

// sourcesOf lists a merged event's sources for the event panel.
func sourcesOf(m *annalist.MergedEvent) []sourceDetail {
	out := make([]sourceDetail, len(m.Sources))
	for i := range m.Sources {
		s := &m.Sources[i]
		out[i] = sourceDetail{EventSource: *s, Evidence: markEvidence(&s.Event), Links: map[string]string{
			"event":   "/api/events/" + url.PathEscape(s.EventKey),
			"article": "/api/articles/" + url.PathEscape(s.ArticleKey),
		}}
	}
	return out
}
