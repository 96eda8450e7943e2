// Package nb shows charts, tables and progress in a GoNB notebook, and the
// same calls work outside one: charts are saved to files, tables printed as
// text, progress drawn on the terminal. It is the only package that imports
// gonbui. Every display is followed by gonbui.Sync, so no output is lost
// when a cell's program exits.
//
// It also holds the notebooks' views of an analysis, in the notebook's
// language: the fetch's summary (FetchSummary), the standard charts with
// their titles (ShowCharts), the campaign's events side by side and its
// returning people (ComparisonView, ReturningView), and tables whose
// numbers follow TableOptions.Language.
package nb

import (
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/protocol"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"example.com/engagement/engagement/chart"
	"example.com/engagement/engagement/dataset"
)

// InNotebook reports whether the program runs as a GoNB cell.
func InNotebook() bool { return gonbui.IsNotebook }

// DefaultWidth and DefaultHeight are the size of charts shown: 800×500
// pixels.
const (
	DefaultWidth  = 800 * vg.Inch / 96
	DefaultHeight = 500 * vg.Inch / 96
)

// DefaultDir is where ShowPlot saves charts outside a notebook.
const DefaultDir = "out"

// A PlotOption tunes ShowPlot.
type PlotOption func(*plotOptions)

type plotOptions struct {
	w, h vg.Length
	dir  string
	svg  bool
}

// Size sets the chart's size (default DefaultWidth × DefaultHeight).
func Size(w, h vg.Length) PlotOption { return func(o *plotOptions) { o.w, o.h = w, h } }

// Dir sets where charts are saved outside a notebook (default DefaultDir).
func Dir(dir string) PlotOption { return func(o *plotOptions) { o.dir = dir } }

// WithSVG also saves <name>.svg beside the PNG, outside a notebook, and in
// one sends an SVG copy below the PNG for browsers that zoom. Exports keep
// the PNG.
func WithSVG() PlotOption { return func(o *plotOptions) { o.svg = true } }

// ShowPlot displays p as a PNG image in a notebook (a PNG survives
// nbconvert's HTML export and untrusted notebooks; an SVG does not); outside
// one it saves <dir>/<name>.png and prints the path.
func ShowPlot(p *plot.Plot, name string, opts ...PlotOption) error {
	o := plotOptions{w: DefaultWidth, h: DefaultHeight, dir: DefaultDir}
	for _, f := range opts {
		f(&o)
	}
	if !gonbui.IsNotebook {
		return savePlot(p, name, o)
	}
	png, err := render(p, o, "png")
	if err != nil {
		return fmt.Errorf("nb: rendering %s: %w", name, err)
	}
	gonbui.DisplayPng(png)
	if o.svg {
		svg, err := render(p, o, "svg")
		if err != nil {
			return fmt.Errorf("nb: rendering %s: %w", name, err)
		}
		gonbui.SendData(&protocol.DisplayData{Data: map[protocol.MIMEType]any{protocol.MIMEImageSVG: string(svg)}})
	}
	gonbui.Sync()
	return nil
}

func render(p *plot.Plot, o plotOptions, format string) ([]byte, error) {
	return chart.Render(p, o.w, o.h, format) // a failure inside gonum/plot is an error, not a panic
}

func savePlot(p *plot.Plot, name string, o plotOptions) error {
	if err := os.MkdirAll(o.dir, 0o755); err != nil {
		return err
	}
	formats := []string{"png"}
	if o.svg {
		formats = append(formats, "svg")
	}
	for _, f := range formats {
		path := filepath.Join(o.dir, name+"."+f)
		b, err := render(p, o, f)
		if err == nil {
			err = dataset.WriteFileBytes(path, b)
		}
		if err != nil {
			return fmt.Errorf("nb: saving %s: %w", path, err)
		}
		fmt.Println("chart saved to", path)
	}
	return nil
}

// ShowHTML displays HTML in a notebook, or prints it outside.
func ShowHTML(s string) {
	if gonbui.IsNotebook {
		gonbui.DisplayHTML(s)
		gonbui.Sync()
		return
	}
	fmt.Println(s)
}

// ShowMarkdown displays Markdown in a notebook, or prints it outside.
func ShowMarkdown(s string) {
	if gonbui.IsNotebook {
		gonbui.DisplayMarkdown(s)
		gonbui.Sync()
		return
	}
	fmt.Println(s)
}

