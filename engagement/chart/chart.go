// Package chart draws the engagement charts with gonum/plot. Each function
// takes the data first, applies sensible defaults (titles that say what is
// shown, axis labels with units, whole-number ticks for counts, the embedded
// Liberation Sans font, colour-blind-safe palettes, legends outside the data)
// and returns a *plot.Plot the caller can still tune before rendering it
// with Render or a Figure (PNG and SVG).
//
// Bar, Line, Hist and Heatmap draw any gota DataFrame the same way,
// seaborn-style: the frame first, columns by name, options such as Hue,
// Title and Labels; the standard charts are built on the same pieces.
//
// Empty or all-NaN data is an error naming the chart, never a blank image;
// a failure inside gonum/plot is an error too, never a panic.
package chart

import (
	"fmt"
	"image/color"
	"math"
	"slices"
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
	"gonum.org/v1/plot/vg/draw"

	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
)

// ParticipantsBySegment draws how many participants are new, experienced
// (the long-term ones marked inside the bar) and left out, by reason.
func ParticipantsBySegment(ps []metrics.ParticipantSummary, opts ...Option) (p *plot.Plot, err error) {
	l := newOptions(opts).tr()
	const name = "participants by segment"
	defer recoverInto(&err, name)
	if len(ps) == 0 {
		return nil, noData(name, "no-participants")
	}
	counts, labels, longTerm := segmentCounts(ps)
	p = newPlot(l.T("engagement-chart-participants-title"), "", l.T("engagement-chart-participants-y"))
	b := &bars{width: 0.6}
	for i, l := range labels {
		c := Grey
		switch l {
		case string(metrics.SegmentNew):
			c = Orange
		case string(metrics.SegmentExperienced):
			c = Blue
		}
		b.add(float64(i), 0, float64(counts[l]), c)
	}
	p.Add(b)
	if longTerm > 0 {
		lt := &bars{width: 0.6, pattern: true}
		lt.add(1, 0, float64(longTerm), SkyBlue)
		p.Add(lt)
		p.Legend.Add(l.T("engagement-chart-long-term-legend", l.Int(longTerm)), swatch{fill: SkyBlue})
		legendOutside(p)
	}
	if err := addValueLabels(p, b, vg.Points(2)); err != nil {
		return nil, err
	}
	shown := make([]string, len(labels))
	for i, k := range labels {
		if reason, ok := strings.CutPrefix(k, leftOutPrefix); ok {
			shown[i] = l.T("engagement-chart-left-out-bar", exclusionWord(l, metrics.Exclusion(reason)))
		} else {
			shown[i] = segmentWord(l, metrics.Segment(k))
		}
	}
	nominalX(p, shown)
	p.Y.Min, p.Y.Max = 0, headroom(b.top())
	return p, nil
}

// segmentCounts counts the participants per bar: new, experienced, then
// one bar per reason for leaving people out (leftOutPrefix and the
// reason), sorted; and how many of the experienced are long-term.
func segmentCounts(ps []metrics.ParticipantSummary) (counts map[string]int, labels []string, longTerm int) {
	counts = map[string]int{}
	for _, p := range ps {
		switch p.Segment {
		case metrics.SegmentExcluded:
			counts[leftOutPrefix+string(p.Excluded)]++
		default:
			counts[string(p.Segment)]++
			if p.LongTerm {
				longTerm++
			}
		}
	}
	labels = []string{string(metrics.SegmentNew), string(metrics.SegmentExperienced)}
	var ex []string
	for k := range counts {
		if strings.HasPrefix(k, leftOutPrefix) {
			ex = append(ex, k)
		}
	}
	sort.Strings(ex)
	return counts, append(labels, ex...), longTerm
}

// headroom is the top of a Y axis whose tallest bar is top, leaving room
// for the value printed above it.
func headroom(top float64) float64 {
	if top <= 0 {
		return 1
	}
	return top * 1.15
}

