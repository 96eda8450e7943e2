package mwapi_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"example.com/engagement/engagement/mwapi"
)

const okUsers = `{"batchcomplete":true,"query":{"users":[{"userid":7,"name":"Alice","editcount":3,"registration":"2021-03-05T10:00:00Z","groups":["*","user"]}]}}`

// server answers list=users with the scripted responses in order, then okUsers.
type script struct {
	mu        sync.Mutex
	steps     []func(w http.ResponseWriter)
	requests  int
	userAgent string
}

func (s *script) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requests++
	s.userAgent = r.UserAgent()
	var step func(w http.ResponseWriter)
	if len(s.steps) > 0 {
		step, s.steps = s.steps[0], s.steps[1:]
	}
	s.mu.Unlock()
	if step != nil {
		step(w)
		return
	}
	fmt.Fprint(w, okUsers)
}

func newClient(t *testing.T, srv *httptest.Server, waits *[]time.Duration, opts ...mwapi.Option) *mwapi.Client {
	t.Helper()
	base := []mwapi.Option{
		mwapi.WithUserAgent(ua), mwapi.WithHTTPClient(srv.Client()), mwapi.WithEndpoint("test.wiki", srv.URL+"/api.php"),
		mwapi.WithRetries(3), mwapi.WithJitter(func(d time.Duration) time.Duration { return d }),
		mwapi.WithClock(func() time.Time { return time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC) }),
		mwapi.WithSleeper(func(ctx context.Context, d time.Duration) error { *waits = append(*waits, d); return nil }),
	}
	c, err := mwapi.NewClient(append(base, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestFaults(t *testing.T) {
	status := func(code int, body string, hdr ...string) func(http.ResponseWriter) {
		return func(w http.ResponseWriter) {
			for i := 0; i+1 < len(hdr); i += 2 {
				w.Header().Set(hdr[i], hdr[i+1])
			}
			w.WriteHeader(code)
			fmt.Fprint(w, body)
		}
	}
	reset := func(w http.ResponseWriter) {
		conn, _, _ := w.(http.Hijacker).Hijack()
		conn.Close()
	}
	tests := []struct {
		name     string
		steps    []func(http.ResponseWriter)
		requests int
		waits    string
		err      string
	}{
		{"429 Retry-After seconds", []func(http.ResponseWriter){status(429, "slow down", "Retry-After", "7")}, 2, "[7s]", ""},
		{"429 Retry-After date", []func(http.ResponseWriter){status(429, "", "Retry-After", "Wed, 01 Jan 2025 00:00:30 GMT")}, 2, "[30s]", ""},
		{"maxlag", []func(http.ResponseWriter){status(200, `{"error":{"code":"maxlag","info":"Waiting for 10.0.0.1: 6 seconds lagged."}}`, "Retry-After", "5")}, 2, "[5s]", ""},
		{"500 502 503 backoff", []func(http.ResponseWriter){status(500, ""), status(502, ""), status(503, "")}, 4, "[1s 2s 4s]", ""},
		{"connection reset", []func(http.ResponseWriter){reset}, 2, "[1s]", ""},
		{"truncated JSON", []func(http.ResponseWriter){status(200, okUsers[:40])}, 2, "[1s]", ""},
		{"HTML error page", []func(http.ResponseWriter){status(200, "<html><body>Wikimedia Error</body></html>")}, 2, "[1s]", ""},
		{"API error is final", []func(http.ResponseWriter){status(200, `{"error":{"code":"readapidenied","info":"You need read permission."}}`)}, 1, "[]", "API error readapidenied"},
		{"gives up", []func(http.ResponseWriter){status(503, ""), status(503, ""), status(503, ""), status(503, "")}, 4, "[1s 2s 4s]", "giving up after 4 tries: HTTP 503"},
		{"404 is final", []func(http.ResponseWriter){status(404, "")}, 1, "[]", "HTTP 404"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &script{steps: tt.steps}
			srv := httptest.NewServer(s)
			defer srv.Close()
			var waits []time.Duration
			c := newClient(t, srv, &waits)
			users, err := c.Users(context.Background(), "test.wiki", []string{"alice"})
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || users != nil {
					t.Errorf("error = %v, users = %v; want %q and no data", err, users, tt.err)
				}
			} else if err != nil || len(users) != 1 || users[0].Name != "Alice" || users[0].UserID != 7 {
				t.Errorf("Users = %+v, %v", users, err)
			}
			if s.requests != tt.requests || fmt.Sprint(waits) != tt.waits {
				t.Errorf("requests %d, waits %v; want %d, %s", s.requests, waits, tt.requests, tt.waits)
			}
			if s.userAgent != ua {
				t.Errorf("User-Agent %q", s.userAgent)
			}
		})
	}
}

