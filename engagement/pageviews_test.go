package engagement_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/frame"
	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/report"
	"example.com/engagement/engagement/sample"
	"example.com/engagement/engagement/study"
)

// A pageviews service that gives every article 3 views a day, except one
// it has never seen (404) and one it fails on.
type viewsServer struct {
	mu    sync.Mutex
	paths []string
}

func (s *viewsServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.paths = append(s.paths, r.URL.EscapedPath())
	s.mu.Unlock()
	parts := strings.Split(r.URL.EscapedPath(), "/")
	article := parts[len(parts)-4]
	switch {
	case strings.HasSuffix(article, "0"):
		http.NotFound(w, r)
		return
	case strings.HasSuffix(article, "1"):
		http.Error(w, "no", http.StatusBadRequest)
		return
	}
	fmt.Fprint(w, `{"items":[{"timestamp":"2021030500","views":3},{"timestamp":"2021030600","views":3}]}`)
}

func TestFetchPageViews(t *testing.T) {
	srv := &viewsServer{}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	c, err := mwapi.NewClient(mwapi.WithUserAgent("engagement-test/1.0 (test@example.org)"), mwapi.WithEndpoint(mwapi.PageviewsHost, ts.URL), mwapi.WithRetries(0))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2021, 3, 5, 9, 0, 0, 0, time.UTC)
	pages := []engagement.CreatedPage{
		{Wiki: "en.wikipedia.org", Title: "Ada Lovelace"},
		{Wiki: "en.wikipedia.org", Title: "Page 10"},
		{Wiki: "en.wikipedia.org", Title: "Page 11"},
		{Wiki: "commons.wikimedia.org", Title: "File:X.jpg", NS: 6},
		{Wiki: "www.wikidata.org", Title: "Q1"},
		{Wiki: "www.wikidata.org", Title: "Q2"},
	}
	v, err := engagement.FetchPageViews(context.Background(), c, pages, start, time.Date(2021, 4, 1, 12, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(srv.paths) != 3 {
		t.Errorf("requests %v, want one per Wikipedia page and none for Commons or Wikidata", srv.paths)
	}
	if want := "/metrics/pageviews/per-article/en.wikipedia/all-access/user/Ada_Lovelace/daily/20210305/20210331"; len(srv.paths) == 0 || srv.paths[0] != want {
		t.Errorf("first request %v, want %s", srv.paths, want)
	}
	if len(v.Pages) != 2 || v.Pages[0] != (report.PageView{Wiki: "en.wikipedia.org", Title: "Ada Lovelace", Views: 6}) || v.Pages[1].Views != 0 {
		t.Errorf("pages = %+v, want Ada Lovelace 6 and Page 10 0", v.Pages)
	}
	if v.Total() != 6 || v.Failed != 1 {
		t.Errorf("total %d failed %d, want 6 and 1", v.Total(), v.Failed)
	}
	want := []report.NotServed{{Wiki: "commons.wikimedia.org", Pages: 1}, {Wiki: "www.wikidata.org", Pages: 2}}
	if fmt.Sprint(v.NotServed) != fmt.Sprint(want) {
		t.Errorf("not served = %v, want %v", v.NotServed, want)
	}
}

// The sample's created pages: 36 articles, 28 Commons files and 8 Wikidata
// items; their views appear in report.html and report.wikitext, and their
// titles are pseudonymised with the rest.
func TestCreatedPagesInReport(t *testing.T) {
	a, err := sampleAnalysis()
	if err != nil {
		t.Fatal(err)
	}
	pages := study.CreatedPages(a.Data, a.Result)
	per := map[string]int{}
	for _, p := range pages {
		per[p.Wiki]++
	}
	if per["en.wikipedia.org"] != 36 || per["commons.wikimedia.org"] != 28 || per["www.wikidata.org"] != 8 {
		t.Fatalf("created pages per wiki = %v", per)
	}
	a.Views = &report.PageViews{Start: a.Result.Event.Start, End: a.Result.Params.AsOf, Pages: []report.PageView{{Wiki: "en.wikipedia.org", Title: "User:" + a.Result.Participants[0].Username + "/Draft", NS: 2, Views: 1234}},
		NotServed: []report.NotServed{{Wiki: "www.wikidata.org", Pages: 8}}}
	dir := t.TempDir()
	if _, err := a.Share(dir, true); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"report.html", "report.wikitext"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if !strings.Contains(s, "1,234") || !strings.Contains(s, "www.wikidata.org") || strings.Contains(s, a.Result.Participants[0].Username) {
			t.Errorf("%s: views missing or a title not pseudonymised", f)
		}
	}
}

// pageviewsCounter passes requests to the sample, counting those to the
// pageviews API and failing them (HTTP 400) for titles starting with A to M.
type pageviewsCounter struct {
	mu   sync.Mutex
	sent int
	next http.RoundTripper
}

