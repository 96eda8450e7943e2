package engagement

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/sample"
)

// countingTransport counts the requests that reach the network.
type countingTransport struct {
	next  http.RoundTripper
	n     atomic.Int64
	hosts sync.Map
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	c.hosts.Store(r.URL.Host, true)
	return c.next.RoundTrip(r)
}

type failingTransport struct{}

func (failingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	return nil, errors.New("network down")
}

// A live course opened, fetched and analysed twice: the second time, and an
// offline third time with the network down, send no request and give the
// same numbers.
func TestSessionCachesDashboardAndAPI(t *testing.T) {
	ctx := context.Background()
	cache := t.TempDir()
	net := &countingTransport{next: sample.Transport()}
	open := func(opts ...Option) (*Session, *Analysis) {
		t.Helper()
		opts = append(opts, WithContact("test@example.org"), WithCacheDir(cache), WithAsOf(sample.AsOf))
		s, err := Open(ctx, sample.CourseURL, opts...)
		if err != nil {
			t.Fatal(err)
		}
		a, err := s.Analysis()
		if err != nil {
			t.Fatal(err)
		}
		return s, a
	}
	s1, a1 := open(WithConfig(Config{HTTPClient: &http.Client{Transport: net}}))
	first := s1.Requests()
	if first.Dashboard != 2 || first.DashboardCached != 0 || first.API == 0 || int64(first.Total()) != net.n.Load() {
		t.Fatalf("first run: %+v, network saw %d", first, net.n.Load())
	}
	if _, ok := net.hosts.Load("outreachdashboard.wmflabs.org"); !ok {
		t.Fatal("the Dashboard was not asked through the configured client")
	}
	c, err := mwapi.OpenCache(cache)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := c.List()
	if err != nil {
		t.Fatal(err)
	}
	listed := 0
	for _, e := range entries {
		if strings.HasPrefix(e.Request, "https://outreachdashboard.wmflabs.org/courses/") {
			listed++
		}
	}
	if listed != 2 {
		t.Errorf("%d Dashboard answers in the cache's list, want 2 (course and users)", listed)
	}
	net.n.Store(0)
	s2, a2 := open(WithConfig(Config{HTTPClient: &http.Client{Transport: net}}))
	if r := s2.Requests(); r.Total() != 0 || net.n.Load() != 0 || r.DashboardCached != 2 || r.APICached != first.API {
		t.Fatalf("second run: %+v, network saw %d; want 0 requests, every answer cached", r, net.n.Load())
	}
	s3, a3 := open(WithConfig(Config{HTTPClient: &http.Client{Transport: failingTransport{}}, Offline: true}))
	if r := s3.Requests(); r.Total() != 0 {
		t.Fatalf("offline run: %+v", r)
	}
	for _, a := range []*Analysis{a2, a3} {
		if len(a.Result.Rows) != len(a1.Result.Rows) {
			t.Fatalf("%d rows, want %d", len(a.Result.Rows), len(a1.Result.Rows))
		}
		for i, row := range a.Result.Rows {
			if row != a1.Result.Rows[i] {
				t.Fatalf("row %d: %+v, want %+v", i, row, a1.Result.Rows[i])
			}
		}
	}
}

func TestSessionOfflineMissNamesTheCache(t *testing.T) {
	cache := t.TempDir()
	_, err := Open(context.Background(), sample.CourseURL,
		WithConfig(Config{HTTPClient: &http.Client{Transport: failingTransport{}}}), WithCacheDir(cache), WithOffline(true))
	if err == nil || !strings.Contains(err.Error(), "offline") || !strings.Contains(err.Error(), cache) {
		t.Fatalf("err = %v; want an offline cache miss naming %s", err, cache)
	}
}

func TestSessionSettingErrors(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		course  string
		opts    []Option
		setting string
		want    string
	}{
		{sample.CourseURL, nil, SettingContact, "contact"},
		{"https://example.org/courses/a/b", []Option{WithContact("x@example.org")}, SettingCourse, "not a Dashboard"},
		{Sample, []Option{WithAsOfDate("1 May 2024")}, SettingAsOf, `"1 May 2024"`},
		{Sample, []Option{WithLookbackDays(-1)}, SettingLookbackDays, "-1"},
		{Sample, []Option{WithLongTermEdits(0)}, SettingLongTermEdits, "0 edits"},
	} {
		_, err := Open(ctx, tc.course, tc.opts...)
		var se *SettingError
		if !errors.As(err, &se) || se.Setting != tc.setting || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Open(%q): %v; want a %s setting error mentioning %q", tc.course, err, tc.setting, tc.want)
		}
	}
}

// Parameters are values: the session's options set the defaults, and a
// changed copy gives another analysis without touching the session.
func TestSessionParams(t *testing.T) {
	s, err := Open(context.Background(), Sample, WithLookbackDays(0), WithLongTermEdits(100), WithAsOfDate("2024-06-01"))
	if err != nil {
		t.Fatal(err)
	}
	p := s.Params()
	if p.NewEditorLookback != 0 || p.LongTermEdits != 100 || p.AsOf.Format("2006-01-02") != "2024-06-01" {
		t.Fatalf("params %+v", p)
	}
	a, err := s.Analysis()
	if err != nil {
		t.Fatal(err)
	}
	p.LongTermEdits = 1000
	b, err := s.Analyze(p)
	if err != nil {
		t.Fatal(err)
	}
	la, _ := a.Result.Find(metrics.MetricLongTerm, metrics.SegmentExperienced)
	lb, _ := b.Result.Find(metrics.MetricLongTerm, metrics.SegmentExperienced)
	if la.Value <= lb.Value || s.Params().LongTermEdits != 100 {
		t.Fatalf("long-term at 100 edits: %v, at 1000: %v; session params %d", la.Value, lb.Value, s.Params().LongTermEdits)
	}
}
