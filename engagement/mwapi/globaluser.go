package mwapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// MetaWiki is the wiki that answers CentralAuth queries.
const MetaWiki = "meta.wikimedia.org"

// ErrNoCentralAuth means the wiki farm has no CentralAuth (e.g. a
// self-hosted wiki): registrations come from the course wikis instead.
var ErrNoCentralAuth = errors.New("CentralAuth (meta=globaluserinfo) is not available")

// GlobalUser is a CentralAuth account.
type GlobalUser struct {
	Name            string
	ID              int64
	Home            string
	Registration    time.Time
	HasRegistration bool
	Missing         bool
	Locked          bool
	Groups          []string
	EditCount       int
	Merged          []MergedAccount
}

// MergedAccount is a local account attached to a global one.
type MergedAccount struct {
	Wiki         string // database name, e.g. enwiki
	URL          string // e.g. https://en.wikipedia.org
	Domain       string // e.g. en.wikipedia.org
	ID           int64
	EditCount    int
	Registration time.Time
	Groups       []string
}

// IsBot reports membership of the global-bot group.
func (g GlobalUser) IsBot() bool {
	for _, gr := range g.Groups {
		if gr == "global-bot" {
			return true
		}
	}
	return false
}

// GlobalUserInfo asks meta.wikimedia.org (or its endpoint override) for a
// user's global account with meta=globaluserinfo&guiprop=groups|merged|editcount.
// A farm without CentralAuth gives ErrNoCentralAuth.
func (c *Client) GlobalUserInfo(ctx context.Context, name string) (GlobalUser, error) {
	var r globalUserAnswer
	_, err := c.query(ctx, MetaWiki, url.Values{"action": {"query"}, "meta": {"globaluserinfo"}, "guiuser": {name}, "guiprop": {"groups|merged|editcount"}}, func(b []byte) error {
		var probe struct {
			Query *struct {
				GUI *json.RawMessage `json:"globaluserinfo"`
			} `json:"query"`
		}
		if err := json.Unmarshal(b, &probe); err != nil {
			return err
		}
		if probe.Query == nil || probe.Query.GUI == nil {
			return errors.New("no query.globaluserinfo in the answer")
		}
		return json.Unmarshal(b, &r)
	})
	if err != nil {
		var ae *APIError
		var he *HTTPError
		if errors.As(err, &ae) && (ae.Code == "badvalue" || ae.Code == "unknown_meta") || errors.As(err, &he) && he.Status == 404 {
			return GlobalUser{}, fmt.Errorf("%w on %s: %v", ErrNoCentralAuth, c.Endpoint(MetaWiki), err)
		}
		return GlobalUser{}, fmt.Errorf("global account of %q: %w", name, err)
	}
	return r.user(name), nil
}

// globalUserAnswer is the JSON of meta=globaluserinfo.
type globalUserAnswer struct {
	Query struct {
		GUI struct {
			Home         string   `json:"home"`
			ID           int64    `json:"id"`
			Name         string   `json:"name"`
			Registration string   `json:"registration"`
			Missing      bool     `json:"missing"`
			Locked       bool     `json:"locked"`
			Groups       []string `json:"groups"`
			EditCount    int      `json:"editcount"`
			Merged       []struct {
				Wiki         string   `json:"wiki"`
				URL          string   `json:"url"`
				ID           int64    `json:"id"`
				EditCount    int      `json:"editcount"`
				Registration string   `json:"registration"`
				Groups       []string `json:"groups"`
			} `json:"merged"`
		} `json:"globaluserinfo"`
	} `json:"query"`
}

// user is the answer as a GlobalUser; name when the answer names none.
func (r *globalUserAnswer) user(name string) GlobalUser {
	g := r.Query.GUI
	out := GlobalUser{Name: g.Name, ID: g.ID, Home: g.Home, Missing: g.Missing, Locked: g.Locked, Groups: g.Groups, EditCount: g.EditCount}
	if out.Name == "" {
		out.Name = name
	}
	if t, err := time.Parse(time.RFC3339, g.Registration); err == nil {
		out.Registration, out.HasRegistration = t.UTC(), true
	}
	for _, m := range g.Merged {
		ma := MergedAccount{Wiki: m.Wiki, URL: m.URL, Domain: strings.TrimPrefix(strings.TrimPrefix(m.URL, "https://"), "http://"), ID: m.ID, EditCount: m.EditCount, Groups: m.Groups}
		if t, err := time.Parse(time.RFC3339, m.Registration); err == nil {
			ma.Registration = t.UTC()
		}
		out.Merged = append(out.Merged, ma)
	}
	return out
}
