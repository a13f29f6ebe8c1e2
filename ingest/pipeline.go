// Package ingest is annalist's ingest pipeline as a library: it reads
// articles from files, directories and dumps, extracts them on every core,
// and stores them through any annalist store in the order they were read,
// in batches, keeping dumps' resume points. The CLI's ingest and the queue
// workers both run it, whatever the backend.
package ingest

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/extract"
	"github.com/annalist/annalist/source"
)

// BatchSize is how many articles share one transaction (each in its own
// savepoint, so a failing article still rolls back alone): on an idle
// machine batches of 64 store about a quarter faster than one transaction
// an article (sqlite's BenchmarkIngestSampleSized).
const BatchSize = 64

// BatchStore is the part of a store ingest writes through.
type BatchStore interface {
	IngestBatch(ctx context.Context, items []annalist.IngestItem) ([]annalist.IngestResult, []error, error)
}

// A NumberingStore is a BatchStore told, with each batch, each item's
// number in what Run read: 1 for the first item, counting the items that
// could not be read or extracted too, so that an item has the same number
// however often its input is read. Processes that store parts of one
// input at once keep the input's order with it (see queue).
type NumberingStore interface {
	BatchStore
	IngestBatchNumbered(ctx context.Context, items []annalist.IngestItem, numbers []int64) ([]annalist.IngestResult, []error, error)
}

// pending is one item on its way from the reader to the store.
type pending struct {
	path    string
	article *annalist.Article
	doc     *annalist.Document
	err     error
	done    chan struct{} // closed when doc or err is set
}

// Run reads paths, extracts the articles on every core, and
// stores them in the order they were read, in batches. report is called
// once per item, in order, from one goroutine; so is warn, before it, for
// an article read with warnings (invalid UTF-8, say). Extraction is the costly
// step and runs in parallel; the single writer keeps SQLite's one-writer
// rule and the order that resume points rely on.
func Run(ctx context.Context, x *extract.Extractor, st BatchStore, paths []string, resume *ResumePoints,
	warn func(*annalist.Article), report func(r annalist.IngestResult, path string, err error)) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan *pending, workers*2)
	order := make(chan *pending, BatchSize*2)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				var p *pending
				select {
				case p = <-jobs:
				case <-ctx.Done():
					return
				}
				if p == nil {
					return // jobs closed
				}
				p.doc, p.err = ExtractOrStop(ctx, x, p.article)
				if p.err != nil {
					p.err = fmt.Errorf("%s: %w", p.path, p.err)
				}
				close(p.done)
			}
		}()
	}

	// The writer cancels the pipeline the moment it fails, so that the
	// reader and the workers, who wait on ctx as well as on their
	// channels, stop at once instead of filling queues no one empties.
	storeDone := make(chan error, 1)
	go func() {
		err := storeInOrder(ctx, st, order, resume, warn, report)
		if err != nil {
			cancel(err)
		}
		storeDone <- err
	}()

	// The reader runs on its own too: reading one large file cannot be
	// interrupted, and an interrupt must not wait for it.
	walkDone := make(chan error, 1)
	go func() {
		handed := 0
		err := source.Walk(ctx, paths, func(it source.Item) error {
			p := &pending{path: it.Path, done: make(chan struct{})}
			if it.Err != nil {
				p.err = it.Err
				close(p.done)
			} else {
				p.article = it.Article
			}
			select {
			case order <- p:
			case <-ctx.Done():
				return context.Cause(ctx)
			}
			if p.article != nil {
				select {
				case jobs <- p:
				case <-ctx.Done():
					return context.Cause(ctx)
				}
			}
			handed++
			resume.Handed(handed)
			return nil
		})
		close(jobs)
		close(order)
		walkDone <- err
	}()
	storeErr := <-storeDone
	wg.Wait()
	if storeErr != nil {
		return storeErr
	}
	// The writer ends without error only once the reader closed order.
	return <-walkDone
}

// ExtractOrStop extracts a, or returns as soon as ctx is done: the
// extractors read a whole article at a time, and a large one must not
// hold an interrupted or failed run. What an abandoned extraction finds
// is dropped.
func ExtractOrStop(ctx context.Context, x *extract.Extractor, a *annalist.Article) (*annalist.Document, error) {
	type result struct {
		doc *annalist.Document
		err error
	}
	c := make(chan result, 1)
	go func() {
		doc, err := x.Extract(ctx, a)
		c <- result{doc, err}
	}()
	select {
	case r := <-c:
		if ctx.Err() != nil {
			return nil, context.Cause(ctx)
		}
		return r.doc, r.err
	case <-ctx.Done():
		return nil, context.Cause(ctx)
	}
}

// storeInOrder takes items in the order they were read, waits for each
// one's extraction, and stores them in batches; after each batch the
// dumps' resume points move up to what is now stored.
func storeInOrder(ctx context.Context, st BatchStore, order <-chan *pending, resume *ResumePoints,
	warn func(*annalist.Article), report func(annalist.IngestResult, string, error)) error {
	// A batch under way is finished even after an interrupt: it is at
	// most BatchSize articles, and its resume point then holds.
	storeCtx := context.WithoutCancel(ctx)
	numbering, _ := st.(NumberingStore)
	var batch []annalist.IngestItem
	var paths []string
	var numbers []int64
	taken := 0
	flush := func() error {
		if len(batch) > 0 {
			var res []annalist.IngestResult
			var errs []error
			var err error
			if numbering != nil {
				res, errs, err = numbering.IngestBatchNumbered(storeCtx, batch, numbers)
			} else {
				res, errs, err = st.IngestBatch(storeCtx, batch)
			}
			if err != nil {
				return &StoreError{Articles: len(batch), First: paths[0], Err: err}
			}
			for i := range res {
				if errs[i] != nil {
					report(res[i], paths[i], fmt.Errorf("%s: %w", paths[i], errs[i]))
					continue
				}
				report(res[i], paths[i], nil)
			}
			batch, paths, numbers = batch[:0], paths[:0], numbers[:0]
		}
		return resume.Stored(taken)
	}
read:
	for {
		var p *pending
		select {
		case p = <-order:
		case <-ctx.Done():
			break read
		}
		if p == nil {
			break // order closed: all was read
		}
		select {
		case <-p.done:
		case <-ctx.Done():
			break read
		}
		taken++
		if p.article != nil && len(p.article.Warnings) > 0 {
			warn(p.article)
		}
		if p.err != nil {
			report(annalist.IngestResult{}, p.path, p.err)
			continue
		}
		batch = append(batch, annalist.IngestItem{Doc: p.doc, Raw: p.article.Raw})
		paths = append(paths, p.path)
		numbers = append(numbers, int64(taken))
		p.article, p.doc = nil, nil // let the batch hold the only references
		if len(batch) >= BatchSize {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	if ctx.Err() != nil {
		return context.Cause(ctx)
	}
	return nil
}

// StoreError is a batch the store could not write: none of its articles
// was stored, nor any after it.
type StoreError struct {
	Articles int
	First    string // the path of the batch's first article
	Err      error
}

func (e *StoreError) Error() string {
	return fmt.Sprintf("store %d articles from %s on: %v", e.Articles, e.First, e.Err)
}

func (e *StoreError) Unwrap() error { return e.Err }
