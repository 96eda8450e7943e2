package dashboard

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
)

// ErrCampaignNotFound reports a campaign the Dashboard does not know. The
// Dashboard answers an unknown slug's campaign.json with HTTP 500 (and its
// users.json with 404), so a 500 there is reported as this too, saying so.
var ErrCampaignNotFound = errors.New("campaign not found")

// CampaignRef identifies a campaign on a dashboard.
type CampaignRef struct {
	Base string // scheme and host, e.g. "https://outreachdashboard.wmflabs.org"
	Slug string // e.g. "wikigap_2019"
}

// String returns the campaign's page URL.
func (r CampaignRef) String() string { return r.Base + "/campaigns/" + url.PathEscape(r.Slug) }

// JSONURL returns the campaign's JSON (name "") or one of its member
// endpoints (name "users" gives …/campaigns/<slug>/users.json).
func (r CampaignRef) JSONURL(name string) string {
	if name == "" {
		return r.String() + ".json"
	}
	return r.String() + "/" + name + ".json"
}

// Course returns the reference of one of the campaign's courses, on the
// same dashboard.
func (r CampaignRef) Course(slug string) CourseRef { return CourseRef{Base: r.Base, Slug: slug} }

// campaignSlug is what the Dashboard makes of a title: letters, digits and
// underscores (app/models/campaign.rb).
var campaignSlug = regexp.MustCompile(`^[\p{L}\p{N}_-]+$`)

// ParseCampaign reads a campaign URL on outreachdashboard.wmflabs.org or
// dashboard.wikiedu.org (https://…/campaigns/<slug>, with or without a
// subpage such as /programs, a .json suffix, a trailing slash or a query)
// or a bare slug, taken to be on outreachdashboard.wmflabs.org.
func ParseCampaign(s string) (CampaignRef, error) { return parseCampaign(s, "") }

// ParseCampaignWithBase is ParseCampaign for a dashboard at another address
// (base like "http://127.0.0.1:3000").
func ParseCampaignWithBase(s, base string) (CampaignRef, error) {
	return parseCampaign(s, strings.TrimRight(base, "/"))
}

func parseCampaign(s, base string) (CampaignRef, error) {
	s = strings.TrimSpace(s)
	const example = "https://outreachdashboard.wmflabs.org/campaigns/wikigap_2019"
	if s == "" {
		return CampaignRef{}, fmt.Errorf("no campaign given: expected a Dashboard campaign URL such as %s, or its slug", example)
	}
	path := s
	if strings.Contains(s, "://") {
		u, err := url.Parse(s)
		if err != nil {
			return CampaignRef{}, fmt.Errorf("campaign URL %q: %w", s, err)
		}
		if base, err = dashboardBase("campaign", s, u, base); err != nil {
			return CampaignRef{}, err
		}
		rest, ok := strings.CutPrefix(u.Path, "/campaigns/")
		if !ok {
			return CampaignRef{}, fmt.Errorf("campaign URL %q: path %q does not start with /campaigns/<slug>, as in %s", s, u.Path, example)
		}
		path = rest
	} else {
		if err := checkNotPath(s, "campaign", example); err != nil {
			return CampaignRef{}, err
		}
		path, _, _ = strings.Cut(path, "?")
		path = strings.TrimPrefix(strings.Trim(path, "/"), "campaigns/")
	}
	slug, _, _ := strings.Cut(strings.Trim(path, "/"), "/")
	slug = strings.TrimSuffix(slug, ".json")
	if dec, err := url.PathUnescape(slug); err == nil {
		slug = dec
	}
	if !campaignSlug.MatchString(slug) {
		return CampaignRef{}, fmt.Errorf("campaign %q: %q is not a campaign slug (letters, digits and underscores, as in %s)", s, slug, example)
	}
	if base == "" {
		base = "https://" + OutreachHost
	}
	return CampaignRef{Base: base, Slug: slug}, nil
}

// CampaignInfo is the head of a campaign's JSON (/campaigns/<slug>.json).
// Its counts are the Dashboard's display strings ("1.2K").
type CampaignInfo struct {
	ID           int64     `json:"id"`
	Title        string    `json:"title"`
	Slug         string    `json:"slug"`
	Description  string    `json:"description"`
	CoursesCount string    `json:"courses_count"`
	UserCount    string    `json:"user_count"`
	Start        time.Time `json:"start"`
	End          time.Time `json:"end"`
}

// UnmarshalJSON accepts the counts as strings or numbers, and null or
// missing dates.
func (c *CampaignInfo) UnmarshalJSON(b []byte) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	str := func(k string) string {
		var s string
		if json.Unmarshal(m[k], &s) != nil {
			return strings.TrimSpace(string(m[k])) // a number, null or missing
		}
		return s
	}
	*c = CampaignInfo{Title: str("title"), Slug: str("slug"), Description: str("description"),
		CoursesCount: str("courses_count"), UserCount: str("user_count")}
	if id := str("id"); id != "" && id != "null" {
		if err := json.Unmarshal(m["id"], &c.ID); err != nil {
			return fmt.Errorf("field \"id\": %w", err)
		}
	}
	for k, t := range map[string]*time.Time{"start": &c.Start, "end": &c.End} {
		if v := str(k); v != "" && v != "null" {
			parsed, err := time.Parse(time.RFC3339, v)
			if err != nil {
				return fmt.Errorf("field %q: %w", k, err)
			}
			*t = parsed.UTC()
		}
	}
	return nil
}

