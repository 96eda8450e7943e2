package engagement_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/frame"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/report"
)

// The embedded sample taken through the whole flow, offline: open the
// event, then analyse it (which fetches first).
func Example() {
	s, err := engagement.Open(context.Background(), engagement.Sample)
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := s.Analysis()
	if err != nil {
		fmt.Println(err)
		return
	}
	row, _ := a.Result.Find(metrics.RetentionMetric(7), metrics.SegmentNew)
	fmt.Println(a.Event.Course.Title)
	fmt.Println("new editors still editing 7 days after:", report.FormatValue(row), "("+report.FormatDetail(row)+")")
	// Output:
	// Women in Science Edit-a-thon
	// new editors still editing 7 days after: 25.0 % (9 of 36, 95% CI 13.8 %–41.1 %)
}

// Open holds an event for analysis. With a cache folder, opening and
// analysing it again (the next notebook cell, a rerun) sends no request.
func ExampleOpen() {
	cache, err := os.MkdirTemp("", "engagement-cache")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(cache)
	for run := 1; run <= 2; run++ {
		s, err := engagement.Open(context.Background(), engagement.Sample, engagement.WithCacheDir(cache))
		if err != nil {
			fmt.Println(err)
			return
		}
		a, err := s.Analysis()
		if err != nil {
			fmt.Println(err)
			return
		}
		row, _ := a.Result.Find(metrics.RetentionMetric(30), metrics.SegmentNew)
		r := s.Requests()
		fmt.Printf("run %d: asked the network: %v; answers from the cache: %v\n", run, r.Total() > 0, r.DashboardCached+r.APICached > 0)
		fmt.Println("  new editors still editing 30 days after:", report.FormatValue(row))
	}
	// Output:
	// run 1: asked the network: true; answers from the cache: false
	//   new editors still editing 30 days after: 13.9 %
	// run 2: asked the network: false; answers from the cache: true
	//   new editors still editing 30 days after: 13.9 %
}

// Parameters are values: change a copy and analyse again.
func ExampleSession_Analyze() {
	s, err := engagement.Open(context.Background(), engagement.Sample)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, days := range []int{0, 14, 60} {
		p := s.Params()
		p.NewEditorLookback = time.Duration(days) * 24 * time.Hour
		a, err := s.Analyze(p)
		if err != nil {
			fmt.Println(err)
			return
		}
		row, _ := a.Result.Find(metrics.MetricParticipants, metrics.SegmentNew)
		fmt.Printf("look-back %2d days: %s new editors\n", days, report.FormatValue(row))
	}
	// Output:
	// look-back  0 days: 18 new editors
	// look-back 14 days: 36 new editors
	// look-back 60 days: 36 new editors
}

// Frames go both ways: filter a frame with a one-liner, and hand it back for
// an analysis with the same definitions.
func ExampleSession_Analyze_frames() {
	s, err := engagement.Open(context.Background(), engagement.Sample)
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := s.Analysis()
	if err != nil {
		fmt.Println(err)
		return
	}
	during := frame.InPeriod(a.Contributions(), metrics.During)
	byWiki := frame.CountBy(during, frame.ColWiki)
	fmt.Println("edits during the event on", byWiki.Elem(0, 0), byWiki.Elem(0, 1))

	newOnly, err := s.Analyze(s.Params(), frame.InSegment(a.Participants(), metrics.SegmentNew))
	if err != nil {
		fmt.Println(err)
		return
	}
	row, _ := newOnly.Result.Find(metrics.MetricParticipants, metrics.SegmentAll)
	fmt.Println("participants in the new-editors-only analysis:", report.FormatValue(row))
	// Output:
	// edits during the event on en.wikipedia.org 552
	// participants in the new-editors-only analysis: 36
}

// Sweep varies one setting and keeps the others of the session.
func ExampleSession_Sweep() {
	s, err := engagement.Open(context.Background(), engagement.Sample)
	if err != nil {
		fmt.Println(err)
		return
	}
	df, err := s.Sweep(engagement.SettingLookbackDays, []int{0, 14},
		engagement.MetricRef{Metric: metrics.MetricParticipants, Segment: metrics.SegmentNew},
		engagement.MetricRef{Metric: metrics.RetentionMetric(7), Segment: metrics.SegmentNew})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range df.Select([]string{engagement.SettingLookbackDays, frame.ColMetric, frame.ColValue}).Records() {
		fmt.Println(r)
	}
	// Output:
	// [LookbackDays metric value]
	// [0 participants 18.000000]
	// [0 retention_7d 0.166667]
	// [14 participants 36.000000]
	// [14 retention_7d 0.250000]
}

// frame.WithMetric picks an analysis's metric rows, in the order asked.
func ExampleAnalysis_Metrics() {
	s, err := engagement.Open(context.Background(), engagement.Sample)
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := s.Analysis()
	if err != nil {
		fmt.Println(err)
		return
	}
	df := frame.WithMetric(a.Metrics(), metrics.RetentionMetric(30), metrics.MetricParticipants)
	for _, r := range df.Select([]string{frame.ColMetric, frame.ColSegment, frame.ColIsShare}).Records() {
		fmt.Println(r)
	}
	// Output:
	// [metric segment is_share]
	// [retention_30d new true]
	// [retention_30d experienced true]
	// [retention_30d all true]
	// [participants new false]
	// [participants experienced false]
	// [participants all false]
}
