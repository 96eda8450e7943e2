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
)

// A campaign of the sample event and a later workshop with three of its
// participants and its facilitator: every person's first event is the
// sample, so the combined campaign equals the sample's own analysis, plus
// three returning participants; each event's rows are its own analysis.
func TestCampaignOfTwoEvents(t *testing.T) {
	ctx := context.Background()
	c, err := engagement.LoadCampaignDir(ctx, filepath.Join("testdata", "campaign"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Events) != 2 || c.Slug != "sample_library_2021" {
		t.Fatalf("campaign %s with %d events", c.Slug, len(c.Events))
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
	combined := r.Combined[:len(r.Combined)-1]
	if fmt.Sprint(combined) != fmt.Sprint(own.Rows) {
		t.Error("the combined campaign differs from the sample's analysis, though everybody's first event is the sample")
	}
	last := r.Combined[len(r.Combined)-1]
	if last.Metric != metrics.MetricReturningParticipants || last.Value != 3 || strings.Join(r.Returning, ",") != "Ada Okafor,Grace Novak,Kiri Okafor" {
		t.Errorf("returning: %+v %v, want Ada Okafor, Grace Novak, Kiri Okafor (Librarian Lucy facilitated the first)", last, r.Returning)
	}
	second := r.Events[1].Result
	for _, row := range second.Rows {
		if row.Metric == metrics.MetricParticipants && row.Segment == metrics.SegmentAll && row.Value != 4 {
			t.Errorf("second event: %v participants, want 4 (its own roster; Priya Okafor facilitates)", row.Value)
		}
	}
	dir := t.TempDir()
	if _, err := engagement.WriteCampaignOutputs(dir, d, r); err != nil {
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
