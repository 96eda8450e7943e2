// Package dataset reads and writes the CSV files of an analysis, in the
// formats fixed by the project (metrics.md, "Output files"):
//
//	contributions.csv  wiki,username,revid,pageid,ns,title,timestamp,sizediff,new
//	accounts.csv       username,registration,bot
//	metrics.csv        metric,segment,value,numerator,denominator,ci_low,ci_high,note
//	participants.csv   username,segment,excluded_reason,registration,long_term,edits_before,...
//	monthly.csv        month,segment,editing_participants,active_editors,retained_editors,edits
//
// Timestamps are RFC 3339 UTC to the second, booleans true/false, empty cells
// for missing values. contributions.csv and accounts.csv together are enough
// to re-analyse a run without asking Wikimedia again (ReadDir).
//
// Readers stream, intern repeated strings (wikis, usernames, titles) and
// report a bad cell as a *ParseError naming the file, line, column and
// field ("contributions.csv:12: column 7 (timestamp): not an RFC 3339
// time").
//
// # Re-reading a folder
//
// ReadDir refuses, naming the file and line: a file whose last record has
// no line break (it looks cut short); a record over MaxRecordBytes; a
// participant with revisions in contributions.csv and no row in
// accounts.csv (she would be taken for an account not found), unless
// incomplete.csv lists her; two rows of one revision, account or
// namespace that differ; a file over its cap (MaxContributionsBytes,
// MaxAccountsBytes, MaxIncompleteBytes, MaxNamespacesBytes: *SizeError,
// with its size). What it changes (domains lower-cased, usernames made
// canonical, repeated rows dropped, timestamps rewritten in UTC to the
// second) it counts in Data.Normalised, with the first examples.
//
// # Spreadsheet formulas
//
// Text cells (usernames, titles, notes…) that a spreadsheet would run as a
// formula, those starting with "=", "+", "-", "@", a tab or a carriage
// return, are written with a single quote in front (OWASP's advice against
// CSV injection). So that the rule can be undone, a text starting with a
// quote followed by one of those, by a quote or by a line feed gets one
// more quote; every other text is written as it is:
//
//	text           cell
//	=1+1           '=1+1
//	-Ada-          '-Ada-
//	'=x            ''=x
//	'Allo 'Allo!   'Allo 'Allo!
//
// The readers drop that one quote (Unprotect), so every text reads back
// exactly; a program reading the files otherwise (a spreadsheet, gota)
// sees the quote. Numbers are not text: a sizediff of -42 is written -42.
// A folder written before this rule holds formulas unprotected; they read
// as they are, except a text starting with a quote and then one of those
// characters, which loses the quote.
//
// # Writing files
//
// Every file of a run folder is written with WriteFile (or WriteFileBytes):
// into a new file beside it, synced, then renamed over it, so that a reader
// never sees half a file, a symbolic link planted at the name is replaced
// (its target is untouched), and the file gets the user's umask (0644 by
// default), like any file a program creates.
//
// # run.json
//
// A run folder also holds run.json (RunFile), which says what the folder
// is; WriteRun writes it, ReadRun reads it (a folder from before run.json
// gives ErrNoRun), and ReadDir gives it as Data.Run. An example, every
// field required unless marked:
//
//	{
//	  "format": 1,                             // RunFormat; another is refused
//	  "fetched": "2025-06-30T10:34:56.5Z",     // known up to: its oldest answer's fetch
//	  "as_of": "2025-06-01T00:00:00Z",         // what the analysis observed up to; not after fetched
//	  "course": {
//	    "kind": "course",                      // or "campaign"
//	    "url": "https://outreachdashboard.wmflabs.org/courses/Lib/Event", // optional; or
//	    "dir": "path/to/downloaded/course",    // optional, never with url
//	    "slug": "Lib/Event"
//	  },
//	  "params": {
//	    "new_editor_lookback": "336h0m0s",     // a Go duration: 14 days
//	    "long_term_edits": 500,
//	    "retention_days": [7, 30, 60, 90, 180, 365],
//	    "active_months": 24,
//	    "active_editor_edits": 5,
//	    "max_contributions": 100000,
//	    "centralauth": false,
//	    "baseline": 0,                         // the baseline's sample size; 0: none
//	    "pseudonymized": false
//	  },
//	  "program": {                             // from runtime/debug.ReadBuildInfo (ProgramOf)
//	    "module": "example.com/engagement",    // optional
//	    "version": "(devel)",                  // "unknown" without build information
//	    "revision": "9d312de…",                // optional: vcs.revision, vcs.time, vcs.modified
//	    "time": "2026-12-03T10:00:00Z",
//	    "modified": true,
//	    "go": "go1.26.8"                       // optional
//	  },
//	  "files": {"accounts.csv": 2231, …}       // optional: sizes of the files written (FileSizes)
//	}
//
// Times are RFC 3339 in UTC (fractions of a second kept). An unknown field,
// a field given twice, a wrong type, a missing or invalid value are errors
// naming the file and the field; the file may hold at most MaxRunBytes.
// ReadDir notes in Data.Normalised a file whose size is not the one
// recorded in files (cut short at a line end, edited, or gone). A run
// written into the folder later removes the files listed there that it
// does not write itself, and nothing else (ReplaceRun): the folder holds
// one run's files.
package dataset

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"example.com/engagement/engagement/metrics"
)

