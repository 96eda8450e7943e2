package mwapi_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"example.com/engagement/engagement/mwapi"
)

func TestCheckWikiDomain(t *testing.T) {
	for _, d := range []string{
		"en.wikipedia.org", "simple.wikipedia.org", "zh-min-nan.wikipedia.org", "be-tarask.wikipedia.org", "test2.wikipedia.org",
		"fr.wiktionary.org", "de.wikibooks.org", "es.wikinews.org", "it.wikiquote.org", "pl.wikisource.org", "en.wikiversity.org", "fr.wikivoyage.org",
		"www.wikidata.org", "test.wikidata.org", "commons.wikimedia.org", "meta.wikimedia.org", "species.wikimedia.org",
		"incubator.wikimedia.org", "outreach.wikimedia.org", "www.mediawiki.org", "www.wikifunctions.org", "wikisource.org",
	} {
		if err := mwapi.CheckWikiDomain(d); err != nil {
			t.Errorf("CheckWikiDomain(%q) = %v, want accepted", d, err)
		}
	}
	for d, reason := range map[string]string{
		"127.0.0.1:18443/steal":         "not a lower-case host name",
		"en.127.0.0.1:18443/steal.org":  "not a lower-case host name",
		"evil.example.org":              "not a Wikimedia wiki",
		"en.wikipedia.org.evil.example": "not a Wikimedia wiki",
		"wikipedia.org":                 "not a Wikimedia wiki",
		"EN.wikipedia.org":              "not a lower-case host name",
		"e.wikipedia.org":               `"e" is not a language code`,
		"en.m.wikipedia.org":            "not a Wikimedia wiki",
		"x.wikimedia.org":               "not a known wiki of wikimedia.org",
		"":                              "empty",
		"en_x.wikipedia.org":            `"en_x" is not a language code`,
	} {
		err := mwapi.CheckWikiDomain(d)
		var de *mwapi.DomainError
		if !errors.As(err, &de) || de.Domain != d || !strings.Contains(err.Error(), reason) || !strings.HasPrefix(err.Error(), "wiki \""+d+"\": ") {
			t.Errorf("CheckWikiDomain(%q) = %v, want a refusal naming it: %s", d, err, reason)
		}
	}
}

// A project planted in a course ("127.0.0.1:18443/steal") is refused
// before any request, naming the domain; the same domain mapped to an
// endpoint explicitly is asked.
func TestUnknownWikiIsRefusedBeforeAnyRequest(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		http.Error(w, "nothing here", http.StatusNotFound)
	}))
	defer srv.Close()
	c, err := mwapi.NewClient(mwapi.WithUserAgent(ua), mwapi.WithHTTPClient(srv.Client()), mwapi.WithRetries(0),
		mwapi.WithEndpoint("test.wiki", srv.URL+"/api.php"))
	if err != nil {
		t.Fatal(err)
	}
	planted := "127.0.0.1:18443/steal"
	_, err = mwapi.Enrich(context.Background(), c, []string{"test.wiki", planted}, []string{"Alice"}, nil)
	if err == nil || !strings.Contains(err.Error(), `wiki "127.0.0.1:18443/steal": not a lower-case host name`) || n.Load() != 0 {
		t.Fatalf("Enrich: err %v after %d requests; want a refusal before any", err, n.Load())
	}
	for _, call := range []func() error{
		func() error { _, err := c.Users(context.Background(), planted, []string{"Alice"}); return err },
		func() error { _, err := c.SiteInfo(context.Background(), "evil.example.org"); return err },
		func() error {
			_, err := c.Pageviews(context.Background(), "127.0.0.1:18443/steal", "A", mwapi.Daily, time.Now(), time.Now())
			return err
		},
	} {
		var de *mwapi.DomainError
		if err := call(); !errors.As(err, &de) {
			t.Errorf("err = %v, want a *DomainError", err)
		}
	}
	if n.Load() != 0 {
		t.Errorf("%d requests sent to a refused wiki", n.Load())
	}
	mapped, err := mwapi.NewClient(mwapi.WithUserAgent(ua), mwapi.WithHTTPClient(srv.Client()), mwapi.WithRetries(0), mwapi.WithEndpoint("evil.example.org", srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := mapped.SiteInfo(context.Background(), "evil.example.org"); err == nil || n.Load() != 1 {
		t.Errorf("a mapped wiki: err %v after %d requests, want the server's 404 after 1", err, n.Load())
	}
}
