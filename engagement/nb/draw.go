package nb

import (
	"errors"
	"io"
	"os"

	"gonum.org/v1/plot"

	"example.com/engagement/engagement/chart"
)

// Chart is a chart ready to show, or the reason it could not be drawn.
type Chart struct {
	plot *plot.Plot
	err  error
}

// Draw takes what a chart function returns, for one line in a cell:
//
//	nb.Draw(chart.Bar(df, frame.ColUsername, frame.ColBytesAdded)).Show("bytes")
func Draw(p *plot.Plot, err error) Chart { return Chart{p, err} }

// Show shows the chart. A chart with nothing to draw (chart.ErrNoData: an
// event where nobody edited, a filter that kept nothing) is replaced by its
// reason and the cell goes on; any other error ends the cell as Must does.
func (c Chart) Show(name string, opts ...PlotOption) {
	c.show(name, os.Stderr, os.Exit, opts...)
}

func (c Chart) show(name string, w io.Writer, exit exiter, opts ...PlotOption) {
	switch {
	case errors.Is(c.err, chart.ErrNoData):
		ShowMarkdown("Chart left out: " + c.err.Error())
	case c.err != nil:
		must(struct{}{}, c.err, w, exit)
	default:
		must(struct{}{}, ShowPlot(c.plot, name, opts...), w, exit)
	}
}
