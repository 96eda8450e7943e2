package sample

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// historyUser is an account as the history's rows describe it.
type historyUser struct {
	ID, CentralID int64
	Name          string // current name
	Before        string // the name before a rename, or ""
	RenamedAt     time.Time
	Registration  time.Time
	Bot           bool
}

// nameAt returns the account's name at t.
func (u historyUser) nameAt(t time.Time) string {
	if u.Before != "" && t.Before(u.RenamedAt) {
		return u.Before
	}
	return u.Name
}

// groups returns the account's groups as a dump array.
func (u historyUser) groups() string {
	if u.Bot {
		return "bot"
	}
	return ""
}

// HistoryRenamed is the participant the sample's history shows under an
// earlier name before HistoryRenameAt (the API knows only the current one).
var HistoryRenamed, HistoryRenameAt = "", time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC)

// historyUsers returns the accounts on a wiki by name: the participants
// (one of them renamed in 2020), the newcomers, the background editor and
// the vanished participant's account under its new name.
func (ev *Event) historyUsers() map[string]historyUser {
	users := map[string]historyUser{BackgroundEditor: {ID: 1, CentralID: 1, Name: BackgroundEditor, Registration: time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)}}
	renamed := false
	for _, p := range ev.People {
		u := historyUser{ID: p.UserID, CentralID: p.GlobalID, Name: p.Name, Registration: p.Registration, Bot: p.Kind == KindBot}
		switch {
		case p.Kind == KindMissing:
			u = historyUser{ID: 900_000, CentralID: 900_000, Name: "Renamed user 5c1f", Before: p.Name, RenamedAt: time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), Registration: time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC)}
		case p.Kind == KindExperienced && !renamed && p.Registration.Before(HistoryRenameAt):
			u.Before, u.RenamedAt, renamed = "Formerly "+p.Name, HistoryRenameAt, true
		}
		users[u.Name] = u
	}
	for _, n := range ev.Newcomers {
		users[n.Name] = historyUser{ID: n.UserID, CentralID: 41_000_000 + n.UserID, Name: n.Name, Registration: n.Registered, Bot: n.Bot}
	}
	return users
}

// historyEvents returns a wiki's events: user rows, every revision, and
// the extras only the history holds.
func (ev *Event) historyEvents(wiki string) []HistoryEvent {
	users := ev.historyUsers()
	db := DBName(wiki)
	var out []HistoryEvent
	for _, u := range users {
		out = append(out, userEvents(db, u)...)
	}
	content := map[int]bool{}
	for _, n := range Namespaces(wiki) {
		content[n.ID] = n.Content
	}
	for _, r := range ev.Revisions[wiki] {
		u, ok := users[r.Username]
		if !ok {
			panic(fmt.Sprintf("sample: revision %d by %q, who has no account", r.RevID, r.Username))
		}
		out = append(out, revisionEvent(db, r, u, content[r.NS]))
	}
	return append(out, ev.historyExtras(wiki, users, content)...)
}

// userEvents are an account's user rows: its creation, and its rename.
func userEvents(db string, u historyUser) []HistoryEvent {
	created := u.Registration
	if created.IsZero() {
		created = time.Date(2004, 1, 1, 0, 0, 0, 0, time.UTC) // before registrations were recorded
	}
	base := HistoryEvent{"wiki_db": db, "event_entity": "user", "user_id": itoa(u.ID), "user_central_id": itoa(u.CentralID),
		"user_text": HistoryEscape(u.Name), "user_groups": u.groups(), "user_groups_historical": u.groups(),
		"user_is_created_by_self": "true", "user_is_created_by_system": "false", "user_is_created_by_peer": "false",
		"user_is_anonymous": "false", "user_is_temporary": "false", "user_is_permanent": "true",
		"user_registration_timestamp": HistoryTime(u.Registration), "user_creation_timestamp": HistoryTime(created),
		"event_user_is_anonymous": "false"}
	if u.Bot {
		base["user_is_bot_by"], base["user_is_bot_by_historical"] = "name,group", "name,group"
	}
	create := clone(base)
	create["event_type"], create["event_timestamp"], create["user_text_historical"] = "create", HistoryTime(created), HistoryEscape(u.nameAt(created))
	out := []HistoryEvent{create}
	if u.Before != "" {
		rename := clone(base)
		rename["event_type"], rename["event_timestamp"], rename["user_text_historical"] = "rename", HistoryTime(u.RenamedAt), HistoryEscape(u.Name)
		rename["event_comment"] = HistoryEscape("renamed from " + u.Before)
		out = append(out, rename)
	}
	return out
}

func clone(e HistoryEvent) HistoryEvent {
	c := make(HistoryEvent, len(e)+8)
	for k, v := range e {
		c[k] = v
	}
	return c
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// dumpTitle is a title as the dumps hold it: no namespace prefix,
// underscores for spaces.
func dumpTitle(title string, ns int) string {
	if ns != 0 {
		if _, rest, ok := strings.Cut(title, ":"); ok {
			title = rest
		}
	}
	return HistoryEscape(strings.ReplaceAll(title, " ", "_"))
}

// revisionEvent is a revision's row.
func revisionEvent(db string, r Revision, u historyUser, content bool) HistoryEvent {
	title, ns, isContent := dumpTitle(r.Title, r.NS), strconv.Itoa(r.NS), strconv.FormatBool(content)
	e := HistoryEvent{"wiki_db": db, "event_entity": "revision", "event_type": "create", "event_timestamp": HistoryTime(r.Timestamp),
		"event_comment": HistoryEscape(r.Comment), "event_user_id": itoa(u.ID), "event_user_central_id": itoa(u.CentralID),
		"event_user_text_historical": HistoryEscape(u.nameAt(r.Timestamp)), "event_user_text": HistoryEscape(u.Name),
		"event_user_groups": u.groups(), "event_user_groups_historical": u.groups(),
		"event_user_is_created_by_self": "true", "event_user_is_created_by_system": "false", "event_user_is_created_by_peer": "false",
		"event_user_is_anonymous": "false", "event_user_is_temporary": "false", "event_user_is_permanent": "true", "event_user_is_cross_wiki": "false",
		"event_user_registration_timestamp": HistoryTime(u.Registration),
		"page_id":                           itoa(r.PageID), "page_title": title, "page_title_historical": title, "page_namespace": ns, "page_namespace_historical": ns,
		"page_namespace_is_content": isContent, "page_namespace_is_content_historical": isContent, "page_is_redirect": "false", "page_is_deleted": "false",
		"revision_id": itoa(r.RevID), "revision_parent_id": itoa(r.ParentID), "revision_minor_edit": "false",
		"revision_deleted_parts_are_suppressed": "false", "revision_text_bytes": strconv.Itoa(r.Size),
		"revision_text_sha1": fmt.Sprintf("%031x", r.RevID*7919), "revision_content_model": "wikitext", "revision_content_format": "text/x-wiki",
		"revision_is_deleted_by_page_deletion": "false", "revision_is_identity_reverted": "false", "revision_is_identity_revert": "false",
		"revision_is_from_before_page_creation": "false"}
	if !r.NoSizeDiff {
		e["revision_text_bytes_diff"] = strconv.Itoa(r.SizeDiff)
	}
	if u.Bot {
		e["event_user_is_bot_by"], e["event_user_is_bot_by_historical"] = "name,group", "name,group"
	}
	return e
}
