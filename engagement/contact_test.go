package engagement_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"testing"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/sample"
)

// noDNS fails every request whose host is not in serve as a name that
// does not resolve, as on a machine without network; serve's hosts are
// answered by the sample.
type noDNS struct{ serve []string }

func (n noDNS) RoundTrip(r *http.Request) (*http.Response, error) {
	for _, h := range n.serve {
		if r.URL.Host == h {
			return sample.Transport().RoundTrip(r)
		}
	}
	return nil, &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: r.URL.Host, IsNotFound: true}}
}

// Without a network the course, and then Wikimedia, fail in one line
// saying so and what to do, not a raw "dial tcp: lookup" error.
func TestNoNetworkIsOneLine(t *testing.T) {
	cfg := engagement.Config{Contact: "test@example.org", HTTPClient: &http.Client{Transport: noDNS{}}}
	_, err := engagement.Open(context.Background(), sample.CourseURL, engagement.WithConfig(cfg))
	want := "no network: outreachdashboard.wmflabs.org cannot be reached (lookup outreachdashboard.wmflabs.org: no such host); " + mwapi.NoNetworkHint
	if err == nil || err.Error() != want {
		t.Errorf("the Dashboard unreachable: %v\nwant %s", err, want)
	}
	cfg.HTTPClient = &http.Client{Transport: noDNS{serve: []string{"outreachdashboard.wmflabs.org"}}}
	s, err := engagement.Open(context.Background(), sample.CourseURL, engagement.WithConfig(cfg), engagement.WithAsOf(sample.AsOf))
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Analysis()
	if err == nil || !strings.HasPrefix(err.Error(), "no network: ") || !strings.HasSuffix(err.Error(), mwapi.NoNetworkHint) || strings.Contains(err.Error(), "\n") {
		t.Errorf("Wikimedia unreachable: %v; want mwapi's one no-network line", err)
	}
}

// The User-Agent carries the contact and nothing in its place without one:
// a live run without a usable contact is refused in mwapi's one wording,
// naming Contact.
func TestContactRule(t *testing.T) {
	if ua := (engagement.Config{}).UserAgent(); strings.Contains(ua, "(") || strings.Contains(ua, "Policy") {
		t.Errorf("User-Agent without a contact %q: holds a placeholder", ua)
	}
	if ua := (engagement.Config{Contact: "me@example.org"}).UserAgent(); !strings.Contains(ua, "(me@example.org)") {
		t.Errorf("User-Agent %q lacks the contact", ua)
	}
	for _, contact := range []string{"", "me", "https://foundation.wikimedia.org/wiki/Policy:Wikimedia_Foundation_User-Agent_Policy"} {
		cfg := engagement.Config{Contact: contact, HTTPClient: &http.Client{Transport: noDNS{serve: []string{"outreachdashboard.wmflabs.org"}}}}
		_, err := engagement.Open(context.Background(), sample.CourseURL, engagement.WithConfig(cfg))
		var se *engagement.SettingError
		if !errors.As(err, &se) || se.Setting != engagement.SettingContact || !strings.Contains(err.Error(), mwapi.ContactRule) {
			t.Errorf("contact %q: %v; want a SettingError naming Contact in mwapi's wording", contact, err)
		}
	}
	// The sample answers in the process: it needs no contact.
	if _, err := engagement.Open(context.Background(), engagement.Sample); err != nil {
		t.Errorf("the sample without a contact: %v", err)
	}
}
