package dataset

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"example.com/engagement/engagement/metrics"
)

// Files a campaign's analysis writes beside its events.csv, metrics.csv
// and data files: the events side by side (ComparisonRecords) and who came
// back (ReturningRecords).
const (
	ComparisonFile = "comparison.csv"
	ReturningFile  = "returning.csv"
	// CampaignChartFile is the chart of the events side by side.
	CampaignChartFile = "events.png"
	// WikitextFile is a report as wikitext, for its page on Meta-Wiki.
	WikitextFile = "report.wikitext"
)

// ComparisonRow is an event of comparison.csv: its title, its numbers, or
// why its course could not be loaded (Failed; its numbers are unknown).
type ComparisonRow struct {
	Title string
	metrics.EventComparison
	Failed string
}

// ComparisonRecords is comparison.csv: a header (course, title, start,
// end, participants, new_editors, returning, then per comparison day the
// retention of new editors, its numerator, denominator and 95% interval,
// then note) and one row per event. A retention not observable is empty,
// and the note says why; a course that could not be loaded has its course,
// title and note only.
func ComparisonRecords(rows []ComparisonRow) [][]string {
	head := []string{"course", "title", "start", "end", "participants", "new_editors", "returning"}
	days := metrics.DefaultComparisonDays
	for _, d := range days {
		m := metrics.RetentionMetric(d)
		head = append(head, m, m+"_numerator", m+"_denominator", m+"_ci_low", m+"_ci_high")
	}
	recs := [][]string{append(head, "note")}
	for _, c := range rows {
		if c.Failed != "" {
			rec := make([]string, len(head)+1)
			rec[0], rec[1], rec[len(rec)-1] = c.Course, c.Title, "could not be loaded: "+c.Failed
			recs = append(recs, rec)
			continue
		}
		rec := []string{c.Course, c.Title, stamp(c.Start), stamp(c.End), strconv.Itoa(c.Participants), strconv.Itoa(c.NewEditors), strconv.Itoa(c.Returning)}
		var notes []string
		for i, r := range c.Retention {
			if r.Empty {
				rec = append(rec, "", "", "", "", "")
				notes = append(notes, fmt.Sprintf("%s: %s", metrics.RetentionMetric(days[i]), r.Note))
				continue
			}
			rec = append(rec, num(r.Value), strconv.Itoa(r.Numerator), strconv.Itoa(r.Denominator), num(r.CILow), num(r.CIHigh))
		}
		recs = append(recs, append(rec, strings.Join(notes, "; ")))
	}
	return recs
}

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func num(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// ReturningPerson is someone who took part in two or more events of a
// campaign as a participant.
type ReturningPerson struct {
	Username string
	// Courses are the events they took part in, in order of start.
	Courses []string
}

// ReturningRecords is returning.csv: username, the number of events and
// the courses ("; "-separated, in order of start).
func ReturningRecords(ps []ReturningPerson) [][]string {
	recs := [][]string{{"username", "events", "courses"}}
	for _, p := range ps {
		recs = append(recs, []string{p.Username, strconv.Itoa(len(p.Courses)), strings.Join(p.Courses, "; ")})
	}
	return recs
}

// WriteRecords writes records as CSV into w (comparison.csv and
// returning.csv, through WriteFile).
func WriteRecords(w io.Writer, recs [][]string) error {
	return csv.NewWriter(w).WriteAll(recs)
}
