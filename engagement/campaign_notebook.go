package engagement

import (
	"fmt"
	"strings"

	"github.com/go-gota/gota/dataframe"

	"example.com/engagement/engagement/chart"
	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/nb"
	"example.com/engagement/engagement/report"
)

// Summary says what the campaign holds, in Markdown and in the session's
// language: the banner first when courses or people are missing from the
// numbers, then each event with its dates and participants, what was
// fetched, and the combined count of people with who it leaves out as
// facilitators of another event.
func (a *CampaignAnalysis) Summary() string {
	var b strings.Builder
	c := a.Campaign
	l := reportLanguageOrEnglish(reportLanguage(a.settings.language))
	if n := len(c.Failed); n > 0 {
		total := n + len(c.Events)
		fmt.Fprintf(&b, "**⚠️ %s**\n\n", l.T("engagement-nb-campaign-failed", nb.Int(l, n), total, nb.Int(l, total)))
		for _, f := range c.Failed {
			fmt.Fprintf(&b, "- %s: %v\n", f.Course, f.Err)
		}
		b.WriteString("\n")
	}
	if s := report.IncompleteBannerIn(l, a.Combined()); s != "" {
		fmt.Fprintf(&b, "**⚠️ %s**\n\n", s)
	}
	title := c.Title
	if title == "" {
		title = c.Slug
	}
	nc, na := a.Data.Contributions.Len(), len(a.Data.Accounts)
	b.WriteString(l.T("engagement-nb-campaign-summary", title, len(c.Events), nb.Int(l, len(c.Events)), nc, nb.Int(l, nc), na, nb.Int(l, na), requestsText(l, a.Data.Stats)))
	for _, e := range a.Compare() {
		if e.Failed == "" {
			b.WriteString("\n" + l.T("engagement-nb-campaign-event", e.Participants, nb.Int(l, e.Participants), e.Title, nb.ShortDate(l, e.Start), nb.ShortDate(l, e.End)))
		}
	}
	b.WriteString("\n\n" + l.T("engagement-nb-campaign-combined", a.combinedCountIn(l, nil)))
	return b.String()
}

// combinedCountIn is the combined count of people with why it is what it
// is, in l's language: "52 people counted once each, from their first
// event: Priya Okafor took part in …".
func (a *CampaignAnalysis) combinedCountIn(l *i18n.Localizer, pseudo *report.Pseudonymizer) string {
	n := 0
	if row, ok := a.Combined().Find(metrics.MetricParticipants, metrics.SegmentAll); ok {
		n = int(row.Value)
	}
	s := l.T("engagement-nb-campaign-counted", n, nb.Int(l, n))
	if notes := a.CombinedNotes(pseudo); len(notes) > 0 {
		s += l.T("engagement-nb-campaign-counted-notes", nb.SemicolonList(l, notes))
	}
	return s
}

// ShowChart shows the events side by side (Chart) in a notebook, as tall
// as the events need; outside one it saves the PNG.
func (a *CampaignAnalysis) ShowChart() error {
	p, err := a.Chart()
	if err != nil {
		return err
	}
	return nb.ShowPlot(p, "events", nb.Size(chart.Width, chart.EventRetentionHeight(len(a.Campaign.Events))))
}

// ComparisonView is the events side by side for reading (nb.ComparisonView),
// the cells in the session's language, the column names (those of the CSV
// files) in English; Comparison has the same numbers as numbers.
func (a *CampaignAnalysis) ComparisonView() dataframe.DataFrame {
	return nb.ComparisonView(reportLanguage(a.settings.language), a.Compare())
}

// ReturningView is the returning people for reading (nb.ReturningView):
// username, the number of events and their titles, listed as the
// session's language separates them; Returning has the course slugs.
func (a *CampaignAnalysis) ReturningView() dataframe.DataFrame {
	return nb.ReturningView(reportLanguage(a.settings.language), a.Compare(), a.ReturningPeople())
}
