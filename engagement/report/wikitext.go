package report

import (
	"fmt"
	"io"
	"strings"

	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
)

// WriteWikitext writes the report as wikitext for the event's page on
// Meta-Wiki: the headline, the reconciliation with the Dashboard and the key
// tables as wikitables, definitions as footnotes. It names no participant:
// user pages are left out of the page tables.
func WriteWikitext(w io.Writer, in Input) error {
	r := in.Result
	if r == nil {
		return fmt.Errorf("report: no result to report")
	}
	var b strings.Builder
	l := english()
	ww := &wikiWriter{b: &b, defined: map[string]bool{}, longTerm: r.Params.LongTermEdits, l: l}
	fmt.Fprintf(&b, "== %s: results ==\n", plainText(in.Title))
	fmt.Fprintf(&b, "%s – %s · %s\n\n", r.Event.Start.Format("2 January 2006 15:04 MST"), r.Event.End.Format("2 January 2006 15:04 MST"), strings.Join(r.Event.Wikis, ", "))
	if banner := IncompleteBanner(r); banner != "" {
		fmt.Fprintf(&b, "'''%s.'''\n\n", plainText(banner))
	}
	fmt.Fprintf(&b, "%s<ref name=\"asof\">Observed as of %s with engagement %s.</ref>\n\n", summary(l, r), r.Params.AsOf.Format("2006-01-02 15:04 MST"), plainText(in.Version))
	ww.headline(r)
	ww.reconciliation(reconcile(l, r, in.Totals))
	ww.retention(r)
	ww.baseline(in.Baseline)
	ww.topPages(r.TopPages)
	if in.PageViews != nil {
		ww.views(in.PageViews)
	}
	b.WriteString("=== Notes ===\n<references />\n")
	_, err := io.WriteString(w, b.String())
	return err
}

type wikiWriter struct {
	b        *strings.Builder
	defined  map[string]bool
	longTerm int
	l        *i18n.Localizer
}

// ref gives the footnote defining a metric: the definition the first time,
// a reference to it afterwards.
func (ww *wikiWriter) ref(metric string) string {
	name := strings.ReplaceAll(metric, `"`, "")
	if ww.defined[metric] {
		return fmt.Sprintf(`<ref name="%s" />`, name)
	}
	ww.defined[metric] = true
	d, ok := DefineIn(ww.l, metric, ww.longTerm)
	if !ok {
		return ""
	}
	return fmt.Sprintf(`<ref name="%s">%s %s</ref>`, name, plainText(d.Text), ww.l.T("engagement-def-source", plainText(d.Source)))
}

// column is a wikitable's column: its header, and whether it holds
// numbers (right-aligned, header too).
type column struct {
	head string
	num  bool
}

// rightAligned is the cell attribute of numbers.
const rightAligned = `style="text-align:right" | `

// table writes a sortable wikitable. A column whose cells are all empty is
// left out; an empty cell in a kept column shows a dash, so that no column
// is blank.
func (ww *wikiWriter) table(cols []column, rows [][]string) {
	keep := make([]bool, len(cols))
	for i := range cols {
		for _, r := range rows {
			keep[i] = keep[i] || strings.TrimSpace(r[i]) != ""
		}
	}
	cell := func(i int, text string) string {
		if cols[i].num {
			return rightAligned + text
		}
		return text
	}
	var heads []string
	for i, c := range cols {
		if keep[i] {
			heads = append(heads, cell(i, c.head))
		}
	}
	b := ww.b
	b.WriteString("{| class=\"wikitable sortable\"\n! " + strings.Join(heads, " !! ") + "\n")
	for _, r := range rows {
		var cells []string
		for i, v := range r {
			if !keep[i] {
				continue
			}
			if strings.TrimSpace(v) == "" {
				v = "—"
			}
			cells = append(cells, cell(i, v))
		}
		b.WriteString("|-\n| " + strings.Join(cells, " || ") + "\n")
	}
	b.WriteString("|}\n\n")
}

// headline is the first screen's numbers, each number before what it
// counts ("502 kB" "of content added"), its footnote defining the metric.
func (ww *wikiWriter) headline(r *metrics.Result) {
	metricsOf := []string{metrics.MetricParticipants, metrics.MetricEditsDuring, metrics.MetricPagesCreatedDuring, metrics.MetricBytesAddedDuring,
		metrics.RetentionMetric(30), metrics.RetentionMetric(30)}
	var rows [][]string
	for i, c := range headline(ww.l, r) {
		label := plainText(c.Label)
		if i < len(metricsOf) {
			label += ww.ref(metricsOf[i])
		}
		rows = append(rows, []string{plainText(c.Value), label, plainText(c.Detail)})
	}
	ww.table([]column{{"Number", true}, {"What", false}, {"Detail", false}}, rows)
	ww.b.WriteString("“k of n, 95% CI a–b” means k of the n people counted did it; with groups this small the true rate could well be anywhere between a and b (a 95% confidence interval).\n\n")
}

