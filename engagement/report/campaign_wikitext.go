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
// editors, and how many people came back. It names no participant.
func WriteCampaignWikitext(w io.Writer, in CampaignInput) error {
	r := in.Combined
	if r == nil {
		return fmt.Errorf("report: no combined campaign to report")
	}
	var b strings.Builder
	ww := &wikiWriter{b: &b, defined: map[string]bool{}, longTerm: r.Params.LongTermEdits, l: english()}
	var ok []CampaignEvent
	var failed []CampaignEvent
	for _, e := range in.Events {
		if e.Failed != "" {
			failed = append(failed, e)
		} else {
			ok = append(ok, e)
		}
	}
	lead, cards := campaignHeadline(english(), r, len(ok))
	fmt.Fprintf(&b, "== %s: results ==\n", plainText(in.Title))
	for _, banner := range campaignBanners(failed, len(in.Events), r) {
		fmt.Fprintf(&b, "'''%s.'''\n\n", plainText(banner))
	}
	fmt.Fprintf(&b, "%s<ref name=\"asof\">Observed as of %s with engagement %s.</ref>\n\n", plainText(lead), r.Params.AsOf.Format("2006-01-02 15:04 MST"), plainText(in.Version))
	var rows [][]string
	for _, c := range cards {
		rows = append(rows, []string{plainText(c.Value), plainText(c.Label), plainText(c.Detail)})
	}
	ww.table([]column{{"Number", true}, {"What", false}, {"Detail", false}}, rows)
	ww.campaignEvents(ok, failed)
	switch n := len(in.Returning); n {
	case 0:
	case 1:
		b.WriteString("1 person took part in two or more events.\n\n")
	default:
		fmt.Fprintf(&b, "%s people took part in two or more events.\n\n", thousands(n))
	}
	b.WriteString("=== Notes ===\n<references />\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// campaignEvents writes the events side by side: their own participants
// and new editors, and the share of the new editors still editing after
// each window, "k of n" beside it; a course that could not be loaded says
// why.
func (ww *wikiWriter) campaignEvents(events, failed []CampaignEvent) {
	ww.b.WriteString("=== The events side by side ===\n")
	cols := []column{{"Event", false}, {"Dates", false}, {"Participants", true}, {"New editors", true}, {"Also at another event", true}}
	for i, d := range metrics.DefaultComparisonDays {
		cols = append(cols, column{fmt.Sprintf("Still editing after %d+ days", d), true})
		if i == 0 {
			cols[len(cols)-1].head += ww.ref(metrics.RetentionMetric(d))
		}
	}
	var rows [][]string
	for _, e := range events {
		row := []string{eventLink(e), e.Start.Format("2 Jan 2006") + " – " + e.End.Format("2 Jan 2006"),
			thousands(e.Participants), thousands(e.NewEditors), thousands(e.Returning)}
		for i := range metrics.DefaultComparisonDays {
			cell := "—"
			if i < len(e.Retention) {
				if ret := e.Retention[i]; ret.Empty {
					cell = "— (" + plainText(ret.Note) + ")"
				} else {
					cell = value(english(), ret) + " (" + thousands(ret.Numerator) + " of " + thousands(ret.Denominator) + ")"
				}
			}
			row = append(row, cell)
		}
		rows = append(rows, row)
	}
	ww.table(cols, rows)
	for _, f := range failed {
		ww.b.WriteString("* " + plainText(f.Title) + ": could not be loaded (" + plainText(f.Failed) + "); left out of every number.\n")
	}
	if len(failed) > 0 {
		ww.b.WriteString("\n")
	}
}

// eventLink links an event's title to its course on the Dashboard.
func eventLink(e CampaignEvent) string {
	if e.URL == "" || strings.ContainsAny(e.URL, " []") {
		return plainText(e.Title)
	}
	return "[" + e.URL + " " + plainText(e.Title) + "]"
}
