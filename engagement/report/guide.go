package report

import "example.com/engagement/engagement/metrics"

// guideRow explains one of the retention figures for new editors in plain
// words, beside its value.
type guideRow struct{ Name, Value, Detail, Means string }

// retentionGuide puts the different "retention" figures for new editors side
// by side, each with what it counts, so that a reader is not left to wonder
// why they differ.
func retentionGuide(r *metrics.Result) []guideRow {
	f := finder(r.Rows)
	var out []guideRow
	for _, g := range []struct{ m, name, means string }{
		{metrics.RetentionMetric(7), "Edited again after a week (Event Metrics)",
			"New participants with any edit, on any course wiki, 7 or more days after the end."},
		{metrics.RetentionMetric(30), "Edited again after a month",
			"The same, 30 or more days after the end."},
		{metrics.MetricRetainedNewEditorsDashboard, "Retained new editors (Dashboard)",
			"A count, not a share: accounts registered during the event with an article edit on the home wiki 7 or more days after the end. Stricter, so lower."},
		{metrics.MetricSurvivingNewEditors, "Surviving new editors (WMF Research)",
			"An edit on the first day and another 30 to 60 days after registering, whatever the event dates; accounts too young to tell are left out."},
	} {
		row, ok := f.row(g.m, metrics.SegmentNew)
		if !ok {
			if row, ok = f.row(g.m, metrics.SegmentAll); !ok {
				continue
			}
		}
		v := value(row)
		if !row.IsShare && !row.Empty {
			v = plural(int(row.Value), "person")
			if row.Value != 1 {
				v = thousands(int(row.Value)) + " people"
			}
		}
		out = append(out, guideRow{g.name, v, detail(row), g.means})
	}
	return out
}

// reading is the report's example of how to read a share, taken from the
// event's own numbers.
type reading struct {
	Detail string
	K, N   string
}

// readingExample picks the new editors' 7-day retention, or else the
// first observed share, as the example; nil when there is none.
func readingExample(r *metrics.Result) *reading {
	pick := func(ok func(metrics.Row) bool) *reading {
		for _, row := range r.Rows {
			if row.IsShare && !row.Empty && row.Denominator > 0 && ok(row) {
				return &reading{Detail: detail(row), K: thousands(row.Numerator), N: thousands(row.Denominator)}
			}
		}
		return nil
	}
	if x := pick(func(row metrics.Row) bool {
		return row.Metric == metrics.RetentionMetric(7) && row.Segment == metrics.SegmentNew
	}); x != nil {
		return x
	}
	return pick(func(metrics.Row) bool { return true })
}
