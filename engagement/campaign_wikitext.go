package engagement

import (
	"fmt"
	"io"
	"strings"

	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/report"
)

// CampaignWikitextFile is the campaign's report as wikitext, for its page
// on Meta-Wiki.
const CampaignWikitextFile = "report.wikitext"

// wikiNumber is a right-aligned wikitable cell.
func wikiNumber(s string) string { return `style="text-align:right" | ` + s }

// wikiEscape makes text literal in wikitext: the characters that start
// links, templates, tables, formatting, signatures, tags or magic words
// become HTML entities, which MediaWiki shows as the characters, and so
// does a first character that would start a list, a heading, a cell or
// preformatted text. Line breaks become spaces.
func wikiEscape(s string) string {
	s = strings.NewReplacer("\n", " ", "\r", " ").Replace(s) // one line
	var b strings.Builder
	for i, r := range s {
		switch {
		case strings.ContainsRune("[]{}|<>'&~_", r), i == 0 && strings.ContainsRune("*#:;=! -", r):
			fmt.Fprintf(&b, "&#%d;", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// writeCampaignWikitext writes the campaign's report as wikitext: the
// combined count with who it leaves out and why, the events side by side
// by title (linked to the Dashboard), the combined headline, the returning
// participants and the notes; sortable tables, numbers right-aligned, no
// empty header or cell. in is the report's input (pseudonymised names
// included when it is); views, when not nil, the page views of the pages
// created during the events.
func writeCampaignWikitext(w io.Writer, in report.CampaignInput, views *report.PageViews) error {
	var b strings.Builder
	fmt.Fprintf(&b, "== %s: campaign results ==\n", wikiEscape(in.Title))
	if in.Combined != nil {
		fmt.Fprintf(&b, "Observed as of %s with engagement %s.\n\n", in.Combined.Params.AsOf.UTC().Format("2006-01-02 15:04 MST"), wikiEscape(in.Version))
	}
	b.WriteString("=== The events side by side ===\n")
	head := []string{"Event", "Dates", "Participants", "New editors", "Also at another event"}
	for _, d := range metrics.DefaultComparisonDays {
		head = append(head, fmt.Sprintf("New editors editing %d+ days after", d))
	}
	var rows [][]string
	for _, e := range in.Events {
		rows = append(rows, campaignEventCells(e, len(head)))
	}
	wikiTable(&b, head, rows)
	if in.Combined != nil {
		b.WriteString("=== The campaign combined ===\n")
		var hr [][]string
		for _, h := range HeadlineRows(in.Combined) {
			hr = append(hr, []string{wikiEscape(h.Label), wikiNumber(wikiEscape(FormatValue(h.Row))), wikiEscape(orDash(FormatDetail(h.Row)))})
		}
		wikiTable(&b, []string{"Measure", "Value", "Detail"}, hr)
	}
	if len(in.Returning) > 0 {
		b.WriteString("=== Returning participants ===\n")
		for _, p := range in.Returning {
			fmt.Fprintf(&b, "* %s: %s\n", wikiEscape(p.Username), wikiEscape(strings.Join(p.Events, ", then ")))
		}
		b.WriteString("\n")
	}
	if views != nil {
		campaignViews(&b, views)
	}
	if len(in.Notes) > 0 || len(in.Failures) > 0 {
		b.WriteString("=== Notes ===\n")
		for _, n := range append(append([]string{}, in.Notes...), in.Failures...) {
			fmt.Fprintf(&b, "* %s\n", wikiEscape(n))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// campaignEventCells is one event's row: its title linked to the
// Dashboard, dates and counts; an event that could not be loaded says why.
func campaignEventCells(e report.CampaignEvent, n int) []string {
	title := wikiEscape(e.Title)
	if e.URL != "" && !strings.ContainsAny(e.URL, " []") {
		title = "[" + e.URL + " " + title + "]"
	}
	if e.Failed != "" {
		row := []string{title, wikiEscape("could not be loaded: " + e.Failed)}
		for len(row) < n {
			row = append(row, "—")
		}
		return row
	}
	row := []string{title, wikiEscape(e.Start.Format("2 Jan 2006") + " – " + e.End.Format("2 Jan 2006")),
		wikiNumber(itoa(e.Participants)), wikiNumber(itoa(e.NewEditors)), wikiNumber(itoa(e.Returning))}
	for _, r := range e.Retention {
		if r.Empty {
			row = append(row, wikiEscape("— ("+r.Note+")"))
			continue
		}
		row = append(row, wikiNumber(wikiEscape(fmt.Sprintf("%s (%d of %d)", FormatValue(r), r.Numerator, r.Denominator))))
	}
	return row
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// wikiTable writes a sortable wikitable: one header row, then the rows.
func wikiTable(b *strings.Builder, head []string, rows [][]string) {
	b.WriteString("{| class=\"wikitable sortable\"\n")
	for _, h := range head {
		b.WriteString("! " + wikiEscape(h) + "\n")
	}
	for _, r := range rows {
		b.WriteString("|-\n")
		for _, c := range r {
			b.WriteString("| " + c + "\n")
		}
	}
	b.WriteString("|}\n\n")
}

// campaignViews writes the views of the pages created: the total, the ten
// most viewed pages, the wikis not counted and the pages whose views could
// not be fetched.
func campaignViews(b *strings.Builder, v *report.PageViews) {
	b.WriteString("=== Views of the pages created ===\n")
	fmt.Fprintf(b, "%s views from %s to %s of the %d pages created during the events that the page views service counts.\n\n",
		report.Thousands(v.Total()), v.Start.Format("2 January 2006"), v.End.Format("2 January 2006"), len(v.Pages))
	var rows [][]string
	for i, p := range v.Pages {
		if i == 10 {
			break
		}
		rows = append(rows, []string{wikiEscape(p.Wiki), wikiEscape(p.Title), wikiNumber(report.Thousands(p.Views))})
	}
	if len(rows) > 0 {
		wikiTable(b, []string{"Wiki", "Page", "Views"}, rows)
	}
	for _, n := range v.NotServed {
		fmt.Fprintf(b, "* %s: %d pages created there, whose views the service does not count.\n", wikiEscape(n.Wiki), n.Pages)
	}
	if v.Failed > 0 {
		fmt.Fprintf(b, "* %d pages: their views could not be fetched (left out, not counted as zero).\n", v.Failed)
	}
	b.WriteString("\n")
}
