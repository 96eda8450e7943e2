package sample

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"example.com/engagement/engagement/username"
)

// Transport returns an http.RoundTripper that answers, from the embedded
// event, the requests a live run makes: the Dashboard's course JSON on
// outreachdashboard.wmflabs.org, and the MediaWiki Action API
// (formatversion=2) of the three course wikis: list=users,
// list=usercontribs with MediaWiki's ordering and continuation,
// meta=siteinfo namespaces, and the pageviews REST API's daily views of
// the pages the sample created (see DailyViews). Anything else gets a 404
// naming the URL.
func Transport() http.RoundTripper { return transport{created: &created{}} }

type transport struct{ created *created }

var (
	worldOnce sync.Once
	world     *Event
	worldErr  error
)

func loadWorld() (*Event, error) {
	worldOnce.Do(func() { world, worldErr = Generate(DefaultConfig()) })
	return world, worldErr
}

func respond(req *http.Request, status int, body []byte, hdr ...string) *http.Response {
	h := http.Header{"Content-Type": {"application/json; charset=utf-8"}}
	for i := 0; i+1 < len(hdr); i += 2 {
		h.Set(hdr[i], hdr[i+1])
	}
	return &http.Response{StatusCode: status, Status: fmt.Sprintf("%d %s", status, http.StatusText(status)), Header: h, Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(len(body)), Request: req, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1}
}

// InProcess reports that the transport never leaves the process: a client
// using it sends nothing to Wikimedia, so it needs no contact (see
// mwapi.InProcess).
func (transport) InProcess() bool { return true }

func (t transport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		req.Body.Close()
	}
	host := req.URL.Host
	if host == "outreachdashboard.wmflabs.org" {
		prefix := "/courses/" + Slug + "/"
		path := req.URL.Path // decoded: a percent-encoded slug matches too
		if p, ok := strings.CutPrefix(path, prefix); ok && (p == "course.json" || p == "users.json" || p == "articles.json" || p == "uploads.json") {
			return respond(req, 200, read(p)), nil
		}
		return respond(req, 404, []byte("<!DOCTYPE html><html><body>The page you were looking for doesn't exist.</body></html>"), "Content-Type", "text/html"), nil
	}
	if host == "wikimedia.org" && strings.HasPrefix(req.URL.EscapedPath(), pageviewsPrefix) {
		return t.pageviews(req)
	}
	if host == "meta.wikimedia.org" && req.URL.Path == "/w/api.php" {
		ev, err := loadWorld()
		if err != nil {
			return nil, err
		}
		body, code := ev.globalUserInfo(req.URL.Query())
		if code != "" {
			return respond(req, 200, body, "MediaWiki-API-Error", code), nil
		}
		return respond(req, 200, body), nil
	}
	if slices.Contains(Wikis, host) && req.URL.Path == "/w/api.php" {
		ev, err := loadWorld()
		if err != nil {
			return nil, err
		}
		body, code := ev.api(host, req.URL.Query())
		if code != "" {
			return respond(req, 200, body, "MediaWiki-API-Error", code), nil
		}
		return respond(req, 200, body), nil
	}
	return respond(req, 404, []byte(fmt.Sprintf(`{"error":"not part of the sample event: %s"}`, req.URL))), nil
}

func apiError(code, info string) ([]byte, string) {
	b, _ := json.Marshal(map[string]any{"error": map[string]string{"code": code, "info": info, "docref": "See https://www.mediawiki.org/w/api.php for API usage."}})
	return b, code
}

// api answers one Action API request like MediaWiki 1.39 does.
func (ev *Event) api(wiki string, q url.Values) ([]byte, string) {
	if q.Get("action") != "query" {
		return apiError("badvalue", fmt.Sprintf(`Unrecognized value for parameter "action": %s.`, q.Get("action")))
	}
	if q.Get("formatversion") != "2" {
		return apiError("badvalue", "the sample answers formatversion=2 only")
	}
	switch {
	case q.Get("meta") == "siteinfo":
		nss := map[string]any{}
		for _, n := range Namespaces(wiki) {
			e := map[string]any{"id": n.ID, "case": "first-letter", "name": n.Name, "subpages": n.ID%2 == 1 || n.ID == 2 || n.ID == 4, "content": n.Content, "nonincludable": false}
			if n.Canonical != "" {
				e["canonical"] = n.Canonical
			}
			nss[strconv.Itoa(n.ID)] = e
		}
		b, _ := json.Marshal(map[string]any{"batchcomplete": true, "query": map[string]any{"namespaces": nss}})
		return b, ""
	case q.Get("list") == "users":
		return ev.apiUsers(wiki, q)
	case q.Get("list") == "usercontribs":
		return ev.apiContribs(wiki, q)
	case q.Get("list") == "logevents":
		return ev.apiLogEvents(wiki, q)
	}
	return apiError("badvalue", "the sample answers meta=siteinfo, list=users, list=usercontribs and list=logevents")
}

