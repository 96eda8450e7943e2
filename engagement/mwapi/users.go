package mwapi

import (
	"context"
	"encoding/json"
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
	BlockReason     string
	BlockExpiry     string
}

// IsBot reports membership of the bot group.
func (u User) IsBot() bool { return slices.Contains(u.Groups, "bot") }

type usersResponse struct {
	Query struct {
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
		var ns []string
		for _, i := range batch {
			ns = append(ns, out[i].Name)
		}
		p := url.Values{"action": {"query"}, "list": {"users"}, "ususers": {strings.Join(ns, "|")}, "usprop": {"editcount|registration|groups|blockinfo"}}
		body, err := c.query(ctx, wiki, p)
		if err != nil {
			return nil, fmt.Errorf("looking up %d users on %s: %w", len(ns), wiki, err)
		}
		var r usersResponse
		if err := json.Unmarshal(body, &r); err != nil {
			return nil, fmt.Errorf("looking up users on %s: %w", wiki, err)
		}
		byName := map[string]int{}
		for k, u := range r.Query.Users {
			byName[u.Name] = k
		}
		for _, i := range batch {
			k, ok := byName[out[i].Name]
			if !ok {
				return nil, fmt.Errorf("looking up users on %s: no answer for %q", wiki, out[i].Name)
			}
			u := r.Query.Users[k]
			o := &out[i]
			o.UserID, o.Missing, o.EditCount, o.Groups = u.UserID, u.Missing, u.EditCount, u.Groups
			if u.Invalid {
				o.Invalid, o.InvalidReason = true, "MediaWiki says the name is invalid"
			}
			if u.Registration != nil && *u.Registration != "" {
				t, err := time.Parse(time.RFC3339, *u.Registration)
				if err != nil {
					return nil, fmt.Errorf("user %q on %s: registration %q: %w", o.Name, wiki, *u.Registration, err)
				}
				o.Registration, o.HasRegistration = t.UTC(), true
			}
			if u.BlockID != 0 {
				o.Blocked, o.BlockReason, o.BlockExpiry = true, u.BlockReason, u.BlockExpiry
			}
		}
	}
	return out, nil
}
