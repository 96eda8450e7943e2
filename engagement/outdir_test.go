package engagement_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/dataset"
)

// A campaign's folder holds no monthly.csv (the events' calendars differ),
// and an empty one left by an earlier version is removed; a campaign
// refuses the folder of an event, naming the folder and the event, before
// writing anything into it.
func TestCampaignFolderIsItsOwn(t *testing.T) {
	a := sampleCampaign(t)
	dir := t.TempDir()
	empty := filepath.Join(dir, dataset.MonthlyFile)
	if err := os.WriteFile(empty, []byte("month,segment\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	paths, err := a.Share(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		if filepath.Base(p) == dataset.MonthlyFile {
			t.Errorf("the campaign wrote %s", p)
		}
	}
	if _, err := os.Stat(empty); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the empty monthly.csv is still there: %v", err)
	}
	if _, err := a.Share(dir, false); err != nil {
		t.Errorf("a rerun into the campaign's own folder: %v", err)
	}

	_, ev, evDir := sampleFolder(t)
	event := copyFolder(t, evDir)
	before, _ := os.ReadFile(filepath.Join(event, "report.html"))
	_, err = a.Share(event, true)
	want := `its run.json says course "` + ev.Event.Course.Slug + `"`
	if !errors.Is(err, engagement.ErrOtherRun) || !strings.Contains(err.Error(), event) || !strings.Contains(err.Error(), want) {
		t.Fatalf("campaign into an event's folder: want ErrOtherRun naming %s and %s; got %v", event, want, err)
	}
	after, _ := os.ReadFile(filepath.Join(event, "report.html"))
	if len(before) == 0 || string(before) != string(after) {
		t.Error("the refused campaign changed the event's report.html")
	}
	if _, err := os.Stat(filepath.Join(event, dataset.EventsFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the refused campaign wrote %s: %v", dataset.EventsFile, err)
	}
	if _, err := ev.Share(dir, false); !errors.Is(err, engagement.ErrOtherRun) {
		t.Errorf("an event into a campaign's folder: want ErrOtherRun; got %v", err)
	}
}

// A folder whose run.json cannot be read is refused, naming the file: what
// the folder holds is unknown.
func TestUnreadableRunFileRefused(t *testing.T) {
	_, a, _ := sampleFolder(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, dataset.RunFile), []byte("not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := a.Share(dir, false)
	if err == nil || !strings.Contains(err.Error(), "cannot tell what the folder holds: "+filepath.Join(dir, dataset.RunFile)) {
		t.Fatalf("want a refusal naming %s; got %v", filepath.Join(dir, dataset.RunFile), err)
	}
	if _, err := os.Stat(filepath.Join(dir, "report.html")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("report.html written into a refused folder: %v", err)
	}
}

// Another event's folder takes the new event's outputs, which replace its
// files: the notebooks run event after event into one folder.
func TestAnotherEventsFolderIsReplaced(t *testing.T) {
	_, a, dir := sampleFolder(t)
	d := copyFolder(t, dir)
	p := filepath.Join(d, dataset.RunFile)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	other := strings.Replace(string(b), a.Event.Course.Slug, "Other/Event", 1)
	if other == string(b) {
		t.Fatal("run.json does not name the course")
	}
	if err := os.WriteFile(p, []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Share(d, false); err != nil {
		t.Fatalf("another event's folder: %v", err)
	}
	if run, err := dataset.ReadRun(d); err != nil || run.Course.Slug != a.Event.Course.Slug {
		t.Errorf("run.json after: %v, %v", run.Course, err)
	}
}

// An event written into the folder of another event that had a baseline
// leaves none of that event's files the new one does not write: a
// re-analysis of the folder finds no baseline, where it would have read
// the other event's as its own. The user's own file stays.
func TestAnotherEventsFilesAreRemoved(t *testing.T) {
	ctx := context.Background()
	s, err := engagement.Open(ctx, engagement.Sample, engagement.WithCacheDir(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	withBaseline, err := s.AnalysisWithBaseline(0)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := withBaseline.Share(dir, false); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, dataset.RunFile)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), withBaseline.Event.Course.Slug, "Other/Event", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	mine := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(mine, []byte("my notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, a, _ := sampleFolder(t)
	paths, err := a.Share(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{dataset.BaselineFile, dataset.BaselineContributionsFile} {
		if _, err := os.Lstat(filepath.Join(dir, name)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("the other event's %s is still there: %v", name, err)
		}
	}
	if b, err := os.ReadFile(mine); err != nil || string(b) != "my notes" {
		t.Errorf("the user's file: %q, %v", b, err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(paths)+1 {
		t.Errorf("%d files in the folder, want the %d written and notes.txt", len(entries), len(paths))
	}
	re, err := engagement.Open(ctx, engagement.Sample, engagement.WithDataFrom(dir))
	if err != nil {
		t.Fatal(err)
	}
	c, err := re.AnalysisWithBaseline(0)
	if err != nil || c.Baseline != nil || !strings.Contains(c.NoBaseline, "holds no baseline.json") {
		t.Errorf("re-analysis of the folder: %v, baseline %v, %q", err, c.Baseline != nil, c.NoBaseline)
	}
}
