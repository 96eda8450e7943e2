package chart

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/i18n"
)

// ErrNoData is wrapped by every error about data a chart cannot show.
var ErrNoData = errors.New("no data to draw")

// A NoDataError says why a chart has nothing to draw. Its Error is in
// English, "chart: retention curve: no observable retention values: no
// data to draw"; Why says the reason in a reader's language.
type NoDataError struct {
	Chart  string    // the chart, in English ("retention curve")
	Reason i18n.Text // why, one of the engagement-chart-nodata-* messages
}

func (e *NoDataError) Error() string {
	return fmt.Sprintf("chart: %s: %s: %s", e.Chart, e.Reason, ErrNoData)
}

// Unwrap returns ErrNoData.
func (e *NoDataError) Unwrap() error { return ErrNoData }

// Why is the reason in l's language (nil: English): "nobody edited
// during the event".
func (e *NoDataError) Why(l *i18n.Localizer) string { return e.Reason.In(l) }

// noData is the NoDataError of chart for the message key and its
// arguments.
func noData(chart, key string, args ...string) error {
	return &NoDataError{Chart: chart, Reason: i18n.Msg("engagement-chart-nodata-"+key, args...)}
}

// Default size: 800×500 pixels at 96 dpi.
const (
	Width  = 800 * vg.Inch / 96
	Height = 500 * vg.Inch / 96
)

// Pixels converts a size in pixels at 96 dpi, the resolution of PNG output,
// to a vg.Length.
func Pixels(n int) vg.Length { return vg.Length(n) * vg.Inch / 96 }

// Figure is a chart ready to be written: a name (used in errors and file
// names), its plot (still editable) and its size.
type Figure struct {
	Name          string
	Plot          *plot.Plot
	Width, Height vg.Length
}

// NewFigure returns a Figure of the default size.
func NewFigure(name string, p *plot.Plot) Figure {
	return Figure{Name: name, Plot: p, Width: Width, Height: Height}
}

// PNG renders the figure as a PNG image of Width×Height at 96 dpi; a figure
// narrower than 640 pixels is laid out at 640 and scaled down, so that its
// labels keep their room.
func (f Figure) PNG() ([]byte, error) { return f.render("png") }

// SVG renders the figure as an SVG image.
func (f Figure) SVG() ([]byte, error) { return f.render("svg") }

// minLayoutWidth is the narrowest a figure is laid out: a smaller PNG is
// drawn at this width and scaled down, so that labels keep their room.
const minLayoutWidth = 640 * vg.Inch / 96

func (f Figure) render(format string) ([]byte, error) {
	var b []byte
	var err error
	if format == "png" && f.Width < minLayoutWidth && f.Width > 0 {
		b, err = renderScaled(f.Plot, f.Width, f.Height)
	} else {
		b, err = Render(f.Plot, f.Width, f.Height, format)
	}
	if err != nil {
		return nil, fmt.Errorf("chart %s: %w", f.Name, err)
	}
	return b, nil
}

// Narrow layout: the width a chart is drawn for on a phone (390 px
// screens leave about 370 CSS pixels to a figure), at NarrowDPI so that
// it stays sharp on their dense screens (1.7 image pixels to a CSS pixel).
const (
	NarrowWidth = 420 * vg.Inch / 96
	NarrowDPI   = 144
)

// MinTextPoints is the size of the smallest text any chart of the package
// draws (the values in heat map cells and over stacked bars; tick labels
// and legends are 10 points): a figure shown w CSS pixels
// wide, laid out W pixels wide at 96 dpi, shows it at
// MinTextPoints·96/72·w/W pixels.
const MinTextPoints = 9

// NarrowHeight is the height of f's narrow rendering: the figure's own
// height, shortened by a sixth when it is at least the default, so that a
// chart on a phone stays about as tall as it is wide.
func (f Figure) NarrowHeight() vg.Length {
	if f.Height >= Height {
		return f.Height * 5 / 6
	}
	return f.Height
}

// NarrowPNG renders the figure for narrow screens: laid out NarrowWidth
// wide (the figure's text keeps its size in points, so that it is about
// twice as large relative to the image as in PNG) at NarrowDPI, with the
// title wrapped to the width. The plot itself is not changed.
func (f Figure) NarrowPNG() (b []byte, err error) {
	if f.Plot == nil {
		return nil, fmt.Errorf("chart %s: rendering png: no plot", f.Name)
	}
	defer recoverInto(&err, "rendering "+f.Name+" for narrow screens")
	p := narrowCopy(f.Plot)
	c := vgimg.NewWith(vgimg.UseWH(NarrowWidth, f.NarrowHeight()), vgimg.UseDPI(NarrowDPI))
	p.Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("chart %s: rendering png for narrow screens: %w", f.Name, err)
	}
	return buf.Bytes(), nil
}

