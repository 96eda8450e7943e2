//go:build unix

package dataset

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A file over its cap is refused before it is read, naming it, its size
// and the cap (sparse files: nothing is written).
func TestReadDirSizeCaps(t *testing.T) {
	cs, as := folderOf56(t)
	for _, c := range []struct {
		name string
		cap  int64
	}{{ContributionsFile, MaxContributionsBytes}, {AccountsFile, MaxAccountsBytes}, {IncompleteFile, MaxIncompleteBytes}, {NamespacesFile, MaxNamespacesBytes}} {
		dir := writeFolder(t, map[string]string{ContributionsFile: cs, AccountsFile: as})
		p := filepath.Join(dir, c.name)
		if err := os.Truncate(p, 0); err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		f, err := os.OpenFile(p, os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(c.cap + 1); err != nil {
			t.Skipf("no sparse file of %d bytes here: %v", c.cap+1, err)
		}
		f.Close()
		_, err = ReadDir(dir)
		var se *SizeError
		want := p + ": " + strconv.FormatInt(c.cap+1, 10) + " bytes, more than the " + strconv.FormatInt(c.cap, 10) + " bytes " + c.name + " may hold"
		if !errors.As(err, &se) || err.Error() != want {
			t.Errorf("%s:\n got %v\nwant %s", c.name, err, want)
		}
	}
}

// A file linked to /dev/zero (endless, no line break) is refused after its
// first MiB, with the file and line, instead of filling the memory.
func TestReadDirDevZero(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	cs, as := folderOf56(t)
	for _, name := range []string{ContributionsFile, AccountsFile, IncompleteFile, NamespacesFile} {
		dir := writeFolder(t, map[string]string{ContributionsFile: cs, AccountsFile: as})
		p := filepath.Join(dir, name)
		os.Remove(p)
		if err := os.Symlink("/dev/zero", p); err != nil {
			t.Fatal(err)
		}
		_, err := ReadDir(dir)
		if want := p + ":1: " + errLong(MaxRecordBytes).Error(); err == nil || err.Error() != want {
			t.Errorf("%s:\n got %v\nwant %s", name, err, want)
		}
	}
}

// What is not a regular file is cut at the cap as it is read.
func TestCappedReader(t *testing.T) {
	se := &SizeError{Path: "d/accounts.csv", Size: -1, Cap: 10}
	c := &capped{r: strings.NewReader(strings.Repeat("x", 10)), left: 10, err: se}
	if b, err := io.ReadAll(c); err != nil || len(b) != 10 {
		t.Errorf("10 bytes under a cap of 10: %d bytes, %v", len(b), err)
	}
	c = &capped{r: strings.NewReader(strings.Repeat("x", 11)), left: 10, err: se}
	if _, err := io.ReadAll(c); err != se || err.Error() != "d/accounts.csv: more than 10 bytes, the most accounts.csv may hold (it is not a regular file)" {
		t.Errorf("11 bytes: %v", err)
	}
}
