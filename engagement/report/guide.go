package report

import (
	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
)

// guideRow explains one of the retention figures for new editors in plain
// words, beside its value.
type guideRow struct{ Name, Value, Detail, Means string }

// retentionGuide puts the different "retention" figures for new editors side
// by side, each with what it counts, so that a reader is not left to wonder
// why they differ.
func retentionGuide(l *i18n.Localizer, r *metrics.Result) []guideRow {
	f := finder(r.Rows)
	var out []guideRow
	for _, g := range []struct{ m, key string }{
		{metrics.RetentionMetric(7), "engagement-guide-week"},
		{metrics.RetentionMetric(30), "engagement-guide-month"},
		{metrics.MetricRetainedNewEditorsDashboard, "engagement-guide-dashboard"},
		{metrics.MetricSurvivingNewEditors, "engagement-guide-surviving"},
	} {
		row, ok := f.row(g.m, metrics.SegmentNew)
		if !ok {
			if row, ok = f.row(g.m, metrics.SegmentAll); !ok {
				continue
			}
		}
		v := value(l, row)
		if !row.IsShare && !row.Empty {
			v = l.Count("engagement-people", int(row.Value))
		}
		out = append(out, guideRow{l.T(g.key), v, detail(l, row), l.T(g.key + "-means")})
	}
	return out
}

// reading is the report's example of how to read a share, taken from the
// event's own numbers.
type reading struct {
	Detail string
	K, N   int
}

// readingExample picks the new editors' 7-day retention, or else the
// first observed share, as the example; nil when there is none.
func readingExample(l *i18n.Localizer, r *metrics.Result) *reading {
	pick := func(ok func(metrics.Row) bool) *reading {
		for _, row := range r.Rows {
			if row.IsShare && !row.Empty && row.Denominator > 0 && ok(row) {
				return &reading{Detail: detail(l, row), K: row.Numerator, N: row.Denominator}
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

// Text is the sentence explaining the example.
func (x *reading) Text(l *i18n.Localizer) string {
	return l.T("engagement-report-reading", x.Detail, x.K, l.Int(x.K), x.N, l.Int(x.N))
}
