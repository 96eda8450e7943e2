package mwapi_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/sample"
)

// enrichWithin runs Enrich under a deadline and fails the test, rather
// than hanging, when it does not return in time.
func enrichWithin(t *testing.T, d time.Duration, c *mwapi.Client, names []string) *mwapi.Enrichment {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	type result struct {
		e   *mwapi.Enrichment
		err error
	}
	done := make(chan result, 1)
	go func() {
		e, err := mwapi.Enrich(ctx, c, []string{"test.wiki"}, names, nil)
		done <- result{e, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatal(r.err)
		}
		return r.e
	case <-time.After(d + 2*time.Second):
		t.Fatalf("Enrich still running %s after its deadline: an endless loop", d)
		return nil
	}
}

// A participant above the contribution cap whose answer spells the name
// another way (underscores, NFD) is matched to the batch by canonical
// name: left out once with the cap as the cause, while the others are
// complete and carry the batch's spelling. The old loop re-read the cached
// pages for ever.
func TestCapMatchesAnswersByCanonicalName(t *testing.T) {
	for name, spelling := range map[string]struct{ asked, answered string }{
		"underscore": {"Kiri Okafor", "Kiri_Okafor"},
		"NFD":        {"Irène", "Ire\u0300ne"},
	} {
		t.Run(name, func(t *testing.T) {
			srv, _, nc := wikiServer(t, func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprintf(w, `{"batchcomplete":true,"query":{"users":[{"userid":7,"name":%q,"editcount":9},{"userid":8,"name":"Bob","editcount":2}]}}`, spelling.asked)
			}, func(w http.ResponseWriter, r *http.Request) {
				var revs []string
				if strings.Contains(r.URL.Query().Get("ucuser"), spelling.asked) {
					for i := range 5 {
						revs = append(revs, rev(spelling.answered, 100+i))
					}
				}
				revs = append(revs, rev("bob", 1), rev("Bob", 2))
				fmt.Fprint(w, contribsPage("", revs...))
			})
			var waits []time.Duration
			cache := t.TempDir()
			for run := range 2 {
				c := newClient(t, srv, &waits, mwapi.WithMaxContributions(3), mwapi.WithCache(cache))
				e := enrichWithin(t, 3*time.Second, c, []string{spelling.asked, "Bob"})
				if len(e.Failures) != 1 || e.Failures[0].Username != spelling.asked || e.Failures[0].Cause() != "contributions on test.wiki: more than 3 contributions, the cap" {
					t.Fatalf("run %d: failures %v", run, e.Failures)
				}
				if len(e.Contributions) != 2 || e.Contributions[0].User != "Bob" || e.Contributions[1].User != "Bob" {
					t.Errorf("run %d: contributions %+v, want Bob's two under his canonical name", run, e.Contributions)
				}
			}
			if nc.Load() != 2 {
				t.Errorf("%d usercontribs requests, want 2 (the batch, then Bob alone; the rerun from the cache)", nc.Load())
			}
		})
	}
}

// An answer holding a revision of someone not asked for is refused and
// not cached.
func TestRevisionOfSomeoneElseIsRefused(t *testing.T) {
	srv, n := contribsServer(t, func(map[string][]string) string { return contribsPage("", rev("Mallory", 1)) })
	var waits []time.Duration
	_, err := collect(newClient(t, srv, &waits, mwapi.WithCache(t.TempDir())), "Alice")
	if err == nil || !strings.Contains(err.Error(), `revision 1 is by "Mallory", who was not asked for`) || n.Load() != 1 {
		t.Fatalf("err = %v after %d requests", err, n.Load())
	}
}

// A repeated continuation is not cached: running again sends the page
// that failed (and only it) and, once the server answers well, completes.
func TestRepeatedContinuationIsNotCached(t *testing.T) {
	var fixed atomic.Bool
	srv, n := contribsServer(t, func(q map[string][]string) string {
		if len(q["uccontinue"]) == 0 {
			return contribsPage("20210306|2", rev("Alice", 1))
		}
		if fixed.Load() {
			return contribsPage("", rev("Alice", 2))
		}
		return contribsPage("20210306|2", rev("Alice", 2))
	})
	var waits []time.Duration
	cache := t.TempDir()
	if _, err := collect(newClient(t, srv, &waits, mwapi.WithCache(cache)), "Alice"); err == nil || !strings.Contains(err.Error(), "repeated the continuation") {
		t.Fatalf("err = %v", err)
	}
	if got := n.Load(); got != 2 {
		t.Fatalf("%d requests, want 2", got)
	}
	_, err := collect(newClient(t, srv, &waits, mwapi.WithCache(cache)), "Alice")
	if err == nil || n.Load() != 3 {
		t.Fatalf("rerun against the same server: err %v, %d requests in all; want the failure again after 1 request", err, n.Load())
	}
	fixed.Store(true)
	again, err := collect(newClient(t, srv, &waits, mwapi.WithCache(cache)), "Alice")
	if err != nil || len(again) != 2 || n.Load() != 4 {
		t.Fatalf("rerun after the server was fixed: %d revisions, err %v, %d requests in all; want 2, nil, 4", len(again), err, n.Load())
	}
}

// A server sending empty pages with ever new continuations is stopped.
func TestEmptyPagesAreBounded(t *testing.T) {
	var k atomic.Int32
	srv, n := contribsServer(t, func(map[string][]string) string {
		return contribsPage(fmt.Sprintf("20210306|%d", k.Add(1)))
	})
	var waits []time.Duration
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var err error
	for _, err = range newClient(t, srv, &waits).UserContribs(ctx, "test.wiki", []string{"Alice"}, nil) {
		if err != nil {
			break
		}
	}
	if err == nil || !strings.Contains(err.Error(), "11 pages in a row hold nothing but a continuation") || n.Load() != 11 {
		t.Fatalf("err = %v after %d requests", err, n.Load())
	}
}

