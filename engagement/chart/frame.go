package chart

import (
	"fmt"
	"image/color"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"

	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
)

// Hue names a column whose values split the data into groups drawn in
// different colours: dodged bars, one line or one histogram each.
func Hue(column string) Option { return func(o *options) { o.hue = column } }

// Title sets the chart's title (by default it names the columns drawn).
func Title(s string) Option { return func(o *options) { o.title = s } }

// Labels sets the X and Y axis labels (by default the column names).
func Labels(x, y string) Option { return func(o *options) { o.xLabel, o.yLabel = x, y } }

// Partial names a column of true/false marking values observed only in
// part (the month of the as-of date): Line draws a line's last point hollow
// and the segment leading to it dashed when it is partial, and explains it
// in the legend as label.
func Partial(column, label string) Option {
	return func(o *options) { o.partial, o.partialLabel = column, label }
}

// Span shades the stretch of X from from to to behind the data (written as
// the X column's values: numbers or dates), named label in the legend.
func Span(from, to, label string) Option {
	return func(o *options) { o.spanFrom, o.spanTo, o.spanLabel = from, to, label }
}

// AsOf gives MonthlyEdits and MonthlyActive the instant the analysis
// observed up to: the as-of month is drawn only when some of it was
// observed, and the legend says to which day.
func AsOf(t time.Time) Option { return func(o *options) { o.asOf = t } }

// Namespaces names the namespaces of a column "ns" (numbers), as the axis
// of Bar or the hue of any chart: name gives a wiki's local name (from
// siteinfo); without it, or where it gives "", MediaWiki's canonical
// English names (CanonicalNamespace).
func Namespaces(name func(wiki string, ns int) string) Option {
	return func(o *options) { o.nsName = name }
}

// Bins sets the number of bins of Hist (by default about √n, at most 40,
// and whole-number bins for whole-number data).
func Bins(n int) Option { return func(o *options) { o.bins = n } }

// column is a checked column of a frame: its values as text and, when
// numeric, as numbers.
type column struct {
	name   string
	text   []string
	num    []float64
	whole  bool // numeric with whole values only (counts)
	isNum  bool
	series series.Series
	// order lists the values in the order to draw them, when it is not
	// their first appearance (namespaces by number).
	order []string
}

// categories are a column's values in the order to draw them.
func (c column) categories() []string {
	if c.order != nil {
		return c.order
	}
	return distinct(c.text)
}

// nameNamespaces turns a column "ns" of namespace numbers into their
// names, ordered by number (see Namespaces).
func nameNamespaces(df dataframe.DataFrame, c *column, o options) {
	if c.name != "ns" {
		return
	}
	ordered, names, ok := namespaceValues(df, c.text, o)
	if !ok {
		return
	}
	named := make([]string, len(c.text))
	for i, v := range c.text {
		named[i] = names[v]
	}
	c.text = named
	c.order = nil
	for _, v := range ordered {
		c.order = append(c.order, names[v])
	}
	c.order = distinct(c.order)
}

func frameColumn(df dataframe.DataFrame, chart, name string, numeric bool) (column, error) {
	if df.Err != nil {
		return column{}, fmt.Errorf("chart: %s: the frame has an error: %w", chart, df.Err)
	}
	found := false
	for _, n := range df.Names() {
		found = found || n == name
	}
	if !found {
		return column{}, fmt.Errorf("chart: %s: no column %q (the frame has %s)", chart, name, strings.Join(df.Names(), ", "))
	}
	s := df.Col(name)
	c := column{name: name, text: s.Records(), series: s}
	c.isNum = s.Type() == series.Int || s.Type() == series.Float
	if numeric && !c.isNum {
		return column{}, fmt.Errorf("chart: %s: column %q holds %s, not numbers", chart, name, s.Type())
	}
	if c.isNum {
		c.num = s.Float()
		c.whole = true
		for _, v := range c.num {
			if !math.IsNaN(v) && v != math.Trunc(v) {
				c.whole = false
			}
		}
	}
	return c, nil
}

// hueGroups returns the hue column's distinct values in order of first
// appearance (one group "" without a hue) and each row's group.
func hueGroups(df dataframe.DataFrame, chart string, o options) ([]string, []string, error) {
	if o.hue == "" {
		return []string{""}, make([]string, df.Nrow()), nil
	}
	c, err := frameColumn(df, chart, o.hue, false)
	if err != nil {
		return nil, nil, err
	}
	nameNamespaces(df, &c, o)
	return c.categories(), c.text, nil
}

