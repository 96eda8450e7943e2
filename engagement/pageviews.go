package engagement

import (
	"context"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/go-gota/gota/dataframe"

	"example.com/engagement/engagement/frame"
	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/report"
	"example.com/engagement/engagement/study"
)

// FetchPageViews asks the pageviews REST API for the daily views of each
// created page from the event start to the day before until (the API's last
// full day), and sums them per page, most viewed first. Wikis the API does
// not serve are listed in NotServed; a page whose views could not be fetched
// is counted in Failed and the others go on. Only a cancelled context fails
// the call.
func FetchPageViews(ctx context.Context, c *mwapi.Client, pages []CreatedPage, start, until time.Time) (*report.PageViews, error) {
	v, err := study.FetchViews(ctx, c, pages, start, until)
	if err != nil {
		return viewsFor(v, pages), err
	}
	return viewsFor(v, pages), nil
}

// viewsFor returns the views of pages as the report shows them: the pages whose
// views were fetched, most viewed first, the wikis the API does not serve,
// and how many pages could not be fetched (a page never asked for counts as
// failed, not as zero views).
func viewsFor(v *FetchedViews, pages []CreatedPage) *report.PageViews {
	out := &report.PageViews{Start: v.Start, End: v.End}
	notServed := map[string]int{}
	for _, p := range pages {
		if !study.ServesPageViews(p.Wiki) {
			notServed[p.Wiki]++
			continue
		}
		n, ok := v.Views[PageKey{Wiki: p.Wiki, Title: p.Title}]
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

// PageViewsFrame is the views of the pages created during the event, one
// row per page the service counts (wiki, ns, title, views), most viewed
// first; no rows when page views were not fetched (a re-analysis).
func (a *Analysis) PageViewsFrame() dataframe.DataFrame {
	var pages []frame.PageView
	if a.Views != nil {
		for _, p := range a.Views.Pages {
			pages = append(pages, frame.PageView{Wiki: p.Wiki, NS: p.NS, Title: p.Title, Views: p.Views})
		}
	}
	return frame.PageViews(pages)
}

// ViewsSummary says in Markdown how often the pages created were viewed,
// which wikis the service does not count and how many pages' views could
// not be fetched (never counted as zero).
func (a *Analysis) ViewsSummary() string {
	l := reportLanguageOrEnglish(reportLanguage(a.settings.language))
	v := a.Views
	if v == nil {
		return l.T("engagement-nb-views-none")
	}
	total, start, end := report.Thousands(v.Total()), v.Start.Format(time.DateOnly), v.End.Format(time.DateOnly)
	if l.Lang() != "en" { // English keeps its ISO dates, as before
		total, start, end = l.Int(v.Total()), l.Date(v.Start), l.Date(v.End)
	}
	var b strings.Builder
	b.WriteString(l.T("engagement-nb-views", v.Total(), total, start, end, len(v.Pages), l.Int(len(v.Pages))))
	for _, n := range v.NotServed {
		b.WriteString(" " + l.T("engagement-nb-views-not-served", n.Wiki, n.Pages, l.Int(n.Pages)))
	}
	if v.Failed > 0 {
		b.WriteString(" " + l.Count("engagement-nb-views-failed", v.Failed))
	}
	return b.String()
}