// Headers of the files.
var (
	ContributionsHeader = []string{"wiki", "username", "revid", "pageid", "ns", "title", "timestamp", "sizediff", "new"}
	AccountsHeader      = []string{"username", "registration", "bot"}
	MetricsHeader       = []string{"metric", "segment", "value", "numerator", "denominator", "ci_low", "ci_high", "note"}
	ParticipantsHeader  = []string{"username", "segment", "excluded_reason", "registration", "long_term", "edits_before", "edits_during", "edits_after", "first_edit_after", "last_edit", "days_to_return", "detail"}
	MonthlyHeader       = []string{"month", "segment", "editing_participants", "active_editors", "retained_editors", "edits", "partial"}
)

// File names used by ReadDir and by the example program.
const (
	ContributionsFile = "contributions.csv"
	AccountsFile      = "accounts.csv"
	MetricsFile       = "metrics.csv"
	ParticipantsFile  = "participants.csv"
	MonthlyFile       = "monthly.csv"
)

// ParseError is a bad cell or row, with its position.
type ParseError struct {
	File   string
	Line   int
	Column string // column name (the field); empty for a whole-row problem
	Index  int    // the column's position in the row, from 1; 0 when not known
	Err    error
}

// Error gives the file, line, column and field: "c.csv:3: column 3
// (revid): not an integer: "x"" (without the number when Index is 0).
func (e *ParseError) Error() string {
	switch {
	case e.Column == "":
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	case e.Index == 0:
		return fmt.Sprintf("%s:%d: column %s: %v", e.File, e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("%s:%d: column %d (%s): %v", e.File, e.Line, e.Index, e.Column, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// reader wraps encoding/csv with header checking and line numbers.
type reader struct {
	file string
	r    *csv.Reader
	in   *lastByte
	bom  int64 // bytes of the byte order mark skipped
	idx  []int // position of each expected column in the file
	cols []string
}

// lastByte passes a reader on, keeping count of the bytes and the last
// one, and refusing a line over MaxRecordBytes (encoding/csv would hold
// all of it).
type lastByte struct {
	r         io.Reader
	file      string
	n         int64
	last      byte
	lines     int // line breaks so far
	lineBytes int // bytes of the line being read
}

func (l *lastByte) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	if n > 0 {
		l.n += int64(n)
		l.last = p[n-1]
		if err := l.countLines(p[:n]); err != nil {
			return 0, err
		}
	}
	return n, err
}

// cutShort reports whether the record csv has just read is the file's
// last and has no line break.
func (rd *reader) cutShort() bool {
	return rd.r.InputOffset()+rd.bom == rd.in.n && rd.in.last != '\n'
}

func newReader(r io.Reader, file string, want []string) (*reader, error) {
	in := &lastByte{r: r, file: file}
	br := bufio.NewReaderSize(in, 1<<16)
	var bom int64
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
		bom = 3
	}
	cr := csv.NewReader(br)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: empty file, expected header %q", file, want)
	}
	var own *ParseError
	if errors.As(err, &own) {
		return nil, own
	}
	if err != nil {
		return nil, fmt.Errorf("%s: reading header: %w", file, err)
	}
	pos := map[string]int{}
	for i, h := range head {
		if j, dup := pos[h]; dup {
			return nil, fmt.Errorf("%s: column %q appears twice in the header (columns %d and %d)", file, h, j+1, i+1)
		}
		pos[h] = i
	}
	rd := &reader{file: file, r: cr, in: in, bom: bom, cols: want}
	if rd.cutShort() {
		line, _ := cr.FieldPos(0)
		return nil, &ParseError{File: file, Line: line, Err: errCutShort}
	}
	for _, w := range want {
		i, ok := pos[w]
		if !ok {
			return nil, fmt.Errorf("%s: missing column %q (header is %q)", file, w, head)
		}
		rd.idx = append(rd.idx, i)
	}
	return rd, nil
}

// next returns the expected columns of the next row, in order.
func (rd *reader) next(dst []string) ([]string, int, error) {
	rec, err := rd.r.Read()
	if err != nil {
		if err == io.EOF {
			return nil, 0, io.EOF
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, 0, &ParseError{File: rd.file, Line: pe.Line, Err: pe.Err}
		}
		var own *ParseError
		var size *SizeError
		if errors.As(err, &own) || errors.As(err, &size) {
			return nil, 0, err
		}
		return nil, 0, fmt.Errorf("%s: %w", rd.file, err)
	}
	line, _ := rd.r.FieldPos(0)
	if rd.cutShort() {
		return nil, line, &ParseError{File: rd.file, Line: line, Err: errCutShort}
	}
	dst = dst[:0]
	for k, i := range rd.idx {
		if i >= len(rec) {
			return nil, line, &ParseError{File: rd.file, Line: line, Column: rd.cols[k], Index: i + 1, Err: fmt.Errorf("row has %d fields, the header has more", len(rec))}
		}
		if err := checkText(rec[i]); err != nil {
			line, _ := rd.r.FieldPos(i)
			return nil, line, &ParseError{File: rd.file, Line: line, Column: rd.cols[k], Index: i + 1, Err: err}
		}
		dst = append(dst, rec[i])
	}
	return dst, line, nil
}

func (rd *reader) bad(line, col int, err error) error {
	return &ParseError{File: rd.file, Line: line, Column: rd.cols[col], Index: rd.idx[col] + 1, Err: err}
}

// ParseTime parses an RFC 3339 timestamp; the common form
// 2006-01-02T15:04:05Z takes a fast path.
func ParseTime(s string) (time.Time, error) {
	if len(s) == 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' && s[16] == ':' && s[19] == 'Z' {
		n := func(a, b int) (int, bool) {
			v := 0
			for i := a; i < b; i++ {
				c := s[i]
				if c < '0' || c > '9' {
					return 0, false
				}
				v = v*10 + int(c-'0')
			}
			return v, true
		}
		y, ok1 := n(0, 4)
		mo, ok2 := n(5, 7)
		d, ok3 := n(8, 10)
		h, ok4 := n(11, 13)
		mi, ok5 := n(14, 16)
		se, ok6 := n(17, 19)
		if ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h < 24 && mi < 60 && se < 60 {
			t := time.Date(y, time.Month(mo), d, h, mi, se, 0, time.UTC)
			if t.Day() == d {
				return t, nil
			}
		}
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("not an RFC 3339 time: %q", s)
	}
	return t.UTC(), nil
}

