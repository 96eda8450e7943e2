package engagement

import (
	"fmt"
	"time"

	"github.com/go-gota/gota/dataframe"

	"example.com/engagement/engagement/frame"
	"example.com/engagement/engagement/metrics"
)

// MetricRef names one row of the metrics: a metric for a segment.
type MetricRef struct {
	Metric  string // e.g. metrics.RetentionMetric(7)
	Segment metrics.Segment
}

// Sweep analyses once per value of one setting (SettingLookbackDays or
// SettingLongTermEdits), each time starting from Params, so the other
// settings of the session hold. It returns the metric rows asked for, one
// per value and row, in the metrics frame's columns with the setting's
// value first (a column named after the setting).
func (s *Session) Sweep(setting string, values []int, rows ...MetricRef) (dataframe.DataFrame, error) {
	set, err := sweepSetter(setting)
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	res := &metrics.Result{}
	var vals []int
	for _, v := range values {
		p := s.Params()
		set(&p, v)
		a, err := s.Analyze(p)
		if err != nil {
			return dataframe.DataFrame{}, fmt.Errorf("%s = %d: %w", setting, v, err)
		}
		for _, ref := range rows {
			row, ok := a.Result.Find(ref.Metric, ref.Segment)
			if !ok {
				return dataframe.DataFrame{}, fmt.Errorf("no metric %q for segment %q", ref.Metric, ref.Segment)
			}
			res.Rows = append(res.Rows, row)
			vals = append(vals, v)
		}
	}
	return frame.MetricsBy(setting, vals, res), nil
}

func sweepSetter(setting string) (func(*metrics.Params, int), error) {
	switch setting {
	case SettingLookbackDays:
		return func(p *metrics.Params, days int) { p.NewEditorLookback = time.Duration(days) * 24 * time.Hour }, nil
	case SettingLongTermEdits:
		return func(p *metrics.Params, edits int) { p.LongTermEdits = edits }, nil
	}
	return nil, fmt.Errorf("cannot sweep %q: want %s or %s", setting, SettingLookbackDays, SettingLongTermEdits)
}
