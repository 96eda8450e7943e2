package chart_test

import (
	"bytes"
	"fmt"
	"image"
	_ "image/png"
	"log"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"example.com/engagement/engagement/chart"
)

// editsFrame is a small frame of edits per wiki and segment.
func editsFrame() dataframe.DataFrame {
	return dataframe.New(
		series.New([]string{"en.wikipedia.org", "en.wikipedia.org", "www.wikidata.org", "www.wikidata.org", "commons.wikimedia.org"}, series.String, "wiki"),
		series.New([]string{"new", "experienced", "new", "experienced", "new"}, series.String, "segment"),
		series.New([]int{120, 45, 8, 30, 2}, series.Int, "edits"),
	)
}

// Bar takes the frame first and the columns by name; Hue splits each bar by
// a third column. The result is a *plot.Plot, still editable.
func ExampleBar() {
	p, err := chart.Bar(editsFrame(), "wiki", "edits", chart.Hue("segment"))
	if err != nil {
		log.Fatal(err)
	}
	p.Title.Text = "Edits during the event"
	var ticks []string
	for _, t := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
		ticks = append(ticks, t.Label)
	}
	fmt.Println(strings.Join(ticks, " "))
	png, err := chart.NewFigure("edits_by_wiki", p).PNG()
	fmt.Println(len(png) > 0, err)
	// Output:
	// 0 50 100
	// true <nil>
}

// Line draws one line per hue value; dates written 2006-01 become months.
func ExampleLine() {
	df := dataframe.New(
		series.New([]string{"2025-01", "2025-02", "2025-03", "2025-01", "2025-02", "2025-03"}, series.String, "month"),
		series.New([]string{"new", "new", "new", "experienced", "experienced", "experienced"}, series.String, "segment"),
		series.New([]int{3, 40, 6, 20, 31, 22}, series.Int, "edits"),
	)
	p, err := chart.Line(df, "month", "edits", chart.Hue("segment"), chart.Title("Edits per month"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.Title.Text, p.Y.Min, p.Y.Max >= 40)
	// Output: Edits per month 0 true
}

// Hist counts rows per bin; whole-number data gets whole-number bins.
func ExampleHist() {
	df := dataframe.New(series.New([]int{1, 1, 2, 3, 3, 3, 5, 8, 13, 40}, series.Int, "edits"))
	p, err := chart.Hist(df, "edits", chart.Bins(5))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.Title.Text, p.X.Min, p.X.Max)
	// Output: Distribution of edits 0.5 40.5
}

// Heatmap colours shares from 0 to 1 on a grid of two columns.
func ExampleHeatmap() {
	p, err := chart.Heatmap(shareFrame(), "window", "segment", "active")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.Title.Text)
	// Output: active by window and segment
}

// shareFrame is a small frame of shares per segment and window.
func shareFrame() dataframe.DataFrame {
	return dataframe.New(
		series.New([]string{"new", "new", "new", "experienced", "experienced"}, series.String, "segment"),
		series.New([]string{"month 1", "month 2", "month 3", "month 1", "month 2"}, series.String, "window"),
		series.New([]float64{0.31, 0.08, 0, 0.82, 0.76}, series.Float, "active"),
	)
}

// A Figure renders a chart at a chosen size, as PNG for notebooks and
// reports and as SVG alongside; a failure inside gonum/plot is an error
// naming the figure.
func ExampleFigure() {
	p, err := chart.Bar(editsFrame(), "wiki", "edits")
	if err != nil {
		log.Fatal(err)
	}
	fig := chart.Figure{Name: "edits_by_wiki", Plot: p, Width: chart.Pixels(400), Height: chart.Pixels(250)}
	png, err := fig.PNG()
	if err != nil {
		log.Fatal(err)
	}
	svg, err := fig.SVG()
	if err != nil {
		log.Fatal(err)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(png))
	fmt.Println(cfg.Width, cfg.Height, err, strings.Contains(string(svg), "<svg"))
	// Output: 400 250 <nil> true
}
