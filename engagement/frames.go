package engagement

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/report"
)

// Column names of the DataFrames.
const (
	ColUsername     = "username"
	ColEnrolledAs   = "enrolled_as"
	ColSegment      = "segment"
	ColExcluded     = "excluded_reason"
	ColReason       = "detail"
	ColRegistration = "registration"
	ColLongTerm     = "long_term"
	ColEditsBefore  = "edits_before"
	ColEditsDuring  = "edits_during"
	ColEditsAfter   = "edits_after"
	ColDaysToReturn = "days_to_return"
	ColMetric       = "metric"
	ColValue        = "value"
	ColNumerator    = "numerator"
	ColDenominator  = "denominator"
	ColCILow        = "ci_low"
	ColCIHigh       = "ci_high"
	ColNote         = "note"
	ColMonth        = "month"
	ColEditing      = "editing_participants"
	ColActive       = "active_editors"
	ColRetained     = "retained_editors"
	ColEdits        = "edits"
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

// ParticipantsFrame is the preprocessed participant table: one row per
// distinct participant, with why they are left out, if they are.
func ParticipantsFrame(ev *Event) dataframe.DataFrame {
	n := len(ev.Participants)
	user, as, excl, why, reg := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	for i, p := range ev.Participants {
		user[i], as[i], excl[i], why[i], reg[i] = p.Username, strings.Join(p.Enrolled, "; "), string(p.Excluded), p.Reason, day(p.RegisteredAt)
	}
	return dataframe.New(
		series.New(user, series.String, ColUsername), series.New(as, series.String, ColEnrolledAs),
		series.New(excl, series.String, ColExcluded), series.New(why, series.String, ColReason),
		series.New(reg, series.String, ColRegistration))
}

// Column names of participants.csv that only the summary frame has.
const (
	ColFirstEditAfter = "first_edit_after"
	ColLastEditAt     = "last_edit"
)

// SummaryFrame is the per-participant summary: participants.csv's columns
// (registration, first_edit_after and last_edit in RFC 3339, "" when
// none; days_to_return an integer, NaN when the participant has not
// returned).
func SummaryFrame(r *metrics.Result) dataframe.DataFrame {
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

// MetricsFrame is metrics.csv as a DataFrame, then is_share: empty values
// are NaN and their note says why; is_share tells shares (0..1) from
// counts.
func MetricsFrame(r *metrics.Result) dataframe.DataFrame {
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

// ColPartial is monthly.csv's flag of a month observed only in part.
const ColPartial = "partial"

// MonthlyFrame is monthly.csv as a DataFrame.
func MonthlyFrame(r *metrics.Result) dataframe.DataFrame {
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

// HeadlineRow is one of the numbers organizers report.
type HeadlineRow struct {
	Label string
	Row   metrics.Row
}

// HeadlineRows returns the numbers organizers report, in order.
func HeadlineRows(r *metrics.Result) []HeadlineRow { return HeadlineRowsIn(nil, r) }

// HeadlineRowsIn is HeadlineRows with the labels in l's language (nil:
// English).
func HeadlineRowsIn(l *i18n.Localizer, r *metrics.Result) []HeadlineRow {
	l = reportLanguageOrEnglish(l)
	type item struct {
		label, metric string
		seg           metrics.Segment
	}
	items := []item{
		{l.T("engagement-headline-participants"), metrics.MetricParticipants, metrics.SegmentAll},
		{l.T("engagement-headline-new-editors"), metrics.MetricParticipants, metrics.SegmentNew},
		{l.T("engagement-headline-edits-during"), metrics.MetricEditsDuring, metrics.SegmentAll},
		{l.T("engagement-headline-pages-created"), metrics.MetricPagesCreatedDuring, metrics.SegmentAll},
		{l.T("engagement-headline-bytes-added"), metrics.MetricBytesAddedDuring, metrics.SegmentAll},
	}
	for _, d := range headlineWindows(r.Params.RetentionDays) {
		items = append(items,
			item{l.Count("engagement-headline-retention-new", d), metrics.RetentionMetric(d), metrics.SegmentNew},
			item{l.Count("engagement-headline-retention-experienced", d), metrics.RetentionMetric(d), metrics.SegmentExperienced})
	}
	var out []HeadlineRow
	for _, it := range items {
		if row, ok := FindRow(r, it.metric, it.seg); ok {
			out = append(out, HeadlineRow{it.label, row})
		}
	}
	return out
}

// headlineWindows returns the retention windows of the headline: 7, 30, 90
// and 365 days among those computed, then every other window computed that
// is not one of metrics.DefaultRetentionDays (a custom window such as 14
// or 730 days), in increasing order. No windows at all reads as the
// default ones.
func headlineWindows(computed []int) []int {
	if len(computed) == 0 {
		computed = metrics.DefaultRetentionDays() // a Result built without its Params
	}
	var out []int
	for _, d := range computed {
		if slices.Contains([]int{7, 30, 90, 365}, d) || !slices.Contains(metrics.DefaultRetentionDays(), d) {
			out = append(out, d)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Headline returns the headline table: measure, value (a count, or a share
// from 0 to 1 when is_share), and the detail ("k of n, 95% CI a–b" or the
// note). Empty values are NaN.
func Headline(r *metrics.Result) dataframe.DataFrame { return HeadlineIn(nil, r) }

// HeadlineIn is Headline with the measures and details in l's language
// (nil: English); the column names stay as they are.
func HeadlineIn(l *i18n.Localizer, r *metrics.Result) dataframe.DataFrame {
	l = reportLanguageOrEnglish(l)
	rows := HeadlineRowsIn(l, r)
	labels, detail := make([]string, len(rows)), make([]string, len(rows))
	values, share := make([]float64, len(rows)), make([]bool, len(rows))
	for i, h := range rows {
		labels[i], values[i], share[i], detail[i] = h.Label, h.Row.Value, h.Row.IsShare, report.FormatDetailIn(l, h.Row)
		if h.Row.Empty {
			values[i] = math.NaN()
		}
	}
	return dataframe.New(series.New(labels, series.String, "measure"), series.New(values, series.Float, ColValue),
		series.New(share, series.Bool, ColIsShare), series.New(detail, series.String, "detail"))
}

// FindRow returns the metrics row for a metric and segment.
func FindRow(r *metrics.Result, metric string, seg metrics.Segment) (metrics.Row, bool) {
	for _, row := range r.Rows {
		if row.Metric == metric && row.Segment == seg {
			return row, true
		}
	}
	return metrics.Row{}, false
}

func itoa(n int) string {
	return strconv.Itoa(n)
}

// FormatValue formats a value for display: shares as percentages, counts as
// they are, empty values as an em dash.
func FormatValue(row metrics.Row) string { return report.FormatValue(row) }

// FormatDetail gives "k of n, 95% CI a–b" for shares, the note otherwise.
func FormatDetail(row metrics.Row) string { return report.FormatDetail(row) }
