package report

import (
	"regexp"
	"strings"

	"example.com/engagement/engagement/metrics"
)

// Definition explains a metric in plain words, with its source.
type Definition struct {
	Text, Source string
}

var fixed = map[string]Definition{
	metrics.MetricParticipants:                {"Participants included in the numbers, per segment.", "Programs & Events Dashboard enrolments (role 0), deduplicated"},
	metrics.MetricExcluded:                    {"Participants left out of every number, by reason (the segment column).", "this library"},
	metrics.MetricLongTerm:                    {"Experienced participants with at least {longterm} live edits before the start.", "Programs & Events Dashboard, retention predictors"},
	metrics.MetricEditsDuring:                 {"Live edits on the course wikis, any namespace, during the event.", "Event Metrics (edits), all namespaces"},
	metrics.MetricEditorsDuring:               {"Participants with at least one edit during the event.", "Event Metrics"},
	metrics.MetricPagesCreatedDuring:          {"Content pages created by a participant during the event.", "Event Metrics (pages created)"},
	metrics.MetricPagesImprovedDuring:         {"Content pages edited during the event, not counting those created.", "Event Metrics (pages improved)"},
	metrics.MetricBytesAddedDuring:            {"Sum of positive size changes in content namespaces during the event.", "Wikimetrics BytesAdded (positive only)"},
	metrics.MetricBytesNetDuring:              {"Sum of all size changes, every namespace, during the event.", "Wikimetrics BytesAdded (net)"},
	metrics.MetricEditsAfter:                  {"Live edits after the event, up to the as-of date.", "this library"},
	metrics.MetricEditorsAfter:                {"Participants with at least one edit after the event.", "this library"},
	metrics.MetricPagesCreatedAfter:           {"Content pages created by a participant after the event.", "this library"},
	metrics.MetricPagesImprovedAfter:          {"Content pages edited after the event, not counting those created then.", "this library"},
	metrics.MetricBytesAddedAfter:             {"Positive size changes in content namespaces after the event.", "this library"},
	metrics.MetricBytesNetAfter:               {"All size changes after the event.", "this library"},
	metrics.MetricRetainedNewEditorsDashboard: {"Participants registered during the event with a main-namespace edit on the home wiki 7 or more days after the end.", "Programs & Events Dashboard, retained_new_editors"},
	metrics.MetricSurvivingNewEditors:         {"New participants with an edit in their first day and another 30 to 60 days after registering; those registered less than 60 days before the as-of date are left out (censored).", "WMF Research: Surviving new editor"},
	metrics.MetricReturningParticipants:       {"People who took part as participants in two or more events of the campaign; facilitators of any event, bots and accounts not found are left out.", "this library"},
}

var (
	reRetention = regexp.MustCompile(`^retention_(\d+)d$`)
	reActive    = regexp.MustCompile(`^active_m(\d+)$`)
	reActiveEd  = regexp.MustCompile(`^active_editor_m(\d+)$`)
)

// Define returns the definition of a metric name.
func Define(metric string) (Definition, bool) {
	if d, ok := fixed[metric]; ok {
		return d, true
	}
	if m := reRetention.FindStringSubmatch(metric); m != nil {
		return Definition{"Share of the segment with at least one edit, any namespace and course wiki, " + m[1] + " or more days after the end.", "Event Metrics' 7-day retention, generalised; empty until observable"}, true
	}
	if m := reActive.FindStringSubmatch(metric); m != nil {
		return Definition{"Share of the segment with at least one edit in the 30-day window number " + m[1] + " after the end.", "this library (cohort retention)"}, true
	}
	if m := reActiveEd.FindStringSubmatch(metric); m != nil {
		return Definition{"Share of the segment with 5 or more content edits in the 30-day window number " + m[1] + " after the end.", "WMF Research: Active editor threshold"}, true
	}
	return Definition{}, false
}

func expand(s string, longTerm string) string { return strings.ReplaceAll(s, "{longterm}", longTerm) }
