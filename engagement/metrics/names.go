package metrics

import "fmt"

// Metric names, as they appear in metrics.csv.
const (
	// MetricParticipants counts included participants per segment.
	MetricParticipants = "participants"
	// MetricExcluded counts participants left out of aggregates; the row's
	// segment is the reason.
	MetricExcluded = "excluded"
	// MetricLongTerm counts participants with at least Params.LongTermEdits
	// live edits before the start (Programs & Events Dashboard, retention
	// predictors: "long-term Wikipedian").
	MetricLongTerm = "long_term"

	// MetricEditsDuring counts live edits on the scope wikis, any namespace,
	// with start <= t <= end.
	MetricEditsDuring = "edits_during"
	// MetricEditorsDuring counts participants with at least one edit during.
	MetricEditorsDuring = "editors_during"
	// MetricPagesCreatedDuring counts distinct content pages whose creating
	// revision is a participant's edit during the window (Event Metrics
	// "pages created", all scope wikis).
	MetricPagesCreatedDuring = "pages_created_during"
	// MetricPagesImprovedDuring counts distinct content pages edited during
	// the window, minus those created during it (Event Metrics "pages
	// improved").
	MetricPagesImprovedDuring = "pages_improved_during"
	// MetricBytesAddedDuring sums positive sizediff in content namespaces
	// (Wikimetrics BytesAdded positive_only_sum).
	MetricBytesAddedDuring = "bytes_added_during"
	// MetricBytesNetDuring sums sizediff in every namespace (Wikimetrics
	// BytesAdded net_sum).
	MetricBytesNetDuring = "bytes_net_during"

	// The same five counts for end < t <= as-of.
	MetricEditsAfter         = "edits_after"
	MetricEditorsAfter       = "editors_after"
	MetricPagesCreatedAfter  = "pages_created_after"
	MetricPagesImprovedAfter = "pages_improved_after"
	MetricBytesAddedAfter    = "bytes_added_after"
	MetricBytesNetAfter      = "bytes_net_after"

	// MetricRetainedNewEditorsDashboard is the Programs & Events Dashboard's
	// retained_new_editors: participants registered in [start, end] with at
	// least one namespace-0 edit on the home wiki at t >= end + 7 days
	// (WikiEduDashboard lib/analytics/retained_new_editors_stats.rb). Count,
	// segment all.
	MetricRetainedNewEditorsDashboard = "retained_new_editors_dashboard"
	// MetricSurvivingNewEditors is WMF's surviving new editor (n=m=1,
	// t1 = 1 day, t2 = t3 = 30 days): at least one edit in [reg, reg + 1 day]
	// and at least one in [reg + 30 days, reg + 60 days]; participants with
	// as-of < reg + 60 days are censored: out of numerator and denominator.
	// https://meta.wikimedia.org/wiki/Research:Surviving_new_editor
	MetricSurvivingNewEditors = "surviving_new_editors"
)

// ActiveMonths is the default number of 30-day windows after the event for
// the active_m{k} and active_editor_m{k} metrics (Params.ActiveMonths).
const ActiveMonths = 24

// ActiveEditorEdits is the WMF active-editor threshold, the default of
// Params.ActiveEditorEdits: content-namespace edits in a month
// (https://meta.wikimedia.org/wiki/Research:Active_editor).
const ActiveEditorEdits = 5

// RetentionMetric returns "retention_{days}d": the share of the segment with
// at least one edit (any namespace, any scope wiki) at
// end + days*24h <= t <= as-of. Event Metrics' "7-day retention" is
// RetentionMetric(7) for segment new; unlike Event Metrics, a window that has
// not been reached at as-of is empty ("not yet observable"), not 100%.
func RetentionMetric(days int) string { return fmt.Sprintf("retention_%dd", days) }

// ActiveMetric returns "active_m{k}": the share of the segment with at least
// one edit in (end + 30(k-1) days, end + 30k days].
func ActiveMetric(k int) string { return fmt.Sprintf("active_m%d", k) }

// ActiveEditorMetric returns "active_editor_m{k}": the share of the segment
// with at least Params.ActiveEditorEdits (default 5) content-namespace edits in
// (end + 30(k-1) days, end + 30k days].
func ActiveEditorMetric(k int) string { return fmt.Sprintf("active_editor_m%d", k) }

// Notes used for empty values.
const (
	NoteNotObservable = "not yet observable"
	NoteEmptySegment  = "no participants in segment"
)
