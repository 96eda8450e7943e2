package report

import (
	"strconv"
	"strings"

	"example.com/engagement/engagement/i18n"
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
func shownComparison(l *i18n.Localizer, m string) (label string, ok bool) {
	switch m {
	case metrics.MetricSurvivingNewEditors:
		return l.T("engagement-baseline-surviving"), true
	case metrics.ActiveMetric(1), metrics.ActiveMetric(6), metrics.ActiveMetric(12):
		return l.T("engagement-baseline-editing-month", strings.TrimPrefix(m, "active_m")), true
	}
	if d, found := strings.CutPrefix(m, "retention_"); found {
		n, _ := strconv.Atoi(strings.TrimSuffix(d, "d"))
		return l.Count("engagement-baseline-still-editing", n), true
	}
	return "", false
}

// baselineSection builds the section from b; nil when there is none.
func baselineSection(l *i18n.Localizer, b *Baseline) *baselineView {
	if b == nil {
		return nil
	}
	dash := l.T("engagement-empty-value")
	v := &baselineView{Wiki: WikiName(b.Wiki), Note: b.Note, LeftOut: b.LeftOut, Sentence: baselineSentence(l, b)}
	for _, c := range b.Comparisons {
		label, ok := shownComparison(l, c.Metric)
		if !ok {
			continue
		}
		row := comparisonRow{Label: label, New: value(l, c.New), NewDetail: detail(l, c.New), Base: value(l, c.Baseline), BaseDetail: detail(l, c.Baseline), Diff: dash, DiffText: dash}
		row.NewOf, row.NewCI = shareLines(l, c.New)
		row.BaseOf, row.BaseCI = shareLines(l, c.Baseline)
		if c.Comparable() {
			d := c.Difference
			row.Diff = l.T("engagement-baseline-points", signed(l, 100*d.Value, 1))
			row.DiffCI = l.T("engagement-baseline-interval", signed(l, 100*d.Low, 1), signed(l, 100*d.High, 1))
			row.DiffText = row.Diff + " (" + row.DiffCI + ")"
		}
		v.Rows = append(v.Rows, row)
	}
	return v
}

// baselineSentence says in words how the new editors compare after 30
// days (7 when 30 is not observable yet).
func baselineSentence(l *i18n.Localizer, b *Baseline) string {
	for _, days := range []int{30, 7} {
		for _, c := range b.Comparisons {
			if c.Metric == metrics.RetentionMetric(days) && c.Comparable() {
				return compareRetention(l, days, c.New.Numerator, c.New.Denominator, c.Baseline.Numerator, c.Baseline.Denominator, WikiName(b.Wiki))
			}
		}
	}
	return l.T("engagement-baseline-none", WikiName(b.Wiki))
}

// signed writes v with a sign always, as fmt's %+.1f does: "+3.0",
// "-0.5", "+0.0".
func signed(l *i18n.Localizer, v float64, digits int) string {
	s := l.Signed(v, digits)
	if s != "" && s[0] != '+' && s[0] != '-' {
		s = "+" + s
	}
	return s
}

// wholePercent writes a share as a whole percentage the way the
// comparison sentence always has ("28%" in English), with the language's
// own spacing (message engagement-chart-percent-tick, shared with the
// charts' axes).
func wholePercent(l *i18n.Localizer, share float64) string {
	return l.T("engagement-chart-percent-tick", l.Decimal(100*share, 0))
}

// compareRetention is metrics.CompareRetention in l's language.
func compareRetention(l *i18n.Localizer, days, k1, n1, k2, n2 int, wiki string) string {
	if n1 == 0 || n2 == 0 {
		return l.Count("engagement-compare-none", days, wiki)
	}
	p1, p2 := float64(k1)/float64(n1), float64(k2)/float64(n2)
	d := metrics.ShareDifference(k1, n1, k2, n2)
	figures := l.T("engagement-compare-detail", l.Int(k1), l.Int(n1), wholePercent(l, p1), l.Int(k2), l.Int(n2), wholePercent(l, p2),
		signed(l, 100*d.Value, 0), signed(l, 100*d.Low, 0), signed(l, 100*d.High, 0))
	var s string
	switch {
	case p1 > p2 && p2 > 0:
		s = l.Count("engagement-compare-times", days, l.Decimal(p1/p2, 1), wiki, figures)
	case p1 > p2:
		s = l.Count("engagement-compare-more", days, wiki, figures)
	case p1 < p2:
		s = l.Count("engagement-compare-less", days, wholePercent(l, p1/p2), wiki, figures)
	default:
		s = l.Count("engagement-compare-same", days, wiki, figures)
	}
	return s + " " + l.T("engagement-compare-not-effect")
}

func BaselineSentence(b *Baseline) string { return baselineSentence(english(), b) }

// shareLines gives "k of n" and "95% CI a–b" for a share, or its note.
func shareLines(l *i18n.Localizer, r metrics.Row) (of, ci string) {
	if !r.IsShare || r.Empty {
		return noteText(l, r.Note), ""
	}
	return l.T("engagement-share-of", l.Int(r.Numerator), l.Int(r.Denominator)), l.T("engagement-share-ci", percent(l, r.CILow), percent(l, r.CIHigh))
}
