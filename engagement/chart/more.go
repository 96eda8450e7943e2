package chart

import (
	"image/color"
	"math"
	"slices"
	"sort"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"example.com/engagement/engagement/metrics"
)

// grid is a row-major heat map grid; column c is drawn at X = c+1, row r
// at Y = r.
type grid struct {
	cols, rows int
	z          []float64
}

// shareCells draws a grid of shares in [0, 1], one ShareColor cell each,
// separated by thin white lines; NaN cells are white.
type shareCells struct{ g grid }

// DataRange implements plot.DataRanger.
func (s shareCells) DataRange() (xmin, xmax, ymin, ymax float64) {
	return 0.5, float64(s.g.cols) + 0.5, -0.5, float64(s.g.rows) - 0.5
}

// Plot implements plot.Plotter.
func (s shareCells) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for r := 0; r < s.g.rows; r++ {
		for k := 0; k < s.g.cols; k++ {
			x0, x1 := trX(float64(k)+0.5), trX(float64(k)+1.5)
			y0, y1 := trY(float64(r)-0.5), trY(float64(r)+0.5)
			rect := vg.Rectangle{Min: vg.Point{X: x0, Y: math32(y0, y1, false)}, Max: vg.Point{X: x1, Y: math32(y0, y1, true)}}
			c.SetColor(ShareColor(s.g.z[r*s.g.cols+k]))
			c.Fill(rect.Path())
			c.StrokeLines(draw.LineStyle{Color: color.White, Width: vg.Points(1.5)}, []vg.Point{rect.Min, {X: rect.Max.X, Y: rect.Min.Y}, rect.Max, {X: rect.Min.X, Y: rect.Max.Y}, rect.Min})
		}
	}
}

// CohortHeatmap draws, per segment, the share active in each 30-day window
// after the event: metric is "active" (1+ edit, active_m{k}) or
// "active_editor" (5+ content edits, active_editor_m{k}). Windows not yet
// observable are blank; each cell prints its percentage.
func CohortHeatmap(rows []metrics.Row, metric string, months int, opts ...Option) (p *plot.Plot, err error) {
	defer recoverInto(&err, "cohort heat map")
	l := newOptions(opts).tr()
	name := metrics.ActiveMetric
	title := l.T("engagement-chart-cohort-title")
	if metric == "active_editor" {
		name = metrics.ActiveEditorMetric
		title = l.T("engagement-chart-cohort-active-editor-title")
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
		return nil, noData("cohort heat map", "no-month-after")
	}
	var xs []string
	for k := 1; k <= months; k++ {
		xs = append(xs, strconv.Itoa(k))
	}
	ys := []string{segmentWord(l, segs[0]), segmentWord(l, segs[1]), segmentWord(l, segs[2])}
	p, err = shareHeatmap(l, title, g, xs, ys, l.T("engagement-chart-heatmap-blank"), "  "+l.T("engagement-chart-heatmap-blank-empty"))
	if err != nil {
		return nil, err
	}
	p.X.Label.Text = l.T("engagement-chart-cohort-x")
	return p, nil
}

// NamespacesStacked draws the included participants' edits in a period,
// per wiki, stacked by namespace. local gives a namespace's name on a
// wiki (from siteinfo); where it gives "" or "ns N", MediaWiki's
// canonical English name is shown (CanonicalNamespace).
func NamespacesStacked(counts []metrics.WikiNamespaceCount, period metrics.Period, local func(wiki string, ns int) string, opts ...Option) (p *plot.Plot, err error) {
	l := newOptions(opts).tr()
	defer recoverInto(&err, "edits by namespace")
	name := func(wiki string, ns int) string { return namespaceName(local, wiki, ns) }
	st := stackNamespaces(counts, period, name)
	if len(st.edits) == 0 {
		return nil, noData("edits by namespace", "no-edits-"+string(period))
	}
	title := l.T("engagement-chart-namespaces-during-title")
	if period == metrics.After {
		title = l.T("engagement-chart-namespaces-after-title")
	}
	p = newPlot(title, "", l.T("engagement-chart-edits-axis"))
	below := make([]float64, len(st.wikis))
	for li, layer := range st.layers {
		b := &bars{width: 0.6}
		for i, w := range st.wikis {
			v := 0.0
			for k, n := range st.edits {
				if k.wiki == w && st.layerOf(name(k.wiki, k.ns)) == layer {
					v += float64(n)
				}
			}
			b.add(float64(i), below[i], below[i]+v, CategoryColor(li))
			below[i] += v
		}
		p.Add(b)
		p.Legend.Add(layer, swatch{fill: CategoryColor(li)})
	}
	totals := &bars{width: 0.6}
	for i, t := range below {
		totals.add(float64(i), 0, t, nil)
	}
	if err := addValueLabels(p, totals, vg.Points(2)); err != nil {
		return nil, err
	}
	legendOutside(p)
	nominalX(p, st.wikis)
	p.Y.Min, p.Y.Max = 0, headroom(totals.top())
	return p, nil
}