// CampaignEnrolment is one row of a campaign's users.json: a username
// enrolled in one of its courses with a role ("Editor", "Facilitator",
// "Campus Volunteer", "Online Volunteer", "Wiki Education Staff").
type CampaignEnrolment struct {
	Course   string `json:"course"`
	Role     string `json:"role"`
	Username string `json:"username"`
}

// ParseCampaignJSON reads /campaigns/<slug>.json; name is used in errors.
func ParseCampaignJSON(r io.Reader, name string) (CampaignInfo, error) {
	var c CampaignInfo
	if err := decodeWrapped(r, name, "campaign", &c); err != nil {
		return c, err
	}
	if c.Slug == "" {
		return c, fmt.Errorf("%s: the campaign has no \"slug\"; for example {\"campaign\": {\"slug\": \"wikigap_2019\", \"title\": \"WikiGap 2019\"}}", name)
	}
	return c, nil
}

// ParseCampaignUsersJSON reads /campaigns/<slug>/users.json: every
// enrolment of the campaign's public courses, all roles. An enrolment
// without a course or a username is an error naming its position.
func ParseCampaignUsersJSON(r io.Reader, name string) ([]CampaignEnrolment, error) {
	body, err := readFile(r, name, MaxFileSize)
	if err != nil {
		return nil, err
	}
	body = bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	if len(body) > 0 && body[0] == '<' {
		return nil, fmt.Errorf("%s: got an HTML page, not JSON: is the campaign's URL right?", name)
	}
	var v struct {
		Users *[]CampaignEnrolment `json:"users"`
	}
	if err := json.Unmarshal(body, &v); err != nil {
		if json.Valid(body) {
			if err := walkJSON(name, body, nil); err != nil {
				return nil, err
			}
		}
		return nil, jsonError(name, body, err)
	}
	if err := walkJSON(name, body, nil); err != nil {
		return nil, err
	}
	if v.Users == nil {
		return nil, fmt.Errorf("%s: no \"users\" list; expected {\"campaign\": \"<slug>\", \"users\": [{\"course\": \"School/Title\", \"role\": \"Editor\", \"username\": \"Jane doe\"}]}", name)
	}
	for i, u := range *v.Users {
		if strings.TrimSpace(u.Course) == "" || strings.TrimSpace(u.Username) == "" {
			return nil, fmt.Errorf("%s: enrolment %d (%q in %q) lacks a \"course\" or a \"username\"", name, i+1, u.Username, u.Course)
		}
	}
	return *v.Users, nil
}

// CampaignCourses returns the distinct courses of the enrolments, in the
// order they first appear. Courses nobody is enrolled in are not listed
// by the Dashboard's users.json, so they are not here either.
func CampaignCourses(es []CampaignEnrolment) []string {
	var out []string
	for _, e := range es {
		if !slices.Contains(out, e.Course) {
			out = append(out, e.Course)
		}
	}
	return out
}

// Campaign fetches /campaigns/<slug>.json.
func (c *Client) Campaign(ctx context.Context, ref CampaignRef) (CampaignInfo, error) {
	u := ref.JSONURL("")
	body, err := c.getCampaign(ctx, ref, u)
	if err != nil {
		return CampaignInfo{}, err
	}
	defer body.Close()
	return ParseCampaignJSON(body, u)
}

// CampaignUsers fetches /campaigns/<slug>/users.json.
func (c *Client) CampaignUsers(ctx context.Context, ref CampaignRef) ([]CampaignEnrolment, error) {
	u := ref.JSONURL("users")
	body, err := c.getCampaign(ctx, ref, u)
	if err != nil {
		return nil, err
	}
	defer body.Close()
	return ParseCampaignUsersJSON(body, u)
}

func (c *Client) getCampaign(ctx context.Context, ref CampaignRef, u string) (io.ReadCloser, error) {
	resp, err := c.do(ctx, u)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusOK {
		return resp.Body, nil
	}
	resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound:
		return nil, fmt.Errorf("%w: %q on %s (%s answered 404): check the slug in the campaign's URL", ErrCampaignNotFound, ref.Slug, ref.Base, u)
	case resp.StatusCode == http.StatusInternalServerError && !strings.HasSuffix(u, "/users.json"):
		return nil, fmt.Errorf("%w: %q on %s (%s answered HTTP 500, which is how the Dashboard answers an unknown campaign): check the slug in the campaign's URL, or try again later if it is right", ErrCampaignNotFound, ref.Slug, ref.Base, u)
	}
	return nil, fmt.Errorf("fetching %s: HTTP %s", u, resp.Status)
}
