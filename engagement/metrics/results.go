package metrics

import "time"

// Params are the parameters every metric is computed with. The zero value is
// not usable: AsOf must be set. DefaultParams fills in the documented defaults; Validate says what is
// wrong with a Params Compute refuses.
type Params struct {
	// AsOf is the instant the analysis observes up to; contributions after it
	// are ignored and windows that end after it are "not yet observable".
	AsOf time.Time
	// NewEditorLookback is how long before the event start a registration
	// still makes a participant "new" (Event Metrics uses 14 days).
	NewEditorLookback time.Duration
	// LongTermEdits is the number of live edits before the event start from
	// which an experienced participant is flagged long_term (the Dashboard
	// uses 500).
	LongTermEdits int
	// RetentionDays are the windows of the retention_{D}d metrics, in days
	// after the end (at most 64, each once).
	RetentionDays []int
	// ActiveMonths is the number of 30-day windows after the end for the
	// active_m{k} and active_editor_m{k} metrics (1 to 64).
	ActiveMonths int
	// ActiveEditorEdits is the content-namespace edits in a window, or in a
	// calendar month, that make an active editor.
	ActiveEditorEdits int
	// ContentNamespaces lists each wiki's content namespaces (from siteinfo).
	// A wiki missing from the map uses namespace 0 only.
	ContentNamespaces map[string][]int
}

// DefaultParams returns the documented defaults with the given as-of instant.
func DefaultParams(asOf time.Time) Params {
	return Params{
		AsOf:              asOf.UTC(),
		NewEditorLookback: 14 * 24 * time.Hour,
		LongTermEdits:     500,
		RetentionDays:     DefaultRetentionDays(),
		ActiveMonths:      ActiveMonths,
		ActiveEditorEdits: ActiveEditorEdits,
	}
}

// Row is one line of metrics.csv: one metric for one segment.
type Row struct {
	Metric  string  // e.g. "retention_7d"
	Segment Segment // new, experienced, all; for "excluded" rows the reason
	// Value is the share (0..1) for rates and the count for counts. It is
	// meaningless when Empty is true.
	Value float64
	// Empty is true when the value is not observable yet or not applicable;
	// Note says which.
	Empty bool
	// IsShare marks a rate: Numerator, Denominator, CILow and CIHigh are set.
	IsShare     bool
	Numerator   int
	Denominator int
	// CILow and CIHigh bound the 95% Wilson score interval of a share.
	CILow, CIHigh float64
	Note          string
}

// ParticipantSummary is one line of participants.csv.
type ParticipantSummary struct {
	Username string
	Segment  Segment // new, experienced or excluded
	Excluded Exclusion
	// Detail explains the exclusion where a reason alone is not enough: for
	// ExcludeIncomplete, the wiki and the cause.
	Detail string
	// Registration is the account's registration; zero when unknown.
	Registration time.Time
	LongTerm     bool
	EditsBefore  int
	EditsDuring  int
	EditsAfter   int
	// FirstEditAfter and LastEdit are zero when there is no such edit.
	FirstEditAfter time.Time
	LastEdit       time.Time
	// DaysToReturn is the whole days from the event end to the first edit
	// after it; valid only when HasReturned is true.
	DaysToReturn int
	HasReturned  bool
}

// MonthRow is one line of monthly.csv: one calendar month for one segment.
type MonthRow struct {
	Month               time.Time // first instant of the month, UTC
	Segment             Segment
	EditingParticipants int
	ActiveEditors       int
	RetainedEditors     int
	Edits               int
	// Partial marks the month of as-of, observed only in part.
	Partial bool
}

// Period places a contribution relative to the event window.
type Period string

// The periods of metrics.md: before start, during [start, end], after end up
// to as-of.
const (
	Before Period = "before"
	During Period = "during"
	After  Period = "after"
)

// WikiNamespaceCount aggregates the included participants' edits in one
// namespace of one wiki during one period.
type WikiNamespaceCount struct {
	Wiki         string
	NS           int
	Period       Period
	Edits        int
	Editors      int // distinct included participants
	PagesCreated int // pages whose creating revision falls in the period
	BytesAdded   int // sum of positive sizediff
	BytesNet     int // sum of sizediff
}

// PageCount is one page's share of the event: the "top pages" table.
type PageCount struct {
	Wiki       string
	NS         int
	Title      string
	Created    bool // created by a participant during the event
	Edits      int  // participants' edits during the event
	Editors    int
	BytesAdded int
}

// Result is everything Compute derives from one event: the rows of
// metrics.csv, participants.csv and monthly.csv, and the breakdowns the charts
// and the report draw.
type Result struct {
	Event           Event
	Params          Params
	Rows            []Row
	Participants    []ParticipantSummary
	Monthly         []MonthRow
	ByWikiNamespace []WikiNamespaceCount
	TopPages        []PageCount
	// Ignored counts contributions left out because their author is not a
	// participant or their wiki is not a scope wiki.
	Ignored int
}

// Find returns the row of a metric and segment, and whether there is one.
func (r *Result) Find(metric string, seg Segment) (Row, bool) {
	for _, row := range r.Rows {
		if row.Metric == metric && row.Segment == seg {
			return row, true
		}
	}
	return Row{}, false
}
