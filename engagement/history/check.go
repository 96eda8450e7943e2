package history

import (
	"bufio"
	"bytes"
	"compress/bzip2"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// A Checked dump is one a query can read: its path (a plain copy of a
// bzip2 file, which DuckDB cannot read, or the file itself), its layout
// and how many lines it holds.
type Checked struct {
	Dump
	Read   string // the file the engine reads
	Layout Layout
	Lines  int
}

// escapedFields are the fields the query reads whose text is escaped:
// each backslash in them must start \t, \n or \r (and \, in arrays). The
// dumps do not escape the backslash itself, so any other sequence is
// refused rather than guessed at.
var escapedFields = []string{"event_user_text", "user_text", "page_title", "event_user_groups", "user_groups", "revision_deleted_parts"}

// Check reads every dump of s, checks each line (the field count of a
// known layout, the same in the whole file; the wiki_db of its folder;
// the escapes of the fields read) and writes a plain copy of each bzip2
// file into tmp. Errors name the file and line. Two files are checked at
// a time.
func Check(ctx context.Context, s Snapshot, tmp string) ([]Checked, error) {
	out := make([]Checked, len(s.Dumps))
	errs := make([]error, len(s.Dumps))
	sem := make(chan struct{}, 2)
	var wg sync.WaitGroup
	for i, d := range s.Dumps {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			out[i], errs[i] = checkFile(ctx, d, tmp, i)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// checkFile checks one dump, copying it to tmp when bzip2-compressed.
func checkFile(ctx context.Context, d Dump, tmp string, i int) (Checked, error) {
	c := Checked{Dump: d, Read: d.Path}
	f, err := os.Open(d.Path)
	if err != nil {
		return c, fmt.Errorf("reading the history: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	switch d.Compressed() {
	case "bz2":
		r = bzip2.NewReader(bufio.NewReaderSize(f, 1<<20))
	case "gz":
		gz, err := gzip.NewReader(f)
		if err != nil {
			return c, fmt.Errorf("%s: not gzip: %w", d.Path, err)
		}
		r = gz
	}
	var w *bufio.Writer
	if d.Compressed() == "bz2" {
		c.Read = filepath.Join(tmp, fmt.Sprintf("%04d.%s.%s.tsv", i, d.WikiDB, d.Bucket))
		cp, err := os.Create(c.Read)
		if err != nil {
			return c, fmt.Errorf("decompressing %s: %w", d.Path, err)
		}
		defer cp.Close()
		w = bufio.NewWriterSize(cp, 1<<20)
	}
	if err := checkLines(ctx, &c, r, w); err != nil {
		return c, err
	}
	if w != nil {
		if err := w.Flush(); err != nil {
			return c, fmt.Errorf("decompressing %s: %w", d.Path, err)
		}
	}
	return c, nil
}

// checkLines checks the lines of r, copying them to w when it is not nil.
func checkLines(ctx context.Context, c *Checked, r io.Reader, w *bufio.Writer) error {
	br := bufio.NewReaderSize(r, 1<<20)
	var fields [][]byte
	var check []int
	for {
		line, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			return fmt.Errorf("%s:%d: a line longer than 1 MiB", c.Path, c.Lines+1)
		}
		if len(line) == 0 && err == io.EOF {
			return nil
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("%s:%d: %w (a truncated or damaged file?)", c.Path, c.Lines+1, err)
		}
		c.Lines++
		if c.Lines%65536 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		body := bytes.TrimSuffix(line, []byte{'\n'})
		if err == io.EOF && c.Compressed() != "" {
			return fmt.Errorf("%s:%d: the last line has no end of line (a truncated file?)", c.Path, c.Lines)
		}
		fields = splitTabs(fields[:0], body)
		if c.Layout.Fields == 0 {
			l, lerr := LayoutOf(len(fields))
			if lerr != nil {
				return fmt.Errorf("%s:%d: %w", c.Path, c.Lines, lerr)
			}
			c.Layout = l
			check = check[:0]
			for _, f := range escapedFields {
				check = append(check, l.index(f))
			}
		}
		if err := checkLine(c, fields, check); err != nil {
			return err
		}
		if w != nil {
			if _, werr := w.Write(body); werr != nil {
				return fmt.Errorf("decompressing %s: %w", c.Path, werr)
			}
			w.WriteByte('\n')
		}
		if err == io.EOF {
			return nil
		}
	}
}

// checkLine checks one line's field count, wiki_db and escapes.
func checkLine(c *Checked, fields [][]byte, check []int) error {
	if len(fields) != c.Layout.Fields {
		return fmt.Errorf("%s:%d: %d fields, but the file's first line has %d (layout %s)", c.Path, c.Lines, len(fields), c.Layout.Fields, c.Layout.Name)
	}
	if string(fields[0]) != c.WikiDB {
		return fmt.Errorf("%s:%d: wiki_db %q in the folder of %s", c.Path, c.Lines, fields[0], c.WikiDB)
	}
	for k, i := range check {
		if err := checkEscapes(fields[i], strings.HasSuffix(escapedFields[k], "s")); err != nil {
			return fmt.Errorf("%s:%d: field %d (%s): %w", c.Path, c.Lines, i+1, escapedFields[k], err)
		}
	}
	return nil
}

// splitTabs splits a line at its tabs.
func splitTabs(dst [][]byte, line []byte) [][]byte {
	for {
		i := bytes.IndexByte(line, '\t')
		if i < 0 {
			return append(dst, line)
		}
		dst = append(dst, line[:i])
		line = line[i+1:]
	}
}

// checkEscapes checks that every backslash of a field starts an escape the
// dumps write: \t, \n, \r, and \, in an array.
func checkEscapes(b []byte, array bool) error {
	for i := bytes.IndexByte(b, '\\'); i >= 0; i = bytes.IndexByte(b, '\\') {
		if i+1 == len(b) {
			return errors.New(`a backslash at the end of the field (the dumps escape only \t, \n, \r and \, in arrays)`)
		}
		switch next := b[i+1]; {
		case next == 't' || next == 'n' || next == 'r' || (array && next == ','):
		default:
			return fmt.Errorf(`unknown escape \%c (the dumps escape only \t, \n, \r and \, in arrays)`, next)
		}
		b = b[i+2:]
	}
	return nil
}

// Unescape undoes the dumps' escaping of a text field: \t, \n and \r
// become a tab, a line feed and a carriage return.
func Unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	return strings.NewReplacer(`\t`, "\t", `\n`, "\n", `\r`, "\r").Replace(s)
}
