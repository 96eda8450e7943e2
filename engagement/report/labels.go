package report

import "example.com/engagement/engagement/metrics"

var labels = map[string]string{
	metrics.MetricParticipants:                "Participants counted",
	metrics.MetricExcluded:                    "Left out, by reason",
	metrics.MetricLongTerm:                    "Long-term editors",
	metrics.MetricEditsDuring:                 "Edits during the event",
	metrics.MetricEditorsDuring:               "Participants who edited during the event",
	metrics.MetricPagesCreatedDuring:          "Pages created during the event",
	metrics.MetricPagesImprovedDuring:         "Pages improved during the event",
	metrics.MetricBytesAddedDuring:            "Bytes added to content during the event",
	metrics.MetricBytesNetDuring:              "Net bytes changed during the event",
	metrics.MetricEditsAfter:                  "Edits after the event",
	metrics.MetricEditorsAfter:                "Participants who edited after the event",
	metrics.MetricPagesCreatedAfter:           "Pages created after the event",
	metrics.MetricPagesImprovedAfter:          "Pages improved after the event",
	metrics.MetricBytesAddedAfter:             "Bytes added to content after the event",
	metrics.MetricBytesNetAfter:               "Net bytes changed after the event",
	metrics.MetricRetainedNewEditorsDashboard: "Retained new editors (Dashboard's rule)",
	metrics.MetricSurvivingNewEditors:         "Surviving new editors (WMF Research rule)",
	metrics.MetricReturningParticipants:       "Returning participants (two or more events)",
}

// Label returns a metric's name in plain words ("Edited again 30+ days
// after the end" for retention_30d); the metric name when it has none.
func Label(metric string) string {
	if l, ok := labels[metric]; ok {
		return l
	}
	if m := reRetention.FindStringSubmatch(metric); m != nil {
		return "Edited again " + m[1] + "+ days after the end"
	}
	if m := reActive.FindStringSubmatch(metric); m != nil {
		return "Edited in month " + m[1] + " after the end"
	}
	if m := reActiveEd.FindStringSubmatch(metric); m != nil {
		return "Active editor (5+ content edits) in month " + m[1] + " after the end"
	}
	return metric
}
