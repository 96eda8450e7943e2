package dataset

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"

	"example.com/engagement/engagement/metrics"
)

// lineReader yields CSV records without the allocations of encoding/csv:
// fields are slices into a reused buffer, valid until the next call.
type lineReader struct {
	r    *bufio.Reader
	next int // line number of the next record
	buf  []byte
	splitter
}

// splitter cuts the bytes of one record into fields; line is the record's
// line, for errors, and bom whether a byte order mark can no longer come.
type splitter struct {
	line   int
	fields [][]byte
	bom    bool
	quoted uint64 // bit k: field k of the last record was quoted (k < 64)
	// cut is true when the last record read (a blank one included) ends
	// the input without a line break: the file may have been cut short.
	cut bool
	// max is the most bytes a record may take, its line break included.
	max int
}

// MaxRecordBytes is the most bytes one record of contributions.csv may
// take, its line break included (a record of Wikimedia's takes less than
// 2 KB): a file without line breaks is refused without reading it all.
const MaxRecordBytes = 1 << 20

// errLong is a record longer than max bytes.
func errLong(max int) error {
	return fmt.Errorf("a record longer than %d bytes: a quote that does not close, or not a CSV file", max)
}

// errCutShort is a file whose last record has no line break.
var errCutShort = errors.New("the file ends in this record without a line break: it looks cut short (copy the file again; if the record is whole, end it with a line break)")

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, 1<<20), next: 1, splitter: splitter{max: MaxRecordBytes}}
}

var (
	errQuote     = errors.New(`extraneous or missing " in quoted-field`)
	errBareQuote = errors.New(`bare " in non-quoted-field`)
)

// read returns the fields of the next record, or io.EOF. Blank lines are
// skipped, as encoding/csv skips them.
func (lr *lineReader) read() ([][]byte, error) {
	for {
		rec, err := lr.record()
		if err != nil || rec != nil {
			return rec, err
		}
	}
}

// record reads one line (or several, inside quotes) and returns its fields;
// nil fields and a nil error for a blank line.
func (lr *lineReader) record() ([][]byte, error) {
	lr.buf = lr.buf[:0]
	lr.line = lr.next
	quotes := 0 // in lr.buf so far: counting each chunk once keeps a stray quote linear
	for {
		chunk, err := lr.r.ReadSlice('\n')
		lr.buf = append(lr.buf, chunk...)
		if len(lr.buf) > lr.max {
			return nil, &ParseError{Line: lr.line, Err: errLong(lr.max)}
		}
		quotes += bytes.Count(chunk, []byte{'"'})
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && err != io.EOF {
			return nil, err
		}
		if len(chunk) > 0 && chunk[len(chunk)-1] == '\n' {
			lr.next++
		}
		// A quoted field may span lines: read on while quotes are unbalanced.
		if quotes%2 == 1 {
			if err == io.EOF {
				return nil, &ParseError{Line: lr.line, Err: errQuote}
			}
			continue
		}
		if err == io.EOF && len(lr.buf) == 0 {
			return nil, io.EOF
		}
		lr.cut = err == io.EOF && lr.buf[len(lr.buf)-1] != '\n'
		break
	}
	return lr.split(lr.buf)
}

