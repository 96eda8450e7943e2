package chart

import (
	"fmt"
	"image/color"
	"math"
	"regexp"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
)

// The Okabe–Ito palette, safe for colour-blind readers. Segments use Orange,
// Blue and Green (see SegmentColor); categories use CategoryColors.
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

// CategoryColor is the i-th colour of the palette for categories (wikis,
// namespaces, periods): Paul Tol's "muted" scheme, safe for colour-blind
// readers and distinct from the segment colours. It repeats after ten.
func CategoryColor(i int) color.Color {
	pal := [...]color.RGBA{
		{51, 34, 136, 255},   // indigo
		{68, 170, 153, 255},  // teal
		{221, 204, 119, 255}, // sand
		{204, 102, 119, 255}, // rose
		{136, 204, 238, 255}, // cyan
		{17, 119, 51, 255},   // green
		{170, 68, 153, 255},  // purple
		{153, 153, 51, 255},  // olive
		{136, 34, 85, 255},   // wine
		{187, 187, 187, 255}, // grey
	}
	if i < 0 {
		i = -i
	}
	return pal[i%len(pal)]
}

// ylGnBu holds the nine stops of ColorBrewer's YlGnBu: sequential, light
// for low values, safe for colour-blind readers and in greyscale print.
var ylGnBu = [...]color.RGBA{
	{255, 255, 217, 255}, {237, 248, 177, 255}, {199, 233, 180, 255}, {127, 205, 187, 255},
	{65, 182, 196, 255}, {29, 145, 192, 255}, {34, 94, 168, 255}, {37, 52, 148, 255},
	{8, 29, 88, 255},
}

// NotObservable is the colour of a heat map cell that cannot be observed
// yet.
var NotObservable = color.RGBA{235, 235, 235, 255}

// ShareColor maps a share in [0, 1] to a sequential, perceptually ordered
// colour (ColorBrewer YlGnBu: light means low). Values outside the range are
// clamped; NaN gives NotObservable.
func ShareColor(v float64) color.RGBA {
	if math.IsNaN(v) {
		return NotObservable
	}
	v = math.Max(0, math.Min(1, v))
	x := v * float64(len(ylGnBu)-1)
	i := int(math.Floor(x))
	if i >= len(ylGnBu)-1 {
		return ylGnBu[len(ylGnBu)-1]
	}
	f := x - float64(i)
	a, b := ylGnBu[i], ylGnBu[i+1]
	mix := func(p, q uint8) uint8 { return uint8(math.Round(float64(p) + f*(float64(q)-float64(p)))) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 255}
}

// TextColorOn returns black or white, whichever contrasts more with bg.
func TextColorOn(bg color.Color) color.Color {
	r, g, b, _ := bg.RGBA()
	lin := func(c uint32) float64 {
		v := float64(c) / 0xffff
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	l := 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
	if l > 0.179 {
		return color.Black
	}
	return color.White
}

// sans returns the embedded Liberation Sans at size points.
func sans(size float64, bold bool) font.Font {
	f := font.Font{Typeface: "Liberation", Variant: "Sans", Size: vg.Points(size)}
	if bold {
		f.Weight = 3 // golang.org/x/image/font.WeightBold
	}
	return f
}

var ink = color.RGBA{40, 40, 40, 255}

// newPlot returns a plot in the package's style: Liberation Sans everywhere,
// a bold title with room beneath it, light grid lines, no axis line ends
// that overlap the data.
func newPlot(title, x, y string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font = sans(13, true)
	p.Title.TextStyle.Color = ink
	p.Title.Padding = vg.Points(10)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = sans(11, false)
		a.Label.TextStyle.Color = ink
		a.Tick.Label.Font = sans(10, false)
		a.Tick.Label.Color = ink
		a.LineStyle.Color = color.RGBA{150, 150, 150, 255}
		a.Tick.LineStyle.Color = color.RGBA{150, 150, 150, 255}
	}
	p.X.Label.Text = x
	p.Y.Label.Text = y
	p.Legend.TextStyle.Font = sans(10, false)
	p.Legend.TextStyle.Color = ink
	p.Legend.Top = true
	p.Legend.Left = false
	p.Legend.Padding = vg.Points(4)
	p.Legend.ThumbnailWidth = vg.Points(18)
	g := plotter.NewGrid()
	g.Vertical.Width = 0
	g.Horizontal.Color = color.RGBA{225, 225, 225, 255}
	p.Add(g)
	p.Y.Tick.Marker = countTicks{}
	return p
}

