package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"example.com/engagement/engagement/metrics"
)

// The events' table shows each share with "k of n" and its interval, an
// event without new editors says so, a failed course spans the row, and the
// lead counts each person once, over the events loaded.
func TestWriteCampaignHTML(t *testing.T) {
	lo, hi := metrics.Wilson(9, 36)
	ret := metrics.Row{Metric: metrics.RetentionMetric(7), Segment: metrics.SegmentNew, IsShare: true, Value: 0.25, Numerator: 9, Denominator: 36, CILow: lo, CIHigh: hi}
	none := metrics.Row{Metric: metrics.RetentionMetric(7), Segment: metrics.SegmentNew, IsShare: true, Empty: true, Note: metrics.NoteNoNewEditors}
	day := time.Date(2021, 3, 5, 0, 0, 0, 0, time.UTC)
	in := CampaignInput{
		Title: "Lib 2021",
		Events: []CampaignEvent{
			{Title: "Edit-a-thon", EventComparison: metrics.EventComparison{Start: day, End: day, Participants: 53, NewEditors: 36, Returning: 3, Retention: []metrics.Row{ret}}},
			{Title: "Workshop", EventComparison: metrics.EventComparison{Start: day, End: day, Participants: 4, Retention: []metrics.Row{none}}},
			{Title: "Gone/Course", Failed: "HTTP 500"},
		},
		Combined: &metrics.Result{Rows: []metrics.Row{
			{Metric: metrics.MetricParticipants, Segment: metrics.SegmentAll, Value: 52},
			{Metric: metrics.MetricParticipants, Segment: metrics.SegmentNew, Value: 35},
			{Metric: metrics.MetricReturningParticipants, Segment: metrics.SegmentAll, Value: 3},
			{Metric: metrics.RetentionMetric(7), Segment: metrics.SegmentNew, IsShare: true, Value: 0.3, Numerator: 3, Denominator: 10, CILow: 0.1078, CIHigh: 0.6032},
		}},
		Returning: []ReturningPerson{{Username: "Ada Okafor", Events: []string{"Edit-a-thon", "Workshop"}}},
	}
	var b bytes.Buffer
	if err := WriteCampaignHTML(&b, in); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	for _, want := range []string{
		"Over 2 events, 52 people took part, each counted once: 35 were new to editing, and 3 were at two or more events.",
		`25.0 %<br><span class="muted">9 of 36<br>13.8 %–41.1 %</span>`,
		`—<br><span class="muted note">no new editors</span>`,
		`<td class="t">Gone/Course</td><td colspan="6" class="muted why">could not be loaded: HTTP 500</td>`,
		"1 of 3 events could not be loaded and is left out of every number (Gone/Course)",
		"<td>Ada Okafor</td><td class=\"n\">2</td><td>Edit-a-thon; Workshop</td>",
		"Returning participants (two or more events)",
		"“3 of 10, 95% CI 10.8 %–60.3 %” means 3 of the 10 people counted did it", // the campaign's own numbers
	} {
		if !strings.Contains(html, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if err := WriteCampaignHTML(&b, CampaignInput{}); err == nil {
		t.Error("no error without a combined campaign")
	}
}
