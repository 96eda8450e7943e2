// Package frame is the library's one boundary with gota: the schema of its
// DataFrames (the CSV headers of package dataset), conversions from the
// library's rows to frames and back, and the filters and groupings the
// notebooks use. It imports metrics and dataset only; nothing here
// fetches, writes a file or words a reader-facing sentence.
package frame

// Column names of the frames. A frame's columns are the header of the CSV
// file it matches (contributions.csv, accounts.csv, participants.csv,
// metrics.csv, monthly.csv, namespaces.csv, incomplete.csv: the published
// format of package dataset), in the file's order and with the same
// values, followed by the columns the frame adds (documented with each
// frame), so that a file read back with gota is the frame.
const (
	ColWiki         = "wiki"
	ColRevID        = "revid"  // integer
	ColPageID       = "pageid" // integer
	ColNS           = "ns"     // integer
	ColTitle        = "title"
	ColTimestamp    = "timestamp" // RFC 3339, UTC: sorts as text
	ColDay          = "day"       // YYYY-MM-DD, UTC
	ColSizeDiff     = "sizediff"  // integer; NaN (an empty cell) when the API gave none
	ColCreated      = "new"       // the revision created its page
	ColIncluded     = "included"  // the author is a participant counted in the numbers
	ColContent      = "content"   // the namespace is a content namespace of its wiki
	ColPeriod       = "period"    // before, during or after the event
	ColBot          = "bot"
	ColEditors      = "editors"
	ColPages        = "pages"
	ColPagesCreated = "pages_created"
	ColBytesAdded   = "bytes_added" // sum of positive size differences
	ColFirstEdit    = "first_edit"
	ColLastEdit     = "last_edit"
	ColIsShare      = "is_share" // true: value is a share (0..1); false: a count

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

	// Columns of participants.csv that only the summary frame has.
	ColFirstEditAfter = "first_edit_after"
	ColLastEditAt     = "last_edit"

	// ColPartial is monthly.csv's flag of a month observed only in part.
	ColPartial = "partial"

	// ColViews is the page views frame's count of views.
	ColViews = "views"

	// Columns of namespaces.csv and incomplete.csv.
	ColNamespaceName = "name"
	ColStage         = "stage"
	ColCause         = "cause"
)
