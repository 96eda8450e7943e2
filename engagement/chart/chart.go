// Package chart draws the engagement charts with gonum/plot. Each function
// takes the data first, applies sensible defaults (titles that say what is
// shown, axis labels with units, a colour-blind-safe palette) and returns a
// *plot.Plot the caller can still tune before rendering it with Render.
//
// Empty or all-NaN data is an error naming the chart, never a blank image.
package chart

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"math"
	"sort"
	"strconv"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"example.com/engagement/engagement/metrics"
)

// ErrNoData is wrapped by every error about data a chart cannot show.
var ErrNoData = errors.New("no data to draw")

// The Okabe–Ito palette, safe for colour-blind readers.
var (
	Orange    = color.RGBA{230, 159, 0, 255}
	SkyBlue   = color.RGBA{86, 180, 233, 255}
	Green     = color.RGBA{0, 158, 115, 255}
	Yellow    = color.RGBA{240, 228, 66, 255}
	Blue      = color.RGBA{0, 114, 178, 255}
	Vermilion = color.RGBA{213, 94, 0, 255}
	Purple    = color.RGBA{204, 121, 167, 255}
	Grey      = color.RGBA{120, 120, 120, 255}
)

// SegmentColor is the one colour of each segment, in every chart.
func SegmentColor(s metrics.Segment) color.Color {
	switch s {
	case metrics.SegmentNew:
		return Orange
	case metrics.SegmentExperienced:
		return Blue
	case metrics.SegmentAll:
		return Green
	}
	return Grey
}

func noData(chart, why string) error { return fmt.Errorf("chart: %s: %s: %w", chart, why, ErrNoData) }

func newPlot(title, x, y string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = vg.Points(13)
	p.X.Label.Text = x
	p.Y.Label.Text = y
	p.Legend.Top = true
	p.Add(plotter.NewGrid())
	p.Y.Tick.Marker = intTicks{}
	return p
}

// intTicks labels ticks without needless decimals.
type intTicks struct{}

func (intTicks) Ticks(min, max float64) []plot.Tick {
	ts := plot.DefaultTicks{}.Ticks(min, max)
	for i := range ts {
		if ts[i].Label != "" {
			ts[i].Label = strconv.FormatFloat(ts[i].Value, 'f', -1, 64)
		}
	}
	return ts
}

// Render draws p at w×h in "png" or "svg".
func Render(p *plot.Plot, w, h vg.Length, format string) ([]byte, error) {
	wt, err := p.WriterTo(w, h, format)
	if err != nil {
		return nil, fmt.Errorf("chart: rendering %s: %w", format, err)
	}
	var buf bytes.Buffer
	if _, err := wt.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("chart: rendering %s: %w", format, err)
	}
	return buf.Bytes(), nil
}

// Default size: 800×500 pixels at 96 dpi.
const (
	Width  = 800 * vg.Inch / 96
	Height = 500 * vg.Inch / 96
)

// ParticipantsBySegment draws how many participants are new, experienced
// (long-term apart) and left out, by reason.
func ParticipantsBySegment(ps []metrics.ParticipantSummary) (*plot.Plot, error) {
	if len(ps) == 0 {
		return nil, noData("participants by segment", "no participants")
	}
	counts := map[string]int{}
	for _, p := range ps {
		switch {
		case p.Segment == metrics.SegmentExcluded:
			counts["left out: "+string(p.Excluded)]++
		case p.LongTerm:
			counts["experienced (long-term)"]++
		default:
			counts[string(p.Segment)]++
		}
	}
	labels := []string{"new", "experienced", "experienced (long-term)"}
	var ex []string
	for k := range counts {
		if len(k) > 9 && k[:9] == "left out:" {
			ex = append(ex, k)
		}
	}
	sort.Strings(ex)
	labels = append(labels, ex...)
	cols := []color.Color{Orange, Blue, SkyBlue}
	p := newPlot("Participants by segment", "", "participants")
	vals := make(plotter.Values, len(labels))
	for i, l := range labels {
		vals[i] = float64(counts[l])
	}
	for i := range labels {
		one := make(plotter.Values, len(labels))
		one[i] = vals[i]
		b, err := plotter.NewBarChart(one, vg.Points(38))
		if err != nil {
			return nil, err
		}
		b.LineStyle.Width = 0
		b.Color = Grey
		if i < len(cols) {
			b.Color = cols[i]
		}
		p.Add(b)
	}
	p.NominalX(labels...)
	p.Add(valueLabels(vals, 0)...)
	p.Y.Min = 0
	p.Y.Max = maxOf(vals) * 1.15
	return p, nil
}