// addValueLabels prints each bar's value above it.
func addValueLabels(p *plot.Plot, b *bars, dy vg.Length) error {
	var xys plotter.XYs
	var texts []string
	for i, v := range b.vals {
		xys = append(xys, plotter.XY{X: b.x[i], Y: v})
		texts = append(texts, thousands(int64(math.Round(v))))
	}
	if len(xys) == 0 {
		return nil
	}
	l, err := newLabels(xys, texts, 10, text.XCenter, text.YBottom)
	if err != nil {
		return err
	}
	l.Offset.Y = dy
	p.Add(l)
	return nil
}

// EditsPerParticipant draws each included participant's edits during the
// event, most active first, coloured by segment. Up to twelve participants
// are drawn as points with their counts; more as bars, on a logarithmic Y
// axis when a few participants made most of the edits. Beyond MaxBars
// participants (150 by default) it draws how many participants of each
// segment made 1, 2, 3–4, 5–9 … edits.
func EditsPerParticipant(ps []metrics.ParticipantSummary, opts ...Option) (p *plot.Plot, err error) {
	const name = "edits per participant"
	defer recoverInto(&err, name)
	o := newOptions(opts)
	es := editorsDuring(ps)
	if len(es) == 0 {
		return nil, noData(name, "nobody-edited")
	}
	if len(es) > o.maxBars {
		ns, segs := make([]int, len(es)), make([]metrics.Segment, len(es))
		for i, x := range es {
			ns[i], segs[i] = x.n, x.seg
		}
		return editsDistribution(o.tr(), ns, segs)
	}
	sort.SliceStable(es, func(i, j int) bool { return es[i].n > es[j].n })
	med := float64(es[len(es)/2].n)
	logY := float64(es[0].n)/math.Max(med, 1) > 20
	l := o.tr()
	p = newPlot(l.T("engagement-chart-edits-per-participant-title"), l.T("engagement-chart-edits-per-participant-x"), l.T("engagement-chart-edits-during-axis"))
	base := 0.0
	if logY {
		base = 0.8
	}
	b := &bars{width: 0.8, stems: len(es) <= 12}
	for i, x := range es {
		b.add(float64(i), base, float64(x.n), SegmentColor(x.seg))
	}
	p.Add(b)
	p.Y.Max = b.top() * 1.05
	if b.stems {
		if err := addValueLabels(p, b, vg.Points(7)); err != nil { // above the point
			return nil, err
		}
		p.Y.Max = headroom(b.top())
	}
	if logY {
		p.Y.Max = b.top() * 1.6
	}
	segs := make([]metrics.Segment, len(es))
	for i, x := range es {
		segs[i] = x.seg
	}
	segmentLegend(p, l, segs)
	p.X.Min, p.X.Max = -0.6, float64(len(es))-0.4
	p.Y.Min = 0
	if logY {
		logCountAxis(p, l, base)
	}
	p.X.Tick.Marker = plot.ConstantTicks{}
	return p, nil
}

// logCountAxis puts the edits on a logarithmic axis from base, for a
// participant with many times the median's edits.
func logCountAxis(p *plot.Plot, l *i18n.Localizer, base float64) {
	p.Y.Scale = flooredLog{floor: base}
	p.Y.Tick.Marker = logCountTicks{}
	p.Y.Min = base
	p.Y.Label.Text = l.T("engagement-chart-edits-during-log-axis")
}

// editorCount is one participant's edits during the event and segment.
type editorCount struct {
	n   int
	seg metrics.Segment
}

// editorsDuring lists the counted participants who edited during the
// event.
func editorsDuring(ps []metrics.ParticipantSummary) []editorCount {
	var es []editorCount
	for _, p := range ps {
		if p.Segment != metrics.SegmentExcluded && p.EditsDuring > 0 {
			es = append(es, editorCount{p.EditsDuring, p.Segment})
		}
	}
	return es
}

// segmentLegend adds the new and experienced segments among segs to the
// legend, in that order, and places it outside the plot.
func segmentLegend(p *plot.Plot, l *i18n.Localizer, segs []metrics.Segment) {
	for _, seg := range []metrics.Segment{metrics.SegmentNew, metrics.SegmentExperienced} {
		if slices.Contains(segs, seg) {
			p.Legend.Add(segmentWord(l, seg), swatch{fill: SegmentColor(seg)})
		}
	}
	legendOutside(p)
}

