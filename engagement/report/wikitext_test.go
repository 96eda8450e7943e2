package report_test

import (
	"bytes"
	"strings"
	"testing"

	"example.com/engagement/engagement/report"
)

func TestWikitext(t *testing.T) {
	_, r := sample(t)
	var b bytes.Buffer
	err := report.WriteWikitext(&b, report.Input{Title: "Women in Science", Result: r, Version: "test",
		Totals: &report.DashboardTotals{Editors: 56, Edits: "710", ArticlesCreated: "44", Uploads: 28}})
	if err != nil {
		t.Fatal(err)
	}
	wt := b.String()
	for _, want := range []string{
		"== Women in Science: results ==",
		"Over 3 days, 53 participants took part on 3 wikis and made 690 edits.",
		"|-\n| Edits || 710 || 690 || every namespace, every course wiki\n",
		"|-\n| Articles / pages created || 44 || 72 || 36 articles, 28 files, 8 items\n",
		"|-\n| commons.wikimedia.org || 52 || 28 files\n",
		`people took part<ref name="participants">Participants included in the numbers`,
		"=== Retention of new editors ===",
		"<references />",
	} {
		if !strings.Contains(wt, want) {
			t.Errorf("wikitext lacks %q", want)
		}
	}
	// Every table is closed, and a footnote is defined once and reused.
	if open, closed := strings.Count(wt, "{| class=\"wikitable\""), strings.Count(wt, "\n|}\n"); open != closed || open < 4 {
		t.Errorf("%d tables opened, %d closed", open, closed)
	}
	if n := strings.Count(wt, `<ref name="retention_30d">`); n != 1 {
		t.Errorf("retention_30d defined %d times", n)
	}
	if !strings.Contains(wt, `<ref name="retention_30d" />`) {
		t.Error("the second use of retention_30d does not reuse its footnote")
	}
	// No usernames.
	for _, p := range r.Participants {
		if strings.Contains(wt, p.Username) {
			t.Errorf("wikitext names %q", p.Username)
		}
	}
}