func TestSlowServerTimesOut(t *testing.T) {
	block := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-block }))
	defer srv.Close()
	defer close(block)
	var waits []time.Duration
	hc := srv.Client()
	hc.Timeout = 50 * time.Millisecond
	c := newClient(t, srv, &waits, mwapi.WithHTTPClient(hc), mwapi.WithRetries(1))
	_, err := c.Users(context.Background(), "test.wiki", []string{"Alice"})
	if err == nil || !strings.Contains(err.Error(), "giving up after 2 tries") || c.Stats().Retries != 1 {
		t.Errorf("err = %v, stats %v", err, c.Stats())
	}
}

func TestContinuationAndPartialBatch(t *testing.T) {
	var seen []string
	fail := true
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		switch q.Get("list") {
		case "users":
			fmt.Fprint(w, `{"query":{"users":[{"userid":1,"name":"Alice","registration":null},{"userid":2,"name":"Bob","registration":"2021-03-06T00:00:00Z"},{"name":"Nobody","missing":true},{"name":"1.2.3.4","invalid":true}]}}`)
		case "usercontribs":
			seen = append(seen, q.Get("uccontinue")+"/"+q.Get("continue"))
			switch q.Get("uccontinue") {
			case "":
				fmt.Fprint(w, `{"continue":{"uccontinue":"actor|1|20210305100000|11","continue":"-||"},"query":{"usercontribs":[{"userid":1,"user":"Alice","pageid":5,"revid":10,"ns":0,"title":"A","timestamp":"2021-03-05T09:00:00Z","sizediff":5,"new":true}]}}`)
			case "actor|1|20210305100000|11":
				if fail {
					fail = false
					w.WriteHeader(404) // final: the batch fails
					return
				}
				fmt.Fprint(w, `{"batchcomplete":true,"query":{"usercontribs":[{"userid":1,"user":"Alice","pageid":5,"revid":11,"ns":0,"title":"A","timestamp":"2021-03-05T10:00:00Z","sizediff":-2}]}}`)
			}
		default:
			fmt.Fprint(w, `{"query":{"namespaces":{"0":{"id":0,"name":"","content":true},"4":{"id":4,"name":"Project","canonical":"Project"}}}}`)
		}
	}))
	defer srv.Close()
	var waits []time.Duration
	dir := t.TempDir()
	c := newClient(t, srv, &waits, mwapi.WithCache(dir))
	names := []string{"Alice", "bob", "Nobody", "1.2.3.4", "Foo#bar"}
	e, err := mwapi.Enrich(context.Background(), c, []string{"test.wiki"}, names, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The failed page 2 drops the whole batch: no partial data as complete.
	if len(e.Contributions) != 0 || len(e.Failures) != 2 || e.Failures[0].Username != "Alice" || e.Failures[1].Username != "Bob" {
		t.Fatalf("contributions %v, failures %v", e.Contributions, e.Failures)
	}
	if !e.Accounts[2].Missing || !e.Accounts[3].Invalid || !e.Accounts[4].Invalid || e.Accounts[1].Name != "Bob" || e.Accounts[0].HasRegistration {
		t.Errorf("accounts %+v", e.Accounts)
	}
	// The rerun resumes: page 1 comes from the cache, only page 2 is asked.
	before := c.Stats()
	e, err = mwapi.Enrich(context.Background(), c, []string{"test.wiki"}, names, nil)
	if err != nil || len(e.Failures) != 0 || len(e.Contributions) != 2 {
		t.Fatalf("rerun: %v %v %v", e.Contributions, e.Failures, err)
	}
	if got := c.Stats().Requests - before.Requests; got != 1 {
		t.Errorf("rerun made %d requests, want 1 (the missing page)", got)
	}
	want := []string{"/", "actor|1|20210305100000|11/-||", "actor|1|20210305100000|11/-||"}
	if fmt.Sprint(seen) != fmt.Sprint(want) {
		t.Errorf("continue params sent: %q, want %q", seen, want)
	}
	if e.SiteInfo["test.wiki"].Name(4) != "Project" || fmt.Sprint(e.SiteInfo["test.wiki"].ContentNamespaces()) != "[0]" {
		t.Errorf("siteinfo %+v", e.SiteInfo)
	}
	// Offline: everything is cached now; a new request is an error.
	off := newClient(t, srv, &waits, mwapi.WithCache(dir), mwapi.WithOffline(true))
	if _, err := off.Users(context.Background(), "test.wiki", []string{"Carol"}); !errors.Is(err, mwapi.ErrOffline) {
		t.Errorf("offline miss: %v", err)
	}
	entries, _ := c.Cache().List()
	if len(entries) != 4 { // siteinfo, users, two usercontribs pages
		t.Errorf("%d cache entries, want 4", len(entries))
	}
}

