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
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"unicode/utf8"
)

// A Checked dump is one a query can read: its layout, how many lines it
// holds, and the plain file its lines were copied to (Read), which holds
// other dumps' lines of the same layout too.
type Checked struct {
	Dump
	Read string // the file the engine reads
	// From is the line of Read where this dump's lines start.
	From   int
	Layout Layout
	Lines  int
}

// Locate returns the dump file and line that line of the copy read came
// from, so that an engine's error can name them.
func Locate(dumps []Checked, read string, line int) (string, int, bool) {
	for _, d := range dumps {
		if d.Read == read && line >= d.From && line < d.From+d.Lines {
			return d.Path, line - d.From + 1, true
		}
	}
	return "", 0, false
}

// arrayFields are the array fields the query reads. The dumps write an
// array as its items joined by commas, a comma inside an item as \, and
// then TAB, LF and CR as \t, \n and \r (RS MediawikiEvent.scala,
// formatArray and escape); a backslash itself is not escaped. So a
// backslash followed by anything else is an item's own backslash, after
// which no \, of the field can be told from the end of an item: such a
// field is refused, naming the file and line, rather than split by guess.
//
// The text fields the query reads (page_title, event_user_text,
// user_text) are not checked: the dumps escape only TAB, LF and CR, which
// no MediaWiki title or user name can hold, so every backslash in them is
// the title's or the name's own and is kept as it is.
var arrayFields = []string{"user_groups", "revision_deleted_parts"}

// workers is how many dumps are checked at a time.
const workers = 2

// Check reads every dump of s (decompressing bzip2 and gzip: DuckDB
// cannot read bzip2; bzip2 with the program bzip2, a path, or with Go's
// compress/bzip2 when it is ""), checks each line (the field count of a known
// layout, the same in the whole file; the wiki_db of its folder; the
// escapes of the fields read) and copies the lines into plain files in
// tmp, one per layout and worker, so that the engine scans a few large
// files rather than hundreds of small ones. Errors name the dump's file
// and line.
func Check(ctx context.Context, s Snapshot, tmp, bzip2 string) ([]Checked, error) {
	out := make([]Checked, len(s.Dumps))
	errs := make([]error, len(s.Dumps))
	next := make(chan int)
	go func() {
		defer close(next)
		for i := range s.Dumps {
			next <- i
		}
	}()
	closeErrs := make([]error, workers)
	var wg sync.WaitGroup
	for k := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cp := copies{dir: tmp, worker: k, w: map[int]*copyFile{}}
			for i := range next {
				out[i], errs[i] = checkFile(ctx, s.Dumps[i], &cp, bzip2)
			}
			closeErrs[k] = cp.close()
		}()
	}
	wg.Wait()
	if err := errors.Join(append(errs, closeErrs...)...); err != nil {
		return nil, err
	}
	return out, nil
}

// copies are one worker's plain files, by layout.
type copies struct {
	dir    string
	worker int
	w      map[int]*copyFile
}

type copyFile struct {
	f *os.File
	*bufio.Writer
	lines int // written so far
}

// to returns the file for lines of layout l.
func (c *copies) to(l Layout) (string, *bufio.Writer, error) {
	cf, ok := c.w[l.Fields]
	if !ok {
		f, err := os.Create(filepath.Join(c.dir, fmt.Sprintf("w%d.%d.tsv", c.worker, l.Fields)))
		if err != nil {
			return "", nil, fmt.Errorf("decompressing the history: %w", err)
		}
		cf = &copyFile{f: f, Writer: bufio.NewWriterSize(f, 1<<20)}
		c.w[l.Fields] = cf
	}
	return cf.f.Name(), cf.Writer, nil
}

// done counts the lines a dump added to the file of layout l.
func (c *copies) done(l Layout, lines int) {
	if cf, ok := c.w[l.Fields]; ok {
		cf.lines += lines
	}
}

// from returns the next line of the file of layout l.
func (c *copies) from(l Layout) int {
	if cf, ok := c.w[l.Fields]; ok {
		return cf.lines + 1
	}
	return 1
}

func (c *copies) close() error {
	var errs []error
	for _, cf := range c.w {
		errs = append(errs, cf.Flush(), cf.f.Close())
	}
	return errors.Join(errs...)
}