// wikiNS names a namespace on a wiki.
type wikiNS struct {
	wiki string
	ns   int
}

// namespaceStack is what NamespacesStacked draws: the edits per wiki and
// namespace in the period, the wikis in order, and the layers (namespace
// names, most edits first, at most six with "other").
type namespaceStack struct {
	edits  map[wikiNS]int
	wikis  []string
	layers []string
}

// stackNamespaces counts the edits of period by wiki and namespace.
func stackNamespaces(counts []metrics.WikiNamespaceCount, period metrics.Period, name func(wiki string, ns int) string) namespaceStack {
	st := namespaceStack{edits: map[wikiNS]int{}}
	wikiSet, nsTotal := map[string]bool{}, map[string]int{}
	for _, c := range counts {
		if c.Period != period || c.Edits == 0 {
			continue
		}
		st.edits[wikiNS{c.Wiki, c.NS}] += c.Edits
		wikiSet[c.Wiki] = true
		nsTotal[name(c.Wiki, c.NS)] += c.Edits
	}
	for w := range wikiSet {
		st.wikis = append(st.wikis, w)
	}
	sort.Strings(st.wikis)
	for n := range nsTotal {
		st.layers = append(st.layers, n)
	}
	sort.Slice(st.layers, func(i, j int) bool { // most edits first; equal totals by name, the same on every run
		a, b := st.layers[i], st.layers[j]
		return nsTotal[a] > nsTotal[b] || nsTotal[a] == nsTotal[b] && a < b
	})
	if len(st.layers) > 6 { // keep the legend readable
		st.layers = append(st.layers[:5], "other")
	}
	return st
}

// layerOf is the layer a namespace's name is drawn in: its own, or "other".
func (st namespaceStack) layerOf(n string) string {
	if slices.Contains(st.layers, n) {
		return n
	}
	return "other"
}

// PagesAndBytes draws, per wiki, the bytes added in content namespaces
// during and after the event, each bar labelled with the pages created.
func PagesAndBytes(counts []metrics.WikiNamespaceCount, content func(wiki string, ns int) bool, opts ...Option) (p *plot.Plot, err error) {
	l := newOptions(opts).tr()
	defer recoverInto(&err, "pages and bytes")
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
		return nil, noData("pages and bytes", "no-content-edits")
	}
	var wikis []string
	for w := range per {
		wikis = append(wikis, w)
	}
	sort.Strings(wikis)
	p = newPlot(l.T("engagement-chart-content-title"), "", l.T("engagement-chart-content-y"))
	p.Y.Tick.Marker = kiloTicks{}
	top := 0.0
	for i, period := range []metrics.Period{metrics.During, metrics.After} {
		b := &bars{width: 0.36}
		var xys plotter.XYs
		var texts []string
		for k, wk := range wikis {
			a := per[wk][period]
			x := float64(k) + (float64(i)-0.5)*0.38
			b.add(x, 0, float64(a.bytes)/1000, CategoryColor(i))
			xys = append(xys, plotter.XY{X: x, Y: float64(a.bytes) / 1000})
			texts = append(texts, l.Count("engagement-created-pages", a.pages))
		}
		p.Add(b)
		top = math.Max(top, b.top())
		p.Legend.Add(l.T("engagement-chart-legend-"+string(period)), swatch{fill: CategoryColor(i)})
		l, err := newLabels(xys, texts, 9, text.XCenter, text.YBottom)
		if err != nil {
			return nil, err
		}
		l.Offset.Y = vg.Points(2)
		p.Add(l)
	}
	legendOutside(p)
	nominalX(p, wikis)
	p.Y.Min, p.Y.Max = 0, headroom(top)
	return p, nil
}

// kiloTicks labels a kilobyte axis: whole numbers with separators, or one
// decimal below 10.
type kiloTicks struct{}

// Ticks implements plot.Ticker.
func (kiloTicks) Ticks(lo, hi float64) []plot.Tick {
	if hi-lo >= 5 {
		return countTicks{}.Ticks(lo, hi)
	}
	step := niceStep((hi - lo) / 5)
	decimals := max(0, int(-math.Floor(math.Log10(step))))
	var ts []plot.Tick
	for i := math.Ceil(lo / step); i*step <= hi+1e-9; i++ {
		ts = append(ts, plot.Tick{Value: i * step, Label: strconv.FormatFloat(i*step, 'f', decimals, 64)})
	}
	return ts
}
