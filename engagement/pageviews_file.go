package engagement

import (
	"io"
	"path/filepath"

	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/report"
)

// writePageViews writes v into dir's dataset.PageViewsFile, titles as pseudo
// names them (nil: as they are). Nothing is written for nil v.
func writePageViews(dir string, v *FetchedViews, pseudo *report.Pseudonymizer) ([]string, error) {
	if v == nil {
		return nil, nil
	}
	out := dataset.PageViews{Start: v.Start, End: v.End}
	add := func(k PageKey, views int, failed bool, why string) {
		title, ns := k.Title, v.NS[k]
		if pseudo != nil {
			title = pseudo.TitleIn(ns, title)
		}
		if failed && (pseudo != nil || why == "") {
			why = "could not be fetched" // the API's error may quote the title
		}
		out.Pages = append(out.Pages, dataset.PageViewsLine{Wiki: k.Wiki, NS: ns, Title: title, Views: views, NotFetched: why})
	}
	for k, n := range v.Views {
		add(k, n, false, "")
	}
	for k, why := range v.Failed {
		if _, ok := v.Views[k]; !ok {
			add(k, 0, true, why)
		}
	}
	p := filepath.Join(dir, dataset.PageViewsFile)
	if err := dataset.WriteFile(p, func(w io.Writer) error { return dataset.WritePageViews(w, out) }); err != nil {
		return nil, err
	}
	return []string{p}, nil
}
