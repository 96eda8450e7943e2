package report

import (
	"fmt"
	"sort"
	"strings"

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
	Wiki          string
	Edits         int
	PagesCreated  int
	CreatedKind   string // "articles", "files", "items" or "pages"
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

func reconcile(r *metrics.Result, d *DashboardTotals) reconciliation {
	wikis := PerWiki(r)
	var rc reconciliation
	included, edits := 0, 0
	created := map[string]int{}
	for _, p := range r.Participants {
		if p.Excluded == metrics.NotExcluded {
			included++
		}
	}
	for _, w := range wikis {
		edits += w.Edits
		created[w.CreatedKind] += w.PagesCreated
	}
	var parts []string
	for _, k := range []string{"articles", "pages", "files", "items"} {
		if created[k] > 0 {
			parts = append(parts, thousands(created[k])+" "+k)
		}
	}
	total := created["articles"] + created["pages"] + created["files"] + created["items"]
	dash := func(f func() string) string {
		if d == nil {
			return "—"
		}
		return f()
	}
	rc.Rows = []reconRow{
		{"Editors", dash(func() string { return thousands(d.Editors) }), thousands(included), "participants counted here"},
		{"Edits", dash(func() string { return d.Edits }), thousands(edits), "every namespace, every course wiki"},
		{"Articles / pages created", dash(func() string { return d.ArticlesCreated }), thousands(total), strings.Join(parts, ", ")},
		{"Uploads", dash(func() string { return thousands(d.Uploads) }), thousands(created["files"]), "files created on Commons"},
	}
	if d != nil {
		for i, w := range wikis {
			for _, dw := range d.PerWiki {
				if dw.Wiki == w.Wiki {
					wikis[i].DashboardEdit, wikis[i].DashboardNew = thousands(dw.Edits), thousands(dw.ArticlesCreated)
				}
			}
		}
	}
	rc.PerWiki = wikis
	rc.Why = whyDiffer(r, created)
	return rc
}

// whyDiffer explains, with this event's counts, why the report's totals
// differ from the Dashboard's.
func whyDiffer(r *metrics.Result, created map[string]int) []string {
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
		s := fmt.Sprintf("%s left out here as %q", plural(n[k], "participant"), string(k))
		if editsOut[k] > 0 {
			s += fmt.Sprintf(", with %s during the event", plural(editsOut[k], "edit"))
		}
		why = append(why, s+"; the Dashboard counts everyone enrolled as a student.")
	}
	if created["files"]+created["items"] > 0 {
		why = append(why, fmt.Sprintf("Pages created here include %s on Commons and %s on Wikidata; the Dashboard counts articles only and lists uploads apart.",
			plural(created["files"], "file"), plural(created["items"], "item")))
	}
	why = append(why,
		"Wikis: this report counts every course wiki and every namespace; the Dashboard counts the namespaces it tracks.",
		"Time window: this report counts from the start to the end instant given; the Dashboard updates on its own schedule, so recent edits may be missing there or here.",
		"Deleted edits and pages are not counted here; the Dashboard may still count them until its next update.")
	return why
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return thousands(n) + " " + word + "s"
}
