package dataset

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// The most bytes ReadDir reads of each file: a larger one is refused with
// its size and the cap, before it is read (or once the cap is passed, for
// what is not a regular file, such as a link to /dev/zero). Every cap is
// far above what an event gives: 16 GiB is some 200 million revisions.
const (
	MaxContributionsBytes = 16 << 30
	MaxAccountsBytes      = 1 << 30
	MaxIncompleteBytes    = 256 << 20
	MaxNamespacesBytes    = 64 << 20
)

// maxBytes returns the cap of a file ReadDir reads.
func maxBytes(name string) int64 {
	switch name {
	case ContributionsFile:
		return MaxContributionsBytes
	case AccountsFile:
		return MaxAccountsBytes
	case IncompleteFile:
		return MaxIncompleteBytes
	}
	return MaxNamespacesBytes
}

// SizeError is a file larger than the cap on its kind.
type SizeError struct {
	Path string
	Size int64 // -1 when not known (not a regular file)
	Cap  int64
}

func (e *SizeError) Error() string {
	name := filepath.Base(e.Path)
	if e.Size < 0 {
		return fmt.Sprintf("%s: more than %d bytes, the most %s may hold (it is not a regular file)", e.Path, e.Cap, name)
	}
	return fmt.Sprintf("%s: %d bytes, more than the %d bytes %s may hold", e.Path, e.Size, e.Cap, name)
}

// capped passes a reader on until more than left bytes come from it.
type capped struct {
	r    io.Reader
	left int64
	err  *SizeError
}

func (c *capped) Read(p []byte) (int, error) {
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1]
	}
	n, err := c.r.Read(p)
	if int64(n) > c.left {
		return 0, c.err
	}
	c.left -= int64(n)
	return n, err
}

// readFile opens dir/name and passes it, with its information and path, to
// f; a file over its cap (maxBytes) is refused, also while it is read.
func readFile(dir, name string, f func(r io.Reader, info os.FileInfo, path string) error) error {
	p := filepath.Join(dir, name)
	fh, err := os.Open(p)
	if err != nil {
		return fmt.Errorf("re-analysing %s: %w", dir, err)
	}
	defer fh.Close()
	info, err := fh.Stat()
	if err != nil {
		return fmt.Errorf("re-analysing %s: %w", dir, err)
	}
	limit := maxBytes(name)
	size := int64(-1)
	if info.Mode().IsRegular() {
		size = info.Size()
		if size > limit {
			return &SizeError{Path: p, Size: size, Cap: limit}
		}
	}
	return f(&capped{r: fh, left: limit, err: &SizeError{Path: p, Size: size, Cap: limit}}, info, p)
}

// countLines keeps lastByte's count of lines and of the bytes of the line
// being read, and reports the line that passes MaxRecordBytes.
func (l *lastByte) countLines(p []byte) error {
	for len(p) > 0 {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			l.lineBytes += len(p)
			break
		}
		l.lineBytes += i + 1
		if l.lineBytes > MaxRecordBytes {
			break
		}
		l.lines++
		l.lineBytes = 0
		p = p[i+1:]
	}
	if l.lineBytes > MaxRecordBytes {
		return &ParseError{File: l.file, Line: l.lines + 1, Err: errLong(MaxRecordBytes)}
	}
	return nil
}
