package mwapi

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"time"
)

// NewAccount is one self-registered account from the newusers log.
type NewAccount struct {
	// Username is the new account: the log entry's title for create2 and
	// byemail (made by someone else), its performer for create.
	Username string
	// Action is the log action: create, create2 or byemail.
	Action string
	// Registered is the log entry's timestamp.
	Registered time.Time
}

type logeventsResponse struct {
	Continue map[string]string `json:"continue"`
	Query    *struct {
		LogEvents []struct {
			Action    string `json:"action"`
			User      string `json:"user"`
			Title     string `json:"title"`
			Timestamp string `json:"timestamp"`
		} `json:"logevents"`
	} `json:"query"`
}

// decodeNewUsers decodes one newusers page (and counts its entries), leaving out autocreate (and any
// other action) and taking the account from the title without its
// namespace for create2 and byemail.
func decodeNewUsers(b []byte) ([]NewAccount, map[string]string, int, error) {
	var r logeventsResponse
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, nil, 0, err
	}
	if r.Query == nil || r.Query.LogEvents == nil {
		return nil, nil, 0, errors.New("no query.logevents in the answer")
	}
	if r.Continue != nil && r.Continue["lecontinue"] == "" {
		return nil, nil, 0, fmt.Errorf("a continuation without lecontinue: %v", r.Continue)
	}
	var out []NewAccount
	for _, e := range r.Query.LogEvents {
		t, err := time.Parse(time.RFC3339, e.Timestamp)
		if err != nil {
			return nil, nil, 0, fmt.Errorf("log entry of %q: timestamp %q: %w", e.Title, e.Timestamp, err)
		}
		a := NewAccount{Action: e.Action, Registered: t.UTC()}
		switch e.Action {
		case "create":
			a.Username = e.User
		case "create2", "byemail":
			a.Username = userFromTitle(e.Title)
		default:
			continue
		}
		out = append(out, a)
	}
	return out, r.Continue, len(r.Query.LogEvents), nil
}

// userFromTitle strips the "User:" namespace (in any language) from a
// log entry's title.
func userFromTitle(title string) string {
	for i := 0; i < len(title); i++ {
		if title[i] == ':' {
			return title[i+1:]
		}
	}
	return title
}

// NewUsers lists the accounts registered on wiki in [start, end] (inclusive)
// by create, create2 or byemail, never autocreate, oldest first. Each action
// is listed on its own (leaction), 500 log entries per request, so that the
// autocreated accounts, most of a big wiki's newusers log, cost nothing. A
// repeated continuation stops with an error.
func (c *Client) NewUsers(ctx context.Context, wiki string, start, end time.Time) ([]NewAccount, error) {
	var out []NewAccount
	for _, action := range []string{"create", "create2", "byemail"} {
		got, err := c.newUsers(ctx, wiki, action, start, end)
		if err != nil {
			return nil, err
		}
		out = append(out, got...)
	}
	slices.SortStableFunc(out, func(a, b NewAccount) int {
		return cmp.Or(a.Registered.Compare(b.Registered), cmp.Compare(a.Username, b.Username))
	})
	return out, nil
}

// newUsers lists one action's log entries, page by page.
func (c *Client) newUsers(ctx context.Context, wiki, action string, start, end time.Time) ([]NewAccount, error) {
	p := url.Values{
		"action": {"query"}, "list": {"logevents"}, "leaction": {"newusers/" + action}, "lelimit": {"500"},
		"ledir": {"newer"}, "leprop": {"user|title|timestamp|type"},
		"lestart": {start.UTC().Format(time.RFC3339)}, "leend": {end.UTC().Format(time.RFC3339)},
	}
	var out []NewAccount
	pg := newPager("lecontinue")
	for pages := 1; ; pages++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("listing new accounts (%s) on %s (page %d): %w", action, wiki, pages, err)
		}
		var page []NewAccount
		var cont map[string]string
		var entries int
		_, err := c.query(ctx, wiki, p, func(b []byte) (err error) {
			if page, cont, entries, err = decodeNewUsers(b); err != nil {
				return err
			}
			return pg.check(cont, entries)
		})
		if err != nil {
			return nil, fmt.Errorf("listing new accounts (%s) on %s (page %d): %w", action, wiki, pages, err)
		}
		out = append(out, page...)
		if !pg.next(p, cont, entries) {
			return out, nil
		}
	}
}