func (ev *Event) person(name string) (Person, bool) {
	for _, p := range ev.People {
		if p.Name == name && p.Kind != KindMissing {
			return p, true
		}
	}
	if n, ok := ev.newcomer(name); ok {
		p := Person{Name: n.Name, Enrolled: n.Name, Kind: KindNewcomer, Registration: n.Registered, UserID: n.UserID, GlobalID: 41_000_000 + n.UserID}
		if n.Bot {
			p.Kind = KindBot
		}
		return p, true
	}
	return Person{}, false
}

func (ev *Event) apiUsers(wiki string, q url.Values) ([]byte, string) {
	names := strings.Split(q.Get("ususers"), "|")
	props := propSet(q.Get("usprop"), "")
	if len(names) > 50 {
		return apiError("toomanyvalues", `Too many values supplied for parameter "ususers". The limit is 50.`)
	}
	var out []any
	for _, n := range names {
		canon, err := username.Canonical(n)
		if err != nil {
			out = append(out, map[string]any{"name": n, "invalid": true})
			continue
		}
		p, ok := ev.person(canon)
		if !ok {
			out = append(out, map[string]any{"name": canon, "missing": true})
			continue
		}
		u := map[string]any{"userid": p.UserID, "name": p.Name}
		if props["editcount"] {
			u["editcount"] = ev.EditCount(wiki, p)
		}
		if props["registration"] {
			u["registration"] = nil
			if !p.Registration.IsZero() {
				u["registration"] = p.Registration.Format(time.RFC3339)
			}
		}
		if props["groups"] {
			u["groups"] = []string{"*", "user", "autoconfirmed"}
			if p.Kind == KindBot {
				u["groups"] = []string{"bot", "*", "user", "autoconfirmed"}
			}
		}
		if props["blockinfo"] && p.Kind == KindBot {
			// The bot is blocked from the main namespace only: a partial block.
			u["blockid"], u["blockedby"], u["blockedbyid"] = 4001, "Sample admin", 1
			u["blockedtimestamp"], u["blockexpiry"], u["blockreason"], u["blockpartial"] = "2021-02-01T00:00:00Z", "infinite", "Bot edits in articles need approval", true
		}
		out = append(out, u)
	}
	b, _ := json.Marshal(map[string]any{"batchcomplete": true, "query": map[string]any{"users": out}})
	return b, ""
}

func (ev *Event) apiContribs(wiki string, q url.Values) ([]byte, string) {
	users, body, code := ev.contribsUsers(q.Get("ucuser"))
	if body != nil {
		return body, code
	}
	limit, body, code := contribsLimit(q.Get("uclimit"))
	if body != nil {
		return body, code
	}
	newer := q.Get("ucdir") == "newer"
	revs := ev.contribsInRange(wiki, users, q, newer)
	// MediaWiki orders by actor, then timestamp, then revision id.
	sign := 1
	if !newer {
		sign = -1
	}
	slices.SortFunc(revs, func(a, b Revision) int {
		return sign * cmp.Or(cmp.Compare(users[a.Username], users[b.Username]), a.Timestamp.Compare(b.Timestamp), cmp.Compare(a.RevID, b.RevID))
	})
	if c := q.Get("uccontinue"); c != "" {
		var ok bool
		if revs, ok = continueAt(revs, users, c); !ok {
			return apiError("badcontinue", "Invalid continue param. You should pass the original value returned by the previous query.")
		}
	}
	return ev.contribsAnswer(wiki, revs, users, limit, q.Get("ucprop"))
}

