package sample

import (
	"time"

	"example.com/engagement/engagement/metrics"
)

// Newcomer is an account registered on the home wiki around the event by
// someone who did not come to it: the people a baseline of comparable
// newcomers is drawn from. Each comes with a newusers log entry and a few
// revisions of their own pages.
type Newcomer struct {
	Name string
	// Action is the newusers log action: create (self-registration),
	// create2 or byemail (made by Creator), or autocreate.
	Action     string
	Creator    string
	Registered time.Time
	UserID     int64
	Bot        bool
	// Edits are the account's revisions: wiki and instant.
	Edits []NewcomerEdit
	// Why says what the baseline should make of the account.
	Why string
}

// NewcomerEdit is one revision of a newcomer.
type NewcomerEdit struct {
	Wiki string
	At   time.Time
	// NoSizeDiff: the wiki does not know the revision's size, so the API
	// gives no sizediff for it (as for some old or imported revisions).
	NoSizeDiff bool
}

// AccountCreator is the administrator who made the create2 and byemail
// accounts of the sample.
const AccountCreator = "Admin"

// Newcomers returns the sample's non-participant accounts registered around
// the event, in registration order. Their registrations and edits are
// chosen so that the baseline's numbers can be worked out by hand: six
// qualify (see Why), the others are left out for one reason each.
func Newcomers() []Newcomer {
	en, wd, co := Wikis[0], Wikis[1], Wikis[2]
	at := func(s string) time.Time {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			panic(err) // constant below
		}
		return t
	}
	e := func(wiki, s string) NewcomerEdit { return NewcomerEdit{wiki, at(s), false} }
	list := []Newcomer{
		{Name: "Lumen Early", Action: "create", Registered: at("2021-02-18T23:59:59Z"), Edits: []NewcomerEdit{e(en, "2021-02-19T09:00:00Z"), e(en, "2021-05-01T10:00:00Z")},
			Why: "registered a second before the window"},
		{Name: "Gale Orrin", Action: "create", Registered: at("2021-02-19T00:00:00Z"), Edits: []NewcomerEdit{e(en, "2021-02-20T00:00:00Z")},
			Why: "qualifies: registered at the window's first instant, first edit exactly 24 h later; never returns"},
		{Name: "Birch Alder", Action: "create", Registered: at("2021-02-20T10:00:00Z"), Edits: []NewcomerEdit{e(en, "2021-02-20T10:30:00Z"), {en, at("2021-03-20T12:00:00Z"), true}, e(en, "2021-04-10T12:00:00Z")},
			Why: "qualifies: retained 7 and 30 days, not 90; survives (edit 49 days after registering); the API gives no sizediff for its second edit"},
		{Name: "Heath Pim", Action: "create", Registered: at("2021-02-22T08:00:00Z"), Edits: []NewcomerEdit{e(en, "2021-02-24T08:00:00Z"), e(en, "2021-05-01T08:00:00Z")},
			Why: "not activated: first edit two days after registering"},
		{Name: "Ember Lark", Action: "byemail", Creator: AccountCreator, Registered: at("2021-02-25T08:00:00Z"), Edits: []NewcomerEdit{e(en, "2021-02-25T20:00:00Z"), e(en, "2021-03-15T09:00:00Z"), e(en, "2021-03-30T09:00:00Z")},
			Why: "qualifies (byemail): retained 7 days only; survives (edit 33 days after registering)"},
		{Name: "Cedar Quay", Action: "create", Registered: at("2021-03-01T09:00:00Z"), Edits: []NewcomerEdit{e(en, "2021-03-01T12:00:00Z")},
			Why: "qualifies: edits on the day, never again"},
		{Name: "Iris Vale", Action: "create", Registered: at("2021-03-02T14:00:00Z"),
			Why: "not activated: never edits"},
		{Name: "Juniper Bot", Action: "create", Registered: at("2021-03-03T10:00:00Z"), Bot: true, Edits: []NewcomerEdit{e(en, "2021-03-03T11:00:00Z"), e(en, "2021-06-01T11:00:00Z")},
			Why: "a bot"},
		{Name: "Nova Reed", Action: "create", Registered: at("2021-03-03T16:00:00Z"), Edits: []NewcomerEdit{e(wd, "2021-03-03T17:00:00Z"), e(en, "2021-03-10T17:00:00Z")},
			Why: "not activated on the home wiki: the first day's edit is on Wikidata"},
		{Name: "Kestrel Auto", Action: "autocreate", Registered: at("2021-03-04T12:00:00Z"), Edits: []NewcomerEdit{e(en, "2021-03-04T12:30:00Z")},
			Why: "autocreated (registered on another wiki)"},
		{Name: "Delta Fenn", Action: "create2", Creator: AccountCreator, Registered: at("2021-03-06T15:00:00Z"), Edits: []NewcomerEdit{e(en, "2021-03-07T14:00:00Z"), e(co, "2021-05-10T10:00:00Z"), e(en, "2021-06-10T10:00:00Z"), e(en, "2022-01-05T10:00:00Z")},
			Why: "qualifies (create2): retained 7, 30, 90 and 180 days; active in month 3 by its Commons edit; does not survive (nothing 30-60 days after registering)"},
		{Name: "Fjord Mae", Action: "create", Registered: at("2021-03-07T22:00:00Z"), Edits: []NewcomerEdit{e(en, "2021-03-08T21:59:00Z"), e(en, "2021-05-01T10:00:00Z")},
			Why: "qualifies: registered during the event; retained 7 and 30 days; survives"},
		{Name: "Moss Late", Action: "create", Registered: at("2021-03-08T00:00:00Z"), Edits: []NewcomerEdit{e(en, "2021-03-08T01:00:00Z")},
			Why: "registered a second after the event"},
	}
	for i := range list {
		list[i].UserID = 5001 + int64(i)
	}
	return list
}

// addNewcomers appends the newcomers' pages (one page per edit, created by
// it) after every other page of each wiki, with ids above the others.
func (ev *Event) addNewcomers() {
	ev.Newcomers = Newcomers()
	for _, w := range Wikis {
		var page, rev int64
		for _, r := range ev.Revisions[w] {
			page, rev = max(page, r.PageID), max(rev, r.RevID)
		}
		for _, n := range ev.Newcomers {
			for k, e := range n.Edits {
				if e.Wiki != w {
					continue
				}
				page++
				rev++
				size := 120 + 37*k
				ev.Revisions[w] = append(ev.Revisions[w], Revision{
					Contribution: metrics.Contribution{Wiki: w, Username: n.Name, RevID: rev, PageID: page, NS: 2,
						Title: "User:" + n.Name + "/Draft " + string(rune('A'+k)), Timestamp: e.At, SizeDiff: size, New: true, NoSizeDiff: e.NoSizeDiff},
					Size: size, UserID: n.UserID, Comment: "Draft",
				})
			}
		}
	}
}

// newcomer returns the newcomer of that name.
func (ev *Event) newcomer(name string) (Newcomer, bool) {
	for _, n := range ev.Newcomers {
		if n.Name == name {
			return n, true
		}
	}
	return Newcomer{}, false
}
