package sample

import (
	"time"
)

// historyExtras are the rows only the history holds, each of which the
// API path never shows and the history reader must leave out: on every
// wiki, for the first participant with an edit there, a revision deleted
// with its page and one whose author is hidden, both during the event;
// an anonymous edit during the event; and edits of the vanished
// participant's account, under its old name before its rename.
func (ev *Event) historyExtras(wiki string, users map[string]historyUser, content map[int]bool) []HistoryEvent {
	db := DBName(wiki)
	var first *Revision
	for i, r := range ev.Revisions[wiki] {
		if u, ok := users[r.Username]; ok && r.Username != BackgroundEditor && !u.Bot && isPerson(ev, r.Username) {
			first = &ev.Revisions[wiki][i]
			break
		}
	}
	if first == nil {
		return nil
	}
	during := Start.Add(20 * time.Hour)
	mk := func(id int64, by historyUser) HistoryEvent {
		r := *first
		r.RevID, r.ParentID, r.Timestamp, r.New, r.Comment = id, first.RevID, during, false, "history only"
		return revisionEvent(db, r, by, content[r.NS])
	}
	deleted := mk(990_000_001, users[first.Username])
	deleted["revision_is_deleted_by_page_deletion"], deleted["revision_deleted_by_page_deletion_timestamp"] = "true", HistoryTime(during.Add(48*time.Hour))
	hidden := mk(990_000_002, users[first.Username])
	hidden["revision_deleted_parts"] = "user"
	anon := mk(990_000_003, historyUser{Name: "192.0.2.44"})
	for _, k := range []string{"event_user_id", "event_user_central_id", "event_user_registration_timestamp"} {
		delete(anon, k)
	}
	anon["event_user_is_anonymous"], anon["event_user_is_permanent"] = "true", "false"
	vanished := mk(990_000_004, users["Renamed user 5c1f"])
	later := mk(990_000_005, users["Renamed user 5c1f"])
	later["event_timestamp"] = HistoryTime(time.Date(2023, 2, 1, 0, 0, 0, 0, time.UTC))
	return []HistoryEvent{deleted, hidden, anon, vanished, later}
}

// isPerson reports whether name is an enrolled person's.
func isPerson(ev *Event, name string) bool {
	for _, p := range ev.People {
		if p.Name == name {
			return true
		}
	}
	return false
}
