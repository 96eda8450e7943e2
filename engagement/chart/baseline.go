package chart

import (
	"gonum.org/v1/plot"

	"example.com/engagement/engagement/metrics"
)

// BaselineCurve draws the retention of the event's new editors beside that
// of comparable newcomers (segment baseline), each with its 95% band.
func BaselineCurve(rows []metrics.Row, opts ...Option) (p *plot.Plot, err error) {
	defer recoverInto(&err, "baseline curve")
	l := newOptions(opts).tr()
	label := func(s metrics.Segment) string {
		if s == metrics.SegmentBaseline {
			return l.T("engagement-segment-baseline")
		}
		return l.T("engagement-chart-legend-new-of-event")
	}
	return retentionCurve(l, rows, "baseline curve", l.T("engagement-chart-baseline-title"),
		[]metrics.Segment{metrics.SegmentNew, metrics.SegmentBaseline}, label)
}
