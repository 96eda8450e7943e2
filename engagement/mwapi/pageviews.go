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

// PageviewsHost is the "wiki" whose endpoint override points at the REST
// base, e.g. WithEndpoint(PageviewsHost, "http://127.0.0.1:9/api/rest_v1").
const PageviewsHost = "wikimedia.org"

// Granularity of pageview counts.
type Granularity string

// Granularities of the pageviews API.
const (
	Daily   Granularity = "daily"
	Monthly Granularity = "monthly"
)

// Pageview is the number of views in one day or month.
type Pageview struct {
	Timestamp time.Time
	Views     int
}

// Pageviews returns the user (non-bot) views of an article on a project
// such as "en.wikipedia" from the Wikimedia pageviews REST API, between
// start and end inclusive. Days without views are absent; an article with no
// views at all (the API's 404) gives an empty result, not an error.
func (c *Client) Pageviews(ctx context.Context, project, article string, g Granularity, start, end time.Time) ([]Pageview, error) {
	if err := c.CheckPageviews(project); err != nil {
		return nil, fmt.Errorf("pageviews of %s: %w", article, err)
	}
	base := "https://wikimedia.org/api/rest_v1"
	if u, ok := c.endpoints[PageviewsHost]; ok {
		base = strings.TrimRight(u, "/")
	}
	project = strings.TrimSuffix(project, ".org")
	if _, mapped := c.endpoints[PageviewsHost]; !mapped {
		if err := CheckWikiDomain(project + ".org"); err != nil {
			return nil, fmt.Errorf("pageviews of %s: %w", article, err)
		}
	}
	title := url.PathEscape(strings.ReplaceAll(article, " ", "_"))
	u := fmt.Sprintf("%s/metrics/pageviews/per-article/%s/all-access/user/%s/%s/%s/%s", base, project, title, g, start.UTC().Format("20060102"), end.UTC().Format("20060102"))
	var r struct {
		Items []struct {
			Timestamp string `json:"timestamp"`
			Views     int    `json:"views"`
		} `json:"items"`
	}
	_, err := c.get(ctx, PageviewsHost, u, func(b []byte) error {
		if err := json.Unmarshal(b, &r); err != nil {
			return err
		}
		if r.Items == nil {
			return errors.New("no items in the answer")
		}
		return nil
	})
	if err != nil {
		var he *HTTPError
		if errors.As(err, &he) && he.Status == 404 {
			return nil, nil
		}
		return nil, fmt.Errorf("pageviews of %s on %s: %w", article, project, err)
	}
	out := make([]Pageview, 0, len(r.Items))
	for _, it := range r.Items {
		t, err := time.Parse("2006010215", it.Timestamp)
		if err != nil {
			return nil, fmt.Errorf("pageviews of %s: timestamp %q: %w", article, it.Timestamp, err)
		}
		out = append(out, Pageview{Timestamp: t.UTC(), Views: it.Views})
	}
	return out, nil
}

// ErrNoPageviewsService is returned for a wiki whose API is mapped to an
// endpoint of its own (WithEndpoint) while the pageviews REST base is not:
// Wikimedia's service counts Wikimedia's wikis, not that one, so no request
// is sent (a self-hosted or test wiki never makes a request to a public host).
var ErrNoPageviewsService = errors.New("no pageviews service for this wiki: its API is mapped to an endpoint of its own and the pageviews REST base is not (map " + PageviewsHost + " too)")

// CheckPageviews reports whether the client asks a pageviews service about
// wiki (a domain such as "en.wikipedia.org", or a project such as
// "en.wikipedia").
func (c *Client) CheckPageviews(wiki string) error {
	if _, ok := c.endpoints[PageviewsHost]; ok {
		return nil
	}
	if !strings.HasSuffix(wiki, ".org") {
		wiki += ".org"
	}
	if _, ok := c.endpoints[wiki]; ok {
		return ErrNoPageviewsService
	}
	return nil
}