// TableOptions tune ShowTable.
type TableOptions struct {
	// Rows is the number of rows shown (0: 20).
	Rows int
	// All shows every row; in a notebook the table scrolls.
	All bool
	// Percent lists float columns holding shares (0..1) shown as percentages.
	Percent []string
	// ShareFlag names a bool column (e.g. "is_share") that says, row by
	// row, whether the Percent columns hold shares (shown as percentages)
	// or counts (shown as whole numbers). It is not shown.
	ShareFlag string
	// Points lists float columns holding differences of shares (-1..1)
	// shown as percentage points ("−42.0 pts").
	Points []string
	// Label names a column of metric ids (e.g. "metric"): a column
	// LabelColumn with each metric's name in words (report.Label) is shown
	// before it. The ids are kept for analysts.
	Label string
	// Language is the BCP 47 code the cells and the line under the table
	// are written in ("" or "en": English; see engagement.WithLanguage):
	// numbers, percentages, points and the metrics' names. Column names
	// (the CSV files' headers) and data stay as they are.
	Language string
}

// LabelColumn is the column ShowTable adds before TableOptions.Label's.
const LabelColumn = "measure"

// ShareFlagColumn is the column of the engagement metric frames that tells
// shares from counts.
const ShareFlagColumn = "is_share"

// MetricTable is the table options of ShowMetrics: every row; value,
// ci_low and ci_high as percentages in the rows flagged is_share; each
// metric id labelled in words.
func MetricTable() *TableOptions {
	return &TableOptions{All: true, ShareFlag: ShareFlagColumn, Percent: []string{"value", "ci_low", "ci_high"}, Label: "metric"}
}

// BaselineTable is the table options of a comparison with the baseline
// (engagement's Analysis.BaselineComparison): every row, each metric
// labelled in words, shares as percentages, differences as percentage
// points.
func BaselineTable() *TableOptions {
	return &TableOptions{All: true, Label: "metric", Percent: []string{"new", "baseline"},
		Points: []string{"difference", "difference_low", "difference_high"}}
}

// ShowMetrics shows a metric frame (engagement's metrics or headline
// frame): every row, counts as counts and shares as percentages, and each
// metric's name in words before its id.
func ShowMetrics(df dataframe.DataFrame) error {
	return ShowTable(df, MetricTable())
}

// ShowMetricsIn is ShowMetrics with the cells in the language of code
// (TableOptions.Language): a notebook passes its Settings.Language.
func ShowMetricsIn(code string, df dataframe.DataFrame) error {
	o := MetricTable()
	o.Language = code
	return ShowTable(df, o)
}

// ShowTable displays the first rows of df as an HTML table in a notebook,
// or as aligned text outside one.
func ShowTable(df dataframe.DataFrame, opts *TableOptions) error {
	if df.Err != nil {
		return fmt.Errorf("nb: table: %w", df.Err)
	}
	if gonbui.IsNotebook {
		s, err := TableHTML(df, opts)
		if err != nil {
			return err
		}
		gonbui.DisplayHTML(s)
		gonbui.Sync()
		return nil
	}
	return TableText(os.Stdout, df, opts)
}

func cells(df dataframe.DataFrame, opts *TableOptions) (head []string, rows [][]string, numeric []bool) {
	var o TableOptions
	if opts != nil {
		o = *opts
	}
	n := 20
	switch {
	case o.All:
		n = df.Nrow()
	case o.Rows > 0:
		n = o.Rows
	}
	n = min(n, df.Nrow())
	pct := map[string]bool{}
	for _, c := range o.Percent {
		pct[c] = true
	}
	pts := map[string]bool{}
	for _, c := range o.Points {
		pts[c] = true
	}
	var share []string
	if o.ShareFlag != "" && slices.Contains(df.Names(), o.ShareFlag) {
		share = df.Col(o.ShareFlag).Records()
	}
	nf := numbersFor(o.Language)
	df = withLabels(df, o.Label, nf)
	for _, name := range df.Names() {
		if share == nil || name != o.ShareFlag {
			head = append(head, name)
		}
	}
	numeric = make([]bool, len(head))
	rows = make([][]string, n)
	for i := range rows {
		rows[i] = make([]string, len(head))
	}
	for j, name := range head {
		col := df.Col(name)
		numeric[j] = col.Type() == series.Int || col.Type() == series.Float
		for i := 0; i < n; i++ {
			switch {
			case pts[name]:
				rows[i][j] = nf.points(col.Elem(i))
			default:
				rows[i][j] = nf.cell(col, i, pct[name] && (share == nil || share[i] == "true"))
			}
		}
	}
	return head, rows, numeric
}

// withLabels returns df with a LabelColumn of report.Label of each id in
// column id, placed before it; df unchanged when it has no such column or
// already has a LabelColumn.
func withLabels(df dataframe.DataFrame, id string, nf numbers) dataframe.DataFrame {
	names := df.Names()
	at := slices.Index(names, id)
	if id == "" || at < 0 || slices.Contains(names, LabelColumn) {
		return df
	}
	ids := df.Col(id).Records()
	labels := make([]string, len(ids))
	for i, m := range ids {
		labels[i] = nf.label(m)
	}
	out := df.Mutate(series.New(labels, series.String, LabelColumn))
	order := slices.Insert(slices.Clone(names), at, LabelColumn)
	return out.Select(order)
}

