package nb

import (
	"strings"
	"time"

	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/study"
)

// EventSummary is the course's facts and the Dashboard's own totals, in
// Markdown, in l's language (nil: English). The Dashboard's totals are
// shown as it writes them ("1.59K").
func EventSummary(l *i18n.Localizer, ev *study.Event) string {
	l = orEnglish(l)
	c := ev.Course
	head := l.Count("engagement-nb-event", len(ev.Participants), c.Title, eventTime(l, c.Start), eventTime(l, c.End), strings.Join(c.Domains(), ", "))
	totals := l.T("engagement-nb-event-totals", l.Int(c.StudentCount), l.Int(c.ArticleCount), c.EditCount, c.CreatedCount, c.WordCount, c.ViewCount)
	return head + "\n\n" + totals
}

// eventTime writes an event's start or end with the month abbreviated:
// "5 Mar 2021 00:00 UTC" in English.
func eventTime(l *i18n.Localizer, t time.Time) string {
	return l.T("engagement-datetime", l.T("engagement-nb-event-date", t.Day(), l.ShortMonth(t.Month()), t.Year()), t.Format("15:04 MST"))
}
