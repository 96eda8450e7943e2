package dataset

import (
	"bufio"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"example.com/engagement/engagement/metrics"
)

// writer appends CSV cells into a buffered writer, quoting only when needed.
type writer struct {
	w   *bufio.Writer
	buf []byte
}

func newWriter(w io.Writer, header []string) *writer {
	cw := &writer{w: bufio.NewWriterSize(w, 1<<16)}
	for _, h := range header {
		cw.str(h)
	}
	cw.end()
	return cw
}

func (cw *writer) sep() {
	if len(cw.buf) > 0 {
		cw.buf = append(cw.buf, ',')
	}
}

// str writes a text cell, protected (Protect) and quoted when needed.
func (cw *writer) str(s string) {
	cw.sep()
	if s == "" {
		if len(cw.buf) == 0 {
			cw.buf = append(cw.buf, '"', '"') // an empty first cell must not read as an empty line
		}
		return
	}
	protect := mustProtect(s)
	if needsQuotes(s) {
		cw.buf = append(cw.buf, '"')
		if protect {
			cw.buf = append(cw.buf, '\'')
		}
		cw.buf = append(cw.buf, strings.ReplaceAll(s, `"`, `""`)...)
		cw.buf = append(cw.buf, '"')
		return
	}
	if protect {
		cw.buf = append(cw.buf, '\'')
	}
	cw.buf = append(cw.buf, s...)
}

// formulaStart reports whether a spreadsheet may run a cell starting with
// c as a formula (OWASP, "CSV Injection").
func formulaStart(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// afterQuote reports whether a cell starting with a quote and then c is a
// protected one: c starts a formula, or is a quote, or a line feed (a
// protected carriage return and line feed read back as a line feed, as
// encoding/csv reads a line break inside quotes).
func afterQuote(c byte) bool { return c == '\'' || c == '\n' || formulaStart(c) }

// mustProtect reports whether Protect prefixes s with a quote: it starts
// like a formula, or like a protected cell.
func mustProtect(s string) bool {
	return len(s) > 0 && (formulaStart(s[0]) || len(s) > 1 && s[0] == '\'' && afterQuote(s[1]))
}

// Protect returns text as it is written in a CSV cell: a text that starts
// with "=", "+", "-", "@", a tab or a carriage return, which a spreadsheet
// may run as a formula, gets a single quote in front (OWASP's advice), and
// so does a text that starts with a quote followed by one of those, by
// another quote or by a line feed, so that Unprotect can tell the two
// apart. Any other text is unchanged ("'Allo 'Allo!" included). Numbers,
// times and booleans are not text: a sizediff of -42 is written -42.
func Protect(text string) string {
	if mustProtect(text) {
		return "'" + text
	}
	return text
}

// Unprotect returns the text of a CSV cell as Protect wrote it: a cell
// that starts with a quote followed by "=", "+", "-", "@", a tab, a
// carriage return, a line feed or a quote loses its first quote; any other
// cell is unchanged. Unprotect(Protect(s)) == s for every s.
func Unprotect(cell string) string {
	if len(cell) > 1 && cell[0] == '\'' && afterQuote(cell[1]) {
		return cell[1:]
	}
	return cell
}

// unprotect is Unprotect on bytes, without copying.
func unprotect(cell []byte) []byte {
	if len(cell) > 1 && cell[0] == '\'' && afterQuote(cell[1]) {
		return cell[1:]
	}
	return cell
}

func (cw *writer) int(v int64) { cw.sep(); cw.buf = strconv.AppendInt(cw.buf, v, 10) }

func (cw *writer) float(v float64) {
	cw.sep()
	if !math.IsNaN(v) {
		cw.buf = strconv.AppendFloat(cw.buf, v, 'g', -1, 64)
	}
}

func (cw *writer) bool(v bool) { cw.sep(); cw.buf = strconv.AppendBool(cw.buf, v) }

func (cw *writer) empty() {
	if len(cw.buf) == 0 {
		cw.buf = append(cw.buf, '"', '"')
		return
	}
	cw.buf = append(cw.buf, ',')
}

func (cw *writer) time(t time.Time) {
	if t.IsZero() {
		cw.empty()
		return
	}
	cw.sep()
	cw.buf = appendTime(cw.buf, t)
}

// needsQuotes reports whether a non-empty cell must be quoted: it holds a
// comma, quote or line break, or starts or ends with a space.
func needsQuotes(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ',', '"', '\r', '\n':
			return true
		}
	}
	return s[0] == ' ' || s[len(s)-1] == ' '
}

// appendTime appends t in UTC as 2006-01-02T15:04:05Z, as
// time.AppendFormat would with RFC 3339 to the second, without parsing the
// layout each time. Fractions of a second (Wikimedia gives none) are
// dropped: the readers drop them too, and count it (see timeNote).
func appendTime(b []byte, t time.Time) []byte {
	t = t.UTC()
	y, mo, d := t.Date()
	if y < 0 || y > 9999 {
		return t.AppendFormat(b, "2006-01-02T15:04:05Z07:00")
	}
	h, mi, se := t.Clock()
	two := func(b []byte, v int) []byte { return append(b, byte('0'+v/10), byte('0'+v%10)) }
	b = two(two(b, y/100), y%100)
	b = two(append(b, '-'), int(mo))
	b = two(append(b, '-'), d)
	b = two(append(b, 'T'), h)
	b = two(append(b, ':'), mi)
	b = two(append(b, ':'), se)
	return append(b, 'Z')
}

