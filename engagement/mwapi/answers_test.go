package mwapi_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"example.com/engagement/engagement/mwapi"
)

// An AnswerCache keeps the answers its check accepts and nothing else: a
// refused answer reaches the client as it came and is asked for again; an
// accepted one is answered from the folder (offline too); refresh asks
// again; an answer over the cap is an error naming the URL.
func TestAnswerCacheKeepsCheckedAnswers(t *testing.T) {
	var asked atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		fmt.Fprint(w, strings.TrimPrefix(r.URL.Path, "/"))
	}))
	defer srv.Close()
	dir := t.TempDir()
	get := func(path string, offline, refresh bool) (string, *mwapi.AnswerCache, error) {
		c := &mwapi.AnswerCache{Service: "the service", MaxBody: 8, Dir: dir, Offline: offline, Refresh: refresh,
			Check: func(url string, body []byte) error {
				if string(body) == "bad" {
					return errors.New("bad")
				}
				return nil
			}}
		req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, srv.URL+"/"+path, nil)
		resp, err := c.RoundTrip(req)
		if err != nil {
			return "", c, err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return string(b), c, err
	}
	for i := range 2 {
		if body, c, err := get("bad", false, false); body != "bad" || err != nil || c.Sent() != 1 || asked.Load() != int64(i+1) {
			t.Fatalf("refused answer, try %d: %q %v, sent %d, asked %d", i, body, err, c.Sent(), asked.Load())
		}
	}
	if _, _, err := get("bad", true, false); err == nil || err.Error() != "offline: the service's answer to "+srv.URL+"/bad is not in the cache "+dir {
		t.Errorf("offline, refused answer: %v", err)
	}
	if body, c, err := get("good", false, false); body != "good" || err != nil || c.Sent() != 1 {
		t.Fatalf("first good: %q %v", body, err)
	}
	if body, c, err := get("good", true, false); body != "good" || err != nil || c.Hits() != 1 || c.Sent() != 0 || asked.Load() != 3 {
		t.Errorf("cached good, offline: %q %v, hits %d, asked %d", body, err, c.Hits(), asked.Load())
	}
	if body, c, err := get("good", false, true); body != "good" || err != nil || c.Sent() != 1 || asked.Load() != 4 {
		t.Errorf("refresh: %q %v, sent %d, asked %d", body, err, c.Sent(), asked.Load())
	}
	if _, _, err := get("muchtoolong", false, false); err == nil || err.Error() != "reading "+srv.URL+"/muchtoolong: the answer is larger than 0 MiB, the cap for the service's answers" {
		t.Errorf("over the cap: %v", err)
	}
}

// The contact rule applies to requests that can reach Wikimedia only.
func TestRequireContact(t *testing.T) {
	inproc := &http.Client{Transport: inProcessTransport{}}
	for _, c := range []struct {
		contact string
		h       *http.Client
		offline bool
		want    bool // an error
	}{
		{"", nil, false, true}, {"", http.DefaultClient, false, true}, {"not a contact", nil, false, true},
		{"me@example.org", nil, false, false}, {"", nil, true, false}, {"", inproc, false, false},
	} {
		err := mwapi.RequireContact(c.contact, c.h, c.offline)
		var ce *mwapi.ContactError
		if (err != nil) != c.want || (err != nil && !errors.As(err, &ce)) {
			t.Errorf("%q, client %v, offline %v: %v", c.contact, c.h, c.offline, err)
		}
	}
}

type inProcessTransport struct{}

func (inProcessTransport) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, errors.New("not used")
}
func (inProcessTransport) InProcess() bool { return true }
