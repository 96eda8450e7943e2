package engagement_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/report"
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
	a, err := engagement.Run(context.Background(), engagement.Config{}, engagement.Sample, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	pages := engagement.CreatedPages(a.Data, a.Result)
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
