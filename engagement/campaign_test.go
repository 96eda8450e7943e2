package engagement_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/sample"
	"example.com/engagement/engagement/study"
)

// A campaign of the sample event and a later workshop with three of its
// participants (Ada Okafor, Grace Novak, Kiri Okafor), one of its
// facilitators (Librarian Lucy, a participant of the workshop) and one of
// its new editors as the workshop's facilitator (Priya Okafor). Everybody's
// first event is the sample, so the combined campaign is the sample's own
// analysis with Priya Okafor left out as a facilitator for the campaign:
// her 4 edits during the event (contributions.csv, 5-7 March) and her
// place among the new editors go; nobody else changes.
func TestCampaignOfTwoEvents(t *testing.T) {
	ctx := context.Background()
	c, err := study.LoadCampaignDir(ctx, filepath.Join("study", "testdata", "campaign"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Events) != 2 || c.Slug != "sample_library_2021" || len(c.Failed) != 0 {
		t.Fatalf("campaign %s with %d events, failed %v", c.Slug, len(c.Events), c.Failed)
	}
	cfg := engagement.Config{Contact: "test@example.org", HTTPClient: &http.Client{Transport: sample.Transport()}}
	d, err := c.Enrich(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Analyze(d, metrics.DefaultParams(sample.AsOf))
	if err != nil {
		t.Fatal(err)
	}
	_, _, own := analyseSample(t, sample.Transport())
	if fmt.Sprint(r.Events[0].Result.Rows) != fmt.Sprint(own.Rows) {
		t.Error("the first event's rows differ from the sample's own analysis")
	}
	ownRow := func(m string, s metrics.Segment) metrics.Row { row, _ := own.Find(m, s); return row }
	combined := &metrics.Result{Rows: r.Combined}
	for _, tt := range []struct {
		metric string
		seg    metrics.Segment
		value  float64
		k, n   int
	}{
		{metrics.MetricParticipants, metrics.SegmentAll, 52, 0, 0},                     // 53 - Priya
		{metrics.MetricParticipants, metrics.SegmentNew, 35, 0, 0},                     // 36 - Priya
		{metrics.MetricExcluded, metrics.Segment(metrics.ExcludeFacilitator), 2, 0, 0}, // Librarian Lucy, Priya Okafor
		{metrics.RetentionMetric(7), metrics.SegmentNew, 9.0 / 35, 9, 35},              // Priya did not edit after the event
		{metrics.MetricEditsDuring, metrics.SegmentAll, ownRow(metrics.MetricEditsDuring, metrics.SegmentAll).Value - 4, 0, 0},
		{metrics.MetricReturningParticipants, metrics.SegmentAll, 3, 0, 0}, // Ada Okafor, Grace Novak, Kiri Okafor
	} {
		row, ok := combined.Find(tt.metric, tt.seg)
		if !ok || row.Empty || row.Value != tt.value || row.Numerator != tt.k || row.Denominator != tt.n {
			t.Errorf("combined %s/%s = %+v, want %v (%d of %d)", tt.metric, tt.seg, row, tt.value, tt.k, tt.n)
		}
	}
	if strings.Join(r.Returning, ",") != "Ada Okafor,Grace Novak,Kiri Okafor" {
		t.Errorf("returning %v, want Ada Okafor, Grace Novak, Kiri Okafor (Librarian Lucy facilitated the first)", r.Returning)
	}
	checkSegments(t, r)
	second := r.Events[1].Result
	for _, row := range second.Rows {
		if row.Metric == metrics.MetricParticipants && row.Segment == metrics.SegmentAll && row.Value != 4 {
			t.Errorf("second event: %v participants, want 4 (its own roster; Priya Okafor facilitates)", row.Value)
		}
	}
	dir := t.TempDir()
	if _, err := study.WriteCampaignOutputs(dir, d, r); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "events.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if lines[0] != "course,metric,segment,value,numerator,denominator,ci_low,ci_high,note" || len(lines) != 1+len(own.Rows)+len(second.Rows) ||
		!strings.HasPrefix(lines[1], "Sample_Library/Women_in_Science_Edit-a-thon_(March_2021),participants,new,36,") {
		t.Errorf("events.csv starts %q, %d lines", lines[:2], len(lines))
	}
}

// checkSegments follows people across the two events: Kiri Okafor
// (registered 28 February) is new at the sample (from 5 March, 14 days
// look-back) and experienced at the workshop (10 April); Librarian Lucy is
// a facilitator of the first and a participant of the second, a
// facilitator for the campaign; Priya Okafor the other way round.
func checkSegments(t *testing.T, r *metrics.CampaignResult) {
	t.Helper()
	seg := func(ps []metrics.ParticipantSummary, name string) string {
		for _, p := range ps {
			if p.Username == name {
				return fmt.Sprintf("%s/%s", p.Segment, p.Excluded)
			}
		}
		return "absent"
	}
	first, second := r.Events[0].Result.Participants, r.Events[1].Result.Participants
	for _, tt := range []struct{ who, first, second, combined string }{
		{"Kiri Okafor", "new/", "experienced/", "new/"},
		{"Librarian Lucy", "excluded/facilitator", "experienced/", "excluded/facilitator"},
		{"Priya Okafor", "new/", "absent", "excluded/facilitator"},
		{"Ada Okafor", "experienced/", "experienced/", "experienced/"},
	} {
		if got := [3]string{seg(first, tt.who), seg(second, tt.who), seg(r.Participants, tt.who)}; got != [3]string{tt.first, tt.second, tt.combined} {
			t.Errorf("%s: %v in the sample, the workshop, the campaign; want %s, %s, %s", tt.who, got, tt.first, tt.second, tt.combined)
		}
	}
	if r.FirstEvent["Librarian Lucy"] != "Sample_Library/Wikidata_Workshop_(April_2021)" {
		t.Errorf("Librarian Lucy's first event as a participant: %q", r.FirstEvent["Librarian Lucy"])
	}
}
