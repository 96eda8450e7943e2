package engagement

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

	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/report"
)

// PageViewsFile holds the page views fetched with the contributions, so
// that a re-analysis of the folder (-from) shows them: one line per page
// created during the event that the page views service counts, with the
// columns of pageViewsHeader():
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

// pageViewsHeader is the header of a PageViewsFile.
func pageViewsHeader() []string {
	return []string{"wiki", "ns", "title", "first_day", "last_day", "views", "not_fetched"}
}

// maxPageViewsBytes is the largest PageViewsFile read: MaxPageViewPages
// lines of at most a few hundred bytes, with room to spare.
const maxPageViewsBytes = 16 << 20

// writePageViews writes v into dir's PageViewsFile, titles as pseudo
// names them (nil: as they are). Nothing is written for nil v.
func writePageViews(dir string, v *FetchedViews, pseudo *report.Pseudonymizer) ([]string, error) {
	if v == nil {
		return nil, nil
	}
	keys := make([]PageKey, 0, len(v.Views)+len(v.Failed))
	for k := range v.Views {
		keys = append(keys, k)
	}
	for k := range v.Failed {
		if _, ok := v.Views[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b PageKey) int { return cmp.Or(cmp.Compare(a.Wiki, b.Wiki), cmp.Compare(a.Title, b.Title)) })
	recs := [][]string{pageViewsHeader()}
	first, last := v.Start.Format(time.DateOnly), v.End.Format(time.DateOnly)
	for _, k := range keys {
		title, ns := k.Title, v.NS[k]
		if pseudo != nil {
			title = pseudo.TitleIn(ns, title)
		}
		views, why := "", v.Failed[k]
		if n, ok := v.Views[k]; ok {
			views, why = strconv.Itoa(n), ""
		} else if pseudo != nil {
			why = "could not be fetched" // the API's error may quote the title
		}
		recs = append(recs, []string{dataset.Protect(k.Wiki), strconv.Itoa(ns), dataset.Protect(title), first, last, views, dataset.Protect(why)})
	}
	p := filepath.Join(dir, PageViewsFile)
	if err := writeCSV(p, recs); err != nil {
		return nil, err
	}
	return []string{p}, nil
}

// readPageViews reads dir's PageViewsFile: nil, nil when there is none.
// An error names the file, the line and the column.
func readPageViews(dir string) (*FetchedViews, error) {
	path := filepath.Join(dir, PageViewsFile)
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if st.Size() > maxPageViewsBytes {
		return nil, fmt.Errorf("reading %s: %d bytes, more than the %d bytes a page views file can hold", path, st.Size(), maxPageViewsBytes)
	}
	return parsePageViews(f, path)
}

// parsePageViews parses a PageViewsFile read from r, named path in errors.
func parsePageViews(r io.Reader, path string) (*FetchedViews, error) {
	want := pageViewsHeader()
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // counted here, to name the line
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: line 1: %w", path, err)
	}
	if !slices.Equal(head, want) {
		return nil, fmt.Errorf("%s: line 1: header %q, want %q", path, head, want)
	}
	v := &FetchedViews{Views: map[PageKey]int{}, Failed: map[PageKey]string{}, NS: map[PageKey]int{}}
	for first := true; ; first = false {
		rec, err := cr.Read()
		if err == io.EOF {
			return v, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		line, _ := cr.FieldPos(0) // the line the record starts on, a title with a line break or not
		if len(rec) != len(want) {
			return nil, fmt.Errorf("%s: line %d: %d columns, want %d (%q)", path, line, len(rec), len(want), want)
		}
		if err := v.add(rec, first); err != nil {
			return nil, fmt.Errorf("%s: line %d: %w", path, line, err)
		}
	}
}

// add adds one line of a PageViewsFile; first sets the days counted,
// which every later line must repeat.
func (v *FetchedViews) add(rec []string, first bool) error {
	k := PageKey{dataset.Unprotect(rec[0]), dataset.Unprotect(rec[2])}
	ns, err := strconv.Atoi(rec[1])
	if err != nil {
		return fmt.Errorf("column 2 (ns) %q: not a number", rec[1])
	}
	var days [2]time.Time
	for i, s := range rec[3:5] {
		if days[i], err = time.Parse(time.DateOnly, s); err != nil {
			return fmt.Errorf("column %d (%s) %q: want YYYY-MM-DD", 4+i, pageViewsHeader()[3+i], s)
		}
	}
	if first {
		v.Start, v.End = days[0], days[1]
	} else if !days[0].Equal(v.Start) || !days[1].Equal(v.End) {
		return fmt.Errorf("columns 4 and 5: days %s to %s, where the first line has %s to %s", rec[3], rec[4], v.Start.Format(time.DateOnly), v.End.Format(time.DateOnly))
	}
	if _, dup := v.NS[k]; dup {
		return fmt.Errorf("%s on %s appears twice", k.Title, k.Wiki)
	}
	v.NS[k] = ns
	switch why := dataset.Unprotect(rec[6]); {
	case rec[5] == "" && why == "":
		return errors.New("column 6 (views) is empty and column 7 (not_fetched) does not say why")
	case rec[5] == "":
		v.Failed[k] = why
	default:
		n, err := strconv.Atoi(rec[5])
		if err != nil || n < 0 {
			return fmt.Errorf("column 6 (views) %q: not a count", rec[5])
		}
		v.Views[k] = n
	}
	return nil
}