// labelStyle is the style of text drawn inside the data area.
func labelStyle(size float64, c color.Color, x text.XAlignment, y text.YAlignment) text.Style {
	return text.Style{Font: sans(size, false), Color: c, XAlign: x, YAlign: y, Handler: plot.DefaultTextHandler}
}

// newLabels places texts at points in the package's style.
func newLabels(xys plotter.XYs, texts []string, size float64, x text.XAlignment, y text.YAlignment) (*plotter.Labels, error) {
	l, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: texts})
	if err != nil {
		return nil, err
	}
	for i := range l.TextStyle {
		l.TextStyle[i] = labelStyle(size, ink, x, y)
	}
	return l, nil
}

// legendOutside reserves a band right of the data area as wide as the
// legend and puts the legend there, so that it never covers data. Call it
// after the last Legend.Add. Drawn for a narrow screen (NarrowPNG), the
// band is above the data instead, and the legend at its left.
func legendOutside(p *plot.Plot) {
	w := p.Legend.Rectangle(draw.Canvas{}).Size().X
	if w == 0 {
		return
	}
	p.Legend.Top, p.Legend.Left = true, false
	p.Legend.XOffs = legendInset
	p.Add(reserve{width: w + vg.Points(18), legend: true})
}

// legendInset is the offset of a legend kept beside the data, from the
// right edge of the figure.
const legendInset = -6 * vg.Inch / 72 // 6 points

// legendAbove reports whether a plot drawn for a narrow screen has its
// legend moved above the data: NarrowPNG moves a legend kept beside the
// data to the top left.
func legendAbove(p *plot.Plot) bool { return p.Legend.Left && p.Legend.Top && p.Legend.XOffs == 0 }

// reserve is an invisible plotter whose glyph box pushes the data area's
// right edge left by width; a legend's reserve, when the legend is above
// the data (legendAbove), pushes the top edge down by the legend's height
// instead.
type reserve struct {
	width  vg.Length
	legend bool
}

func (reserve) Plot(draw.Canvas, *plot.Plot) {}

// GlyphBoxes implements plot.GlyphBoxer.
func (r reserve) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	if r.legend && legendAbove(p) {
		h := p.Legend.Rectangle(draw.Canvas{}).Size().Y + vg.Points(8)
		return []plot.GlyphBox{{X: 0, Y: 1, Rectangle: vg.Rectangle{Max: vg.Point{Y: h}}}}
	}
	return []plot.GlyphBox{{X: 1, Y: 0, Rectangle: vg.Rectangle{Max: vg.Point{X: r.width}}}}
}

// swatch is a legend thumbnail: a filled square, optionally outlined.
type swatch struct {
	fill    color.Color
	outline bool
}

// Thumbnail implements plot.Thumbnailer.
func (s swatch) Thumbnail(c *draw.Canvas) {
	r := c.Rectangle
	side := math.Min(float64(r.Size().X), float64(r.Size().Y))
	sq := vg.Rectangle{Min: vg.Point{X: r.Max.X - vg.Length(side), Y: r.Min.Y}, Max: vg.Point{X: r.Max.X, Y: r.Min.Y + vg.Length(side)}}
	c.SetColor(s.fill)
	c.Fill(sq.Path())
	if s.outline {
		c.StrokeLines(draw.LineStyle{Color: Grey, Width: vg.Points(0.5)}, []vg.Point{sq.Min, {X: sq.Max.X, Y: sq.Min.Y}, sq.Max, {X: sq.Min.X, Y: sq.Max.Y}, sq.Min})
	}
}

// countTicks puts ticks on whole numbers only, at most about six of them,
// with thousands separators: the marker for every axis that counts.
type countTicks struct{}

