package nb

import (
	"math"
	"strconv"
	"strings"

	"github.com/go-gota/gota/series"

	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/report"
)

// numbers writes a table's cells and the line under it: in English as the
// notebooks always have (l nil: "25.0 %", "1,234", "+3.0 pts"), or as l's
// language writes them ("25,0 %", "1.234", "+3,0 p. p.").
type numbers struct{ l *i18n.Localizer }

// numbersFor is the numbers of a BCP 47 code; English for "", "en" or a
// code that is not well formed (the session's WithLanguage refuses those
// first).
func numbersFor(code string) numbers {
	if code == "" {
		return numbers{}
	}
	l, err := i18n.New(code)
	if err != nil || l.Lang() == "en" {
		return numbers{}
	}
	return numbers{l: l}
}

// optsLanguage is opts' Language, "" without options.
func optsLanguage(opts *TableOptions) string {
	if opts == nil {
		return ""
	}
	return opts.Language
}

// english is the embedded English Localizer, for the lines under a table.
func english() *i18n.Localizer {
	l, err := i18n.New("en")
	if err != nil { // checked by engagement/i18n's tests: a broken build
		panic("nb: the embedded English messages: " + err.Error())
	}
	return l
}

// cell writes row i of col: "—" when missing, a share as a percentage, a
// count grouped, another number with two decimals, text as it is.
func (nf numbers) cell(col series.Series, i int, percent bool) string {
	e := col.Elem(i)
	switch {
	case e.IsNA() || (col.Type() == series.Float && math.IsNaN(e.Float())):
		return "—"
	case percent && nf.l != nil:
		return nf.l.Percent(e.Float(), 1)
	case percent:
		return strconv.FormatFloat(100*e.Float(), 'f', 1, 64) + " %"
	case col.Type() == series.Int:
		n, _ := e.Int()
		return nf.count(int64(n))
	case col.Type() == series.Float:
		f := e.Float()
		if f == math.Trunc(f) && math.Abs(f) < 1e15 {
			return nf.count(int64(f))
		}
		if nf.l != nil {
			return nf.l.Decimal(f, 2)
		}
		return strconv.FormatFloat(f, 'f', 2, 64)
	}
	return e.String()
}

// count groups the digits of n: Count in English, the language's
// separator otherwise.
func (nf numbers) count(n int64) string {
	if nf.l == nil || n != int64(int(n)) {
		return Count(n)
	}
	return nf.l.Int(int(n))
}

// points writes a difference of shares as percentage points: -0.42 →
// "−42.0 pts" in English, "−42,0 p. p." in Spanish; "—" when missing.
func (nf numbers) points(e series.Element) string {
	f := e.Float()
	if e.IsNA() || math.IsNaN(f) {
		return "—"
	}
	if nf.l == nil {
		s := strconv.FormatFloat(100*f, 'f', 1, 64)
		if f > 0 {
			s = "+" + s
		}
		return strings.Replace(s, "-", "−", 1) + " pts"
	}
	return nf.l.T("engagement-nb-table-points", strings.Replace(nf.l.Signed(100*f, 1), "-", "−", 1))
}

// label is a metric's name in words.
func (nf numbers) label(metric string) string {
	if nf.l == nil {
		return report.Label(metric)
	}
	return report.LabelIn(nf.l, metric)
}

// shown is the line under a table cut short: "20 of 36 rows shown".
func (nf numbers) shown(k, total int) string {
	l, num := nf.words()
	return l.T("engagement-nb-table-shown", k, num(k), total, num(total))
}

// scroll is the line under a table that scrolls: "40 rows; scroll to
// see them all".
func (nf numbers) scroll(n int) string {
	l, num := nf.words()
	return l.T("engagement-nb-table-scroll", n, num(n))
}

// words is the Localizer of the lines and how they write a count: plain
// digits in English, as the notebooks always have.
func (nf numbers) words() (*i18n.Localizer, func(int) string) {
	if nf.l == nil {
		return english(), strconv.Itoa
	}
	return nf.l, nf.l.Int
}
