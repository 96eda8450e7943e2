package chart

import (
	"gonum.org/v1/plot"

	"example.com/engagement/engagement/metrics"
)

// BaselineCurve draws the retention of the event's new editors beside that
// of comparable newcomers (segment baseline), each with its 95% band.
func BaselineCurve(rows []metrics.Row) (p *plot.Plot, err error) {
	defer recoverInto(&err, "baseline curve")
	label := func(s metrics.Segment) string {
		if s == metrics.SegmentBaseline {
			return "comparable newcomers"
		}
		return "new editors of the event"
	}
	return retentionCurve(rows, "baseline curve", "New editors still editing, beside comparable newcomers",
		[]metrics.Segment{metrics.SegmentNew, metrics.SegmentBaseline}, label)
}
