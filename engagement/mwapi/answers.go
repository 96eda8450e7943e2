package mwapi

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"sync/atomic"
)

// AnswerCache is an http.RoundTripper that keeps another service's
// successful GET answers (the Dashboard's) in the Cache the API's answers
// use, keyed by URL, so that asking again (the next notebook cell, a
// rerun, an offline rerun) sends no request, and listing or clearing the
// cache covers them too. Only 200 answers that Check accepts are kept: a
// login page, a truncated or empty answer goes to the client uncached,
// whose parser reports it naming the URL, and the next run asks again. A
// cached answer Check no longer accepts (kept by an older version) is
// asked for again, or reported offline.
//
// Set the fields before the first request; the zero Next is
// http.DefaultTransport.
type AnswerCache struct {
	Service string                              // in messages, e.g. "the Dashboard"
	Check   func(url string, body []byte) error // nil for an answer worth keeping
	MaxBody int                                 // the largest answer read, in bytes
	Next    http.RoundTripper                   // where requests go; nil: http.DefaultTransport
	Dir     string                              // the cache folder; "" keeps nothing
	Offline bool                                // answer from the cache only; a miss is an error
	Refresh bool                                // ask again even when cached
	sent    atomic.Int64
	hits    atomic.Int64
}

// Sent is the number of requests sent.
func (t *AnswerCache) Sent() int { return int(t.sent.Load()) }

// Hits is the number of requests answered from the cache.
func (t *AnswerCache) Hits() int { return int(t.hits.Load()) }

// RoundTrip implements http.RoundTripper.
func (t *AnswerCache) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Method != http.MethodGet || t.Dir == "" {
		if t.Offline {
			return nil, fmt.Errorf("offline: %s is not cached (no cache folder)", req.URL)
		}
		t.sent.Add(1)
		return t.next().RoundTrip(req)
	}
	u := req.URL.String()
	c, err := OpenCache(t.Dir)
	if err != nil {
		return nil, fmt.Errorf("opening %s's cache: %w", t.Service, err)
	}
	if !t.Refresh {
		if body, ok := c.Get(u); ok {
			err := t.Check(u, body)
			switch {
			case err == nil:
				t.hits.Add(1)
				return answer(req, body), nil
			case t.Offline:
				return nil, fmt.Errorf("offline: %s's answer to %s in the cache %s is not usable (%v); run once online to fetch it again", t.Service, u, t.Dir, err)
			}
		}
	}
	if t.Offline {
		return nil, fmt.Errorf("offline: %s's answer to %s is not in the cache %s", t.Service, u, t.Dir)
	}
	return t.fetch(req, c)
}

// fetch sends req and keeps the answer in c when check accepts it.
func (t *AnswerCache) fetch(req *http.Request, c *Cache) (*http.Response, error) {
	u := req.URL.String()
	t.sent.Add(1)
	resp, err := t.next().RoundTrip(req)
	if err != nil || resp.StatusCode != http.StatusOK {
		return resp, err
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, int64(t.MaxBody)+1))
	resp.Body.Close()
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", u, err)
	}
	if len(body) > t.MaxBody {
		return nil, fmt.Errorf("reading %s: the answer is larger than %d MiB, the cap for %s's answers", u, t.MaxBody>>20, t.Service)
	}
	if err := t.Check(u, body); err != nil {
		return answer(req, body), nil // not kept; the client's parser reports a fault
	}
	if err := c.Put(u, body); err != nil {
		return nil, fmt.Errorf("caching %s's answer: %w", t.Service, err)
	}
	return answer(req, body), nil
}

func (t *AnswerCache) next() http.RoundTripper {
	if t.Next == nil {
		return http.DefaultTransport
	}
	return t.Next
}

func answer(req *http.Request, body []byte) *http.Response {
	h := http.Header{"Content-Type": {"application/json"}}
	return &http.Response{
		Status: "200 OK", StatusCode: http.StatusOK, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: h, Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(len(body)), Request: req,
	}
}
