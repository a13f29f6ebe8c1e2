package postgres

import (
	"context"

	"github.com/annalist/annalist"
)

// This store keeps every telling of a clash as its article told it; it
// does not merge the tellings of several articles into one event, as the
// SQLite store does (package resolve). A merged listing (the default,
// EventFilter.AllSources unset) is then one row per telling, each told by
// one source, and says so as the SQLite store does of a clash no other
// article tells.

// Events returns one page of events, with the total the filter selects.
func (s *Store) Events(ctx context.Context, f annalist.EventFilter) (annalist.EventPage, error) {
	page, err := s.eventPage(ctx, f)
	if !f.AllSources {
		for i := range page.Events {
			page.Events[i].NumberOfSources = 1
		}
	}
	return page, err
}

// EachEvent streams the events f selects, in date order.
func (s *Store) EachEvent(ctx context.Context, f annalist.EventFilter, fn func(*annalist.StoredEvent) error) error {
	if f.AllSources {
		return s.eachEvent(ctx, f, fn)
	}
	return s.eachEvent(ctx, f, func(e *annalist.StoredEvent) error {
		e.NumberOfSources = 1
		return fn(e)
	})
}

// EachPoint streams the map, timeline and list fields of the events f
// selects.
func (s *Store) EachPoint(ctx context.Context, f annalist.EventFilter, fn func(*annalist.EventPoint) error) error {
	if f.AllSources {
		return s.eachPoint(ctx, f, fn)
	}
	return s.eachPoint(ctx, f, func(p *annalist.EventPoint) error {
		p.Sources = 1
		return fn(p)
	})
}
