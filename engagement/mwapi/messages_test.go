package mwapi_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/sample"
)

// Each failure is described with what a user can act on: the server's
// wait, the timeout's duration, the size limit.
func TestFailuresSayWhatHappened(t *testing.T) {
	tests := []struct {
		name    string
		handler http.HandlerFunc
		opts    []mwapi.Option
		want    string
	}{
		{"Retry-After above the cap", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Retry-After", "100000")
			w.WriteHeader(http.StatusTooManyRequests)
		}, nil, "HTTP 429, and the server asked to wait 27h46m40s before a retry, more than the 2m0s this client waits: try again later"},
		{"hang", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }, []mwapi.Option{mwapi.WithRetries(1)}, "no answer within 50ms (timeout) after 2 tries"},
		{"too large", func(w http.ResponseWriter, _ *http.Request) { w.Write(make([]byte, 2<<20)) }, []mwapi.Option{mwapi.WithMaxBody(1 << 20)}, "answer larger than 1 MB"},
		{"too large, in bytes", func(w http.ResponseWriter, _ *http.Request) { w.Write(make([]byte, 5000)) }, []mwapi.Option{mwapi.WithMaxBody(4000)}, "answer larger than 4000 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(tt.handler)
			defer srv.Close()
			hc := srv.Client()
			// Only the hanging server needs a short timeout; the others
			// answer, and a slow machine (the race detector) must not
			// turn a size failure into a timeout.
			hc.Timeout = 30 * time.Second
			if tt.name == "hang" {
				hc.Timeout = 50 * time.Millisecond
			}
			var waits []time.Duration
			c := newClient(t, srv, &waits, append([]mwapi.Option{mwapi.WithHTTPClient(hc)}, tt.opts...)...)
			e, err := mwapi.Enrich(context.Background(), c, []string{"test.wiki"}, []string{"Alice"}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(e.Failures) != 1 || e.Failures[0].Why() != tt.want {
				t.Fatalf("failures %v; want one: %s", e.Failures, tt.want)
			}
		})
	}
}

// Without network (the name does not resolve) every request fails at
// once, without retries, and the enrichment offers one line that says so
// and what to do.
func TestNoNetworkIsOneLine(t *testing.T) {
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, _, _ := net.SplitHostPort(addr)
		return nil, &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}}
	}
	var waits []time.Duration
	c, err := mwapi.NewClient(mwapi.WithUserAgent(ua), mwapi.WithHTTPClient(&http.Client{Transport: &http.Transport{DialContext: dial}}),
		mwapi.WithSleeper(func(context.Context, time.Duration) error { waits = append(waits, 0); return nil }))
	if err != nil {
		t.Fatal(err)
	}
	e, err := mwapi.Enrich(context.Background(), c, []string{"en.wikipedia.org"}, []string{"Alice", "Bob"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	nn := e.NoNetwork()
	want := "no network: en.wikipedia.org cannot be reached (lookup en.wikipedia.org: no such host); check the connection, point Course at a downloaded course folder, or use the cache with -offline"
	if nn == nil || nn.Error() != want {
		t.Fatalf("NoNetwork() = %v; want %s", nn, want)
	}
	if e.Failures[0].Why() != "no network (en.wikipedia.org cannot be reached)" {
		t.Errorf("why = %q", e.Failures[0].Why())
	}
	if e.Stats.Requests != 2 || len(waits) != 0 {
		t.Errorf("%d requests, %d waits; want 2 (siteinfo, one lookup) and none", e.Stats.Requests, len(waits))
	}
}

// One contact rule: a live client refuses a User-Agent without a contact,
// the facade's placeholder (the policy's own page) included, in the words
// of ContactRule; an offline client needs none.
func TestContactRule(t *testing.T) {
	for _, bad := range []string{
		"", "Go-http-client/1.1", "mytool", "engagement/1 (mytool)",
		"engagement/0.9 (no contact set; https://foundation.wikimedia.org/wiki/Policy:Wikimedia_Foundation_User-Agent_Policy) Go-mwapi/0.9",
	} {
		_, err := mwapi.NewClient(mwapi.WithUserAgent(bad))
		var ce *mwapi.ContactError
		if !errors.As(err, &ce) || !strings.HasSuffix(err.Error(), "no contact: "+mwapi.ContactRule) {
			t.Errorf("User-Agent %q: %v", bad, err)
		}
	}
	if _, err := mwapi.NewClient(mwapi.WithOffline(true)); err != nil {
		t.Errorf("offline without a User-Agent: %v", err)
	}
	for contact, want := range map[string]string{
		"me@example.org": "",
		"https://meta.wikimedia.org/wiki/User:Me": "",
		"":                    "no contact: " + mwapi.ContactRule,
		"me":                  `contact "me": not an email address or a URL; ` + mwapi.ContactRule,
		"me (at) example.org": `contact "me (at) example.org": holds a parenthesis or a line break, which would break the User-Agent; ` + mwapi.ContactRule,
		"https://foundation.wikimedia.org/wiki/Policy:Wikimedia_Foundation_User-Agent_Policy": `contact "https://foundation.wikimedia.org/wiki/Policy:Wikimedia_Foundation_User-Agent_Policy": the User-Agent policy is not your contact; ` + mwapi.ContactRule,
	} {
		agent, err := mwapi.UserAgent("engagement/1.0", contact)
		switch {
		case want == "" && (err != nil || agent != "engagement/1.0 ("+contact+")"):
			t.Errorf("UserAgent(%q) = %q, %v", contact, agent, err)
		case want != "" && (err == nil || err.Error() != want || mwapi.CheckContact(contact) == nil):
			t.Errorf("UserAgent(%q) error = %v; want %s", contact, err, want)
		}
	}
}

// The embedded sample's in-memory API needs no contact: nothing leaves the
// process.
func TestInProcessNeedsNoContact(t *testing.T) {
	if _, err := mwapi.NewClient(mwapi.WithHTTPClient(&http.Client{Transport: sample.Transport()})); err != nil {
		t.Errorf("sample transport without a contact: %v", err)
	}
	if _, err := mwapi.NewClient(mwapi.WithHTTPClient(&http.Client{Transport: http.DefaultTransport})); err == nil {
		t.Error("a real transport without a contact was accepted")
	}
}
