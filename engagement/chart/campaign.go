package chart

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"
	"unicode"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
)

// windowColor is the colour of the i-th retention window in the campaign
// chart (7, 30, 90 days by default): Okabe–Ito, apart from the segment
// colours.
func windowColor(i int) color.Color {
	pal := [...]color.Color{Vermilion, SkyBlue, Purple, Yellow, Grey}
	return pal[i%len(pal)]
}

// EventRowHeight is the room each event gets in EventRetention; see
// EventRetentionHeight.
const EventRowHeight = 40

// legendRows is the band above the first event that holds the legend, in
// rows.
const legendRows = 2

// EventRetentionHeight returns the height (at 96 dpi) that gives each of n
// events of EventRetention room for its name and its intervals.
func EventRetentionHeight(n int) vg.Length {
	return Pixels(max(320, 130+EventRowHeight*(n+legendRows)))
}

// EventRetention draws the events of a campaign side by side, one row each,
// in the order given (top to bottom): the share of each event's new
// editors still editing 7, 30, 90 days after its end (the windows of
// events[i].Retention) as points with their 95% Wilson intervals as
// lines. names label the rows (long names are wrapped and shortened) and
// are followed by the number of new editors; an event without new editors,
// or with none of its windows observable yet, says so on its row. Use
// EventRetentionHeight for the figure's height. Language writes its words
// in the reader's language; names are shown as they are.
func EventRetention(names []string, events []metrics.EventComparison, opts ...Option) (p *plot.Plot, err error) {
	const name = "events side by side"
	defer recoverInto(&err, name)
	if len(names) != len(events) {
		return nil, fmt.Errorf("chart: %s: %d names for %d events", name, len(names), len(events))
	}
	if len(events) == 0 {
		return nil, noData(name, "no-events")
	}
	l := newOptions(opts).tr()
	p = newPlot(l.T("engagement-chart-campaign-title"), l.T("engagement-chart-campaign-x"), "")
	n := len(events)
	labels := make([]string, n)
	dots := &intervalDots{}
	var notes plotter.XYLabels
	var windows []string
	for i, e := range events {
		y := float64(n - 1 - i) // the first event on top
		labels[n-1-i] = eventLabel(l, names[i], e.NewEditors)
		shown := 0
		for j, r := range e.Retention {
			if j >= len(windows) {
				d, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(r.Metric, "retention_"), "d"))
				windows = append(windows, l.Count("engagement-chart-campaign-days", d))
			}
			if r.Empty || math.IsNaN(r.Value) {
				continue
			}
			dy := (float64(len(e.Retention)-1)/2 - float64(j)) * 0.22 // the first window on top
			dots.add(y+dy, 100*r.Value, 100*r.CILow, 100*r.CIHigh, windowColor(j))
			shown++
		}
		if shown == 0 {
			notes.XYs = append(notes.XYs, plotter.XY{X: 1, Y: y})
			notes.Labels = append(notes.Labels, emptyReason(l, e))
		}
	}
	p.Add(dots)
	if len(notes.XYs) > 0 {
		if err := addGreyNotes(p, notes); err != nil {
			return nil, err
		}
	}
	windowLegend(p, l, windows)
	p.Add(reserve{width: vg.Points(14)}) // room for the last tick label, "100%"
	p.NominalY(labels...)
	p.Y.Tick.Label.Font = sans(10, false)
	// A band above the first event holds the legend, so that it never
	// covers a point and the data keep the figure's whole width.
	p.Y.Min, p.Y.Max = -0.6, float64(n)-0.4+legendRows
	p.X.Min, p.X.Max = 0, 100
	p.X.Tick.Marker = percentTicks{l}
	return p, nil
}

// addGreyNotes writes, in grey, why an event's row has no point.
func addGreyNotes(p *plot.Plot, notes plotter.XYLabels) error {
	l, err := newLabels(notes.XYs, notes.Labels, 10, text.XLeft, text.YCenter)
	if err != nil {
		return err
	}
	for i := range l.TextStyle {
		l.TextStyle[i].Color = Grey
	}
	p.Add(l)
	return nil
}

// windowLegend names each retention window's colour and the interval's
// whiskers, top right.
func windowLegend(p *plot.Plot, l *i18n.Localizer, windows []string) {
	for j, w := range windows {
		p.Legend.Add(w, dotThumb{windowColor(j)})
	}
	p.Legend.Add(l.T("engagement-chart-interval"), whiskerThumb{})
	p.Legend.Top, p.Legend.Left = true, false
	p.Legend.XOffs = -vg.Points(6)
}