// narrowCopy returns a shallow copy of p laid out for a narrow screen: the
// title and the X axis' label wrapped, row labels rewrapped (narrowRows), a legend kept beside the data moved above it (see
// legendOutside), and category labels that would overlap at NarrowWidth
// set on one slanted line each. p is not changed.
func narrowCopy(orig *plot.Plot) *plot.Plot {
	p := *orig
	p.Title.Text = wrapTitle(p.Title.Text, 44)
	p.X.Label.Text = wrapTitle(p.X.Label.Text, 36) // a label wider than the data area narrows it
	if p.Legend.Top && !p.Legend.Left && p.Legend.XOffs == legendInset {
		p.Legend.Left, p.Legend.XOffs = true, 0
	}
	if yt, ok := p.Y.Tick.Marker.(plot.ConstantTicks); ok {
		p.Y.Tick.Marker = narrowRows(yt)
	}
	ticks, ok := p.X.Tick.Marker.(plot.ConstantTicks)
	if !ok || p.X.Tick.Label.Rotation != 0 || len(ticks) == 0 {
		return &p
	}
	room := (NarrowWidth - vg.Points(60)) / vg.Length(len(ticks))
	var slanted plot.ConstantTicks
	crowded := false
	for _, t := range ticks {
		crowded = crowded || p.X.Tick.Label.Rectangle(t.Label).Size().X > room
		t.Label = strings.ReplaceAll(t.Label, "\n", " ")
		slanted = append(slanted, t)
	}
	if crowded {
		p.X.Tick.Marker = slanted
		p.X.Tick.Label.Rotation = math.Pi / 6
		p.X.Tick.Label.XAlign = text.XRight
		p.X.Tick.Label.YAlign = text.YCenter
	}
	return &p
}

// narrowRowWidth is the most characters of a line of a row's label on a
// narrow screen.
const narrowRowWidth = 28

// narrowRows rewraps row labels (a nominal Y axis) in at most two lines of
// about narrowRowWidth characters; a longer label keeps its first line
// and its end (where the campaign chart's dates and counts are).
func narrowRows(ticks plot.ConstantTicks) plot.ConstantTicks {
	out := make(plot.ConstantTicks, len(ticks))
	for i, t := range ticks {
		lines := strings.Split(wrapLabel(strings.ReplaceAll(t.Label, "\n", " "), narrowRowWidth), "\n")
		if len(lines) > 2 { // the first line, then as many of the last words as fit
			words := strings.Split(strings.Join(lines[1:], " "), " ") // wrapLabel joined them with single spaces
			tail := words[len(words)-1]
			for i := len(words) - 2; i >= 0 && len([]rune(words[i]+" "+tail)) < narrowRowWidth-1; i-- {
				tail = words[i] + " " + tail
			}
			lines = []string{lines[0], "… " + tail}
		}
		t.Label = strings.Join(lines, "\n")
		out[i] = t
	}
	return out
}

// wrapTitle wraps each line of a title at about width characters.
func wrapTitle(s string, width int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = wrapLabel(l, width)
	}
	return strings.Join(lines, "\n")
}

// Save writes <dir>/<name>.png and <dir>/<name>.svg (as dataset.WriteFile:
// atomic, a planted link replaced, the user's umask) and returns their
// paths.
func (f Figure) Save(dir string) ([]string, error) {
	var paths []string
	for _, format := range []string{"png", "svg"} {
		b, err := f.render(format)
		if err != nil {
			return paths, err
		}
		path := filepath.Join(dir, f.Name+"."+format)
		if err := dataset.WriteFileBytes(path, b); err != nil {
			return paths, fmt.Errorf("chart %s: %w", f.Name, err)
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// Render draws p at w×h in "png" or "svg". A panic inside gonum/plot
// becomes an error.
func Render(p *plot.Plot, w, h vg.Length, format string) (b []byte, err error) {
	if p == nil {
		return nil, fmt.Errorf("chart: rendering %s: no plot", format)
	}
	defer recoverInto(&err, "rendering "+format)
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

// renderScaled draws p as a w×h PNG laid out at least minLayoutWidth wide:
// at a lower resolution, so that the image has w×h pixels.
func renderScaled(p *plot.Plot, w, h vg.Length) (b []byte, err error) {
	if p == nil {
		return nil, errors.New("chart: rendering png: no plot")
	}
	defer recoverInto(&err, "rendering png")
	px := int(math.Round(float64(w / vg.Inch * 96)))
	dpi := px * 96 / int(math.Ceil(float64(minLayoutWidth/vg.Inch*96)))
	if dpi < 1 {
		dpi = 1
	}
	scale := vg.Length(96) / vg.Length(dpi)
	c := vgimg.NewWith(vgimg.UseWH(w*scale, h*scale), vgimg.UseDPI(dpi))
	p.Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("chart: rendering png: %w", err)
	}
	return buf.Bytes(), nil
}

// recoverInto turns a panic into an error naming what was being done: the
// last line of defence, so that one chart that cannot be drawn never stops
// a run.
func recoverInto(err *error, doing string) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("chart: %s: unexpected failure: %v", doing, r)
	}
}

// Options tune the standard charts and the frame helpers; the zero value
// gives the defaults.
type Option func(*options)

type options struct {
	maxBars        int
	hue, title     string
	xLabel, yLabel string
	bins           int
	partial        string
	partialLabel   string
	spanFrom       string
	spanTo         string
	spanLabel      string
	asOf           time.Time
	nsName         func(wiki string, ns int) string
	lang           *i18n.Localizer
}

func newOptions(opts []Option) options {
	o := options{maxBars: 150}
	for _, f := range opts {
		f(&o)
	}
	return o
}

// MaxBars sets the most participants EditsPerParticipant draws (150 by
// default); the most active are kept and the title says so.
func MaxBars(n int) Option {
	return func(o *options) {
		if n > 0 {
			o.maxBars = n
		}
	}
}