func (ww *wikiWriter) reconciliation(rc reconciliation) {
	ww.b.WriteString("=== Compared with the Dashboard ===\n")
	var rows [][]string
	for _, r := range rc.Rows {
		rows = append(rows, []string{plainText(r.What), plainText(r.Dashboard), plainText(r.Here), plainText(r.Note)})
	}
	ww.table([]column{{"Figure", false}, {"Dashboard", true}, {"This report", true}, {"Counted here", false}}, rows)
	rows = nil
	for _, w := range rc.PerWiki {
		rows = append(rows, []string{w.Wiki, thousands(w.Edits), w.Created})
	}
	ww.table([]column{{"Wiki", false}, {"Edits during the event", true}, {"Created", true}}, rows)
	for _, why := range rc.Why {
		ww.b.WriteString("* " + plainText(why) + "\n")
	}
	ww.b.WriteString("\n")
}

func (ww *wikiWriter) retention(r *metrics.Result) {
	guide := retentionGuide(ww.l, r)
	if len(guide) == 0 {
		return
	}
	ww.b.WriteString("=== Retention of new editors ===\n")
	var rows [][]string
	for _, g := range guide {
		rows = append(rows, []string{plainText(g.Name), plainText(g.Value), plainText(g.Detail), plainText(g.Means)})
	}
	ww.table([]column{{"Figure", false}, {"New editors", true}, {"Detail", false}, {"What it counts", false}}, rows)
}

func (ww *wikiWriter) topPages(pages []metrics.PageCount) {
	var rows [][]string
	created := false
	for _, p := range pages {
		if p.NS == 2 || p.NS == 3 || len(rows) == 10 {
			continue // user pages name their owner
		}
		yes := "no"
		if p.Created {
			yes, created = "yes", true
		}
		rows = append(rows, []string{PageLink(p.Wiki, p.Title), p.Wiki, yes, thousands(p.Edits), thousands(p.Editors), thousands(p.BytesAdded)})
	}
	if len(rows) == 0 {
		return
	}
	if !created { // a column of "no" says nothing: leave it out
		for _, r := range rows {
			r[2] = ""
		}
	}
	ww.b.WriteString("=== Pages most edited during the event ===\n")
	ww.table([]column{{"Page", false}, {"Wiki", false}, {"Created during the event", false}, {"Edits", true}, {"Editors", true}, {"Bytes added", true}}, rows)
	if !created {
		ww.b.WriteString("None of these pages was created during the event.\n\n")
	}
}

func (ww *wikiWriter) views(v *PageViews) {
	fmt.Fprintf(ww.b, "=== Views of the pages created ===\n%s views from %s to %s of the %s pages created during the event that the page views service counts.",
		thousands(v.Total()), v.Start.Format("2006-01-02"), v.End.Format("2006-01-02"), thousands(len(v.Pages)))
	for _, n := range v.NotServed {
		fmt.Fprintf(ww.b, " %s pages on %s are not counted: the service does not serve that wiki.", thousands(n.Pages), n.Wiki)
	}
	ww.b.WriteString("\n\n")
	var rows [][]string
	for _, p := range v.Pages {
		if len(rows) == 10 {
			break
		}
		rows = append(rows, []string{PageLink(p.Wiki, p.Title), p.Wiki, thousands(p.Views)})
	}
	if len(rows) > 0 {
		ww.table([]column{{"Page", false}, {"Wiki", false}, {"Views", true}}, rows)
	}
}

// plainText makes s safe inside a wikitable cell: markup is shown as text.
func plainText(s string) string {
	if strings.ContainsAny(s, "|[]{}<>'=~*#&") {
		return "<nowiki>" + strings.ReplaceAll(s, "</nowiki>", "&lt;/nowiki>") + "</nowiki>"
	}
	return s
}

func (ww *wikiWriter) baseline(b *Baseline) {
	v := baselineSection(ww.l, b)
	if v == nil {
		return
	}
	ww.b.WriteString("=== Compared with newcomers who did not come ===\n" + plainText(v.Sentence) + "\n\n")
	var rows [][]string
	for _, c := range v.Rows {
		rows = append(rows, []string{plainText(c.Label), plainText(c.New + " (" + c.NewDetail + ")"), plainText(c.Base + " (" + c.BaseDetail + ")"), plainText(c.DiffText)})
	}
	ww.table([]column{{"Figure", false}, {"New editors", true}, {"Comparable newcomers", true}, {"Difference", true}}, rows)
	ww.b.WriteString("Comparable newcomers: " + plainText(v.Note) + ". " + plainText(v.LeftOut) + "\n\n")
}
