package engagement_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/report"
	"example.com/engagement/engagement/sample"
	"example.com/engagement/engagement/study"
)

// failContribs answers like the sample's wikis, except that list=usercontribs
// on one wiki is always refused for the last, partial batch of users (the
// accounts among the last 6 of 56 names: a contributions batch is the
// existing accounts of one lookup batch of 50; failing it leaves the others
// to compare).
type failContribs struct {
	next http.RoundTripper
	wiki string
}

func (f failContribs) RoundTrip(r *http.Request) (*http.Response, error) {
	q := r.URL.Query()
	if r.URL.Host == f.wiki && q.Get("list") == "usercontribs" && strings.Count(q.Get("ucuser"), "|") < 9 {
		return &http.Response{StatusCode: http.StatusForbidden, Body: io.NopCloser(strings.NewReader("Forbidden")), Header: http.Header{}, Request: r}, nil
	}
	return f.next.RoundTrip(r)
}

func analyseSample(t *testing.T, transport http.RoundTripper) (*engagement.Event, *engagement.Data, *metrics.Result) {
	t.Helper()
	ctx := context.Background()
	ev, err := study.LoadEvent(ctx, engagement.Config{}, engagement.Sample)
	if err != nil {
		t.Fatal(err)
	}
	ev.IsSample = false // go through the configured HTTP client
	cfg := engagement.Config{Contact: "test@example.org", HTTPClient: &http.Client{Transport: transport}}
	d, err := study.Enrich(ctx, cfg, ev, nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := study.Analyze(ev, d, metrics.DefaultParams(sample.AsOf))
	if err != nil {
		t.Fatal(err)
	}
	return ev, d, r
}

// When one wiki's contributions never come, the participants with an
// account there are "data incomplete" with the wiki and the cause, and every
// other participant's numbers equal those of the run where it works.
func TestOneWikiFailingLeavesOthersUnchanged(t *testing.T) {
	const wiki = "commons.wikimedia.org"
	_, _, full := analyseSample(t, sample.Transport())
	_, _, part := analyseSample(t, failContribs{sample.Transport(), wiki})

	before := map[string]metrics.ParticipantSummary{}
	for _, p := range full.Participants {
		before[p.Username] = p
	}
	incomplete, newLeftOut, unchanged := 0, 0, 0
	for _, p := range part.Participants {
		if before[p.Username].Excluded != metrics.NotExcluded {
			continue // left out anyway: their numbers are not reported
		}
		if p.Excluded == metrics.ExcludeIncomplete {
			incomplete++
			if before[p.Username].Segment == metrics.SegmentNew {
				newLeftOut++
			}
			if want := "contributions on " + wiki + ": HTTP 403"; p.Detail != want {
				t.Errorf("%s: detail %q, want %q", p.Username, p.Detail, want)
			}
			continue
		}
		unchanged++
		if p != before[p.Username] {
			t.Errorf("%s changed:\n got %+v\nwant %+v", p.Username, p, before[p.Username])
		}
	}
	if incomplete == 0 || unchanged < 40 {
		t.Fatalf("%d data incomplete, %d unchanged: want a few of the first and most of the second", incomplete, unchanged)
	}
	get := func(r *metrics.Result, metric string, seg metrics.Segment) metrics.Row {
		for _, row := range r.Rows {
			if row.Metric == metric && row.Segment == seg {
				return row
			}
		}
		t.Fatalf("no row %s/%s", metric, seg)
		return metrics.Row{}
	}
	a, b := get(full, "retention_7d", metrics.SegmentNew), get(part, "retention_7d", metrics.SegmentNew)
	if b.Denominator != a.Denominator-newLeftOut {
		t.Errorf("retention_7d new denominator %d, want %d - %d left out", b.Denominator, a.Denominator, newLeftOut)
	}
	if got := get(part, "excluded", metrics.Segment(metrics.ExcludeIncomplete)).Value; int(got) != incomplete {
		t.Errorf("excluded/data incomplete = %v, want %d", got, incomplete)
	}
	banner := report.IncompleteBanner(part)
	want := fmt.Sprintf("%d of 56 participants left out: their contributions on commons.wikimedia.org could not be fetched (HTTP 403)", incomplete)
	if banner != want {
		t.Errorf("banner = %q, want %q", banner, want)
	}
}

// Re-analysing the output of a partial run keeps the same participants out
// as "data incomplete" (incomplete.csv) and reproduces every metric.
func TestReanalysisOfPartialRunKeepsIncomplete(t *testing.T) {
	ev, d, part := analyseSample(t, failContribs{sample.Transport(), "commons.wikimedia.org"})
	dir := t.TempDir()
	if _, err := study.WriteOutputs(dir, d, part); err != nil {
		t.Fatal(err)
	}
	again, err := study.LoadData(dir)
	if err != nil {
		t.Fatal(err)
	}
	r, err := study.Analyze(ev, again, metrics.DefaultParams(sample.AsOf))
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(r.Rows) != fmt.Sprint(part.Rows) {
		t.Error("metrics differ after re-analysis")
	}
	if b := report.IncompleteBanner(r); b == "" || b != report.IncompleteBanner(part) {
		t.Errorf("banner after re-analysis %q, want %q", b, report.IncompleteBanner(part))
	}
}