// editBins are the lower bounds of the bins of editsDistribution.
var editBins = [...]int{1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000}

// editsDistribution draws how many participants made how many edits, in
// bins growing roughly tenfold every three, by segment side by side.
func editsDistribution(l *i18n.Localizer, ns []int, segs []metrics.Segment) (*plot.Plot, error) {
	top := 0
	for _, n := range ns {
		top = max(top, n)
	}
	nb := 1
	for nb < len(editBins) && editBins[nb] <= top {
		nb++
	}
	var labels []string
	for i := range nb {
		switch {
		case i == len(editBins)-1:
			labels = append(labels, thousands(int64(editBins[i]))+"+")
		case editBins[i+1]-editBins[i] == 1:
			labels = append(labels, thousands(int64(editBins[i])))
		default:
			labels = append(labels, thousands(int64(editBins[i]))+"–"+thousands(int64(editBins[i+1]-1)))
		}
	}
	bin := func(n int) int {
		k := 0
		for k+1 < nb && editBins[k+1] <= n {
			k++
		}
		return k
	}
	p := newPlot(l.Count("engagement-chart-histogram-title", len(ns)), l.T("engagement-chart-edits-during-axis"), l.T("engagement-chart-participants-y"))
	all := &bars{width: 0.4}
	for si, seg := range []metrics.Segment{metrics.SegmentNew, metrics.SegmentExperienced} {
		counts := make([]float64, nb)
		for i, n := range ns {
			if segs[i] == seg {
				counts[bin(n)]++
			}
		}
		b := &bars{width: 0.4}
		for k, c := range counts {
			b.add(float64(k)+(float64(si)-0.5)*0.4, 0, c, SegmentColor(seg))
			all.add(float64(k)+(float64(si)-0.5)*0.4, 0, c, nil)
		}
		p.Add(b)
		p.Legend.Add(segmentWord(l, seg), swatch{fill: SegmentColor(seg)})
	}
	if err := addValueLabels(p, all, vg.Points(2)); err != nil {
		return nil, err
	}
	legendOutside(p)
	nominalX(p, labels)
	p.Y.Min, p.Y.Max = 0, headroom(all.top())
	return p, nil
}

// MonthlyEdits draws edits per calendar month by segment, with the event
// month shaded and the as-of month, observed only in part, drawn dashed
// with a hollow marker. Give AsOf, the instant observed up to, so that the
// as-of month is drawn only when some of it was observed, and the legend
// says up to when.
func MonthlyEdits(months []metrics.MonthRow, ev metrics.Event, opts ...Option) (*plot.Plot, error) {
	o := newOptions(opts)
	return monthly(months, ev, o, o.tr().T("engagement-chart-monthly-edits-title"), o.tr().T("engagement-chart-edits-axis"), func(m metrics.MonthRow) float64 { return float64(m.Edits) })
}

// MonthlyActive draws participants who edited in each calendar month, the
// as-of month drawn as partial (see MonthlyEdits for AsOf).
func MonthlyActive(months []metrics.MonthRow, ev metrics.Event, opts ...Option) (*plot.Plot, error) {
	o := newOptions(opts)
	return monthly(months, ev, o, o.tr().T("engagement-chart-monthly-active-title"), o.tr().T("engagement-chart-monthly-active-y"), func(m metrics.MonthRow) float64 { return float64(m.EditingParticipants) })
}

