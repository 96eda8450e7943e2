package frame

import (
	"errors"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/metrics"
)

// Comparison is comparison.csv as a frame: course, title, start, end and
// note as text, every other column a number (NaN where the file's cell is
// empty).
func Comparison(rows []dataset.ComparisonRow) dataframe.DataFrame {
	recs := dataset.ComparisonRecords(rows)
	types := map[string]series.Type{"course": series.String, "title": series.String, "start": series.String, "end": series.String, "note": series.String}
	for _, h := range recs[0][4:] {
		if _, ok := types[h]; !ok {
			types[h] = series.Float
		}
	}
	return dataframe.LoadRecords(recs, dataframe.DetectTypes(false), dataframe.WithTypes(types))
}

// Returning is returning.csv as a frame: username, the number of events
// (an integer) and the courses.
func Returning(people []dataset.ReturningPerson) dataframe.DataFrame {
	recs := dataset.ReturningRecords(people)
	return dataframe.LoadRecords(recs, dataframe.DetectTypes(false), dataframe.WithTypes(map[string]series.Type{"username": series.String, "events": series.Int, "courses": series.String}))
}

// CourseResult is one event of a campaign: its course and its analysis.
type CourseResult struct {
	Course string
	Result *metrics.Result
}

// Events is events.csv as a frame: course, then the metrics frame's
// columns, every row of each event's metrics in the order given. It
// needs one event at least: with none it is a frame whose Err says so.
func Events(events []CourseResult) dataframe.DataFrame {
	var parts []dataframe.DataFrame
	for _, e := range events {
		f := Metrics(e.Result)
		course := make([]string, f.Nrow())
		for i := range course {
			course[i] = e.Course
		}
		parts = append(parts, dataframe.New(series.New(course, series.String, "course")).CBind(f))
	}
	if len(parts) == 0 {
		return dataframe.DataFrame{Err: errors.New("a campaign frame of no events: no event of the campaign could be analysed")}
	}
	out := parts[0]
	for _, p := range parts[1:] {
		out = out.RBind(p)
	}
	return out
}
