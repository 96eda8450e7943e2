package mwapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
)

// Namespace is one namespace of a wiki.
type Namespace struct {
	ID        int
	Name      string
	Canonical string
	Content   bool
}

// SiteInfo holds a wiki's namespaces.
type SiteInfo struct {
	Wiki       string
	Namespaces []Namespace
}

// ContentNamespaces returns the ids of the content namespaces.
func (s SiteInfo) ContentNamespaces() []int {
	var out []int
	for _, n := range s.Namespaces {
		if n.Content {
			out = append(out, n.ID)
		}
	}
	return out
}

// Name returns the local name of namespace id ("(Main)" for 0).
func (s SiteInfo) Name(id int) string {
	for _, n := range s.Namespaces {
		if n.ID == id {
			if id == 0 {
				return "(Main)"
			}
			return n.Name
		}
	}
	return fmt.Sprintf("namespace %d", id)
}

// SiteInfo fetches meta=siteinfo&siprop=namespaces.
func (c *Client) SiteInfo(ctx context.Context, wiki string) (SiteInfo, error) {
	var r struct {
		Query struct {
			Namespaces map[string]struct {
				ID        int    `json:"id"`
				Name      string `json:"name"`
				Canonical string `json:"canonical"`
				Content   bool   `json:"content"`
			} `json:"namespaces"`
		} `json:"query"`
	}
	_, err := c.query(ctx, wiki, url.Values{"action": {"query"}, "meta": {"siteinfo"}, "siprop": {"namespaces"}}, func(b []byte) error {
		if err := json.Unmarshal(b, &r); err != nil {
			return err
		}
		if r.Query.Namespaces == nil {
			return errors.New("no query.namespaces in the answer")
		}
		return nil
	})
	if err != nil {
		return SiteInfo{}, fmt.Errorf("reading namespaces of %s: %w", wiki, err)
	}
	s := SiteInfo{Wiki: wiki}
	for _, n := range r.Query.Namespaces {
		s.Namespaces = append(s.Namespaces, Namespace{ID: n.ID, Name: n.Name, Canonical: n.Canonical, Content: n.Content})
	}
	sortNamespaces(s.Namespaces)
	return s, nil
}

func sortNamespaces(ns []Namespace) {
	for i := 1; i < len(ns); i++ {
		for j := i; j > 0 && ns[j].ID < ns[j-1].ID; j-- {
			ns[j], ns[j-1] = ns[j-1], ns[j]
		}
	}
}
