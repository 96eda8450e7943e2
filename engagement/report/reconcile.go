package report

import (
	"sort"
	"strings"

	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
)

// DashboardTotals are the Dashboard's own figures for the course, as
// course.json gives them. Edits and ArticlesCreated are the Dashboard's
// humanised strings ("1.59K"), shown as they are.
type DashboardTotals struct {
	Editors         int    // student_count
	Edits           string // edit_count
	ArticlesCreated string // created_count
	Uploads         int    // upload_count
	// PerWiki holds the Dashboard's per-wiki figures when known (the course
	// overview CSV); empty otherwise.
	PerWiki []DashboardWiki
}

// DashboardWiki is one wiki's figures on the Dashboard.
type DashboardWiki struct {
	Wiki                   string
	Edits, ArticlesCreated int
}

// WikiTotals are one wiki's edits and created pages during the event, as this
// report counts them.
type WikiTotals struct {
	Wiki         string
	Edits        int
	PagesCreated int
	CreatedKind  string // "articles", "files", "items" or "pages"
	// Created is PagesCreated in words, in the report's language: "12
	// articles".
	Created       string
	DashboardEdit string // the Dashboard's figure, "" when unknown
	DashboardNew  string
}

// PerWiki sums r.ByWikiNamespace over the event window per wiki, scope wikis
// in event order. Pages created on Commons are files, on Wikidata items,
// elsewhere content pages.
func PerWiki(r *metrics.Result) []WikiTotals {
	idx := map[string]int{}
	var out []WikiTotals
	add := func(w string) int {
		if i, ok := idx[w]; ok {
			return i
		}
		idx[w] = len(out)
		out = append(out, WikiTotals{Wiki: w, CreatedKind: createdKind(w)})
		return len(out) - 1
	}
	for _, w := range r.Event.Wikis {
		add(w)
	}
	for _, c := range r.ByWikiNamespace {
		if c.Period != metrics.During {
			continue
		}
		i := add(c.Wiki)
		out[i].Edits += c.Edits
		if isContent(r.Params, c.Wiki, c.NS) || c.Wiki == commons && c.NS == 6 {
			out[i].PagesCreated += c.PagesCreated
		}
	}
	return out
}

const commons = "commons.wikimedia.org"

func createdKind(wiki string) string {
	switch {
	case wiki == commons:
		return "files"
	case strings.HasSuffix(wiki, "wikidata.org"):
		return "items"
	case strings.HasSuffix(wiki, "wikipedia.org"):
		return "articles"
	}
	return "pages"
}

func isContent(p metrics.Params, wiki string, ns int) bool {
	list, ok := p.ContentNamespaces[wiki]
	if !ok {
		return ns == 0
	}
	for _, n := range list {
		if n == ns {
			return true
		}
	}
	return false
}

// reconciliation is the first screen's comparison with the Dashboard.
type reconciliation struct {
	Rows    []reconRow
	PerWiki []WikiTotals
	Why     []string
}

type reconRow struct{ What, Dashboard, Here, Note string }

// createdKeys are the message keys of the kinds of pages created.
var createdKeys = map[string]string{"articles": "engagement-created-articles", "pages": "engagement-created-pages", "files": "engagement-created-files", "items": "engagement-created-items"}

func reconcile(l *i18n.Localizer, r *metrics.Result, d *DashboardTotals) reconciliation {
	wikis := PerWiki(r)
	var rc reconciliation
	included, edits := 0, 0
	created := map[string]int{}
	for _, p := range r.Participants {
		if p.Excluded == metrics.NotExcluded {
			included++
		}
	}
	for i, w := range wikis {
		edits += w.Edits
		created[w.CreatedKind] += w.PagesCreated
		wikis[i].Created = l.Count(createdKeys[w.CreatedKind], w.PagesCreated)
	}
	var parts []string
	for _, k := range []string{"articles", "pages", "files", "items"} {
		if created[k] > 0 {
			parts = append(parts, l.Count(createdKeys[k], created[k]))
		}
	}
	total := created["articles"] + created["pages"] + created["files"] + created["items"]
	dash := func(f func() string) string {
		if d == nil {
			return l.T("engagement-empty-value")
		}
		return f()
	}
	rc.Rows = []reconRow{
		{l.T("engagement-recon-editors"), dash(func() string { return l.Int(d.Editors) }), l.Int(included), l.T("engagement-recon-editors-note")},
		{l.T("engagement-recon-edits"), dash(func() string { return d.Edits }), l.Int(edits), l.T("engagement-recon-edits-note")},
		{l.T("engagement-recon-created"), dash(func() string { return d.ArticlesCreated }), l.Int(total), strings.Join(parts, ", ")},
		{l.T("engagement-recon-uploads"), dash(func() string { return l.Int(d.Uploads) }), l.Int(created["files"]), l.T("engagement-recon-uploads-note")},
	}
	if d != nil {
		for i, w := range wikis {
			for _, dw := range d.PerWiki {
				if dw.Wiki == w.Wiki {
					wikis[i].DashboardEdit, wikis[i].DashboardNew = l.Int(dw.Edits), l.Int(dw.ArticlesCreated)
				}
			}
		}
	}
	rc.PerWiki = wikis
	rc.Why = whyDiffer(l, r, created)
	return rc
}

// whyDiffer explains, with this event's counts, why the report's totals
// differ from the Dashboard's.
func whyDiffer(l *i18n.Localizer, r *metrics.Result, created map[string]int) []string {
	n := map[metrics.Exclusion]int{}
	editsOut := map[metrics.Exclusion]int{}
	for _, p := range r.Participants {
		if p.Excluded != metrics.NotExcluded {
			n[p.Excluded]++
			editsOut[p.Excluded] += p.EditsDuring
		}
	}
	var why []string
	reasons := make([]metrics.Exclusion, 0, len(n))
	for k := range n {
		reasons = append(reasons, k)
	}
	sort.Slice(reasons, func(i, j int) bool { return reasons[i] < reasons[j] })
	for _, k := range reasons {
		if e := editsOut[k]; e > 0 {
			why = append(why, l.Count("engagement-why-excluded-edits", n[k], exclusionText(l, k), e, l.Int(e)))
		} else {
			why = append(why, l.Count("engagement-why-excluded", n[k], exclusionText(l, k)))
		}
	}
	if f, it := created["files"], created["items"]; f+it > 0 {
		why = append(why, l.T("engagement-why-files-items", f, l.Int(f), it, l.Int(it)))
	}
	return append(why, l.T("engagement-why-wikis"), l.T("engagement-why-window"), l.T("engagement-why-deleted"))
}
