package engagement

import (
	"strconv"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"gonum.org/v1/plot"

	"example.com/engagement/engagement/chart"
	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/frame"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/study"
)

// ComparedEvent is one event of a campaign in the side-by-side view
// (study.ComparedEvent).
type ComparedEvent = study.ComparedEvent

// Compare sets the campaign's events side by side, in order of start
// (study.Compare). Courses that could not be loaded follow, with why.
func (a *CampaignAnalysis) Compare() []ComparedEvent { return study.Compare(a.Campaign, a.Result) }

// ReturningPeople lists the people who took part in two or more events
// with their events (study.ReturningPeople).
func (a *CampaignAnalysis) ReturningPeople() []ReturningPerson {
	return study.ReturningPeople(a.Campaign, a.Result)
}

func (a *CampaignAnalysis) eventResult(course string) *metrics.Result {
	return study.EventResult(a.Result, course)
}

// ReturningPerson is someone who took part in two or more events of the
// campaign as a participant (a row of returning.csv).
type ReturningPerson = dataset.ReturningPerson

// comparisonRecords is comparison.csv: a header and one row per event
// (dataset.ComparisonRecords).
func comparisonRecords(cs []ComparedEvent) [][]string {
	return dataset.ComparisonRecords(comparisonRows(cs))
}

// comparisonRows are comparison.csv's rows, one per event.
func comparisonRows(cs []ComparedEvent) []dataset.ComparisonRow {
	rows := make([]dataset.ComparisonRow, len(cs))
	for i, c := range cs {
		rows[i] = dataset.ComparisonRow{Title: c.Title, EventComparison: c.EventComparison, Failed: c.Failed}
	}
	return rows
}

// Comparison is the events side by side as a frame (comparison.csv): per
// event its course, title, start and end, participants, new editors,
// returning people, and retention_{7,30,90}d of new editors with
// numerator, denominator and 95% interval (NaN when not observable or when
// the event had no new editors; the note says which). A course that could
// not be loaded has only its note.
func (a *CampaignAnalysis) Comparison() dataframe.DataFrame {
	return frame.Comparison(comparisonRows(a.Compare()))
}

// Returning is the returning people as a frame (returning.csv): username,
// the number of events and the courses, in order of start.
func (a *CampaignAnalysis) Returning() dataframe.DataFrame {
	return frame.Returning(a.ReturningPeople())
}

// Events is events.csv as a frame: every row of each event's own analysis
// with its course.
func (a *CampaignAnalysis) Events() dataframe.DataFrame {
	events := make([]frame.CourseResult, len(a.Result.Events))
	for i, e := range a.Result.Events {
		events[i] = frame.CourseResult{Course: e.Course, Result: e.Result}
	}
	return frame.Events(events)
}

// Chart draws the events side by side (chart.EventRetention), labelled by
// their titles and start dates; failed courses are left out (Compare lists
// them).
func (a *CampaignAnalysis) Chart() (*plot.Plot, error) {
	var names []string
	var events []metrics.EventComparison
	for _, c := range a.Compare() {
		if c.Failed != "" {
			continue
		}
		day := c.Start.Format("2 Jan 2006")
		if l := reportLanguage(a.settings.language); l != nil && l.Lang() != "en" {
			day = l.T("engagement-chart-day-month", c.Start.Day(), l.ShortMonth(c.Start.Month())) + " " + strconv.Itoa(c.Start.Year())
			day = strings.ReplaceAll(day, " ", "\u00a0") // short, on one line
		}
		names = append(names, c.Title+" ("+day+")")
		events = append(events, c.EventComparison)
	}
	return chart.EventRetention(names, events, chart.Language(reportLanguage(a.settings.language)))
}

// ChartFigure is Chart as a figure 800 pixels wide, as tall as its events
// need.
func (a *CampaignAnalysis) ChartFigure() (chart.Figure, error) {
	p, err := a.Chart()
	if err != nil {
		return chart.Figure{}, err
	}
	n := len(a.Campaign.Events)
	return chart.Figure{Name: "events", Plot: p, Width: chart.Width, Height: chart.EventRetentionHeight(n)}, nil
}
