package report

import (
	"math"

	"example.com/engagement/engagement/i18n"
)

// thousands formats an integer with English separators: 502063 →
// "502,063".
func thousands(n int) string { return english().Int(n) }

// number formats a count in l's language: whole numbers with separators,
// others with one decimal.
func number(l *i18n.Localizer, v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return l.Int(int(v))
	}
	return l.Decimal(v, 1)
}

// percent formats a share as a percentage with one decimal in l's
// language: "13.9 %" (en), "13,9 %" (es).
func percent(l *i18n.Localizer, v float64) string { return l.Percent(v, 1) }

// Thousands formats n with thousands separators, as the English report
// does.
func Thousands(n int) string { return thousands(n) }
