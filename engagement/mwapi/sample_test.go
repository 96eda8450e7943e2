package mwapi_test

import (
	"context"
	"net/http"
	"testing"

	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/sample"
)

const ua = "engagement-tests/0 (https://example.org/engagement; tests@example.org)"

// TestEnrichSample fetches the whole sample event through its in-memory API
// and compares every revision with the ground truth; a rerun with the cache
// makes zero requests.
func TestEnrichSample(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	truth, err := sample.Contributions()
	if err != nil {
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
	for run := 0; run < 2; run++ {
		c, err := mwapi.NewClient(mwapi.WithUserAgent(ua), mwapi.WithHTTPClient(&http.Client{Transport: sample.Transport()}), mwapi.WithCache(dir))
		if err != nil {
			t.Fatal(err)
		}
		e, err := mwapi.Enrich(ctx, c, sample.Wikis, names, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(e.Failures) != 0 {
			t.Fatalf("failures: %v", e.Err())
		}
		if len(e.Contributions) != len(truth) {
			t.Fatalf("run %d: %d contributions, want %d", run, len(e.Contributions), len(truth))
		}
		for i, c := range e.Contributions {
			w := truth[i]
			if c.Wiki != w.Wiki || c.User != w.Username || c.RevID != w.RevID || c.PageID != w.PageID || c.NS != w.NS || c.Title != w.Title || !c.Timestamp.Equal(w.Timestamp) || c.SizeDiff != w.SizeDiff || c.New != w.New {
				t.Fatalf("contribution %d = %+v, want %+v", i, c, w)
			}
		}
		missing, bots := 0, 0
		for _, a := range e.Accounts {
			if a.Missing {
				missing++
			}
			if a.Bot {
				bots++
			}
		}
		if missing != 1 || bots != 1 {
			t.Errorf("missing %d, bots %d; want 1 and 1", missing, bots)
		}
		// Lower bound per wiki: ceil(56/50)=2 list=users, 1 siteinfo, and the
		// usercontribs pages.
		if run == 1 && (e.Stats.Requests != 0 || e.Stats.CacheHits == 0) {
			t.Errorf("rerun: %v; want zero requests", e.Stats)
		}
		if run == 0 {
			max := 0
			for _, w := range sample.Wikis {
				n := 0
				for _, c := range truth {
					if c.Wiki == w {
						n++
					}
				}
				max += 2*2 + (n+499)/500 + 3
			}
			if e.Stats.Requests > max {
				t.Errorf("%d requests, more than the bound %d", e.Stats.Requests, max)
			}
			t.Logf("cold run: %v (bound %d)", e.Stats, max)
		}
	}
}

func TestGlobalUserInfoSample(t *testing.T) {
	c, err := mwapi.NewClient(mwapi.WithUserAgent(ua), mwapi.WithHTTPClient(&http.Client{Transport: sample.Transport()}))
	if err != nil {
		t.Fatal(err)
	}
	g, err := c.GlobalUserInfo(context.Background(), "jane_doe_(WMUK)")
	if err != nil {
		t.Fatal(err)
	}
	if g.Name != "Jane doe (WMUK)" || !g.HasRegistration || len(g.Merged) != 3 || g.Merged[1].Domain != "www.wikidata.org" {
		t.Errorf("global user = %+v", g)
	}
	g, err = c.GlobalUserInfo(context.Background(), "Vanished Nomad")
	if err != nil || !g.Missing {
		t.Errorf("missing user: %+v, %v", g, err)
	}
}

// BenchmarkEnrich fetches the whole sample (5,991 contributions of 56 users
// on 3 wikis) through its in-memory API, reporting requests and time per
// 1,000 contributions; the parsing is the client's real work.
func BenchmarkEnrich(b *testing.B) {
	ev, err := sample.Generate(sample.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	var names []string
	for _, p := range ev.People {
		names = append(names, p.Enrolled)
	}
	ctx := context.Background()
	var reqs, contribs int
	b.ReportAllocs()
	for b.Loop() {
		c, err := mwapi.NewClient(mwapi.WithUserAgent(ua), mwapi.WithHTTPClient(&http.Client{Transport: sample.Transport()}))
		if err != nil {
			b.Fatal(err)
		}
		e, err := mwapi.Enrich(ctx, c, sample.Wikis, names, nil)
		if err != nil {
			b.Fatal(err)
		}
		reqs, contribs = e.Stats.Requests, len(e.Contributions)
	}
	b.ReportMetric(float64(reqs)*1000/float64(contribs), "requests/1000contribs")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)*1000/float64(contribs), "ns/1000contribs")
}
