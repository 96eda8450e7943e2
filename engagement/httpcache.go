package engagement

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sync/atomic"
)

// dashboardCacheDir is the folder, inside the cache, holding the Dashboard's
// answers.
const dashboardCacheDir = "dashboard"

// maxCachedBody bounds one cached Dashboard answer (a course of 10,000
// participants is about 3 MB).
const maxCachedBody = 256 << 20

// cachingTransport keeps the Dashboard's successful GET answers on disk, so
// that asking for the same course again (the next notebook cell, a rerun,
// an offline rerun) sends no request. Only 200 answers are kept.
type cachingTransport struct {
	next    http.RoundTripper
	dir     string // "" = keep nothing
	offline bool   // answer from the cache only
	refresh bool   // ask again even when cached
	sent    atomic.Int64
	hits    atomic.Int64
}

type cachedAnswer struct {
	URL         string `json:"url"`
	ContentType string `json:"content_type"`
	Body        []byte `json:"body"`
}

func (t *cachingTransport) path(u string) string {
	sum := sha256.Sum256([]byte(u))
	return filepath.Join(t.dir, dashboardCacheDir, hex.EncodeToString(sum[:16])+".json")
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
	if !t.refresh {
		if a, ok := t.read(u); ok {
			t.hits.Add(1)
			return a.response(req), nil
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
		return nil, fmt.Errorf("reading %s: the answer is larger than %d MB", u, maxCachedBody>>20)
	}
	a := cachedAnswer{URL: u, ContentType: resp.Header.Get("Content-Type"), Body: body}
	if err := t.write(a); err != nil {
		return nil, err
	}
	return a.response(req), nil
}

func (t *cachingTransport) read(u string) (cachedAnswer, bool) {
	b, err := os.ReadFile(t.path(u))
	if err != nil {
		return cachedAnswer{}, false
	}
	var a cachedAnswer
	if json.Unmarshal(b, &a) != nil || a.URL != u {
		return cachedAnswer{}, false // damaged or colliding: ask again
	}
	return a, true
}

func (t *cachingTransport) write(a cachedAnswer) error {
	p := t.path(a.URL)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("caching the Dashboard's answer: %w", err)
	}
	b, err := json.Marshal(a)
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(p), ".answer-*")
	if err != nil {
		return fmt.Errorf("caching the Dashboard's answer: %w", err)
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		os.Remove(f.Name())
		return fmt.Errorf("caching the Dashboard's answer: %w", err)
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("caching the Dashboard's answer: %w", err)
	}
	return os.Rename(f.Name(), p)
}

func (a cachedAnswer) response(req *http.Request) *http.Response {
	h := http.Header{}
	if a.ContentType != "" {
		h.Set("Content-Type", a.ContentType)
	}
	return &http.Response{
		Status: "200 OK", StatusCode: http.StatusOK, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: h, Body: io.NopCloser(bytes.NewReader(a.Body)), ContentLength: int64(len(a.Body)), Request: req,
	}
}
