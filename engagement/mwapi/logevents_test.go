package mwapi_test

import (
	"context"
	"strings"
	"testing"
	"time"
)

// Each action listed on its own (autocreate never asked for), create over
// two pages of 500: create kept from its performer, create2 and byemail
// from the title, an autocreate entry a server sends anyway left out; the
// window and paging on the wire; oldest first across the actions.
func TestNewUsers(t *testing.T) {
	var queries []map[string][]string
	srv, n := contribsServer(t, func(q map[string][]string) string {
		queries = append(queries, q)
		switch a := strings.Join(q["leaction"], ","); {
		case a == "newusers/create" && len(q["lecontinue"]) == 0:
			return `{"continue":{"lecontinue":"20260310000000|7","continue":"-||"},"query":{"logevents":[
{"action":"create","user":"Alice","title":"User:Alice","timestamp":"2026-03-01T10:00:00Z"},
{"action":"autocreate","user":"Global","title":"User:Global","timestamp":"2026-03-02T10:00:00Z"}]}}`
		case a == "newusers/create":
			return `{"query":{"logevents":[{"action":"create","user":"Dan","title":"User:Dan","timestamp":"2026-03-12T00:00:00Z"}]}}`
		case a == "newusers/create2":
			return `{"query":{"logevents":[{"action":"create2","user":"Admin","title":"User:Bob","timestamp":"2026-03-03T10:00:00Z"}]}}`
		case a == "newusers/byemail":
			return `{"query":{"logevents":[{"action":"byemail","user":"Admin","title":"Benutzer:Carol","timestamp":"2026-03-10T00:00:00Z"}]}}`
		}
		return `{"error":{"code":"badvalue","info":"unexpected"}}`
	})
	var waits []time.Duration
	c := newClient(t, srv, &waits)
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	got, err := c.NewUsers(context.Background(), "test.wiki", start, start.AddDate(0, 0, 20))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range got {
		names = append(names, a.Action+":"+a.Username+"@"+a.Registered.Format("01-02"))
	}
	if s := strings.Join(names, ","); s != "create:Alice@03-01,create2:Bob@03-03,byemail:Carol@03-10,create:Dan@03-12" {
		t.Errorf("accounts %s", s)
	}
	if n.Load() != 4 {
		t.Errorf("%d requests; want 4 (create over two pages, create2, byemail)", n.Load())
	}
	for k, want := range map[string]string{"leaction": "newusers/create", "letype": "", "lelimit": "500", "ledir": "newer", "lestart": "2026-03-01T00:00:00Z", "leend": "2026-03-21T00:00:00Z", "maxlag": "5"} {
		if v := strings.Join(queries[0][k], ","); v != want {
			t.Errorf("%s=%q; want %q", k, v, want)
		}
	}
	if v := queries[1]["lecontinue"]; len(v) != 1 || v[0] != "20260310000000|7" {
		t.Errorf("second page lecontinue=%v", v)
	}
}

// A server that repeats its continuation is stopped with an error naming
// the wiki.
func TestNewUsersRepeatedContinuation(t *testing.T) {
	srv, n := contribsServer(t, func(q map[string][]string) string {
		return `{"continue":{"lecontinue":"x"},"query":{"logevents":[]}}`
	})
	var waits []time.Duration
	_, err := newClient(t, srv, &waits).NewUsers(context.Background(), "test.wiki", time.Time{}, time.Now())
	if err == nil || !strings.Contains(err.Error(), "listing new accounts (create) on test.wiki (page 2)") || n.Load() != 2 {
		t.Errorf("err %v after %d requests", err, n.Load())
	}
}
