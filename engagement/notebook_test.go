package engagement

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"example.com/engagement/engagement/mwapi"
)

// A fetch answered from the cache draws no bar; one that asks does.
func TestProgressBarOnlyWhenAsking(t *testing.T) {
	var b bytes.Buffer
	update, done := ProgressBar(&b)
	update(mwapi.Progress{UsersDone: 1, UsersTotal: 2, CacheHits: 1})
	done("0 requests")
	if b.Len() != 0 {
		t.Fatalf("cached fetch drew %q", b.String())
	}
	update, done = ProgressBar(&b)
	update(mwapi.Progress{UsersDone: 1, UsersTotal: 2, Requests: 1})
	done("1 request")
	if got := b.String(); !strings.Contains(got, " 50% 1/2 user-wikis, 1 requests") || !strings.HasSuffix(got, "100% 1 request   \n") {
		t.Fatalf("got %q", got)
	}
}

func TestSweepRejectsOtherSettings(t *testing.T) {
	s, err := Open(context.Background(), Sample)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Sweep(SettingAsOf, []int{1}); err == nil || !strings.Contains(err.Error(), "LookbackDays") {
		t.Fatalf("err = %v", err)
	}
	if _, err := s.Sweep(SettingLongTermEdits, []int{1}, MetricRef{"nonsense", "new"}); err == nil || !strings.Contains(err.Error(), `"nonsense"`) {
		t.Fatalf("err = %v", err)
	}
}
