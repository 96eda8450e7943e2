package engagement_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/study"
)

// A re-analysis of a run folder shows the page views the run fetched, read
// back from pageviews.csv: the same summary and the same rows, and the
// report.html written from the folder has them.
func TestPageViewsSurviveAReanalysis(t *testing.T) {
	s, a, dir := sampleFolder(t)
	if a.Views == nil || len(a.Views.Pages) == 0 {
		t.Fatal("the sample run has no page views")
	}
	re, err := engagement.Open(context.Background(), engagement.Sample, engagement.WithDataFrom(dir), engagement.WithAsOf(s.AsOf()))
	if err != nil {
		t.Fatal(err)
	}
	b, err := re.Analysis()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := b.ViewsSummary(), a.ViewsSummary(); got != want {
		t.Errorf("re-analysis: %q\nthe run: %q", got, want)
	}
	if got, want := b.PageViewsFrame().Records(), a.PageViewsFrame().Records(); len(got) != len(want) || strings.Join(got[1], ",") != strings.Join(want[1], ",") {
		t.Errorf("re-analysis frame %d rows, first %v; the run %d rows, first %v", len(got), got[1], len(want), want[1])
	}
	out := t.TempDir()
	if _, err := b.Share(out, false); err != nil {
		t.Fatal(err)
	}
	html, _ := os.ReadFile(filepath.Join(out, "report.html"))
	if top := a.Views.Pages[0].Title; !strings.Contains(string(html), top) {
		t.Errorf("the re-analysis's report.html lacks the most viewed page %q", top)
	}
	again, _ := os.ReadFile(filepath.Join(out, dataset.PageViewsFile))
	first, _ := os.ReadFile(filepath.Join(dir, dataset.PageViewsFile))
	if len(first) == 0 || string(again) != string(first) {
		t.Errorf("pageviews.csv differs after a re-analysis (%d vs %d bytes)", len(first), len(again))
	}
}

// A damaged pageviews.csv is refused, naming the file, the line and the
// column; a missing one leaves the re-analysis without page views.
func TestPageViewsFileErrors(t *testing.T) {
	_, _, dir := sampleFolder(t)
	for _, c := range []struct{ body, want string }{
		{"wiki,ns,title,first_day,last_day,views,not_fetched\nen.wikipedia.org,0,A,2021-03-05,2024-12-31,-3,\n", "pageviews.csv: line 2: column 6 (views) \"-3\": not a count"},
		{"wiki,ns,title,first_day,last_day,views,not_fetched\nen.wikipedia.org,0,A,2021-03-05,2024-12-31,,\n", "line 2: column 6 (views) is empty and column 7 (not_fetched) does not say why"},
		{"wiki,ns,title,first_day,last_day,views,not_fetched\nen.wikipedia.org,0,A,2021-03-05,2024-12-31,1,\nen.wikipedia.org,0,B,2021-03-06,2024-12-31,1,\n", "line 3: columns 4 and 5: days 2021-03-06 to 2024-12-31, where the first line has 2021-03-05 to 2024-12-31"},
		{"wiki,title,views\n", "line 1: header"},
	} {
		d := copyFolder(t, dir)
		if err := os.WriteFile(filepath.Join(d, dataset.PageViewsFile), []byte(c.body), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := study.LoadData(d)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), filepath.Join(d, dataset.PageViewsFile)) {
			t.Errorf("want an error naming the file and %q; got %v", c.want, err)
		}
	}
	d := copyFolder(t, dir)
	if err := os.Remove(filepath.Join(d, dataset.PageViewsFile)); err != nil {
		t.Fatal(err)
	}
	if data, err := study.LoadData(d); err != nil || data.Views != nil {
		t.Errorf("without pageviews.csv: %v, views %v", err, data.Views)
	}
}
