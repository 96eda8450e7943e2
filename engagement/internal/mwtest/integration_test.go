package mwtest_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"example.com/engagement/engagement/internal/mwtest"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/sample"
)

const ua = "engagement-tests/0 (https://example.org/engagement; tests@example.org)"

// TestIntegrationRealMediaWiki loads the sample into three real MediaWiki
// 1.39 installs and checks that the client returns exactly the sample's
// contributions (same revision ids), within the request bound, and that a
// rerun makes zero requests; then a failing wiki, and the baseline of
// comparable newcomers. Enabled with ENGAGEMENT_MEDIAWIKI=1.
func TestIntegrationRealMediaWiki(t *testing.T) {
	endpoints := startSample(t, sample.Wikis)
	ev, err := sample.Generate(sample.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range ev.People {
		names = append(names, p.Enrolled)
	}
	names = append(names, "192.0.2.1") // an invalid name comes back per user
	truth, err := sample.Contributions()
	if err != nil {
		t.Fatal(err)
	}
	cacheDir := t.TempDir()
	for run := 0; run < 2; run++ {
		opts := []mwapi.Option{mwapi.WithUserAgent(ua), mwapi.WithCache(cacheDir)}
		for d, u := range endpoints {
			opts = append(opts, mwapi.WithEndpoint(d, u))
		}
		c, err := mwapi.NewClient(opts...)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		e, err := mwapi.Enrich(context.Background(), c, sample.Wikis, names, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("run %d: %v in %s", run, e.Stats, time.Since(start).Round(time.Millisecond))
		if len(e.Failures) > 0 {
			t.Fatalf("failures: %v", e.Err())
		}
		if len(e.Contributions) != len(truth) {
			t.Fatalf("%d contributions, the sample has %d", len(e.Contributions), len(truth))
		}
		for i, got := range e.Contributions {
			w := truth[i]
			if got.Wiki != w.Wiki || got.User != w.Username || got.RevID != w.RevID || got.PageID != w.PageID || got.NS != w.NS ||
				got.Title != w.Title || !got.Timestamp.Equal(w.Timestamp) || got.SizeDiff != w.SizeDiff || got.New != w.New {
				t.Fatalf("contribution %d from MediaWiki = %+v\nsample = %+v", i, got, w)
			}
		}
		acc := map[string]mwapi.Account{}
		for _, a := range e.Accounts {
			acc[a.Input] = a
		}
		if !acc["Vanished Nomad"].Missing || !acc["192.0.2.1"].Invalid || !acc["CiteFixBot"].Bot {
			t.Errorf("accounts: missing %v, invalid %v, bot %v", acc["Vanished Nomad"], acc["192.0.2.1"], acc["CiteFixBot"])
		}
		for _, a := range sample.MustAccounts() {
			if got := acc[enrolledName(ev, a.Username)]; !got.Registration.Equal(a.Registration) || got.HasRegistration == a.Registration.IsZero() {
				t.Errorf("%s: registration %v, sample %v", a.Username, got.Registration, a.Registration)
			}
		}
		if run == 0 {
			bound := 0
			for _, w := range sample.Wikis {
				n := 0
				for _, c := range truth {
					if c.Wiki == w {
						n++
					}
				}
				bound += (len(names)+49)/50*2 + (n+499)/500 + 3
			}
			if e.Stats.Requests > bound {
				t.Errorf("%d requests, above the bound %d", e.Stats.Requests, bound)
			}
		} else if e.Stats.Requests != 0 {
			t.Errorf("rerun made %d requests, want 0", e.Stats.Requests)
		}
	}
	checkFailingWiki(t, endpoints, names, truth)
	checkBaseline(t, endpoints)
}

func enrolledName(ev *sample.Event, name string) string {
	for _, p := range ev.People {
		if p.Name == name {
			return p.Enrolled
		}
	}
	return name
}

// checkFailingWiki puts a proxy in front of Commons that answers 503 to
// every list=usercontribs request of the last, partial batch of users: those
// users are data incomplete on Commons with the cause, everybody else's
// contributions are exactly the sample's, and a rerun once the wiki is back
// sends exactly the requests that failed.
func checkFailingWiki(t *testing.T, endpoints map[string]string, names []string, truth []metrics.Contribution) {
	const wiki = "commons.wikimedia.org"
	target, err := url.Parse(endpoints[wiki])
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	failing := true
	failed := map[string]bool{}
	failedURLs := map[string]bool{}
	proxy := httputil.NewSingleHostReverseProxy(&url.URL{Scheme: target.Scheme, Host: target.Host})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		users := strings.Split(q.Get("ucuser"), "|")
		mu.Lock()
		fail := failing && q.Get("list") == "usercontribs" && len(users) < mwapi.BatchSize
		if fail {
			for _, u := range users {
				failed[u] = true
			}
			failedURLs[r.URL.RawQuery] = true
		}
		mu.Unlock()
		if fail {
			http.Error(w, "Service Unavailable", http.StatusServiceUnavailable)
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	defer srv.Close()
	cacheDir := t.TempDir()
	enrich := func() *mwapi.Enrichment {
		opts := []mwapi.Option{mwapi.WithUserAgent(ua), mwapi.WithCache(cacheDir), mwapi.WithSleeper(func(context.Context, time.Duration) error { return nil })}
		for d, u := range endpoints {
			if d == wiki {
				u = srv.URL + target.Path
			}
			opts = append(opts, mwapi.WithEndpoint(d, u))
		}
		c, err := mwapi.NewClient(opts...)
		if err != nil {
			t.Fatal(err)
		}
		e, err := mwapi.Enrich(context.Background(), c, sample.Wikis, names, nil)
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	e := enrich()
	if len(failed) == 0 || len(e.Failures) != len(failed) {
		t.Fatalf("failures %v; the proxy failed the requests of %d users", e.Failures, len(failed))
	}
	for _, f := range e.Failures {
		if !failed[f.Username] || f.Wiki != wiki || f.Stage != mwapi.StageContributions || f.Why() != "HTTP 503 after 6 tries" {
			t.Errorf("failure %+v (%s)", f, f.Cause())
		}
	}
	want := 0
	got := map[int64]bool{}
	for _, c := range e.Contributions {
		got[c.RevID<<2|int64(slices.Index(sample.Wikis, c.Wiki))] = true
	}
	for _, c := range truth {
		if c.Wiki == wiki && failed[c.Username] {
			continue
		}
		want++
		if !got[c.RevID<<2|int64(slices.Index(sample.Wikis, c.Wiki))] {
			t.Fatalf("revision %d on %s by %s is missing", c.RevID, c.Wiki, c.Username)
		}
	}
	if len(e.Contributions) != want {
		t.Errorf("%d contributions, want the %d of everybody else", len(e.Contributions), want)
	}
	mu.Lock()
	failing = false
	mu.Unlock()
	again := enrich()
	if len(again.Failures) != 0 || len(again.Contributions) != len(truth) {
		t.Errorf("after the wiki came back: %d failures, %d contributions (want 0, %d)", len(again.Failures), len(again.Contributions), len(truth))
	}
	if again.Stats.Requests != len(failedURLs) {
		t.Errorf("the rerun sent %d requests, want the %d that failed", again.Stats.Requests, len(failedURLs))
	}
}

// startSample installs and serves real MediaWiki wikis loaded with the
// sample, in parallel, and returns their api.php URLs by domain. It skips
// the test unless ENGAGEMENT_MEDIAWIKI is set and MediaWiki is installed.
func startSample(t *testing.T, wikis []string) map[string]string {
	t.Helper()
	if os.Getenv("ENGAGEMENT_MEDIAWIKI") == "" {
		t.Skip("set ENGAGEMENT_MEDIAWIKI=1 to run against a real MediaWiki (installed by .ci/run)")
	}
	if err := mwtest.Available(); err != nil {
		t.Skip(err)
	}
	ctx := context.Background()
	tmp := t.TempDir()
	exports := filepath.Join(tmp, "exports")
	if err := mwtest.Prepare(exports); err != nil {
		t.Fatal(err)
	}
	cache := os.Getenv("ENGAGEMENT_MW_CACHE")
	endpoints := map[string]string{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	errs := make(chan error, len(wikis))
	for _, wiki := range wikis {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db := sample.DBName(wiki)
			start := time.Now()
			dir := filepath.Join(tmp, db)
			if err := mwtest.Install(ctx, exports, dir, db, cache); err != nil {
				errs <- err
				return
			}
			w, err := mwtest.Serve(ctx, dir, db)
			if err != nil {
				errs <- err
				return
			}
			t.Cleanup(func() { w.Close() })
			t.Logf("%s ready at %s in %s", db, w.APIURL, time.Since(start).Round(time.Millisecond))
			mu.Lock()
			endpoints[wiki] = w.APIURL
			mu.Unlock()
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	return endpoints
}