func maxOf(v []float64) float64 {
	m := 0.0
	for _, x := range v {
		if !math.IsNaN(x) && x > m {
			m = x
		}
	}
	if m == 0 {
		m = 1
	}
	return m
}

// valueLabels prints each bar's value above it.
func valueLabels(vals plotter.Values, _ float64) []plot.Plotter {
	var xy plotter.XYLabels
	for i, v := range vals {
		xy.XYs = append(xy.XYs, plotter.XY{X: float64(i), Y: v})
		xy.Labels = append(xy.Labels, strconv.Itoa(int(v)))
	}
	l, err := plotter.NewLabels(xy)
	if err != nil {
		return nil
	}
	for i := range l.TextStyle {
		l.TextStyle[i].XAlign = draw.XCenter
		l.TextStyle[i].YAlign = draw.YBottom
	}
	return []plot.Plotter{l}
}

// MaxBars is the most participants EditsPerParticipant draws.
var MaxBars = 150

// EditsPerParticipant draws each included participant's edits during the
// event, sorted, coloured by segment; the Y axis is logarithmic when a few
// participants made most of the edits.
func EditsPerParticipant(ps []metrics.ParticipantSummary) (*plot.Plot, error) {
	type e struct {
		n   int
		seg metrics.Segment
	}
	var es []e
	for _, p := range ps {
		if p.Segment != metrics.SegmentExcluded && p.EditsDuring > 0 {
			es = append(es, e{p.EditsDuring, p.Segment})
		}
	}
	if len(es) == 0 {
		return nil, noData("edits per participant", "nobody edited during the event")
	}
	sort.SliceStable(es, func(i, j int) bool { return es[i].n > es[j].n })
	med := float64(es[len(es)/2].n)
	logY := float64(es[0].n)/math.Max(med, 1) > 20
	title := "Edits per participant during the event"
	if len(es) > MaxBars {
		title = fmt.Sprintf("Edits during the event: the %d most active of %d participants", MaxBars, len(es))
		es = es[:MaxBars]
	}
	p := newPlot(title, "participants, most active first", "edits during the event")
	for _, seg := range []metrics.Segment{metrics.SegmentNew, metrics.SegmentExperienced} {
		vals := make(plotter.Values, len(es))
		for i, x := range es {
			if x.seg == seg {
				vals[i] = float64(x.n)
			}
		}
		b, err := plotter.NewBarChart(vals, vg.Points(math.Max(2, 560/float64(len(es))-2)))
		if err != nil {
			return nil, err
		}
		b.Color, b.LineStyle.Width = SegmentColor(seg), 0
		p.Add(b)
		p.Legend.Add(string(seg), b)
	}
	if logY {
		p.Y.Scale = flooredLog{floor: 0.8}
		p.Y.Tick.Marker = plot.LogTicks{Prec: -1}
		p.Y.Min = 0.8
		p.Y.Label.Text = "edits during the event (log scale)"
	}
	p.X.Tick.Marker = plot.ConstantTicks{}
	return p, nil
}

// MonthlyEdits draws edits per calendar month by segment, with the event
// month shaded.
func MonthlyEdits(months []metrics.MonthRow, ev metrics.Event) (*plot.Plot, error) {
	return monthly(months, ev, "Edits per month around the event", "edits", func(m metrics.MonthRow) float64 { return float64(m.Edits) })
}

// MonthlyActive draws participants who edited in each calendar month.
func MonthlyActive(months []metrics.MonthRow, ev metrics.Event) (*plot.Plot, error) {
	return monthly(months, ev, "Participants editing each month", "participants with 1+ edit", func(m metrics.MonthRow) float64 { return float64(m.EditingParticipants) })
}

