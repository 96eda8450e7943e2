package mwapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"example.com/engagement/engagement/username"
)

// BatchSize is the number of users per list=users or list=usercontribs
// request (the API's limit without apihighlimits).
const BatchSize = 50

// User is one answer of list=users.
type User struct {
	Input           string // the name as asked
	Name            string // canonical name
	UserID          int64
	Missing         bool // valid name, no such account
	Invalid         bool // MediaWiki refuses the name
	InvalidReason   string
	EditCount       int
	Registration    time.Time
	HasRegistration bool
	Groups          []string
	Blocked         bool
	BlockPartial    bool // blocked from some pages or namespaces only
	BlockReason     string
	BlockExpiry     string
}

// IsBot reports membership of the bot group.
func (u User) IsBot() bool { return slices.Contains(u.Groups, "bot") }

type usersResponse struct {
	Query *struct {
		Users []struct {
			UserID       int64    `json:"userid"`
			Name         string   `json:"name"`
			Missing      bool     `json:"missing"`
			Invalid      bool     `json:"invalid"`
			EditCount    int      `json:"editcount"`
			Registration *string  `json:"registration"`
			Groups       []string `json:"groups"`
			BlockID      int64    `json:"blockid"`
			BlockReason  string   `json:"blockreason"`
			BlockExpiry  string   `json:"blockexpiry"`
			BlockPartial bool     `json:"blockpartial"`
		} `json:"users"`
	} `json:"query"`
}

// Users looks names up with list=users, BatchSize at a time, and returns one
// User per input name, in input order. Names MediaWiki would refuse are
// answered locally as Invalid without a request.
func (c *Client) Users(ctx context.Context, wiki string, names []string) ([]User, error) {
	out := make([]User, len(names))
	var ask []int
	for i, n := range names {
		out[i].Input = n
		canon, err := username.Canonical(n)
		if err != nil {
			out[i].Invalid = true
			out[i].Name = n
			out[i].InvalidReason = err.Error()
			continue
		}
		out[i].Name = canon
		ask = append(ask, i)
	}
	for b := 0; b < len(ask); b += BatchSize {
		batch := ask[b:min(b+BatchSize, len(ask))]
		if err := c.lookup(ctx, wiki, out, batch); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// lookup asks list=users for out[i] for every i in batch and fills them in.
// The answer is checked whole before it is used or cached: every name
// answered (matched by canonical name), every registration a timestamp.
func (c *Client) lookup(ctx context.Context, wiki string, out []User, batch []int) error {
	var ns []string
	for _, i := range batch {
		ns = append(ns, out[i].Name)
	}
	p := url.Values{"action": {"query"}, "list": {"users"}, "ususers": {strings.Join(ns, "|")}, "usprop": {"editcount|registration|groups|blockinfo"}}
	var r usersResponse
	var answers map[string]int
	var registered []time.Time
	_, err := c.query(ctx, wiki, p, func(b []byte) (err error) {
		r = usersResponse{}
		if err := json.Unmarshal(b, &r); err != nil {
			return err
		}
		if r.Query == nil || r.Query.Users == nil {
			return errors.New("no query.users in the answer")
		}
		if answers, err = answered(ns, r); err != nil {
			return err
		}
		registered, err = registrations(r)
		return err
	})
	if err != nil {
		return fmt.Errorf("looking up %d users on %s: %w", len(ns), wiki, err)
	}
	for _, i := range batch {
		k := answers[out[i].Name]
		u := r.Query.Users[k]
		o := &out[i]
		o.UserID, o.Missing, o.EditCount, o.Groups = u.UserID, u.Missing, u.EditCount, u.Groups
		if u.Invalid {
			o.Invalid, o.InvalidReason = true, "MediaWiki says the name is invalid"
		}
		if !registered[k].IsZero() {
			o.Registration, o.HasRegistration = registered[k], true
		}
		if u.BlockID != 0 {
			o.Blocked, o.BlockReason, o.BlockExpiry, o.BlockPartial = true, u.BlockReason, u.BlockExpiry, u.BlockPartial
		}
	}
	return nil
}

// answered maps each name asked for to its entry in the answer, matching
// by canonical name; a name without an entry fails the answer.
func answered(asked []string, r usersResponse) (map[string]int, error) {
	m := byCanonical(asked)
	out := map[string]int{}
	for k, u := range r.Query.Users {
		if n, ok := m.match(u.Name); ok {
			out[n] = k
		}
	}
	for _, n := range asked {
		if _, ok := out[n]; !ok {
			return nil, fmt.Errorf("%d names asked, %d answered: %q is not answered", len(asked), len(r.Query.Users), n)
		}
	}
	return out, nil
}

// registrations parses every entry's registration (zero when there is
// none).
func registrations(r usersResponse) ([]time.Time, error) {
	out := make([]time.Time, len(r.Query.Users))
	for k, u := range r.Query.Users {
		if u.Registration == nil || *u.Registration == "" {
			continue
		}
		t, err := time.Parse(time.RFC3339, *u.Registration)
		if err != nil {
			return nil, fmt.Errorf("user %q: registration %q: %w", u.Name, *u.Registration, err)
		}
		out[k] = t.UTC()
	}
	return out, nil
}