// After one failed account lookup, a rerun sends exactly what failed: the
// lookup and the contributions of that batch. Batches are the same names
// on every run, so the others come from the cache.
func TestRerunRefetchesOnlyWhatFailed(t *testing.T) {
	var names []string
	for i := range 120 {
		names = append(names, fmt.Sprintf("User%03d", i))
	}
	var failing atomic.Bool
	failing.Store(true)
	srv, nu, nc := wikiServer(t, func(w http.ResponseWriter, r *http.Request) {
		asked := strings.Split(r.URL.Query().Get("ususers"), "|")
		if failing.Load() && asked[0] == "User050" {
			unavailable(w, r)
			return
		}
		var users []string
		for _, n := range asked {
			if n == "User007" || n == "User061" {
				users = append(users, fmt.Sprintf(`{"name":%q,"missing":true}`, n))
				continue
			}
			users = append(users, fmt.Sprintf(`{"userid":1,"name":%q,"editcount":1}`, n))
		}
		fmt.Fprintf(w, `{"batchcomplete":true,"query":{"users":[%s]}}`, strings.Join(users, ","))
	}, func(w http.ResponseWriter, r *http.Request) {
		var revs []string
		for _, n := range strings.Split(r.URL.Query().Get("ucuser"), "|") {
			var k int
			fmt.Sscanf(n, "User%d", &k)
			revs = append(revs, rev(n, k+1))
		}
		fmt.Fprint(w, contribsPage("", revs...))
	})
	var waits []time.Duration
	cache := t.TempDir()
	e := enrichWithin(t, 10*time.Second, newClient(t, srv, &waits, mwapi.WithCache(cache)), names)
	if len(e.Failures) != 50 || e.Failures[0].Username != "User050" || e.Failures[0].Stage != mwapi.StageAccount {
		t.Fatalf("first run: %d failures, first %v", len(e.Failures), e.Failures[0])
	}
	failing.Store(false)
	users, contribs := nu.Load(), nc.Load()
	c := newClient(t, srv, &waits, mwapi.WithCache(cache))
	e = enrichWithin(t, 10*time.Second, c, names)
	if len(e.Failures) != 0 || len(e.Contributions) != 118 {
		t.Fatalf("rerun: %d failures, %d contributions; want 0 and 118", len(e.Failures), len(e.Contributions))
	}
	if u, k := nu.Load()-users, nc.Load()-contribs; u != 1 || k != 1 || e.Stats.Requests != 2 {
		t.Errorf("rerun sent %d requests (%d list=users, %d list=usercontribs); want 2: the failed lookup and its batch's contributions", e.Stats.Requests, u, k)
	}
}

// failLookup refuses list=users on one wiki for the batch holding name
// while fail is set, counting the refusals.
type failLookup struct {
	next    http.RoundTripper
	wiki    string
	name    string
	fail    *atomic.Bool
	refused *atomic.Int32
}

func (f failLookup) RoundTrip(r *http.Request) (*http.Response, error) {
	q := r.URL.Query()
	if f.fail.Load() && r.URL.Host == f.wiki && q.Get("list") == "users" && strings.Contains(q.Get("ususers"), f.name) {
		f.refused.Add(1)
		return &http.Response{StatusCode: http.StatusServiceUnavailable, Body: http.NoBody, Header: http.Header{}, Request: r}, nil
	}
	return f.next.RoundTrip(r)
}

// On the sample, a rerun after one failed account lookup sends exactly the
// requests the first run could not make: the lookup and its batch's
// contribution pages, nothing that was fetched.
func TestSampleRerunAfterFailedLookup(t *testing.T) {
	ev, err := sample.Generate(sample.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range ev.People {
		names = append(names, p.Enrolled)
	}
	var fail atomic.Bool
	var refused atomic.Int32
	run := func(cache string) *mwapi.Enrichment {
		tr := failLookup{next: sample.Transport(), wiki: "commons.wikimedia.org", name: names[len(names)-1], fail: &fail, refused: &refused}
		c, err := mwapi.NewClient(mwapi.WithUserAgent(ua), mwapi.WithHTTPClient(&http.Client{Transport: tr}), mwapi.WithCache(cache),
			mwapi.WithSleeper(func(context.Context, time.Duration) error { return nil }))
		if err != nil {
			t.Fatal(err)
		}
		e, err := mwapi.Enrich(context.Background(), c, sample.Wikis, names, nil)
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	cold := run(t.TempDir()).Stats.Requests
	cache := t.TempDir()
	fail.Store(true)
	first := run(cache)
	if len(first.Failures) == 0 || first.Failures[0].Stage != mwapi.StageAccount || refused.Load() != 6 {
		t.Fatalf("first run: failures %v, %d refused; want the last batch's lookup on Commons, 6 tries", first.Failures, refused.Load())
	}
	fail.Store(false)
	again := run(cache)
	made := first.Stats.Requests - int(refused.Load())
	t.Logf("cold run %d requests; first run %d (%d refused); rerun %d", cold, first.Stats.Requests, refused.Load(), again.Stats.Requests)
	if len(again.Failures) != 0 || again.Stats.Requests != cold-made || again.Stats.Requests > 3 {
		t.Errorf("rerun: %d failures, %d requests; want 0 and the %d the first run could not make (cold run %d, first run %d of which %d refused)",
			len(again.Failures), again.Stats.Requests, cold-made, cold, first.Stats.Requests, refused.Load())
	}
}