func monthly(months []metrics.MonthRow, ev metrics.Event, title, ylabel string, val func(metrics.MonthRow) float64) (*plot.Plot, error) {
	if len(months) == 0 {
		return nil, noData(title, "no months")
	}
	p := newPlot(title, "month", ylabel)
	top := 0.0
	for _, m := range months {
		top = math.Max(top, val(m))
	}
	if top == 0 {
		top = 1
	}
	// Shade the event's month(s), behind the lines.
	s := time.Date(ev.Start.Year(), ev.Start.Month(), 1, 0, 0, 0, 0, time.UTC)
	e := time.Date(ev.End.Year(), ev.End.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0)
	poly, err := plotter.NewPolygon(plotter.XYs{{X: float64(s.Unix()), Y: 0}, {X: float64(e.Unix()), Y: 0}, {X: float64(e.Unix()), Y: top * 1.05}, {X: float64(s.Unix()), Y: top * 1.05}})
	if err == nil {
		poly.Color = color.NRGBA{240, 228, 66, 140}
		poly.LineStyle.Width = 0
		p.Add(poly)
	}
	for _, seg := range []metrics.Segment{metrics.SegmentNew, metrics.SegmentExperienced} {
		var xy plotter.XYs
		for _, m := range months {
			if m.Segment == seg {
				v := val(m)
				xy = append(xy, plotter.XY{X: float64(m.Month.Unix()), Y: v})
				top = math.Max(top, v)
			}
		}
		l, err := plotter.NewLine(xy)
		if err != nil {
			return nil, err
		}
		l.Color, l.Width = SegmentColor(seg), vg.Points(2)
		p.Add(l)
		p.Legend.Add(string(seg), l)
	}
	if poly != nil {
		p.Legend.Add("event month", poly)
	}
	p.X.Tick.Marker = plot.TimeTicks{Format: "Jan\n2006", Ticker: monthTicker{}}
	p.Y.Min = 0
	return p, nil
}

// monthTicker puts ticks on January and July.
type monthTicker struct{}

func (monthTicker) Ticks(min, max float64) []plot.Tick {
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
			label = t.Format("Jan 2006")
		}
		ts = append(ts, plot.Tick{Value: float64(t.Unix()), Label: label})
	}
	return ts
}

// RetentionCurve draws retention_{D}d by segment with 95% Wilson bands.
// Values not yet observable are left out.
func RetentionCurve(rows []metrics.Row) (*plot.Plot, error) {
	p := newPlot("Share of participants still editing after the event", "days after the event", "still editing (%)")
	any := false
	for _, seg := range []metrics.Segment{metrics.SegmentNew, metrics.SegmentExperienced} {
		var line, lo, hi plotter.XYs
		for _, d := range metrics.RetentionDays {
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
		any = true
		band := append(plotter.XYs{}, lo...)
		for i := len(hi) - 1; i >= 0; i-- {
			band = append(band, hi[i])
		}
		if poly, err := plotter.NewPolygon(band); err == nil {
			c := color.NRGBAModel.Convert(SegmentColor(seg)).(color.NRGBA)
			c.A = 60
			poly.Color, poly.LineStyle.Width = c, 0
			p.Add(poly)
		}
		l, pts, err := plotter.NewLinePoints(line)
		if err != nil {
			return nil, err
		}
		l.Color, l.Width = SegmentColor(seg), vg.Points(2)
		pts.Color, pts.Shape = SegmentColor(seg), draw.CircleGlyph{}
		p.Add(l, pts)
		p.Legend.Add(string(seg)+" (band: 95% interval)", l, pts)
	}
	if !any {
		return nil, noData("retention curve", "no observable retention values")
	}
	p.Y.Min, p.Y.Max = 0, 100
	var ticks []plot.Tick
	for _, d := range metrics.RetentionDays {
		ticks = append(ticks, plot.Tick{Value: float64(d), Label: strconv.Itoa(d)})
	}
	p.X.Tick.Marker = plot.ConstantTicks(ticks)
	p.X.Scale = plot.LogScale{}
	p.X.Min, p.X.Max = 5, 450
	p.Legend.Left = false
	return p, nil
}

// flooredLog is a logarithmic scale that draws values below floor (the
// zero-height bars of the other segment, a bar's base) at the floor instead
// of failing: plot.LogScale panics on values <= 0.
type flooredLog struct{ floor float64 }

// Normalize implements plot.Normalizer.
func (l flooredLog) Normalize(min, max, x float64) float64 {
	return plot.LogScale{}.Normalize(math.Max(min, l.floor), math.Max(max, l.floor), math.Max(x, l.floor))
}