func (cw *writer) end() error {
	cw.buf = append(cw.buf, '\n')
	_, err := cw.w.Write(cw.buf)
	cw.buf = cw.buf[:0]
	return err
}

// WriteContributions writes contributions.csv.
func WriteContributions(w io.Writer, cs []metrics.Contribution) error {
	cw := newWriter(w, ContributionsHeader)
	for i := range cs {
		if err := cw.contribution(&cs[i]); err != nil {
			return err
		}
	}
	return cw.w.Flush()
}

// WriteContributionsTable writes contributions.csv from a table.
func WriteContributionsTable(w io.Writer, t *metrics.Table) error {
	cw := newWriter(w, ContributionsHeader)
	for i := range t.Len() {
		size, known := t.SizeDiff(i)
		c := metrics.Contribution{Wiki: t.Wiki(i), Username: t.Username(i), RevID: t.RevID(i), PageID: t.PageID(i), NS: t.NS(i),
			Title: t.Title(i), Timestamp: t.Timestamp(i), SizeDiff: size, NoSizeDiff: !known, New: t.New(i)}
		if err := cw.contribution(&c); err != nil {
			return err
		}
	}
	return cw.w.Flush()
}

// contribution writes one row of contributions.csv.
func (cw *writer) contribution(c *metrics.Contribution) error {
	cw.str(c.Wiki)
	cw.str(c.Username)
	cw.int(c.RevID)
	cw.int(c.PageID)
	cw.int(int64(c.NS))
	cw.str(c.Title)
	cw.time(c.Timestamp)
	if c.NoSizeDiff {
		cw.empty()
	} else {
		cw.int(int64(c.SizeDiff))
	}
	cw.bool(c.New)
	return cw.end()
}

// WriteAccounts writes accounts.csv.
func WriteAccounts(w io.Writer, as []metrics.Account) error {
	cw := newWriter(w, AccountsHeader)
	for _, a := range as {
		cw.str(a.Username)
		cw.time(a.Registration)
		cw.bool(a.Bot)
		if err := cw.end(); err != nil {
			return err
		}
	}
	return cw.w.Flush()
}

// WriteMetrics writes metrics.csv. Empty values, and the numerator,
// denominator and interval of counts, are empty cells.
func WriteMetrics(w io.Writer, rows []metrics.Row) error {
	cw := newWriter(w, MetricsHeader)
	if err := writeMetricRows(cw, "", rows); err != nil {
		return err
	}
	return cw.w.Flush()
}

// EventsFile holds every event's own metrics in a campaign.
const EventsFile = "events.csv"

// WriteEvents writes events.csv: metrics.csv's columns after a leading
// course column, every row of each event's own analysis.
func WriteEvents(w io.Writer, events []metrics.EventResult) error {
	cw := newWriter(w, append([]string{"course"}, MetricsHeader...))
	for _, e := range events {
		if err := writeMetricRows(cw, e.Course, e.Result.Rows); err != nil {
			return err
		}
	}
	return cw.w.Flush()
}

// writeMetricRows writes rows in metrics.csv's columns, after a course
// column when course is not "".
func writeMetricRows(cw *writer, course string, rows []metrics.Row) error {
	for _, r := range rows {
		if course != "" {
			cw.str(course)
		}
		cw.str(r.Metric)
		cw.str(string(r.Segment))
		if r.Empty {
			cw.empty()
		} else {
			cw.float(r.Value)
		}
		if r.IsShare {
			cw.int(int64(r.Numerator))
			cw.int(int64(r.Denominator))
		} else {
			cw.empty()
			cw.empty()
		}
		if r.IsShare && !r.Empty {
			cw.float(r.CILow)
			cw.float(r.CIHigh)
		} else {
			cw.empty()
			cw.empty()
		}
		cw.str(r.Note)
		if err := cw.end(); err != nil {
			return err
		}
	}
	return nil
}

// WriteParticipants writes participants.csv.
func WriteParticipants(w io.Writer, ps []metrics.ParticipantSummary) error {
	cw := newWriter(w, ParticipantsHeader)
	for _, p := range ps {
		cw.str(p.Username)
		cw.str(string(p.Segment))
		cw.str(string(p.Excluded))
		cw.time(p.Registration)
		cw.bool(p.LongTerm)
		cw.int(int64(p.EditsBefore))
		cw.int(int64(p.EditsDuring))
		cw.int(int64(p.EditsAfter))
		cw.time(p.FirstEditAfter)
		cw.time(p.LastEdit)
		if p.HasReturned {
			cw.int(int64(p.DaysToReturn))
		} else {
			cw.empty()
		}
		cw.str(p.Detail)
		if err := cw.end(); err != nil {
			return err
		}
	}
	return cw.w.Flush()
}

// WriteMonthly writes monthly.csv.
func WriteMonthly(w io.Writer, ms []metrics.MonthRow) error {
	cw := newWriter(w, MonthlyHeader)
	for _, m := range ms {
		cw.str(m.Month.Format("2006-01"))
		cw.str(string(m.Segment))
		cw.int(int64(m.EditingParticipants))
		cw.int(int64(m.ActiveEditors))
		cw.int(int64(m.RetainedEditors))
		cw.int(int64(m.Edits))
		cw.bool(m.Partial)
		if err := cw.end(); err != nil {
			return err
		}
	}
	return cw.w.Flush()
}
