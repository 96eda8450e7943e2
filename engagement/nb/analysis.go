package nb

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/report"
	"example.com/engagement/engagement/study"
)

// FetchSummary is what the fetch brought, in Markdown and in l's
// language (nil: English), requests being what the client did: the data-incomplete
// banner first when some participants are left out, then the counts, the
// requests, the notes, what re-reading a previous run's files normalised,
// and the failures. It names every participant the fetch found to be left
// out, a bot or an account not found, with the reason.
func FetchSummary(l *i18n.Localizer, d *study.Data, r *metrics.Result, requests string) string {
	l = orEnglish(l)
	var b strings.Builder
	if s := report.IncompleteBannerIn(l, r); s != "" {
		fmt.Fprintf(&b, "**⚠️ %s**\n\n", s)
	}
	num := plainOr(l)
	b.WriteString(l.T("engagement-nb-fetched", d.Contributions.Len(), num(d.Contributions.Len()), len(d.Accounts), num(len(d.Accounts)), requests) + "\n")
	for _, n := range d.Notes {
		b.WriteString("\n- " + l.T("engagement-nb-note", n.In(l)))
	}
	b.WriteString(leftOutByFetch(l, r))
	for _, line := range d.Normalised.Lines() {
		b.WriteString("\n- " + l.T("engagement-nb-normalised", line))
	}
	if s := d.FailureSummary(); s != "" {
		fmt.Fprintf(&b, "\n\n```\n%s```\n", s)
	}
	return b.String()
}

// ShowCharts shows charts with their titles and captions, and skipped
// (charts without data) as their reasons, in l's language (nil: English):
// those named (report.Chart.Name), or all.
func ShowCharts(l *i18n.Localizer, charts []report.Chart, skipped []error, names ...string) error {
	for _, c := range charts {
		if len(names) > 0 && !slices.Contains(names, c.Name) {
			continue
		}
		ShowMarkdown("### " + c.Title + "\n" + c.Caption)
		if err := ShowPlot(c.Plot, c.Name); err != nil {
			return err
		}
	}
	for _, e := range skipped {
		var sc *report.SkippedChart
		if errors.As(e, &sc) && len(names) > 0 && !slices.Contains(names, sc.Name) {
			continue
		}
		ShowMarkdown(orEnglish(l).T("engagement-nb-chart-left-out", report.SkipReason(l, e)))
	}
	return nil
}

// plainOr formats counts ungrouped in English, as the notebooks always
// wrote them, and as the language writes them otherwise.
func plainOr(l *i18n.Localizer) func(int) string {
	if l.Lang() == "en" {
		return strconv.Itoa
	}
	return l.Int
}

// orEnglish is l, or English when l is nil.
func orEnglish(l *i18n.Localizer) *i18n.Localizer {
	if l == nil {
		return english()
	}
	return l
}

// leftOutByFetch lists, in Markdown, the participants left out as bots or
// accounts not found, by name: "" when there are none.
func leftOutByFetch(l *i18n.Localizer, r *metrics.Result) string {
	if r == nil {
		return ""
	}
	fetchExclusions := []struct {
		why metrics.Exclusion
		key string
	}{ // the reasons only the fetch finds, in words
		{metrics.ExcludeBot, "engagement-nb-left-out-bot"},
		{metrics.ExcludeNotFound, "engagement-nb-left-out-not-found"},
	}
	var b strings.Builder
	for _, e := range fetchExclusions {
		var names []string
		for _, p := range r.Participants {
			if p.Excluded == e.why {
				names = append(names, p.Username)
			}
		}
		if len(names) > 0 {
			b.WriteString("\n- " + l.T(e.key, l.Int(len(names)), strings.Join(names, ", ")))
		}
	}
	return b.String()
}

// Counts is how the notebooks write a count for a reader of l: plain
// digits in English, as they always have, grouped as the language does
// otherwise.
func Counts(l *i18n.Localizer) func(int) string { return plainOr(orEnglish(l)) }
