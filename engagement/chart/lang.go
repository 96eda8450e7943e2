package chart

import (
	"fmt"
	"strconv"
	"time"

	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
)

// Language writes a chart's title, axes, legends and month ticks in l's
// language (default English); data (wiki domains, namespace names, event
// titles) is shown as it is.
func Language(l *i18n.Localizer) Option { return func(o *options) { o.lang = l } }

// tr is the options' Localizer, English when none was given. The embedded
// English messages are checked by engagement/i18n's tests, so a failure to
// read them is a broken build.
func (o options) tr() *i18n.Localizer {
	if o.lang != nil {
		return o.lang
	}
	l, err := i18n.New("en")
	if err != nil {
		panic(fmt.Sprintf("chart: the embedded English messages: %v", err))
	}
	return l
}

// leftOutPrefix marks the participants chart's bars of those left out,
// before their reason.
const leftOutPrefix = "left out: "

// segmentWord names a segment in l's language.
func segmentWord(l *i18n.Localizer, s metrics.Segment) string {
	switch s {
	case metrics.SegmentNew, metrics.SegmentExperienced, metrics.SegmentAll, metrics.SegmentExcluded, metrics.SegmentBaseline:
		return l.T("engagement-segment-" + string(s))
	}
	return string(s)
}

// exclusionWord names a reason for leaving a participant out in l's
// language; an unknown one as it is.
func exclusionWord(l *i18n.Localizer, e metrics.Exclusion) string {
	key := map[metrics.Exclusion]string{
		metrics.ExcludeFacilitator: "engagement-exclusion-facilitator", metrics.ExcludeInvalid: "engagement-exclusion-invalid",
		metrics.ExcludeNotFound: "engagement-exclusion-not-found", metrics.ExcludeBot: "engagement-exclusion-bot",
		metrics.ExcludeIncomplete: "engagement-exclusion-incomplete",
	}[e]
	if key == "" {
		return string(e)
	}
	return l.T(key)
}

// percentTick writes a whole percentage as an axis tick: "40%" in
// English, "40 %" in Spanish and French.
func percentTick(l *i18n.Localizer, v int) string {
	l = options{lang: l}.tr()
	return l.T("engagement-chart-percent-tick", strconv.Itoa(v))
}

// monthTick writes a month and its year on two lines: "Mar\n2021".
func monthTick(l *i18n.Localizer, t time.Time) string {
	l = options{lang: l}.tr()
	return l.ShortMonth(t.Month()) + "\n" + strconv.Itoa(t.Year())
}
