package dataset

import (
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"
)

// PageViewsFile holds the page views fetched with the contributions, so
// that a re-analysis of the folder (-from) shows them: one line per page
// created during the event that the page views service counts, with the
// columns of PageViewsHeader:
//
//	wiki        the page's wiki, e.g. en.wikipedia.org
//	ns          its namespace number
//	title       its title (a pseudonym's title under -pseudonymize),
//	            protected from spreadsheet formulas like every CSV cell
//	first_day   the first day counted, YYYY-MM-DD (UTC), the same on every line
//	last_day    the last day counted, inclusive
//	views       the views from first_day to last_day; empty when not fetched
//	not_fetched why the views could not be fetched; empty when they were
//	            ("could not be fetched" only, under -pseudonymize)
//
// A page whose views were not fetched is never read as zero views. The
// folder's other files say nothing of page views: without this file, a
// re-analysis has none.
const PageViewsFile = "pageviews.csv"

// PageViewsHeader is the header of a PageViewsFile.
func PageViewsHeader() []string {
	return []string{"wiki", "ns", "title", "first_day", "last_day", "views", "not_fetched"}
}

// MaxPageViewsBytes is the largest PageViewsFile read: a few thousand
// lines of at most a few hundred bytes, with room to spare.
const MaxPageViewsBytes = 16 << 20

// PageViews is a PageViewsFile: the days counted and a line per page.
type PageViews struct {
	Start, End time.Time // the days counted, inclusive (UTC days)
	Pages      []PageViewsLine
}

// PageViewsLine is a page's line: its views, or why they were not
// fetched (NotFetched, never empty then).
type PageViewsLine struct {
	Wiki       string
	NS         int
	Title      string
	Views      int
	NotFetched string
}

// WritePageViews writes v as a PageViewsFile into w, the lines in order of
// wiki and title.
func WritePageViews(w io.Writer, v PageViews) error {
	lines := slices.Clone(v.Pages)
	slices.SortFunc(lines, func(a, b PageViewsLine) int {
		return cmp.Or(cmp.Compare(a.Wiki, b.Wiki), cmp.Compare(a.Title, b.Title))
	})
	recs := [][]string{PageViewsHeader()}
	first, last := v.Start.Format(time.DateOnly), v.End.Format(time.DateOnly)
	for _, l := range lines {
		views := ""
		if l.NotFetched == "" {
			views = strconv.Itoa(l.Views)
		}
		recs = append(recs, []string{Protect(l.Wiki), strconv.Itoa(l.NS), Protect(l.Title), first, last, views, Protect(l.NotFetched)})
	}
	return csv.NewWriter(w).WriteAll(recs)
}

// ReadPageViewsFile reads dir's PageViewsFile; ok is false when there is
// none. An error names the file, the line and the column.
func ReadPageViewsFile(dir string) (v PageViews, ok bool, err error) {
	path := filepath.Join(dir, PageViewsFile)
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return PageViews{}, false, nil
	}
	if err != nil {
		return PageViews{}, false, fmt.Errorf("reading %s: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return PageViews{}, false, fmt.Errorf("reading %s: %w", path, err)
	}
	if st.Size() > MaxPageViewsBytes {
		return PageViews{}, false, fmt.Errorf("reading %s: %d bytes, more than the %d bytes a page views file can hold", path, st.Size(), MaxPageViewsBytes)
	}
	v, err = ReadPageViews(f, path)
	return v, err == nil, err
}

// ReadPageViews parses a PageViewsFile read from r, named path in errors:
// the header, seven columns a line, the same days on every line, a page
// once, views a count or, when empty, the reason.
func ReadPageViews(r io.Reader, path string) (PageViews, error) {
	want := PageViewsHeader()
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // counted here, to name the line
	head, err := cr.Read()
	if err != nil {
		return PageViews{}, fmt.Errorf("%s: line 1: %w", path, err)
	}
	if !slices.Equal(head, want) {
		return PageViews{}, fmt.Errorf("%s: line 1: header %q, want %q", path, head, want)
	}
	var v PageViews
	seen := map[[2]string]bool{}
	for first := true; ; first = false {
		rec, err := cr.Read()
		if err == io.EOF {
			return v, nil
		}
		if err != nil {
			return PageViews{}, fmt.Errorf("%s: %w", path, err)
		}
		line, _ := cr.FieldPos(0) // the line the record starts on, a title with a line break or not
		if len(rec) != len(want) {
			return PageViews{}, fmt.Errorf("%s: line %d: %d columns, want %d (%q)", path, line, len(rec), len(want), want)
		}
		if err := v.add(rec, first, seen); err != nil {
			return PageViews{}, fmt.Errorf("%s: line %d: %w", path, line, err)
		}
	}
}

// add adds one line of a PageViewsFile; first sets the days counted,
// which every later line must repeat.
func (v *PageViews) add(rec []string, first bool, seen map[[2]string]bool) error {
	l := PageViewsLine{Wiki: Unprotect(rec[0]), Title: Unprotect(rec[2])}
	var err error
	if l.NS, err = strconv.Atoi(rec[1]); err != nil {
		return fmt.Errorf("column 2 (ns) %q: not a number", rec[1])
	}
	var days [2]time.Time
	for i, s := range rec[3:5] {
		if days[i], err = time.Parse(time.DateOnly, s); err != nil {
			return fmt.Errorf("column %d (%s) %q: want YYYY-MM-DD", 4+i, PageViewsHeader()[3+i], s)
		}
	}
	if first {
		v.Start, v.End = days[0], days[1]
	} else if !days[0].Equal(v.Start) || !days[1].Equal(v.End) {
		return fmt.Errorf("columns 4 and 5: days %s to %s, where the first line has %s to %s", rec[3], rec[4], v.Start.Format(time.DateOnly), v.End.Format(time.DateOnly))
	}
	key := [2]string{l.Wiki, l.Title}
	if seen[key] {
		return fmt.Errorf("%s on %s appears twice", l.Title, l.Wiki)
	}
	seen[key] = true
	switch l.NotFetched = Unprotect(rec[6]); {
	case rec[5] == "" && l.NotFetched == "":
		return errors.New("column 6 (views) is empty and column 7 (not_fetched) does not say why")
	case rec[5] == "":
	default:
		n, err := strconv.Atoi(rec[5])
		if err != nil || n < 0 {
			return fmt.Errorf("column 6 (views) %q: not a count", rec[5])
		}
		l.Views, l.NotFetched = n, ""
	}
	v.Pages = append(v.Pages, l)
	return nil
}
