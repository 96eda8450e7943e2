package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/sample"
	"example.com/engagement/engagement/study"
)

// -campaign on a folder of two events, offline from a cache filled by an
// earlier run.
func TestWorkshopCampaign(t *testing.T) {
	dir := filepath.Join("..", "..", "engagement", "study", "testdata", "campaign")
	cache, out := t.TempDir(), t.TempDir()
	c, err := study.LoadCampaignDir(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Enrich(context.Background(), engagement.Config{Contact: "test@example.org", CacheDir: cache, HTTPClient: &http.Client{Transport: sample.Transport()}}); err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	args := []string{"-campaign", dir, "-cache", cache, "-offline", "-out", out, "-asof", sample.AsOf.Format(time.RFC3339)}
	if err := run(args, &stdout, io.Discard); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Campaign sample_library_2021: 2 events",
		"Women in Science Edit-a-thon  53            36   3               9 of 36 / 5 of 36 / 5 of 36",
		"Wikidata Workshop             4             0    3               — / — / —",
		"combined: 52 participants, new editors still editing after 7 days: 9 of 35; 3 returning participants\n" +
			"  Priya Okafor took part in Women in Science Edit-a-thon and facilitated Wikidata Workshop, so the campaign leaves them out as a facilitator\n",
		"  Kiri Okafor: 2 events",
	} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, stdout.String())
		}
	}
	for _, f := range []string{"report.html", "comparison.csv", "returning.csv", "events.png"} {
		if st, err := os.Stat(filepath.Join(out, f)); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	if st, err := os.Stat(filepath.Join(out, "events.csv")); err != nil || st.Size() == 0 {
		t.Errorf("events.csv: %v", err)
	}
}

// -campaign with a campaign URL, offline from a cache filled by an earlier
// live load in which the workshop's course.json failed: the edit-a-thon is
// analysed, the workshop is named as left out, and the run ends with the
// partial status.
func TestWorkshopCampaignURLPartial(t *testing.T) {
	dir := filepath.Join("..", "..", "engagement", "study", "testdata", "campaign")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := strings.TrimPrefix(r.URL.Path, "/campaigns/sample_library_2021")
		switch {
		case strings.Contains(p, "Wikidata_Workshop"):
			http.Error(w, "We're sorry, but something went wrong.", http.StatusInternalServerError)
		case p == ".json":
			http.ServeFile(w, r, filepath.Join(dir, "campaign.json"))
		case p == "/users.json":
			http.ServeFile(w, r, filepath.Join(dir, "users.json"))
		default:
			http.ServeFile(w, r, filepath.Join(dir, filepath.FromSlash(r.URL.Path)))
		}
	}))
	defer srv.Close()
	cache, out := t.TempDir(), t.TempDir()
	cfg := engagement.Config{Contact: "test@example.org", CacheDir: cache, HTTPClient: &http.Client{Transport: redirect{srv.Listener.Addr().String()}}}
	c, err := study.LoadCampaign(context.Background(), cfg, "sample_library_2021")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Enrich(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	args := []string{"-campaign", "https://outreachdashboard.wmflabs.org/campaigns/sample_library_2021/programs", "-cache", cache, "-offline", "-out", out, "-asof", "2025-01-01"}
	err = run(args, &stdout, io.Discard)
	if !errors.Is(err, errPartial) || !strings.Contains(err.Error(), "1 of 2 courses could not be loaded and is left out of every number") {
		t.Errorf("error %v, want the partial status naming the course left out", err)
	}
	for _, want := range []string{
		"⚠ left out: course Sample_Library/Wikidata_Workshop_(April_2021): ",
		"Women in Science Edit-a-thon                   53            36   0               9 of 36 / 5 of 36 / 5 of 36",
		"Sample_Library/Wikidata_Workshop_(April_2021)  —             —    —               could not be loaded",
	} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, stdout.String())
		}
	}
}

// redirect sends the Dashboard's requests to a test server and the API's
// to the sample's wikis.
type redirect struct{ addr string }

func (r redirect) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Host != "outreachdashboard.wmflabs.org" {
		return sample.Transport().RoundTrip(req)
	}
	c := req.Clone(req.Context())
	c.URL.Scheme, c.URL.Host, c.Host = "http", r.addr, r.addr
	return http.DefaultTransport.RoundTrip(c)
}

// -baseline does not apply to a campaign: an error says so, nothing is
// fetched.
func TestWorkshopCampaignBaseline(t *testing.T) {
	err := run([]string{"-campaign", "sample", "-baseline", "-out", t.TempDir(), "-cache", ""}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "-baseline") || !strings.Contains(err.Error(), "-course") {
		t.Errorf("error %v", err)
	}
}
