package mwapi_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"example.com/engagement/engagement/mwapi"
)

// rev is one usercontribs entry of user u.
func rev(u string, id int) string {
	return fmt.Sprintf(`{"userid":7,"user":%q,"pageid":%d,"revid":%d,"parentid":0,"ns":0,"title":"P%d","timestamp":"2021-03-06T10:00:%02dZ","sizediff":12,"new":false}`, u, id, id, id, id%60)
}

func contribsPage(cont string, revs ...string) string {
	c := ""
	if cont != "" {
		c = fmt.Sprintf(`"continue":{"uccontinue":%q,"continue":"-||"},`, cont)
	}
	return fmt.Sprintf(`{%s"query":{"usercontribs":[%s]}}`, c, strings.Join(revs, ","))
}

func contribsServer(t *testing.T, answer func(q map[string][]string) string) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		fmt.Fprint(w, answer(r.URL.Query()))
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func collect(c *mwapi.Client, names ...string) ([]mwapi.Contribution, error) {
	var out []mwapi.Contribution
	for r, err := range c.UserContribs(context.Background(), "test.wiki", names, nil) {
		if err != nil {
			return out, err
		}
		out = append(out, r)
	}
	return out, nil
}

// The request carries the etiquette and paging parameters, and asks only
// for the properties the metrics read.
func TestUserContribsOnTheWire(t *testing.T) {
	var got map[string][]string
	srv, _ := contribsServer(t, func(q map[string][]string) string { got = q; return contribsPage("", rev("Alice", 1)) })
	var waits []time.Duration
	revs, err := collect(newClient(t, srv, &waits), "Alice")
	if err != nil || len(revs) != 1 || revs[0].SizeDiff != 12 || revs[0].NoSizeDiff {
		t.Fatalf("revs %+v, err %v", revs, err)
	}
	for k, want := range map[string]string{"formatversion": "2", "format": "json", "maxlag": "5", "uclimit": "max", "ucdir": "newer", "ucprop": "ids|title|timestamp|sizediff|flags", "ucuser": "Alice"} {
		if v := strings.Join(got[k], ","); v != want {
			t.Errorf("%s=%q, want %q", k, v, want)
		}
	}
}

// A revision without sizediff (its parent's size is unknown) is kept as
// unknown, not as 0.
func TestMissingSizeDiffIsUnknown(t *testing.T) {
	srv, _ := contribsServer(t, func(map[string][]string) string {
		return contribsPage("", strings.Replace(rev("Alice", 1), `"sizediff":12,`, "", 1))
	})
	var waits []time.Duration
	revs, err := collect(newClient(t, srv, &waits), "Alice")
	if err != nil || len(revs) != 1 || !revs[0].NoSizeDiff {
		t.Fatalf("revs %+v, err %v; want NoSizeDiff", revs, err)
	}
}

// An answer without the query block (only warnings) is an error, is not
// cached, and a rerun asks again.
func TestAnswerWithoutQueryIsNotCached(t *testing.T) {
	good := false
	srv, n := contribsServer(t, func(map[string][]string) string {
		if good {
			return contribsPage("", rev("Alice", 1))
		}
		return `{"warnings":{"main":{"warnings":"Unrecognized parameter"}}}`
	})
	var waits []time.Duration
	cache := t.TempDir()
	c := newClient(t, srv, &waits, mwapi.WithCache(cache))
	if _, err := collect(c, "Alice"); err == nil || !strings.Contains(err.Error(), "no query.usercontribs") {
		t.Fatalf("err = %v", err)
	}
	good = true
	if revs, err := collect(newClient(t, srv, &waits, mwapi.WithCache(cache)), "Alice"); err != nil || len(revs) != 1 {
		t.Fatalf("rerun: %v %v", revs, err)
	}
	if n.Load() != 2 {
		t.Errorf("%d requests, want 2 (the bad answer was not cached)", n.Load())
	}
}

// A cached answer cut short or with a flipped byte is a miss: fetched again
// once and replaced.
func TestDamagedCacheEntriesAreRefetched(t *testing.T) {
	for name, damage := range map[string]func([]byte) []byte{
		"cut":     func(b []byte) []byte { return b[:len(b)-10] },
		"flipped": func(b []byte) []byte { b[len(b)-5] ^= 0x01; return b },
	} {
		t.Run(name, func(t *testing.T) {
			srv, n := contribsServer(t, func(map[string][]string) string { return contribsPage("", rev("Alice", 1)) })
			var waits []time.Duration
			cache := t.TempDir()
			if _, err := collect(newClient(t, srv, &waits, mwapi.WithCache(cache)), "Alice"); err != nil {
				t.Fatal(err)
			}
			files, _ := filepath.Glob(filepath.Join(cache, "*", "*.resp"))
			if len(files) != 1 {
				t.Fatalf("cache files %v", files)
			}
			b, _ := os.ReadFile(files[0])
			os.WriteFile(files[0], damage(b), 0o644)
			for range 2 {
				if revs, err := collect(newClient(t, srv, &waits, mwapi.WithCache(cache)), "Alice"); err != nil || len(revs) != 1 {
					t.Fatalf("rerun: %v %v", revs, err)
				}
			}
			if n.Load() != 2 {
				t.Errorf("%d requests, want 2: one refetch, then the replaced entry", n.Load())
			}
		})
	}
}