// contribsUsers reads ucuser: at most 50 names, each valid, mapped to
// its actor id (the sample uses the user id) when the sample knows it.
func (ev *Event) contribsUsers(ucuser string) (users map[string]int64, body []byte, code string) {
	names := strings.Split(ucuser, "|")
	if len(names) > 50 {
		body, code = apiError("toomanyvalues", `Too many values supplied for parameter "ucuser". The limit is 50.`)
		return nil, body, code
	}
	users = map[string]int64{}
	for _, n := range names {
		canon, err := username.Canonical(n)
		if err != nil {
			body, code = apiError("baduser_ucuser", fmt.Sprintf(`Invalid value "%s" for user parameter "ucuser".`, n))
			return nil, body, code
		}
		if p, ok := ev.person(canon); ok {
			users[canon] = p.UserID
		}
	}
	return users, nil, ""
}

// contribsLimit reads uclimit: 10 by default, "max" or a number up to 500.
func contribsLimit(l string) (limit int, body []byte, code string) {
	switch l {
	case "":
		return 10, nil, ""
	case "max":
		return 500, nil, ""
	}
	n, err := strconv.Atoi(l)
	if err != nil || n < 1 {
		body, code = apiError("badinteger", fmt.Sprintf(`Invalid value "%s" for integer parameter "uclimit".`, l))
		return 0, body, code
	}
	return min(n, 500), nil, ""
}

// contribsInRange lists the revisions on wiki of users in the namespaces
// and between the timestamps q asks for (ucstart is the later one when
// not newer, as MediaWiki reads it).
func (ev *Event) contribsInRange(wiki string, users map[string]int64, q url.Values, newer bool) []Revision {
	parse := func(s string) (time.Time, bool) {
		t, err := time.Parse(time.RFC3339, s)
		return t, err == nil
	}
	from, hasFrom := parse(q.Get("ucstart"))
	to, hasTo := parse(q.Get("ucend"))
	var nsFilter map[int]bool
	if s := q.Get("ucnamespace"); s != "" && s != "*" {
		nsFilter = map[int]bool{}
		for _, v := range strings.Split(s, "|") {
			n, _ := strconv.Atoi(v)
			nsFilter[n] = true
		}
	}
	var revs []Revision
	for _, r := range ev.Revisions[wiki] {
		if _, ok := users[r.Username]; !ok || (nsFilter != nil && !nsFilter[r.NS]) {
			continue
		}
		t := r.Timestamp
		if newer && ((hasFrom && t.Before(from)) || (hasTo && t.After(to))) {
			continue
		}
		if !newer && ((hasFrom && t.After(from)) || (hasTo && t.Before(to))) {
			continue
		}
		revs = append(revs, r)
	}
	return revs
}

// contribsKey is a revision's place in MediaWiki's order, as uccontinue
// writes it: actor|timestamp|revid.
func contribsKey(r Revision, users map[string]int64) string {
	return fmt.Sprintf("%d|%s|%d", users[r.Username], r.Timestamp.Format("20060102150405"), r.RevID)
}

// continueAt returns revs from the one uccontinue names; false when it
// names none.
func continueAt(revs []Revision, users map[string]int64, c string) ([]Revision, bool) {
	key := strings.TrimPrefix(c, "actor|")
	if len(strings.Split(key, "|")) != 3 {
		return nil, false
	}
	i := slices.IndexFunc(revs, func(r Revision) bool { return contribsKey(r, users) == key })
	if i < 0 {
		return nil, false
	}
	return revs[i:], true
}

// contribsAnswer is the JSON answer of revs: at most limit entries with
// the properties ucprop asks for, and where to continue.
func (ev *Event) contribsAnswer(wiki string, revs []Revision, users map[string]int64, limit int, ucprop string) ([]byte, string) {
	resp := map[string]any{}
	if len(revs) > limit {
		resp["continue"] = map[string]string{"uccontinue": "actor|" + contribsKey(revs[limit], users), "continue": "-||"}
		revs = revs[:limit]
	} else {
		resp["batchcomplete"] = true
	}
	top := map[int64]int64{} // page → its latest revision
	for _, r := range ev.Revisions[wiki] {
		top[r.PageID] = max(top[r.PageID], r.RevID)
	}
	props := propSet(ucprop, "ids|title|timestamp|comment|size|flags")
	out := []any{}
	for _, r := range revs {
		out = append(out, contribEntry(r, props, top[r.PageID] == r.RevID))
	}
	resp["query"] = map[string]any{"usercontribs": out}
	b, _ := json.Marshal(resp)
	return b, ""
}

