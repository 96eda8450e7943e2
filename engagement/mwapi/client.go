// Package mwapi is a polite client for the MediaWiki Action API: typed calls
// for list=users, list=usercontribs and meta=siteinfo, continuation hidden
// behind iterators, and the etiquette Wikimedia requires kept inside the
// client: a descriptive User-Agent, maxlag, retries with backoff that honour
// Retry-After, at most one request at a time per wiki and three in total,
// gzip, and an on-disk cache so a rerun makes no requests. Requests go only
// to Wikimedia wikis (CheckWikiDomain) or to wikis mapped to an endpoint
// (WithEndpoint), and a live client needs a contact (CheckContact).
//
// Enrich fetches everything an engagement analysis needs for a cohort and
// returns what it finished plus a per-user list of failures: a run that
// fetched 590 of 600 users keeps the 590 and says which 10 failed and why.
package mwapi

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Errors callers can test with errors.Is.
var (
	// ErrOffline is returned in offline mode for a request not in the cache.
	ErrOffline = errors.New("not in the cache and the client is offline")
	// ErrMaxLag reports that the wiki's replicas lagged on every try.
	ErrMaxLag = errors.New("database replicas are lagging (maxlag)")
)

// What can be wrong with an answer that has no status to say it; Describe
// names them without the request's details.
var (
	errHTML       = errors.New("got an HTML page, not JSON")
	errMalformed  = errors.New("truncated or malformed JSON")
	errBadGzip    = errors.New("bad gzip body")
	errUnexpected = errors.New("unexpected answer")
	errRepeated   = errors.New("the server repeated the continuation")
)

// APIError is an error object returned by the API.
type APIError struct {
	Wiki, Code, Info string
}

func (e *APIError) Error() string {
	return fmt.Sprintf("%s: API error %s: %s", e.Wiki, e.Code, e.Info)
}

// HTTPError is an unexpected HTTP status.
type HTTPError struct {
	Status int
	URL    string
}

func (e *HTTPError) Error() string {
	return fmt.Sprintf("HTTP %d %s from %s", e.Status, http.StatusText(e.Status), e.URL)
}

// Stats counts what a client did.
type Stats struct {
	Requests  int           // HTTP requests sent (retries included)
	CacheHits int           // responses served from the cache
	Retries   int           // requests repeated after a failure
	Bytes     int64         // response bytes read from the network
	Waited    time.Duration // time spent waiting before retries
	// OldestCached is when the oldest answer served from the cache was
	// fetched (its entry's modification time); zero when none was.
	OldestCached time.Time
}

func (s Stats) String() string {
	return fmt.Sprintf("%d requests, %d cache hits, %d retries, %.1f kB, waited %s", s.Requests, s.CacheHits, s.Retries, float64(s.Bytes)/1000, s.Waited.Round(time.Millisecond))
}

// Client talks to the API of one or more wikis. Its methods are safe for
// concurrent use.
type Client struct {
	http        *http.Client
	ua          string
	endpoints   map[string]string
	cache       *Cache
	offline     bool
	maxLag      int
	retries     int
	sleep       func(context.Context, time.Duration) error
	now         func() time.Time
	jitter      func(time.Duration) time.Duration
	total       chan struct{}
	perWikiN    int
	mu          sync.Mutex
	perWiki     map[string]chan struct{}
	stats       Stats
	baseBackoff time.Duration
	maxWait     time.Duration
	maxBody     int64
	maxContribs int
}

// Defaults of the bounds every client keeps (see the With... options).
const (
	// DefaultMaxWait is the longest Retry-After (or maxlag wait) the client
	// honours; a server asking for more fails the request with its wait in
	// the message instead of stalling the run.
	DefaultMaxWait = 2 * time.Minute
	// DefaultMaxBody bounds one answer, read from the network and after
	// decompression (a full usercontribs page is about 200 kB).
	DefaultMaxBody = 64 << 20
	// DefaultMaxContributions is the per-participant, per-wiki cap on
	// fetched contributions: a participant above it is left out as "data
	// incomplete: more than N contributions on WIKI" instead of costing
	// hours of requests (500 revisions per request: at most 200 requests).
	DefaultMaxContributions = 100_000
)

// WithMaxWait sets the longest server-requested wait honoured before a retry
// (DefaultMaxWait).
func WithMaxWait(d time.Duration) Option { return func(c *Client) error { c.maxWait = d; return nil } }