// Count formats a count with thousands separators: 44595500 → "44,595,500".
func Count(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// TableHTML renders the first rows of df as an HTML table: escaped, numbers
// right-aligned, missing values as an em dash.
func TableHTML(df dataframe.DataFrame, opts *TableOptions) (string, error) {
	if df.Err != nil {
		return "", fmt.Errorf("nb: table: %w", df.Err)
	}
	head, rows, numeric := cells(df, opts)
	var b strings.Builder
	scroll := opts != nil && opts.All && len(rows) > 25
	if scroll {
		b.WriteString(`<div style="max-height:32em;overflow-y:auto">`)
	}
	b.WriteString(`<table style="border-collapse:collapse;font-size:90%"><thead><tr>`)
	for j, h := range head {
		align := "left"
		if numeric[j] {
			align = "right"
		}
		fmt.Fprintf(&b, `<th style="text-align:%s;padding:2px 8px;border-bottom:1px solid #999">%s</th>`, align, html.EscapeString(h))
	}
	b.WriteString("</tr></thead><tbody>")
	for _, r := range rows {
		b.WriteString("<tr>")
		for j, c := range r {
			align := "left"
			if numeric[j] {
				align = "right"
			}
			fmt.Fprintf(&b, `<td style="text-align:%s;padding:2px 8px">%s</td>`, align, html.EscapeString(c))
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</tbody></table>")
	nf := numbersFor(optsLanguage(opts))
	if scroll {
		fmt.Fprintf(&b, "</div><p><i>%s</i></p>", html.EscapeString(nf.scroll(len(rows))))
	}
	if df.Nrow() > len(rows) {
		fmt.Fprintf(&b, "<p><i>%s</i></p>", html.EscapeString(nf.shown(len(rows), df.Nrow())))
	}
	return b.String(), nil
}

// TableText writes the first rows of df as aligned text.
func TableText(w io.Writer, df dataframe.DataFrame, opts *TableOptions) error {
	if df.Err != nil {
		return fmt.Errorf("nb: table: %w", df.Err)
	}
	head, rows, numeric := cells(df, opts)
	tw := tabwriter.NewWriter(w, 1, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	_ = numeric
	if df.Nrow() > len(rows) {
		fmt.Fprintf(tw, "(%s)\n", numbersFor(optsLanguage(opts)).shown(len(rows), df.Nrow()))
	}
	return tw.Flush()
}

// Progress is a progress bar updated in place: an HTML bar in a notebook, a
// line on stderr outside one.
type Progress struct {
	title string
	id    string
	last  int
	start time.Time
	out   io.Writer
}

// NewProgress starts a progress bar.
func NewProgress(title string) *Progress {
	p := &Progress{title: title, last: -1, start: time.Now(), out: os.Stderr}
	if gonbui.IsNotebook {
		p.id = "progress_" + gonbui.UniqueId()
	}
	return p
}

// Line renders the bar as text.
func Line(title string, done, total int, detail string) string {
	pct := 0
	if total > 0 {
		pct = 100 * done / total
	}
	filled := pct / 5
	return fmt.Sprintf("%s [%s%s] %3d%% %s", title, strings.Repeat("#", filled), strings.Repeat(".", 20-filled), pct, detail)
}

// HTML renders the bar as HTML.
func HTML(title string, done, total int, detail string) string {
	pct := 0
	if total > 0 {
		pct = 100 * done / total
	}
	return fmt.Sprintf(`<div style="font-family:sans-serif">%s <progress value="%d" max="100" style="width:300px"></progress> %d%% <small>%s</small></div>`,
		html.EscapeString(title), pct, pct, html.EscapeString(detail))
}

// NewProgressTo is NewProgress drawing on w outside a notebook.
func NewProgressTo(title string, w io.Writer) *Progress {
	p := NewProgress(title)
	p.out = w
	return p
}

// Update redraws the bar when the percentage changes.
func (p *Progress) Update(done, total int, detail string) {
	pct := 0
	if total > 0 {
		pct = 100 * done / total
	}
	if pct == p.last {
		return
	}
	p.last = pct
	if p.id != "" {
		gonbui.UpdateHTML(p.id, HTML(p.title, done, total, detail))
		return
	}
	fmt.Fprintf(p.out, "\r%s   ", Line(p.title, done, total, detail))
}

// Done finishes the bar.
func (p *Progress) Done(summary string) {
	if p.id != "" {
		gonbui.UpdateHTML(p.id, HTML(p.title, 1, 1, summary))
		gonbui.Sync()
		return
	}
	if p.last >= 0 {
		fmt.Fprintf(p.out, "\r%s   \n", Line(p.title, 1, 1, summary))
	}
}
