package report

import (
	"fmt"

	"strings"

	"example.com/engagement/engagement/metrics"
)

// Baseline is the comparison of the event's new editors with comparable
// newcomers on the home wiki who did not come to it.
type Baseline struct {
	// Wiki is the home wiki's domain.
	Wiki string
	// Note says what the newcomers are a sample of ("all 6 qualifying
	// newcomers", "sample of 500 of 3,120").
	Note string
	// LeftOut says which registrations were left out and why.
	LeftOut string
	// Comparisons pair the shares of segments new and baseline.
	Comparisons []metrics.Comparison
}

// baselineView is the report's baseline section.
type baselineView struct {
	Wiki, Sentence, Note, LeftOut string
	Rows                          []comparisonRow
}

type comparisonRow struct{ Label, New, NewDetail, Base, BaseDetail, Diff string }

// shownComparisons are the metrics the report sets side by side.
func shownComparison(m string) (label string, ok bool) {
	switch m {
	case metrics.MetricSurvivingNewEditors:
		return "Surviving new editors (edit on day 1 and 30–60 days after registering)", true
	case metrics.ActiveMetric(1), metrics.ActiveMetric(6), metrics.ActiveMetric(12):
		k := strings.TrimPrefix(m, "active_m")
		return "Edited in month " + k + " after the event", true
	}
	if d, found := strings.CutPrefix(m, "retention_"); found {
		return "Edited again " + strings.TrimSuffix(d, "d") + " or more days after the event", true
	}
	return "", false
}

// baselineSection builds the section from b; nil when there is none.
func baselineSection(b *Baseline) *baselineView {
	if b == nil {
		return nil
	}
	v := &baselineView{Wiki: WikiName(b.Wiki), Note: b.Note, LeftOut: b.LeftOut, Sentence: baselineSentence(b)}
	for _, c := range b.Comparisons {
		label, ok := shownComparison(c.Metric)
		if !ok {
			continue
		}
		row := comparisonRow{Label: label, New: value(c.New), NewDetail: detail(c.New), Base: value(c.Baseline), BaseDetail: detail(c.Baseline), Diff: "—"}
		if c.Comparable() {
			d := c.Difference
			row.Diff = fmt.Sprintf("%+.1f points (95%% interval %+.1f to %+.1f)", 100*d.Value, 100*d.Low, 100*d.High)
		}
		v.Rows = append(v.Rows, row)
	}
	return v
}

// baselineSentence says in words how the new editors compare after 30
// days (7 when 30 is not observable yet).
func baselineSentence(b *Baseline) string {
	for _, days := range []int{30, 7} {
		for _, c := range b.Comparisons {
			if c.Metric == metrics.RetentionMetric(days) && c.Comparable() {
				return metrics.CompareRetention(days, c.New.Numerator, c.New.Denominator, c.Baseline.Numerator, c.Baseline.Denominator, WikiName(b.Wiki))
			}
		}
	}
	return fmt.Sprintf("No comparison yet: the event's new editors or the newcomers on %s cannot be observed a week after the event.", WikiName(b.Wiki))
}

// BaselineSentence says in words how the new editors compare with the
// baseline (after 30 days, or 7 when 30 are not observable yet).
func BaselineSentence(b *Baseline) string { return baselineSentence(b) }
