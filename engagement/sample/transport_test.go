package sample

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

// get sends one GET through Transport and returns status, error header and body.
func get(t *testing.T, rawURL string) (int, string, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, rawURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := Transport().RoundTrip(req)
	if err != nil {
		t.Fatalf("GET %s: %v", rawURL, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header.Get("MediaWiki-API-Error"), b
}

func api(wiki string, params ...string) string {
	q := url.Values{"action": {"query"}, "format": {"json"}, "formatversion": {"2"}}
	for i := 0; i+1 < len(params); i += 2 {
		q.Set(params[i], params[i+1])
	}
	return "https://" + wiki + "/w/api.php?" + q.Encode()
}

type contribsResponse struct {
	BatchComplete bool `json:"batchcomplete"`
	Continue      *struct {
		UCContinue string `json:"uccontinue"`
		Continue   string `json:"continue"`
	} `json:"continue"`
	Query struct {
		UserContribs []struct {
			UserID    int64  `json:"userid"`
			User      string `json:"user"`
			RevID     int64  `json:"revid"`
			ParentID  int64  `json:"parentid"`
			PageID    int64  `json:"pageid"`
			NS        int    `json:"ns"`
			Title     string `json:"title"`
			Timestamp string `json:"timestamp"`
			Size      int    `json:"size"`
			SizeDiff  int    `json:"sizediff"`
			New       bool   `json:"new"`
		} `json:"usercontribs"`
	} `json:"query"`
	Error *struct {
		Code string `json:"code"`
		Info string `json:"info"`
	} `json:"error"`
}

func contribs(t *testing.T, rawURL string) contribsResponse {
	t.Helper()
	status, _, body := get(t, rawURL)
	if status != 200 {
		t.Fatalf("GET %s: status %d: %s", rawURL, status, body)
	}
	var r contribsResponse
	if err := json.Unmarshal(body, &r); err != nil {
		t.Fatalf("GET %s: %v", rawURL, err)
	}
	return r
}

func revids(r contribsResponse) []int64 {
	var ids []int64
	for _, c := range r.Query.UserContribs {
		ids = append(ids, c.RevID)
	}
	return ids
}

// TestTransportContinuation pages through three users' Wikidata edits seven
// at a time, the names written as enrolled (underscores, lower case), and
// gets every revision exactly once in MediaWiki's order: by actor, then
// timestamp, then revision id; ucdir=older gives the exact reverse.
func TestTransportContinuation(t *testing.T) {
	ev, err := Generate(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, p := range ev.People {
		ids[p.Name] = p.UserID
	}
	users := []string{"Ada Okafor", "Jane doe (WMUK)", "Annie Ivanova"}
	var want []Revision
	for _, r := range ev.Revisions["www.wikidata.org"] {
		if slices.Contains(users, r.Username) {
			want = append(want, r)
		}
	}
	slices.SortFunc(want, func(a, b Revision) int {
		return cmp.Or(cmp.Compare(ids[a.Username], ids[b.Username]), a.Timestamp.Compare(b.Timestamp), cmp.Compare(a.RevID, b.RevID))
	})
	if len(want) < 50 {
		t.Fatalf("only %d revisions to page through", len(want))
	}
	var wantIDs []int64
	for _, r := range want {
		wantIDs = append(wantIDs, r.RevID)
	}
	for _, dir := range []string{"newer", "older"} {
		var got []int64
		requests := 0
		cont := ""
		for {
			params := []string{"list", "usercontribs", "ucuser", "Ada_Okafor|jane_doe_(WMUK)|annie Ivanova", "uclimit", "7", "ucdir", dir, "ucprop", "ids|title|timestamp|size|sizediff|flags"}
			if cont != "" {
				params = append(params, "uccontinue", cont, "continue", "-||")
			}
			r := contribs(t, api("www.wikidata.org", params...))
			requests++
			if n := len(r.Query.UserContribs); n > 7 {
				t.Fatalf("%s: page %d has %d revisions, uclimit is 7", dir, requests, n)
			}
			got = append(got, revids(r)...)
			if r.Continue == nil {
				if !r.BatchComplete {
					t.Errorf("%s: last page without batchcomplete", dir)
				}
				break
			}
			if r.Continue.Continue != "-||" || !strings.HasPrefix(r.Continue.UCContinue, "actor|") {
				t.Errorf("%s: continue = %+v", dir, *r.Continue)
			}
			cont = r.Continue.UCContinue
		}
		w := slices.Clone(wantIDs)
		if dir == "older" {
			slices.Reverse(w)
		}
		if !slices.Equal(got, w) {
			t.Errorf("%s: got %d revisions %v, want %d %v", dir, len(got), got, len(w), w)
		}
		if wantReq := (len(w) + 6) / 7; requests != wantReq {
			t.Errorf("%s: %d requests, want %d", dir, requests, wantReq)
		}
	}
}

// TestTransportBounds checks that ucstart and ucend are inclusive in both
// directions, on three of Ada Okafor's Wikidata edits:
// 740 at 2019-01-27T08:54:35Z, 381 at 2019-02-02T19:06:14Z and 3 at
// 2019-02-10T17:34:41Z.
func TestTransportBounds(t *testing.T) {
	r := contribs(t, api("www.wikidata.org", "list", "usercontribs", "ucuser", "Ada Okafor", "ucdir", "newer",
		"ucstart", "2019-01-27T08:54:35Z", "ucend", "2019-02-10T17:34:41Z", "uclimit", "max", "ucprop", "ids|title|timestamp|sizediff|flags"))
	if got := revids(r); !slices.Equal(got, []int64{740, 381, 3}) || !r.BatchComplete {
		t.Errorf("newer: %v, batchcomplete %v; want [740 381 3]", got, r.BatchComplete)
	}
	first := r.Query.UserContribs[0]
	if first.Title != "Q8275017" || first.PageID != 51 || first.SizeDiff != 186 || first.New || first.UserID == 0 {
		t.Errorf("first revision = %+v", first)
	}
	r = contribs(t, api("www.wikidata.org", "list", "usercontribs", "ucuser", "Ada Okafor",
		"ucstart", "2019-02-10T17:34:41Z", "ucend", "2019-01-27T08:54:35Z"))
	if got := revids(r); !slices.Equal(got, []int64{3, 381, 740}) {
		t.Errorf("older (the default): %v, want [3 381 740]", got)
	}
	r = contribs(t, api("www.wikidata.org", "list", "usercontribs", "ucuser", "Ada Okafor", "ucdir", "newer",
		"ucstart", "2019-01-27T08:54:36Z", "ucend", "2019-02-10T17:34:40Z"))
	if got := revids(r); !slices.Equal(got, []int64{381}) {
		t.Errorf("one second inside the bounds: %v, want [381]", got)
	}
}

// TestTransportUsers checks list=users, list=usercontribs with bad and
// missing names, and unknown modules.
func TestTransportUsers(t *testing.T) {
	status, code, body := get(t, api("en.wikipedia.org", "list", "users", "usprop", "editcount|registration|groups|blockinfo",
		"ususers", "jane_doe_(WMUK)|Vanished_Nomad|Bad#Name|CiteFixBot"))
	if status != 200 || code != "" {
		t.Fatalf("status %d, error %q: %s", status, code, body)
	}
	var us struct {
		Query struct {
			Users []struct {
				Name         string   `json:"name"`
				UserID       int64    `json:"userid"`
				Registration *string  `json:"registration"`
				Groups       []string `json:"groups"`
				Missing      bool     `json:"missing"`
				Invalid      bool     `json:"invalid"`
			} `json:"users"`
		} `json:"query"`
	}
	if err := json.Unmarshal(body, &us); err != nil {
		t.Fatal(err)
	}
	u := us.Query.Users
	if len(u) != 4 {
		t.Fatalf("users = %+v", u)
	}
	if u[0].Name != "Jane doe (WMUK)" || u[0].Registration == nil || *u[0].Registration != "2021-03-07T01:53:37Z" || u[0].UserID == 0 || u[0].Missing {
		t.Errorf("first = %+v", u[0])
	}
	if u[1].Name != "Vanished Nomad" || !u[1].Missing || u[1].UserID != 0 {
		t.Errorf("missing = %+v", u[1])
	}
	if u[2].Name != "Bad#Name" || !u[2].Invalid {
		t.Errorf("invalid = %+v", u[2])
	}
	if u[3].Name != "CiteFixBot" || !slices.Contains(u[3].Groups, "bot") || slices.Contains(u[0].Groups, "bot") {
		t.Errorf("bot = %+v, first groups %v", u[3], u[0].Groups)
	}

	// An invalid name fails the whole usercontribs request.
	status, code, body = get(t, api("en.wikipedia.org", "list", "usercontribs", "ucuser", "Ada Okafor|Bad#Name"))
	if status != 200 || code != "baduser_ucuser" || !bytes.Contains(body, []byte(`"code":"baduser_ucuser"`)) || !bytes.Contains(body, []byte("Bad#Name")) {
		t.Errorf("bad user: status %d, header %q, body %s", status, code, body)
	}
	// A name without an account is silently dropped.
	r := contribs(t, api("en.wikipedia.org", "list", "usercontribs", "ucuser", "Vanished Nomad"))
	if len(r.Query.UserContribs) != 0 || !r.BatchComplete || r.Error != nil {
		t.Errorf("missing user: %+v", r)
	}
	// Unknown modules answer with MediaWiki's error object.
	status, code, body = get(t, api("en.wikipedia.org", "list", "allpages"))
	if status != 200 || code != "badvalue" || !bytes.Contains(body, []byte(`"error":{"code":"badvalue"`)) {
		t.Errorf("unknown module: status %d, header %q, body %s", status, code, body)
	}
}

// TestTransportSiteinfo checks namespace names and content flags.
func TestTransportSiteinfo(t *testing.T) {
	type ns struct {
		ID        int    `json:"id"`
		Name      string `json:"name"`
		Canonical string `json:"canonical"`
		Content   bool   `json:"content"`
	}
	read := func(wiki string) map[string]ns {
		_, _, body := get(t, api(wiki, "meta", "siteinfo", "siprop", "namespaces"))
		var r struct {
			Query struct {
				Namespaces map[string]ns `json:"namespaces"`
			} `json:"query"`
		}
		if err := json.Unmarshal(body, &r); err != nil {
			t.Fatal(err)
		}
		return r.Query.Namespaces
	}
	en := read("en.wikipedia.org")
	if en["0"].Name != "" || !en["0"].Content || en["1"].Name != "Talk" || en["1"].Content || en["4"].Name != "Wikipedia" || en["4"].Canonical != "Project" || en["14"].Name != "Category" {
		t.Errorf("enwiki namespaces = %+v", en)
	}
	// Commons counts File pages as content, as $wgContentNamespaces does there.
	if c := read("commons.wikimedia.org"); c["6"].Name != "File" || !c["6"].Content || c["7"].Content {
		t.Errorf("commons File namespaces = %+v, %+v", c["6"], c["7"])
	}
	if w := read("www.wikidata.org"); !w["0"].Content || w["1"].Name != "Talk" {
		t.Errorf("wikidata namespaces = %+v", w)
	}
}

// TestTransportDashboard checks the Dashboard files are served verbatim,
// with the slug percent-encoded or not, and everything else is a 404.
func TestTransportDashboard(t *testing.T) {
	for _, name := range []string{"course.json", "users.json", "articles.json", "uploads.json"} {
		want, err := fs.ReadFile(Files(), name)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range []string{CourseURL + "/" + name, "https://outreachdashboard.wmflabs.org/courses/" + url.PathEscape(Slug) + "/" + name} {
			status, _, body := get(t, u)
			if status != 200 || !bytes.Equal(body, want) {
				t.Errorf("GET %s: status %d, %d bytes, want the embedded %d", u, status, len(body), len(want))
			}
		}
	}
	if status, _, _ := get(t, CourseURL+"/timeline.json"); status != 404 {
		t.Errorf("timeline.json: status %d, want 404", status)
	}
	u := "https://example.org/w/api.php?action=query"
	if status, _, body := get(t, u); status != 404 || !strings.Contains(string(body), "not part of the sample event") || !strings.Contains(string(body), "example.org") {
		t.Errorf("foreign URL: status %d, body %s", status, body)
	}
}

// TestTransportGlobalUserInfo checks meta=globaluserinfo on Meta.
func TestTransportGlobalUserInfo(t *testing.T) {
	q := url.Values{"action": {"query"}, "meta": {"globaluserinfo"}, "guiprop": {"groups|merged|editcount"}, "format": {"json"}, "formatversion": {"2"}}
	q.Set("guiuser", "Vanished Nomad")
	_, _, body := get(t, "https://meta.wikimedia.org/w/api.php?"+q.Encode())
	if !bytes.Contains(body, []byte(`"globaluserinfo":{"missing":true}`)) {
		t.Errorf("missing account: %s", body)
	}
	q.Set("guiuser", "jane_doe_(WMUK)")
	_, _, body = get(t, "https://meta.wikimedia.org/w/api.php?"+q.Encode())
	var r struct {
		Query struct {
			GUI struct {
				Name      string `json:"name"`
				EditCount int    `json:"editcount"`
				Merged    []struct {
					Wiki         string `json:"wiki"`
					EditCount    int    `json:"editcount"`
					Registration string `json:"registration"`
				} `json:"merged"`
			} `json:"globaluserinfo"`
		} `json:"query"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		t.Fatal(err)
	}
	cs, err := Contributions()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range cs {
		if c.Username == "Jane doe (WMUK)" {
			n++
		}
	}
	g := r.Query.GUI
	if g.Name != "Jane doe (WMUK)" || len(g.Merged) != 3 || g.Merged[0].Wiki != "enwiki" || g.Merged[0].Registration != "2021-03-07T01:53:37Z" || g.EditCount != n {
		t.Errorf("globaluserinfo = %+v, want 3 merged accounts and %d edits", g, n)
	}
}

// TestNoEditBeforeRegistration: nobody edits before their account exists.
func TestNoEditBeforeRegistration(t *testing.T) {
	as, err := Accounts()
	if err != nil {
		t.Fatal(err)
	}
	reg := map[string]time.Time{}
	for _, a := range as {
		reg[a.Username] = a.Registration
	}
	cs, err := Contributions()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if r := reg[c.Username]; c.Timestamp.Before(r) {
			t.Fatalf("%s edited %s at %s, before registering at %s", c.Username, c.Title, c.Timestamp, r)
		}
	}
}

// ExampleTransport looks up an enrolled username on English Wikipedia
// through the sample's offline API.
func ExampleTransport() {
	client := &http.Client{Transport: Transport()}
	resp, err := client.Get("https://en.wikipedia.org/w/api.php?action=query&format=json&formatversion=2&list=users&usprop=registration|groups&ususers=jane_doe_(WMUK)|Vanished_Nomad")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	var r struct {
		Query struct {
			Users []struct {
				Name         string `json:"name"`
				Registration string `json:"registration"`
				Missing      bool   `json:"missing"`
			} `json:"users"`
		} `json:"query"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		fmt.Println(err)
		return
	}
	for _, u := range r.Query.Users {
		fmt.Printf("%s registered %q missing %v\n", u.Name, u.Registration, u.Missing)
	}
	// Output:
	// Jane doe (WMUK) registered "2021-03-07T01:53:37Z" missing false
	// Vanished Nomad registered "" missing true
}

// The in-memory API answers only the properties asked for, as MediaWiki
// does, with its deterministic minor edits, tags, hidden comments, the
// bot's partial block and its locked global account.
func TestTransportHonoursProps(t *testing.T) {
	_, _, b := get(t, api("www.wikidata.org", "list", "usercontribs", "ucuser", "Ada Okafor", "uclimit", "max", "ucprop", "ids|timestamp"))
	var r struct {
		Query struct {
			UserContribs []map[string]any `json:"usercontribs"`
		} `json:"query"`
	}
	if err := json.Unmarshal(b, &r); err != nil || len(r.Query.UserContribs) == 0 {
		t.Fatalf("%v %s", err, b)
	}
	for _, e := range r.Query.UserContribs {
		for k := range e {
			switch k {
			case "userid", "user", "pageid", "revid", "parentid", "timestamp", "commenthidden":
			default:
				t.Fatalf("ucprop=ids|timestamp answered field %q: %v", k, e)
			}
		}
	}
	_, _, b = get(t, api("en.wikipedia.org", "list", "users", "ususers", "CiteFixBot|Ada Okafor", "usprop", "groups|blockinfo"))
	if s := string(b); !strings.Contains(s, `"blockpartial":true`) || strings.Contains(s, "editcount") || strings.Contains(s, "registration") {
		t.Errorf("usprop=groups|blockinfo answered %s", s)
	}
	_, _, b = get(t, api("meta.wikimedia.org", "meta", "globaluserinfo", "guiuser", "CiteFixBot", "guiprop", "groups"))
	if s := string(b); !strings.Contains(s, `"locked":true`) || strings.Contains(s, "merged") || strings.Contains(s, `"editcount"`) {
		t.Errorf("guiprop=groups answered %s", s)
	}
}

// TestLogEventsPages walks the newusers log three entries at a time in both
// directions and finds the whole window each way, in order, without
// autocreate when leaction asks for create only.
func TestLogEventsPages(t *testing.T) {
	ev, err := Generate(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	from, to := Start.Add(-14*24*time.Hour), End
	var want []string
	for _, e := range ev.NewUsersLog() {
		if !e.Timestamp.Before(from) && !e.Timestamp.After(to) {
			want = append(want, e.User)
		}
	}
	for _, dir := range []string{"newer", "older"} {
		q := url.Values{"action": {"query"}, "list": {"logevents"}, "letype": {"newusers"}, "lelimit": {"3"}, "ledir": {dir},
			"leprop": {"title|type|timestamp"}, "lestart": {from.Format(time.RFC3339)}, "leend": {to.Format(time.RFC3339)}}
		if dir == "older" {
			q.Set("lestart", to.Format(time.RFC3339))
			q.Set("leend", from.Format(time.RFC3339))
		}
		var got []string
		for pages := 0; pages < 100; pages++ {
			var r struct {
				Continue map[string]string
				Query    struct{ LogEvents []struct{ Title string } }
			}
			b, code := ev.apiLogEvents(Wikis[0], q)
			if code != "" {
				t.Fatalf("%s: %s", code, b)
			}
			if err := json.Unmarshal(b, &r); err != nil {
				t.Fatal(err)
			}
			for _, e := range r.Query.LogEvents {
				got = append(got, strings.TrimPrefix(e.Title, "User:"))
			}
			if r.Continue == nil {
				break
			}
			q.Set("lecontinue", r.Continue["lecontinue"])
		}
		if dir == "older" {
			slices.Reverse(got)
		}
		if !slices.Equal(got, want) {
			t.Errorf("ledir=%s: got %d entries %v\nwant %d %v", dir, len(got), got, len(want), want)
		}
	}
	q := url.Values{"list": {"logevents"}, "leaction": {"newusers/create"}, "lelimit": {"max"}, "leprop": {"title|type"}}
	b, _ := ev.apiLogEvents(Wikis[0], q)
	for _, bad := range []string{"autocreate", "create2", "byemail"} {
		if strings.Contains(string(b), `"action":"`+bad+`"`) {
			t.Errorf("leaction=newusers/create answered a %s entry", bad)
		}
	}
	if b, code := ev.apiLogEvents(Wikis[0], url.Values{"ledir": {"newer"}, "lestart": {to.Format(time.RFC3339)}, "leend": {from.Format(time.RFC3339)}}); code != "badparams" {
		t.Errorf("start after end with ledir=newer: code %q, %s", code, b)
	}
}
