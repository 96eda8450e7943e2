package engagement_test

import (
	"context"
	"errors"
	"io/fs"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/sample"
)

// asOfRefused reports whether err is a SettingError naming AsOf.
func asOfRefused(err error) bool {
	var se *engagement.SettingError
	return errors.As(err, &se) && se.Setting == engagement.SettingAsOf
}

// An as-of in the future is refused when the session opens, live or not.
func TestFutureAsOfRefused(t *testing.T) {
	future := time.Now().Add(48 * time.Hour)
	_, err := engagement.Open(context.Background(), engagement.Sample, engagement.WithAsOf(future))
	if !asOfRefused(err) || !strings.Contains(err.Error(), "is in the future") {
		t.Errorf("as-of %s: error %v; want a SettingError naming AsOf", future, err)
	}
	_, err = engagement.Open(context.Background(), engagement.Sample, engagement.WithAsOfDate("2030-01-01"))
	if !asOfRefused(err) {
		t.Errorf("as-of 2030-01-01: error %v; want a SettingError naming AsOf", err)
	}
}

// A re-analysis may not observe past when its folder's data was fetched
// (run.json): random as-ofs within three days of that instant are
// accepted exactly when not after it, and the analysis observes up to the
// as-of given; without one it observes up to the run's own as-of.
func TestFromAsOfAroundFetchTime(t *testing.T) {
	_, _, shared := sampleFolder(t)
	dir := copyFolder(t, shared)
	run, err := dataset.ReadRun(dir)
	if err != nil {
		t.Fatalf("Share wrote no run.json: %v", err)
	}
	if !run.Fetched.Equal(sample.AsOf) || !run.AsOf.Equal(sample.AsOf) || run.Course.Slug != sample.Slug {
		t.Fatalf("run.json %+v", run)
	}
	fetched := time.Date(2025, 6, 30, 10, 34, 56, 0, time.UTC)
	run.Fetched, run.AsOf = fetched, fetched.Add(-24*time.Hour)
	if err := dataset.WriteRun(dir, run); err != nil {
		t.Fatal(err)
	}
	s, err := engagement.Open(context.Background(), engagement.Sample, engagement.WithDataFrom(dir))
	if err != nil {
		t.Fatal(err)
	}
	if a, err := s.Analysis(); err != nil || !a.Params.AsOf.Equal(run.AsOf) {
		t.Fatalf("default as-of of a re-analysis: %v, %v; want run.json's %s", a, err, run.AsOf)
	}
	rng := rand.New(rand.NewPCG(20, 1))
	for range 12 {
		asOf := fetched.Add(time.Duration(rng.Int64N(int64(6*24*time.Hour))) - 3*24*time.Hour).Truncate(time.Second)
		if rng.IntN(4) == 0 {
			asOf = fetched.Add(time.Duration(rng.IntN(3)-1) * time.Second) // at the edge
		}
		s, err := engagement.Open(context.Background(), engagement.Sample, engagement.WithDataFrom(dir), engagement.WithAsOf(asOf))
		if err != nil {
			t.Fatal(err)
		}
		a, err := s.Analysis()
		switch {
		case asOf.After(fetched) && !asOfRefused(err):
			t.Errorf("as-of %s, fetched %s: error %v; want a SettingError naming AsOf", asOf, fetched, err)
		case asOf.After(fetched) && !strings.Contains(err.Error(), "is after 2025-06-30T10:34:56Z, when the folder's contributions were fetched (run.json)"):
			t.Errorf("as-of %s: %v", asOf, err)
		case !asOf.After(fetched) && (err != nil || !a.Params.AsOf.Equal(asOf)):
			t.Errorf("as-of %s, fetched %s: %v; want an analysis as of %s", asOf, fetched, err, asOf)
		}
	}
}

