package engagement

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/report"
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
	return createdPages(d, res.Event, included)
}

// createdPages lists the content pages (and Commons files) that the
// included users created during the event, by wiki and title.
func createdPages(d *Data, ev metrics.Event, included map[string]bool) []CreatedPage {
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

// FetchPageViews asks the pageviews REST API for the daily views of each
// created page from the event start to the day before until (the API's last
// full day), and sums them per page, most viewed first. Wikis the API does
// not serve are listed in NotServed; a page whose views could not be fetched
// is counted in Failed and the others go on. Only a cancelled context fails
// the call.
func FetchPageViews(ctx context.Context, c *mwapi.Client, pages []CreatedPage, start, until time.Time) (*report.PageViews, error) {
	v, err := fetchViews(ctx, c, pages, start, until)
	if err != nil {
		return v.For(pages), err
	}
	return v.For(pages), nil
}

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

// For returns the views of pages as the report shows them: the pages whose
// views were fetched, most viewed first, the wikis the API does not serve,
// and how many pages could not be fetched (a page never asked for counts as
// failed, not as zero views).
func (v *FetchedViews) For(pages []CreatedPage) *report.PageViews {
	out := &report.PageViews{Start: v.Start, End: v.End}
	notServed := map[string]int{}
	for _, p := range pages {
		if !ServesPageViews(p.Wiki) {
			notServed[p.Wiki]++
			continue
		}
		n, ok := v.Views[PageKey{p.Wiki, p.Title}]
		if !ok {
			out.Failed++
			continue
		}
		out.Pages = append(out.Pages, report.PageView{Wiki: p.Wiki, Title: p.Title, NS: p.NS, Views: n})
	}
	for w, n := range notServed {
		out.NotServed = append(out.NotServed, report.NotServed{Wiki: w, Pages: n})
	}
	sort.Slice(out.NotServed, func(i, j int) bool { return out.NotServed[i].Wiki < out.NotServed[j].Wiki })
	sort.SliceStable(out.Pages, func(i, j int) bool { return out.Pages[i].Views > out.Pages[j].Views })
	return out
}

// fetchViews asks for the daily views of each served page from start to
// the day before until, at most MaxPageViewPages of them; only a cancelled
// context fails the call.
func fetchViews(ctx context.Context, c *mwapi.Client, pages []CreatedPage, start, until time.Time) (*FetchedViews, error) {
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

// PageViews fetches the views of the pages created during the event, from
// the start to the analysis's as-of, with the configuration's client (its
// cache and endpoints), and keeps them in a.Views for the report. Wikidata
// and Commons are listed as not served.
func (a *Analysis) PageViews(ctx context.Context, cfg Config) (*report.PageViews, error) {
	c, err := cfg.Client(a.Event.IsSample)
	if err != nil {
		return nil, fmt.Errorf("page views: %w", err)
	}
	v, err := FetchPageViews(ctx, c, CreatedPages(a.Data, a.Result), a.Result.Event.Start, a.Result.Params.AsOf)
	if err == nil {
		a.Views = v
	}
	return v, err
}

// pseudonymViews returns v with the titles pseudonymised, or v itself
// without a pseudonymizer.
func pseudonymViews(v *report.PageViews, pseudo *report.Pseudonymizer) *report.PageViews {
	if v == nil || pseudo == nil {
		return v
	}
	c := *v
	c.Pages = slices.Clone(v.Pages)
	for i := range c.Pages {
		c.Pages[i].Title = pseudo.TitleIn(c.Pages[i].NS, c.Pages[i].Title)
	}
	return &c
}

// ColViews is the page views frame's count of views.
const ColViews = "views"

// PageViewsFrame is the views of the pages created during the event, one
// row per page the service counts (wiki, ns, title, views), most viewed
// first; no rows when page views were not fetched (a re-analysis).
func (a *Analysis) PageViewsFrame() dataframe.DataFrame {
	var pages []report.PageView
	if a.Views != nil {
		pages = a.Views.Pages
	}
	n := len(pages)
	wiki, title, ns, views := make([]string, n), make([]string, n), make([]int, n), make([]int, n)
	for i, p := range pages {
		wiki[i], ns[i], title[i], views[i] = p.Wiki, p.NS, p.Title, p.Views
	}
	return dataframe.New(series.New(wiki, series.String, ColWiki), series.New(ns, series.Int, ColNS),
		series.New(title, series.String, ColTitle), series.New(views, series.Int, ColViews))
}

// ViewsSummary says in Markdown how often the pages created were viewed,
// which wikis the service does not count and how many pages' views could
// not be fetched (never counted as zero).
func (a *Analysis) ViewsSummary() string {
	v := a.Views
	if v == nil {
		return "Page views are fetched with the contributions: a re-analysis of a folder (`From`) has none."
	}
	var b strings.Builder
	fmt.Fprintf(&b, "**%s views** from %s to %s of the %d pages created during the event that the page views service counts.",
		report.Thousands(v.Total()), v.Start.Format(time.DateOnly), v.End.Format(time.DateOnly), len(v.Pages))
	for _, n := range v.NotServed {
		fmt.Fprintf(&b, " %s: %d pages created there, whose views the service does not count.", n.Wiki, n.Pages)
	}
	if v.Failed > 0 {
		fmt.Fprintf(&b, " ⚠ %d pages: their views could not be fetched (left out, not counted as zero); run again to fetch them.", v.Failed)
	}
	return b.String()
}
