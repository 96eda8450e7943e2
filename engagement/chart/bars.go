package chart

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// bars draws one bar per value, each with its own colour, centre and base.
// Unlike plotter.BarChart, a bar's width is a share of the distance between
// categories (so bars never overlap or spill past the axis at any figure
// size) capped at maxWidth; with stems set, each value is drawn as a thin
// stem ending in a point, for events too small for bars to be honest.
type bars struct {
	x, base, vals []float64
	cols          []color.Color
	width         float64 // in data units
	stems         bool
	pattern       bool // draw diagonal lines over the fill (a part of a bar)
}

// maxBarWidth is the widest a bar is ever drawn.
const maxBarWidth = 56

func (b *bars) add(x, base, v float64, c color.Color) {
	b.x, b.base, b.vals, b.cols = append(b.x, x), append(b.base, base), append(b.vals, v), append(b.cols, c)
}

func (b *bars) top() float64 {
	t := 0.0
	for _, v := range b.vals {
		if !math.IsNaN(v) {
			t = math.Max(t, v)
		}
	}
	return t
}

// DataRange implements plot.DataRanger.
func (b *bars) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax, ymin, ymax = math.Inf(1), math.Inf(-1), 0, 0
	for i, x := range b.x {
		xmin, xmax = math.Min(xmin, x-b.width/2), math.Max(xmax, x+b.width/2)
		if v := b.vals[i]; !math.IsNaN(v) {
			ymin, ymax = math.Min(ymin, math.Min(v, b.base[i])), math.Max(ymax, v)
		}
	}
	if len(b.x) == 0 {
		xmin, xmax = 0, 1
	}
	return xmin, xmax, ymin, ymax
}

// Plot implements plot.Plotter.
func (b *bars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for i, x := range b.x {
		v := b.vals[i]
		if math.IsNaN(v) || v == b.base[i] {
			continue
		}
		x0, x1 := trX(x-b.width/2), trX(x+b.width/2)
		if w := x1 - x0; w > vg.Points(maxBarWidth) {
			mid := (x0 + x1) / 2
			x0, x1 = mid-vg.Points(maxBarWidth)/2, mid+vg.Points(maxBarWidth)/2
		}
		y0, y1 := trY(b.base[i]), trY(v)
		if b.stems {
			mid := trX(x)
			c.StrokeLine2(draw.LineStyle{Color: b.cols[i], Width: vg.Points(1.5)}, mid, y0, mid, y1)
			c.DrawGlyph(draw.GlyphStyle{Color: b.cols[i], Radius: vg.Points(4.5), Shape: draw.CircleGlyph{}}, vg.Point{X: mid, Y: y1})
			continue
		}
		if x1-x0 > 3 {
			x1 -= vg.Points(0.5) // a hairline gap between neighbours
		}
		r := vg.Rectangle{Min: vg.Point{X: x0, Y: math32(y0, y1, false)}, Max: vg.Point{X: x1, Y: math32(y0, y1, true)}}
		c.SetColor(b.cols[i])
		c.Fill(r.Path())
		if b.pattern {
			ls := draw.LineStyle{Color: color.White, Width: vg.Points(1)}
			for off := vg.Length(0); off < (r.Max.X-r.Min.X)+(r.Max.Y-r.Min.Y); off += vg.Points(6) {
				// A diagonal from the bottom edge up to the right, clipped.
				xa, ya := r.Min.X+off, r.Min.Y
				xb, yb := r.Min.X, r.Min.Y+off
				if xa > r.Max.X {
					ya += xa - r.Max.X
					xa = r.Max.X
				}
				if yb > r.Max.Y {
					xb += yb - r.Max.Y
					yb = r.Max.Y
				}
				if ya <= r.Max.Y && xb <= r.Max.X {
					c.StrokeLine2(ls, xa, ya, xb, yb)
				}
			}
		}
	}
}

// math32 returns the lower (or, with upper, the higher) of two lengths.
func math32(a, b vg.Length, upper bool) vg.Length {
	if (a < b) != upper {
		return a
	}
	return b
}
