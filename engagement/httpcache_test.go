package engagement

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"example.com/engagement/engagement/dashboard"
	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/study"
)

const goodUsersJSON = `{"course":{"users":[{"id":1,"username":"Jane doe","global_id":9,"role":0,"enrolled_at":"2021-03-05T09:00:00.000Z"}]}}`

// A bad Dashboard answer was cached before it was checked, so every rerun
// failed until -cache-clear. Now it is reported naming the URL and never
// cached: the next run asks again (one request) and caches the good answer.
func TestDashboardCacheKeepsOnlyGoodAnswers(t *testing.T) {
	var body atomic.Value
	var asked atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		fmt.Fprint(w, body.Load().(string))
	}))
	defer srv.Close()
	ref, err := dashboard.ParseCourseWithBase("Lib/Women_in_Science_(2021)", srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	u := ref.JSONURL("users")
	dir := t.TempDir()
	users := func(offline bool) ([]dashboard.User, *mwapi.AnswerCache, error) {
		tr := study.DashboardCache(dir, offline)
		dc, err := dashboard.NewClient(dashboard.WithUserAgent("engagement-test/1 (test@example.org)"), dashboard.WithHTTPClient(&http.Client{Transport: tr}))
		if err != nil {
			t.Fatal(err)
		}
		us, err := dc.Users(context.Background(), ref)
		return us, tr, err
	}
	for _, bad := range []struct{ name, body, want string }{
		{"login page", "<!DOCTYPE html><html><body>Sign in</body></html>", u + ": got an HTML page, not JSON"},
		{"truncated", goodUsersJSON[:60], u + ": truncated or malformed JSON: it ends too early (line 1, column 61)"},
		{"empty", "", u + ": empty response, expected JSON"},
		{"no course key", `{"message":"Please sign in."}`, u + `: no "course" object in the response`},
		{"no users list", `{"course":{"id":1}}`, u + `: "course.users" is missing or null`},
	} {
		body.Store(bad.body)
		before := asked.Load()
		_, tr, err := users(false)
		if err == nil || !strings.HasPrefix(err.Error(), bad.want) {
			t.Errorf("%s: error %v, want it to start with %s", bad.name, err, bad.want)
		}
		if n := asked.Load() - before; n != 1 || tr.Sent() != 1 {
			t.Errorf("%s: %d requests (%d sent), want 1", bad.name, n, tr.Sent())
		}
		if _, _, err := users(true); err == nil || !strings.Contains(err.Error(), "is not in the cache") {
			t.Errorf("%s: cached anyway: offline gives %v", bad.name, err)
		}
	}
	body.Store(goodUsersJSON)
	before := asked.Load()
	if us, tr, err := users(false); err != nil || len(us) != 1 || asked.Load()-before != 1 || tr.Sent() != 1 {
		t.Fatalf("good answer on the rerun: %v %v, %d requests", us, err, asked.Load()-before)
	}
	if us, tr, err := users(false); err != nil || len(us) != 1 || asked.Load()-before != 1 || tr.Hits() != 1 {
		t.Errorf("the good answer is not cached: %v %v, %d requests", us, err, asked.Load()-before)
	}
	if us, _, err := users(true); err != nil || len(us) != 1 {
		t.Errorf("offline after the good answer: %v %v", us, err)
	}
}

// A cache an older version filled with a login page is asked again (and
// healed); offline, it is reported as unusable, not parsed as users.
func TestDashboardCacheRefetchesAPoisonedAnswer(t *testing.T) {
	var asked atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		fmt.Fprint(w, goodUsersJSON)
	}))
	defer srv.Close()
	ref, _ := dashboard.ParseCourseWithBase("Lib/Women_in_Science_(2021)", srv.URL)
	u := ref.JSONURL("users")
	dir := t.TempDir()
	c, err := mwapi.OpenCache(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Put(u, []byte("<html>Sign in</html>")); err != nil {
		t.Fatal(err)
	}
	get := func(offline bool) error {
		tr := study.DashboardCache(dir, offline)
		dc, _ := dashboard.NewClient(dashboard.WithUserAgent("engagement-test/1 (test@example.org)"), dashboard.WithHTTPClient(&http.Client{Transport: tr}))
		_, err := dc.Users(context.Background(), ref)
		return err
	}
	want := "offline: the Dashboard's answer to " + u + " in the cache " + dir + " is not usable (" + u + ": got an HTML page, not JSON: is the course private, or the URL wrong?); run once online to fetch it again"
	if err := get(true); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("offline on a poisoned cache: %v\nwant %s", err, want)
	}
	if err := get(false); err != nil || asked.Load() != 1 {
		t.Errorf("online: %v, %d requests", err, asked.Load())
	}
	if err := get(true); err != nil || asked.Load() != 1 {
		t.Errorf("healed: %v, %d requests", err, asked.Load())
	}
}