// eventLabel is a row's label: the name in at most two lines of about 34
// characters (a longer one keeps its beginning and its end, which tell
// events of a series apart), then the number of new editors.
func eventLabel(l *i18n.Localizer, name string, newEditors int) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) && r != '\u00a0' }) // a no-break space holds a date together
	r := []rune(keepDates(strings.Join(words, " ")))
	if len(r) > 64 {
		r = append(append(r[:36:36], []rune(" … ")...), r[len(r)-25:]...)
	}
	lines := strings.Split(wrapLabel(string(r), 34), "\n")
	if len(lines) > 2 {
		lines = []string{lines[0], strings.Join(lines[1:], " ")}
	}
	for i, l := range lines {
		if lr := []rune(l); len(lr) > 42 {
			lines[i] = string(lr[:20]) + "…" + string(lr[len(lr)-20:])
		}
	}
	return strings.Join(lines, "\n") + " · " + l.Count("engagement-chart-campaign-new", newEditors)
}

// emptyReason says why a row shows no point.
func emptyReason(l *i18n.Localizer, e metrics.EventComparison) string {
	if e.NewEditors == 0 {
		return l.T("engagement-note-no-new-editors")
	}
	for _, r := range e.Retention {
		switch r.Note {
		case "":
			continue
		case metrics.NoteNotObservable:
			return l.T("engagement-note-not-observable")
		case metrics.NoteEmptySegment:
			return l.T("engagement-note-empty-segment")
		}
		return r.Note
	}
	return l.T("engagement-chart-why-nothing")
}

// intervalDots draws points with horizontal interval lines.
type intervalDots struct {
	y, x, lo, hi []float64
	cols         []color.Color
}

func (d *intervalDots) add(y, x, lo, hi float64, c color.Color) {
	d.y, d.x, d.lo, d.hi, d.cols = append(d.y, y), append(d.x, x), append(d.lo, lo), append(d.hi, hi), append(d.cols, c)
}

// DataRange implements plot.DataRanger.
func (d *intervalDots) DataRange() (xmin, xmax, ymin, ymax float64) { return 0, 100, 0, 0 }

// Plot implements plot.Plotter.
func (d *intervalDots) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for i := range d.x {
		y := trY(d.y[i])
		ls := draw.LineStyle{Color: d.cols[i], Width: vg.Points(2)}
		x0, x1 := trX(clamp100(d.lo[i])), trX(clamp100(d.hi[i]))
		c.StrokeLine2(ls, x0, y, x1, y)
		for _, x := range []vg.Length{x0, x1} {
			c.StrokeLine2(ls, x, y-vg.Points(3), x, y+vg.Points(3))
		}
		c.DrawGlyph(draw.GlyphStyle{Color: d.cols[i], Radius: vg.Points(4), Shape: draw.CircleGlyph{}}, vg.Point{X: trX(clamp100(d.x[i])), Y: y})
	}
}

func clamp100(v float64) float64 {
	if math.IsNaN(v) {
		return 0
	}
	return math.Max(0, math.Min(100, v))
}

// dotThumb is a legend entry: a point.
type dotThumb struct{ c color.Color }

// Thumbnail implements plot.Thumbnailer.
func (t dotThumb) Thumbnail(c *draw.Canvas) {
	mid := vg.Point{X: (c.Min.X + c.Max.X) / 2, Y: (c.Min.Y + c.Max.Y) / 2}
	c.DrawGlyph(draw.GlyphStyle{Color: t.c, Radius: vg.Points(4), Shape: draw.CircleGlyph{}}, mid)
}

// whiskerThumb is a legend entry: an interval line with its end marks.
type whiskerThumb struct{}

// Thumbnail implements plot.Thumbnailer.
func (whiskerThumb) Thumbnail(c *draw.Canvas) {
	y := (c.Min.Y + c.Max.Y) / 2
	ls := draw.LineStyle{Color: Grey, Width: vg.Points(2)}
	c.StrokeLine2(ls, c.Min.X, y, c.Max.X, y)
	for _, x := range []vg.Length{c.Min.X, c.Max.X} {
		c.StrokeLine2(ls, x, y-vg.Points(3), x, y+vg.Points(3))
	}
}
