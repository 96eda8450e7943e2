package i18n

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// numberFormat holds CLDR 46's decimal symbols and patterns of a language
// (common/main/<lang>.xml, numbering system latn).
type numberFormat struct {
	group, decimal string
	// minGroup is CLDR's minimumGroupingDigits: Spanish writes 1234 but
	// 12.345.
	minGroup int
	// percent is what follows the number in the percent pattern: "%"
	// (#,##0%), or a no-break space and "%" (#,##0 %).
	percent string
}

// formatFor gives the number symbols of a shipped language, English's for
// any other.
func formatFor(lang string) numberFormat {
	switch lang {
	case "es":
		return numberFormat{group: ".", decimal: ",", minGroup: 2, percent: "\u00a0%"}
	case "fr":
		// U+202F NARROW NO-BREAK SPACE groups digits and precedes % since
		// CLDR 34 (golang.org/x/text's CLDR 32 tables still use U+00A0).
		return numberFormat{group: "\u202f", decimal: ",", minGroup: 1, percent: "\u202f%"}
	case "pt":
		return numberFormat{group: ".", decimal: ",", minGroup: 1, percent: "%"}
	}
	// English keeps the report's own "13.9 %" that its readers and
	// published files have always had (CLDR's en pattern is #,##0%).
	return numberFormat{group: ",", decimal: ".", minGroup: 1, percent: " %"}
}

// digits writes a non-negative number written by strconv ("1234567.5")
// with the language's separators.
func (nf numberFormat) digits(s string) string {
	ip, fp, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	if len(ip) >= 3+nf.minGroup {
		for i, c := range ip {
			if i > 0 && (len(ip)-i)%3 == 0 {
				b.WriteString(nf.group)
			}
			b.WriteRune(c)
		}
	} else {
		b.WriteString(ip)
	}
	if hasFrac {
		b.WriteString(nf.decimal)
		b.WriteString(fp)
	}
	return b.String()
}

// fixed formats v×10^shift with exactly digits fraction digits, rounded
// half away from zero as the report always has (0.1395 as a percentage
// with one digit is 14.0, where strconv alone gives 13.9); sign is "-" for
// negatives, and "+" for positives when plus is set.
func (nf numberFormat) fixed(v float64, shift, digits int, plus bool) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	digits = max(digits, 0)
	r := math.Round(v*math.Pow10(shift+digits)) / math.Pow10(digits)
	s := strconv.FormatFloat(math.Abs(r), 'f', digits, 64)
	sign := ""
	if r < 0 && strings.Trim(s, "0.") != "" {
		sign = "-"
	} else if plus && strings.Trim(s, "0.") != "" {
		sign = "+"
	}
	return sign + nf.digits(s)
}

// Int formats a whole number for the language: 1234567 → "1,234,567"
// (en), "1.234.567" (es, pt), "1 234 567" (fr, narrow no-break spaces).
func (l *Localizer) Int(n int) string {
	s := strconv.Itoa(n)
	if neg, ok := strings.CutPrefix(s, "-"); ok {
		return "-" + l.num.digits(neg)
	}
	return l.num.digits(s)
}

// Decimal formats v with exactly digits fraction digits and the
// language's separators: Decimal(1234567.5, 1) → "1 234 567,5" in French.
func (l *Localizer) Decimal(v float64, digits int) string { return l.num.fixed(v, 0, digits, false) }

// Signed is Decimal with a "+" before positive numbers, for differences:
// Signed(3.25, 1) → "+3.3"; zero has no sign.
func (l *Localizer) Signed(v float64, digits int) string { return l.num.fixed(v, 0, digits, true) }

// Percent formats a share (0.139) as a percentage with digits fraction
// digits, as CLDR writes it: "13,9 %" (es, no-break space), "13,9 %"
// (fr, narrow no-break space), "13,9%" (pt); English keeps the report's
// "13.9 %".
func (l *Localizer) Percent(share float64, digits int) string {
	if math.IsNaN(share) || math.IsInf(share, 0) {
		return "—"
	}
	return l.num.fixed(share, 2, digits, false) + l.num.percent
}

// monthKeys are the message keys of the month names, January first.
func monthKey(m time.Month, short bool) string {
	name := strings.ToLower(m.String())
	if short {
		return "engagement-month-short-" + name
	}
	return "engagement-month-" + name
}

// MonthName is the month's name in the language ("marzo"), from the
// messages engagement-month-january … so that translators own them.
func (l *Localizer) MonthName(m time.Month) string { return l.T(monthKey(m, false)) }

// ShortMonth is the month's abbreviated name ("mars" in French, "Mar" in
// English), for chart axes.
func (l *Localizer) ShortMonth(m time.Month) string { return l.T(monthKey(m, true)) }

// Date writes t's calendar date (in t's own location) in the language:
// "2 March 2021", "2 de marzo de 2021", "2 mars 2021", "2 de março de
// 2021" (message engagement-date). The zero time is "—".
func (l *Localizer) Date(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return l.T("engagement-date", t.Day(), l.MonthName(t.Month()), t.Year())
}

// Month writes t's month and year: "March 2021", "marzo de 2021"
// (message engagement-date-month).
func (l *Localizer) Month(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return l.T("engagement-date-month", l.MonthName(t.Month()), t.Year())
}

// DateTime writes t's date and its time of day on the 24-hour clock with
// the zone's abbreviation: "2 March 2021 15:04 UTC" (message
// engagement-datetime).
func (l *Localizer) DateTime(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return l.T("engagement-datetime", l.Date(t), t.Format("15:04 MST"))
}
