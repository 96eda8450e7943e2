package frame

import (
	"errors"
	"math"

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

// ReturningTitles is the returning people for reading: username, the
// number of events and the events' titles as one cell each (titles,
// already joined as the reader's language separates them).
func ReturningTitles(users []string, events []int, titles []string) dataframe.DataFrame {
	return dataframe.New(series.New(users, series.String, ColUsername), series.New(events, series.Int, "events"), series.New(titles, series.String, "event titles"))
}

// BaselineComparison is the frame of a comparison with the baseline: per
// metric, the new editors' share, the baseline's, each with numerator and
// denominator, and the difference (new minus baseline) with its 95%
// interval (NaN when not comparable or empty).
func BaselineComparison(cs []metrics.Comparison) dataframe.DataFrame {
	n := len(cs)
	name := make([]string, n)
	nv, bv, d, lo, hi := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	nk, nn, bk, bn := make([]int, n), make([]int, n), make([]int, n), make([]int, n)
	for i, c := range cs {
		name[i] = c.Metric
		nv[i], nk[i], nn[i] = shareValue(c.New), c.New.Numerator, c.New.Denominator
		bv[i], bk[i], bn[i] = shareValue(c.Baseline), c.Baseline.Numerator, c.Baseline.Denominator
		d[i], lo[i], hi[i] = c.Difference.Value, c.Difference.Low, c.Difference.High
	}
	return dataframe.New(
		series.New(name, series.String, ColMetric),
		series.New(nv, series.Float, "new"), series.New(nk, series.Int, "new_numerator"), series.New(nn, series.Int, "new_denominator"),
		series.New(bv, series.Float, "baseline"), series.New(bk, series.Int, "baseline_numerator"), series.New(bn, series.Int, "baseline_denominator"),
		series.New(d, series.Float, "difference"), series.New(lo, series.Float, "difference_low"), series.New(hi, series.Float, "difference_high"),
	)
}

// shareValue is a row's value, NaN when it is empty.
func shareValue(r metrics.Row) float64 {
	if r.Empty {
		return math.NaN()
	}
	return r.Value
}

// Strings is a frame of text cells for reading: the first record is the
// header; no cell is read as a number.
func Strings(recs [][]string) dataframe.DataFrame {
	return dataframe.LoadRecords(recs, dataframe.DetectTypes(false), dataframe.HasHeader(true))
}
