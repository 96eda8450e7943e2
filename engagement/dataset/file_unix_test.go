//go:build unix

package dataset

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// withUmask runs f under the given umask (the process's, restored after;
// these tests are not parallel).
func withUmask(t *testing.T, mask int, f func()) {
	t.Helper()
	old := syscall.Umask(mask)
	defer syscall.Umask(old)
	f()
}

func TestWriteFileModeFollowsUmask(t *testing.T) {
	for _, c := range []struct {
		umask int
		want  fs.FileMode
	}{{0o022, 0o644}, {0o077, 0o600}, {0o002, 0o664}} {
		dir := t.TempDir()
		p := filepath.Join(dir, MetricsFile)
		var err error
		withUmask(t, c.umask, func() { err = WriteFileBytes(p, []byte("x\n")) })
		if err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != c.want {
			t.Errorf("umask %03o: mode %04o, want %04o", c.umask, got, c.want)
		}
	}
}

func TestWriteFileReplacesPlantedSymlink(t *testing.T) {
	dir, elsewhere := t.TempDir(), t.TempDir()
	target := filepath.Join(elsewhere, "precious.txt")
	if err := os.WriteFile(target, []byte("keep me\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, ContributionsFile)
	if err := os.Symlink(target, p); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileBytes(p, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(target); string(b) != "keep me\n" {
		t.Errorf("the link's target was written: %q", b)
	}
	info, err := os.Lstat(p)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode()&fs.ModeSymlink != 0 || !info.Mode().IsRegular() {
		t.Errorf("%s is still not a regular file: %v", p, info.Mode())
	}
	if b, _ := os.ReadFile(p); string(b) != "new\n" {
		t.Errorf("%s holds %q", p, b)
	}
	assertOnly(t, dir, ContributionsFile)
}

// assertOnly fails unless dir holds exactly the named entries.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("%s holds %q, want %q", dir, got, names)
	}
}

func TestWriteFileErrorLeavesOldFileAndNoTemp(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, AccountsFile)
	if err := os.WriteFile(p, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk on fire")
	err := WriteFile(p, func(w io.Writer) error {
		io.WriteString(w, "half a fi")
		return boom
	})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "writing "+p+": ") {
		t.Errorf("error %v: want it to wrap the cause and name %s", err, p)
	}
	if b, _ := os.ReadFile(p); string(b) != "old\n" {
		t.Errorf("%s changed to %q", p, b)
	}
	assertOnly(t, dir, AccountsFile)

	// The rename fails: the destination is a folder that is not empty.
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	os.WriteFile(filepath.Join(sub, "x"), nil, 0o644)
	if err := WriteFileBytes(sub, []byte("y")); err == nil || !strings.Contains(err.Error(), sub) {
		t.Errorf("writing over a folder: error %v, want one naming %s", err, sub)
	}
	assertOnly(t, dir, AccountsFile, "sub")

	// The folder does not exist: nothing is created, the error names the path.
	missing := filepath.Join(dir, "nope", MetricsFile)
	if err := WriteFileBytes(missing, nil); !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Errorf("error %v, want not-exist naming %s", err, missing)
	}
}

// A planted link at a would-be temporary name cannot be followed: names are
// random and created with O_EXCL. Planting links at many names in the
// folder does not make the write go through one of them.
func TestWriteFileTempIsNeverALink(t *testing.T) {
	dir, elsewhere := t.TempDir(), t.TempDir()
	target := filepath.Join(elsewhere, "t")
	os.WriteFile(target, []byte("keep\n"), 0o644)
	f, err := createNew(filepath.Join(dir, MetricsFile))
	if err != nil {
		t.Fatal(err)
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	if err := os.Symlink(target, name); err != nil {
		t.Fatal(err)
	}
	// Opening that exact name exclusively must fail rather than follow it.
	if _, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("O_EXCL over a link: %v", err)
	}
	if err := WriteFileBytes(filepath.Join(dir, MetricsFile), []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(target); string(b) != "keep\n" {
		t.Errorf("target written: %q", b)
	}
}
