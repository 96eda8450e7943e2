package mwtest_test

import (
	"context"
	"fmt"
	"testing"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/sample"
	"example.com/engagement/engagement/study"
)

// checkBaseline builds the sample's baseline from real MediaWiki (its
// newusers log written with backdated entries, see createusers.php) and
// checks it against the in-memory API's and against the numbers worked out
// by hand from sample.Newcomers.
func checkBaseline(t *testing.T, endpoints map[string]string) {
	t.Helper()
	ctx := context.Background()
	p := metrics.DefaultParams(sample.AsOf)
	load := func() *engagement.Event {
		ev, err := study.LoadEvent(ctx, engagement.Config{}, engagement.Sample)
		if err != nil {
			t.Fatal(err)
		}
		return ev
	}
	mem, err := study.FetchBaseline(ctx, engagement.Config{}, load(), p, engagement.BaselineOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ev := load()
	ev.IsSample = false
	real, err := study.FetchBaseline(ctx, engagement.Config{Contact: "tests@example.org", Endpoints: endpoints}, ev, p, engagement.BaselineOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("baseline from MediaWiki: %s; %v", real.Note(), real.Stats)
	summary := func(b *engagement.Baseline) string {
		rows, err := metrics.BaselineRows(sample.MetricsEvent(), p, b.Sample, b.Contributions, b.Note())
		if err != nil {
			t.Fatal(err)
		}
		unknown := 0
		for _, c := range b.Contributions {
			if c.NoSizeDiff {
				unknown++
			}
		}
		s := fmt.Sprintf("listed %d, roster %d, bots %d, not activated %d, failed %d, sample %v, %d contributions, %d without sizediff;",
			b.Listed, b.InRoster, b.Bots, b.NotActivated, b.Failed, b.Sample, len(b.Contributions), unknown)
		for _, r := range rows {
			s += fmt.Sprintf(" %s %d/%d", r.Metric, r.Numerator, r.Denominator)
		}
		return s
	}
	if got, want := summary(real), summary(mem); got != want {
		t.Errorf("baseline from MediaWiki:\n%s\nfrom the in-memory API:\n%s", got, want)
	}
	if real.Listed != sample.Composition.New+10 || len(real.Sample) != 6 || real.Bots != 1 || real.NotActivated != 3 {
		t.Errorf("from MediaWiki: listed %d, sample %d, bots %d, not activated %d; want %d, 6, 1, 3", real.Listed, len(real.Sample), real.Bots, real.NotActivated, sample.Composition.New+10)
	}
}
