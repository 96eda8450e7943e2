package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"example.com/engagement/engagement/metrics"
)

// The campaign's wikitext: the combined numbers, the events side by side
// linked to their courses with "k of n" beside each share, an event
// without new editors saying so in every window, a failed course named,
// and no participant's name.
func TestWriteCampaignWikitext(t *testing.T) {
	ret := metrics.Row{Metric: metrics.RetentionMetric(7), Segment: metrics.SegmentNew, IsShare: true, Value: 0.25, Numerator: 9, Denominator: 36}
	none := metrics.Row{Metric: metrics.RetentionMetric(7), Segment: metrics.SegmentNew, IsShare: true, Empty: true, Note: metrics.NoteNoNewEditors}
	day := time.Date(2021, 3, 5, 0, 0, 0, 0, time.UTC)
	in := CampaignInput{
		Title: "Lib 2021", Version: "test",
		Events: []CampaignEvent{
			{Title: "Edit-a-thon", URL: "https://outreachdashboard.wmflabs.org/courses/Lib/Edit-a-thon", EventComparison: metrics.EventComparison{Start: day, End: day.AddDate(0, 0, 2), Participants: 53, NewEditors: 36, Returning: 3, Retention: []metrics.Row{ret, ret, ret}}},
			{Title: "Workshop", EventComparison: metrics.EventComparison{Start: day, End: day, Participants: 4, Retention: []metrics.Row{none, none, none}}},
			{Title: "Gone/Course", Failed: "HTTP 500"},
		},
		Combined: &metrics.Result{Rows: []metrics.Row{
			{Metric: metrics.MetricParticipants, Segment: metrics.SegmentAll, Value: 52},
			{Metric: metrics.MetricParticipants, Segment: metrics.SegmentNew, Value: 35},
			{Metric: metrics.MetricReturningParticipants, Segment: metrics.SegmentAll, Value: 3},
		}},
		Returning: []ReturningPerson{{Username: "Ada Okafor", Events: []string{"Edit-a-thon", "Workshop"}}},
	}
	var b bytes.Buffer
	if err := WriteCampaignWikitext(&b, in); err != nil {
		t.Fatal(err)
	}
	wt := b.String()
	const right = `style="text-align:right" | `
	for _, want := range []string{
		"== Lib 2021: results ==\n",
		"'''1 of 3 events could not be loaded and is left out of every number (Gone/Course): returning participants may be undercounted.'''",
		"Over 2 events, 52 people took part, each counted once: 35 were new to editing, and 3 were at two or more events.<ref name=\"asof\">",
		"|-\n| " + right + "52 || people took part || each counted once, from their first event\n",
		"| [https://outreachdashboard.wmflabs.org/courses/Lib/Edit-a-thon Edit-a-thon] || 5 March 2021 – 7 March 2021 || " + right + "53 || " + right + "36 || " + right + "3 || " + right + "25.0 % (9 of 36) || ",
		"| Workshop || 5 March 2021 – 5 March 2021 || " + right + "4 || " + right + "0 || " + right + "0 || " + right + "— (no new editors) || ",
		"* Gone/Course: could not be loaded (HTTP 500); left out of every number.\n",
		"1 person took part in two or more events.",
		"<references />",
	} {
		if !strings.Contains(wt, want) {
			t.Errorf("wikitext lacks %q", want)
		}
	}
	if strings.Contains(wt, "Ada Okafor") || strings.Count(wt, `{| class="wikitable sortable"`) != 2 {
		t.Errorf("wikitext names a participant or has not 2 tables:\n%s", wt)
	}
	if err := WriteCampaignWikitext(&b, CampaignInput{}); err == nil {
		t.Error("no error without a combined campaign")
	}
}
