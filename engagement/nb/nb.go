// Package nb shows charts, tables and progress in a GoNB notebook, and the
// same calls work outside one: charts are saved to files, tables printed as
// text, progress drawn on the terminal. It is the only package that imports
// gonbui. Every display is followed by gonbui.Sync, so no output is lost
// when a cell's program exits.
package nb

import (
	"fmt"
	"html"
	"io"
	"math"
	"os"
	"path/filepath"
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
)

// InNotebook reports whether the program runs as a GoNB cell.
func InNotebook() bool { return gonbui.IsNotebook }

// Size of charts shown: 800×500 pixels.
var (
	Width  = 800 * vg.Inch / 96
	Height = 500 * vg.Inch / 96
)

// OutDir is where ShowPlot saves charts outside a notebook.
var OutDir = "out"

// ShowPlot displays p as an SVG image in a notebook; outside one it saves
// OutDir/<name>.png and prints the path.
func ShowPlot(p *plot.Plot, name string) error {
	if gonbui.IsNotebook {
		wt, err := p.WriterTo(Width, Height, "svg")
		if err != nil {
			return fmt.Errorf("nb: rendering %s: %w", name, err)
		}
		var b strings.Builder
		if _, err := wt.WriteTo(&b); err != nil {
			return fmt.Errorf("nb: rendering %s: %w", name, err)
		}
		gonbui.SendData(&protocol.DisplayData{Data: map[protocol.MIMEType]any{protocol.MIMEImageSVG: b.String()}})
		gonbui.Sync()
		return nil
	}
	if err := os.MkdirAll(OutDir, 0o755); err != nil {
		return err
	}
	path := filepath.Join(OutDir, name+".png")
	if err := p.Save(Width, Height, path); err != nil {
		return fmt.Errorf("nb: saving %s: %w", path, err)
	}
	fmt.Println("chart saved to", path)
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
	// Percent lists float columns holding shares (0..1) shown as percentages.
	Percent []string
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
	n := 20
	pct := map[string]bool{}
	if opts != nil {
		if opts.Rows > 0 {
			n = opts.Rows
		}
		for _, c := range opts.Percent {
			pct[c] = true
		}
	}
	n = min(n, df.Nrow())
	head = df.Names()
	numeric = make([]bool, len(head))
	rows = make([][]string, n)
	for j, name := range head {
		col := df.Col(name)
		numeric[j] = col.Type() == series.Int || col.Type() == series.Float
		for i := 0; i < n; i++ {
			if rows[i] == nil {
				rows[i] = make([]string, len(head))
			}
			e := col.Elem(i)
			switch {
			case e.IsNA() || (col.Type() == series.Float && math.IsNaN(e.Float())):
				rows[i][j] = "—"
			case pct[name]:
				rows[i][j] = strconv.FormatFloat(100*e.Float(), 'f', 1, 64) + " %"
			case col.Type() == series.Float:
				f := e.Float()
				if f == math.Trunc(f) && math.Abs(f) < 1e15 {
					rows[i][j] = strconv.FormatInt(int64(f), 10)
				} else {
					rows[i][j] = strconv.FormatFloat(f, 'g', 4, 64)
				}
			default:
				rows[i][j] = e.String()
			}
		}
	}
	return head, rows, numeric
}

// TableHTML renders the first rows of df as an HTML table: escaped, numbers
// right-aligned, missing values as an em dash.
func TableHTML(df dataframe.DataFrame, opts *TableOptions) (string, error) {
	if df.Err != nil {
		return "", fmt.Errorf("nb: table: %w", df.Err)
	}
	head, rows, numeric := cells(df, opts)
	var b strings.Builder
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
	if df.Nrow() > len(rows) {
		fmt.Fprintf(&b, "<p><i>%d of %d rows shown</i></p>", len(rows), df.Nrow())
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
	fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t")+"\t")
	}
	_ = numeric
	if df.Nrow() > len(rows) {
		fmt.Fprintf(tw, "(%d of %d rows shown)\n", len(rows), df.Nrow())
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
