package report

import (
	"fmt"
	"io"
	"strings"

	"example.com/engagement/engagement/metrics"
)

// WriteCampaignWikitext writes a campaign's report as wikitext for its page
// on Meta-Wiki: the combined numbers, the events side by side (each
// linked to its course on the Dashboard) with the retention of their new
// editors, how many people came back, how many the combined numbers
// leave out and why, and the page views of the pages created. It names no
// participant.
func WriteCampaignWikitext(w io.Writer, in CampaignInput) error {
	r := in.Combined
	if r == nil {
		return fmt.Errorf("report: no combined campaign to report")
	}
	var b strings.Builder
	l := orEnglish(in.Lang)
	ww := &wikiWriter{b: &b, defined: map[string]bool{}, longTerm: r.Params.LongTermEdits, l: l}
	var ok []CampaignEvent
	var failed []CampaignEvent
	for _, e := range in.Events {
		if e.Failed != "" {
			failed = append(failed, e)
		} else {
			ok = append(ok, e)
		}
	}
	lead, cards := campaignHeadline(l, r, len(ok))
	fmt.Fprintf(&b, "== %s ==\n", l.T("engagement-wikitext-heading", plainText(in.Title)))
	for _, banner := range campaignBanners(l, failed, len(in.Events), r) {
		fmt.Fprintf(&b, "'''%s.'''\n\n", plainText(banner))
	}
	fmt.Fprintf(&b, "%s<ref name=\"asof\">%s</ref>\n\n", plainText(lead), l.T("engagement-wikitext-asof", l.DateTime(r.Params.AsOf), plainText(in.Version)))
	var rows [][]string
	for _, c := range cards {
		rows = append(rows, []string{plainText(c.Value), plainText(c.Label), plainText(c.Detail)})
	}
	ww.table([]column{{l.T("engagement-wikitext-col-number"), true}, {l.T("engagement-wikitext-col-what"), false}, {l.T("engagement-wikitext-col-detail"), false}}, rows)
	ww.campaignEvents(ok, failed)
	if n := len(in.Returning); n > 0 {
		b.WriteString(l.Count("engagement-campaign-returning-count", n) + "\n\n")
	}
	ww.campaignLeftOut(r, len(in.Explained))
	if in.PageViews != nil {
		ww.campaignViews(in.PageViews)
	}
	b.WriteString("=== " + l.T("engagement-wikitext-notes-heading") + " ===\n<references />\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// campaignEvents writes the events side by side: their own participants
// and new editors, and the share of the new editors still editing after
// each window, "k of n" beside it; a course that could not be loaded says
// why.
func (ww *wikiWriter) campaignEvents(events, failed []CampaignEvent) {
	l := ww.l
	ww.b.WriteString("=== " + l.T("engagement-campaign-events-heading") + " ===\n")
	cols := []column{{l.T("engagement-campaign-wikitext-col-event"), false}, {l.T("engagement-campaign-wikitext-col-dates"), false},
		{l.T("engagement-campaign-wikitext-col-participants"), true}, {l.T("engagement-wikitext-col-new-editors"), true}, {l.T("engagement-campaign-wikitext-col-also"), true}}
	for i, d := range metrics.DefaultComparisonDays {
		cols = append(cols, column{l.Count("engagement-campaign-wikitext-col-still", d), true})
		if i == 0 {
			cols[len(cols)-1].head += ww.ref(metrics.RetentionMetric(d))
		}
	}
	var rows [][]string
	for _, e := range events {
		row := []string{eventLink(e), l.T("engagement-date-range", l.Date(e.Start), l.Date(e.End)),
			l.Int(e.Participants), l.Int(e.NewEditors), l.Int(e.Returning)}
		for i := range metrics.DefaultComparisonDays {
			cell := l.T("engagement-empty-value")
			if i < len(e.Retention) {
				if ret := e.Retention[i]; ret.Empty {
					cell = l.T("engagement-campaign-wikitext-cell", cell, plainText(noteText(l, ret.Note)))
				} else {
					cell = l.T("engagement-campaign-wikitext-cell", value(l, ret), kOfN(l, ret))
				}
			}
			row = append(row, cell)
		}
		rows = append(rows, row)
	}
	ww.table(cols, rows)
	for _, f := range failed {
		ww.b.WriteString("* " + l.T("engagement-campaign-wikitext-failed", plainText(f.Title), plainText(f.Failed)) + "\n")
	}
	if len(failed) > 0 {
		ww.b.WriteString("\n")
	}
}

// campaignLeftOut says how many people the combined numbers leave out, by
// reason, and how many of them an event counted as participants but the
// campaign leaves out as facilitators (by count: the wikitext names
// nobody).
func (ww *wikiWriter) campaignLeftOut(r *metrics.Result, explained int) {
	lines := leftOutLines(ww.l, r)
	for _, s := range lines {
		ww.b.WriteString("* " + plainText(s) + "\n")
	}
	if explained > 0 {
		ww.b.WriteString("* " + ww.l.Count("engagement-campaign-explained-count", explained) + "\n")
	}
	if len(lines) > 0 || explained > 0 {
		ww.b.WriteString("\n")
	}
}

// campaignViews writes the page views of the pages created: the total,
// what is not counted and why, and the ten most viewed pages.
func (ww *wikiWriter) campaignViews(v *PageViews) {
	l := ww.l
	fmt.Fprintf(ww.b, "=== %s ===\n%s", l.T("engagement-wikitext-views-heading"), campaignViewsTotal(l, v))
	for _, n := range v.NotServed {
		ww.b.WriteString(" " + l.Count("engagement-views-not-served-wikitext", n.Pages, n.Wiki))
	}
	if v.Failed > 0 {
		ww.b.WriteString(" " + l.Count("engagement-views-failed", v.Failed))
	}
	ww.b.WriteString("\n\n")
	var rows [][]string
	for _, p := range v.Pages {
		if len(rows) == 10 {
			break
		}
		if p.NS == 2 || p.NS == 3 {
			continue // user pages name their owner
		}
		rows = append(rows, []string{PageLink(p.Wiki, p.Title), p.Wiki, l.Int(p.Views)})
	}
	if len(rows) > 0 {
		ww.table([]column{{l.T("engagement-wikitext-col-page"), false}, {l.T("engagement-wikitext-col-wiki"), false}, {l.T("engagement-wikitext-col-views"), true}}, rows)
	}
}

// eventLink links an event's title to its course on the Dashboard.
func eventLink(e CampaignEvent) string {
	if e.URL == "" || strings.ContainsAny(e.URL, " []") {
		return plainText(e.Title)
	}
	return "[" + e.URL + " " + plainText(e.Title) + "]"
}
