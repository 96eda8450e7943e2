package engagement

import (
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"gonum.org/v1/plot"

	"example.com/engagement/engagement/chart"
	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/metrics"
)

// ComparedEvent is one event of a campaign in the side-by-side view.
type ComparedEvent struct {
	Title, URL string
	metrics.EventComparison
	// Failed says why the course could not be loaded ("" when it was): its
	// numbers are unknown, not zero.
	Failed string
}

// Compare sets the campaign's events side by side, in order of start:
// participants, new editors, returning people and the retention of new
// editors at 7, 30 and 90 days with 95% intervals
// (metrics.CompareEvents). Courses that could not be loaded follow, with
// why.
func (a *CampaignAnalysis) Compare() []ComparedEvent {
	byCourse := map[string]*Event{}
	for _, ev := range a.Campaign.Events {
		byCourse[ev.Course.Slug] = ev
	}
	var out []ComparedEvent
	for _, c := range metrics.CompareEvents(a.Result) {
		ev := byCourse[c.Course]
		out = append(out, ComparedEvent{Title: ev.Course.Title, URL: ev.Ref.String(), EventComparison: c})
	}
	for _, f := range a.Campaign.Failed {
		out = append(out, ComparedEvent{Title: f.Course, EventComparison: metrics.EventComparison{Course: f.Course}, Failed: f.Err.Error()})
	}
	return out
}

// ReturningPerson is someone who took part in two or more events of the
// campaign as a participant (a row of returning.csv).
type ReturningPerson = dataset.ReturningPerson

// ReturningPeople lists the people who took part in two or more events
// (metrics.CampaignResult.Returning) with their events.
func (a *CampaignAnalysis) ReturningPeople() []ReturningPerson {
	returning := map[string]int{}
	out := make([]ReturningPerson, len(a.Result.Returning))
	for i, u := range a.Result.Returning {
		returning[u] = i
		out[i].Username = u
	}
	for _, c := range a.Compare() {
		if c.Failed != "" {
			continue
		}
		for _, p := range a.eventResult(c.Course).Participants {
			if i, ok := returning[p.Username]; ok && p.Excluded != metrics.ExcludeFacilitator && p.Excluded != metrics.ExcludeInvalid {
				out[i].Courses = append(out[i].Courses, c.Course)
			}
		}
	}
	return out
}

func (a *CampaignAnalysis) eventResult(course string) *metrics.Result {
	for _, e := range a.Result.Events {
		if e.Course == course {
			return e.Result
		}
	}
	return &metrics.Result{}
}

// comparisonRecords is comparison.csv: a header and one row per event
// (dataset.ComparisonRecords).
func comparisonRecords(cs []ComparedEvent) [][]string {
	rows := make([]dataset.ComparisonRow, len(cs))
	for i, c := range cs {
		rows[i] = dataset.ComparisonRow{Title: c.Title, EventComparison: c.EventComparison, Failed: c.Failed}
	}
	return dataset.ComparisonRecords(rows)
}

// Comparison is the events side by side as a frame (comparison.csv): per
// event its course, title, start and end, participants, new editors,
// returning people, and retention_{7,30,90}d of new editors with
// numerator, denominator and 95% interval (NaN when not observable or when
// the event had no new editors; the note says which). A course that could
// not be loaded has only its note.
func (a *CampaignAnalysis) Comparison() dataframe.DataFrame {
	recs := comparisonRecords(a.Compare())
	types := map[string]series.Type{"course": series.String, "title": series.String, "start": series.String, "end": series.String, "note": series.String}
	for _, h := range recs[0][4:] {
		if _, ok := types[h]; !ok {
			types[h] = series.Float
		}
	}
	return dataframe.LoadRecords(recs, dataframe.DetectTypes(false), dataframe.WithTypes(types))
}

// Returning is the returning people as a frame (returning.csv): username,
// the number of events and the courses, in order of start.
func (a *CampaignAnalysis) Returning() dataframe.DataFrame {
	recs := dataset.ReturningRecords(a.ReturningPeople())
	return dataframe.LoadRecords(recs, dataframe.DetectTypes(false), dataframe.WithTypes(map[string]series.Type{"username": series.String, "events": series.Int, "courses": series.String}))
}

// Events is events.csv as a frame: every row of each event's own analysis
// with its course.
func (a *CampaignAnalysis) Events() dataframe.DataFrame {
	var parts []dataframe.DataFrame
	for _, e := range a.Result.Events {
		f := MetricsFrame(e.Result)
		course := make([]string, f.Nrow())
		for i := range course {
			course[i] = e.Course
		}
		parts = append(parts, dataframe.New(series.New(course, series.String, "course")).CBind(f))
	}
	out := parts[0]
	for _, p := range parts[1:] {
		out = out.RBind(p)
	}
	return out
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
		names = append(names, c.Title+" ("+c.Start.Format("2 Jan 2006")+")")
		events = append(events, c.EventComparison)
	}
	return chart.EventRetention(names, events)
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