func (p *pageviewsCounter) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host != mwapi.PageviewsHost {
		return p.next.RoundTrip(r)
	}
	p.mu.Lock()
	p.sent++
	p.mu.Unlock()
	parts := strings.Split(r.URL.EscapedPath(), "/")
	if t := parts[len(parts)-4]; t[0] >= 'A' && t[0] <= 'M' {
		return &http.Response{StatusCode: http.StatusBadRequest, Status: "400 Bad Request", Body: io.NopCloser(strings.NewReader(`{"title":"Bad Request"}`)), Header: http.Header{}, Request: r}, nil
	}
	return p.next.RoundTrip(r)
}

// The default run fetches the views of the pages created (the sample
// serves them offline) in the fetch step, and its report shows them.
func TestSampleRunShowsPageViews(t *testing.T) {
	_, a, dir := sampleFolder(t)
	if a.Views == nil || len(a.Views.Pages) != 36 || a.Views.Failed != 0 {
		t.Fatalf("views %+v; want the 36 Wikipedia pages created", a.Views)
	}
	// One page's views, day by day from its creation to the day before the as-of.
	p := a.Views.Pages[len(a.Views.Pages)-1]
	var born time.Time
	for _, c := range study.CreatedPages(a.Data, a.Result) {
		if c.Title == p.Title {
			born = c.Created.UTC().Truncate(24 * time.Hour)
		}
	}
	want := 0
	for d := born; !d.After(a.Views.End); d = d.AddDate(0, 0, 1) {
		want += sample.DailyViews(strings.ReplaceAll(p.Title, " ", "_"), int(d.Sub(born).Hours()/24))
	}
	if p.Views != want || a.Views.End != sample.AsOf.AddDate(0, 0, -1) {
		t.Errorf("%s: %d views to %s; want %d to %s", p.Title, p.Views, a.Views.End, want, sample.AsOf.AddDate(0, 0, -1))
	}
	if df := a.PageViewsFrame(); df.Nrow() != 36 || df.Col(frame.ColViews).Float()[35] != float64(p.Views) {
		t.Errorf("page views frame: %d rows", df.Nrow())
	}
	if got, want := a.ViewsSummary(), "**"+report.Thousands(a.Views.Total())+" views** from 2021-03-05 to 2024-12-31 of the 36 pages created during the event that the page views service counts. commons.wikimedia.org: 28 pages created there, whose views the service does not count. www.wikidata.org: 8 pages created there, whose views the service does not count."; got != want {
		t.Errorf("summary %q\nwant %q", got, want)
	}
	b, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	if s := string(b); !strings.Contains(s, "Views of the pages created") || !strings.Contains(s, report.Thousands(a.Views.Total())+" views from 2021-03-05 to 2024-12-31") {
		t.Errorf("report.html lacks the page views (total %d)", a.Views.Total())
	}
}

// A live session fetches page views with the contributions: a page whose
// views fail is counted as failed in the report, never shown with zero
// views, and analysing again (other frames included) sends no request.
func TestPageViewsFetchedOnceAndFailuresNoted(t *testing.T) {
	pv := &pageviewsCounter{next: sample.Transport()}
	cfg := engagement.Config{Contact: "test@example.org", HTTPClient: &http.Client{Transport: pv}}
	s, err := engagement.Open(context.Background(), sample.CourseURL, engagement.WithConfig(cfg), engagement.WithAsOf(sample.AsOf))
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Analysis()
	if err != nil {
		t.Fatal(err)
	}
	sent := pv.sent
	failed := 0
	for _, p := range study.CreatedPages(a.Data, a.Result) {
		if study.ServesPageViews(p.Wiki) && p.Title[0] >= 'A' && p.Title[0] <= 'M' {
			failed++
		}
	}
	if failed == 0 || a.Views == nil || a.Views.Failed != failed || len(a.Views.Pages) != 36-failed {
		t.Fatalf("views %+v; want %d failed of 36", a.Views, failed)
	}
	for _, p := range a.Views.Pages {
		if p.Title[0] >= 'A' && p.Title[0] <= 'M' {
			t.Errorf("%s failed but is shown with %d views", p.Title, p.Views)
		}
	}
	if _, err := s.Analyze(s.Params(), frame.OnWiki(a.Contributions(), "en.wikipedia.org")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Analysis(); err != nil {
		t.Fatal(err)
	}
	if pv.sent != sent || sent < 36 {
		t.Errorf("%d page views requests in the fetch, %d after analysing again: analysing must not ask", sent, pv.sent)
	}
	dir := t.TempDir()
	if _, err := a.Share(dir, false); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "report.html"))
	if want := fmt.Sprintf("%d pages: their views could not be fetched.", failed); !strings.Contains(string(b), want) {
		t.Errorf("report.html lacks %q", want)
	}
}
