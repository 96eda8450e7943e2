package report

import (
	"fmt"
	"strconv"
	"time"

	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
)

// english is the Localizer of a report whose input names no language. The
// embedded English messages are checked by engagement/i18n's tests, so a
// failure to read them is a broken build, not an input error.
func english() *i18n.Localizer {
	l, err := i18n.New("en")
	if err != nil {
		panic(fmt.Sprintf("report: the embedded English messages: %v", err))
	}
	return l
}

// orEnglish is l, or English when l is nil.
func orEnglish(l *i18n.Localizer) *i18n.Localizer {
	if l == nil {
		return english()
	}
	return l
}

// FormatValueIn is FormatValue in l's language (nil: English).
func FormatValueIn(l *i18n.Localizer, r metrics.Row) string { return value(orEnglish(l), r) }

// FormatDetailIn is FormatDetail in l's language (nil: English).
func FormatDetailIn(l *i18n.Localizer, r metrics.Row) string { return detail(orEnglish(l), r) }

// ExclusionIn names a reason for leaving a participant out in l's
// language (nil: English): "facilitator", "facilitador", "animateur".
func ExclusionIn(l *i18n.Localizer, e metrics.Exclusion) string {
	return exclusionText(orEnglish(l), e)
}

// BaselineSentenceIn is BaselineSentence in l's language (nil: English).
func BaselineSentenceIn(l *i18n.Localizer, b *Baseline) string {
	return baselineSentence(orEnglish(l), b)
}

// Requests are what an API client did, as mwapi.Stats counts it.
type Requests struct {
	Requests, CacheHits, Retries int
	Bytes                        int64 // read from the network
	Waited                       time.Duration
}

// In says it in l's language (nil: English): "25 requests, 0 cache hits,
// 0 retries, 1229.5 kB, waited 0s". English keeps the digits as
// mwapi.Stats.String writes them, without grouping, since scripts read
// that line; other languages group and use their decimal separator.
func (r Requests) In(l *i18n.Localizer) string {
	l = orEnglish(l)
	kB, secs := float64(r.Bytes)/1000, r.Waited.Round(time.Millisecond)
	if l.Lang() == "en" {
		return l.T("engagement-stats-requests", r.Requests, strconv.Itoa(r.Requests), r.CacheHits, strconv.Itoa(r.CacheHits),
			r.Retries, strconv.Itoa(r.Retries), strconv.FormatFloat(kB, 'f', 1, 64), secs.String())
	}
	return l.T("engagement-stats-requests", r.Requests, l.Int(r.Requests), r.CacheHits, l.Int(r.CacheHits),
		r.Retries, l.Int(r.Retries), l.Decimal(kB, 1), l.T("engagement-stats-seconds", l.Decimal(secs.Seconds(), 1)))
}

// CampaignStats is the campaign report's line on the requests made: to
// the Dashboard (sent, answered from the cache) and to the Wikimedia API.
func CampaignStats(l *i18n.Localizer, sent, cached int, api Requests) string {
	l = orEnglish(l)
	return l.T("engagement-campaign-stats", sent, l.Int(sent), cached, l.Int(cached), api.In(l))
}
