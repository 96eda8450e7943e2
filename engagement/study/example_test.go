package study_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/sample"
	"example.com/engagement/engagement/study"
)

// The pipeline's steps are separate calls: load the event, fetch its
// participants' data, analyse (no network: Analyze takes no client).
func ExampleAnalyze() {
	ctx := context.Background()
	ev, err := study.LoadEvent(ctx, study.Config{}, study.Sample)
	if err != nil {
		panic(err)
	}
	d, err := study.Enrich(ctx, study.Config{}, ev, nil)
	if err != nil {
		panic(err)
	}
	res, err := study.Analyze(ev, d, metrics.DefaultParams(sample.AsOf))
	if err != nil {
		panic(err)
	}
	for _, r := range res.Rows {
		if r.Metric == metrics.MetricParticipants && r.Segment == metrics.SegmentAll {
			fmt.Printf("%s: %d participants, %d contributions fetched\n", ev.Course.Title, int(r.Value), d.Contributions.Len())
		}
	}
	// Output: Women in Science Edit-a-thon: 53 participants, 5991 contributions fetched
}

// A run folder written by WriteOutputs is analysed again, from its files
// alone (LoadEventData and Analyze take no client), with the same numbers
// and nothing normalised.
func TestReanalysisOfAFolderGivesTheSameNumbers(t *testing.T) {
	ctx := context.Background()
	ev, err := study.LoadEvent(ctx, study.Config{}, study.Sample)
	if err != nil {
		t.Fatal(err)
	}
	d, err := study.Enrich(ctx, study.Config{}, ev, nil)
	if err != nil {
		t.Fatal(err)
	}
	p := metrics.DefaultParams(sample.AsOf)
	want, err := study.Analyze(ev, d, p)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := study.WriteOutputs(dir, d, want); err != nil {
		t.Fatal(err)
	}
	re, err := study.LoadEventData(dir, ev)
	if err != nil {
		t.Fatal(err)
	}
	got, err := study.Analyze(ev, re, p)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Rows, want.Rows) || len(re.Normalised) != 0 {
		t.Errorf("re-analysis differs: %d rows, want %d; normalised: %s", len(got.Rows), len(want.Rows), re.Normalised)
	}
}
