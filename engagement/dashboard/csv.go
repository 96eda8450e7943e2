package dashboard

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"
)

// ParseError is a bad cell or row of a CSV export, with its position.
type ParseError struct {
	File   string
	Line   int
	Column string // column name; empty for a whole-row problem
	Err    error
}

func (e *ParseError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s:%d: column %s: %v", e.File, e.Line, e.Column, e.Err)
}

// Unwrap returns the cell's error.
func (e *ParseError) Unwrap() error { return e.Err }

// StudentsColumns is the header of the students CSV export
// (lib/analytics/course_students_csv_builder.rb).
var StudentsColumns = []string{"username", "global_id", "enrollment_timestamp", "registered_at", "revisions_during_project", "mainspace_bytes_added", "userspace_bytes_added", "draft_space_bytes_added", "references_added", "registered_during_project", "total_articles_edited", "completed_training_modules_count", "assigned_training_modules_count", "completed_training_modules"}

// Student is one row of the students CSV: a role-0 user.
type Student struct {
	Username                     string
	GlobalID                     int64
	EnrollmentTimestamp          time.Time
	RegisteredAt                 time.Time // zero when empty
	RevisionsDuringProject       int
	MainspaceBytesAdded          int
	UserspaceBytesAdded          int
	DraftSpaceBytesAdded         int
	ReferencesAdded              int
	RegisteredDuringProject      bool
	TotalArticlesEdited          int
	CompletedTrainingModules     int
	AssignedTrainingModules      int
	CompletedTrainingModuleNames string
}

// csvTime parses the exports' "2024-02-12 00:00:00 UTC".
func csvTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02 15:04:05 MST", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("not a time like \"2024-02-12 00:00:00 UTC\": %q", s)
	}
	return t.UTC(), nil
}

type cells struct {
	file string
	line int
	row  []string
	pos  map[string]int
	err  error
}

func (c *cells) str(col string) string {
	i, ok := c.pos[col]
	if !ok {
		c.fail(col, fmt.Errorf("missing column"))
		return ""
	}
	return c.row[i]
}

func (c *cells) fail(col string, err error) {
	if c.err == nil {
		c.err = &ParseError{File: c.file, Line: c.line, Column: col, Err: err}
	}
}

func (c *cells) int(col string) int64 {
	s := c.str(col)
	if s == "" {
		return 0
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		c.fail(col, fmt.Errorf("not an integer: %q", s))
	}
	return v
}

func (c *cells) time(col string) time.Time {
	t, err := csvTime(c.str(col))
	if err != nil {
		c.fail(col, err)
	}
	return t
}

func (c *cells) bool(col string) bool {
	switch s := c.str(col); s {
	case "true":
		return true
	case "false", "":
		return false
	default:
		c.fail(col, fmt.Errorf("not true or false: %q", s))
		return false
	}
}

// readCSV checks the header and calls row for every record.
// The file is read through the MaxFileSize cap.
func readCSV(r io.Reader, file string, want []string, row func(*cells)) error {
	cr0, _, err := capped(r, file, MaxFileSize)
	if err != nil {
		return err
	}
	br := bufio.NewReader(cr0)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	head, err := cr.Read()
	var tl *TooLargeError
	if errors.As(err, &tl) {
		return tl
	}
	if err == io.EOF {
		return fmt.Errorf("%s: empty file", file)
	}
	if err != nil {
		return fmt.Errorf("%s: reading header: %w", file, err)
	}
	pos := map[string]int{}
	for i, h := range head {
		pos[h] = i
	}
	for _, w := range want {
		if _, ok := pos[w]; !ok {
			return fmt.Errorf("%s: missing column %q (is this the right export? header is %q)", file, w, head)
		}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if errors.As(err, &tl) {
			return tl
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				msg := pe.Err
				if errors.Is(pe.Err, csv.ErrFieldCount) {
					msg = fmt.Errorf("row has a different number of fields than the header (%d)", len(head))
				}
				return &ParseError{File: file, Line: pe.Line, Err: msg}
			}
			return fmt.Errorf("%s: %w", file, err)
		}
		line, _ := cr.FieldPos(0)
		c := &cells{file: file, line: line, row: rec, pos: pos}
		row(c)
		if c.err != nil {
			return c.err
		}
	}
}

// ReadStudentsCSV reads the students (course_editors) CSV export.
func ReadStudentsCSV(r io.Reader, file string) ([]Student, error) {
	var out []Student
	err := readCSV(r, file, StudentsColumns, func(c *cells) {
		out = append(out, Student{
			Username:                     c.str("username"),
			GlobalID:                     c.int("global_id"),
			EnrollmentTimestamp:          c.time("enrollment_timestamp"),
			RegisteredAt:                 c.time("registered_at"),
			RevisionsDuringProject:       int(c.int("revisions_during_project")),
			MainspaceBytesAdded:          int(c.int("mainspace_bytes_added")),
			UserspaceBytesAdded:          int(c.int("userspace_bytes_added")),
			DraftSpaceBytesAdded:         int(c.int("draft_space_bytes_added")),
			ReferencesAdded:              int(c.int("references_added")),
			RegisteredDuringProject:      c.bool("registered_during_project"),
			TotalArticlesEdited:          int(c.int("total_articles_edited")),
			CompletedTrainingModules:     int(c.int("completed_training_modules_count")),
			AssignedTrainingModules:      int(c.int("assigned_training_modules_count")),
			CompletedTrainingModuleNames: c.str("completed_training_modules"),
		})
	})
	return out, err
}

// WriteStudentsCSV writes students in the export's format.
func WriteStudentsCSV(w io.Writer, students []Student) error {
	cw := csv.NewWriter(w)
	cw.Write(StudentsColumns)
	ts := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format("2006-01-02 15:04:05 UTC")
	}
	for _, s := range students {
		cw.Write([]string{s.Username, strconv.FormatInt(s.GlobalID, 10), ts(s.EnrollmentTimestamp), ts(s.RegisteredAt),
			strconv.Itoa(s.RevisionsDuringProject), strconv.Itoa(s.MainspaceBytesAdded), strconv.Itoa(s.UserspaceBytesAdded),
			strconv.Itoa(s.DraftSpaceBytesAdded), strconv.Itoa(s.ReferencesAdded), strconv.FormatBool(s.RegisteredDuringProject),
			strconv.Itoa(s.TotalArticlesEdited), strconv.Itoa(s.CompletedTrainingModules), strconv.Itoa(s.AssignedTrainingModules),
			s.CompletedTrainingModuleNames})
	}
	cw.Flush()
	return cw.Error()
}
