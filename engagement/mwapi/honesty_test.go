package mwapi_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"example.com/engagement/engagement/mwapi"
)

// wikiServer answers siteinfo, and list=users and list=usercontribs with the
// given handlers; it counts requests per list.
func wikiServer(t *testing.T, users, contribs http.HandlerFunc) (*httptest.Server, *atomic.Int32, *atomic.Int32) {
	t.Helper()
	var nu, nc atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch q := r.URL.Query(); {
		case q.Get("meta") == "siteinfo":
			fmt.Fprint(w, `{"batchcomplete":true,"query":{"namespaces":{"0":{"id":0,"name":"","content":true}}}}`)
		case q.Get("list") == "users":
			nu.Add(1)
			users(w, r)
		case q.Get("list") == "usercontribs":
			nc.Add(1)
			contribs(w, r)
		default:
			http.Error(w, "unexpected request", http.StatusBadRequest)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &nu, &nc
}

func unavailable(w http.ResponseWriter, _ *http.Request) {
	http.Error(w, "Service Unavailable", http.StatusServiceUnavailable)
}

func noContribs(w http.ResponseWriter, _ *http.Request) {
	fmt.Fprint(w, `{"batchcomplete":true,"query":{"usercontribs":[]}}`)
}

// A lookup that never answers must not turn anyone, the bot included, into
// "account not found": the account is unknown and the failure says why.
func TestFailedLookupIsNotMissing(t *testing.T) {
	srv, nu, nc := wikiServer(t, unavailable, noContribs)
	var waits []time.Duration
	c := newClient(t, srv, &waits)
	e, err := mwapi.Enrich(context.Background(), c, []string{"test.wiki"}, []string{"Alice", "HelperBot"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range e.Accounts {
		if a.Missing || a.Found() {
			t.Errorf("%s: Missing=%v Found=%v, want unknown (neither)", a.Input, a.Missing, a.Found())
		}
	}
	if len(e.Failures) != 2 {
		t.Fatalf("failures = %v, want one per user", e.Failures)
	}
	for _, f := range e.Failures {
		if f.Stage != mwapi.StageAccount {
			t.Errorf("stage = %q", f.Stage)
		}
		if got, want := f.Cause(), "account lookup on test.wiki: HTTP 503 after 4 tries"; got != want {
			t.Errorf("cause = %q, want %q", got, want)
		}
	}
	if nu.Load() != 4 || nc.Load() != 0 {
		t.Errorf("requests: users %d (want 4: one batch, 3 retries), usercontribs %d (want 0)", nu.Load(), nc.Load())
	}
	if fmt.Sprint(waits) != "[1s 2s 4s]" {
		t.Errorf("waits = %v", waits)
	}
}

// Contributions that cannot be fetched make the participant incomplete only
// on wikis where the account exists.
func TestContribsFailureOnlyWhereAccountExists(t *testing.T) {
	exists := func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, okUsers) }
	missing := func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `{"batchcomplete":true,"query":{"users":[{"name":"Alice","missing":true}]}}`)
	}
	a, _, _ := wikiServer(t, exists, unavailable)
	b, _, nb := wikiServer(t, missing, unavailable)
	var waits []time.Duration
	c := newClient(t, a, &waits, mwapi.WithEndpoint("b.wiki", b.URL+"/api.php"))
	e, err := mwapi.Enrich(context.Background(), c, []string{"test.wiki", "b.wiki"}, []string{"Alice"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Failures) != 1 || e.Failures[0].Wiki != "test.wiki" || e.Failures[0].Stage != mwapi.StageContributions {
		t.Fatalf("failures = %v, want contributions on test.wiki only", e.Failures)
	}
	if nb.Load() != 0 {
		t.Errorf("b.wiki was asked for contributions %d times; Alice has no account there", nb.Load())
	}
	if !e.Accounts[0].Found() || e.Accounts[0].Missing {
		t.Errorf("account = %+v, want found", e.Accounts[0])
	}
}
