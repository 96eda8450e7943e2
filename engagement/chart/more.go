package chart

import (
	"fmt"
	"image/color"
	"math"
	"sort"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"example.com/engagement/engagement/metrics"
)

// grid is a row-major heat map grid.
type grid struct {
	cols, rows int
	z          []float64
}

func (g grid) Dims() (int, int)   { return g.cols, g.rows }
func (g grid) Z(c, r int) float64 { return g.z[r*g.cols+c] }
func (g grid) X(c int) float64    { return float64(c + 1) }
func (g grid) Y(r int) float64    { return float64(r) }

// CohortHeatmap draws, per segment, the share active in each 30-day window
// after the event: metric is "active" (1+ edit, active_m{k}) or
// "active_editor" (5+ content edits, active_editor_m{k}). Windows not yet
// observable are blank; each cell prints its percentage.
func CohortHeatmap(rows []metrics.Row, metric string, months int) (*plot.Plot, error) {
	name := metrics.ActiveMetric
	title := "Share of each segment editing, month by month after the event"
	if metric == "active_editor" {
		name = metrics.ActiveEditorMetric
		title = "Share of each segment with 5+ content edits, month by month"
	}
	if months <= 0 || months > metrics.ActiveMonths {
		months = 12
	}
	segs := []metrics.Segment{metrics.SegmentNew, metrics.SegmentExperienced, metrics.SegmentAll}
	g := grid{cols: months, rows: len(segs), z: make([]float64, months*len(segs))}
	for i := range g.z {
		g.z[i] = math.NaN()
	}
	found := false
	for _, r := range rows {
		for si, seg := range segs {
			for k := 1; k <= months; k++ {
				if r.Metric == name(k) && r.Segment == seg && !r.Empty {
					g.z[si*months+k-1] = r.Value
					found = true
				}
			}
		}
	}
	if !found {
		return nil, noData("cohort heat map", "no month after the event is observable yet")
	}
	pal := moreland.SmoothBlueRed()
	pal.SetMin(0)
	pal.SetMax(1)
	hm := plotter.NewHeatMap(g, pal.Palette(64))
	hm.Min, hm.Max, hm.NaN = 0, 1, color.White
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = "30-day window after the event"
	p.Add(hm)
	var xy plotter.XYLabels
	for si := range segs {
		for k := 0; k < months; k++ {
			v := g.z[si*months+k]
			label := "–"
			if !math.IsNaN(v) {
				label = strconv.Itoa(int(math.Round(100*v))) + "%"
			}
			xy.XYs = append(xy.XYs, plotter.XY{X: float64(k + 1), Y: float64(si)})
			xy.Labels = append(xy.Labels, label)
		}
	}
	labels, err := plotter.NewLabels(xy)
	if err != nil {
		return nil, err
	}
	for i := range labels.TextStyle {
		labels.TextStyle[i].XAlign, labels.TextStyle[i].YAlign = draw.XCenter, draw.YCenter
		labels.TextStyle[i].Font.Size = vg.Points(9)
	}
	p.Add(labels)
	var yt, xt []plot.Tick
	for si, s := range segs {
		yt = append(yt, plot.Tick{Value: float64(si), Label: string(s)})
	}
	for k := 1; k <= months; k++ {
		xt = append(xt, plot.Tick{Value: float64(k), Label: strconv.Itoa(k)})
	}
	p.Y.Tick.Marker, p.X.Tick.Marker = plot.ConstantTicks(yt), plot.ConstantTicks(xt)
	p.Y.Scale = plot.InvertedScale{Normalizer: plot.LinearScale{}}
	return p, nil
}