// Ticks implements plot.Ticker.
func (countTicks) Ticks(min, max float64) []plot.Tick {
	if math.IsNaN(min) || math.IsNaN(max) || max <= min {
		return []plot.Tick{{Value: math.Round(min), Label: thousands(int64(math.Round(min)))}}
	}
	step := niceStep((max - min) / 5)
	if step < 1 {
		step = 1
	}
	var ts []plot.Tick
	for v := math.Ceil(min/step) * step; v <= max+1e-9; v += step {
		ts = append(ts, plot.Tick{Value: v, Label: thousands(int64(math.Round(v)))})
	}
	return ts
}

// niceStep returns 1, 2 or 5 times a power of ten, at least x.
func niceStep(x float64) float64 {
	if x <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= x {
			return m * p
		}
	}
	return 10 * p
}

// thousands formats n with comma thousands separators.
func thousands(n int64) string {
	switch {
	case n < 0:
		return "-" + thousands(-n)
	case n < 1000:
		return strconv.FormatInt(n, 10)
	}
	return thousands(n/1000) + "," + fmt.Sprintf("%03d", n%1000)
}

// percentTicks labels a 0–100 axis in steps of 20%.
type percentTicks struct{ l *i18n.Localizer }

// Ticks implements plot.Ticker.
func (t percentTicks) Ticks(min, max float64) []plot.Tick {
	var ts []plot.Tick
	for v := 0.0; v <= 100; v += 20 {
		if v >= min-1e-9 && v <= max+1e-9 {
			ts = append(ts, plot.Tick{Value: v, Label: percentTick(t.l, int(v))})
		}
	}
	return ts
}

// logCountTicks labels powers of ten from 1 up, with minor ticks between.
type logCountTicks struct{}

// Ticks implements plot.Ticker.
func (logCountTicks) Ticks(min, max float64) []plot.Tick {
	var ts []plot.Tick
	for p := 1.0; p <= max*10; p *= 10 {
		for m := 1.0; m < 10; m++ {
			v := m * p
			if v < min || v > max {
				continue
			}
			t := plot.Tick{Value: v}
			if m == 1 {
				t.Label = thousands(int64(v))
			}
			ts = append(ts, t)
		}
	}
	return ts
}

// wrapLabel breaks a category label into lines of about width characters
// at spaces, so that neighbouring labels never overlap; a no-break space
// (as in a date, see keepDates) does not break.
func wrapLabel(s string, width int) string {
	words := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' })
	var lines []string
	cur := ""
	for _, w := range words {
		if cur != "" && len(cur)+1+len(w) > width {
			lines = append(lines, cur)
			cur = w
			continue
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return strings.Join(lines, "\n")
}

// dateInText is a date written "5 Mar 2021", "5 March 2021" or "April
// 2021": a month's English name or abbreviation before a year.
var dateInText = regexp.MustCompile(`\b((?:\d{1,2} )?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?) (\d{4})\b`)

// keepDates joins the parts of each date in s with no-break spaces, so
// that wrapLabel never breaks a line inside a date ("(5⏎Mar 2021)").
func keepDates(s string) string {
	return dateInText.ReplaceAllStringFunc(s, func(d string) string { return strings.ReplaceAll(d, " ", "\u00a0") })
}

// nominalX names the categories on the X axis, wrapping long names and
// rotating them when there are too many to stand side by side.
func nominalX(p *plot.Plot, names []string) {
	wrapped := make([]string, len(names))
	longest := 0
	for i, n := range names {
		wrapped[i] = wrapLabel(n, 14)
		for _, l := range strings.Split(wrapped[i], "\n") {
			longest = max(longest, len(l))
		}
	}
	if len(names)*longest > 90 {
		copy(wrapped, names)
		p.X.Tick.Label.Rotation = math.Pi / 6
		p.X.Tick.Label.XAlign = text.XRight
		p.X.Tick.Label.YAlign = text.YCenter
	}
	p.NominalX(wrapped...)
	p.X.Min, p.X.Max = -0.6, float64(len(names))-0.4
}
