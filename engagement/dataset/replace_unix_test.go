//go:build unix

package dataset

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// A run into a folder removes what the previous run listed and this one
// does not write, and nothing else: not the user's own files, not a folder
// at a listed name, not the target of a link at a listed name (the link
// goes). run.json then lists the new run's files with their sizes.
func TestReplaceRunRemovesThePreviousRunsFilesOnly(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	write := func(path, body string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"report.html", "baseline.json", "pageviews.csv", "mine.txt"} {
		write(filepath.Join(dir, name), name)
	}
	target := filepath.Join(outside, "kept.png")
	write(target, "not the run's")
	if err := os.Symlink(target, filepath.Join(dir, "cohort.png")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "charts"), 0o755); err != nil {
		t.Fatal(err)
	}
	prev := sampleRun()
	prev.Files = map[string]int64{"report.html": 11, "baseline.json": 13, "pageviews.csv": 13, "cohort.png": 9, "charts": 0, "gone.csv": 1, RunFile: 1}
	if err := WriteRun(dir, prev); err != nil {
		t.Fatal(err)
	}
	write(filepath.Join(dir, "report.html"), "the new report")
	written := []string{filepath.Join(dir, "report.html"), filepath.Join(dir, RunFile), filepath.Join(outside, "elsewhere.csv")}
	if err := ReplaceRun(dir, &prev, sampleRun(), written); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, e := range entries {
		left = append(left, e.Name())
	}
	if want := []string{"charts", "mine.txt", "report.html", RunFile}; !slices.Equal(left, want) {
		t.Errorf("left in the folder: %q, want %q", left, want)
	}
	if b, err := os.ReadFile(target); err != nil || string(b) != "not the run's" {
		t.Errorf("the link's target: %q, %v", b, err)
	}
	r, err := ReadRun(dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]int64{"report.html": 14}; !maps.Equal(r.Files, want) {
		t.Errorf("run.json lists %v, want %v", r.Files, want)
	}
}

// run.json may list plain names of the folder only.
func TestRunFilesArePlainNames(t *testing.T) {
	for _, name := range []string{"", ".", "..", "../x.csv", "a/b.csv"} {
		r := sampleRun()
		r.Files = map[string]int64{name: 1}
		var fe *FieldError
		if err := r.Validate(); !errors.As(err, &fe) || fe.Field != "files" {
			t.Errorf("%q: %v", name, err)
		}
	}
}
