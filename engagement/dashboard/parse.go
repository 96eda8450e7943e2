package dashboard

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// ErrNotFound reports a course the Dashboard does not show: unknown, or
// private.
var ErrNotFound = errors.New("course not found or private")

// Hosts of the two public dashboards.
const (
	OutreachHost = "outreachdashboard.wmflabs.org"
	WikiEduHost  = "dashboard.wikiedu.org"
)

// CourseRef identifies a course on a dashboard.
type CourseRef struct {
	Base string // scheme and host, e.g. "https://outreachdashboard.wmflabs.org"
	Slug string // "School/Title_(Term)", decoded; empty when only ID is known
	ID   int64  // from a /find_course/{id} URL; 0 otherwise
}

// JSONURL returns the URL of one of the course's JSON endpoints, e.g.
// JSONURL("users") → .../courses/School/Title/users.json. Non-ASCII is
// percent-encoded as UTF-8; the "/" of the slug stays literal.
func (r CourseRef) JSONURL(name string) string {
	return r.Base + "/courses/" + escapeSlug(r.Slug) + "/" + name + ".json"
}

// String returns the course's page URL.
func (r CourseRef) String() string {
	if r.Slug == "" {
		return fmt.Sprintf("%s/find_course/%d", r.Base, r.ID)
	}
	return r.Base + "/courses/" + escapeSlug(r.Slug)
}

func escapeSlug(slug string) string {
	parts := strings.SplitN(slug, "/", 2)
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

var findCourse = regexp.MustCompile(`^/find_course/(\d+)/?$`)

// ParseCourse reads a course URL on outreachdashboard.wmflabs.org or
// dashboard.wikiedu.org (any subpage such as /home or /students/overview),
// a /find_course/{id} URL, or a bare slug "School/Title_(Term)", which is
// taken to be on outreachdashboard.wmflabs.org.
func ParseCourse(s string) (CourseRef, error) {
	return parseCourse(s, "")
}

// ParseCourseWithBase is ParseCourse for a dashboard at another address
// (base like "http://127.0.0.1:3000"), e.g. a self-hosted one.
func ParseCourseWithBase(s, base string) (CourseRef, error) {
	return parseCourse(s, strings.TrimRight(base, "/"))
}

func parseCourse(s, base string) (CourseRef, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return CourseRef{}, errors.New("no course given: expected a Dashboard course URL such as https://outreachdashboard.wmflabs.org/courses/School/Title_(Term)")
	}
	if !strings.Contains(s, "://") {
		// A bare slug.
		slug := strings.Trim(s, "/")
		slug = strings.TrimPrefix(slug, "courses/")
		if dec, err := url.PathUnescape(slug); err == nil {
			slug = dec
		}
		if err := checkSlug(slug); err != nil {
			return CourseRef{}, fmt.Errorf("course %q: %w", s, err)
		}
		if base == "" {
			base = "https://" + OutreachHost
		}
		return CourseRef{Base: base, Slug: slug}, nil
	}
	u, err := url.Parse(s)
	if err != nil {
		return CourseRef{}, fmt.Errorf("course URL %q: %w", s, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return CourseRef{}, fmt.Errorf("course URL %q: scheme %q, expected https", s, u.Scheme)
	}
	host := strings.ToLower(u.Host)
	if base == "" {
		if host != OutreachHost && host != WikiEduHost {
			return CourseRef{}, fmt.Errorf("course URL %q: host %q is not a Dashboard; expected %s or %s", s, u.Host, OutreachHost, WikiEduHost)
		}
		base = "https://" + host
	}
	path := u.Path
	if m := findCourse.FindStringSubmatch(path); m != nil {
		id, _ := strconv.ParseInt(m[1], 10, 64)
		return CourseRef{Base: base, ID: id}, nil
	}
	rest, ok := strings.CutPrefix(path, "/courses/")
	if !ok {
		return CourseRef{}, fmt.Errorf("course URL %q: path %q does not start with /courses/School/Title", s, path)
	}
	parts := strings.Split(strings.Trim(rest, "/"), "/")
	if len(parts) < 2 {
		return CourseRef{}, fmt.Errorf("course URL %q: expected /courses/School/Title_(Term), got %q", s, path)
	}
	slug := parts[0] + "/" + parts[1]
	if err := checkSlug(slug); err != nil {
		return CourseRef{}, fmt.Errorf("course URL %q: %w", s, err)
	}
	return CourseRef{Base: base, Slug: slug}, nil
}

func checkSlug(slug string) error {
	parts := strings.Split(slug, "/")
	if len(parts) != 2 || strings.TrimSpace(parts[0]) == "" || strings.TrimSpace(parts[1]) == "" {
		return fmt.Errorf("slug %q: expected School/Title_(Term)", slug)
	}
	return nil
}

// decodeWrapped decodes {"<key>": v} with errors a trainer can act on.
func decodeWrapped(r io.Reader, name, key string, v any) error {
	body, err := readAll(r)
	if err != nil {
		return fmt.Errorf("reading %s: %w", name, err)
	}
	return decodeWrappedBytes(body, name, key, v)
}

// readAll is io.ReadAll, reading a regular file into a buffer of its size
// at once rather than growing one (a 4 MB users.json took 13 copies).
func readAll(r io.Reader) ([]byte, error) {
	if f, ok := r.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			var b bytes.Buffer
			b.Grow(int(st.Size()) + bytes.MinRead)
			_, err := b.ReadFrom(f)
			return b.Bytes(), err
		}
	}
	return io.ReadAll(r)
}