func parseBool(s string) (bool, error) {
	switch s {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, fmt.Errorf("not true or false: %q", s)
}

// ReadContributions reads contributions.csv. file names the input in errors.
func ReadContributions(r io.Reader, file string) ([]metrics.Contribution, error) {
	t, err := ReadContributionsTable(r, file)
	if err != nil {
		return nil, err
	}
	return t.Rows(), nil
}

// ReadContributionsFile reads a file in the format of contributions.csv
// (such as baseline_contributions.csv) under the cap of contributions.csv,
// MaxContributionsBytes.
func ReadContributionsFile(path string) ([]metrics.Contribution, error) {
	var cs []metrics.Contribution
	err := readCappedFile(filepath.Dir(path), filepath.Base(path), MaxContributionsBytes, func(r io.Reader, _ os.FileInfo, p string) (err error) {
		cs, err = ReadContributions(r, p)
		return err
	})
	return cs, err
}

// ReadContributionsTable is ReadContributions into a metrics.Table, the
// compact form a large file is best held in.
func ReadContributionsTable(r io.Reader, file string) (*metrics.Table, error) {
	t, _, err := readContributionsFast(r, file, 0)
	return t, err
}

// ReadAccounts reads accounts.csv. An empty registration means the wiki has
// no registration date for the account.
func ReadAccounts(r io.Reader, file string) ([]metrics.Account, error) {
	as, _, err := readAccounts(r, file)
	return as, err
}

// readAccounts is ReadAccounts, also listing the registrations written
// otherwise than read.
func readAccounts(r io.Reader, file string) ([]metrics.Account, []timeNote, error) {
	rd, err := newReader(r, file, AccountsHeader)
	if err != nil {
		return nil, nil, err
	}
	var out []metrics.Account
	var times []timeNote
	var row []string
	for {
		var line int
		row, line, err = rd.next(row)
		if err == io.EOF {
			return out, times, nil
		}
		if err != nil {
			return nil, nil, err
		}
		a := metrics.Account{Username: Unprotect(string([]byte(row[0])))}
		if a.Username == "" {
			return nil, nil, rd.bad(line, 0, errors.New("empty"))
		}
		if row[1] != "" {
			if a.Registration, err = ParseTime(row[1]); err != nil {
				return nil, nil, rd.bad(line, 1, err)
			}
			if a.Registration = a.Registration.Truncate(time.Second); string(appendTime(nil, a.Registration)) != row[1] {
				times = append(times, timeNote{len(out), row[1]})
			}
		}
		if a.Bot, err = parseBool(row[2]); err != nil {
			return nil, nil, rd.bad(line, 2, err)
		}
		out = append(out, a)
	}
}

// Data is what a previous run left in a folder: enough to re-analyse it.
type Data struct {
	Accounts      []metrics.Account
	Contributions *metrics.Table
	// Namespaces is nil when the folder has no namespaces.csv.
	Namespaces []Namespace
	// Incomplete lists what could not be fetched in the run that wrote the
	// folder (incomplete.csv; nil when the file is absent).
	Incomplete []Incomplete
	// Normalised lists the rows ReadDir changed or dropped, with counts and
	// first examples; empty when the files were already canonical.
	Normalised Report
	// Source is contributions.csv when writing Contributions gives it back
	// byte for byte (nil otherwise): see WriteContributionsFrom.
	Source *Source
	// Run is the folder's run.json: when its data was fetched, its as-of,
	// parameters, course and program; nil for a folder written before
	// run.json (an invalid run.json is an error of ReadDir).
	Run *Run
}

// ReadDir reads contributions.csv and accounts.csv from dir, and
// namespaces.csv, incomplete.csv and run.json when present. It makes the rows
// canonical and reports in Data.Normalised what it changed.
func ReadDir(dir string) (*Data, error) { return ReadDirFor(dir, Scope{}) }

// ReadDirFor is ReadDir for an event: it also counts, in Data.Normalised,
// the rows outside sc (kept; the metrics leave them out).
func ReadDirFor(dir string, sc Scope) (*Data, error) { return StartReading(dir).ReadDirFor(sc) }

// Reading is a folder whose contributions.csv is being read in the
// background, from StartReading: a program with other work to do first
// (loading the event, which says the Scope) starts it early.
type Reading struct {
	dir  string
	done chan struct{}
	d    Data // Contributions and Source, once done
	// times are contributions.csv's timestamps written otherwise.
	times []timeNote
	err   error
	used  bool
}

// StartReading starts reading dir's contributions.csv, the largest file of
// a re-analysis, on other goroutines, and returns at once.
func StartReading(dir string) *Reading {
	r := &Reading{dir: dir, done: make(chan struct{})}
	go func() {
		defer close(r.done)
		r.err = readFile(dir, ContributionsFile, func(f io.Reader, info os.FileInfo, p string) (err error) {
			hint := rowsHint(p)
			var ri readInfo
			r.d.Contributions, ri, err = readContributionsFast(f, p, hint)
			r.times = ri.rewritten
			if err == nil && ri.canonical && info.Mode().IsRegular() {
				r.d.Source = newSource(p, info, r.d.Contributions)
			}
			return err
		})
	}()
	return r
}

// ReadDirFor waits for contributions.csv and reads the rest of the folder
// as the package's ReadDirFor does (the same Data and the same errors). It
// is called once: the Data it returns owns what was read.
func (r *Reading) ReadDirFor(sc Scope) (*Data, error) {
	<-r.done
	if r.used {
		return nil, fmt.Errorf("re-analysing %s: the background read was used already: start another", r.dir)
	}
	r.used = true
	if r.err != nil {
		return nil, r.err
	}
	d, dir := r.d, r.dir
	switch run, err := ReadRun(dir); {
	case err == nil:
		d.Run = &run
	case !errors.Is(err, ErrNoRun):
		return nil, err
	}
	read := func(name string, f func(io.Reader, string) error) error {
		return readFile(dir, name, func(r io.Reader, _ os.FileInfo, p string) error { return f(r, p) })
	}
	var accountTimes []timeNote
	err := read(AccountsFile, func(r io.Reader, p string) (err error) {
		d.Accounts, accountTimes, err = readAccounts(r, p)
		return err
	})
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(dir, IncompleteFile)); err == nil {
		err = read(IncompleteFile, func(r io.Reader, p string) (err error) {
			d.Incomplete, err = ReadIncomplete(r, p)
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	d.noteTimes(ContributionsFile, r.times)
	d.noteTimes(AccountsFile, accountTimes)
	if err := d.normalise(dir, sc.sets()); err != nil {
		return nil, err
	}
	if err := d.noteSizes(dir); err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(dir, NamespacesFile)); err == nil {
		err = read(NamespacesFile, func(r io.Reader, p string) error {
			ns, lines, err := readNamespaces(r, p)
			if err == nil {
				d.Namespaces, err = d.normaliseNamespaces(p, ns, lines)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return &d, nil
}

// rowsHint estimates the rows of a CSV file from its size and the length of
// its first rows, a little over, so that reading it grows no slice.
func rowsHint(path string) int {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return 0
	}
	head := make([]byte, 256<<10)
	n, _ := io.ReadFull(f, head)
	lines := bytes.Count(head[:n], []byte{'\n'})
	if lines < 2 || n == 0 {
		return 0
	}
	return int(info.Size()/int64(n)*int64(lines)) * 21 / 20
}
