package report_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/report"
)

// The sample's Dashboard says 56 editors, 710 edits, 44 articles created and
// 28 uploads; this library counts 53 participants, 690 edits and 72 pages.
// The first screen must show both and say why: the facilitator's 20 edits,
// three people left out, 28 Commons files and 8 Wikidata items.
func TestFirstScreenReconciles(t *testing.T) {
	_, r := sample(t)
	wikis := report.PerWiki(r)
	want := []report.WikiTotals{
		{Wiki: "en.wikipedia.org", Edits: 537, PagesCreated: 36, CreatedKind: "articles"},
		{Wiki: "www.wikidata.org", Edits: 101, PagesCreated: 8, CreatedKind: "items"},
		{Wiki: "commons.wikimedia.org", Edits: 52, PagesCreated: 28, CreatedKind: "files"},
	}
	if len(wikis) != len(want) {
		t.Fatalf("per wiki = %+v", wikis)
	}
	for i := range want {
		if wikis[i] != want[i] {
			t.Errorf("wiki %d = %+v, want %+v", i, wikis[i], want[i])
		}
	}
	var b bytes.Buffer
	err := report.WriteHTML(&b, report.Input{Title: "Women in Science", Result: r,
		Totals: &report.DashboardTotals{Editors: 56, Edits: "710", ArticlesCreated: "44", Uploads: 28}})
	if err != nil {
		t.Fatal(err)
	}
	html := b.String()
	first := html[:strings.Index(html, `<section id="charts">`)]
	for _, want := range []string{
		"Over 3 days, 53 participants took part on 3 wikis and made 690 edits. 36 of them were new to editing.",
		`<div class="v">502 kB</div><div class="l">of content added</div><div class="d">502,063 bytes</div>`,
		`<td>Editors</td><td class="n">56</td><td class="n">53</td>`,
		`<td>Edits</td><td class="n">710</td><td class="n">690</td>`,
		`<td>Articles / pages created</td><td class="n">44</td><td class="n">72</td><td>36 articles, 28 files, 8 items</td>`,
		`<td>Uploads</td><td class="n">28</td><td class="n">28</td>`,
		"1 participant left out here as “facilitator”, with 20 edits during the event",
		"Pages created here include 28 files on Commons and 8 items on Wikidata",
		"Reading a percentage:",
		"Surviving new editors (WMF Research)",
		`<td class="n">2 people<br>`,
	} {
		if !strings.Contains(first, want) {
			t.Errorf("first screen lacks %q", want)
		}
	}
	if n := strings.Count(html, "95% confidence interval"); n != 1 {
		t.Errorf("the interval is explained %d times, want once", n)
	}
	// Card titles are unique.
	seen := map[string]bool{}
	for _, l := range regexpAll(html, `<div class="l">([^<]*)</div>`) {
		if seen[l] {
			t.Errorf("card title %q twice", l)
		}
		seen[l] = true
	}
	if len(seen) < 4 || len(seen) > 6 {
		t.Errorf("%d headline numbers, want 4 to 6", len(seen))
	}
}

func regexpAll(s, re string) []string {
	var out []string
	for _, m := range regexp.MustCompile(re).FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}

// The example of how to read a percentage is the event's own: the new
// editors' 7-day retention, else the first share observed, else none.
func TestReadingExampleIsTheEventsOwn(t *testing.T) {
	ev := metrics.Event{Start: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2024, 5, 1, 18, 0, 0, 0, time.UTC), Wikis: []string{"en.wikipedia.org"}}
	for _, tc := range []struct {
		rows []metrics.Row
		want string
	}{
		{[]metrics.Row{{Metric: "retention_30d", Segment: metrics.SegmentAll, IsShare: true, Value: 0.5, Numerator: 1, Denominator: 2, CILow: 0.1, CIHigh: 0.9},
			{Metric: "retention_7d", Segment: metrics.SegmentNew, IsShare: true, Value: 0.75, Numerator: 3, Denominator: 4, CILow: 0.3006, CIHigh: 0.9544}},
			"“3 of 4, 95% CI 30.1 %–95.4 %” means 3 of the 4 people counted did it"},
		{[]metrics.Row{{Metric: "retention_30d", Segment: metrics.SegmentAll, IsShare: true, Value: 0.5, Numerator: 1, Denominator: 2, CILow: 0.1, CIHigh: 0.9}},
			"“1 of 2, 95% CI 10.0 %–90.0 %” means 1 of the 2 people counted did it"},
		{[]metrics.Row{{Metric: "retention_7d", Segment: metrics.SegmentNew, IsShare: true, Empty: true}}, ""},
	} {
		var b bytes.Buffer
		r := &metrics.Result{Event: ev, Params: metrics.DefaultParams(ev.End.AddDate(0, 2, 0)), Rows: tc.rows}
		if err := report.WriteHTML(&b, report.Input{Title: "t", Result: r}); err != nil {
			t.Fatal(err)
		}
		has := strings.Contains(b.String(), "Reading a percentage")
		if tc.want == "" && has || tc.want != "" && !strings.Contains(b.String(), tc.want) {
			t.Errorf("want %q; reading shown: %v", tc.want, has)
		}
		if strings.Contains(b.String(), "9 of 36") {
			t.Error("the sample's numbers in another event's report")
		}
	}
}
