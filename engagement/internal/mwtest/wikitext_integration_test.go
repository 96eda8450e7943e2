package mwtest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/internal/mwtest"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/report"
	"example.com/engagement/engagement/sample"
)

// interwikiRows are the prefixes the report's wikitext links with, as
// Meta-Wiki's interwiki map has them; a fresh MediaWiki lacks them.
var interwikiRows = map[string]string{
	"en": "https://en.wikipedia.org/wiki/$1",
	"d":  "https://www.wikidata.org/wiki/$1",
	"c":  "https://commons.wikimedia.org/wiki/$1",
}

// TestWikitextRendersInMediaWiki renders the sample's report.wikitext (with
// page views of created pages on the three wikis) in a real MediaWiki 1.39
// with Cite, through action=parse, and checks the HTML as a Meta-Wiki
// reader would see it: every table sortable, no empty header or data cell,
// numbers right-aligned, every footnote resolved, no wikitext left
// unparsed, and every page title an interwiki link to its own wiki; then
// the sample campaign's report.wikitext, its events linked to their
// courses. Enabled with ENGAGEMENT_MEDIAWIKI=1.
func TestWikitextRendersInMediaWiki(t *testing.T) {
	api := startRenderingWiki(t)
	a, err := sampleAnalysis()
	if err != nil {
		t.Fatal(err)
	}
	views := &report.PageViews{Start: a.Result.Event.End, End: a.Result.Event.End.AddDate(0, 0, 60), Pages: []report.PageView{
		{Wiki: "en.wikipedia.org", Title: "Ada Okafor's Lab", Views: 1234},
		{Wiki: "www.wikidata.org", NS: 0, Title: "Q6502283", Views: 12},
		{Wiki: "commons.wikimedia.org", NS: 6, Title: "File:Lab notebook 1921.jpg", Views: 7},
	}}
	var wt bytes.Buffer
	err = report.WriteWikitext(&wt, report.Input{Title: "Women in Science Edit-a-thon", Result: a.Result, Version: "test", PageViews: views,
		Totals: &report.DashboardTotals{Editors: 56, Edits: "710", ArticlesCreated: "44", Uploads: 29}})
	if err != nil {
		t.Fatal(err)
	}
	html, iw := parse(t, api, wt.String())
	checkTables(t, html, 6, 40)
	for _, bad := range []string{"[[", "]]", "{|", "|}", "&lt;ref", "&lt;nowiki", "cite_error", "mw-ext-cite-error"} {
		if strings.Contains(html, bad) {
			t.Errorf("the rendered wikitext shows %q", bad)
		}
	}
	if n := strings.Count(html, `class="reference"`); n < 6 {
		t.Errorf("%d footnote marks, want the definitions' (6 or more)", n)
	}
	checkLinks(t, iw, a.Result.TopPages, views.Pages)

	// The campaign's wikitext (engagement/study/testdata/campaign, from the
	// sample's in-memory API): its two tables, the same way.
	cs, err := engagement.OpenCampaign(context.Background(), filepath.Join("..", "..", "study", "testdata", "campaign"),
		engagement.WithConfig(engagement.Config{Contact: "tests@example.org", HTTPClient: &http.Client{Transport: sample.Transport()}}), engagement.WithAsOf(sample.AsOf))
	if err != nil {
		t.Fatal(err)
	}
	ca, err := cs.Analysis()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := ca.Share(dir, true); err != nil {
		t.Fatal(err)
	}
	cw, err := os.ReadFile(filepath.Join(dir, "report.wikitext"))
	if err != nil {
		t.Fatal(err)
	}
	html, _ = parse(t, api, string(cw))
	checkTables(t, html, 2, 10)
	if !strings.Contains(html, `class="external text" href="https://outreachdashboard.wmflabs.org/courses/`) {
		t.Error("the campaign's events are not linked to their courses")
	}
}

// startRenderingWiki starts a MediaWiki with the sample's English
// Wikipedia, Cite loaded and the interwiki rows of interwikiRows, and
// returns its api.php.
func startRenderingWiki(t *testing.T) string {
	t.Helper()
	if os.Getenv("ENGAGEMENT_MEDIAWIKI") == "" {
		t.Skip("set ENGAGEMENT_MEDIAWIKI=1 to run against a real MediaWiki (installed by .ci/run)")
	}
	if err := mwtest.Available(); err != nil {
		t.Skip(err)
	}
	ctx := context.Background()
	tmp := t.TempDir()
	exports, dir := filepath.Join(tmp, "exports"), filepath.Join(tmp, "enwiki")
	if err := mwtest.Prepare(exports); err != nil {
		t.Fatal(err)
	}
	if err := mwtest.Install(ctx, exports, dir, "enwiki", os.Getenv("ENGAGEMENT_MW_CACHE")); err != nil {
		t.Fatal(err)
	}
	settings := filepath.Join(dir, "LocalSettings.php")
	f, err := os.OpenFile(settings, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("\nwfLoadExtension('Cite');\n"); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	var sql strings.Builder
	for prefix, u := range interwikiRows {
		fmt.Fprintf(&sql, "INSERT OR IGNORE INTO interwiki (iw_prefix, iw_url, iw_api, iw_wikiid, iw_local, iw_trans) VALUES ('%s', '%s', '', '', 0, 0);\n", prefix, u)
	}
	db := filepath.Join(dir, "enwiki.sqlite")
	cmd := exec.CommandContext(ctx, "sqlite3", db)
	cmd.Stdin = strings.NewReader(sql.String())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("adding interwiki rows to %s: %v\n%s", db, err, out)
	}
	w, err := mwtest.Serve(ctx, dir, "enwiki")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w.APIURL
}

