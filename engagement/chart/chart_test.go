package chart_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gonum.org/v1/plot"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/chart"
	"example.com/engagement/engagement/metrics"
)

var regen = flag.Bool("regen", false, "rewrite the golden SVG files in testdata")

func sampleResult(t *testing.T) (*engagement.Event, *engagement.Data, *metrics.Result) {
	t.Helper()
	a, err := engagement.Run(context.Background(), engagement.Config{}, engagement.Sample, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	return a.Event, a.Data, a.Result
}

// TestChartsGolden renders every chart of the sample to SVG and compares it
// with testdata/<name>.golden.svg; go test ./engagement/chart -regen
// rewrites them (and writes PNGs beside them to look at).
func TestChartsGolden(t *testing.T) {
	ev, d, r := sampleResult(t)
	charts := map[string]func() (*plot.Plot, error){
		"segments":  func() (*plot.Plot, error) { return chart.ParticipantsBySegment(r.Participants) },
		"edits":     func() (*plot.Plot, error) { return chart.EditsPerParticipant(r.Participants) },
		"monthly":   func() (*plot.Plot, error) { return chart.MonthlyEdits(r.Monthly, ev.MetricsEvent()) },
		"active":    func() (*plot.Plot, error) { return chart.MonthlyActive(r.Monthly, ev.MetricsEvent()) },
		"retention": func() (*plot.Plot, error) { return chart.RetentionCurve(r.Rows) },
		"heatmap":   func() (*plot.Plot, error) { return chart.CohortHeatmap(r.Rows, "active", 12) },
		"content":   func() (*plot.Plot, error) { return chart.PagesAndBytes(r.ByWikiNamespace, d.IsContent) },
		"namespaces": func() (*plot.Plot, error) {
			return chart.NamespacesStacked(r.ByWikiNamespace, metrics.During, d.NamespaceName)
		},
	}
	for name, f := range charts {
		p, err := f()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		svg, err := chart.Render(p, chart.Width, chart.Height, "svg")
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", name+".golden.svg")
		if *regen {
			os.MkdirAll("testdata", 0o755)
			os.WriteFile(golden, svg, 0o644)
			png, _ := chart.Render(p, chart.Width, chart.Height, "png")
			os.WriteFile(filepath.Join("testdata", name+".png"), png, 0o644)
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%s: %v (run with -regen)", name, err)
		}
		if !bytes.Equal(svg, want) {
			t.Errorf("%s differs from %s (run with -regen and look at the PNG)", name, golden)
		}
	}
}

func TestEmptyData(t *testing.T) {
	_, err := chart.RetentionCurve([]metrics.Row{{Metric: "retention_7d", Segment: "new", Empty: true}})
	if !errors.Is(err, chart.ErrNoData) || err.Error() != "chart: retention curve: no observable retention values: no data to draw" {
		t.Errorf("err = %v", err)
	}
	if _, err := chart.ParticipantsBySegment(nil); !errors.Is(err, chart.ErrNoData) {
		t.Errorf("err = %v", err)
	}
	if _, err := chart.CohortHeatmap(nil, "active", 12); !errors.Is(err, chart.ErrNoData) {
		t.Errorf("err = %v", err)
	}
	if _, err := chart.EditsPerParticipant([]metrics.ParticipantSummary{{Username: "A", Segment: "new"}}); !errors.Is(err, chart.ErrNoData) {
		t.Errorf("err = %v", err)
	}
}

// A participant with far more edits than the median switches the chart to a
// log scale; the other segment's zero bars and every bar's base must not
// break it (plot.LogScale panics on values <= 0).
func TestEditsPerParticipantPowerUser(t *testing.T) {
	ps := []metrics.ParticipantSummary{{Username: "P", Segment: metrics.SegmentExperienced, EditsDuring: 3000}}
	for i := range 9 {
		ps = append(ps, metrics.ParticipantSummary{Username: string(rune('a' + i)), Segment: metrics.SegmentNew, EditsDuring: 3})
	}
	p, err := chart.EditsPerParticipant(ps)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	wt, err := p.WriterTo(400, 300, "png")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wt.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if buf.Len() == 0 || p.Y.Label.Text != "edits during the event (log scale)" {
		t.Errorf("want a log-scale PNG; got %d bytes, label %q", buf.Len(), p.Y.Label.Text)
	}
}