// A server repeating the same continuation stops the batch after the
// repeat, with a message, instead of looping.
func TestRepeatedContinuationStops(t *testing.T) {
	srv, n := contribsServer(t, func(map[string][]string) string { return contribsPage("20210306|5", rev("Alice", 1)) })
	var waits []time.Duration
	_, err := collect(newClient(t, srv, &waits), "Alice")
	if err == nil || !strings.Contains(err.Error(), `repeated the continuation "20210306|5"`) {
		t.Fatalf("err = %v", err)
	}
	if n.Load() != 2 {
		t.Errorf("%d requests, want 2", n.Load())
	}
}

// A Retry-After beyond the cap fails at once with the server's wait in the
// message rather than sleeping for hours.
func TestRetryAfterAboveCapFails(t *testing.T) {
	s := &script{steps: []func(http.ResponseWriter){func(w http.ResponseWriter) {
		w.Header().Set("Retry-After", "100000")
		w.WriteHeader(http.StatusTooManyRequests)
	}}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	var waits []time.Duration
	_, err := newClient(t, srv, &waits).Users(context.Background(), "test.wiki", []string{"Alice"})
	if err == nil || !strings.Contains(err.Error(), "asked to wait 27h46m40s before retrying, more than the 2m0s") {
		t.Fatalf("err = %v", err)
	}
	if len(waits) != 0 || s.requests != 1 {
		t.Errorf("waits %v, requests %d; want none and 1", waits, s.requests)
	}
}

// Database and internal errors are retried under the bounded policy.
func TestDatabaseErrorIsRetried(t *testing.T) {
	s := &script{steps: []func(http.ResponseWriter){func(w http.ResponseWriter) {
		fmt.Fprint(w, `{"error":{"code":"internal_api_error_DBQueryError","info":"[abc] Database query error."}}`)
	}}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	var waits []time.Duration
	us, err := newClient(t, srv, &waits).Users(context.Background(), "test.wiki", []string{"Alice"})
	if err != nil || us[0].UserID != 7 {
		t.Fatalf("users %v, err %v", us, err)
	}
	if s.requests != 2 || fmt.Sprint(waits) != "[1s]" {
		t.Errorf("requests %d, waits %v; want 2 and [1s]", s.requests, waits)
	}
}

// Bodies above the limit, raw or after decompression (a gzip bomb), are
// refused without being read whole.
func TestBodyLimits(t *testing.T) {
	var bomb bytes.Buffer
	gz := gzip.NewWriter(&bomb)
	gz.Write(bytes.Repeat([]byte(" "), 64<<20)) // 64 MiB of spaces, 64 kB compressed
	gz.Close()
	for name, h := range map[string]http.HandlerFunc{
		"raw": func(w http.ResponseWriter, _ *http.Request) { w.Write(bytes.Repeat([]byte(" "), 3<<20)) },
		"gzip bomb": func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(bomb.Bytes())
		},
	} {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(h)
			defer srv.Close()
			var waits []time.Duration
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := newClient(t, srv, &waits, mwapi.WithMaxBody(1<<20)).Users(context.Background(), "test.wiki", []string{"Alice"})
			runtime.ReadMemStats(&after)
			if err == nil || !strings.Contains(err.Error(), "answer larger than 1 MB") {
				t.Fatalf("err = %v", err)
			}
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 16<<20 {
				t.Errorf("allocated %d MB reading a refused answer", grew>>20)
			}
		})
	}
}