// WithMaxBody sets the largest answer read, compressed or not
// (DefaultMaxBody).
func WithMaxBody(n int64) Option { return func(c *Client) error { c.maxBody = n; return nil } }

// WithMaxContributions sets the per-participant, per-wiki contribution cap
// (DefaultMaxContributions).
func WithMaxContributions(n int) Option {
	return func(c *Client) error {
		if n < 1 {
			return fmt.Errorf("mwapi: contribution cap %d: must be at least 1", n)
		}
		c.maxContribs = n
		return nil
	}
}

// Option configures a Client.
type Option func(*Client) error

// WithUserAgent sets the User-Agent (required by Wikimedia's policy):
// "<tool>/<version> (<contact URL or email>)", as UserAgent builds it.
func WithUserAgent(ua string) Option { return func(c *Client) error { c.ua = ua; return nil } }

// WithHTTPClient sets the HTTP client.
func WithHTTPClient(h *http.Client) Option {
	return func(c *Client) error {
		if h == nil {
			return errors.New("mwapi: nil HTTP client")
		}
		c.http = h
		return nil
	}
}

// WithEndpoint sets the api.php URL of a wiki domain, e.g.
// WithEndpoint("en.wikipedia.org", "http://127.0.0.1:8080/api.php").
// Without it, https://{domain}/w/api.php is used.
func WithEndpoint(domain, apiURL string) Option {
	return func(c *Client) error {
		if _, err := url.Parse(apiURL); err != nil {
			return fmt.Errorf("mwapi: endpoint for %s: %w", domain, err)
		}
		c.endpoints[domain] = apiURL
		return nil
	}
}

// WithCache keeps responses in dir so a rerun makes no requests.
func WithCache(dir string) Option {
	return func(c *Client) error {
		cache, err := OpenCache(dir)
		c.cache = cache
		return err
	}
}

// WithOffline serves only from the cache; a miss is ErrOffline.
func WithOffline(offline bool) Option {
	return func(c *Client) error { c.offline = offline; return nil }
}

// WithMaxLag sets the maxlag parameter in seconds (default 5).
func WithMaxLag(seconds int) Option { return func(c *Client) error { c.maxLag = seconds; return nil } }

// WithRetries sets how many times a failed request is repeated (default 5).
func WithRetries(n int) Option { return func(c *Client) error { c.retries = n; return nil } }

// WithConcurrency sets the number of requests in flight per wiki (default 1)
// and in total (default 3; never more than 3).
func WithConcurrency(perWiki, total int) Option {
	return func(c *Client) error {
		if perWiki < 1 || total < 1 {
			return errors.New("mwapi: concurrency must be at least 1")
		}
		c.perWikiN, c.total = perWiki, make(chan struct{}, min(total, 3))
		return nil
	}
}

// WithSleeper replaces the function used to wait between retries (tests).
func WithSleeper(sleep func(context.Context, time.Duration) error) Option {
	return func(c *Client) error { c.sleep = sleep; return nil }
}

// WithClock replaces the clock used to read Retry-After dates (tests).
func WithClock(now func() time.Time) Option { return func(c *Client) error { c.now = now; return nil } }

// WithJitter replaces the backoff jitter (tests: the identity function).
func WithJitter(j func(time.Duration) time.Duration) Option {
	return func(c *Client) error { c.jitter = j; return nil }
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// NewClient returns a client. Unless it is offline or its transport is
// InProcess, its User-Agent (WithUserAgent, see UserAgent) must hold a
// contact that CheckContact accepts, or NewClient fails with a
// *ContactError.
func NewClient(opts ...Option) (*Client, error) {
	c := &Client{
		http:        &http.Client{Timeout: 60 * time.Second},
		endpoints:   map[string]string{},
		maxLag:      5,
		retries:     5,
		sleep:       sleepCtx,
		now:         time.Now,
		jitter:      func(d time.Duration) time.Duration { return d/2 + rand.N(d/2+1) },
		total:       make(chan struct{}, 3),
		perWikiN:    1,
		perWiki:     map[string]chan struct{}{},
		baseBackoff: time.Second,
		maxWait:     DefaultMaxWait,
		maxBody:     DefaultMaxBody,
		maxContribs: DefaultMaxContributions,
	}
	for _, o := range opts {
		if err := o(c); err != nil {
			return nil, err
		}
	}
	if !c.offline && needsContact(c.http) && !hasContact(c.ua) {
		return nil, fmt.Errorf("mwapi: User-Agent %q: %w", c.ua, &ContactError{})
	}
	return c, nil
}

// Stats returns what the client has done so far.
func (c *Client) Stats() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stats
}

