package postgres

import (
	"context"

	"github.com/annalist/annalist"
)

// A merged listing (the default, EventFilter.AllSources unset) lists each
// clash once: a telling that merge_hidden names is left out (see
// notHidden, which the filters add), and the telling that represents a
// merged event is listed as that event, with its merged values and
// number of sources (see merge.go). A store that has merged nothing lists
// every telling, each told by one source, without testing any.

// Events returns one page of events, with the total the filter selects.
func (s *Store) Events(ctx context.Context, f annalist.EventFilter) (annalist.EventPage, error) {
	f, single, err := s.listing(ctx, f)
	if err != nil {
		return annalist.EventPage{}, err
	}
	page, err := s.eventPage(ctx, f)
	if single {
		for i := range page.Events {
			page.Events[i].NumberOfSources = 1
		}
	}
	return page, err
}

// EachEvent streams the events f selects, in date order.
func (s *Store) EachEvent(ctx context.Context, f annalist.EventFilter, fn func(*annalist.StoredEvent) error) error {
	f, single, err := s.listing(ctx, f)
	if err != nil {
		return err
	}
	if !single {
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
	f, single, err := s.listing(ctx, f)
	if err != nil {
		return err
	}
	if !single {
		return s.eachPoint(ctx, f, fn)
	}
	return s.eachPoint(ctx, f, func(p *annalist.EventPoint) error {
		p.Sources = 1
		return fn(p)
	})
}
