package engagement

import (
	"strings"
	"testing"

	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/metrics"
)

// The enrichment summary puts the data-incomplete banner first and lists
// what re-reading normalised.
func TestFetchSummary(t *testing.T) {
	a := &Analysis{
		Data: &Data{Normalised: dataset.Report{{File: "accounts.csv", What: "usernames made canonical", Count: 2, Examples: []dataset.Example{{Line: 4, Detail: "“a_b” → “A b”"}}}}},
		Result: &metrics.Result{Participants: []metrics.ParticipantSummary{
			{Username: "A", Excluded: metrics.ExcludeIncomplete, Detail: "contributions on commons.wikimedia.org: HTTP 503 after 6 tries"},
			{Username: "B"},
		}},
	}
	got := a.FetchSummary()
	if !strings.HasPrefix(got, "**⚠️ 1 of 2 participants left out") {
		t.Errorf("no banner first:\n%s", got)
	}
	if !strings.Contains(got, "- Normalised: accounts.csv: 2 usernames made canonical (accounts.csv:4 “a_b” → “A b”)") {
		t.Errorf("no normalisation:\n%s", got)
	}
}