// Cache returns the client's cache, or nil.
func (c *Client) Cache() *Cache { return c.cache }

// Endpoint returns the api.php URL used for a wiki domain.
func (c *Client) Endpoint(wiki string) string {
	if u, ok := c.endpoints[wiki]; ok {
		return u
	}
	return "https://" + wiki + "/w/api.php"
}

// CheckWiki reports whether the client sends requests for wiki: a wiki
// mapped to an endpoint (WithEndpoint), or a Wikimedia wiki
// (CheckWikiDomain).
func (c *Client) CheckWiki(wiki string) error {
	if _, ok := c.endpoints[wiki]; ok {
		return nil
	}
	return CheckWikiDomain(wiki)
}

func (c *Client) count(f func(*Stats)) {
	c.mu.Lock()
	f(&c.stats)
	c.mu.Unlock()
}

func (c *Client) acquire(ctx context.Context, wiki string) (func(), error) {
	c.mu.Lock()
	sem := c.perWiki[wiki]
	if sem == nil {
		sem = make(chan struct{}, c.perWikiN)
		c.perWiki[wiki] = sem
	}
	c.mu.Unlock()
	select {
	case sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	select {
	case c.total <- struct{}{}:
	case <-ctx.Done():
		<-sem
		return nil, ctx.Err()
	}
	return func() { <-c.total; <-sem }, nil
}

// errorBody is the API's error object.
type errorBody struct {
	Error *struct {
		Code string `json:"code"`
		Info string `json:"info"`
	} `json:"error"`
}

// check validates an answer before it is used or cached: it decodes what
// its call expects and fails when that is missing or malformed.
type check func(body []byte) error

// query sends a GET to the wiki's api.php with params and returns an answer
// that passed ok, from the cache when possible. It retries on 429, 5xx,
// maxlag, database errors and network errors, honouring Retry-After up to
// the client's cap. Only answers that pass ok are cached; a cached answer
// that no longer decodes is removed and fetched again.
func (c *Client) query(ctx context.Context, wiki string, params url.Values, ok check) ([]byte, error) {
	p := url.Values{}
	for k, v := range params {
		p[k] = v
	}
	p.Set("format", "json")
	p.Set("formatversion", "2")
	if err := c.CheckWiki(wiki); err != nil {
		return nil, err
	}
	key := wiki + "?" + p.Encode()
	if b, hit := c.cached(key, ok); hit {
		return b, nil
	}
	if c.offline {
		return nil, fmt.Errorf("%s %s: %w", wiki, summarise(p), ErrOffline)
	}
	p.Set("maxlag", strconv.Itoa(c.maxLag))
	return c.fetch(ctx, wiki, c.Endpoint(wiki)+"?"+p.Encode(), key, summarise(p), ok)
}

// get fetches a URL of a REST service with the same etiquette, retries,
// checks and cache as the Action API.
func (c *Client) get(ctx context.Context, host, u string, ok check) ([]byte, error) {
	if b, hit := c.cached(u, ok); hit {
		return b, nil
	}
	if c.offline {
		return nil, fmt.Errorf("%s: %w", u, ErrOffline)
	}
	return c.fetch(ctx, host, u, u, u, ok)
}

// cached returns the cached answer for key if there is one and it passes ok;
// an entry that fails is deleted so that it is fetched again.
func (c *Client) cached(key string, ok check) ([]byte, bool) {
	if c.cache == nil {
		return nil, false
	}
	b, hit := c.cache.Get(key)
	if !hit {
		return nil, false
	}
	if err := ok(b); err != nil {
		c.cache.Delete(key)
		return nil, false
	}
	at := c.cache.Fetched(key)
	c.count(func(s *Stats) {
		s.CacheHits++
		if !at.IsZero() && (s.OldestCached.IsZero() || at.Before(s.OldestCached)) {
			s.OldestCached = at
		}
	})
	return b, true
}

// fetch sends GET u with retries, checks the answer and stores it under key.
func (c *Client) fetch(ctx context.Context, wiki, u, key, what string, ok check) ([]byte, error) {
	var lastErr error
	for attempt := 0; attempt <= c.retries; attempt++ {
		if attempt > 0 {
			c.count(func(s *Stats) { s.Retries++ })
		}
		body, wait, err := c.once(ctx, wiki, u)
		if err == nil {
			if err := ok(body); err != nil {
				return nil, fmt.Errorf("%s %s: %w (not cached): %w", wiki, what, errUnexpected, err)
			}
			if c.cache != nil {
				if err := c.cache.Put(key, body); err != nil {
					return nil, err
				}
			}
			return body, nil
		}
		lastErr = err
		if wait < 0 || ctx.Err() != nil { // not retryable
			return nil, err
		}
		if attempt == c.retries {
			break
		}
		if wait > c.maxWait {
			return nil, fmt.Errorf("%s %s: %w", wiki, what, &WaitTooLongError{Wait: wait, Max: c.maxWait, Err: lastErr})
		}
		if wait == 0 {
			wait = c.jitter(c.baseBackoff << attempt)
		}
		c.count(func(s *Stats) { s.Waited += wait })
		announceWait(ctx, wiki, wait, lastErr)
		if err := c.sleep(ctx, wait); err != nil {
			return nil, fmt.Errorf("%s %s: waiting to retry after %v: %w", wiki, what, lastErr, err)
		}
	}
	return nil, fmt.Errorf("%s %s: %w", wiki, what, &TriesError{Tries: c.retries + 1, Err: lastErr})
}

// summarise names a request in errors without its long user lists.
func summarise(p url.Values) string {
	var parts []string
	for _, k := range []string{"action", "list", "meta", "prop"} {
		if v := p.Get(k); v != "" {
			parts = append(parts, k+"="+v)
		}
	}
	for _, k := range []string{"ususers", "ucuser"} {
		if v := p.Get(k); v != "" {
			n := strings.Count(v, "|") + 1
			parts = append(parts, fmt.Sprintf("%s=(%d users)", k, n))
		}
	}
	sort.Strings(parts)
	return strings.Join(parts, "&")
}

// once sends one request. wait > 0 asks for a retry after wait; wait == 0
// for a retry with backoff; wait < 0 means the error is final.
func (c *Client) once(ctx context.Context, wiki, u string) ([]byte, time.Duration, error) {
	release, err := c.acquire(ctx, wiki)
	if err != nil {
		return nil, -1, err
	}
	defer release()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, -1, err
	}
	req.Header.Set("User-Agent", c.ua)
	req.Header.Set("Accept-Encoding", "gzip")
	req.Header.Set("Accept", "application/json")
	c.count(func(s *Stats) { s.Requests++ })
	start := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, -1, ctx.Err()
		}
		if nn, ok := noNetwork(wiki, err); ok {
			var dns *net.DNSError
			if errors.As(err, &dns) && dns.IsNotFound {
				return nil, -1, nn // the name does not resolve: retrying will not help
			}
			return nil, 0, nn
		}
		return nil, 0, fmt.Errorf("%s: %w", wiki, c.timeout(wiki, start, err))
	}
	defer resp.Body.Close()
	raw := &limitedReader{r: resp.Body, left: c.maxBody}
	var r io.Reader = raw
	if resp.Header.Get("Content-Encoding") == "gzip" {
		gz, err := gzip.NewReader(raw)
		if err != nil {
			return nil, 0, fmt.Errorf("%s: %w: %w", wiki, errBadGzip, err)
		}
		defer gz.Close()
		r = gz
	}
	unpacked := &limitedReader{r: r, left: c.maxBody}
	body, err := io.ReadAll(unpacked)
	c.count(func(s *Stats) { s.Bytes += c.maxBody - raw.left })
	if raw.over || unpacked.over {
		return nil, -1, fmt.Errorf("%s: %w: refused (a wrong endpoint, or a server sending too much)", wiki, &TooLargeError{Limit: c.maxBody})
	}
	if err != nil {
		var ne net.Error
		if errors.As(err, &ne) || errors.Is(err, io.ErrUnexpectedEOF) || ctx.Err() == nil {
			return nil, 0, fmt.Errorf("%s: reading response: %w", wiki, c.timeout(wiki, start, err))
		}
		return nil, -1, err
	}
	return c.classify(wiki, resp, body)
}

