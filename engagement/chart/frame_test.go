package chart_test

import (
	"errors"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"example.com/engagement/engagement/chart"
)

// Mistakes in a notebook cell get a message naming the column and what is
// wrong with it.
func TestFrameErrors(t *testing.T) {
	df := editsFrame()
	for _, c := range []struct {
		name string
		err  error
		want string
	}{
		{"missing column", second(chart.Bar(df, "wiki", "edit")), `chart: bar chart: no column "edit" (the frame has wiki, segment, edits)`},
		{"text as numbers", second(chart.Hist(df, "wiki")), `chart: histogram: column "wiki" holds string, not numbers`},
		{"missing hue", second(chart.Line(df, "edits", "edits", chart.Hue("seg"))), `chart: line chart: no column "seg" (the frame has wiki, segment, edits)`},
		{"two rows for a cell", second(chart.Heatmap(df, "segment", "segment", "edits")), `chart: heat map: row 3: a second row for segment "new" and segment "new" (one row per cell)`},
		{"bad date", second(chart.Line(df, "wiki", "edits")), `chart: line chart: column "wiki" row 1: "en.wikipedia.org" is neither a number nor a date (2006-01-02 or 2006-01)`},
	} {
		if c.err == nil || c.err.Error() != c.want {
			t.Errorf("%s: err = %v\nwant %s", c.name, c.err, c.want)
		}
	}
	empty := dataframe.New(series.New([]int{}, series.Int, "edits"))
	if _, err := chart.Hist(empty, "edits"); !errors.Is(err, chart.ErrNoData) {
		t.Errorf("empty frame: err = %v", err)
	}
}

func second[T any](_ T, err error) error { return err }

// Bar adds up rows with the same category and hue, and its Y axis clears
// the tallest bar.
func TestBarSums(t *testing.T) {
	df := dataframe.New(
		series.New([]string{"a", "a", "b"}, series.String, "x"),
		series.New([]int{2, 3, 4}, series.Int, "n"),
	)
	p, err := chart.Bar(df, "x", "n")
	if err != nil {
		t.Fatal(err)
	}
	if p.Y.Max < 5 || p.Y.Max > 6 {
		t.Errorf("Y axis up to %v, want just above 5 (2+3)", p.Y.Max)
	}
}

// A partial last value is drawn hollow and named in the legend; a partial
// column that is not true/false is refused with the row.
func TestLinePartial(t *testing.T) {
	df := dataframe.New(
		series.New([]string{"2025-01", "2025-02", "2025-03"}, series.String, "month"),
		series.New([]int{4, 9, 1}, series.Int, "edits"),
		series.New([]string{"false", "false", "yes"}, series.String, "partial"),
	)
	_, err := chart.Line(df, "month", "edits", chart.Partial("partial", "as-of month (partial)"))
	if want := `chart: line chart: column "partial" row 3: "yes" is not true or false`; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
	df = df.Mutate(series.New([]bool{false, false, true}, series.Bool, "partial"))
	p, err := chart.Line(df, "month", "edits", chart.Partial("partial", "as-of month (partial)"), chart.Span("2025-02-01", "2025-03-01", "event"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Y.Max < 9 || p.Y.Min != 0 {
		t.Errorf("Y axis %v..%v, want 0 to above 9", p.Y.Min, p.Y.Max)
	}
	if _, err := chart.NewFigure("partial", p).PNG(); err != nil {
		t.Fatal(err)
	}
}