// A live rerun from yesterday's cache: the default as-of is the cached
// answers' fetch time (said in a note), never now; a chosen as-of after it
// is refused and one before it is kept.
func TestLiveAsOfFromTheCache(t *testing.T) {
	cache := t.TempDir()
	open := func(opts ...engagement.Option) (*engagement.Analysis, error) {
		cfg := engagement.Config{Contact: "test@example.org", CacheDir: cache, HTTPClient: &http.Client{Transport: sample.Transport()}}
		s, err := engagement.Open(context.Background(), sample.CourseURL, append([]engagement.Option{engagement.WithConfig(cfg)}, opts...)...)
		if err != nil {
			return nil, err
		}
		return s.Analysis()
	}
	if _, err := open(engagement.WithAsOf(sample.AsOf)); err != nil {
		t.Fatal(err)
	}
	yesterday := time.Now().Add(-24 * time.Hour).UTC().Truncate(time.Second)
	err := filepath.WalkDir(cache, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".resp") {
			err = os.Chtimes(p, yesterday, yesterday)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	a, err := open()
	if err != nil {
		t.Fatal(err)
	}
	if !a.Params.AsOf.Equal(yesterday) || !a.Data.Fetched.Equal(yesterday) {
		t.Errorf("default as-of %s (fetched %s); want the cache's %s", a.Params.AsOf, a.Data.Fetched, yesterday)
	}
	noted := false
	es, err := i18n.New("es")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range a.Data.Notes {
		if strings.HasPrefix(n.String(), "As of "+yesterday.Format(time.RFC3339)+", when the oldest answer taken from the cache was fetched") {
			noted = true
			// The note is written in the reader's language where it is shown.
			if got := n.In(es); !strings.HasPrefix(got, "Fecha de observación "+yesterday.Format(time.RFC3339)+", cuando se obtuvo la respuesta más antigua") {
				t.Errorf("the note in Spanish: %q", got)
			}
		}
	}
	if !noted {
		t.Errorf("no note says why the as-of is yesterday: %q", a.Data.Notes)
	}
	if _, err := open(engagement.WithAsOf(yesterday.Add(time.Hour))); !asOfRefused(err) {
		t.Errorf("an as-of after the cache's answers: error %v; want a SettingError naming AsOf", err)
	}
	if a, err := open(engagement.WithAsOf(yesterday.Add(-time.Hour))); err != nil || !a.Params.AsOf.Equal(yesterday.Add(-time.Hour)) {
		t.Errorf("an as-of before the cache's answers: %v", err)
	}
}

// A campaign's folder records run.json too, and re-analysing it past its
// fetch time is refused.
func TestCampaignRunJSONAndAsOf(t *testing.T) {
	cs, err := engagement.OpenCampaign(context.Background(), engagement.Sample, engagement.WithCacheDir(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	a, err := cs.Analysis()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := a.Share(dir, true); err != nil {
		t.Fatal(err)
	}
	run, err := dataset.ReadRun(dir)
	if err != nil || run.Course.Kind != "campaign" || !run.Fetched.Equal(sample.AsOf) || !run.Params.Pseudonymized {
		t.Fatalf("run.json %+v, %v", run, err)
	}
	for asOf, refused := range map[time.Time]bool{sample.AsOf.Add(time.Second): true, sample.AsOf: false, sample.AsOf.Add(-time.Hour): false} {
		cs, err := engagement.OpenCampaign(context.Background(), engagement.Sample, engagement.WithDataFrom(dir), engagement.WithAsOf(asOf))
		if err != nil {
			t.Fatal(err)
		}
		_, err = cs.Analysis()
		if refused != asOfRefused(err) || !refused && err != nil {
			t.Errorf("campaign as-of %s: error %v; refused want %v", asOf, err, refused)
		}
	}
}

// A re-analysis whose accounts.csv lacks a participant's row is refused
// (dataset's check, wired through the event's scope) with one line naming
// her and the files, instead of counting her as "account not found" with
// her revisions ignored.
func TestFromRefusesMissingAccountRow(t *testing.T) {
	_, a, shared := sampleFolder(t)
	dir := copyFolder(t, shared)
	p := filepath.Join(dir, dataset.AccountsFile)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(b), "\n")
	name := strings.Split(lines[1], ",")[0]
	n := 0
	for i := range a.Data.Contributions.Len() {
		if a.Data.Contributions.Username(i) == name {
			n++
		}
	}
	if n == 0 {
		t.Fatalf("%s has no contributions: the test would prove nothing", name)
	}
	if err := os.WriteFile(p, []byte(lines[0]+strings.Join(lines[2:], "")), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := engagement.Open(context.Background(), engagement.Sample, engagement.WithDataFrom(dir))
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Analysis()
	want := filepath.Join(dir, dataset.ContributionsFile) + ": " + strconv.Itoa(n) + " revisions of “" + name + "” (the first on line "
	if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), "but accounts.csv has no row for the account") || strings.Contains(err.Error(), "\n") {
		t.Errorf("error %v\nwant %s", err, want)
	}
}
