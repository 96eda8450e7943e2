package metrics_test

import (
	"testing"

	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/sample"
)

// BenchmarkCompute10k1M computes every metric for 10,000 participants and
// about 1,000,000 contributions from the deterministic sized generator.
func BenchmarkCompute10k1M(b *testing.B) {
	ev, err := sample.Generate(sample.Config{Seed: 1, Participants: 10000, Contributions: 1_000_000})
	if err != nil {
		b.Fatal(err)
	}
	cs, as := ev.Contributions(), ev.Accounts()
	tab := metrics.TableOf(cs)
	var ps []metrics.Participant
	for _, p := range ev.People {
		ps = append(ps, metrics.Participant{Username: p.Name})
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := metrics.ComputeTable(sample.MetricsEvent(), ps, as, tab, metrics.DefaultParams(sample.AsOf)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(cs)), "contributions")
}
