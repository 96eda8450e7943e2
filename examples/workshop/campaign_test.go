package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/sample"
)

// -campaign on a folder of two events, offline from a cache filled by an
// earlier run.
func TestWorkshopCampaign(t *testing.T) {
	dir := filepath.Join("..", "..", "engagement", "testdata", "campaign")
	cache, out := t.TempDir(), t.TempDir()
	c, err := engagement.LoadCampaignDir(context.Background(), dir)
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
		"Sample_Library/Women_in_Science_Edit-a-thon_(March_2021)  53            36   3               9 of 36 / 5 of 36 / 5 of 36",
		"Sample_Library/Wikidata_Workshop_(April_2021)             4             0    3               — / — / —",
		"combined: 52 participants, new editors still editing after 7 days: 9 of 35; 3 returning participants", // Priya Okafor facilitates the second
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