// A participant above the contribution cap is "data incomplete" with the
// cap in the cause; the others in the batch are complete.
func TestContributionCap(t *testing.T) {
	srv, _, _ := wikiServer(t, func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"batchcomplete":true,"query":{"users":[{"userid":7,"name":"Alice","editcount":9},{"userid":8,"name":"Bob","editcount":2}]}}`)
	}, func(w http.ResponseWriter, r *http.Request) {
		var revs []string
		if strings.Contains(r.URL.Query().Get("ucuser"), "Alice") {
			for i := range 5 {
				revs = append(revs, rev("Alice", 100+i))
			}
		}
		revs = append(revs, rev("Bob", 1), rev("Bob", 2))
		fmt.Fprint(w, contribsPage("", revs...))
	})
	var waits []time.Duration
	c := newClient(t, srv, &waits, mwapi.WithMaxContributions(3))
	e, err := mwapi.Enrich(context.Background(), c, []string{"test.wiki"}, []string{"Alice", "Bob"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Failures) != 1 || e.Failures[0].Username != "Alice" {
		t.Fatalf("failures %v", e.Failures)
	}
	if got, want := e.Failures[0].Cause(), "contributions on test.wiki: more than 3 contributions, the cap"; got != want {
		t.Errorf("cause %q, want %q", got, want)
	}
	if len(e.Contributions) != 2 || e.Contributions[0].User != "Bob" {
		t.Errorf("contributions %v, want Bob's two", e.Contributions)
	}
}

// Waits before retries are reported as progress with their reason.
func TestWaitsAreVisible(t *testing.T) {
	srv, _, _ := wikiServer(t, func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, okUsers) }, noContribs)
	var tries atomic.Int32
	busy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if tries.Add(1) == 1 {
			w.Header().Set("Retry-After", "30")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		srv.Config.Handler.ServeHTTP(w, r)
	}))
	defer busy.Close()
	var waits []time.Duration
	var seen []string
	c := newClient(t, busy, &waits)
	_, err := mwapi.Enrich(context.Background(), c, []string{"test.wiki"}, []string{"Alice"}, &mwapi.EnrichOptions{Progress: func(p mwapi.Progress) {
		if p.Waiting > 0 {
			seen = append(seen, fmt.Sprintf("%s %s", p.Waiting, p.WaitReason))
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(seen) != "[30s Wikimedia asked us to slow down]" {
		t.Errorf("waits reported %q", seen)
	}
}

// Cancellation stops at once and says so.
func TestCancelledEnrichSaysSo(t *testing.T) {
	srv, _, _ := wikiServer(t, unavailable, noContribs)
	ctx, cancel := context.WithCancel(context.Background())
	var waits []time.Duration
	c := newClient(t, srv, &waits, mwapi.WithSleeper(func(context.Context, time.Duration) error { cancel(); return context.Canceled }))
	_, err := mwapi.Enrich(ctx, c, []string{"test.wiki"}, []string{"Alice"}, nil)
	if err == nil || !strings.Contains(err.Error(), "interrupted after 0 of 1 user-wikis") {
		t.Fatalf("err = %v", err)
	}
}

// Clear removes only what the cache wrote, and a folder with other files
// is never taken for a cache.
func TestCacheClearIsSafe(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "main.go"), []byte("package main"), 0o644)
	if _, err := mwapi.OpenCache(dir); err == nil || !strings.Contains(err.Error(), "is not a cache") {
		t.Fatalf("a folder of sources opened as a cache: %v", err)
	}
	dir = t.TempDir()
	c, err := mwapi.OpenCache(dir)
	if err != nil {
		t.Fatal(err)
	}
	c.Put("a", []byte("1"))
	c.Put("b", []byte("2"))
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	n, err := c.Clear()
	if err != nil || n != 2 {
		t.Fatalf("cleared %d, %v", n, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "notes.txt")); err != nil {
		t.Errorf("a file the cache did not write was removed: %v", err)
	}
	if _, ok := c.Get("a"); ok {
		t.Error("entry a survived Clear")
	}
}

// A participant with 5,000 contributions costs the lower bound and no
// more: one siteinfo, one users batch and ⌈5,000/500⌉ = 10 contribution
// pages.
func TestRequestsForAPowerUser(t *testing.T) {
	const total = 5000
	srv, _, _ := wikiServer(t, func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, okUsers) }, func(w http.ResponseWriter, r *http.Request) {
		from := 0
		if c := r.URL.Query().Get("uccontinue"); c != "" {
			fmt.Sscanf(c, "20210306|%d", &from)
		}
		var revs []string
		for i := from; i < min(from+500, total); i++ {
			revs = append(revs, rev("Alice", i+1))
		}
		cont := ""
		if from+500 < total {
			cont = fmt.Sprintf("20210306|%d", from+500)
		}
		fmt.Fprint(w, contribsPage(cont, revs...))
	})
	var waits []time.Duration
	c := newClient(t, srv, &waits)
	e, err := mwapi.Enrich(context.Background(), c, []string{"test.wiki"}, []string{"Alice"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Contributions) != total || e.Stats.Requests != 12 {
		t.Errorf("%d contributions in %d requests, want %d in 12", len(e.Contributions), e.Stats.Requests, total)
	}
}
