package chart_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"gonum.org/v1/plot"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/chart"
	"example.com/engagement/engagement/frame"
	"example.com/engagement/engagement/metrics"
)

var update = flag.Bool("update", false, "rewrite the golden PNG files in testdata")

// standard lists the standard charts of one analysis, by name.
func standard(ev metrics.Event, d *engagement.Data, r *metrics.Result) map[string]func() (*plot.Plot, error) {
	isContent := func(string, int) bool { return true }
	nsName := func(_ string, ns int) string { return fmt.Sprintf("namespace %d", ns) }
	if d != nil {
		isContent, nsName = d.IsContent, d.NamespaceName
	}
	return map[string]func() (*plot.Plot, error){
		"segments":   func() (*plot.Plot, error) { return chart.ParticipantsBySegment(r.Participants) },
		"edits":      func() (*plot.Plot, error) { return chart.EditsPerParticipant(r.Participants) },
		"monthly":    func() (*plot.Plot, error) { return chart.MonthlyEdits(r.Monthly, ev, chart.AsOf(r.Params.AsOf)) },
		"active":     func() (*plot.Plot, error) { return chart.MonthlyActive(r.Monthly, ev, chart.AsOf(r.Params.AsOf)) },
		"retention":  func() (*plot.Plot, error) { return chart.RetentionCurve(r.Rows) },
		"heatmap":    func() (*plot.Plot, error) { return chart.CohortHeatmap(r.Rows, "active", 12) },
		"content":    func() (*plot.Plot, error) { return chart.PagesAndBytes(r.ByWikiNamespace, isContent) },
		"namespaces": func() (*plot.Plot, error) { return chart.NamespacesStacked(r.ByWikiNamespace, metrics.During, nsName) },
	}
}

// TestChartsGolden renders every chart of the sample at two sizes and for
// narrow screens (NarrowPNG), and
// compares the PNGs with testdata/<name>_<w>x<h>.golden.png, tolerating
// anti-aliasing differences; go test ./engagement/chart -update rewrites
// them (look at them before committing).
func TestChartsGolden(t *testing.T) {
	for name, p := range sampleCharts(t) {
		for _, size := range [][2]int{{800, 500}, {480, 320}, {0, 0}} {
			fig := chart.Figure{Name: name, Plot: p, Width: chart.Pixels(size[0]), Height: chart.Pixels(size[1])}
			golden := filepath.Join("testdata", fmt.Sprintf("%s_%dx%d.golden.png", name, size[0], size[1]))
			render := fig.PNG
			if size[0] == 0 { // the rendering for narrow screens, of a default figure
				fig = chart.NewFigure(name, p)
				golden = filepath.Join("testdata", name+"_narrow.golden.png")
				render = fig.NarrowPNG
			}
			got, err := render()
			if err != nil {
				t.Fatal(err)
			}
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%s: %v (go test ./engagement/chart -update writes it)", name, err)
			}
			if diff := pixelDiff(t, got, want); diff > 0.002 {
				out := filepath.Join(t.TempDir(), filepath.Base(golden))
				os.WriteFile(out, got, 0o644)
				t.Errorf("%s: %.2f%% of pixels differ from %s; got %s (-update rewrites the golden file)", name, 100*diff, golden, out)
			}
		}
	}
}

// pixelDiff returns the share of pixels that differ visibly between two
// PNGs of the same size (1 when the sizes differ).
func pixelDiff(t *testing.T, a, b []byte) float64 {
	t.Helper()
	ia, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	ib, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if ia.Bounds() != ib.Bounds() {
		return 1
	}
	n := 0
	r := ia.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if colourDistance(ia, ib, x, y) > 48 {
				n++
			}
		}
	}
	return float64(n) / float64(r.Dx()*r.Dy())
}

func colourDistance(a, b image.Image, x, y int) int {
	r1, g1, b1, _ := a.At(x, y).RGBA()
	r2, g2, b2, _ := b.At(x, y).RGBA()
	d := func(p, q uint32) int {
		v := int(p>>8) - int(q>>8)
		if v < 0 {
			return -v
		}
		return v
	}
	return max(d(r1, r2), d(g1, g2), d(b1, b2))
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
	for i := range 19 {
		ps = append(ps, metrics.ParticipantSummary{Username: string(rune('a' + i)), Segment: metrics.SegmentNew, EditsDuring: 3})
	}
	p, err := chart.EditsPerParticipant(ps)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chart.NewFigure("edits", p).PNG(); err != nil {
		t.Fatal(err)
	}
	if p.Y.Label.Text != "edits during the event (log scale)" || p.Y.Max < 3000 {
		t.Errorf("want a log scale up to 3,000; got label %q, max %v", p.Y.Label.Text, p.Y.Max)
	}
}

