package report_test

import (
	"bytes"
	"strings"
	"testing"

	"example.com/engagement/engagement/metrics"
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
	const right = `style="text-align:right" | `
	for _, want := range []string{
		"== Women in Science: results ==",
		"Over 3 days, 53 participants took part on 3 wikis and made 690 edits.",
		"|-\n| Edits || " + right + "710 || " + right + "690 || every namespace, every course wiki\n",
		"|-\n| Articles / pages created || " + right + "44 || " + right + "72 || 36 articles, 28 files, 8 items\n",
		"|-\n| commons.wikimedia.org || " + right + "52 || " + right + "28 files\n",
		"{| class=\"wikitable sortable\"\n! " + right + "Number !! What !! Detail\n|-\n| " + right + "53 || people took part<ref",
		"|-\n| " + right + "502 kB || of content added<ref",
		"| [[:en:Pauline Oyelaran (botany)|Pauline Oyelaran (botany)]] || en.wikipedia.org || " + right + "7 || " + right + "6 || " + right + "444\n",
		"| [[:d:Q6502283|Q6502283]] || www.wikidata.org || " + right + "7 ||",
		"None of these pages was created during the event.",
		"| Retained new editors (Dashboard) || " + right + "2 people || — || A count",
		`people took part<ref name="participants">Participants included in the numbers`,
		"=== Retention of new editors ===",
		"<references />",
	} {
		if !strings.Contains(wt, want) {
			t.Errorf("wikitext lacks %q", want)
		}
	}
	// Every table is closed, and a footnote is defined once and reused.
	if open, closed := strings.Count(wt, "{| class=\"wikitable sortable\""), strings.Count(wt, "\n|}\n"); open != closed || open < 4 {
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

// No header row, and no column, is blank: no "!  !!", no "||  ||", no
// cell ending a row empty.
func TestWikitextNoEmptyCells(t *testing.T) {
	_, r := sample(t)
	var b bytes.Buffer
	if err := report.WriteWikitext(&b, report.Input{Title: "T", Result: r, Version: "test", Totals: &report.DashboardTotals{Editors: 56}}); err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(b.String(), "\n") {
		if !strings.HasPrefix(line, "| ") && !strings.HasPrefix(line, "! ") {
			continue
		}
		sep := " || "
		if line[0] == '!' {
			sep = " !! "
		}
		for j, c := range strings.Split(line[2:], sep) {
			if _, text, ok := strings.Cut(c, `style="text-align:right" | `); ok {
				c = text
			}
			if strings.TrimSpace(c) == "" {
				t.Errorf("line %d, cell %d is empty: %q", i+1, j+1, line)
			}
		}
	}
}

// The created column: yes or no when one of the pages was created, left
// out when none was.
func TestWikitextCreatedColumn(t *testing.T) {
	_, r := sample(t)
	rr := *r
	rr.TopPages = []metrics.PageCount{
		{Wiki: "en.wikipedia.org", Title: "Old page", Edits: 3, Editors: 2, BytesAdded: 1200},
		{Wiki: "commons.wikimedia.org", NS: 6, Title: "File:Lab 1921.jpg", Created: true, Edits: 1, Editors: 1, BytesAdded: 300},
		{Wiki: "en.wikipedia.org", NS: 2, Title: "User:Someone", Edits: 9, Editors: 1, BytesAdded: 50},
	}
	var b bytes.Buffer
	if err := report.WriteWikitext(&b, report.Input{Title: "T", Result: &rr, Version: "test"}); err != nil {
		t.Fatal(err)
	}
	const right = `style="text-align:right" | `
	wt := b.String()
	for _, want := range []string{
		"! Page !! Wiki !! Created during the event !! " + right + "Edits !! ",
		"| [[:en:Old page|Old page]] || en.wikipedia.org || no || " + right + "3 || " + right + "2 || " + right + "1,200\n",
		"| [[:c:File:Lab 1921.jpg|File:Lab 1921.jpg]] || commons.wikimedia.org || yes || " + right + "1 ||",
	} {
		if !strings.Contains(wt, want) {
			t.Errorf("wikitext lacks %q", want)
		}
	}
	if strings.Contains(wt, "Someone") || strings.Contains(wt, "None of these pages was created") {
		t.Errorf("wikitext names a user page, or says no page was created:\n%s", wt)
	}
}

func TestInterwiki(t *testing.T) {
	for _, c := range []struct {
		domain, prefix string
		ok             bool
	}{
		{"en.wikipedia.org", "en", true},
		{"zh-yue.wikipedia.org", "zh-yue", true},
		{"www.wikidata.org", "d", true},
		{"commons.wikimedia.org", "c", true},
		{"fr.wiktionary.org", "wikt:fr", true},
		{"de.wikisource.org", "s:de", true},
		{"es.wikivoyage.org", "voy:es", true},
		{"meta.wikimedia.org", "m", true},
		{"species.wikimedia.org", "species", true},
		{"outreachdashboard.wmflabs.org", "", false},
		{"en.example.org", "", false},
		{"127.0.0.1", "", false},
	} {
		if got, ok := report.Interwiki(c.domain); got != c.prefix || ok != c.ok {
			t.Errorf("Interwiki(%q) = %q, %v; want %q, %v", c.domain, got, ok, c.prefix, c.ok)
		}
	}
}

func TestPageLink(t *testing.T) {
	for _, c := range []struct{ domain, title, want string }{
		{"en.wikipedia.org", "Ada Lovelace", "[[:en:Ada Lovelace|Ada Lovelace]]"},
		{"www.wikidata.org", "Q42", "[[:d:Q42|Q42]]"},
		{"commons.wikimedia.org", "File:Sunset.jpg", "[[:c:File:Sunset.jpg|File:Sunset.jpg]]"},
		{"en.wikipedia.org", "Rock 'n' Roll", "[[:en:Rock 'n' Roll|<nowiki>Rock 'n' Roll</nowiki>]]"},
		{"en.wikipedia.org", "A [b]", "<nowiki>A [b]</nowiki>"},
		{"wiki.example.org", "Home", "Home"},
	} {
		if got := report.PageLink(c.domain, c.title); got != c.want {
			t.Errorf("PageLink(%q, %q) = %q, want %q", c.domain, c.title, got, c.want)
		}
	}
}
