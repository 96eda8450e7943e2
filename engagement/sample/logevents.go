package sample

import (
	"cmp"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"time"
)

// LogEntry is one newusers log entry of the sample's home wiki.
type LogEntry struct {
	ID        int64
	Action    string // create, create2, byemail or autocreate
	Performer string // the new user for create and autocreate
	User      string // the new account
	UserID    int64
	Timestamp time.Time
}

// NewUsersLog returns the home wiki's newusers log, oldest first: a create
// entry for every participant's account with a registration date, and the
// newcomers' entries.
func (ev *Event) NewUsersLog() []LogEntry {
	var out []LogEntry
	for _, p := range ev.People {
		if p.Kind != KindMissing && !p.Registration.IsZero() {
			out = append(out, LogEntry{Action: "create", Performer: p.Name, User: p.Name, UserID: p.UserID, Timestamp: p.Registration})
		}
	}
	for _, n := range ev.Newcomers {
		e := LogEntry{Action: n.Action, Performer: n.Name, User: n.Name, UserID: n.UserID, Timestamp: n.Registered}
		if n.Creator != "" {
			e.Performer = n.Creator
		}
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b LogEntry) int {
		return cmp.Or(a.Timestamp.Compare(b.Timestamp), cmp.Compare(a.User, b.User))
	})
	for i := range out {
		out[i].ID = int64(i + 1)
	}
	return out
}

// apiLogEvents answers list=logevents for the newusers log of the home
// wiki like ApiQueryLogEvents (formatversion=2): lestart and leend
// inclusive, ledir, lelimit, lecontinue "timestamp|logid", and the leprop
// fields asked for. Other wikis have an empty log.
func (ev *Event) apiLogEvents(wiki string, q url.Values) ([]byte, string) {
	if t := q.Get("letype"); t != "" && t != "newusers" {
		return logAnswer(nil, nil)
	}
	var log []LogEntry
	if wiki == Wikis[0] {
		log = ev.NewUsersLog()
	}
	limit, errb, code := logLimit(q.Get("lelimit"))
	if code != "" {
		return errb, code
	}
	newer := q.Get("ledir") == "newer"
	log, errb, code = logWindow(log, q, newer)
	if code != "" {
		return errb, code
	}
	if a := q.Get("leaction"); a != "" {
		log = slices.DeleteFunc(log, func(e LogEntry) bool { return "newusers/"+e.Action != a })
	}
	if c := q.Get("lecontinue"); c != "" {
		i := slices.IndexFunc(log, func(e LogEntry) bool {
			return e.Timestamp.Format("20060102150405")+"|"+strconv.FormatInt(e.ID, 10) == c
		})
		if i < 0 {
			return apiError("badcontinue", "Invalid continue param. You should pass the original value returned by the previous query.")
		}
		log = log[i:]
	}
	var cont map[string]string
	if len(log) > limit {
		next := log[limit]
		cont = map[string]string{"lecontinue": next.Timestamp.Format("20060102150405") + "|" + strconv.FormatInt(next.ID, 10), "continue": "-||"}
		log = log[:limit]
	}
	props := propSet(q.Get("leprop"), "ids|title|type|user|timestamp|comment|details")
	pages := map[string]int64{} // user page title → page id, as the join on page gives
	for _, r := range ev.Revisions[wiki] {
		if r.NS == 2 {
			pages[r.Title] = r.PageID
		}
	}
	out := make([]any, 0, len(log))
	for _, e := range log {
		m := logEntry(e, props)
		if props["ids"] {
			m["pageid"] = pages["User:"+e.User]
		}
		out = append(out, m)
	}
	return logAnswer(out, cont)
}

func logLimit(s string) (int, []byte, string) {
	switch s {
	case "":
		return 10, nil, ""
	case "max":
		return 500, nil, ""
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		b, code := apiError("badinteger", fmt.Sprintf(`Invalid value "%s" for integer parameter "lelimit".`, s))
		return 0, b, code
	}
	return min(n, 500), nil, ""
}

// logWindow keeps the entries between lestart and leend, in the order ledir
// asks for.
func logWindow(log []LogEntry, q url.Values, newer bool) ([]LogEntry, []byte, string) {
	parse := func(name string) (time.Time, bool, []byte, string) {
		s := q.Get(name)
		if s == "" {
			return time.Time{}, false, nil, ""
		}
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			b, code := apiError("badtimestamp", fmt.Sprintf(`Invalid value "%s" for timestamp parameter "%s".`, s, name))
			return t, false, b, code
		}
		return t, true, nil, ""
	}
	start, hasStart, b, code := parse("lestart")
	if code != "" {
		return nil, b, code
	}
	end, hasEnd, b, code := parse("leend")
	if code != "" {
		return nil, b, code
	}
	lo, hi := start, end
	if !newer {
		lo, hi = end, start
		slices.Reverse(log)
	}
	hasLo, hasHi := hasStart, hasEnd
	if !newer {
		hasLo, hasHi = hasEnd, hasStart
	}
	if hasLo && hasHi && hi.Before(lo) {
		dir := map[bool]string{true: "newer", false: "older"}[newer]
		b, code := apiError("badparams", fmt.Sprintf(`The "lestart" and "leend" parameters are in the wrong order for "ledir=%s".`, dir))
		return nil, b, code
	}
	return slices.DeleteFunc(log, func(e LogEntry) bool {
		return (hasLo && e.Timestamp.Before(lo)) || (hasHi && e.Timestamp.After(hi))
	}), nil, ""
}

// logEntry is one entry with the fields ApiQueryLogEvents gives for props.
func logEntry(e LogEntry, props map[string]bool) map[string]any {
	m := map[string]any{}
	if props["ids"] {
		m["logid"], m["logpage"] = e.ID, 0
	}
	if props["title"] {
		m["ns"], m["title"] = 2, "User:"+e.User
	}
	if props["type"] {
		m["type"], m["action"] = "newusers", e.Action
	}
	if props["details"] {
		m["params"] = map[string]any{"userid": e.UserID}
	}
	if props["user"] {
		m["user"] = e.Performer
	}
	if props["timestamp"] {
		m["timestamp"] = e.Timestamp.UTC().Format(time.RFC3339)
	}
	if props["comment"] {
		m["comment"] = ""
	}
	return m
}

func logAnswer(entries []any, cont map[string]string) ([]byte, string) {
	if entries == nil {
		entries = []any{}
	}
	resp := map[string]any{"query": map[string]any{"logevents": entries}}
	if cont != nil {
		resp["continue"] = cont
	} else {
		resp["batchcomplete"] = true
	}
	b, _ := json.Marshal(resp)
	return b, ""
}