func TestUserAgentRequired(t *testing.T) {
	for _, ua := range []string{"", "Go-http-client/1.1", "mytool"} {
		if _, err := mwapi.NewClient(mwapi.WithUserAgent(ua)); err == nil {
			t.Errorf("User-Agent %q accepted", ua)
		}
	}
}

func TestConcurrencyCap(t *testing.T) {
	var mu sync.Mutex
	inFlight, peak := 0, 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		inFlight++
		peak = max(peak, inFlight)
		mu.Unlock()
		time.Sleep(2 * time.Millisecond)
		mu.Lock()
		inFlight--
		mu.Unlock()
		fmt.Fprint(w, `{"query":{"users":[],"usercontribs":[],"namespaces":{}}}`)
	}))
	defer srv.Close()
	var opts []mwapi.Option
	var wikis []string
	for i := range 6 {
		w := fmt.Sprintf("w%d.wiki", i)
		wikis = append(wikis, w)
		opts = append(opts, mwapi.WithEndpoint(w, srv.URL))
	}
	c, err := mwapi.NewClient(append(opts, mwapi.WithUserAgent(ua), mwapi.WithConcurrency(5, 10))...)
	if err != nil {
		t.Fatal(err)
	}
	mwapi.Enrich(context.Background(), c, wikis, nil, nil)
	if peak > 3 {
		t.Errorf("%d requests in flight, the cap is 3", peak)
	}
}

func TestCentralAuthDegradesToNote(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		switch {
		case q.Get("meta") == "globaluserinfo":
			w.Header().Set("MediaWiki-API-Error", "badvalue")
			fmt.Fprint(w, `{"error":{"code":"badvalue","info":"Unrecognized value for parameter \"meta\": globaluserinfo."}}`)
		case q.Get("list") == "users":
			fmt.Fprint(w, okUsers)
		default:
			fmt.Fprint(w, `{"batchcomplete":true,"query":{"usercontribs":[],"namespaces":{}}}`)
		}
	}))
	defer srv.Close()
	var waits []time.Duration
	c := newClient(t, srv, &waits, mwapi.WithEndpoint(mwapi.MetaWiki, srv.URL))
	e, err := mwapi.Enrich(context.Background(), c, []string{"test.wiki"}, []string{"Alice"}, &mwapi.EnrichOptions{CentralAuth: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Failures) != 0 || len(e.Notes) != 1 || !strings.Contains(e.Notes[0].String(), "CentralAuth is not available") {
		t.Errorf("failures %v, notes %q", e.Failures, e.Notes)
	}
	if !e.Accounts[0].HasRegistration || e.Accounts[0].Registration.Format(time.RFC3339) != "2021-03-05T10:00:00Z" {
		t.Errorf("local registration kept: %+v", e.Accounts[0])
	}
}

func TestPageviews(t *testing.T) {
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		paths = append(paths, r.URL.EscapedPath())
		if strings.Contains(r.URL.Path, "Nobody_reads") {
			w.WriteHeader(404)
			fmt.Fprint(w, `{"type":"https://mediawiki.org/wiki/HyperSwitch/errors/not_found","title":"Not found."}`)
			return
		}
		fmt.Fprint(w, `{"items":[{"project":"en.wikipedia","article":"Ada_Lovelace","granularity":"daily","timestamp":"2021030500","access":"all-access","agent":"user","views":120},{"timestamp":"2021030600","views":95}]}`)
	}))
	defer srv.Close()
	var waits []time.Duration
	c := newClient(t, srv, &waits, mwapi.WithEndpoint(mwapi.PageviewsHost, srv.URL+"/api/rest_v1"))
	day := time.Date(2021, 3, 5, 0, 0, 0, 0, time.UTC)
	pv, err := c.Pageviews(context.Background(), "en.wikipedia.org", "Ada Lovelace", mwapi.Daily, day, day.AddDate(0, 0, 2))
	if err != nil || len(pv) != 2 || pv[0].Views != 120 || !pv[1].Timestamp.Equal(day.AddDate(0, 0, 1)) {
		t.Fatalf("pageviews = %+v, %v", pv, err)
	}
	if paths[0] != "/api/rest_v1/metrics/pageviews/per-article/en.wikipedia/all-access/user/Ada_Lovelace/daily/20210305/20210307" {
		t.Errorf("path %s", paths[0])
	}
	pv, err = c.Pageviews(context.Background(), "en.wikipedia", "Nobody reads", mwapi.Daily, day, day)
	if err != nil || len(pv) != 0 {
		t.Errorf("404 = %v, %v; want no views and no error", pv, err)
	}
}

