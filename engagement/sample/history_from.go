package sample

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"example.com/engagement/engagement/metrics"
)

// WriteHistoryOf writes contributions and accounts (a re-analysis folder's
// contributions.csv and accounts.csv: an event shape) as mediawiki_history
// dumps into dir, one wiki_db per wiki domain (wikiDB names them): a
// user/create row on each of the wikis for every account, and a revision
// row for every contribution. A revision that did not create its page
// gets a parent (its own id plus 10^12: the shapes give no parent), so
// that only the page creations have revision_parent_id 0; content says
// which namespaces are content. Accounts without a registration have none in
// the dumps either. Titles and user names are written as the dumps write
// them (a backslash as it is); one holding a TAB, LF or CR, which no
// MediaWiki title or user name can, is refused: the dumps would write it
// as \t, \n or \r, which a reader takes as the title's own backslash.
func WriteHistoryOf(dir string, cs []metrics.Contribution, accounts []metrics.Account, wikis []string, wikiDB func(string) (string, error), content func(wiki string, ns int) bool, o HistoryOptions) error {
	if err := checkTitles(cs, accounts); err != nil {
		return err
	}
	users := map[string]historyUser{}
	for i, a := range accounts {
		users[a.Username] = historyUser{ID: int64(i + 2), CentralID: int64(i + 2), Name: a.Username, Registration: a.Registration, Bot: a.Bot}
	}
	byWiki := map[string][]DumpLine{}
	for _, w := range wikis {
		for _, u := range users {
			for _, e := range userEvents("", u) {
				byWiki[w] = append(byWiki[w], lineOf(e, w, wikiDB, o))
			}
		}
	}
	for _, c := range cs {
		u, ok := users[c.Username]
		if !ok { // contributions of someone without an account row: a user all the same
			u = historyUser{ID: int64(len(users) + 2), CentralID: int64(len(users) + 2), Name: c.Username, Registration: time.Time{}}
			users[c.Username] = u
		}
		r := Revision{Contribution: c, Size: max(0, c.SizeDiff), UserID: u.ID}
		if !c.New {
			r.ParentID = c.RevID + 1_000_000_000_000
		}
		byWiki[c.Wiki] = append(byWiki[c.Wiki], lineOf(revisionEvent("", r, u, content(c.Wiki, c.NS)), c.Wiki, wikiDB, o))
	}
	for _, w := range wikis {
		db, err := wikiDB(w)
		if err != nil {
			return err
		}
		if len(byWiki[w]) == 0 { // no account and no edit: an empty dump
			if err := writeDump(filepath.Join(dir, o.Snapshot, db, fmt.Sprintf("%s.%s.all-time.tsv", o.Snapshot, db)), nil, o.Compress); err != nil {
				return err
			}
		}
	}
	for w, lines := range byWiki {
		db, err := wikiDB(w)
		if err != nil {
			return err
		}
		if err := WriteHistoryWiki(dir, db, lines, o); err != nil {
			return fmt.Errorf("writing the dumps of %s: %w", w, err)
		}
	}
	return nil
}

// lineOf renders an event of wiki w (whose wiki_db wikiDB gives).
func lineOf(e HistoryEvent, w string, wikiDB func(string) (string, error), o HistoryOptions) DumpLine {
	db, err := wikiDB(w)
	if err != nil {
		db = "unknown_" + strings.ReplaceAll(w, ".", "_") // refused by WriteHistoryOf's own call
	}
	e["wiki_db"] = db
	return DumpLine{At: e.at(), Text: HistoryLine(e, o.columns())}
}

// checkTitles refuses a title or user name no MediaWiki can hold.
func checkTitles(cs []metrics.Contribution, accounts []metrics.Account) error {
	for _, a := range accounts {
		if strings.ContainsAny(a.Username, "\t\n\r") {
			return fmt.Errorf("account %q: a TAB, LF or CR, which no MediaWiki user name holds", a.Username)
		}
	}
	for _, c := range cs {
		if strings.ContainsAny(c.Title+c.Username, "\t\n\r") {
			return fmt.Errorf("revision %d of %s (%q by %q): a TAB, LF or CR, which no MediaWiki title or user name holds", c.RevID, c.Wiki, c.Title, c.Username)
		}
	}
	return nil
}