func distinct(vs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range vs {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// groupColors gives each group its colour: the segment colours when the
// groups are segments, the category palette otherwise.
func groupColors(groups []string) []color.Color {
	segs := true
	for _, g := range groups {
		switch metrics.Segment(g) {
		case metrics.SegmentNew, metrics.SegmentExperienced, metrics.SegmentAll:
		default:
			segs = false
		}
	}
	cols := make([]color.Color, len(groups))
	for i, g := range groups {
		cols[i] = CategoryColor(i)
		if segs {
			cols[i] = SegmentColor(metrics.Segment(g))
		}
	}
	return cols
}

func titled(o options, def string) string {
	if o.title != "" {
		return o.title
	}
	return def
}

func axisLabels(p *plot.Plot, o options, x, y string) {
	p.X.Label.Text, p.Y.Label.Text = x, y
	if o.xLabel != "" || o.yLabel != "" {
		p.X.Label.Text, p.Y.Label.Text = o.xLabel, o.yLabel
	}
}

// addHueLegend names the groups in a legend outside the data.
func addHueLegend(p *plot.Plot, o options, groups []string, cols []color.Color) {
	if o.hue == "" {
		return
	}
	for i, g := range groups {
		p.Legend.Add(g, swatch{fill: cols[i]})
	}
	legendOutside(p)
}

// xyHue checks and reads the X column, the numeric Y column and the hue
// groups.
func xyHue(df dataframe.DataFrame, chart, x, y string, o options) (xc, yc column, groups, rowGroup []string, err error) {
	if xc, err = frameColumn(df, chart, x, false); err != nil {
		return
	}
	if yc, err = frameColumn(df, chart, y, true); err != nil {
		return
	}
	groups, rowGroup, err = hueGroups(df, chart, o)
	return
}

// Bar draws column y (numbers) for each value of column x, in the order the
// values first appear; with Hue, the bars of each x stand side by side, one
// colour per hue value. Rows with the same x (and hue) are added up. Bars
// are labelled with their values when there are at most 24; a Y axis of
// whole numbers ticks on whole numbers.
func Bar(df dataframe.DataFrame, x, y string, opts ...Option) (p *plot.Plot, err error) {
	const name = "bar chart"
	defer recoverInto(&err, name)
	o := newOptions(opts)
	xc, yc, groups, rowGroup, err := xyHue(df, name, x, y, o)
	if err != nil {
		return nil, err
	}
	nameNamespaces(df, &xc, o)
	cats := xc.categories()
	if len(cats) == 0 {
		return nil, noData(name, "no-rows")
	}
	sum := map[[2]string]float64{}
	for i, v := range yc.num {
		if !math.IsNaN(v) {
			sum[[2]string{xc.text[i], rowGroup[i]}] += v
		}
	}
	p = newPlot(titled(o, words(y)+" by "+words(x)), words(x), words(y))
	axisLabels(p, o, words(x), words(y))
	if !yc.whole {
		p.Y.Tick.Marker = kiloTicks{}
	}
	cols := groupColors(groups)
	width := 0.8 / float64(len(groups))
	all := &bars{width: width}
	for gi, g := range groups {
		b := &bars{width: width}
		for ci, c := range cats {
			xpos := float64(ci) + (float64(gi)-float64(len(groups)-1)/2)*width
			b.add(xpos, 0, sum[[2]string{c, g}], cols[gi])
			all.add(xpos, 0, sum[[2]string{c, g}], cols[gi])
		}
		p.Add(b)
	}
	if len(all.vals) <= 24 {
		if err := addValueLabels(p, all, vg.Points(2)); err != nil {
			return nil, err
		}
	}
	addHueLegend(p, o, groups, cols)
	nominalX(p, cats)
	lo := 0.0
	for _, v := range all.vals {
		lo = math.Min(lo, v)
	}
	p.Y.Min, p.Y.Max = lo*1.1, headroom(all.top())
	return p, nil
}

// Line draws column y against column x, one line per hue value, sorted by
// x. X may be numeric or dates written "2006-01-02" or "2006-01".
func Line(df dataframe.DataFrame, x, y string, opts ...Option) (p *plot.Plot, err error) {
	const name = "line chart"
	defer recoverInto(&err, name)
	o := newOptions(opts)
	xc, yc, groups, rowGroup, err := xyHue(df, name, x, y, o)
	if err != nil {
		return nil, err
	}
	xs, dates, err := lineX(xc, name)
	if err != nil {
		return nil, err
	}
	partial := make([]bool, len(xs))
	if o.partial != "" {
		if partial, err = boolColumn(df, name, o.partial); err != nil {
			return nil, err
		}
	}
	lines, top, anyPartial := groupLines(groups, rowGroup, xs, yc.num, partial)
	p = newPlot(titled(o, words(y)+" by "+words(x)), words(x), words(y))
	axisLabels(p, o, words(x), words(y))
	if !yc.whole {
		p.Y.Tick.Marker = kiloTicks{}
	}
	top = math.Max(top*1.08, 1)
	if err := addSpan(p, o, xc, top); err != nil {
		return nil, err
	}
	cols := groupColors(groups)
	drawn := 0
	for gi, l := range lines {
		if len(l.xy) == 0 {
			continue
		}
		if err := addSeries(p, l.xy, l.partial, cols[gi]); err != nil {
			return nil, err
		}
		drawn++
	}
	if drawn == 0 {
		return nil, noData(name, "no-pairs", x, y)
	}
	lineLegend(p, o, groups, cols, anyPartial)
	if dates {
		p.X.Tick.Marker = monthTicker{o.tr()}
	}
	p.Y.Min, p.Y.Max = math.Min(p.Y.Min, 0), top
	return p, nil
}

// line is one hue value's points, in order of x, and whether its last
// point is observed only in part.
type line struct {
	xy      plotter.XYs
	partial bool
}

// groupLines gathers, per group, the rows with both x and y, sorted by x;
// top is the largest y, anyPartial whether a line ends in a partial point.
func groupLines(groups, rowGroup []string, xs, ys []float64, partial []bool) (lines []line, top float64, anyPartial bool) {
	for _, g := range groups {
		var idx []int
		for i := range xs {
			if rowGroup[i] == g && !math.IsNaN(xs[i]) && !math.IsNaN(ys[i]) {
				idx = append(idx, i)
			}
		}
		sort.SliceStable(idx, func(a, b int) bool { return xs[idx[a]] < xs[idx[b]] })
		var l line
		for _, i := range idx {
			l.xy = append(l.xy, plotter.XY{X: xs[i], Y: ys[i]})
			top = math.Max(top, ys[i])
		}
		if len(idx) > 0 {
			l.partial = partial[idx[len(idx)-1]]
			anyPartial = anyPartial || l.partial
		}
		lines = append(lines, l)
	}
	return lines, top, anyPartial
}

// lineLegend names the hue values' lines, the shaded span and the
// partial point, outside the plot.
func lineLegend(p *plot.Plot, o options, groups []string, cols []color.Color, anyPartial bool) {
	if o.hue != "" {
		for i, g := range groups {
			p.Legend.Add(g, lineThumb{c: cols[i]})
		}
	}
	if o.spanLabel != "" {
		p.Legend.Add(o.spanLabel, swatch{fill: spanColor})
	}
	if anyPartial {
		p.Legend.Add(o.partialLabel, lineThumb{c: Grey, dashed: true, hollow: true})
	}
	legendOutside(p)
}

// spanColor shades a Span behind the data.
var spanColor = color.NRGBA{240, 228, 66, 110}

// addSpan shades the Span option's stretch of X, from 0 up to top.
func addSpan(p *plot.Plot, o options, xc column, top float64) error {
	if o.spanFrom == "" {
		return nil
	}
	ends, _, err := lineX(column{name: "Span", text: []string{o.spanFrom, o.spanTo}, isNum: false}, "line chart")
	if xc.isNum {
		ends = make([]float64, 2)
		for i, v := range []string{o.spanFrom, o.spanTo} {
			if _, err = fmt.Sscan(v, &ends[i]); err != nil {
				break
			}
		}
	}
	if err != nil {
		return fmt.Errorf("chart: line chart: span %s to %s: %w", o.spanFrom, o.spanTo, err)
	}
	poly, err := plotter.NewPolygon(plotter.XYs{{X: ends[0], Y: 0}, {X: ends[1], Y: 0}, {X: ends[1], Y: top}, {X: ends[0], Y: top}})
	if err != nil {
		return err
	}
	poly.Color, poly.LineStyle.Width = spanColor, 0
	p.Add(poly)
	return nil
}

// boolColumn reads a column of true/false values.
func boolColumn(df dataframe.DataFrame, chart, name string) ([]bool, error) {
	c, err := frameColumn(df, chart, name, false)
	if err != nil {
		return nil, err
	}
	out := make([]bool, len(c.text))
	for i, v := range c.text {
		switch v {
		case "true":
			out[i] = true
		case "false", "":
		default:
			return nil, fmt.Errorf("chart: %s: column %q row %d: %q is not true or false", chart, name, i+1, v)
		}
	}
	return out, nil
}

// lineX reads an X column as numbers or as dates (Unix seconds).
func lineX(c column, chart string) ([]float64, bool, error) {
	if c.isNum {
		return c.num, false, nil
	}
	xs := make([]float64, len(c.text))
	for i, s := range c.text {
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			t, err = time.Parse("2006-01", s)
		}
		if err != nil {
			return nil, false, fmt.Errorf("chart: %s: column %q row %d: %q is neither a number nor a date (2006-01-02 or 2006-01)", chart, c.name, i+1, s)
		}
		xs[i] = float64(t.Unix())
	}
	return xs, true, nil
}

// Hist draws the distribution of column x (numbers): how many rows fall in
// each bin; with Hue, the groups' bars of each bin stand side by side, one
// colour per hue value, never over one another. Titles and axes name the
// column and the rows in words ("Participants by edits during the event"
// for a participants frame, "Distribution of edits" for a frame it does
// not know).
// NaN values are left out and counted in the title.
func Hist(df dataframe.DataFrame, x string, opts ...Option) (p *plot.Plot, err error) {
	const name = "histogram"
	defer recoverInto(&err, name)
	o := newOptions(opts)
	xc, err := frameColumn(df, name, x, true)
	if err != nil {
		return nil, err
	}
	groups, rowGroup, err := hueGroups(df, name, o)
	if err != nil {
		return nil, err
	}
	lo, hi, n, missing := math.Inf(1), math.Inf(-1), 0, 0
	for _, v := range xc.num {
		if math.IsNaN(v) {
			missing++
			continue
		}
		lo, hi, n = math.Min(lo, v), math.Max(hi, v), n+1
	}
	if n == 0 {
		return nil, noData(name, "no-values", strconv.Quote(x))
	}
	start, width, bins := binning(lo, hi, n, xc.whole, o.bins)
	noun := rowNoun(df)
	title := "Distribution of " + words(x)
	if noun != "rows" {
		title = strings.ToUpper(noun[:1]) + noun[1:] + " by " + words(x)
	}
	if missing > 0 {
		title += fmt.Sprintf(" (%s without a value left out)", thousands(int64(missing)))
	}
	p = newPlot(titled(o, title), words(x), noun)
	axisLabels(p, o, words(x), noun)
	cols := groupColors(groups)
	top, sub := 0.0, width/float64(len(groups))
	for gi, g := range groups {
		counts := make([]float64, bins)
		for i, v := range xc.num {
			if !math.IsNaN(v) && rowGroup[i] == g {
				counts[min(int((v-start)/width), bins-1)]++
			}
		}
		b := &bars{width: sub}
		for k, v := range counts {
			b.add(start+float64(k)*width+(float64(gi)+0.5)*sub, 0, v, cols[gi])
		}
		p.Add(b)
		top = math.Max(top, b.top())
	}
	addHueLegend(p, o, groups, cols)
	p.X.Min, p.X.Max = start, start+float64(bins)*width
	p.Y.Min, p.Y.Max = 0, top*1.05
	if xc.whole {
		p.X.Tick.Marker = countTicks{}
	}
	return p, nil
}

// binning chooses bins covering [lo, hi]: want of them, or about √n (at
// most 40); whole-number data gets whole-number bin edges.
func binning(lo, hi float64, n int, whole bool, want int) (start, width float64, bins int) {
	bins = want
	if bins <= 0 {
		bins = min(40, max(1, int(math.Ceil(math.Sqrt(float64(n))))))
	}
	if whole {
		width = math.Max(1, math.Ceil((hi-lo+1)/float64(bins)))
		start = lo - 0.5
		bins = int(math.Ceil((hi - lo + 1) / width))
		return start, width, bins
	}
	if hi == lo {
		return lo - 0.5, 1, 1
	}
	return lo, (hi - lo) / float64(bins), bins
}

// Heatmap draws column z, shares from 0 to 1, on a grid of column x (across)
// by column y (down), both in the order their values first appear: each cell
// coloured on the sequential share palette and labelled with its
// percentage, with a colour key; cells without a row are blank, and two
// rows for one cell are an error.
func Heatmap(df dataframe.DataFrame, x, y, z string, opts ...Option) (p *plot.Plot, err error) {
	const name = "heat map"
	defer recoverInto(&err, name)
	o := newOptions(opts)
	xc, err := frameColumn(df, name, x, false)
	if err != nil {
		return nil, err
	}
	yc, err := frameColumn(df, name, y, false)
	if err != nil {
		return nil, err
	}
	zc, err := frameColumn(df, name, z, true)
	if err != nil {
		return nil, err
	}
	xs, ys := distinct(xc.text), distinct(yc.text)
	if len(xs) == 0 {
		return nil, noData(name, "no-rows")
	}
	g := grid{cols: len(xs), rows: len(ys), z: make([]float64, len(xs)*len(ys))}
	for i := range g.z {
		g.z[i] = math.NaN()
	}
	xi, yi := positions(xs), positions(ys)
	seen := make([]bool, len(g.z))
	for i, v := range zc.num {
		cell := yi[yc.text[i]]*g.cols + xi[xc.text[i]]
		if seen[cell] {
			return nil, fmt.Errorf("chart: %s: row %d: a second row for %s %q and %s %q (one row per cell)", name, i+1, x, xc.text[i], y, yc.text[i])
		}
		seen[cell] = true
		g.z[cell] = v
	}
	p, err = shareHeatmap(o.lang, titled(o, z+" by "+x+" and "+y), g, xs, ys, "– no row")
	if err != nil {
		return nil, err
	}
	axisLabels(p, o, x, "")
	return p, nil
}

func positions(vs []string) map[string]int {
	m := make(map[string]int, len(vs))
	for i, v := range vs {
		m[v] = i
	}
	return m
}

// shareHeatmap draws a grid of shares with the given column and row names.
// noValue explains blank cells in the colour key.
func shareHeatmap(l *i18n.Localizer, title string, g grid, xs, ys []string, noValue ...string) (*plot.Plot, error) {
	l = options{lang: l}.tr()
	p := newPlot(title, "", "")
	p.Add(shareCells{g: g})
	labelSize := 9.0
	if g.cols > 12 {
		labelSize = 7
	}
	var xys plotter.XYs
	var texts []string
	for r := 0; r < g.rows; r++ {
		for k := 0; k < g.cols; k++ {
			v := g.z[r*g.cols+k]
			label := "–"
			if !math.IsNaN(v) {
				label = l.T("engagement-chart-percent-tick", fmt.Sprintf("%.0f", 100*v))
			}
			xys = append(xys, plotter.XY{X: float64(k + 1), Y: float64(r)})
			texts = append(texts, label)
		}
	}
	labels, err := newLabels(xys, texts, labelSize, text.XCenter, text.YCenter)
	if err != nil {
		return nil, err
	}
	for i := range labels.TextStyle {
		labels.TextStyle[i].Color = TextColorOn(ShareColor(g.z[i]))
	}
	p.Add(labels)
	for _, v := range []float64{0, 0.25, 0.5, 0.75, 1} {
		p.Legend.Add(l.T("engagement-chart-percent-tick", fmt.Sprintf("%.0f", 100*v)), swatch{fill: ShareColor(v), outline: v == 0})
	}
	for i, l := range noValue {
		var fill color.Color = color.Transparent
		if i == 0 {
			fill = NotObservable
		}
		p.Legend.Add(l, swatch{fill: fill})
	}
	legendOutside(p)
	var yt, xt []plot.Tick
	for r, s := range ys {
		yt = append(yt, plot.Tick{Value: float64(r), Label: s})
	}
	for k, s := range xs {
		xt = append(xt, plot.Tick{Value: float64(k + 1), Label: s})
	}
	p.Y.Tick.Marker, p.X.Tick.Marker = plot.ConstantTicks(yt), plot.ConstantTicks(xt)
	p.Y.Scale = plot.InvertedScale{Normalizer: plot.LinearScale{}}
	p.X.Min, p.X.Max = 0.5, float64(g.cols)+0.5
	p.Y.Min, p.Y.Max = -0.5, float64(g.rows)-0.5
	return p, nil
}
