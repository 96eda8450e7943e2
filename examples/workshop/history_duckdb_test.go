//go:build duckdb

package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"example.com/engagement/engagement/sample"
)

// The sample's wikis written as mediawiki_history dumps (bzip2, monthly
// buckets, with non-participants and the rows only the history holds)
// give, through -history and DuckDB, the very files the API path writes
// on the sample, and no request reaches any wiki.
func TestHistoryReproducesTheAPIPath(t *testing.T) {
	ev, err := sample.Generate(sample.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	course, hist := filepath.Join(dir, "course"), filepath.Join(dir, "history")
	os.MkdirAll(course, 0o755)
	if err := ev.WriteFiles(course); err != nil {
		t.Fatal(err)
	}
	if err := ev.WriteHistory(hist, sample.HistoryOptions{Snapshot: "2025-01", Compress: "bz2"}); err != nil {
		t.Fatal(err)
	}
	var requests atomic.Int32
	wiki := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { requests.Add(1); http.Error(w, "no", 500) }))
	defer wiki.Close()
	api, fromHist := t.TempDir(), t.TempDir()
	if err := run([]string{"-out", api, "-cache", ""}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	args := []string{"-course", course, "-history", hist, "-asof", "2025-01-01", "-out", fromHist, "-cache", ""}
	for _, w := range sample.Wikis {
		args = append(args, "-api", w+"="+wiki.URL+"/api.php")
	}
	if err := run(args, &stdout, io.Discard); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), "Read the history (snapshot 2025-01, 359 dump files; checked in ") || !strings.Contains(stdout.String(), "6491 dump lines, 6156 result rows: 5991 contributions, 55 accounts (no API requests)") {
		t.Errorf("summary:\n%s", stdout.String())
	}
	if n := requests.Load(); n != 0 {
		t.Errorf("%d requests to the wikis, want 0", n)
	}
	for _, f := range []string{"metrics.csv", "participants.csv", "monthly.csv", "contributions.csv", "accounts.csv"} {
		a, _ := os.ReadFile(filepath.Join(api, f))
		h, err := os.ReadFile(filepath.Join(fromHist, f))
		if err != nil || len(a) == 0 || !bytes.Equal(a, h) {
			t.Errorf("%s differs from the API path's (%v)", f, err)
		}
	}
}

// -campaign with -history: every event's participants read from the
// history at once give the campaign's files the API path writes.
func TestHistoryReproducesTheAPIPathForACampaign(t *testing.T) {
	ev, err := sample.Generate(sample.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	hist := t.TempDir()
	if err := ev.WriteHistory(hist, sample.HistoryOptions{Snapshot: "2025-01", Compress: "gz"}); err != nil {
		t.Fatal(err)
	}
	api, fromHist := t.TempDir(), t.TempDir()
	if err := run([]string{"-campaign", "sample", "-out", api, "-cache", ""}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	if err := run([]string{"-campaign", "sample", "-history", hist, "-out", fromHist, "-cache", ""}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	// A campaign writes no monthly.csv (its months count from each event's start).
	for _, f := range []string{"comparison.csv", "events.csv", "returning.csv", "metrics.csv", "participants.csv"} {
		a, _ := os.ReadFile(filepath.Join(api, f))
		h, err := os.ReadFile(filepath.Join(fromHist, f))
		if err != nil || len(a) == 0 || !bytes.Equal(a, h) {
			t.Errorf("%s differs from the API path's (%v)", f, err)
		}
	}
}
