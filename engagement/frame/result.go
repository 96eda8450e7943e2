package frame

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"example.com/engagement/engagement/metrics"
)

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}

// csvTime formats an instant as the CSV files do: RFC 3339 in UTC, "" for
// the zero time.
func csvTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// Participant is what the participants frame shows of one enrolled
// participant: the Dashboard's enrolment without the Dashboard.
type Participant struct {
	Username     string
	Enrolled     []string // the names as enrolled; more than one when enrolments were merged
	Excluded     metrics.Exclusion
	Reason       string
	RegisteredAt time.Time // zero when unknown
}

// Participants is the preprocessed participant table: one row per
// distinct participant, with why they are left out, if they are.
func Participants(ps []Participant) dataframe.DataFrame {
	n := len(ps)
	user, as, excl, why, reg := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	for i, p := range ps {
		user[i], as[i], excl[i], why[i], reg[i] = p.Username, strings.Join(p.Enrolled, "; "), string(p.Excluded), p.Reason, day(p.RegisteredAt)
	}
	return dataframe.New(
		series.New(user, series.String, ColUsername), series.New(as, series.String, ColEnrolledAs),
		series.New(excl, series.String, ColExcluded), series.New(why, series.String, ColReason),
		series.New(reg, series.String, ColRegistration))
}

// Summary is the per-participant summary: participants.csv's columns
// (registration, first_edit_after and last_edit in RFC 3339, "" when
// none; days_to_return an integer, NaN when the participant has not
// returned).
func Summary(r *metrics.Result) dataframe.DataFrame {
	n := len(r.Participants)
	user, seg, excl, reg, first, last, ret, detail := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	long := make([]bool, n)
	before, during, after := make([]int, n), make([]int, n), make([]int, n)
	for i, p := range r.Participants {
		user[i], seg[i], excl[i], reg[i], long[i] = p.Username, string(p.Segment), string(p.Excluded), csvTime(p.Registration), p.LongTerm
		before[i], during[i], after[i] = p.EditsBefore, p.EditsDuring, p.EditsAfter
		first[i], last[i], detail[i], ret[i] = csvTime(p.FirstEditAfter), csvTime(p.LastEdit), p.Detail, "NaN"
		if p.HasReturned {
			ret[i] = strconv.Itoa(p.DaysToReturn)
		}
	}
	return dataframe.New(
		series.New(user, series.String, ColUsername), series.New(seg, series.String, ColSegment),
		series.New(excl, series.String, ColExcluded), series.New(reg, series.String, ColRegistration),
		series.New(long, series.Bool, ColLongTerm), series.New(before, series.Int, ColEditsBefore),
		series.New(during, series.Int, ColEditsDuring), series.New(after, series.Int, ColEditsAfter),
		series.New(first, series.String, ColFirstEditAfter), series.New(last, series.String, ColLastEditAt),
		series.New(ret, series.Int, ColDaysToReturn), series.New(detail, series.String, ColReason))
}

// Metrics is metrics.csv as a DataFrame, then is_share: empty values
// are NaN and their note says why; is_share tells shares (0..1) from
// counts.
func Metrics(r *metrics.Result) dataframe.DataFrame {
	n := len(r.Rows)
	name, seg, note := make([]string, n), make([]string, n), make([]string, n)
	val, lo, hi := make([]float64, n), make([]float64, n), make([]float64, n)
	num, den := make([]float64, n), make([]float64, n)
	share := make([]bool, n)
	for i, row := range r.Rows {
		name[i], seg[i], note[i], share[i] = row.Metric, string(row.Segment), row.Note, row.IsShare
		val[i], lo[i], hi[i], num[i], den[i] = row.Value, row.CILow, row.CIHigh, float64(row.Numerator), float64(row.Denominator)
		if row.Empty {
			val[i] = math.NaN()
		}
		if !row.IsShare || row.Empty {
			lo[i], hi[i] = math.NaN(), math.NaN()
		}
		if !row.IsShare {
			num[i], den[i] = math.NaN(), math.NaN()
		}
	}
	return dataframe.New(
		series.New(name, series.String, ColMetric), series.New(seg, series.String, ColSegment),
		series.New(val, series.Float, ColValue), series.New(num, series.Float, ColNumerator),
		series.New(den, series.Float, ColDenominator), series.New(lo, series.Float, ColCILow),
		series.New(hi, series.Float, ColCIHigh), series.New(note, series.String, ColNote),
		series.New(share, series.Bool, ColIsShare))
}

// Monthly is monthly.csv as a DataFrame.
func Monthly(r *metrics.Result) dataframe.DataFrame {
	n := len(r.Monthly)
	month, seg := make([]string, n), make([]string, n)
	ed, act, ret, edits := make([]int, n), make([]int, n), make([]int, n), make([]int, n)
	partial := make([]bool, n)
	for i, m := range r.Monthly {
		month[i], seg[i], partial[i] = m.Month.Format("2006-01"), string(m.Segment), m.Partial
		ed[i], act[i], ret[i], edits[i] = m.EditingParticipants, m.ActiveEditors, m.RetainedEditors, m.Edits
	}
	return dataframe.New(
		series.New(month, series.String, ColMonth), series.New(seg, series.String, ColSegment),
		series.New(ed, series.Int, ColEditing), series.New(act, series.Int, ColActive),
		series.New(ret, series.Int, ColRetained), series.New(edits, series.Int, ColEdits),
		series.New(partial, series.Bool, ColPartial))
}

// Measure is one row of the headline: its label, its metrics row and the
// row's detail as the reader sees it.
type Measure struct {
	Label  string
	Row    metrics.Row
	Detail string
}

// Headline returns the headline table: measure, value (a count, or a share
// from 0 to 1 when is_share), and the detail ("k of n, 95% CI a–b" or the
// note). Empty values are NaN.
func Headline(rows []Measure) dataframe.DataFrame {
	labels, detail := make([]string, len(rows)), make([]string, len(rows))
	values, share := make([]float64, len(rows)), make([]bool, len(rows))
	for i, h := range rows {
		labels[i], values[i], share[i], detail[i] = h.Label, h.Row.Value, h.Row.IsShare, h.Detail
		if h.Row.Empty {
			values[i] = math.NaN()
		}
	}
	return dataframe.New(series.New(labels, series.String, "measure"), series.New(values, series.Float, ColValue),
		series.New(share, series.Bool, ColIsShare), series.New(detail, series.String, "detail"))
}

// MetricsBy is Metrics(r) with a first integer column named col holding
// vals (one per row of r: a sweep's value of the setting it varied).
func MetricsBy(col string, vals []int, r *metrics.Result) dataframe.DataFrame {
	df := Metrics(r)
	out := make([]series.Series, 0, df.Ncol()+1)
	out = append(out, series.New(vals, series.Int, col))
	for _, n := range df.Names() {
		out = append(out, df.Col(n))
	}
	return dataframe.New(out...)
}

// PageView is one row of the page views frame: a page and its views.
type PageView struct {
	Wiki  string
	NS    int
	Title string
	Views int
}

// PageViews is the page views frame: wiki, ns, title, views, one row per
// page in the order given.
func PageViews(pages []PageView) dataframe.DataFrame {
	n := len(pages)
	wiki, title, ns, views := make([]string, n), make([]string, n), make([]int, n), make([]int, n)
	for i, p := range pages {
		wiki[i], ns[i], title[i], views[i] = p.Wiki, p.NS, p.Title, p.Views
	}
	return dataframe.New(series.New(wiki, series.String, ColWiki), series.New(ns, series.Int, ColNS),
		series.New(title, series.String, ColTitle), series.New(views, series.Int, ColViews))
}
