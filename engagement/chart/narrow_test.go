package chart_test

import (
	"bytes"
	"context"
	"image/png"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/plot"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/chart"
	"example.com/engagement/engagement/metrics"
)

// sampleCharts draws every standard and frame chart of the sample, by name.
func sampleCharts(t *testing.T) map[string]*plot.Plot {
	t.Helper()
	a, err := sampleAnalysis()
	if err != nil {
		t.Fatal(err)
	}
	draw := standard(a.Event.MetricsEvent(), a.Data, a.Result)
	for name, f := range frameCharts(a) {
		draw[name] = f
	}
	// The as-of month observed in part: the sample as of 15 December 2024.
	mid, err := sampleAnalysis(engagement.WithAsOf(day(2024, 12, 15)))
	if err != nil {
		t.Fatal(err)
	}
	draw["monthly_partial"] = func() (*plot.Plot, error) {
		return chart.MonthlyEdits(mid.Result.Monthly, mid.Event.MetricsEvent(), chart.AsOf(mid.Result.Params.AsOf))
	}
	// The campaign chart, one event's name ending in its date.
	draw["campaign"] = func() (*plot.Plot, error) {
		s := campaignShapes()["two"]
		return chart.EventRetention([]string{"Women in Science Edit-a-thon (5 Mar 2021)", s.names[1]}, s.events)
	}
	out := map[string]*plot.Plot{}
	for name, f := range draw {
		p, err := f()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = p
	}
	return out
}

// No chart draws text smaller than MinTextPoints, which the report's test
// in Chromium relies on to compute the text's size on screen (gonum's SVG
// gives font sizes in points).
func TestMinTextPoints(t *testing.T) {
	size := regexp.MustCompile(`font-size:([0-9.]+)px`)
	for name, p := range sampleCharts(t) {
		svg, err := chart.NewFigure(name, p).SVG()
		if err != nil {
			t.Fatal(err)
		}
		sizes := size.FindAllSubmatch(svg, -1)
		if len(sizes) == 0 {
			t.Fatalf("%s: no text in the SVG", name)
		}
		for _, m := range sizes {
			if v, _ := strconv.ParseFloat(string(m[1]), 64); v < chart.MinTextPoints {
				t.Errorf("%s: text of %v points, below MinTextPoints (%d)", name, v, chart.MinTextPoints)
			}
		}
	}
}

// The narrow rendering is NarrowWidth wide at NarrowDPI (630 pixels), a
// sixth shorter than the figure, and leaves the plot as it was: the wide
// rendering afterwards is the same image.
func TestNarrowPNG(t *testing.T) {
	p, err := chart.MonthlyEdits(sampleMonths(), metrics.Event{Start: day(2021, 3, 5), End: day(2021, 3, 7)})
	if err != nil {
		t.Fatal(err)
	}
	fig := chart.NewFigure("monthly", p)
	before, err := fig.PNG()
	if err != nil {
		t.Fatal(err)
	}
	title, legend := p.Title.Text, p.Legend
	narrow, err := fig.NarrowPNG()
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(narrow))
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Bounds().Size(); got.X != 630 || got.Y != 625 {
		t.Errorf("narrow rendering %v, want 630×625 (420×416.7 at 144 dpi)", got)
	}
	after, err := fig.PNG()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) || p.Title.Text != title || p.Legend.Left != legend.Left || p.Legend.XOffs != legend.XOffs {
		t.Error("NarrowPNG changed the plot")
	}
	if _, err := (chart.Figure{Name: "none"}).NarrowPNG(); err == nil || err.Error() != "chart none: rendering png: no plot" {
		t.Errorf("err = %v", err)
	}
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// sampleMonths is two segments over five months around an event in March
// 2021.
func sampleMonths() []metrics.MonthRow {
	var rows []metrics.MonthRow
	for i, n := range []int{4, 9, 30, 12, 6} {
		for _, s := range []metrics.Segment{metrics.SegmentNew, metrics.SegmentExperienced} {
			rows = append(rows, metrics.MonthRow{Month: day(2021, 1+i, 1), Segment: s, Edits: n, EditingParticipants: n / 2})
		}
	}
	return rows
}

// A row's label never breaks inside a date, at any width: "(5 Mar 2021)"
// stays on one line in the campaign chart, wide and narrow.
func TestEventLabelKeepsDates(t *testing.T) {
	s := campaignShapes()["two"]
	p, err := chart.EventRetention([]string{"Women in Science Edit-a-thon at the Library (5 Mar 2021)", s.names[1]}, s.events)
	if err != nil {
		t.Fatal(err)
	}
	for _, tk := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
		if strings.Contains(tk.Label, "Women") && !strings.Contains(tk.Label, "(5\u00a0Mar\u00a02021)") ||
			strings.Contains(tk.Label, "Wikidata") && !strings.Contains(tk.Label, "(April\u00a02021)") {
			t.Errorf("label %q breaks its date", tk.Label)
		}
	}
}

// sampleAnalysis opens the embedded sample with opts and analyses it with
// the session's parameters.
func sampleAnalysis(opts ...engagement.Option) (*engagement.Analysis, error) {
	s, err := engagement.Open(context.Background(), engagement.Sample, opts...)
	if err != nil {
		return nil, err
	}
	return s.Analysis()
}