// checkFile checks one dump, copying its lines.
func checkFile(ctx context.Context, d Dump, cp *copies, bzip2Program string) (Checked, error) {
	c := Checked{Dump: d}
	f, err := os.Open(d.Path)
	if err != nil {
		return c, fmt.Errorf("reading the history: %w", err)
	}
	defer f.Close()
	var r io.Reader = bufio.NewReaderSize(f, 1<<20)
	wait := func(abandon bool) error { return nil }
	switch d.Compressed() {
	case "bz2":
		if bzip2Program == "" {
			r = bzip2.NewReader(r)
			break
		}
		if r, wait, err = decompress(ctx, bzip2Program, f); err != nil {
			return c, fmt.Errorf("%s: %w", d.Path, err)
		}
	case "gz":
		gz, err := gzip.NewReader(r)
		if err != nil {
			return c, fmt.Errorf("%s: not gzip: %w", d.Path, err)
		}
		r = gz
	}
	err = checkLines(ctx, &c, r, cp)
	if werr := wait(err != nil); err == nil && werr != nil {
		err = fmt.Errorf("%s:%d: %w (a truncated or damaged file?)", c.Path, c.Lines+1, werr)
	}
	cp.done(c.Layout, c.Lines)
	return c, err
}

// decompress starts the bzip2 program on f; its output is read from the
// reader, and wait returns its failure (with what it wrote to stderr)
// once the output is read, or stops it when the rest is abandoned.
func decompress(ctx context.Context, program string, f *os.File) (io.Reader, func(abandon bool) error, error) {
	cmd := exec.CommandContext(ctx, program, "-dc")
	cmd.Stdin = f
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, nil, fmt.Errorf("decompressing with %s: %w", program, err)
	}
	wait := func(abandon bool) error {
		if abandon {
			cmd.Process.Kill()
			cmd.Wait()
			return nil
		}
		if err := cmd.Wait(); err != nil {
			first, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
			return fmt.Errorf("%s: %w: %s", program, err, strings.TrimSuffix(first, ";"))
		}
		return nil
	}
	return out, wait, nil
}

// checkLines checks the lines of r and copies them.
func checkLines(ctx context.Context, c *Checked, r io.Reader, cp *copies) error {
	br := bufio.NewReaderSize(r, 1<<20)
	var fields [][]byte
	var check []int
	var w *bufio.Writer
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
			return fmt.Errorf("%s:%d: the last line has no end of line (a truncated or damaged file?)", c.Path, c.Lines)
		}
		fields = splitTabs(fields[:0], body)
		if c.Layout.Fields == 0 {
			if w, check, err = c.start(len(fields), cp); err != nil {
				return err
			}
		}
		if err := checkLine(c, fields, check); err != nil {
			return err
		}
		w.Write(body)
		if werr := w.WriteByte('\n'); werr != nil {
			return fmt.Errorf("decompressing %s: %w", c.Path, werr)
		}
		if err == io.EOF {
			return nil
		}
	}
}

// start takes the layout of a file from its first line's field count.
func (c *Checked) start(n int, cp *copies) (*bufio.Writer, []int, error) {
	l, err := LayoutOf(n)
	if err != nil {
		return nil, nil, fmt.Errorf("%s:%d: %w", c.Path, c.Lines, err)
	}
	c.Layout = l
	var check []int
	for _, f := range arrayFields {
		check = append(check, l.index(f))
	}
	c.From = cp.from(l)
	read, w, err := cp.to(l)
	c.Read = read
	return w, check, err
}

// checkLine checks one line's field count, wiki_db and array escapes.
func checkLine(c *Checked, fields [][]byte, check []int) error {
	if len(fields) != c.Layout.Fields {
		return fmt.Errorf("%s:%d: %d fields, but the file's first line has %d (layout %s)", c.Path, c.Lines, len(fields), c.Layout.Fields, c.Layout.Name)
	}
	if string(fields[0]) != c.WikiDB {
		return fmt.Errorf("%s:%d: wiki_db %q in the folder of %s", c.Path, c.Lines, fields[0], c.WikiDB)
	}
	for k, i := range check {
		if err := checkArrayEscapes(fields[i]); err != nil {
			return fmt.Errorf("%s:%d: field %d (%s): %w", c.Path, c.Lines, i+1, arrayFields[k], err)
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

// checkArrayEscapes checks that every backslash of an array field starts
// one of the escapes the dumps write there: \, \t \n \r.
func checkArrayEscapes(b []byte) error {
	for i := bytes.IndexByte(b, '\\'); i >= 0; i = bytes.IndexByte(b, '\\') {
		if i+1 == len(b) {
			return errors.New(`a backslash at the end of an array (the dumps escape only \, \t \n \r in arrays and do not escape a backslash, so its items cannot be told apart)`)
		}
		switch b[i+1] {
		case ',', 't', 'n', 'r':
		default:
			r, _ := utf8.DecodeRune(b[i+1:])
			return fmt.Errorf(`unknown escape \%c in an array (the dumps escape only \, \t \n \r in arrays and do not escape a backslash, so its items cannot be told apart)`, r)
		}
		b = b[i+2:]
	}
	return nil
}

// unescapeItem decodes one array item's escapes (\, was split on before):
// \t, \n and \r become TAB, LF and CR.
func unescapeItem(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	return strings.NewReplacer(`\t`, "\t", `\n`, "\n", `\r`, "\r").Replace(s)
}