// globalUserInfo answers meta=globaluserinfo like CentralAuth.
func (ev *Event) globalUserInfo(q url.Values) ([]byte, string) {
	if q.Get("meta") != "globaluserinfo" {
		return apiError("badvalue", "the sample's meta wiki answers meta=globaluserinfo only")
	}
	canon, err := username.Canonical(q.Get("guiuser"))
	if err != nil {
		return apiError("invaliduser", fmt.Sprintf(`Invalid username "%s".`, q.Get("guiuser")))
	}
	p, ok := ev.person(canon)
	if !ok {
		b, _ := json.Marshal(map[string]any{"batchcomplete": true, "query": map[string]any{"globaluserinfo": map[string]any{"missing": true}}})
		return b, ""
	}
	var merged []any
	total := 0
	for _, w := range Wikis {
		n := 0
		for _, r := range ev.Revisions[w] {
			if r.Username == p.Name {
				n++
			}
		}
		total += n
		m := map[string]any{"wiki": DBName(w), "url": "https://" + w, "id": p.UserID, "timestamp": p.Registration.Format(time.RFC3339), "method": "login", "editcount": n}
		if !p.Registration.IsZero() {
			m["registration"] = p.Registration.Format(time.RFC3339)
		}
		merged = append(merged, m)
	}
	props := propSet(q.Get("guiprop"), "")
	g := map[string]any{"home": "enwiki", "id": p.GlobalID, "name": p.Name}
	if props["groups"] {
		g["groups"] = []string{}
	}
	if props["merged"] {
		g["merged"] = merged
	}
	if props["editcount"] {
		g["editcount"] = total
	}
	if !p.Registration.IsZero() {
		g["registration"] = p.Registration.Format(time.RFC3339)
	}
	if p.Kind == KindBot {
		g["locked"] = true // the bot's global account is locked
	}
	b, _ := json.Marshal(map[string]any{"batchcomplete": true, "query": map[string]any{"globaluserinfo": g}})
	return b, ""
}

// propSet reads a prop parameter ("ids|title"), or def when it is absent.
func propSet(v, def string) map[string]bool {
	if v == "" {
		v = def
	}
	out := map[string]bool{}
	for _, p := range strings.Split(v, "|") {
		out[p] = true
	}
	return out
}

// contribEntry is one list=usercontribs entry with the properties asked
// for, like ApiQueryUserContribs: minor edits, tags and a hidden comment
// come from the revision id, deterministically.
func contribEntry(r Revision, props map[string]bool, top bool) map[string]any {
	e := map[string]any{"userid": r.UserID, "user": r.Username}
	if props["ids"] {
		e["pageid"], e["revid"], e["parentid"] = r.PageID, r.RevID, r.ParentID
	}
	if props["title"] {
		e["ns"], e["title"] = r.NS, r.Title
	}
	if props["timestamp"] {
		e["timestamp"] = r.Timestamp.Format(time.RFC3339)
	}
	if props["comment"] {
		e["comment"] = r.Comment
	}
	if r.RevID%97 == 0 {
		delete(e, "comment")
		e["commenthidden"] = true // deletion flags come whatever was asked
	}
	if props["size"] {
		e["size"] = r.Size
	}
	if props["sizediff"] && !r.NoSizeDiff {
		e["sizediff"] = r.SizeDiff // MediaWiki leaves it out when the size is unknown
	}
	if props["flags"] {
		e["new"], e["minor"], e["top"] = r.New, !r.New && r.RevID%9 == 0, top
	}
	if props["tags"] {
		e["tags"] = []string{}
		if r.RevID%5 == 0 {
			e["tags"] = []string{"visualeditor"}
		}
	}
	return e
}

// EditCount is the account's edit count on wiki as the sample's API gives
// it: its live revisions there and, for some, a few deleted ones (the
// user id modulo 7), as real edit counts include deleted edits.
func (ev *Event) EditCount(wiki string, p Person) int {
	edits := 0
	for _, r := range ev.Revisions[wiki] {
		if r.Username == p.Name {
			edits++
		}
	}
	return edits + int(p.UserID%7)
}
