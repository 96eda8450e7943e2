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
	l := orEnglish(in.Lang)
	ww := &wikiWriter{b: &b, defined: map[string]bool{}, longTerm: r.Params.LongTermEdits, l: l}
	fmt.Fprintf(&b, "== %s ==\n", l.T("engagement-wikitext-heading", plainText(in.Title)))
	fmt.Fprintf(&b, "%s · %s\n\n", l.T("engagement-date-range", l.DateTime(r.Event.Start), l.DateTime(r.Event.End)), strings.Join(r.Event.Wikis, ", "))
	if banner := IncompleteBannerIn(l, r); banner != "" {
		fmt.Fprintf(&b, "'''%s.'''\n\n", plainText(banner))
	}
	fmt.Fprintf(&b, "%s<ref name=\"asof\">%s</ref>\n\n", summary(l, r), l.T("engagement-wikitext-asof", r.Params.AsOf.Format("2006-01-02 15:04 MST"), plainText(in.Version)))
	ww.headline(r)
	ww.reconciliation(reconcile(l, r, in.Totals))
	ww.retention(r)
	ww.baseline(in.Baseline)
	ww.topPages(r.TopPages)
	if in.PageViews != nil {
		ww.views(in.PageViews)
	}
	b.WriteString("=== " + l.T("engagement-wikitext-notes-heading") + " ===\n<references />\n")
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
	l := ww.l
	ww.table([]column{{l.T("engagement-wikitext-col-number"), true}, {l.T("engagement-wikitext-col-what"), false}, {l.T("engagement-wikitext-col-detail"), false}}, rows)
	ww.b.WriteString(l.T("engagement-wikitext-reading") + "\n\n")
}

func (ww *wikiWriter) reconciliation(rc reconciliation) {
	l := ww.l
	ww.b.WriteString("=== " + l.T("engagement-wikitext-recon-heading") + " ===\n")
	var rows [][]string
	for _, r := range rc.Rows {
		rows = append(rows, []string{plainText(r.What), plainText(r.Dashboard), plainText(r.Here), plainText(r.Note)})
	}
	ww.table([]column{{l.T("engagement-wikitext-col-figure"), false}, {l.T("engagement-report-col-dashboard"), true}, {l.T("engagement-wikitext-col-this-report"), true}, {l.T("engagement-wikitext-col-counted-here"), false}}, rows)
	rows = nil
	for _, w := range rc.PerWiki {
		rows = append(rows, []string{w.Wiki, l.Int(w.Edits), w.Created})
	}
	ww.table([]column{{l.T("engagement-wikitext-col-wiki"), false}, {l.T("engagement-wikitext-col-edits-during"), true}, {l.T("engagement-wikitext-col-created"), true}}, rows)
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
	l := ww.l
	ww.b.WriteString("=== " + l.T("engagement-wikitext-retention-heading") + " ===\n")
	var rows [][]string
	for _, g := range guide {
		rows = append(rows, []string{plainText(g.Name), plainText(g.Value), plainText(g.Detail), plainText(g.Means)})
	}
	ww.table([]column{{l.T("engagement-wikitext-col-figure"), false}, {l.T("engagement-wikitext-col-new-editors"), true}, {l.T("engagement-wikitext-col-detail"), false}, {l.T("engagement-wikitext-col-means"), false}}, rows)
}

func (ww *wikiWriter) topPages(pages []metrics.PageCount) {
	var rows [][]string
	created, l := false, ww.l
	for _, p := range pages {
		if p.NS == 2 || p.NS == 3 || len(rows) == 10 {
			continue // user pages name their owner
		}
		yes := l.T("engagement-no")
		if p.Created {
			yes, created = l.T("engagement-yes"), true
		}
		rows = append(rows, []string{PageLink(p.Wiki, p.Title), p.Wiki, yes, l.Int(p.Edits), l.Int(p.Editors), l.Int(p.BytesAdded)})
	}
	if len(rows) == 0 {
		return
	}
	if !created { // a column of "no" says nothing: leave it out
		for _, r := range rows {
			r[2] = ""
		}
	}
	ww.b.WriteString("=== " + l.T("engagement-wikitext-top-heading") + " ===\n")
	ww.table([]column{{l.T("engagement-wikitext-col-page"), false}, {l.T("engagement-wikitext-col-wiki"), false}, {l.T("engagement-wikitext-col-created-during"), false},
		{l.T("engagement-wikitext-col-edits"), true}, {l.T("engagement-wikitext-col-editors"), true}, {l.T("engagement-wikitext-col-bytes-added"), true}}, rows)
	if !created {
		ww.b.WriteString(l.T("engagement-wikitext-top-none-created") + "\n\n")
	}
}

func (ww *wikiWriter) views(v *PageViews) {
	l := ww.l
	fmt.Fprintf(ww.b, "=== %s ===\n%s", l.T("engagement-wikitext-views-heading"),
		l.Count("engagement-views-total", v.Total(), v.Start.Format("2006-01-02"), v.End.Format("2006-01-02"), len(v.Pages), l.Int(len(v.Pages))))
	for _, n := range v.NotServed {
		ww.b.WriteString(" " + l.Count("engagement-views-not-served-wikitext", n.Pages, n.Wiki))
	}
	ww.b.WriteString("\n\n")
	var rows [][]string
	for _, p := range v.Pages {
		if len(rows) == 10 {
			break
		}
		rows = append(rows, []string{PageLink(p.Wiki, p.Title), p.Wiki, l.Int(p.Views)})
	}
	if len(rows) > 0 {
		ww.table([]column{{l.T("engagement-wikitext-col-page"), false}, {l.T("engagement-wikitext-col-wiki"), false}, {l.T("engagement-wikitext-col-views"), true}}, rows)
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
	l := ww.l
	ww.b.WriteString("=== " + l.T("engagement-wikitext-baseline-heading") + " ===\n" + plainText(v.Sentence) + "\n\n")
	var rows [][]string
	for _, c := range v.Rows {
		rows = append(rows, []string{plainText(c.Label), plainText(c.New + " (" + c.NewDetail + ")"), plainText(c.Base + " (" + c.BaseDetail + ")"), plainText(c.DiffText)})
	}
	ww.table([]column{{l.T("engagement-wikitext-col-figure"), false}, {l.T("engagement-wikitext-col-new-editors"), true}, {l.T("engagement-wikitext-col-comparable"), true}, {l.T("engagement-wikitext-col-difference"), true}}, rows)
	ww.b.WriteString(l.T("engagement-wikitext-comparable", plainText(v.Note), plainText(v.LeftOut)) + "\n\n")
}
