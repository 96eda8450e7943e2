package engagement

import (
	"context"
	"time"

	"example.com/engagement/engagement/metrics"
)

// Analysis is one event taken through the whole flow.
type Analysis struct {
	Event  *Event
	Data   *Data
	Result *metrics.Result
}

// Run loads the event, fetches its contributions and computes every metric
// with the default parameters as of asOf (the zero time: the event's own
// as-of, now for a live event).
func Run(ctx context.Context, cfg Config, course string, asOf time.Time) (*Analysis, error) {
	ev, err := LoadEvent(ctx, cfg, course)
	if err != nil {
		return nil, err
	}
	d, err := Enrich(ctx, cfg, ev, nil)
	if err != nil {
		return nil, err
	}
	if asOf.IsZero() {
		asOf = ev.AsOf(time.Now())
	}
	res, err := Analyze(ev, d, metrics.DefaultParams(asOf))
	if err != nil {
		return nil, err
	}
	return &Analysis{Event: ev, Data: d, Result: res}, nil
}
