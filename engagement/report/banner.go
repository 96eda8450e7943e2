package report

import (
	"sort"
	"strings"

	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
)

// Incomplete is one participant left out because part of their data could
// not be fetched.
type Incomplete struct {
	Username string
	Reason   string // the wiki and the cause, e.g. "contributions on commons.wikimedia.org: HTTP 503 after 6 tries"
}

// IncompleteParticipants lists the participants excluded as "data
// incomplete", with their reasons, in the order of r.Participants.
func IncompleteParticipants(r *metrics.Result) []Incomplete {
	var out []Incomplete
	for _, p := range r.Participants {
		if p.Excluded == metrics.ExcludeIncomplete {
			out = append(out, Incomplete{p.Username, p.Detail})
		}
	}
	return out
}

// IncompleteBanner is the one line shown at the top of the report when some
// participants' data is incomplete, e.g. "12 of 37 participants left out:
// their contributions on commons.wikimedia.org could not be fetched (HTTP
// 503 after 6 tries)"; "" when nobody's is. With several causes, the most
// frequent is named and the others counted.
func IncompleteBanner(r *metrics.Result) string { return IncompleteBannerIn(english(), r) }

// IncompleteBannerIn is IncompleteBanner in l's language; the causes'
// details (an HTTP status, an error) are shown as they are.
func IncompleteBannerIn(l *i18n.Localizer, r *metrics.Result) string {
	list := IncompleteParticipants(r)
	if len(list) == 0 {
		return ""
	}
	n := map[string]int{}
	for _, p := range list {
		first, _, _ := strings.Cut(p.Reason, "; ")
		n[first]++
	}
	causes := make([]string, 0, len(n))
	for c := range n {
		causes = append(causes, c)
	}
	sort.Slice(causes, func(i, j int) bool {
		a, b := causes[i], causes[j]
		return n[a] > n[b] || n[a] == n[b] && a < b
	})
	what, why, ok := strings.Cut(causes[0], ": ")
	left, all := len(list), len(r.Participants)
	line := l.T("engagement-banner-incomplete", left, l.Int(left), all, l.Int(all), causeText(l, what), why)
	if !ok {
		line = l.T("engagement-banner-incomplete-data", left, l.Int(left), all, l.Int(all), what)
	}
	if len(causes) > 1 {
		line = l.T("engagement-banner-more-causes", line, len(causes)-1, l.Int(len(causes)-1))
	}
	return line
}

// causeText translates what could not be fetched ("contributions on
// commons.wikimedia.org"); anything else is shown as it is.
func causeText(l *i18n.Localizer, what string) string {
	for prefix, key := range map[string]string{
		"contributions on ": "engagement-cause-contributions", "account lookup on ": "engagement-cause-account",
		"global account on ": "engagement-cause-global-account",
	} {
		if wiki, ok := strings.CutPrefix(what, prefix); ok {
			return l.T(key, wiki)
		}
	}
	return what
}
