//go:build unix

package engagement_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// Every output is written beside its name and renamed over it: a symbolic
// link planted in the output folder is replaced, its target untouched, and
// every file, CSVs, report, wikitext, charts and run.json, gets the user's
// umask (0644 under 022; report.html and the CSVs were 0600, and the
// wikitext and PNGs were written through planted links).
func TestOutputsReplacePlantedLinksWithTheUmask(t *testing.T) {
	_, a := openSample(t)
	dir, outside := t.TempDir(), t.TempDir()
	target := filepath.Join(outside, "precious")
	if err := os.WriteFile(target, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	planted := []string{"report.html", "report.wikitext", "retention.png", "metrics.csv", "contributions.csv", "run.json"}
	for _, name := range planted {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	paths, err := a.Share(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(target); string(b) != "keep me" {
		t.Errorf("a planted link's target was written: %q", b)
	}
	if len(paths) < 17 {
		t.Fatalf("only %d files written", len(paths))
	}
	for _, p := range paths {
		st, err := os.Lstat(p)
		if err != nil {
			t.Fatal(err)
		}
		if !st.Mode().IsRegular() || st.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v; want a regular file, 0644 under umask 022", filepath.Base(p), st.Mode())
		}
	}
}
