package main

import (
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

// A re-analysis sets a soft memory limit from the size of contributions.csv
// (at least 128 MiB), unless GOMEMLIMIT says otherwise; a fetch sets none.
func TestLimitMemory(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "contributions.csv"), make([]byte, 200<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GOMEMLIMIT", "")
	for _, tc := range []struct {
		from string
		want int64
	}{
		{"", math.MaxInt64},
		{t.TempDir(), math.MaxInt64}, // no contributions.csv
		{dir, 200 << 20 * 13 / 10},
	} {
		debug.SetMemoryLimit(math.MaxInt64)
		prepareMemory(tc.from, "")
		if got := debug.SetMemoryLimit(-1); got != tc.want {
			t.Errorf("from %q: limit %d, want %d", tc.from, got, tc.want)
		}
	}
	small := t.TempDir()
	os.WriteFile(filepath.Join(small, "contributions.csv"), []byte("wiki\n"), 0o644)
	prepareMemory(small, "")
	if got := debug.SetMemoryLimit(-1); got != minMemoryLimit {
		t.Errorf("small file: limit %d, want %d", got, minMemoryLimit)
	}
	t.Setenv("GOMEMLIMIT", "1GiB")
	debug.SetMemoryLimit(math.MaxInt64)
	prepareMemory(dir, "")
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("with GOMEMLIMIT set: limit %d, want it left alone", got)
	}
	// The event's Dashboard files in the course folder add their size; other
	// files, and folders below it, do not.
	t.Setenv("GOMEMLIMIT", "")
	course := t.TempDir()
	os.WriteFile(filepath.Join(course, "users.json"), make([]byte, 3<<20), 0o644)
	os.WriteFile(filepath.Join(course, "students.csv"), make([]byte, 1<<20), 0o644)
	os.WriteFile(filepath.Join(course, "notes.txt"), make([]byte, 5<<20), 0o644)
	os.MkdirAll(filepath.Join(course, "old"), 0o755)
	os.WriteFile(filepath.Join(course, "old", "users.json"), make([]byte, 7<<20), 0o644)
	prepareMemory(dir, course)
	if got, want := debug.SetMemoryLimit(-1), int64(200<<20*13/10+4<<20); got != want {
		t.Errorf("with a course folder: limit %d, want %d", got, want)
	}
	prepareMemory(dir, "https://outreachdashboard.wmflabs.org/courses/A/B")
	if got, want := debug.SetMemoryLimit(-1), int64(200<<20*13/10); got != want {
		t.Errorf("with a course URL: limit %d, want %d", got, want)
	}
}