// classify turns a whole answer into its body, or an error with the wait
// before a retry (as once returns them): 429 and 5xx, maxlag, rate limits,
// database and internal errors are retried; HTML and malformed JSON with
// backoff; other API errors and statuses are final.
func (c *Client) classify(wiki string, resp *http.Response, body []byte) ([]byte, time.Duration, error) {
	retryAfter := c.retryAfter(resp.Header.Get("Retry-After"))
	switch {
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		return nil, retryAfter, &HTTPError{Status: resp.StatusCode, URL: c.Endpoint(wiki)}
	case resp.StatusCode != http.StatusOK:
		return nil, -1, &HTTPError{Status: resp.StatusCode, URL: c.Endpoint(wiki)}
	}
	trim := strings.TrimSpace(string(body[:min(len(body), 64)]))
	if strings.HasPrefix(trim, "<") {
		return nil, 0, fmt.Errorf("%s: %w: is %s the wiki's api.php?", wiki, errHTML, c.Endpoint(wiki))
	}
	var eb errorBody
	if err := json.Unmarshal(body, &eb); err != nil {
		return nil, 0, fmt.Errorf("%s: %w (%d bytes): %w", wiki, errMalformed, len(body), err)
	}
	if eb.Error != nil {
		apiErr := &APIError{Wiki: wiki, Code: eb.Error.Code, Info: eb.Error.Info}
		if eb.Error.Code == "maxlag" {
			return nil, max(retryAfter, 5*time.Second), fmt.Errorf("%w: %w", ErrMaxLag, apiErr)
		}
		if eb.Error.Code == "ratelimited" {
			return nil, retryAfter, apiErr
		}
		if strings.HasPrefix(eb.Error.Code, "internal_api_error_") || eb.Error.Code == "readonly" {
			return nil, retryAfter, apiErr // database or internal error: usually transient
		}
		return nil, -1, apiErr
	}
	return body, -1, nil
}