// decodeWrappedBytes is decodeWrapped on a document already read.
func decodeWrappedBytes(body []byte, name, key string, v any) error {
	trim := bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	if len(trim) == 0 {
		return fmt.Errorf("%s: empty response, expected JSON", name)
	}
	if trim[0] == '<' {
		return fmt.Errorf("%s: got an HTML page, not JSON: is the course private, or the URL wrong?", name)
	}
	if err := checkUTF8(name, trim); err != nil {
		return err
	}
	// Decode the whole document so that errors carry the right offsets and
	// field paths ("course.users.role"). A well-formed document is decoded
	// once; any error is explained by the checks below, in their order.
	doc := reflectWrap(key, v)
	if err := json.Unmarshal(trim, doc); err == nil && hasTopKey(trim, key) {
		return nil
	}
	if !json.Valid(trim) {
		var x any
		return jsonError(name, trim, json.Unmarshal(trim, &x))
	}
	var wrap map[string]json.RawMessage
	if err := json.Unmarshal(trim, &wrap); err != nil {
		return fmt.Errorf("%s: expected an object {%q: {...}}: %w", name, key, err)
	}
	if _, ok := wrap[key]; !ok {
		return fmt.Errorf("%s: no %q object in the response", name, key)
	}
	if err := json.Unmarshal(trim, doc); err != nil {
		return jsonError(name, trim, err)
	}
	return nil
}

// hasTopKey reports whether the JSON object doc has the key at its top
// level. It reads the keys before it only: the Dashboard puts the one key
// first.
func hasTopKey(doc []byte, key string) bool {
	dec := json.NewDecoder(bytes.NewReader(doc))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return false
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return false
		}
		if t == key {
			return true
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return false
		}
	}
	return false
}

// reflectWrap returns a pointer to a struct whose one field, tagged key,
// holds the pointer v: decoding the document into it fills v, with field
// paths that start at the document's root.
func reflectWrap(key string, v any) any {
	t := reflect.StructOf([]reflect.StructField{{Name: "V", Type: reflect.TypeOf(v), Tag: reflect.StructTag(`json:"` + key + `"`)}})
	doc := reflect.New(t)
	doc.Elem().Field(0).Set(reflect.ValueOf(v))
	return doc.Interface()
}

// ParseCourseJSON reads course.json; name is used in errors. A course with
// no wikis is an error: nothing could be fetched for it.
func ParseCourseJSON(r io.Reader, name string) (Course, error) {
	var c Course
	if err := decodeWrapped(r, name, "course", &c); err != nil {
		return c, err
	}
	if c.HomeWiki.Project == "" && len(c.Wikis) == 0 {
		return c, fmt.Errorf("%s: the course names no wiki (no \"home_wiki\" and no \"wikis\"); for example %s", name, fieldExamples["wikis"])
	}
	for i, w := range c.Wikis {
		if w.Project == "" {
			return c, fmt.Errorf("%s: wiki %d has no \"project\"; for example %s", name, i+1, fieldExamples["wikis"])
		}
	}
	return c, nil
}

// ParseUsersJSON reads users.json. A missing or null users list, or an
// enrolment without a username, is an error naming the file.
func ParseUsersJSON(r io.Reader, name string) ([]User, error) {
	var v struct {
		Users *[]User `json:"users"`
	}
	body, err := readAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if err := decodeWrappedBytes(body, name, "course", &v); err != nil {
		return nil, err
	}
	if v.Users == nil {
		return nil, fmt.Errorf("%s: \"course.users\" is missing or null, expected the list of enrolments; for example %s", name, fieldExamples["users"])
	}
	users := *v.Users
	if err := checkUsers(name, users, nil); err == nil {
		return users, nil
	}
	// Only to name the fields of a faulty enrolment: decode them as written.
	var raw struct {
		Users []map[string]json.RawMessage `json:"users"`
	}
	decodeWrappedBytes(body, name, "course", &raw)
	keys := make([][]string, len(raw.Users))
	for i, m := range raw.Users {
		for k := range m {
			keys[i] = append(keys[i], k)
		}
		slices.Sort(keys[i])
	}
	return users, checkUsers(name, users, keys)
}

// ParseArticlesJSON reads articles.json.
func ParseArticlesJSON(r io.Reader, name string) ([]Article, error) {
	var v struct {
		Articles []Article `json:"articles"`
	}
	err := decodeWrapped(r, name, "course", &v)
	return v.Articles, err
}

// ParseUploadsJSON reads uploads.json.
func ParseUploadsJSON(r io.Reader, name string) ([]Upload, error) {
	var v struct {
		Uploads []Upload `json:"uploads"`
	}
	err := decodeWrapped(r, name, "course", &v)
	return v.Uploads, err
}
