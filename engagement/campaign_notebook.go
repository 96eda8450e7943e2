package engagement

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/go-gota/gota/dataframe"

	"example.com/engagement/engagement/chart"
	"example.com/engagement/engagement/frame"
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
		fmt.Fprintf(&b, "**⚠️ %s**\n\n", l.T("engagement-nb-campaign-failed", nbInt(l, n), total, nbInt(l, total)))
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
	b.WriteString(l.T("engagement-nb-campaign-summary", title, len(c.Events), nbInt(l, len(c.Events)), nc, nbInt(l, nc), na, nbInt(l, na), requestsText(l, a.Data.Stats)))
	for _, e := range a.Compare() {
		if e.Failed == "" {
			b.WriteString("\n" + l.T("engagement-nb-campaign-event", e.Participants, nbInt(l, e.Participants), e.Title, nbDate(l, e.Start), nbDate(l, e.End)))
		}
	}
	b.WriteString("\n\n" + l.T("engagement-nb-campaign-combined", a.combinedCountIn(l, nil)))
	return b.String()
}

// nbDate is t as the notebooks write a short date: "5 Mar 2021" in
// English, "5 mar 2021" in Spanish (message engagement-nb-event-date).
func nbDate(l *i18n.Localizer, t time.Time) string {
	return l.T("engagement-nb-event-date", t.Day(), l.ShortMonth(t.Month()), t.Year())
}

// nbInt is n for a reader of l: plain digits in English, as the notebooks
// have always written their counts, grouped as the language does
// otherwise.
func nbInt(l *i18n.Localizer, n int) string {
	if l.Lang() == "en" {
		return strconv.Itoa(n)
	}
	return l.Int(n)
}

// combinedCountIn is the combined count of people with why it is what it
// is, in l's language: "52 people counted once each, from their first
// event: Priya Okafor took part in …".
func (a *CampaignAnalysis) combinedCountIn(l *i18n.Localizer, pseudo *report.Pseudonymizer) string {
	n := 0
	if row, ok := a.Combined().Find(metrics.MetricParticipants, metrics.SegmentAll); ok {
		n = int(row.Value)
	}
	s := l.T("engagement-nb-campaign-counted", n, nbInt(l, n))
	if notes := a.CombinedNotes(pseudo); len(notes) > 0 {
		s += l.T("engagement-nb-campaign-counted-notes", semicolonList(l, notes))
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

// ComparisonView is the events side by side for reading: per event its
// title, dates, participants, new editors, people also at another event,
// and each retention window as "25.0 % · 9 of 36 · 13.8–41.1 %" (or why
// it is empty). The cells are in the session's language, the column names
// (those of the CSV files) in English. Comparison has the same numbers as
// numbers.
func (a *CampaignAnalysis) ComparisonView() dataframe.DataFrame {
	l := reportLanguageOrEnglish(reportLanguage(a.settings.language))
	head := []string{"event", "dates", "participants", "new editors", "also at another event"}
	for _, d := range metrics.DefaultComparisonDays {
		head = append(head, fmt.Sprintf("new editors editing %d+ days after", d))
	}
	recs := [][]string{head}
	for _, e := range a.Compare() {
		if e.Failed != "" {
			rec := make([]string, len(head))
			rec[0], rec[1] = e.Title, l.T("engagement-campaign-failed-row", e.Failed)
			recs = append(recs, rec)
			continue
		}
		rec := []string{e.Title, nbDate(l, e.Start) + " – " + nbDate(l, e.End), strconv.Itoa(e.Participants), strconv.Itoa(e.NewEditors), strconv.Itoa(e.Returning)}
		for _, r := range e.Retention {
			rec = append(rec, retentionCell(l, r))
		}
		recs = append(recs, rec)
	}
	return frame.Strings(recs)
}

// retentionCell is a share of ComparisonView in l's language: "25.0 % ·
// 9 of 36 · 13.8–41.1 %", or "— (why it is empty)".
func retentionCell(l *i18n.Localizer, r metrics.Row) string {
	if r.Empty {
		note := r.Note
		if l.Lang() != "en" {
			note = report.FormatDetailIn(l, r)
		}
		return "— (" + note + ")"
	}
	zero := report.FormatValueIn(l, metrics.Row{IsShare: true})
	sign := strings.TrimLeft(zero, "0123456789.,") // " %", "\u202f%", "%"
	low := strings.TrimSuffix(report.FormatValueIn(l, metrics.Row{IsShare: true, Value: r.CILow}), sign)
	return report.FormatValueIn(l, r) + " · " + l.T("engagement-campaign-k-of-n", nbInt(l, r.Numerator), nbInt(l, r.Denominator)) +
		" · " + low + "–" + report.FormatValueIn(l, metrics.Row{IsShare: true, Value: r.CIHigh})
}

// ReturningView is the returning people for reading: username, the number
// of events and the events by title, in order of start, listed as the
// session's language separates them. Returning has the course slugs.
func (a *CampaignAnalysis) ReturningView() dataframe.DataFrame {
	l := reportLanguageOrEnglish(reportLanguage(a.settings.language))
	title := map[string]string{}
	for _, c := range a.Compare() {
		title[c.Course] = c.Title
	}
	people := a.ReturningPeople()
	user, titles, n := make([]string, len(people)), make([]string, len(people)), make([]int, len(people))
	for i, p := range people {
		ts := make([]string, len(p.Courses))
		for j, c := range p.Courses {
			ts[j] = title[c]
		}
		user[i], n[i], titles[i] = p.Username, len(p.Courses), semicolonList(l, ts)
	}
	return frame.ReturningTitles(user, n, titles)
}

// semicolonList is items separated by semicolons as l writes them ("a; b",
// in French "a\u202f; b"); "" for none.
func semicolonList(l *i18n.Localizer, items []string) string {
	if len(items) == 0 {
		return ""
	}
	list := items[0]
	for _, it := range items[1:] {
		list = l.T("engagement-campaign-list-semicolon", list, it)
	}
	return list
}