// timeout names a network error that is a timeout as a *TimeoutError
// with its duration (the HTTP client's timeout, or the time waited); other
// errors are returned as they are.
func (c *Client) timeout(wiki string, start time.Time, err error) error {
	var ne net.Error
	if !errors.As(err, &ne) || !ne.Timeout() {
		return err
	}
	after := c.http.Timeout
	if after == 0 {
		after = time.Since(start).Round(time.Millisecond)
	}
	return &TimeoutError{Wiki: wiki, After: after, Err: err}
}

func (c *Client) retryAfter(h string) time.Duration {
	if h == "" {
		return 0
	}
	if s, err := strconv.Atoi(strings.TrimSpace(h)); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil {
		if d := t.Sub(c.now()); d > 0 {
			return d
		}
		return time.Second
	}
	return 0
}

// limitedReader reads at most left bytes and records whether there was more.
type limitedReader struct {
	r    io.Reader
	left int64
	over bool
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		var one [1]byte
		if n, _ := l.r.Read(one[:]); n > 0 {
			l.over = true
		}
		return 0, io.EOF
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}

// waitKey carries a function told about every wait before a retry.
type waitKey struct{}

// withWaitHook returns a context whose requests report their waits to f.
func withWaitHook(ctx context.Context, f func(wiki string, d time.Duration, why string)) context.Context {
	return context.WithValue(ctx, waitKey{}, f)
}

func announceWait(ctx context.Context, wiki string, d time.Duration, err error) {
	f, _ := ctx.Value(waitKey{}).(func(string, time.Duration, string))
	if f == nil {
		return
	}
	why := "retrying after " + Describe(err)
	var he *HTTPError
	var ae *APIError
	if errors.Is(err, ErrMaxLag) || errors.As(err, &he) && he.Status == http.StatusTooManyRequests || errors.As(err, &ae) && ae.Code == "ratelimited" {
		why = "Wikimedia asked us to slow down"
	}
	f(wiki, d, why)
}

// TriesError is the last error of a request that was retried until the
// bounded policy gave up.
type TriesError struct {
	Tries int
	Err   error
}

func (e *TriesError) Error() string {
	return fmt.Sprintf("giving up after %d tries: %v", e.Tries, e.Err)
}

// Unwrap returns the last error.
func (e *TriesError) Unwrap() error { return e.Err }
