package report

import (
	"fmt"
	"sort"
	"strings"

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
func IncompleteBanner(r *metrics.Result) string {
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
	line := fmt.Sprintf("%s of %s participants left out: their %s could not be fetched (%s)",
		thousands(len(list)), thousands(len(r.Participants)), what, why)
	if !ok {
		line = fmt.Sprintf("%s of %s participants left out: their data could not be fetched (%s)",
			thousands(len(list)), thousands(len(r.Participants)), what)
	}
	if len(causes) > 1 {
		line += fmt.Sprintf(" and %d other causes, listed below", len(causes)-1)
	}
	return line
}
