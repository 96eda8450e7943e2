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
	want := "3 of 5 participants left out: their contributions on commons.wikimedia.org could not be fetched (HTTP 503 after 6 tries) and 1 other cause, listed below"
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

// A tiny event reads as plain words: singular where one.
func TestHeadlineSingular(t *testing.T) {
	r := incompleteResult()
	r.Rows = []metrics.Row{
		{Metric: metrics.MetricParticipants, Segment: metrics.SegmentAll, Value: 2},
		{Metric: metrics.MetricParticipants, Segment: metrics.SegmentNew, Value: 1},
		{Metric: metrics.MetricParticipants, Segment: metrics.SegmentExperienced, Value: 1},
		{Metric: metrics.MetricEditsDuring, Segment: metrics.SegmentAll, Value: 1},
		{Metric: metrics.MetricEditorsDuring, Segment: metrics.SegmentAll, Value: 1},
		{Metric: metrics.MetricPagesCreatedDuring, Segment: metrics.SegmentAll, Value: 1},
	}
	var b bytes.Buffer
	if err := report.WriteHTML(&b, report.Input{Title: "T", Result: r}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"1 new editor, 1 experienced", ">edit during the event<", "by 1 participant<", ">page created<", "made 1 edit."} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q", want)
		}
	}
}
