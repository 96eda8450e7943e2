package report

import (
	"regexp"
	"strconv"

	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
)

// Definition explains a metric in plain words, with its source.
type Definition struct {
	Text, Source string
}

// definitionKeys are the message keys of each metric's definition and
// source.
var definitionKeys = map[string][2]string{
	metrics.MetricParticipants:                {"engagement-def-participants", "engagement-source-dashboard-enrolments"},
	metrics.MetricExcluded:                    {"engagement-def-excluded", "engagement-source-library"},
	metrics.MetricLongTerm:                    {"engagement-def-long-term", "engagement-source-dashboard-predictors"},
	metrics.MetricEditsDuring:                 {"engagement-def-edits-during", "engagement-source-eventmetrics-edits"},
	metrics.MetricEditorsDuring:               {"engagement-def-editors-during", "engagement-source-eventmetrics"},
	metrics.MetricPagesCreatedDuring:          {"engagement-def-pages-created-during", "engagement-source-eventmetrics-pages-created"},
	metrics.MetricPagesImprovedDuring:         {"engagement-def-pages-improved-during", "engagement-source-eventmetrics-pages-improved"},
	metrics.MetricBytesAddedDuring:            {"engagement-def-bytes-added-during", "engagement-source-wikimetrics-positive"},
	metrics.MetricBytesNetDuring:              {"engagement-def-bytes-net-during", "engagement-source-wikimetrics-net"},
	metrics.MetricEditsAfter:                  {"engagement-def-edits-after", "engagement-source-library"},
	metrics.MetricEditorsAfter:                {"engagement-def-editors-after", "engagement-source-library"},
	metrics.MetricPagesCreatedAfter:           {"engagement-def-pages-created-after", "engagement-source-library"},
	metrics.MetricPagesImprovedAfter:          {"engagement-def-pages-improved-after", "engagement-source-library"},
	metrics.MetricBytesAddedAfter:             {"engagement-def-bytes-added-after", "engagement-source-library"},
	metrics.MetricBytesNetAfter:               {"engagement-def-bytes-net-after", "engagement-source-library"},
	metrics.MetricRetainedNewEditorsDashboard: {"engagement-def-retained-new-editors-dashboard", "engagement-source-dashboard-retained"},
	metrics.MetricSurvivingNewEditors:         {"engagement-def-surviving-new-editors", "engagement-source-wmf-surviving"},
	metrics.MetricReturningParticipants:       {"engagement-def-returning-participants", "engagement-source-library"},
}

var (
	reRetention = regexp.MustCompile(`^retention_(\d+)d$`)
	reActive    = regexp.MustCompile(`^active_m(\d+)$`)
	reActiveEd  = regexp.MustCompile(`^active_editor_m(\d+)$`)
)

// Define returns the definition of a metric name in English, with the
// long-term threshold written "{longterm}".
func Define(metric string) (Definition, bool) {
	d, ok := define(english(), metric, "{longterm}")
	return d, ok
}

// DefineIn returns the definition of a metric name in l's language, with
// longTerm as the long-term threshold (Params.LongTermEdits).
func DefineIn(l *i18n.Localizer, metric string, longTerm int) (Definition, bool) {
	return define(l, metric, longTerm)
}

// define fills a definition; longTerm is the threshold's number or a
// placeholder for it.
func define(l *i18n.Localizer, metric string, longTerm any) (Definition, bool) {
	if k, ok := definitionKeys[metric]; ok {
		text := l.T(k[0])
		if metric == metrics.MetricLongTerm {
			n, _ := longTerm.(int)
			shown := any(l.Int(n))
			if s, ok := longTerm.(string); ok {
				n, shown = 2, s
			}
			text = l.T(k[0], n, shown)
		}
		return Definition{text, l.T(k[1])}, true
	}
	if m := reRetention.FindStringSubmatch(metric); m != nil {
		n, _ := strconv.Atoi(m[1])
		return Definition{l.Count("engagement-def-retention", n), l.T("engagement-source-eventmetrics-retention")}, true
	}
	if m := reActive.FindStringSubmatch(metric); m != nil {
		return Definition{l.T("engagement-def-active", m[1]), l.T("engagement-source-library-cohort")}, true
	}
	if m := reActiveEd.FindStringSubmatch(metric); m != nil {
		return Definition{l.T("engagement-def-active-editor", m[1]), l.T("engagement-source-wmf-active")}, true
	}
	return Definition{}, false
}
