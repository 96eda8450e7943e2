package dashboard

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Client fetches a course's public JSON anonymously.
type Client struct {
	http *http.Client
	ua   string
}

// Option configures a Client.
type Option func(*Client) error

// WithUserAgent sets the User-Agent sent with every request (required).
func WithUserAgent(ua string) Option {
	return func(c *Client) error { c.ua = ua; return nil }
}

// WithHTTPClient sets the HTTP client (default: one with a 30 s timeout).
func WithHTTPClient(h *http.Client) Option {
	return func(c *Client) error {
		if h == nil {
			return errors.New("dashboard: nil HTTP client")
		}
		c.http = h
		return nil
	}
}

// NewClient returns a Client. A User-Agent is required.
func NewClient(opts ...Option) (*Client, error) {
	c := &Client{http: &http.Client{Timeout: 30 * time.Second}}
	for _, o := range opts {
		if err := o(c); err != nil {
			return nil, err
		}
	}
	if strings.TrimSpace(c.ua) == "" {
		return nil, errors.New("dashboard: a User-Agent is required (WithUserAgent), e.g. \"my-tool/1.0 (https://example.org; me@example.org)\"")
	}
	return c, nil
}

// do sends a GET for JSON with the client's User-Agent.
func (c *Client) do(ctx context.Context, u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.ua)
	req.Header.Set("Accept", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetching %s: %w", u, err)
	}
	return resp, nil
}

func (c *Client) get(ctx context.Context, ref CourseRef, u string) (io.ReadCloser, error) {
	resp, err := c.do(ctx, u)
	if err != nil {
		return nil, err
	}
	switch {
	case resp.StatusCode == http.StatusNotFound:
		resp.Body.Close()
		return nil, fmt.Errorf("%w: %s", ErrNotFound, ref.Slug)
	case resp.StatusCode != http.StatusOK:
		resp.Body.Close()
		return nil, fmt.Errorf("fetching %s: HTTP %s", u, resp.Status)
	}
	return resp.Body, nil
}

// Resolve follows /find_course/{id} to the course's slug. A ref with a slug
// is returned unchanged.
func (c *Client) Resolve(ctx context.Context, ref CourseRef) (CourseRef, error) {
	if ref.Slug != "" {
		return ref, nil
	}
	u := ref.String()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return ref, err
	}
	req.Header.Set("User-Agent", c.ua)
	hc := *c.http
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := hc.Do(req)
	if err != nil {
		return ref, fmt.Errorf("resolving %s: %w", u, err)
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return ref, fmt.Errorf("%w: course id %d", ErrNotFound, ref.ID)
	}
	loc := resp.Header.Get("Location")
	if resp.StatusCode/100 != 3 || loc == "" {
		return ref, fmt.Errorf("resolving %s: expected a redirect, got HTTP %s", u, resp.Status)
	}
	if strings.HasPrefix(loc, "/") {
		loc = ref.Base + loc
	}
	r, err := ParseCourseWithBase(loc, ref.Base)
	if err != nil {
		return ref, fmt.Errorf("resolving %s: %w", u, err)
	}
	r.ID = ref.ID
	return r, nil
}

// Course fetches course.json.
func (c *Client) Course(ctx context.Context, ref CourseRef) (Course, error) {
	return fetch(ctx, c, ref, "course", ParseCourseJSON)
}

// Users fetches users.json: every enrolment, all roles.
func (c *Client) Users(ctx context.Context, ref CourseRef) ([]User, error) {
	return fetch(ctx, c, ref, "users", ParseUsersJSON)
}

// Articles fetches articles.json.
func (c *Client) Articles(ctx context.Context, ref CourseRef) ([]Article, error) {
	return fetch(ctx, c, ref, "articles", ParseArticlesJSON)
}

// Uploads fetches uploads.json: files students uploaded during the course.
func (c *Client) Uploads(ctx context.Context, ref CourseRef) ([]Upload, error) {
	return fetch(ctx, c, ref, "uploads", ParseUploadsJSON)
}

// fetch gets one JSON endpoint of the course and parses it.
func fetch[T any](ctx context.Context, c *Client, ref CourseRef, name string, parse func(io.Reader, string) (T, error)) (T, error) {
	u := ref.JSONURL(name)
	body, err := c.get(ctx, ref, u)
	if err != nil {
		var zero T
		return zero, err
	}
	defer body.Close()
	return parse(body, u)
}

// Files is a course as downloaded into a folder, or as fetched.
type Files struct {
	Course   Course
	Users    []User    // from users.json; nil when only a students CSV was given
	Students []Student // from a students CSV, when present
	Articles []Article // filled by LoadArticlesFile, not LoadDir
}

// LoadDir reads a folder holding course.json and users.json, or course.json
// and a students CSV export (a file whose name contains "students" or
// "course_editors"). Articles are read separately by LoadArticlesFile.
func LoadDir(dir string) (*Files, error) {
	var f Files
	open := func(name string) (*os.File, error) { return os.Open(filepath.Join(dir, name)) }
	fh, err := open("course.json")
	if err != nil {
		return nil, fmt.Errorf("loading course folder: %w", err)
	}
	f.Course, err = ParseCourseJSON(fh, fh.Name())
	fh.Close()
	if err != nil {
		return nil, err
	}
	if fh, err = open("users.json"); err == nil {
		f.Users, err = ParseUsersJSON(fh, fh.Name())
		fh.Close()
		if err != nil {
			return nil, err
		}
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	for _, m := range matches {
		base := filepath.Base(m)
		if !strings.Contains(base, "students") && !strings.Contains(base, "course_editors") {
			continue
		}
		fh, err := os.Open(m)
		if err != nil {
			return nil, err
		}
		f.Students, err = ReadStudentsCSV(fh, m)
		fh.Close()
		if err != nil {
			return nil, err
		}
		break
	}
	if f.Users == nil && f.Students == nil {
		return nil, fmt.Errorf("loading course folder %s: neither users.json nor a students CSV found", dir)
	}
	return &f, nil
}

// LoadArticlesFile reads dir/articles.json when present (nil, nil when not).
// LoadDir leaves it out: the analysis does not need it, and campaign-size
// files take long to parse.
func LoadArticlesFile(dir string) ([]Article, error) {
	fh, err := os.Open(filepath.Join(dir, "articles.json"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return ParseArticlesJSON(fh, fh.Name())
}
