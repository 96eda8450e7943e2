package report

import (
	"regexp"
	"strconv"
	"strings"

	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
)

// labelKeys are the message keys of the metrics' names in plain words.
var labelKeys = map[string]string{
	metrics.MetricParticipants:                "engagement-metric-participants",
	metrics.MetricExcluded:                    "engagement-metric-excluded",
	metrics.MetricLongTerm:                    "engagement-metric-long-term",
	metrics.MetricEditsDuring:                 "engagement-metric-edits-during",
	metrics.MetricEditorsDuring:               "engagement-metric-editors-during",
	metrics.MetricPagesCreatedDuring:          "engagement-metric-pages-created-during",
	metrics.MetricPagesImprovedDuring:         "engagement-metric-pages-improved-during",
	metrics.MetricBytesAddedDuring:            "engagement-metric-bytes-added-during",
	metrics.MetricBytesNetDuring:              "engagement-metric-bytes-net-during",
	metrics.MetricEditsAfter:                  "engagement-metric-edits-after",
	metrics.MetricEditorsAfter:                "engagement-metric-editors-after",
	metrics.MetricPagesCreatedAfter:           "engagement-metric-pages-created-after",
	metrics.MetricPagesImprovedAfter:          "engagement-metric-pages-improved-after",
	metrics.MetricBytesAddedAfter:             "engagement-metric-bytes-added-after",
	metrics.MetricBytesNetAfter:               "engagement-metric-bytes-net-after",
	metrics.MetricRetainedNewEditorsDashboard: "engagement-metric-retained-new-editors-dashboard",
	metrics.MetricSurvivingNewEditors:         "engagement-metric-surviving-new-editors",
	metrics.MetricReturningParticipants:       "engagement-metric-returning-participants",
}

// Label returns a metric's name in plain English words ("Edited again 30+
// days after the end" for retention_30d); the metric name when it has
// none.
func Label(metric string) string { return LabelIn(english(), metric) }

// LabelIn is Label in l's language.
func LabelIn(l *i18n.Localizer, metric string) string {
	if k, ok := labelKeys[metric]; ok {
		return l.T(k)
	}
	if m := reRetention.FindStringSubmatch(metric); m != nil {
		n, _ := strconv.Atoi(m[1])
		return l.Count("engagement-metric-retention", n)
	}
	if m := reActive.FindStringSubmatch(metric); m != nil {
		return l.T("engagement-metric-active", m[1])
	}
	if m := reActiveEd.FindStringSubmatch(metric); m != nil {
		return l.T("engagement-metric-active-editor", m[1])
	}
	return metric
}

// segmentKeys are the message keys of the segments' names.
var segmentKeys = map[metrics.Segment]string{
	metrics.SegmentNew: "engagement-segment-new", metrics.SegmentExperienced: "engagement-segment-experienced",
	metrics.SegmentAll: "engagement-segment-all", metrics.SegmentExcluded: "engagement-segment-excluded",
	metrics.SegmentBaseline: "engagement-segment-baseline",
}

// segmentText names a segment in l's language; the excluded metric's
// segments are exclusion reasons, named as such.
func segmentText(l *i18n.Localizer, s metrics.Segment) string {
	if k, ok := segmentKeys[s]; ok {
		return l.T(k)
	}
	return exclusionText(l, metrics.Exclusion(s))
}

// exclusionKeys are the message keys of the reasons for leaving a
// participant out.
var exclusionKeys = map[metrics.Exclusion]string{
	metrics.ExcludeFacilitator: "engagement-exclusion-facilitator", metrics.ExcludeInvalid: "engagement-exclusion-invalid",
	metrics.ExcludeNotFound: "engagement-exclusion-not-found", metrics.ExcludeBot: "engagement-exclusion-bot",
	metrics.ExcludeIncomplete: "engagement-exclusion-incomplete",
}

// exclusionText names a reason in l's language; an unknown one as it is.
func exclusionText(l *i18n.Localizer, e metrics.Exclusion) string {
	if k, ok := exclusionKeys[e]; ok {
		return l.T(k)
	}
	return string(e)
}

var reNoSizediff = regexp.MustCompile(`^(\d+) revisions without sizediff left out$`)

// noteText gives a metric row's note in l's language: the notes metrics
// writes are known; any other (a failure's text) is shown as it is.
func noteText(l *i18n.Localizer, note string) string {
	switch note {
	case metrics.NoteNotObservable:
		return l.T("engagement-note-not-observable")
	case metrics.NoteEmptySegment:
		return l.T("engagement-note-empty-segment")
	case metrics.NoteNoNewEditors:
		return l.T("engagement-note-no-new-editors")
	}
	if m := reNoSizediff.FindStringSubmatch(note); m != nil {
		n, _ := strconv.Atoi(m[1])
		return l.Count("engagement-note-no-sizediff", n)
	}
	if strings.Contains(note, "; ") { // notes joined by metrics
		parts := strings.Split(note, "; ")
		for i, p := range parts {
			parts[i] = noteText(l, p)
		}
		return strings.Join(parts, "; ")
	}
	return note
}
