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
	"time"

	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/history"
	"example.com/engagement/engagement/metrics"
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

// backslashCourse writes a one-wiki course of two participants, one named
// with a backslash, into dir/course, and their contributions (titles with
// backslashes, "\t" and "\\" among them: MediaWiki allows a backslash in a
// title, never a TAB) and accounts as a re-analysis folder dir, as the API
// path's fetch writes them.
func backslashCourse(t *testing.T, dir string) ([]metrics.Contribution, []metrics.Account) {
	t.Helper()
	course := filepath.Join(dir, "course")
	os.MkdirAll(course, 0o755)
	os.WriteFile(filepath.Join(course, "course.json"), []byte(`{"course": {"id": 1, "title": "Backslashes", "slug": "Shapes/backslashes", "school": "Shapes", "term": "backslashes", "type": "Editathon",
 "start": "2024-05-10T09:00:00.000Z", "end": "2024-05-10T17:00:00.000Z", "home_wiki": {"id": 1, "language": "en", "project": "wikipedia"},
 "wikis": [{"language": "en", "project": "wikipedia"}], "student_count": 2}}`), 0o644)
	os.WriteFile(filepath.Join(course, "users.json"), []byte(`{"course": {"users": [{"id": 1, "username": "Back\\slash", "role": 0, "global_id": 1000},
 {"id": 2, "username": "Plain Name", "role": 0, "global_id": 1001}]}}`), 0o644)
	at := time.Date(2024, 5, 10, 10, 0, 0, 0, time.UTC)
	titles := []string{`C:\Program Files`, `Escape \t and \n`, `Two \\ backslashes`, `Ends with \`, "User:Back\\slash"}
	var cs []metrics.Contribution // as a fetch writes them: by user, then time
	for k, user := range []string{`Back\slash`, "Plain Name"} {
		for i, title := range titles {
			ns := 0
			if strings.HasPrefix(title, "User:") {
				ns = 2
			}
			when := at.AddDate(0, i*2, k)
			cs = append(cs, metrics.Contribution{Wiki: "en.wikipedia.org", Username: user, RevID: int64(100 + 10*i + k), PageID: int64(10 + i), NS: ns,
				Title: title, Timestamp: when, SizeDiff: 100 * (i + 1), New: k == 0})
		}
	}
	accounts := []metrics.Account{{Username: `Back\slash`, Registration: at.AddDate(0, 0, -1)}, {Username: "Plain Name", Registration: at.AddDate(-3, 0, 0)}}
	var buf bytes.Buffer
	if err := dataset.WriteContributions(&buf, cs); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, dataset.ContributionsFile), buf.Bytes(), 0o644)
	buf.Reset()
	if err := dataset.WriteAccounts(&buf, accounts); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, dataset.AccountsFile), buf.Bytes(), 0o644)
	return cs, accounts
}

// A participant named with a backslash and titles with backslashes
// (\t, \n and \\ among them) go through the generator's dumps (bzip2),
// the reader and DuckDB unchanged: -history writes the contributions.csv,
// participants.csv, metrics.csv and monthly.csv that a re-analysis of the
// API path's files writes.
func TestHistoryKeepsBackslashesAsTheAPIPathHasThem(t *testing.T) {
	dir := t.TempDir()
	cs, accounts := backslashCourse(t, dir)
	hist := filepath.Join(dir, "history")
	content := func(wiki string, ns int) bool { return ns == 0 }
	if err := sample.WriteHistoryOf(hist, cs, accounts, []string{"en.wikipedia.org"}, history.WikiDB, content, sample.HistoryOptions{Snapshot: "2025-07", Compress: "bz2"}); err != nil {
		t.Fatal(err)
	}
	api, fromHist := t.TempDir(), t.TempDir()
	common := []string{"-course", filepath.Join(dir, "course"), "-asof", "2025-07-01T00:00:00Z", "-cache", "", "-offline"}
	if err := run(append(common, "-from", dir, "-out", api), io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	if err := run(append(common, "-history", hist, "-out", fromHist), io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"contributions.csv", "participants.csv", "metrics.csv", "monthly.csv"} {
		a, _ := os.ReadFile(filepath.Join(api, f))
		h, err := os.ReadFile(filepath.Join(fromHist, f))
		if err != nil || len(a) == 0 || !bytes.Equal(a, h) {
			t.Errorf("%s differs from the API path's (%v):\n%s\nwant\n%s", f, err, h, a)
		}
	}
	b, _ := os.ReadFile(filepath.Join(fromHist, "contributions.csv"))
	for _, want := range []string{`Back\slash`, `C:\Program Files`, `Escape \t and \n`, `Two \\ backslashes`, `Ends with \`, `User:Back\slash`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("contributions.csv lacks %q:\n%s", want, b)
		}
	}
	p, _ := os.ReadFile(filepath.Join(fromHist, "participants.csv"))
	if !strings.Contains(string(p), "\n"+`Back\slash,`) {
		t.Errorf("participants.csv lacks the participant named with a backslash:\n%s", p)
	}
}

// A campaign of 20 events made from the sample (sample.WriteCampaign),
// read from the sample's dumps with -history, gives the campaign's files
// that a re-analysis of the API path's data (the sample's contributions,
// accounts and siteinfo namespaces, -from) gives.
func TestHistoryReproducesTheAPIPathForATwentyEventCampaign(t *testing.T) {
	ev, err := sample.Generate(sample.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	campaign, hist, data := filepath.Join(dir, "campaign"), filepath.Join(dir, "history"), filepath.Join(dir, "data")
	if err := ev.WriteCampaign(campaign, 20); err != nil {
		t.Fatal(err)
	}
	if err := ev.WriteHistory(hist, sample.HistoryOptions{Snapshot: "2025-01", Compress: "bz2"}); err != nil {
		t.Fatal(err)
	}
	cs, err := sample.Contributions()
	if err != nil {
		t.Fatal(err)
	}
	var ns []dataset.Namespace
	for _, w := range sample.Wikis {
		for _, n := range sample.Namespaces(w) {
			ns = append(ns, dataset.Namespace{Wiki: w, NS: n.ID, Name: n.Name, Content: n.Content})
		}
	}
	os.MkdirAll(data, 0o755)
	for name, write := range map[string]func(io.Writer) error{
		dataset.ContributionsFile: func(w io.Writer) error { return dataset.WriteContributions(w, cs) },
		dataset.AccountsFile:      func(w io.Writer) error { return dataset.WriteAccounts(w, sample.MustAccounts()) },
		dataset.NamespacesFile:    func(w io.Writer) error { return dataset.WriteNamespaces(w, ns) },
	} {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(data, name), buf.Bytes(), 0o644)
	}
	api, fromHist := t.TempDir(), t.TempDir()
	common := []string{"-campaign", campaign, "-asof", "2025-01-01T00:00:00Z", "-cache", "", "-offline"}
	if err := run(append(common, "-from", data, "-out", api), io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	if err := run(append(common, "-history", hist, "-out", fromHist), &stdout, io.Discard); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"comparison.csv", "events.csv", "returning.csv", "metrics.csv", "participants.csv"} {
		a, _ := os.ReadFile(filepath.Join(api, f))
		h, err := os.ReadFile(filepath.Join(fromHist, f))
		if err != nil || len(a) == 0 || !bytes.Equal(a, h) {
			t.Errorf("%s differs from the API path's (%v)", f, err)
		}
	}
	events, _ := os.ReadFile(filepath.Join(fromHist, "events.csv"))
	slugs := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(events)), "\n")[1:] {
		slug, _, _ := strings.Cut(line, ",")
		slugs[slug] = true
	}
	if len(slugs) != 20 {
		t.Errorf("events.csv holds %d events, want 20", len(slugs))
	}
}
