package engagement

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"sync/atomic"

	"example.com/engagement/engagement/dashboard"
	"example.com/engagement/engagement/mwapi"
)

// maxCachedBody bounds one cached Dashboard answer (a course of 10,000
// participants is about 3 MB): the Dashboard files' cap.
const maxCachedBody = dashboard.MaxFileSize

// cachingTransport keeps the Dashboard's successful GET answers on disk, so
// that asking for the same course again (the next notebook cell, a rerun,
// an offline rerun) sends no request. Only 200 answers that parse as their
// endpoint's format are kept (dashboard.CheckAnswer): a login page, a
// truncated or empty answer goes to the client uncached, whose parser
// reports it naming the URL, and the next run asks again. A cached answer
// that no longer passes (kept by an older version) is asked for again.
type cachingTransport struct {
	next    http.RoundTripper
	dir     string // "" = keep nothing
	offline bool   // answer from the cache only
	refresh bool   // ask again even when cached
	sent    atomic.Int64
	hits    atomic.Int64
}

// cache opens the cache the API's answers share, keyed by URL, so that
// listing and clearing the cache covers the Dashboard's answers too.
func (t *cachingTransport) cache() (*mwapi.Cache, error) {
	return mwapi.OpenCache(t.dir)
}

// RoundTrip implements http.RoundTripper.
func (t *cachingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Method != http.MethodGet || t.dir == "" {
		if t.offline {
			return nil, fmt.Errorf("offline: %s is not cached (no cache folder)", req.URL)
		}
		t.sent.Add(1)
		return t.next.RoundTrip(req)
	}
	u := req.URL.String()
	c, err := t.cache()
	if err != nil {
		return nil, fmt.Errorf("opening the Dashboard's cache: %w", err)
	}
	if !t.refresh {
		if body, ok := c.Get(u); ok {
			_, err := dashboard.CheckAnswer(u, body)
			switch {
			case err == nil:
				t.hits.Add(1)
				return answer(req, body), nil
			case t.offline:
				return nil, fmt.Errorf("offline: the Dashboard's answer to %s in the cache %s is not usable (%v); run once online to fetch it again", u, t.dir, err)
			}
		}
	}
	if t.offline {
		return nil, fmt.Errorf("offline: the Dashboard's answer to %s is not in the cache %s", u, t.dir)
	}
	t.sent.Add(1)
	resp, err := t.next.RoundTrip(req)
	if err != nil || resp.StatusCode != http.StatusOK {
		return resp, err
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxCachedBody+1))
	resp.Body.Close()
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", u, err)
	}
	if len(body) > maxCachedBody {
		return nil, fmt.Errorf("reading %s: the answer is larger than %d MiB (dashboard.MaxFileSize)", u, maxCachedBody>>20)
	}
	if _, err := dashboard.CheckAnswer(u, body); err != nil {
		return answer(req, body), nil // not kept; the client's parser reports a fault
	}
	if err := c.Put(u, body); err != nil {
		return nil, fmt.Errorf("caching the Dashboard's answer: %w", err)
	}
	return answer(req, body), nil
}

func answer(req *http.Request, body []byte) *http.Response {
	h := http.Header{"Content-Type": {"application/json"}}
	return &http.Response{
		Status: "200 OK", StatusCode: http.StatusOK, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: h, Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(len(body)), Request: req,
	}
}
