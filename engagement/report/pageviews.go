package report

import "time"

// PageViews are the views of the pages created during the event, per page,
// from the pageviews REST API.
type PageViews struct {
	Start, End time.Time // the days counted, inclusive
	Pages      []PageView
	// NotServed names the wikis the API does not serve (Wikidata, Commons)
	// with how many created pages on each are therefore not counted.
	NotServed []NotServed
	// Failed counts pages whose views could not be fetched.
	Failed int
}

// PageView is one created page's views over the period.
type PageView struct {
	Wiki, Title string
	NS          int
	Views       int
}

// NotServed is a wiki whose page views the API does not give.
type NotServed struct {
	Wiki  string
	Pages int
}

// Total sums the views of every page.
func (v *PageViews) Total() int {
	n := 0
	for _, p := range v.Pages {
		n += p.Views
	}
	return n
}
