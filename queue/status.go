package queue

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Status counts the ingest jobs by state.
type Status struct {
	Waiting    int `json:"waiting"`     // available, scheduled or pending
	Running    int `json:"running"`     // taken by a worker
	Retrying   int `json:"retrying"`    // failed, to be tried again
	Done       int `json:"done"`        // completed
	Failed     int `json:"failed"`      // given up after MaxAttempts, or cancelled
	LastMinute int `json:"last_minute"` // jobs completed in the last minute
	// Articles, Unchanged and Events are the totals the completed jobs
	// report: the articles they read, those of them already stored as
	// they are (by an earlier run, or by an attempt of the same job that
	// committed before it timed out), and the events they wrote.
	Articles  int `json:"articles"`
	Unchanged int `json:"unchanged"`
	Events    int `json:"events"`
}

// Pending is the number of jobs not finished yet.
func (s Status) Pending() int { return s.Waiting + s.Running + s.Retrying }

func (s Status) String() string {
	return fmt.Sprintf("%d done, %d running, %d waiting, %d to retry, %d failed; %d jobs in the last minute; done jobs read %d articles (%d already stored as they are) and wrote %d events",
		s.Done, s.Running, s.Waiting, s.Retrying, s.Failed, s.LastMinute, s.Articles, s.Unchanged, s.Events)
}

// ReadStatus counts the ingest jobs in the queue in pool.
func ReadStatus(ctx context.Context, pool *pgxpool.Pool) (Status, error) {
	var s Status
	rows, err := pool.Query(ctx, `SELECT state::text, count(*) FROM river_job WHERE kind = $1 GROUP BY state`, Name)
	if err != nil {
		return s, fmt.Errorf("job queue status: %w", err)
	}
	for rows.Next() {
		var state string
		var n int
		if err := rows.Scan(&state, &n); err != nil {
			rows.Close()
			return s, fmt.Errorf("job queue status: %w", err)
		}
		switch state {
		case "available", "scheduled", "pending":
			s.Waiting += n
		case "running":
			s.Running += n
		case "retryable":
			s.Retrying += n
		case "completed":
			s.Done += n
		default: // discarded, cancelled
			s.Failed += n
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return s, fmt.Errorf("job queue status: %w", err)
	}
	err = pool.QueryRow(ctx, `SELECT count(*) FILTER (WHERE finalized_at > now() - interval '1 minute'),
		coalesce(sum((metadata->'output'->>'articles')::bigint), 0), coalesce(sum((metadata->'output'->>'skipped')::bigint), 0),
		coalesce(sum((metadata->'output'->>'events')::bigint), 0)
		FROM river_job WHERE kind = $1 AND state = 'completed'`, Name).Scan(&s.LastMinute, &s.Articles, &s.Unchanged, &s.Events)
	if err != nil {
		return s, fmt.Errorf("job queue status: %w", err)
	}
	return s, nil
}