func monthly(months []metrics.MonthRow, ev metrics.Event, o options, title, ylabel string, val func(metrics.MonthRow) float64) (p *plot.Plot, err error) {
	defer recoverInto(&err, strings.ToLower(title))
	var month, seg []string
	var v []int
	var partial []bool
	for _, m := range months {
		if m.Segment != metrics.SegmentNew && m.Segment != metrics.SegmentExperienced {
			continue
		}
		if m.Partial && !o.asOf.IsZero() && !o.asOf.After(m.Month) {
			continue // as of its first instant: nothing of the month observed
		}
		month, seg = append(month, m.Month.UTC().Format("2006-01-02")), append(seg, string(m.Segment))
		v, partial = append(v, int(val(m))), append(partial, m.Partial)
	}
	if len(month) == 0 {
		return nil, noData(strings.ToLower(title), "no-months")
	}
	df := dataframe.New(series.New(month, series.String, "month"), series.New(seg, series.String, "segment"),
		series.New(v, series.Int, "value"), series.New(partial, series.Bool, "partial"))
	l := o.tr()
	partialLabel := l.T("engagement-chart-partial-month")
	if !o.asOf.IsZero() {
		partialLabel = l.T("engagement-chart-partial-to", l.T("engagement-chart-day-month", o.asOf.UTC().Day(), l.ShortMonth(o.asOf.UTC().Month())))
	}
	opts := []Option{Hue("segment"), Title(title), Labels(l.T("engagement-chart-month-axis"), ylabel), Partial("partial", partialLabel), Language(o.lang)}
	if !ev.Start.IsZero() {
		s := time.Date(ev.Start.Year(), ev.Start.Month(), 1, 0, 0, 0, 0, time.UTC)
		e := time.Date(ev.End.Year(), ev.End.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0)
		opts = append(opts, Span(s.Format("2006-01-02"), e.Format("2006-01-02"), l.T("engagement-chart-event-month")))
	}
	return Line(df, "month", "value", opts...)
}

// addSeries draws a line with points; when partial is set its last point
// is hollow and the segment leading to it dashed.
func addSeries(p *plot.Plot, xy plotter.XYs, partial bool, c color.Color) error {
	solid := xy
	if partial {
		solid = xy[:len(xy)-1]
	}
	if len(solid) > 0 {
		l, pts, err := plotter.NewLinePoints(solid)
		if err != nil {
			return err
		}
		l.Color, l.Width = c, vg.Points(2)
		pts.Color, pts.Shape, pts.Radius = c, draw.CircleGlyph{}, vg.Points(2.5)
		p.Add(l, pts)
	}
	if !partial {
		return nil
	}
	n := len(xy)
	if n > 1 {
		l, err := plotter.NewLine(xy[n-2:])
		if err != nil {
			return err
		}
		l.Color, l.Width, l.Dashes = c, vg.Points(2), []vg.Length{vg.Points(4), vg.Points(3)}
		p.Add(l)
	}
	pt, err := plotter.NewScatter(xy[n-1:])
	if err != nil {
		return err
	}
	pt.Color, pt.Shape, pt.Radius = c, draw.RingGlyph{}, vg.Points(3.5)
	p.Add(pt)
	return nil
}

// lineThumb is a legend thumbnail: a short line, dashed and ending in a
// ring for the partial month.
type lineThumb struct {
	c              color.Color
	dashed, hollow bool
}

// Thumbnail implements plot.Thumbnailer.
func (t lineThumb) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	ls := draw.LineStyle{Color: t.c, Width: vg.Points(2)}
	if t.dashed {
		ls.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
	}
	end := c.Max.X
	if t.hollow {
		end -= vg.Points(7.5)
	}
	c.StrokeLine2(ls, c.Min.X, y, end, y)
	if t.hollow {
		c.DrawGlyph(draw.GlyphStyle{Color: t.c, Radius: vg.Points(3.5), Shape: draw.RingGlyph{}}, vg.Point{X: c.Max.X - vg.Points(4), Y: y})
	} else {
		c.DrawGlyph(draw.GlyphStyle{Color: t.c, Radius: vg.Points(2.5), Shape: draw.CircleGlyph{}}, c.Center())
	}
}

// monthTicker puts a tick on every month and labels every first, third,
// sixth or twelfth, depending on the span.
type monthTicker struct{ l *i18n.Localizer }

// Ticks implements plot.Ticker.
func (m monthTicker) Ticks(min, max float64) []plot.Tick {
	var ts []plot.Tick
	t := time.Unix(int64(min), 0).UTC()
	t = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	span := (max - min) / (86400 * 30)
	step := 1
	switch {
	case span > 48:
		step = 12
	case span > 18:
		step = 6
	case span > 8:
		step = 3
	}
	for ; float64(t.Unix()) <= max; t = t.AddDate(0, 1, 0) {
		if float64(t.Unix()) < min {
			continue
		}
		label := ""
		if (int(t.Month())-1)%step == 0 {
			label = monthTick(m.l, t)
		}
		ts = append(ts, plot.Tick{Value: float64(t.Unix()), Label: label})
	}
	return ts
}

