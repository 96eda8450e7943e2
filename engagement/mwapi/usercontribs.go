package mwapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"net/url"
	"strconv"
	"strings"
	"time"

	"example.com/engagement/engagement/username"
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
	// NoSizeDiff is true when the answer had no sizediff (the parent
	// revision's size is unknown); SizeDiff is then 0 and meaningless.
	NoSizeDiff bool
	New        bool
	Minor      bool
	Top        bool
	Tags       []string
	// CommentHidden, TextHidden and Suppressed are the revision's deletion
	// flags: the revision still counts as an edit.
	CommentHidden, TextHidden, Suppressed bool
}

// ContribsOptions bounds a usercontribs query. The zero value asks for
// every live revision in every namespace.
type ContribsOptions struct {
	Start, End time.Time // inclusive; zero = unbounded
	Namespaces []int     // nil = all
}

type contribsResponse struct {
	Continue map[string]string `json:"continue"`
	Query    *struct {
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
			SizeDiff  *int     `json:"sizediff"`
			New       bool     `json:"new"`
			Minor     bool     `json:"minor"`
			Top       bool     `json:"top"`
			Tags      []string `json:"tags"`
			// Deletion flags, present only when set.
			CommentHidden bool `json:"commenthidden"`
			TextHidden    bool `json:"texthidden"`
			Suppressed    bool `json:"suppressed"`
		} `json:"usercontribs"`
	} `json:"query"`
}

// CapError says that a user has more contributions on a wiki than the
// client's cap (WithMaxContributions): their data is incomplete.
type CapError struct {
	User, Wiki string
	Max        int
}

func (e *CapError) Error() string {
	return fmt.Sprintf("more than %d contributions on %s", e.Max, e.Wiki)
}

// decodeContribs decodes and checks one usercontribs answer: the
// query.usercontribs list present, every timestamp valid, the continuation
// well formed.
func decodeContribs(wiki string, b []byte) ([]Contribution, map[string]string, error) {
	var r contribsResponse
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, nil, err
	}
	if r.Query == nil || r.Query.UserContribs == nil {
		return nil, nil, errors.New("no query.usercontribs in the answer")
	}
	if r.Continue != nil && r.Continue["uccontinue"] == "" {
		return nil, nil, fmt.Errorf("a continuation without uccontinue: %v", r.Continue)
	}
	out := make([]Contribution, 0, len(r.Query.UserContribs))
	for _, u := range r.Query.UserContribs {
		t, err := time.Parse(time.RFC3339, u.Timestamp)
		if err != nil {
			return nil, nil, fmt.Errorf("revision %d: timestamp %q: %w", u.RevID, u.Timestamp, err)
		}
		c := Contribution{Wiki: wiki, User: u.User, UserID: u.UserID, RevID: u.RevID, ParentID: u.ParentID, PageID: u.PageID, NS: u.NS, Title: u.Title, Timestamp: t.UTC(), Comment: u.Comment, Size: u.Size, New: u.New, Minor: u.Minor, Top: u.Top, Tags: u.Tags, CommentHidden: u.CommentHidden, TextHidden: u.TextHidden, Suppressed: u.Suppressed}
		if u.SizeDiff == nil {
			c.NoSizeDiff = true
		} else {
			c.SizeDiff = *u.SizeDiff
		}
		out = append(out, c)
	}
	return out, r.Continue, nil
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
// the batch is complete. Each revision is matched to the batch by canonical
// name (an answer spelling "Kiri_Okafor", or in NFD, is the batch's "Kiri
// Okafor") and carries the batch's spelling; a revision of someone not
// asked for is a wrong answer. A user above the client's contribution cap
// stops the batch with a *CapError naming them as the batch does; a
// continuation that repeats stops it with an error, and that answer is not
// cached.
func (c *Client) contribsBatch(ctx context.Context, wiki string, names []string, opts *ContribsOptions) ([]Contribution, error) {
	p := contribsParams(names, opts)
	asked := byCanonical(names)
	var out []Contribution
	perUser := map[string]int{}
	pg := newPager("uccontinue")
	for pages := 1; ; pages++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("fetching contributions of %d users on %s (page %d): %w", len(names), wiki, pages, err)
		}
		var page []Contribution
		var cont map[string]string
		_, err := c.query(ctx, wiki, p, func(b []byte) (err error) {
			if page, cont, err = decodeContribs(wiki, b); err != nil {
				return err
			}
			for i, r := range page {
				n, ok := asked.match(r.User)
				if !ok {
					return fmt.Errorf("revision %d is by %q, who was not asked for", r.RevID, r.User)
				}
				page[i].User = n
			}
			return pg.check(cont, len(page))
		})
		if err != nil {
			return nil, fmt.Errorf("fetching contributions of %d users on %s (page %d): %w", len(names), wiki, pages, err)
		}
		for _, r := range page {
			if perUser[r.User]++; perUser[r.User] > c.maxContribs {
				return nil, &CapError{User: r.User, Wiki: wiki, Max: c.maxContribs}
			}
		}
		out = append(out, page...)
		if !pg.next(p, cont, len(page)) {
			return out, nil
		}
	}
}

// names maps the canonical form of each name asked for to the name as
// asked.
type names map[string]string

func byCanonical(asked []string) names {
	m := names{}
	for _, n := range asked {
		m[n] = n
		if c, err := username.Canonical(n); err == nil {
			m[c] = n
		}
	}
	return m
}

// match returns the name asked for that answer names.
func (m names) match(answer string) (string, bool) {
	if n, ok := m[answer]; ok {
		return n, true
	}
	c, err := username.Canonical(answer)
	if err != nil {
		return "", false
	}
	n, ok := m[c]
	return n, ok
}

// contribsParams are the list=usercontribs parameters for a batch: only the
// properties the metrics read.
func contribsParams(names []string, opts *ContribsOptions) url.Values {
	p := url.Values{
		"action": {"query"}, "list": {"usercontribs"}, "ucuser": {strings.Join(names, "|")},
		"uclimit": {"max"}, "ucdir": {"newer"}, "ucprop": {"ids|title|timestamp|sizediff|flags"},
	}
	if opts == nil {
		return p
	}
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
	return p
}
