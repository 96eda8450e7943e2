package report

import (
	"slices"

	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
)

// HeadlineRow is one of the numbers organizers report, with its label.
type HeadlineRow struct {
	Label string
	Row   metrics.Row
}

// HeadlineRows returns the numbers organizers report, in order, labelled
// in l's language (nil: English): participants, new editors, edits, pages
// created and bytes added during the event, then the retention of new and
// experienced editors for each headline window (see headlineWindows).
func HeadlineRows(l *i18n.Localizer, r *metrics.Result) []HeadlineRow {
	l = orEnglish(l)
	type item struct {
		label, metric string
		seg           metrics.Segment
	}
	items := []item{
		{l.T("engagement-headline-participants"), metrics.MetricParticipants, metrics.SegmentAll},
		{l.T("engagement-headline-new-editors"), metrics.MetricParticipants, metrics.SegmentNew},
		{l.T("engagement-headline-edits-during"), metrics.MetricEditsDuring, metrics.SegmentAll},
		{l.T("engagement-headline-pages-created"), metrics.MetricPagesCreatedDuring, metrics.SegmentAll},
		{l.T("engagement-headline-bytes-added"), metrics.MetricBytesAddedDuring, metrics.SegmentAll},
	}
	for _, d := range headlineWindows(r.Params.RetentionDays) {
		items = append(items,
			item{l.Count("engagement-headline-retention-new", d), metrics.RetentionMetric(d), metrics.SegmentNew},
			item{l.Count("engagement-headline-retention-experienced", d), metrics.RetentionMetric(d), metrics.SegmentExperienced})
	}
	var out []HeadlineRow
	for _, it := range items {
		if row, ok := r.Find(it.metric, it.seg); ok {
			out = append(out, HeadlineRow{it.label, row})
		}
	}
	return out
}

// headlineWindows returns the retention windows of the headline: 7, 30, 90
// and 365 days among those computed, then every other window computed that
// is not one of metrics.DefaultRetentionDays (a custom window such as 14
// or 730 days), in increasing order. No windows at all reads as the
// default ones.
func headlineWindows(computed []int) []int {
	if len(computed) == 0 {
		computed = metrics.DefaultRetentionDays() // a Result built without its Params
	}
	var out []int
	for _, d := range computed {
		if slices.Contains([]int{7, 30, 90, 365}, d) || !slices.Contains(metrics.DefaultRetentionDays(), d) {
			out = append(out, d)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
