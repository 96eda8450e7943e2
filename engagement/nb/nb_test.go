package nb

import (
	"bytes"
	"math"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

func frame() dataframe.DataFrame {
	return dataframe.New(
		series.New([]string{"retention_7d", "edits <during>"}, series.String, "metric"),
		series.New([]float64{0.25, math.NaN()}, series.Float, "value"),
		series.New([]int{36, 690}, series.Int, "n"))
}

func TestTableHTML(t *testing.T) {
	s, err := TableHTML(frame(), &TableOptions{Rows: 1, Percent: []string{"value"}})
	if err != nil {
		t.Fatal(err)
	}
	want := `<table style="border-collapse:collapse;font-size:90%"><thead><tr><th style="text-align:left;padding:2px 8px;border-bottom:1px solid #999">metric</th><th style="text-align:right;padding:2px 8px;border-bottom:1px solid #999">value</th><th style="text-align:right;padding:2px 8px;border-bottom:1px solid #999">n</th></tr></thead><tbody><tr><td style="text-align:left;padding:2px 8px">retention_7d</td><td style="text-align:right;padding:2px 8px">25.0 %</td><td style="text-align:right;padding:2px 8px">36</td></tr></tbody></table><p><i>1 of 2 rows shown</i></p>`
	if s != want {
		t.Errorf("got\n%s", s)
	}
}

func TestTableText(t *testing.T) {
	var b bytes.Buffer
	if err := TableText(&b, frame(), nil); err != nil {
		t.Fatal(err)
	}
	want := "metric          value  n    \nretention_7d    0.25   36   \nedits <during>  —      690  \n"
	if b.String() != want {
		t.Errorf("got %q", b.String())
	}
}

func TestProgressLine(t *testing.T) {
	if got := Line("Fetching", 56, 168, "25 requests"); got != "Fetching [######..............]  33% 25 requests" {
		t.Errorf("got %q", got)
	}
	var b bytes.Buffer
	p := &Progress{title: "F", last: -1, out: &b}
	p.Update(1, 2, "")
	p.Update(1, 2, "") // same percentage: not redrawn
	p.Done("ok")
	if b.String() != "\rF [##########..........]  50%    \rF [####################] 100% ok   \n" {
		t.Errorf("got %q", b.String())
	}
}
