// Package sample holds an embedded sample event and the deterministic
// generator that produced it, so every notebook and the example program run
// offline.
//
// The event: a three-day edit-a-thon, "Women in Science Edit-a-thon",
// 5–7 March 2021 on English Wikipedia, with Wikidata and Commons as further
// course wikis, observed as of 1 January 2025. users.json has 60 enrolments:
// 57 as editor (one person enrolled twice), 2 facilitators (one of them also
// enrolled as editor) and 1 staff member. The 56 distinct editors are:
//
//   - 36 new accounts, registered in the 14 days before the event or during it
//     (one enrolled as "jane_doe_(WMUK)": underscores, lower-case first letter);
//   - 17 experienced editors, 3 of them long-term (500+ edits before the
//     event; one with no registration date, as very old accounts have);
//   - 3 left out of aggregates: the facilitator also enrolled as editor,
//     "Vanished Nomad" (the account no longer exists) and "CiteFixBot" (a bot).
//
// Around the event, 13 accounts that did not come registered on English
// Wikipedia (see Newcomers): the newusers log and their edits make a
// baseline of comparable newcomers whose numbers are worked out by hand
// (6 qualify; the others are a bot, never activated, autocreated or
// registered outside the window).
//
// Contributions run from 2019 to 2024 with a heavy-tailed edit count: most
// new editors stop after the event, some return within a month, a few stay
// active for more than a year. They include page creations and namespaces
// beyond the main one. Pages participants improve have earlier revisions by
// a non-participant, "Background editor", so page histories are complete.
//
// The embedded files are those the Dashboard serves (course.json,
// users.json, articles.json, the students CSV export) and the ground truth
// (contributions.csv, accounts.csv). Transport answers the Dashboard's and
// the MediaWiki API's requests for the event from them, in the services'
// own formats, so an offline run goes through the same parsing code as a
// live one. Regenerate with
//
//	go run ./engagement/sample/cmd/gensample
//
// and write the MediaWiki exports for a real wiki with -mediawiki DIR.
//
// The sample imports engagement/dataset, an arrow the layout's rules
// allow (internal/layout, engagement's package doc): its ground truth, contributions.csv and accounts.csv, is
// written with dataset's writers (WriteContributions, WriteAccounts), so
// that it is in the very format a run writes and a re-analysis reads.
// dataset owns every file format; a second writer here would be a second
// definition of contributions.csv (its quoting, timestamps, the empty
// sizediff) that could drift from the first. The Dashboard's own files
// (JSON and the students CSV) are written here or by engagement/dashboard,
// whose formats they are.
package sample

import (
	"bytes"
	"embed"
	"io/fs"

	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/metrics"
)

//go:generate go run ./cmd/gensample -out data

//go:embed data/*.json data/*.csv
var data embed.FS

// Files returns the embedded files.
func Files() fs.FS {
	sub, err := fs.Sub(data, "data")
	if err != nil {
		panic(err) // the embedded folder always exists
	}
	return sub
}

func read(name string) []byte {
	b, err := fs.ReadFile(Files(), name)
	if err != nil {
		panic(err) // embedded at build time
	}
	return b
}

// Contributions returns the ground-truth contributions of the participants.
func Contributions() ([]metrics.Contribution, error) {
	return dataset.ReadContributions(bytes.NewReader(read(dataset.ContributionsFile)), "sample/"+dataset.ContributionsFile)
}

// Accounts returns the ground-truth account facts.
func Accounts() ([]metrics.Account, error) {
	return dataset.ReadAccounts(bytes.NewReader(read(dataset.AccountsFile)), "sample/"+dataset.AccountsFile)
}

// MetricsEvent returns the event as the metrics need it.
func MetricsEvent() metrics.Event {
	return metrics.Event{Start: Start, End: End, Wikis: append([]string(nil), Wikis...)}
}

// MustAccounts is Accounts for tests: the embedded file always parses.
func MustAccounts() []metrics.Account {
	a, err := Accounts()
	if err != nil {
		panic(err)
	}
	return a
}
