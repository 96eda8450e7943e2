package nb

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/frame"
	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/report"
	"example.com/engagement/engagement/study"
	"github.com/go-gota/gota/dataframe"
)

// ShortDate is t as the notebooks write a short date: "5 Mar 2021" in
// English, "5 mar 2021" in Spanish (message engagement-nb-event-date).
func ShortDate(l *i18n.Localizer, t time.Time) string {
	return l.T("engagement-nb-event-date", t.Day(), l.ShortMonth(t.Month()), t.Year())
}

// Int is n for a reader of l: plain digits in English, as the notebooks
// have always written their counts, grouped as the language does
// otherwise.
func Int(l *i18n.Localizer, n int) string {
	if l.Lang() == "en" {
		return strconv.Itoa(n)
	}
	return l.Int(n)
}

// ComparisonView is the events side by side for reading: per event its
// title, dates, participants, new editors, people also at another event,
// and each retention window as "25.0 % · 9 of 36 · 13.8–41.1 %" (or why
// it is empty). The cells are in the session's language, the column names
// (those of the CSV files) in English. The campaign's Comparison has the
// same numbers as numbers.
func ComparisonView(l *i18n.Localizer, events []study.ComparedEvent) dataframe.DataFrame {
	l = orEnglish(l)
	head := []string{"event", "dates", "participants", "new editors", "also at another event"}
	for _, d := range metrics.DefaultComparisonDays {
		head = append(head, fmt.Sprintf("new editors editing %d+ days after", d))
	}
	recs := [][]string{head}
	for _, e := range events {
		if e.Failed != "" {
			rec := make([]string, len(head))
			rec[0], rec[1] = e.Title, l.T("engagement-campaign-failed-row", e.Failed)
			recs = append(recs, rec)
			continue
		}
		rec := []string{e.Title, ShortDate(l, e.Start) + " – " + ShortDate(l, e.End), strconv.Itoa(e.Participants), strconv.Itoa(e.NewEditors), strconv.Itoa(e.Returning)}
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
	return report.FormatValueIn(l, r) + " · " + l.T("engagement-campaign-k-of-n", Int(l, r.Numerator), Int(l, r.Denominator)) +
		" · " + low + "–" + report.FormatValueIn(l, metrics.Row{IsShare: true, Value: r.CIHigh})
}

// ReturningView is the returning people for reading: username, the number
// of events and the events by title, in order of start, listed as the
// session's language separates them. Returning has the course slugs.
func ReturningView(l *i18n.Localizer, events []study.ComparedEvent, people []dataset.ReturningPerson) dataframe.DataFrame {
	l = orEnglish(l)
	title := map[string]string{}
	for _, c := range events {
		title[c.Course] = c.Title
	}
	user, titles, n := make([]string, len(people)), make([]string, len(people)), make([]int, len(people))
	for i, p := range people {
		ts := make([]string, len(p.Courses))
		for j, c := range p.Courses {
			ts[j] = title[c]
		}
		user[i], n[i], titles[i] = p.Username, len(p.Courses), SemicolonList(l, ts)
	}
	return frame.ReturningTitles(user, n, titles)
}

// SemicolonList is items separated by semicolons as l writes them ("a; b",
// in French "a\u202f; b"); "" for none.
func SemicolonList(l *i18n.Localizer, items []string) string {
	if len(items) == 0 {
		return ""
	}
	list := items[0]
	for _, it := range items[1:] {
		list = l.T("engagement-campaign-list-semicolon", list, it)
	}
	return list
}