// split returns the fields of the record buf (its line end included); nil
// fields and a nil error for a blank line. Quoted fields are unescaped in
// place.
func (lr *splitter) split(buf []byte) ([][]byte, error) {
	if !lr.bom {
		lr.bom = true
		buf = bytes.TrimPrefix(buf, []byte("\xef\xbb\xbf"))
	}
	b := bytes.TrimSuffix(bytes.TrimSuffix(buf, []byte{'\n'}), []byte{'\r'})
	if len(b) == 0 {
		return nil, nil
	}
	lr.fields = lr.fields[:0]
	lr.quoted = 0
	for {
		if len(b) > 0 && b[0] == '"' {
			if k := len(lr.fields); k < 64 {
				lr.quoted |= 1 << k
			}
			out, i, ok := unquote(b)
			if !ok {
				return nil, &ParseError{Line: lr.line, Err: errQuote}
			}
			lr.fields = append(lr.fields, out)
			if i == len(b) {
				return lr.fields, nil
			}
			if b[i] != ',' {
				return nil, &ParseError{Line: lr.line, Err: errQuote}
			}
			b = b[i+1:]
			continue
		}
		i := bytes.IndexByte(b, ',')
		field := b
		if i >= 0 {
			field = b[:i]
		}
		if bytes.IndexByte(field, '"') >= 0 {
			return nil, &ParseError{Line: lr.line, Err: errBareQuote}
		}
		if i < 0 {
			lr.fields = append(lr.fields, b)
			return lr.fields, nil
		}
		lr.fields = append(lr.fields, b[:i])
		b = b[i+1:]
	}
}

// unquote unescapes in place the quoted field at the start of b (b[0] is
// its opening quote): it returns the field, the index in b just past its
// closing quote, and false when the quote is not closed.
func unquote(b []byte) ([]byte, int, bool) {
	out := b[1:1]
	i := 1
	for {
		if i >= len(b) {
			return nil, i, false
		}
		if b[i] == '"' {
			if i+1 < len(b) && b[i+1] == '"' {
				out = append(out, '"')
				i += 2
				continue
			}
			return out, i + 1, true
		}
		if b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n' {
			i++ // a line break inside quotes reads as "\n", as encoding/csv does
		}
		out = append(out, b[i])
		i++
	}
}