// A panic inside gonum/plot (here a log scale given a zero) is an error
// naming what was being drawn.
func TestRenderRecovers(t *testing.T) {
	p, err := chart.EditsPerParticipant([]metrics.ParticipantSummary{{Segment: metrics.SegmentNew, EditsDuring: 2}})
	if err != nil {
		t.Fatal(err)
	}
	p.Y.Scale = plot.LogScale{}
	p.Y.Min = 0
	_, err = chart.NewFigure("edits per participant", p).PNG()
	if err == nil || !strings.Contains(err.Error(), "chart edits per participant: chart: rendering png: unexpected failure") {
		t.Errorf("err = %v", err)
	}
}

// Beyond MaxBars participants the chart shows how many made how many edits.
func TestMaxBars(t *testing.T) {
	var ps []metrics.ParticipantSummary
	for i := range 30 {
		ps = append(ps, metrics.ParticipantSummary{Segment: metrics.SegmentNew, EditsDuring: i + 1})
	}
	p, err := chart.EditsPerParticipant(ps, chart.MaxBars(20))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Edits during the event: how many of the 30 participants who edited made how many"; p.Title.Text != want {
		t.Errorf("title %q, want %q", p.Title.Text, want)
	}
	var labels []string
	for _, tk := range p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max) {
		labels = append(labels, tk.Label)
	}
	// 1, 2, 3–4, 5–9, 10–19, 20–30: 1, 1, 2, 5, 10, 11 participants.
	if got := strings.Join(labels, "|"); got != "1|2|3–4|5–9|10–19|20–49" || p.Y.Max < 11 || p.Y.Max > 13 {
		t.Errorf("bins %s, Y axis up to %v (want just above 11)", got, p.Y.Max)
	}
}

// frameCharts draws the sample's frames with the seaborn-shaped helpers.
func frameCharts(a *engagement.Analysis) map[string]func() (*plot.Plot, error) {
	ps := a.Participants().Filter(dataframe.F{Colname: frame.ColSegment, Comparator: series.Neq, Comparando: "excluded"})
	monthly := a.Monthly().Filter(dataframe.F{Colname: frame.ColSegment, Comparator: series.Neq, Comparando: "all"})
	during := frame.InPeriod(a.Contributions(), metrics.During)
	return map[string]func() (*plot.Plot, error){
		"frame_bar": func() (*plot.Plot, error) { return chart.Bar(editsFrame(), "wiki", "edits", chart.Hue("segment")) },
		"frame_hist": func() (*plot.Plot, error) {
			return chart.Hist(ps, frame.ColEditsDuring, chart.Hue(frame.ColSegment))
		},
		"frame_line": func() (*plot.Plot, error) {
			return chart.Line(monthly, frame.ColMonth, frame.ColEditing, chart.Hue(frame.ColSegment))
		},
		"frame_heatmap": func() (*plot.Plot, error) { return chart.Heatmap(shareFrame(), "window", "segment", "active") },
		// Namespaces by name, in the order of their numbers: canonical
		// names, then the wikis' own from siteinfo.
		"frame_bar_ns": func() (*plot.Plot, error) {
			return chart.Bar(frame.CountBy(during, frame.ColNS), frame.ColNS, frame.ColEdits)
		},
		"frame_bar_ns_hue": func() (*plot.Plot, error) {
			return chart.Bar(frame.CountBy(during, frame.ColWiki, frame.ColNS), frame.ColWiki, frame.ColEdits,
				chart.Hue(frame.ColNS), chart.Namespaces(a.Data.NamespaceName))
		},
	}
}

// Namespaces with equal totals are stacked in one order: the chart is the
// same on every run (the totals come from a map, met in random order).
func TestNamespacesStackedTiesAreStable(t *testing.T) {
	var counts []metrics.WikiNamespaceCount
	for ns := range 8 { // 8 namespaces of 10 edits each: which 5 keep a layer is decided by the tie too
		counts = append(counts, metrics.WikiNamespaceCount{Wiki: "en.wikipedia.org", NS: ns, Period: metrics.During, Edits: 10, Editors: 1})
	}
	nsName := func(_ string, ns int) string { return fmt.Sprintf("namespace %d", ns) }
	var first []byte
	for i := range 20 {
		p, err := chart.NamespacesStacked(counts, metrics.During, nsName)
		if err != nil {
			t.Fatal(err)
		}
		svg, err := chart.NewFigure("namespaces", p).SVG()
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = svg
			if !bytes.Contains(svg, []byte("namespace 0")) || bytes.Contains(svg, []byte("namespace 7")) {
				t.Fatalf("the first namespaces by name should keep their layers, namespace 7 go to other")
			}
		} else if !bytes.Equal(svg, first) {
			t.Fatalf("run %d drew another chart", i)
		}
	}
}
