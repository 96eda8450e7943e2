package engagement

import (
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/report"
)

// Analysis is one event taken through the whole flow.
type Analysis struct {
	Event  *Event
	Data   *Data
	Result *metrics.Result
	// Params are the parameters Result was computed with.
	Params metrics.Params
	// Views are the page views of the pages created during the event, shown
	// in the report when set (see Analysis.PageViews).
	Views *report.PageViews
	// Baseline, when the session asked for one, holds the comparable
	// newcomers whose rows (segment baseline) are in Result.Rows, and
	// Comparisons sets each of their shares beside the new editors'.
	Baseline    *Baseline
	Comparisons []metrics.Comparison
	// NoBaseline, when a baseline was asked for but none could be had
	// (a re-analysed folder without one), says why.
	NoBaseline string
	// settings are the session's settings run.json records.
	settings runSettings
}
