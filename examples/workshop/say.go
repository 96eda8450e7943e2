package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/report"
)

// say writes the program's summary in the language of -lang. English
// keeps the summary as it always was, digits without grouping and dates
// as Go writes them, since scripts read it ("combined: 9997
// participants", "Fetched …: 0 requests"); other languages group digits
// and write dates as the language does. Usernames, titles and wiki
// domains are data and never translated.
type say struct{ l *i18n.Localizer }

// newSay is the summary's language for -lang's code; a malformed code is
// the same setting error the reports give.
func newSay(code string) (say, error) {
	l, err := i18n.New(code)
	if err != nil {
		return say{}, withFlag(&engagement.SettingError{Setting: engagement.SettingLanguage, Err: err})
	}
	return say{l}, nil
}

func (s say) english() bool { return s.l.Lang() == "en" }

// T is the message key with args.
func (s say) T(key string, args ...any) string { return s.l.T(key, args...) }

// num writes a count: plain digits in English, the language's grouping
// otherwise.
func (s say) num(n int) string {
	if s.english() {
		return strconv.Itoa(n)
	}
	return s.l.Int(n)
}

// count is T with n as $1 (for PLURAL) and num(n) as $2, then args.
func (s say) count(key string, n int, args ...any) string {
	return s.l.T(key, append([]any{n, s.num(n)}, args...)...)
}

// date is a calendar day: ISO 8601 in English, the language's words
// otherwise.
func (s say) date(t time.Time) string {
	if s.english() {
		return t.Format(time.DateOnly)
	}
	return s.l.Date(t)
}

// instant is a moment: "2 Jan 2006 15:04 MST" in English, the
// language's date and time otherwise.
func (s say) instant(t time.Time, english string) string {
	if s.english() {
		return t.Format(english)
	}
	return s.l.DateTime(t)
}

// requests is what an API client did.
func (s say) requests(st mwapi.Stats) string {
	return report.Requests{Requests: st.Requests, CacheHits: st.CacheHits, Retries: st.Retries, Bytes: st.Bytes, Waited: st.Waited}.In(s.l)
}

// failures lists the participants whose data could not be fetched, ""
// when every fetch succeeded.
func (s say) failures(d *engagement.Data) string {
	if len(d.Failures) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(s.count("engagement-summary-failures", len(d.Failures), report.ExclusionIn(s.l, metrics.ExcludeIncomplete)) + "\n")
	for _, f := range d.Failures {
		fmt.Fprintf(&b, "  %s: %s\n", f.Username, f.Cause())
	}
	return b.String()
}

// headlineLabel names a headline row in the language, by its metric and
// segment; the facade's English label for a row it does not know.
func (s say) headlineLabel(h report.HeadlineRow) string {
	r := h.Row
	switch {
	case r.Metric == metrics.MetricParticipants && r.Segment == metrics.SegmentAll:
		return s.T("engagement-headline-participants")
	case r.Metric == metrics.MetricParticipants && r.Segment == metrics.SegmentNew:
		return s.T("engagement-headline-new-editors")
	case r.Metric == metrics.MetricEditsDuring:
		return s.T("engagement-headline-edits-during")
	case r.Metric == metrics.MetricPagesCreatedDuring:
		return s.T("engagement-headline-pages-created")
	case r.Metric == metrics.MetricBytesAddedDuring:
		return s.T("engagement-headline-bytes-added")
	}
	var days int
	if _, err := fmt.Sscanf(r.Metric, "retention_%dd", &days); err == nil && r.Metric == metrics.RetentionMetric(days) {
		switch r.Segment {
		case metrics.SegmentNew:
			return s.count("engagement-headline-retention-new", days)
		case metrics.SegmentExperienced:
			return s.count("engagement-headline-retention-experienced", days)
		}
	}
	return h.Label
}
