package metrics_test

import (
	"fmt"
	"time"

	"example.com/engagement/engagement/metrics"
)

func ExampleWilson() {
	lo, hi := metrics.Wilson(5, 10)
	fmt.Printf("5 of 10: %.4f–%.4f\n", lo, hi)
	// Output: 5 of 10: 0.2366–0.7634
}

func ExampleCompute() {
	start := time.Date(2021, 3, 5, 0, 0, 0, 0, time.UTC)
	ev := metrics.Event{Start: start, End: start.Add(72*time.Hour - time.Second), Wikis: []string{"en.wikipedia.org"}}
	ps := []metrics.Participant{{Username: "Alice"}, {Username: "Bob"}}
	accts := []metrics.Account{
		{Username: "Alice", Registration: start.Add(-24 * time.Hour)}, // new
		{Username: "Bob", Registration: time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC)},
	}
	edit := func(user string, t time.Time, rev int64) metrics.Contribution {
		return metrics.Contribution{Wiki: "en.wikipedia.org", Username: user, RevID: rev, PageID: rev, Title: "Ada Lovelace", Timestamp: t, SizeDiff: 100}
	}
	cs := []metrics.Contribution{
		edit("Alice", start.Add(2*time.Hour), 1),
		edit("Alice", ev.End.Add(10*24*time.Hour), 2), // 10 days after the end
		edit("Bob", start.Add(3*time.Hour), 3),
	}
	res, _ := metrics.Compute(ev, ps, accts, cs, metrics.DefaultParams(ev.End.Add(20*24*time.Hour)))
	for _, r := range res.Rows {
		if r.Metric == metrics.RetentionMetric(7) || r.Metric == metrics.RetentionMetric(30) && r.Segment == metrics.SegmentNew {
			if r.Empty {
				fmt.Println(r.Metric, r.Segment, "—", r.Note)
			} else {
				fmt.Println(r.Metric, r.Segment, r.Numerator, "of", r.Denominator)
			}
		}
	}
	// Output:
	// retention_7d new 1 of 1
	// retention_7d experienced 0 of 1
	// retention_7d all 1 of 2
	// retention_30d new — not yet observable
}