// iwLink is an interwiki link of action=parse's iwlinks; its title
// starts with its prefix ("en:Ada Lovelace").
type iwLink struct {
	Prefix string `json:"prefix"`
	URL    string `json:"url"`
	Title  string `json:"title"`
}

// parse renders wikitext through action=parse and returns the HTML and the
// interwiki links.
func parse(t *testing.T, api, wikitext string) (string, []iwLink) {
	t.Helper()
	form := url.Values{"action": {"parse"}, "format": {"json"}, "formatversion": {"2"}, "contentmodel": {"wikitext"},
		"title": {"Event results"}, "prop": {"text|iwlinks"}, "disablelimitreport": {"1"}, "text": {wikitext}}
	resp, err := http.PostForm(api, form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Parse struct {
			Text    string   `json:"text"`
			IWLinks []iwLink `json:"iwlinks"`
		} `json:"parse"`
		Error *struct{ Code, Info string } `json:"error"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("action=parse: %v", err)
	}
	if out.Error != nil || out.Parse.Text == "" {
		t.Fatalf("action=parse: %+v", out.Error)
	}
	return out.Parse.Text, out.Parse.IWLinks
}

var (
	tableTag  = regexp.MustCompile(`<table[^>]*>`)
	emptyCell = regexp.MustCompile(`<t[hd][^>]*>\s*</t[hd]>`)
	rightCell = regexp.MustCompile(`<td style="text-align:right">\s*([^<]*)`)
	anyNumber = regexp.MustCompile(`^([−+-]?[0-9][0-9,.]*( %| kB| MB| people| points| articles| items| files| pages)?|—)`)
)

// checkTables: at least tables tables, every one sortable, no empty cell,
// at least numbers cells styled right-aligned, and each of them starts with
// a number (or is a dash).
func checkTables(t *testing.T, html string, tables, numbers int) {
	t.Helper()
	found := tableTag.FindAllString(html, -1)
	if len(found) < tables {
		t.Errorf("%d tables rendered, want %d or more", len(found), tables)
	}
	for _, tag := range found {
		if !strings.Contains(tag, `class="wikitable sortable"`) {
			t.Errorf("table not sortable: %s", tag)
		}
	}
	for _, c := range emptyCell.FindAllString(html, -1) {
		t.Errorf("empty cell: %s", c)
	}
	right := rightCell.FindAllStringSubmatch(html, -1)
	if len(right) < numbers {
		t.Errorf("%d right-aligned cells, want the numbers' (%d or more)", len(right), numbers)
	}
	for _, c := range right {
		if !anyNumber.MatchString(strings.TrimSpace(c[1])) {
			t.Errorf("right-aligned cell is not a number: %q", c[1])
		}
	}
}

// checkLinks: every page of the tables is an interwiki link whose URL is
// on its own wiki, through the prefix Interwiki gives.
func checkLinks(t *testing.T, got []iwLink, top []metrics.PageCount, views []report.PageView) {
	t.Helper()
	links := map[string]string{} // prefix:title -> url
	for _, l := range got {
		if !strings.HasPrefix(l.Title, l.Prefix+":") {
			t.Errorf("interwiki link %+v: its title does not start with its prefix", l)
		}
		links[l.Title] = l.URL
	}
	want := map[string]string{} // prefix:title -> domain
	shown := 0
	for _, p := range top { // the first 10 that are not user pages
		if p.NS != 2 && p.NS != 3 && shown < 10 {
			prefix, _ := report.Interwiki(p.Wiki)
			want[prefix+":"+p.Title] = p.Wiki
			shown++
		}
	}
	for _, p := range views {
		prefix, _ := report.Interwiki(p.Wiki)
		want[prefix+":"+p.Title] = p.Wiki
	}
	for _, prefix := range []string{"en", "d", "c"} {
		found := false
		for k := range want {
			found = found || strings.HasPrefix(k, prefix+":")
		}
		if !found {
			t.Errorf("no page linked through %s:", prefix)
		}
	}
	for k, domain := range want {
		u, ok := links[k]
		if !ok {
			t.Errorf("%s: not rendered as an interwiki link", k)
			continue
		}
		pu, err := url.Parse(u)
		title := k[strings.Index(k, ":")+1:]
		if err != nil || pu.Host != domain || pu.Path != "/wiki/"+strings.ReplaceAll(title, " ", "_") {
			t.Errorf("%s links to %s, want https://%s/wiki/%s", k, u, domain, strings.ReplaceAll(title, " ", "_"))
		}
	}
}

// sampleAnalysis opens the embedded sample with opts and analyses it with
// the session's parameters.
func sampleAnalysis(opts ...engagement.Option) (*engagement.Analysis, error) {
	s, err := engagement.Open(context.Background(), engagement.Sample, opts...)
	if err != nil {
		return nil, err
	}
	return s.Analysis()
}
