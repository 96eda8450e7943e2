package engagement

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/sample"
	"example.com/engagement/engagement/study"
)

// refuse answers 403 to the requests match picks, and like the sample to
// the others.
type refuse func(*http.Request) bool

func (f refuse) RoundTrip(r *http.Request) (*http.Response, error) {
	if f(r) {
		return &http.Response{StatusCode: http.StatusForbidden, Status: "403 Forbidden", Body: io.NopCloser(strings.NewReader("Forbidden")), Header: http.Header{}, Request: r}, nil
	}
	return sample.Transport().RoundTrip(r)
}

func fetchSampleBaseline(t *testing.T, match func(*http.Request) bool) (*Baseline, error) {
	t.Helper()
	ctx := context.Background()
	ev, err := study.LoadEvent(ctx, Config{}, Sample)
	if err != nil {
		t.Fatal(err)
	}
	ev.IsSample = false // through the configured client
	cfg := Config{Contact: "test@example.org", HTTPClient: &http.Client{Transport: refuse(match)}}
	return study.FetchBaseline(ctx, cfg, ev, metrics.DefaultParams(sample.AsOf), BaselineOptions{})
}

func contribsOn(wiki string) func(*http.Request) bool {
	return func(r *http.Request) bool { return r.URL.Host == wiki && r.URL.Query().Get("list") == "usercontribs" }
}

// Newcomers whose contributions never come are left out of the baseline,
// counted and kept with the cause, never counted as not activated or
// inactive.
func TestBaselineLeavesOutWhatCouldNotBeFetched(t *testing.T) {
	for _, tc := range []struct {
		wiki                 string
		failed, notActivated int
	}{
		{sample.Wikis[0], 10, 0}, // the home wiki: all ten checked in one batch
		{sample.Wikis[2], 6, 3},  // Commons: the six of the sample, after the check
	} {
		b, err := fetchSampleBaseline(t, contribsOn(tc.wiki))
		if err != nil {
			t.Fatal(err)
		}
		if len(b.Sample) != 0 || len(b.Contributions) != 0 || b.Failed != tc.failed || b.NotActivated != tc.notActivated || len(b.Failures) != tc.failed {
			t.Errorf("%s: sample %d, contributions %d, failed %d, not activated %d, failures %d; want 0, 0, %d, %d, %d",
				tc.wiki, len(b.Sample), len(b.Contributions), b.Failed, b.NotActivated, len(b.Failures), tc.failed, tc.notActivated, tc.failed)
		}
		for _, f := range b.Failures {
			if f.Wiki != tc.wiki || f.Stage != mwapi.StageContributions || !strings.Contains(f.Why(), "HTTP 403") {
				t.Errorf("failure %s on %s at %s: %s", f.Username, f.Wiki, f.Stage, f.Why())
			}
		}
		if !strings.Contains(b.Note(), "could not be fetched and are left out") {
			t.Errorf("note %q does not say what was left out", b.Note())
		}
		rows, err := metrics.BaselineRows(sample.MetricsEvent(), metrics.DefaultParams(sample.AsOf), b.Sample, b.Contributions, b.Note())
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if r.IsShare && !r.Empty {
				t.Errorf("%s: a share of nobody: %+v", r.Metric, r)
			}
		}
	}
}

// A log that cannot be listed fails the baseline with what was being done.
func TestBaselineLogRefused(t *testing.T) {
	_, err := fetchSampleBaseline(t, func(r *http.Request) bool { return r.URL.Query().Get("list") == "logevents" })
	if err == nil || !strings.Contains(err.Error(), "listing the accounts registered on en.wikipedia.org for the baseline") || !strings.Contains(err.Error(), "403") {
		t.Errorf("error %v", err)
	}
}