// bstr views b as a string without copying, for parsing only.
func bstr(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// readContributionsFast is ReadContributions on the fast path: chunks of
// the file parsed on every core.
func readContributionsFast(r io.Reader, file string, sizeHint int) (*metrics.Table, readInfo, error) {
	return readContributionsChunked(r, file, sizeHint, 1<<20, runtime.GOMAXPROCS(0), MaxRecordBytes)
}

// row parses one record of contributions.csv, found on line, into the
// parser's table; quoted has bit k set when field k was quoted. It clears
// p.canonical unless writing the row again gives the same bytes.
func (p *rowParser) row(rec [][]byte, quoted uint64, line int) error {
	var c metrics.Contribution
	bad := func(col int, err error) error {
		return &ParseError{File: p.file, Line: line, Column: ContributionsHeader[col], Index: p.idx[col] + 1, Err: err}
	}
	var f [9][]byte
	for k, i := range p.idx {
		if i >= len(rec) {
			return bad(k, fmt.Errorf("row has %d fields, the header has more", len(rec)))
		}
		f[k] = rec[i]
		if p.clean {
			continue
		}
		if err := checkText(bstr(f[k])); err != nil {
			return bad(k, err)
		}
	}
	if len(f[0]) == 0 {
		return bad(0, errors.New("empty"))
	}
	if len(f[1]) == 0 {
		return bad(1, errors.New("empty"))
	}
	var err error
	if c.RevID, err = strconv.ParseInt(bstr(f[2]), 10, 64); err != nil {
		return bad(2, fmt.Errorf("not an integer: %q", f[2]))
	}
	if c.PageID, err = strconv.ParseInt(bstr(f[3]), 10, 64); err != nil {
		return bad(3, fmt.Errorf("not an integer: %q", f[3]))
	}
	if c.NS, err = strconv.Atoi(bstr(f[4])); err != nil {
		return bad(4, fmt.Errorf("not an integer: %q", f[4]))
	}
	if c.Timestamp, err = ParseTime(bstr(f[6])); err != nil {
		return bad(6, err)
	}
	if ts := f[6]; len(ts) != 20 || ts[19] != 'Z' {
		if c.Timestamp = c.Timestamp.Truncate(time.Second); !bytes.Equal(appendTime(nil, c.Timestamp), ts) {
			p.rewritten = append(p.rewritten, timeNote{p.table.Len(), string(ts)})
		}
	}
	if len(f[7]) == 0 {
		c.NoSizeDiff = true // the API gave none: unknown, not 0
	} else if c.SizeDiff, err = strconv.Atoi(bstr(f[7])); err != nil {
		return bad(7, fmt.Errorf("not an integer: %q", f[7]))
	}
	if c.New, err = parseBool(bstr(f[8])); err != nil {
		return bad(8, err)
	}
	metrics.TableBuilder{T: p.table}.Add(unprotect(f[0]), unprotect(f[1]), unprotect(f[5]), c)
	if p.canonical && (len(rec) != len(f) || !canonicalRow(p.idx, &f, quoted)) {
		p.canonical = false
	}
	return nil
}

// canonicalRow reports whether WriteContributions writes the record whose
// fields are f (quoted as quoted says, in the header's order) back byte
// for byte: text quoted exactly when it must be, integers and the
// timestamp in their one written form.
func canonicalRow(idx []int, f *[9][]byte, quoted uint64) bool {
	for k, b := range f {
		q := quoted&(1<<idx[k]) != 0
		switch k {
		case 0, 1, 5: // text; unquoted, it cannot hold a comma, quote or line break
			if q && (len(b) == 0 || !needsQuotes(bstr(b))) || !q && len(b) > 0 && (b[0] == ' ' || b[len(b)-1] == ' ') || !protectedAsWritten(b) {
				return false
			}
		case 2, 3, 4, 7:
			if q || !canonicalInt(b) {
				return false
			}
		case 6: // ParseTime reads 2006-01-02T15:04:05Z, checked, on its fast path only
			if q || len(b) != 20 || b[19] != 'Z' {
				return false
			}
		default: // new: parseBool takes only true and false
			if q {
				return false
			}
		}
	}
	return true
}

// protectedAsWritten reports whether the cell b is what Protect writes for
// the text Unprotect reads from it: a formula protected, nothing else.
func protectedAsWritten(b []byte) bool {
	u := unprotect(b)
	return mustProtect(bstr(u)) == (len(u) != len(b))
}

// canonicalInt reports whether b is an integer as strconv writes it, or
// empty (an unknown sizediff).
func canonicalInt(b []byte) bool {
	if len(b) > 0 && b[0] == '-' {
		b = b[1:]
		if len(b) == 0 || b[0] == '0' {
			return false
		}
	}
	return len(b) < 2 || b[0] != '0' && b[0] != '+'
}

// checkText refuses a cell that is not valid UTF-8 or holds a NUL byte:
// neither can come from Wikimedia, and both would pass into every output.
func checkText(b string) error {
	if i := strings.IndexByte(b, 0); i >= 0 {
		return fmt.Errorf("contains a NUL byte at byte %d", i+1)
	}
	if !utf8.ValidString(b) {
		return fmt.Errorf("not valid UTF-8: %q", b)
	}
	return nil
}

func fixFile(err error, file string) error {
	var pe *ParseError
	if errors.As(err, &pe) && pe.File == "" {
		pe.File = file
		return pe
	}
	var se *SizeError
	if errors.As(err, &se) {
		return se // names the file
	}
	return fmt.Errorf("%s: %w", file, err)
}

func columns(file string, head [][]byte, want []string) ([]int, error) {
	pos := map[string]int{}
	var names []string
	for i, h := range head {
		if _, dup := pos[string(h)]; dup {
			return nil, fmt.Errorf("%s: column %q appears twice in the header (columns %d and %d)", file, h, pos[string(h)]+1, i+1)
		}
		pos[string(h)] = i
		names = append(names, string(h))
	}
	var idx []int
	for _, w := range want {
		i, ok := pos[w]
		if !ok {
			return nil, fmt.Errorf("%s: missing column %q (header is %q)", file, w, names)
		}
		idx = append(idx, i)
	}
	return idx, nil
}
