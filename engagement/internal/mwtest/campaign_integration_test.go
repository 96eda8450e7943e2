package mwtest_test

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/sample"
)

// TestIntegrationCampaign analyses the two-event campaign of
// engagement/study/testdata/campaign (the sample's edit-a-thon, then a workshop
// with Ada Okafor, Grace Novak, Kiri Okafor and Librarian Lucy, facilitated
// by Priya Okafor) against real MediaWiki 1.39 wikis loaded with the
// sample, and checks the numbers worked out by hand; a rerun asks nothing.
// Enabled with ENGAGEMENT_MEDIAWIKI=1.
func TestIntegrationCampaign(t *testing.T) {
	endpoints := startSample(t, sample.Wikis)
	ctx := context.Background()
	dir := filepath.Join("..", "..", "study", "testdata", "campaign")
	cfg := engagement.Config{Contact: "tests@example.org", Endpoints: endpoints, CacheDir: t.TempDir()}
	var first string
	for run := 0; run < 2; run++ {
		cs, err := engagement.OpenCampaign(ctx, dir, engagement.WithConfig(cfg), engagement.WithAsOf(sample.AsOf))
		if err != nil {
			t.Fatal(err)
		}
		a, err := cs.Analysis()
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Data.Failures) > 0 {
			t.Fatalf("failures: %v", a.Data.FailureSummary())
		}
		got := campaignSummary(a)
		t.Logf("run %d: %v", run, cs.Requests())
		if run == 0 {
			first = got
			checkCampaign(t, a)
			if mem := inMemoryCampaign(t, dir, a.Data.ContentNamespaces); got != mem {
				t.Errorf("from MediaWiki:\n%s\nfrom the in-memory API:\n%s", got, mem)
			}
		} else if r := cs.Requests(); r.Total() != 0 || got != first {
			t.Errorf("rerun: %v, same numbers %v; want 0 requests", r, got == first)
		}
	}
}

// checkCampaign compares with the hand-computed numbers: the sample's own
// 53 participants and 36 new editors (9 of whom edited 7+ days after) at
// the edit-a-thon; 4 participants at the workshop, none new (Kiri Okafor
// registered 28 February, 41 days before it; the others long before); 3
// returning participants (Librarian Lucy facilitated the edit-a-thon, so
// she is a facilitator for the campaign); combined, Priya Okafor (new at
// the edit-a-thon, 4 edits there, none after) is left out as the
// workshop's facilitator: 52 participants, 35 new, 9 of 35.
func checkCampaign(t *testing.T, a *engagement.CampaignAnalysis) {
	t.Helper()
	c := a.Compare()
	if len(c) != 2 {
		t.Fatalf("%d events", len(c))
	}
	for i, want := range []struct{ parts, new, returning, k, n int }{{53, 36, 3, 9, 36}, {4, 0, 3, 0, 0}} {
		e := c[i]
		if e.Participants != want.parts || e.NewEditors != want.new || e.Returning != want.returning || e.Retention[0].Numerator != want.k || e.Retention[0].Denominator != want.n {
			t.Errorf("%s: %d participants, %d new, %d returning, 7 days %d of %d; want %v", e.Title, e.Participants, e.NewEditors, e.Returning, e.Retention[0].Numerator, e.Retention[0].Denominator, want)
		}
	}
	if got := strings.Join(a.Result.Returning, ", "); got != "Ada Okafor, Grace Novak, Kiri Okafor" {
		t.Errorf("returning %s", got)
	}
	for _, tt := range []struct {
		metric string
		seg    metrics.Segment
		value  float64
		k, n   int
	}{
		{metrics.MetricParticipants, metrics.SegmentAll, 52, 0, 0},
		{metrics.MetricParticipants, metrics.SegmentNew, 35, 0, 0},
		{metrics.MetricExcluded, metrics.Segment(metrics.ExcludeFacilitator), 2, 0, 0},
		{metrics.RetentionMetric(7), metrics.SegmentNew, 9.0 / 35, 9, 35},
		{metrics.MetricReturningParticipants, metrics.SegmentAll, 3, 0, 0},
	} {
		row, ok := a.Combined().Find(tt.metric, tt.seg)
		if !ok || row.Value != tt.value || row.Numerator != tt.k || row.Denominator != tt.n {
			t.Errorf("combined %s/%s = %+v, want %v (%d of %d)", tt.metric, tt.seg, row, tt.value, tt.k, tt.n)
		}
	}
}

// inMemoryCampaign is the same campaign analysed from the sample's
// in-memory API, with the content namespaces of the real wikis (the
// in-memory API's siteinfo counts Wikidata's item namespace as content, a
// MediaWiki without Wikibase does not).
func inMemoryCampaign(t *testing.T, dir string, content map[string][]int) string {
	t.Helper()
	cfg := engagement.Config{Contact: "tests@example.org", HTTPClient: &http.Client{Transport: sample.Transport()}}
	cs, err := engagement.OpenCampaign(context.Background(), dir, engagement.WithConfig(cfg), engagement.WithAsOf(sample.AsOf))
	if err != nil {
		t.Fatal(err)
	}
	p := cs.Params()
	p.ContentNamespaces = content
	a, err := cs.Analyze(p)
	if err != nil {
		t.Fatal(err)
	}
	return campaignSummary(a)
}

// campaignSummary is every number of the campaign: each event's rows and
// the combined rows.
func campaignSummary(a *engagement.CampaignAnalysis) string {
	var b strings.Builder
	for _, e := range a.Result.Events {
		fmt.Fprintf(&b, "%s: %v\n", e.Course, e.Result.Rows)
	}
	fmt.Fprintf(&b, "combined: %v\nreturning: %v", a.Result.Combined, a.Result.Returning)
	return b.String()
}
