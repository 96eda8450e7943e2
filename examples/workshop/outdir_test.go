package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"example.com/engagement/engagement"
)

// -campaign writes by default into out/campaign, never beside an event's
// outputs in out/; -out still chooses.
func TestCampaignHasItsOwnDefaultFolder(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-campaign", "sample"}, filepath.Join("out", "campaign")},
		{[]string{"-campaign", "sample", "-out", "elsewhere"}, "elsewhere"},
		{[]string{"-campaign", "sample", "-out", "out"}, "out"},
		{nil, "out"},
	} {
		o, err := parseFlags(c.args, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Clean(o.out) != c.want {
			t.Errorf("%q: -out %q, want %q", c.args, o.out, c.want)
		}
	}
}

// A campaign refuses a folder holding an event's outputs, and an event a
// campaign's, before writing anything: the event's report is left as it
// was, and the error names the folder and what it holds.
func TestRefusesAFolderOfAnotherRun(t *testing.T) {
	out, cache := t.TempDir(), t.TempDir()
	if err := run([]string{"-out", out, "-cache", cache}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(filepath.Join(out, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	err = run([]string{"-campaign", "sample", "-out", out, "-cache", cache}, io.Discard, io.Discard)
	if !errors.Is(err, engagement.ErrOtherRun) || !strings.Contains(err.Error(), out) || !strings.Contains(err.Error(), `run.json says course "`) {
		t.Fatalf("campaign into an event's folder: want ErrOtherRun naming %s and the course; got %v", out, err)
	}
	after, _ := os.ReadFile(filepath.Join(out, "report.html"))
	if !bytes.Equal(before, after) {
		t.Error("the event's report.html was changed by the refused campaign")
	}
	if _, err := os.Stat(filepath.Join(out, "events.csv")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the refused campaign wrote events.csv: %v", err)
	}
	camp := t.TempDir()
	if err := run([]string{"-campaign", "sample", "-out", camp, "-cache", cache}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	err = run([]string{"-out", camp, "-cache", cache}, io.Discard, io.Discard)
	if !errors.Is(err, engagement.ErrOtherRun) || !strings.Contains(err.Error(), `run.json says campaign "`) {
		t.Fatalf("event into a campaign's folder: want ErrOtherRun naming the campaign; got %v", err)
	}
	if err := run([]string{"-out", out, "-cache", cache}, io.Discard, io.Discard); err != nil {
		t.Errorf("a rerun of the same event into its own folder: %v", err)
	}
}
