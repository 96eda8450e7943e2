package mwapi

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Contribution is one live revision from list=usercontribs.
type Contribution struct {
	Wiki      string
	User      string
	UserID    int64
	RevID     int64
	ParentID  int64
	PageID    int64
	NS        int
	Title     string
	Timestamp time.Time
	Comment   string
	Size      int
	SizeDiff  int
	New       bool
	Minor     bool
	Top       bool
	Tags      []string
}

// ContribsOptions bounds a usercontribs query. The zero value asks for
// every live revision in every namespace.
type ContribsOptions struct {
	Start, End time.Time // inclusive; zero = unbounded
	Namespaces []int     // nil = all
}

type contribsResponse struct {
	Continue map[string]string `json:"continue"`
	Query    struct {
		UserContribs []struct {
			UserID    int64    `json:"userid"`
			User      string   `json:"user"`
			PageID    int64    `json:"pageid"`
			RevID     int64    `json:"revid"`
			ParentID  int64    `json:"parentid"`
			NS        int      `json:"ns"`
			Title     string   `json:"title"`
			Timestamp string   `json:"timestamp"`
			Comment   string   `json:"comment"`
			Size      int      `json:"size"`
			SizeDiff  int      `json:"sizediff"`
			New       bool     `json:"new"`
			Minor     bool     `json:"minor"`
			Top       bool     `json:"top"`
			Tags      []string `json:"tags"`
		} `json:"usercontribs"`
	} `json:"query"`
}

// UserContribs yields every live revision of the named users (canonical,
// validated names: one invalid name fails a whole request), BatchSize users
// per request, 500 revisions per page, oldest first within each user. It
// yields an error once and stops.
func (c *Client) UserContribs(ctx context.Context, wiki string, names []string, opts *ContribsOptions) iter.Seq2[Contribution, error] {
	return func(yield func(Contribution, error) bool) {
		for b := 0; b < len(names); b += BatchSize {
			page, err := c.contribsBatch(ctx, wiki, names[b:min(b+BatchSize, len(names))], opts)
			if err != nil {
				yield(Contribution{}, err)
				return
			}
			for _, rev := range page {
				if !yield(rev, nil) {
					return
				}
			}
		}
	}
}

// contribsBatch fetches every page of one batch; it returns nothing unless
// the batch is complete.
func (c *Client) contribsBatch(ctx context.Context, wiki string, names []string, opts *ContribsOptions) ([]Contribution, error) {
	p := url.Values{
		"action": {"query"}, "list": {"usercontribs"}, "ucuser": {strings.Join(names, "|")},
		"uclimit": {"max"}, "ucdir": {"newer"}, "ucprop": {"ids|title|timestamp|comment|size|sizediff|flags|tags"},
	}
	if opts != nil {
		if !opts.Start.IsZero() {
			p.Set("ucstart", opts.Start.UTC().Format(time.RFC3339))
		}
		if !opts.End.IsZero() {
			p.Set("ucend", opts.End.UTC().Format(time.RFC3339))
		}
		if opts.Namespaces != nil {
			var ns []string
			for _, n := range opts.Namespaces {
				ns = append(ns, strconv.Itoa(n))
			}
			p.Set("ucnamespace", strings.Join(ns, "|"))
		}
	}
	var out []Contribution
	for pages := 1; ; pages++ {
		body, err := c.query(ctx, wiki, p)
		if err != nil {
			return nil, fmt.Errorf("fetching contributions of %d users on %s (page %d): %w", len(names), wiki, pages, err)
		}
		var r contribsResponse
		if err := json.Unmarshal(body, &r); err != nil {
			return nil, fmt.Errorf("fetching contributions on %s: %w", wiki, err)
		}
		for _, u := range r.Query.UserContribs {
			t, err := time.Parse(time.RFC3339, u.Timestamp)
			if err != nil {
				return nil, fmt.Errorf("revision %d on %s: timestamp %q: %w", u.RevID, wiki, u.Timestamp, err)
			}
			out = append(out, Contribution{Wiki: wiki, User: u.User, UserID: u.UserID, RevID: u.RevID, ParentID: u.ParentID, PageID: u.PageID, NS: u.NS, Title: u.Title, Timestamp: t.UTC(), Comment: u.Comment, Size: u.Size, SizeDiff: u.SizeDiff, New: u.New, Minor: u.Minor, Top: u.Top, Tags: u.Tags})
		}
		if len(r.Continue) == 0 {
			return out, nil
		}
		for k, v := range r.Continue {
			p.Set(k, v)
		}
	}
}