// A baduser error (an invalid name slipped into a usercontribs batch) is
// final: not retried, reported for every user of the batch, no data kept.
func TestBadUserIsReportedPerUser(t *testing.T) {
	requests := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests++
		q := r.URL.Query()
		switch q.Get("list") {
		case "users":
			fmt.Fprint(w, `{"query":{"users":[{"userid":1,"name":"Alice"},{"userid":2,"name":"Bob"}]}}`)
		case "usercontribs":
			w.Header().Set("MediaWiki-API-Error", "baduser_ucuser")
			fmt.Fprint(w, `{"error":{"code":"baduser_ucuser","info":"Invalid value \"Bob\" for user parameter \"ucuser\"."}}`)
		default:
			fmt.Fprint(w, `{"query":{"namespaces":{}}}`)
		}
	}))
	defer srv.Close()
	var waits []time.Duration
	c := newClient(t, srv, &waits)
	e, err := mwapi.Enrich(context.Background(), c, []string{"test.wiki"}, []string{"Alice", "Bob"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Failures) != 2 || len(e.Contributions) != 0 || len(waits) != 0 || requests != 3 {
		t.Errorf("failures %v, contributions %d, waits %v, requests %d", e.Failures, len(e.Contributions), waits, requests)
	}
	var ae *mwapi.APIError
	if !errors.As(e.Failures[0].Err, &ae) || ae.Code != "baduser_ucuser" {
		t.Errorf("failure = %v", e.Failures[0].Err)
	}
}

// Cancelling the context stops the retries at once.
func TestCancelStopsRetries(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(503) }))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	var waits []time.Duration
	c := newClient(t, srv, &waits, mwapi.WithSleeper(func(ctx context.Context, d time.Duration) error {
		waits = append(waits, d)
		cancel()
		return ctx.Err()
	}))
	_, err := c.Users(ctx, "test.wiki", []string{"Alice"})
	if !errors.Is(err, context.Canceled) || len(waits) != 1 || c.Stats().Requests != 1 {
		t.Errorf("err %v, waits %v, stats %v", err, waits, c.Stats())
	}
}

// A wiki mapped to an endpoint of its own (a self-hosted or test wiki) has
// no page views unless the REST base is mapped too: no request is sent,
// least of all to Wikimedia's public service.
func TestPageviewsOfAMappedWikiNeedTheirOwnService(t *testing.T) {
	requests := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests++
		fmt.Fprint(w, `{"items":[{"timestamp":"2021030500","views":7}]}`)
	}))
	defer srv.Close()
	var waits []time.Duration
	day := time.Date(2021, 3, 5, 0, 0, 0, 0, time.UTC)
	c := newClient(t, srv, &waits, mwapi.WithEndpoint("en.wikipedia.org", srv.URL+"/w/api.php"))
	_, err := c.Pageviews(context.Background(), "en.wikipedia.org", "Ada Lovelace", mwapi.Daily, day, day)
	if !errors.Is(err, mwapi.ErrNoPageviewsService) || requests != 0 {
		t.Fatalf("mapped wiki, no REST base: err %v, %d requests; want ErrNoPageviewsService and none", err, requests)
	}
	if err := c.CheckPageviews("fr.wikipedia"); err != nil {
		t.Errorf("an unmapped Wikimedia wiki is served: %v", err)
	}
	c = newClient(t, srv, &waits, mwapi.WithEndpoint("en.wikipedia.org", srv.URL+"/w/api.php"), mwapi.WithEndpoint(mwapi.PageviewsHost, srv.URL+"/api/rest_v1"))
	pv, err := c.Pageviews(context.Background(), "en.wikipedia.org", "Ada Lovelace", mwapi.Daily, day, day)
	if err != nil || len(pv) != 1 || requests != 1 {
		t.Fatalf("with the REST base mapped: %+v, %v, %d requests", pv, err, requests)
	}
}
