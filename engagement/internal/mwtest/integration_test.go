package mwtest_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"example.com/engagement/engagement/internal/mwtest"
	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/sample"
)

const ua = "engagement-tests/0 (https://example.org/engagement; tests@example.org)"

// TestIntegrationRealMediaWiki loads the sample into three real MediaWiki
// 1.39 installs and checks that the client returns exactly the sample's
// contributions (same revision ids), within the request bound, and that a
// rerun makes zero requests. Enabled with ENGAGEMENT_MEDIAWIKI=1.
func TestIntegrationRealMediaWiki(t *testing.T) {
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
	errs := make(chan error, len(sample.Wikis))
	for _, wiki := range sample.Wikis {
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
		e, err := mwapi.Enrich(ctx, c, sample.Wikis, names, nil)
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
}

func enrolledName(ev *sample.Event, name string) string {
	for _, p := range ev.People {
		if p.Name == name {
			return p.Enrolled
		}
	}
	return name
}
