package dataset

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
)

// WriteFile writes the file at path with write, atomically: write fills a
// new file in the same folder, which is synced to disk and then renamed
// over path. Readers see the old file or the new one, never a part.
//
//   - A symbolic link planted at path is replaced by the file; what it
//     pointed to is left untouched. The new file's name is random and
//     created exclusively, so it cannot be a planted link either.
//   - The file is created with mode 0666 less the process's umask (0644
//     under the usual umask 022), like every file a program creates with
//     os.Create; an existing file's mode is not kept.
//   - When write, the sync or the rename fails, the new file is removed and
//     path is left as it was; the error names path.
//
// write receives the *os.File itself, so that io.Copy into it can use the
// system's file-to-file copy.
func WriteFile(path string, write func(io.Writer) error) error {
	f, err := createNew(path)
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	tmp := f.Name()
	fail := func(err error) error {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := write(f); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return syncDir(filepath.Dir(path))
}

// WriteFileBytes is WriteFile for contents already in memory.
func WriteFileBytes(path string, b []byte) error {
	return WriteFile(path, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// createNew creates a new file beside path under a random name, with
// O_EXCL: an existing name, a symbolic link included, is never opened.
func createNew(path string) (*os.File, error) {
	dir, base := filepath.Split(path)
	for range 16 {
		var r [8]byte
		if _, err := rand.Read(r[:]); err != nil {
			return nil, err
		}
		tmp := filepath.Join(dir, "."+base+".tmp-"+hex.EncodeToString(r[:]))
		f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, errors.New("no free name for a temporary file after 16 tries")
}

// syncDir makes a rename in dir durable. A system that cannot sync a
// folder (it answers EINVAL, as some file systems do, or it is Windows,
// which has no such call) is not an error: the file itself is synced.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("syncing folder %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) && runtime.GOOS != "windows" {
		return fmt.Errorf("syncing folder %s: %w", dir, err)
	}
	return nil
}
