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

// comparisonRow is one share of both groups and their difference, each
// value above its detail, short lines that fit a phone.
type comparisonRow struct {
	Label                 string
	New, NewOf, NewCI     string
	Base, BaseOf, BaseCI  string
	Diff, DiffCI          string
	NewDetail, BaseDetail string // one line each, for wikitext
	DiffText              string // one line, for wikitext
}

// shownComparison labels the metrics the report sets side by side,
// briefly enough for a phone's column.
func shownComparison(m string) (label string, ok bool) {
	switch m {
	case metrics.MetricSurvivingNewEditors:
		return "Surviving new editors (an edit on day 1 and 30–60 days after registering)", true
	case metrics.ActiveMetric(1), metrics.ActiveMetric(6), metrics.ActiveMetric(12):
		return "Editing in month " + strings.TrimPrefix(m, "active_m") + " after", true
	}
	if d, found := strings.CutPrefix(m, "retention_"); found {
		return "Still editing " + strings.TrimSuffix(d, "d") + "+ days after", true
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
		row := comparisonRow{Label: label, New: value(c.New), NewDetail: detail(c.New), Base: value(c.Baseline), BaseDetail: detail(c.Baseline), Diff: "—", DiffText: "—"}
		row.NewOf, row.NewCI = shareLines(c.New)
		row.BaseOf, row.BaseCI = shareLines(c.Baseline)
		if c.Comparable() {
			d := c.Difference
			row.Diff = fmt.Sprintf("%+.1f points", 100*d.Value)
			row.DiffCI = fmt.Sprintf("95%% interval %+.1f to %+.1f", 100*d.Low, 100*d.High)
			row.DiffText = row.Diff + " (" + row.DiffCI + ")"
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

// shareLines gives "k of n" and "95% CI a–b" for a share, or its note.
func shareLines(r metrics.Row) (of, ci string) {
	if !r.IsShare || r.Empty {
		return r.Note, ""
	}
	return fmt.Sprintf("%s of %s", thousands(r.Numerator), thousands(r.Denominator)), fmt.Sprintf("95%% CI %s–%s", percent(r.CILow), percent(r.CIHigh))
}