// NamespacesStacked draws the included participants' edits in a period,
// per wiki, stacked by namespace. name gives a namespace's label.
func NamespacesStacked(counts []metrics.WikiNamespaceCount, period metrics.Period, name func(wiki string, ns int) string) (*plot.Plot, error) {
	type key struct {
		wiki string
		ns   int
	}
	edits := map[key]int{}
	wikiSet, nsTotal := map[string]bool{}, map[string]int{}
	for _, c := range counts {
		if c.Period != period || c.Edits == 0 {
			continue
		}
		edits[key{c.Wiki, c.NS}] += c.Edits
		wikiSet[c.Wiki] = true
		nsTotal[name(c.Wiki, c.NS)] += c.Edits
	}
	if len(edits) == 0 {
		return nil, noData("edits by namespace", fmt.Sprintf("no edits %s the event", period))
	}
	var wikis []string
	for w := range wikiSet {
		wikis = append(wikis, w)
	}
	sort.Strings(wikis)
	var layers []string
	for n := range nsTotal {
		layers = append(layers, n)
	}
	sort.Slice(layers, func(i, j int) bool { return nsTotal[layers[i]] > nsTotal[layers[j]] })
	if len(layers) > 6 { // keep the legend readable
		layers = append(layers[:5], "other")
	}
	layerOf := func(w string, ns int) string {
		n := name(w, ns)
		for _, l := range layers {
			if l == n {
				return n
			}
		}
		return "other"
	}
	p := newPlot(fmt.Sprintf("Edits %s the event by wiki and namespace", period), "", "edits")
	palette := []color.Color{Blue, Orange, Green, Purple, SkyBlue, Grey}
	var prev *plotter.BarChart
	for li, l := range layers {
		vals := make(plotter.Values, len(wikis))
		for k, n := range edits {
			if layerOf(k.wiki, k.ns) == l {
				for i, w := range wikis {
					if w == k.wiki {
						vals[i] += float64(n)
					}
				}
			}
		}
		b, err := plotter.NewBarChart(vals, vg.Points(60))
		if err != nil {
			return nil, err
		}
		b.Color, b.LineStyle.Width = palette[li%len(palette)], 0
		if prev != nil {
			b.StackOn(prev)
		}
		p.Add(b)
		p.Legend.Add(l, b)
		prev = b
	}
	p.NominalX(wikis...)
	p.Legend.Left = false
	p.X.Min, p.X.Max = -0.6, float64(len(wikis))-0.4
	p.Y.Min = 0
	return p, nil
}

// PagesAndBytes draws, per wiki, the bytes added in content namespaces
// during and after the event, each bar labelled with the pages created.
func PagesAndBytes(counts []metrics.WikiNamespaceCount, content func(wiki string, ns int) bool) (*plot.Plot, error) {
	type agg struct{ bytes, pages int }
	per := map[string]map[metrics.Period]*agg{}
	for _, c := range counts {
		if c.Period == metrics.Before || !content(c.Wiki, c.NS) {
			continue
		}
		if per[c.Wiki] == nil {
			per[c.Wiki] = map[metrics.Period]*agg{metrics.During: {}, metrics.After: {}}
		}
		a := per[c.Wiki][c.Period]
		a.bytes += c.BytesAdded
		a.pages += c.PagesCreated
	}
	if len(per) == 0 {
		return nil, noData("pages and bytes", "no content edits during or after the event")
	}
	var wikis []string
	for w := range per {
		wikis = append(wikis, w)
	}
	sort.Strings(wikis)
	p := newPlot("Content added during and after the event (labels: pages created)", "", "kilobytes added to content pages")
	w := vg.Points(40)
	for i, period := range []metrics.Period{metrics.During, metrics.After} {
		vals := make(plotter.Values, len(wikis))
		var xy plotter.XYLabels
		for k, wk := range wikis {
			a := per[wk][period]
			vals[k] = float64(a.bytes) / 1000
			xy.XYs = append(xy.XYs, plotter.XY{X: float64(k) + (float64(i)-0.5)*0.3, Y: vals[k]})
			xy.Labels = append(xy.Labels, fmt.Sprintf("%d pages", a.pages))
		}
		b, err := plotter.NewBarChart(vals, w)
		if err != nil {
			return nil, err
		}
		b.Offset = vg.Length(2*i-1) * w / 2
		b.Color, b.LineStyle.Width = []color.Color{Orange, Blue}[i], 0
		p.Add(b)
		p.Legend.Add(string(period)+" the event", b)
		if l, err := plotter.NewLabels(xy); err == nil {
			for j := range l.TextStyle {
				l.TextStyle[j].XAlign, l.TextStyle[j].YAlign = draw.XCenter, draw.YBottom
				l.TextStyle[j].Font.Size = vg.Points(9)
			}
			p.Add(l)
		}
	}
	p.NominalX(wikis...)
	p.X.Min, p.X.Max = -0.6, float64(len(wikis))-0.4
	p.Y.Min = 0
	top := 0.0
	for _, m := range per {
		for _, a := range m {
			top = math.Max(top, float64(a.bytes)/1000)
		}
	}
	p.Y.Max = math.Max(top*1.12, 1)
	p.Legend.Left = false
	return p, nil
}
