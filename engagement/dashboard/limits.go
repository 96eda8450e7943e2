package dashboard

import (
	"bytes"
	"fmt"
	"io"
	"os"
)

// MaxFileSize caps one Dashboard file or answer: course.json, users.json,
// articles.json, uploads.json, a campaign's JSON and users.json, and a CSV
// export. It is far above real courses (the project generator's course of
// 10,000 enrolments and 100,000 articles is 18 MB of files) and keeps a
// wrong file from using all memory: a regular file larger than the cap is
// refused, naming its size, before it is read; a device such as /dev/zero
// is refused; a pipe, FIFO or HTTP answer is read up to the cap and refused
// past it.
const MaxFileSize = 256 << 20

// TooLargeError is a Dashboard file or answer larger than its cap.
type TooLargeError struct {
	File string
	Size int64 // bytes; -1 when the file is a stream whose size is unknown
	Cap  int64
}

func (e *TooLargeError) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("%s: more than %s, the cap for a Dashboard file (dashboard.MaxFileSize): is it the right file?", e.File, mib(e.Cap))
	}
	return fmt.Sprintf("%s: %d bytes (%s), larger than %s, the cap for a Dashboard file (dashboard.MaxFileSize): is it the right file?", e.File, e.Size, mib(e.Size), mib(e.Cap))
}

func mib(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d bytes", n)
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

// capped returns r read through a limit of limit bytes: reading past it
// fails with a *TooLargeError. A file (an *os.File) that is a device, or a
// regular file larger than limit, is refused at once; hint is the regular
// file's size (0 otherwise), to size a buffer.
func capped(r io.Reader, name string, limit int64) (_ io.Reader, hint int64, _ error) {
	if f, ok := r.(*os.File); ok {
		if st, err := f.Stat(); err == nil {
			switch m := st.Mode(); {
			case m&os.ModeDevice != 0:
				return nil, 0, fmt.Errorf("%s is a device (%v), not a Dashboard file: give the file downloaded from the Dashboard", name, m)
			case m.IsRegular() && st.Size() > limit:
				return nil, 0, &TooLargeError{File: name, Size: st.Size(), Cap: limit}
			case m.IsRegular():
				hint = st.Size()
			}
		}
	}
	return &capReader{r: r, left: limit, name: name, limit: limit}, hint, nil
}

// capReader fails with a *TooLargeError once more than limit bytes came.
type capReader struct {
	r           io.Reader
	left, limit int64
	name        string
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left < 0 {
		return 0, &TooLargeError{File: c.name, Size: -1, Cap: c.limit}
	}
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left < 0 {
		return 0, &TooLargeError{File: c.name, Size: -1, Cap: c.limit}
	}
	return n, err
}

// readFile reads a whole Dashboard file or answer, at most limit bytes,
// into a buffer of its size when the size is known.
func readFile(r io.Reader, name string, limit int64) ([]byte, error) {
	cr, hint, err := capped(r, name, limit)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Grow(int(hint) + bytes.MinRead)
	if _, err := b.ReadFrom(cr); err != nil {
		if _, ok := err.(*TooLargeError); ok {
			return nil, err
		}
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return b.Bytes(), nil
}
