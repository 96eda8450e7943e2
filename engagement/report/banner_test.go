package report_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/report"
)

func incompleteResult() *metrics.Result {
	why := "contributions on commons.wikimedia.org: HTTP 503 after 6 tries"
	return &metrics.Result{
		Event:  metrics.Event{Start: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2026, 3, 8, 0, 0, 0, 0, time.UTC), Wikis: []string{"en.wikipedia.org", "commons.wikimedia.org"}},
		Params: metrics.DefaultParams(time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)),
		Participants: []metrics.ParticipantSummary{
			{Username: "Ada", Segment: metrics.SegmentNew},
			{Username: "Bea", Segment: metrics.SegmentExcluded, Excluded: metrics.ExcludeIncomplete, Detail: why},
			{Username: "Cy", Segment: metrics.SegmentExcluded, Excluded: metrics.ExcludeFacilitator},
			{Username: "Dee", Segment: metrics.SegmentExcluded, Excluded: metrics.ExcludeIncomplete, Detail: why},
			{Username: "Eve", Segment: metrics.SegmentExcluded, Excluded: metrics.ExcludeIncomplete, Detail: "account lookup on en.wikipedia.org: HTTP 429 after 6 tries"},
		},
	}
}

func TestIncompleteBanner(t *testing.T) {
	r := incompleteResult()
	want := "3 of 5 participants left out: their contributions on commons.wikimedia.org could not be fetched (HTTP 503 after 6 tries) and 1 other causes, listed below"
	if got := report.IncompleteBanner(r); got != want {
		t.Errorf("banner = %q\nwant     %q", got, want)
	}
	if got := report.IncompleteParticipants(r); len(got) != 3 || got[0].Username != "Bea" || got[2].Reason != "account lookup on en.wikipedia.org: HTTP 429 after 6 tries" {
		t.Errorf("list = %+v", got)
	}
	r.Participants = r.Participants[:3]
	r.Participants[1].Excluded = metrics.ExcludeBot
	if got := report.IncompleteBanner(r); got != "" {
		t.Errorf("banner without incomplete data = %q", got)
	}
}

func TestReportShowsBannerFirst(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteHTML(&b, report.Input{Title: "T", Result: incompleteResult()}); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	banner := strings.Index(html, `class="banner"`)
	if banner < 0 || banner > strings.Index(html, "<h1") {
		t.Fatalf("the banner is missing or not above the title")
	}
	for _, want := range []string{"3 of 5 participants left out", "Eve: account lookup on en.wikipedia.org: HTTP 429 after 6 tries", "Dee: contributions on commons.wikimedia.org"} {
		if !strings.Contains(html, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}
