package engagement

import (
	"slices"
	"strconv"

	"github.com/go-gota/gota/dataframe"

	"example.com/engagement/engagement/frame"
	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/report"
)

// Column names of the DataFrames: package frame's schema (see there).
const (
	ColUsername     = frame.ColUsername
	ColEnrolledAs   = frame.ColEnrolledAs
	ColSegment      = frame.ColSegment
	ColExcluded     = frame.ColExcluded
	ColReason       = frame.ColReason
	ColRegistration = frame.ColRegistration
	ColLongTerm     = frame.ColLongTerm
	ColEditsBefore  = frame.ColEditsBefore
	ColEditsDuring  = frame.ColEditsDuring
	ColEditsAfter   = frame.ColEditsAfter
	ColDaysToReturn = frame.ColDaysToReturn
	ColMetric       = frame.ColMetric
	ColValue        = frame.ColValue
	ColNumerator    = frame.ColNumerator
	ColDenominator  = frame.ColDenominator
	ColCILow        = frame.ColCILow
	ColCIHigh       = frame.ColCIHigh
	ColNote         = frame.ColNote
	ColMonth        = frame.ColMonth
	ColEditing      = frame.ColEditing
	ColActive       = frame.ColActive
	ColRetained     = frame.ColRetained
	ColEdits        = frame.ColEdits
)

// ParticipantsFrame is frame.Participants of the event's participants:
// one row per distinct participant, with why they are left out, if they
// are.
func ParticipantsFrame(ev *Event) dataframe.DataFrame {
	ps := make([]frame.Participant, len(ev.Participants))
	for i, p := range ev.Participants {
		ps[i] = frame.Participant{Username: p.Username, Enrolled: p.Enrolled, Excluded: metrics.Exclusion(p.Excluded), Reason: p.Reason, RegisteredAt: p.RegisteredAt}
	}
	return frame.Participants(ps)
}

// Column names of participants.csv that only the summary frame has.
const (
	ColFirstEditAfter = frame.ColFirstEditAfter
	ColLastEditAt     = frame.ColLastEditAt
)

// SummaryFrame is frame.Summary: participants.csv's columns.
func SummaryFrame(r *metrics.Result) dataframe.DataFrame { return frame.Summary(r) }

// MetricsFrame is frame.Metrics: metrics.csv's columns, then is_share.
func MetricsFrame(r *metrics.Result) dataframe.DataFrame { return frame.Metrics(r) }

// ColPartial is monthly.csv's flag of a month observed only in part.
const ColPartial = frame.ColPartial

// MonthlyFrame is frame.Monthly: monthly.csv as a DataFrame.
func MonthlyFrame(r *metrics.Result) dataframe.DataFrame { return frame.Monthly(r) }

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
	ms := make([]frame.Measure, len(rows))
	for i, h := range rows {
		ms[i] = frame.Measure{Label: h.Label, Row: h.Row, Detail: report.FormatDetailIn(l, h.Row)}
	}
	return frame.Headline(ms)
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
