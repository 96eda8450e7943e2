package study

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/mwapi"
)

// CreatedPage is a content page a participant created during the event.
type CreatedPage struct {
	Wiki, Title string
	NS          int
	Created     time.Time
}

// CreatedPages lists the content pages (and Commons files) that included
// participants created during the event, by wiki and title.
func CreatedPages(d *Data, res *metrics.Result) []CreatedPage {
	included := map[string]bool{}
	for _, p := range res.Participants {
		if p.Excluded == metrics.NotExcluded {
			included[p.Username] = true
		}
	}
	return CreatedPagesBy(d, res.Event, included)
}

// createdPages lists the content pages (and Commons files) that the
// included users created during the event, by wiki and title.
func CreatedPagesBy(d *Data, ev metrics.Event, included map[string]bool) []CreatedPage {
	var out []CreatedPage
	t := d.Contributions
	start, end := ev.Start.Unix(), ev.End.Unix()
	for i := range t.Len() {
		if !t.New(i) || t.Unix(i) < start || t.Unix(i) > end || !included[t.Username(i)] {
			continue
		}
		c := t.At(i)
		if c.Timestamp.Before(ev.Start) || c.Timestamp.After(ev.End) {
			continue
		}
		if d.IsContent(c.Wiki, c.NS) || c.Wiki == "commons.wikimedia.org" && c.NS == 6 {
			out = append(out, CreatedPage{c.Wiki, c.Title, c.NS, c.Timestamp})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Wiki != out[j].Wiki {
			return out[i].Wiki < out[j].Wiki
		}
		return out[i].Title < out[j].Title
	})
	return out
}

// ServesPageViews reports whether the pageviews REST API counts a wiki's
// pages: it does not for Wikidata and Commons (their item and file views
// are not counted per page).
func ServesPageViews(wiki string) bool {
	return wiki != "commons.wikimedia.org" && !strings.HasSuffix(wiki, "wikidata.org")
}

// MaxPageViewPages bounds the pages FetchPageViews asks about (one request
// each); the others are counted in PageViews.Failed with a note.
const MaxPageViewPages = 1000

// PageKey names a page on a wiki.
type PageKey struct{ Wiki, Title string }

// FetchedViews are the page views fetched for the pages created during an
// event: the fetch step asks for every page a participant created, and each
// analysis shows those of the pages it counts (For).
type FetchedViews struct {
	Start, End time.Time       // the days counted, inclusive
	Views      map[PageKey]int // the views of each page whose views were fetched
	// Failed says why a page's views could not be fetched (more pages than
	// MaxPageViewPages, or the API's error); such a page is never shown with
	// zero views.
	Failed map[PageKey]string
	// NS is each page's namespace (of those in Views and Failed), which
	// pseudonymising its title needs.
	NS map[PageKey]int
}

// fetchViews asks for the daily views of each served page from start to
// the day before until, at most MaxPageViewPages of them; only a cancelled
// context fails the call.
func FetchViews(ctx context.Context, c *mwapi.Client, pages []CreatedPage, start, until time.Time) (*FetchedViews, error) {
	v := &FetchedViews{Start: start.UTC().Truncate(24 * time.Hour), End: until.UTC().Truncate(24*time.Hour).AddDate(0, 0, -1),
		Views: map[PageKey]int{}, Failed: map[PageKey]string{}, NS: map[PageKey]int{}}
	asked := 0
	for _, p := range pages {
		k := PageKey{p.Wiki, p.Title}
		if _, done := v.Views[k]; !ServesPageViews(p.Wiki) || done {
			continue
		}
		v.NS[k] = p.NS
		switch {
		case v.End.Before(v.Start):
			v.Failed[k] = "the as-of leaves no full day since the start"
			continue
		case asked == MaxPageViewPages:
			v.Failed[k] = fmt.Sprintf("more than %d pages: the others were not asked for", MaxPageViewPages)
			continue
		}
		asked++
		days, err := c.Pageviews(ctx, p.Wiki, p.Title, mwapi.Daily, v.Start, v.End)
		if err != nil {
			if ctx.Err() != nil {
				return v, fmt.Errorf("page views: %w", ctx.Err())
			}
			v.Failed[k] = err.Error()
			continue
		}
		n := 0
		for _, d := range days {
			n += d.Views
		}
		v.Views[k] = n
	}
	return v, nil
}

// readPageViews reads dir's PageViewsFile: nil, nil when there is none.
// An error names the file, the line and the column.
func ReadPageViews(dir string) (*FetchedViews, error) {
	f, ok, err := dataset.ReadPageViewsFile(dir)
	if !ok {
		return nil, err
	}
	v := &FetchedViews{Start: f.Start, End: f.End, Views: map[PageKey]int{}, Failed: map[PageKey]string{}, NS: map[PageKey]int{}}
	for _, l := range f.Pages {
		k := PageKey{l.Wiki, l.Title}
		v.NS[k] = l.NS
		if l.NotFetched != "" {
			v.Failed[k] = l.NotFetched
		} else {
			v.Views[k] = l.Views
		}
	}
	return v, nil
}
