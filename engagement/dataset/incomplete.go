package dataset

import (
	"cmp"
	"io"
	"slices"
)

// IncompleteFile lists the participants whose data could not be fetched,
// so that re-analysing a run keeps them out as "data incomplete" instead of
// counting them as inactive or as accounts not found.
const IncompleteFile = "incomplete.csv"

// IncompleteHeader is the header of incomplete.csv.
func IncompleteHeader() []string { return []string{"username", "wiki", "stage", "cause"} }

// Incomplete is one row of incomplete.csv: what could not be fetched for a
// participant on a wiki.
type Incomplete struct {
	Username string
	Wiki     string
	Stage    string // "account lookup", "contributions" or "global account"
	Cause    string // name-free, e.g. "HTTP 503 after 6 tries"
}

// WriteIncomplete writes incomplete.csv (a header alone when nothing failed).
func WriteIncomplete(w io.Writer, rows []Incomplete) error {
	rows = slices.Clone(rows)
	slices.SortFunc(rows, func(a, b Incomplete) int {
		return cmp.Or(cmp.Compare(a.Username, b.Username), cmp.Compare(a.Wiki, b.Wiki), cmp.Compare(a.Stage, b.Stage))
	})
	cw := newWriter(w, IncompleteHeader())
	for _, r := range rows {
		cw.str(r.Username)
		cw.str(r.Wiki)
		cw.str(r.Stage)
		cw.str(r.Cause)
		if err := cw.end(); err != nil {
			return err
		}
	}
	return cw.w.Flush()
}

// ReadIncomplete reads incomplete.csv.
func ReadIncomplete(r io.Reader, file string) ([]Incomplete, error) {
	rd, err := newReader(r, file, IncompleteHeader())
	if err != nil {
		return nil, err
	}
	var out []Incomplete
	var row []string
	for {
		row, _, err = rd.next(row)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, Incomplete{Username: Unprotect(row[0]), Wiki: Unprotect(row[1]), Stage: Unprotect(row[2]), Cause: Unprotect(row[3])})
	}
}
