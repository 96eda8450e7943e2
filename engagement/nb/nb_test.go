package nb

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

func testFrame() dataframe.DataFrame {
	return dataframe.New(
		series.New([]string{"retention_7d", "edits <during>"}, series.String, "metric"),
		series.New([]float64{0.25, math.NaN()}, series.Float, "value"),
		series.New([]int{36, 690}, series.Int, "n"))
}

func TestTableHTML(t *testing.T) {
	s, err := TableHTML(testFrame(), &TableOptions{Rows: 1, Percent: []string{"value"}})
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
	if err := TableText(&b, testFrame(), nil); err != nil {
		t.Fatal(err)
	}
	want := "metric          value  n\nretention_7d    0.25   36\nedits <during>  —      690\n"
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

// The metric table: counts as counts (with separators), shares as
// percentages, every row, the flag column hidden.
func TestShowMetricsFormatsRowByRow(t *testing.T) {
	df := dataframe.New(
		series.New([]string{"participants", "bytes_added_during", "retention_7d", "retention_365d"}, series.String, "metric"),
		series.New([]float64{36, 44595500, 0.25, math.NaN()}, series.Float, "value"),
		series.New([]float64{math.NaN(), math.NaN(), 9, math.NaN()}, series.Float, "numerator"),
		series.New([]float64{math.NaN(), math.NaN(), 0.138, math.NaN()}, series.Float, "ci_low"),
		series.New([]bool{false, false, true, true}, series.Bool, "is_share"))
	var b bytes.Buffer
	if err := TableText(&b, df, MetricTable()); err != nil {
		t.Fatal(err)
	}
	want := "measure                                  metric              value       numerator  ci_low\n" +
		"Participants counted                     participants        36          —          —\n" +
		"Bytes added to content during the event  bytes_added_during  44,595,500  —          —\n" +
		"Edited again 7+ days after the end       retention_7d        25.0 %      9          13.8 %\n" +
		"Edited again 365+ days after the end     retention_365d      —           —          —\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	rows := make([]string, 60)
	for i := range rows {
		rows[i] = "m"
	}
	long := dataframe.New(series.New(rows, series.String, "metric"))
	s, err := TableHTML(long, &TableOptions{All: true})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(s, "<tr>") != 61 || !strings.Contains(s, "overflow-y:auto") {
		t.Errorf("want 60 rows and a header in a scrolling box; got %d rows", strings.Count(s, "<tr>"))
	}
}

func TestCount(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", -1234567: "-1,234,567"} {
		if got := Count(n); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
	}
}

type contactError struct{}

func (contactError) Error() string       { return "live runs need a contact" }
func (contactError) SettingName() string { return "Contact" }

// A failing cell shows a short message naming the ✏️ variable, and ends
// with exit status 1, never a stack trace.
func TestMustShowsTheSettingToChange(t *testing.T) {
	var b bytes.Buffer
	code := -1
	must(0, fmt.Errorf("opening the course: %w", contactError{}), &b, func(c int) { code = c })
	want := "error: opening the course: live runs need a contact\n✏️ Change Contact in the cell marked ✏️, run it, then run this cell again.\n"
	if b.String() != want || code != 1 {
		t.Errorf("exit %d, message %q", code, b.String())
	}
	code = -1
	if v := must(7, nil, &b, func(c int) { code = c }); v != 7 || code != -1 {
		t.Errorf("no error: got %d, exit %d", v, code)
	}
	if h := ErrorHTML(errors.New("a <b>")); !strings.Contains(h, "a &lt;b&gt;") {
		t.Errorf("not escaped: %s", h)
	}
}

// Outside a notebook a chart is saved where Dir says, at the Size given,
// with an SVG beside the PNG on request.
func TestShowPlotOptions(t *testing.T) {
	dir := t.TempDir()
	p := plot.New()
	p.Title.Text = "t"
	if err := ShowPlot(p, "c", Dir(dir), Size(3*vg.Inch, 2*vg.Inch), WithSVG()); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(dir, "c.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil || cfg.Width != 288 || cfg.Height != 192 {
		t.Errorf("c.png: %dx%d, %v; want 288x192 (3x2 inches at 96 dpi)", cfg.Width, cfg.Height, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "c.svg")); err != nil {
		t.Error(err)
	}
}

// A setting error is shown in full once per kernel session; the cells after
// it say one line, and errors no setting fixes are shown every time.
func TestSettingErrorShownOnce(t *testing.T) {
	dir := t.TempDir()
	err := fmt.Errorf("opening the course: %w", contactError{})
	if _, repeated := repeatedSettingError(err, dir); repeated {
		t.Fatal("the first time must be shown in full")
	}
	line, repeated := repeatedSettingError(err, dir)
	want := "⚠️ Fix the ✏️ cell above first (Contact: opening the course: live runs need a contact), then run this cell again."
	if !repeated || line != want {
		t.Fatalf("second time: %q, %v; want %q", line, repeated, want)
	}
	other := fmt.Errorf("opening the course again: %w", contactError{})
	if _, repeated := repeatedSettingError(other, dir); repeated {
		t.Error("a different message must be shown in full")
	}
	plain := errors.New("HTTP 503 from en.wikipedia.org")
	for i := 0; i < 2; i++ {
		if _, repeated := repeatedSettingError(plain, dir); repeated {
			t.Error("an error no setting fixes must be shown every time")
		}
	}
	if _, repeated := repeatedSettingError(err, ""); repeated {
		t.Error("outside GoNB (no temporary folder) every error is shown in full")
	}
}