// retentionDays lists the D of every retention_{D}d metric in rows, in
// increasing order.
func retentionDays(rows []metrics.Row) []int {
	seen := map[int]bool{}
	var days []int
	for _, r := range rows {
		var d int
		if n, _ := fmt.Sscanf(r.Metric, "retention_%dd", &d); n == 1 && r.Metric == metrics.RetentionMetric(d) && d > 0 && !seen[d] {
			seen[d] = true
			days = append(days, d)
		}
	}
	sort.Ints(days)
	return days
}

// RetentionCurve draws retention_{D}d by segment with 95% Wilson bands.
// Values not yet observable are left out.
func RetentionCurve(rows []metrics.Row, opts ...Option) (p *plot.Plot, err error) {
	defer recoverInto(&err, "retention curve")
	l := newOptions(opts).tr()
	return retentionCurve(l, rows, "retention curve", l.T("engagement-chart-retention-title"),
		[]metrics.Segment{metrics.SegmentNew, metrics.SegmentExperienced}, func(s metrics.Segment) string { return segmentWord(l, s) })
}

// retentionCurve draws retention_{D}d of the segments, each labelled by
// label, with 95% Wilson bands.
func retentionCurve(l *i18n.Localizer, rows []metrics.Row, name, title string, segs []metrics.Segment, label func(metrics.Segment) string) (*plot.Plot, error) {
	p := newPlot(title, l.T("engagement-chart-retention-x"), l.T("engagement-chart-retention-y"))
	days := retentionDays(rows)
	found := false
	for _, seg := range segs {
		var line, lo, hi plotter.XYs
		for _, d := range days {
			for _, r := range rows {
				if r.Metric == metrics.RetentionMetric(d) && r.Segment == seg && !r.Empty {
					line = append(line, plotter.XY{X: float64(d), Y: 100 * r.Value})
					lo = append(lo, plotter.XY{X: float64(d), Y: 100 * r.CILow})
					hi = append(hi, plotter.XY{X: float64(d), Y: 100 * r.CIHigh})
				}
			}
		}
		if len(line) == 0 {
			continue
		}
		found = true
		band := append(plotter.XYs{}, lo...)
		for i := len(hi) - 1; i >= 0; i-- {
			band = append(band, hi[i])
		}
		c := color.NRGBAModel.Convert(SegmentColor(seg)).(color.NRGBA)
		c.A = 60
		if poly, err := plotter.NewPolygon(band); err == nil && len(band) > 2 {
			poly.Color, poly.LineStyle.Width = c, 0
			p.Add(poly)
		}
		if err := addSeries(p, line, false, SegmentColor(seg)); err != nil {
			return nil, err
		}
		p.Legend.Add(label(seg), swatch{fill: c}, lineThumb{c: SegmentColor(seg)})
	}
	if !found {
		return nil, noData(name, "no-retention")
	}
	p.Legend.Add(l.T("engagement-chart-band-interval"), swatch{fill: color.NRGBA{120, 120, 120, 60}})
	legendOutside(p)
	p.Y.Min, p.Y.Max = 0, 100
	p.Y.Tick.Marker = percentTicks{l}
	var ticks []plot.Tick
	for _, d := range days {
		ticks = append(ticks, plot.Tick{Value: float64(d), Label: strconv.Itoa(d)})
	}
	p.X.Tick.Marker = plot.ConstantTicks(ticks)
	p.X.Scale = plot.LogScale{}
	p.X.Min, p.X.Max = float64(days[0])*0.7, float64(days[len(days)-1])*1.25
	return p, nil
}

// flooredLog is a logarithmic scale that draws values below floor (a bar's
// base) at the floor instead of failing: plot.LogScale panics on values <= 0.
type flooredLog struct{ floor float64 }

// Normalize implements plot.Normalizer.
func (l flooredLog) Normalize(min, max, x float64) float64 {
	return plot.LogScale{}.Normalize(math.Max(min, l.floor), math.Max(max, l.floor), math.Max(x, l.floor))
}
