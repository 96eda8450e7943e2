package dashboard

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"example.com/engagement/engagement/username"
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
		if err := checkNotPath(s, "course", "https://outreachdashboard.wmflabs.org/courses/School/Title_(Term)"); err != nil {
			return CourseRef{}, err
		}
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
	if base, err = dashboardBase("course", s, u, base); err != nil {
		return CourseRef{}, err
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
	body, err := readFile(r, name, MaxFileSize)
	if err != nil {
		return err
	}
	return decodeWrappedBytes(body, name, key, v, nil)
}

// decodeWrappedBytes is decodeWrapped on a document already read. A key
// given twice in one object is an error; member, when set, sees every
// member of a well-formed document (see walker).
func decodeWrappedBytes(body []byte, name, key string, v any, member func(*walker, int, int, int) error) error {
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
		return checkWalk(name, trim, reflect.TypeOf(doc), member)
	}
	if !json.Valid(trim) {
		var x any
		return jsonError(name, trim, json.Unmarshal(trim, &x))
	}
	if err := walkJSON(name, trim, nil); err != nil {
		return err
	}
	var wrap map[string]json.RawMessage
	if err := json.Unmarshal(trim, &wrap); err != nil {
		return fmt.Errorf("%s: expected an object {%q: {...}}: %w", name, key, err)
	}
	if _, ok := wrap[key]; !ok {
		return fmt.Errorf("%s: no %q object in the response", name, key)
	}
	if err := json.Unmarshal(trim, doc); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		if !errors.As(err, &se) && !errors.As(err, &te) {
			if located := locateUnmarshalError(name, trim, reflect.TypeOf(doc)); located != nil {
				return located
			}
		}
		return jsonError(name, trim, err)
	}
	return checkWalk(name, trim, reflect.TypeOf(doc), member)
}

// checkWalk walks a well-formed doc decoded into a value of type root:
// keys given twice, keys that match a field only ignoring case, and member.
func checkWalk(name string, doc []byte, root reflect.Type, member func(*walker, int, int, int) error) error {
	w, err := walkDoc(name, doc, member)
	if err != nil {
		return err
	}
	return checkKeyCase(name, doc, root, w.cased)
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

// trimDoc is the document as decodeWrappedBytes reads it (offsets in
// errors are offsets in it).
func trimDoc(body []byte) []byte {
	return bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
}

// at returns "line L, column C" of the value at path in doc, or of the
// nearest enclosing value found.
func at(doc []byte, path string) string {
	for p := path; p != ""; {
		if off, _, ok := locate(doc, p); ok {
			l, c := lineCol(doc, int64(off))
			return fmt.Sprintf("line %d, column %d", l, c)
		}
		if i := strings.LastIndexAny(p, ".["); i > 0 {
			p = p[:i]
		} else {
			break
		}
	}
	return "line 1, column 1"
}

// ParseCourseJSON reads course.json; name is used in errors. A course with
// no start or end, or no wikis, is an error: there would be no event window,
// or nothing to fetch. So is a wiki that is not a Wikimedia wiki (see
// CheckWiki): its domain is where participants' names would be sent.
func ParseCourseJSON(r io.Reader, name string) (Course, error) {
	var c Course
	body, err := readFile(r, name, MaxFileSize)
	if err != nil {
		return c, err
	}
	if err := decodeWrappedBytes(body, name, "course", &c, nil); err != nil {
		return c, err
	}
	doc := trimDoc(body)
	for _, f := range []struct {
		key string
		t   time.Time
	}{{"start", c.Start}, {"end", c.End}} {
		if !f.t.IsZero() {
			continue
		}
		what := "has no"
		if _, _, ok := locate(doc, "course."+f.key); ok {
			what = "has a null"
		}
		return c, fmt.Errorf("%s: %s: the course %s %q (field \"course.%s\"), so it has no event window; for example %s", name, at(doc, "course."+f.key), what, f.key, f.key, fieldExamples[f.key])
	}
	if c.HomeWiki.Project == "" && len(c.Wikis) == 0 {
		return c, fmt.Errorf("%s: the course names no wiki (no \"home_wiki\" and no \"wikis\"); for example %s", name, fieldExamples["wikis"])
	}
	for i, w := range c.Wikis {
		if w.Project == "" {
			return c, fmt.Errorf("%s: wiki %d has no \"project\"; for example %s", name, i+1, fieldExamples["wikis"])
		}
	}
	return c, checkCourseWikis(name, doc, c)
}

// ParseUsersJSON reads users.json. A missing or null users list, or an
// enrolment without a username or without a Dashboard role (0 to 4), is an
// error naming the file, the line and the enrolment.
func ParseUsersJSON(r io.Reader, name string) ([]User, error) {
	var v struct {
		Users *[]User `json:"users"`
	}
	body, err := readFile(r, name, MaxFileSize)
	if err != nil {
		return nil, err
	}
	var roles roleCheck
	if err := decodeWrappedBytes(body, name, "course", &v, roles.member); err != nil {
		return nil, err
	}
	if v.Users == nil {
		return nil, fmt.Errorf("%s: \"course.users\" is missing or null, expected the list of enrolments; for example %s", name, fieldExamples["users"])
	}
	users := *v.Users
	doc := trimDoc(body)
	if err := checkUsers(name, doc, users, roles); err != nil {
		return users, err
	}
	return users, checkConflicts(name, doc, users)
}

// checkConflicts refuses two enrolments of one account (the same canonical
// username) that disagree on its global id or its registration, both
// given: which is right cannot be told, and preprocessing would keep the
// first silently.
func checkConflicts(name string, doc []byte, users []User) error {
	type known struct{ gid, reg int } // index of the first enrolment giving each; -1 none
	accounts := make(map[string]*known, len(users))
	for i, u := range users {
		c, err := username.Canonical(u.Username)
		if err != nil {
			continue // set aside later, with MediaWiki's reason
		}
		k := accounts[c]
		if k == nil {
			k = &known{-1, -1}
			accounts[c] = k
		}
		var field, a, b string
		j := -1
		switch {
		case u.GlobalID != 0 && k.gid >= 0 && users[k.gid].GlobalID != u.GlobalID:
			j, field = k.gid, "global_id"
			a, b = strconv.FormatInt(users[j].GlobalID, 10), strconv.FormatInt(u.GlobalID, 10)
		case !u.RegisteredAt.IsZero() && k.reg >= 0 && !users[k.reg].RegisteredAt.Equal(u.RegisteredAt):
			j, field = k.reg, "registered_at"
			a, b = users[j].RegisteredAt.UTC().Format(time.RFC3339), u.RegisteredAt.UTC().Format(time.RFC3339)
		}
		if j >= 0 {
			path := fmt.Sprintf("course.users[%d].%s", i, field)
			return fmt.Errorf("%s: %s: enrolments %d and %d are the same account %q (as %q and %q) with different %q: %s and %s; correct the wrong one", name, at(doc, path), j+1, i+1, c, users[j].Username, u.Username, field, a, b)
		}
		if k.gid < 0 && u.GlobalID != 0 {
			k.gid = i
		}
		if k.reg < 0 && !u.RegisteredAt.IsZero() {
			k.reg = i
		}
	}
	return nil
}

// roleCheck notes, while a users.json is walked, the enrolments that have
// no role or a null one (both would read as 0, an editor).
type roleCheck struct {
	n       int          // enrolments seen
	hasRole bool         // the current enrolment has a non-null role
	noRole  map[int]bool // enrolments without one
}

func (rc *roleCheck) member(w *walker, keyOff, valOff, valEnd int) error {
	p := w.path
	if len(p) < 3 || !p[0].keyIs("course") || !p[1].keyIs("users") {
		return nil
	}
	switch {
	case len(p) == 4 && keyOff >= 0 && p[3].keyIs("role"):
		rc.hasRole = string(w.doc[valOff:valEnd]) != "null"
	case len(p) == 3 && keyOff < 0:
		if !rc.hasRole {
			if rc.noRole == nil {
				rc.noRole = map[int]bool{}
			}
			rc.noRole[rc.n] = true
		}
		rc.n++
		rc.hasRole = false
	}
	return nil
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

// dashboardBase checks the scheme and host of u, the URL s of a course or
// campaign (what), and returns base, or when base is empty the Dashboard
// u names: its host must be one of the two Dashboards.
func dashboardBase(what, s string, u *url.URL, base string) (string, error) {
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("%s URL %q: scheme %q, expected https", what, s, u.Scheme)
	}
	if base != "" {
		return base, nil
	}
	host := strings.ToLower(u.Host)
	if host != OutreachHost && host != WikiEduHost {
		return "", fmt.Errorf("%s URL %q: host %q is not a Dashboard; expected %s or %s", what, s, u.Host, OutreachHost, WikiEduHost)
	}
	return "https://" + host, nil
}

// checkNotPath refuses s when it is written as a path on this computer
// ("/tmp/x", "./x", "../x", "~/x", `C:\x`) rather than a Dashboard slug:
// the callers try a folder first, so such a name is a folder that is not
// there, and reading it as a slug ("/tmp/x" as the campaign "tmp") would
// ask the Dashboard for something else. A slug written after the
// Dashboard's own path ("/courses/…", "/campaigns/…") is a slug.
func checkNotPath(s, kind, example string) error {
	if strings.HasPrefix(s, "/courses/") || strings.HasPrefix(s, "/campaigns/") {
		return nil
	}
	drive := len(s) > 2 && s[1] == ':' && (s[2] == '\\' || s[2] == '/')
	for _, p := range []string{"/", "./", "../", "~", `.\`, `..\`, `\`} {
		if strings.HasPrefix(s, p) || drive {
			return fmt.Errorf("%s %q: no folder of that name was found (check the path); a Dashboard %s is given by its URL, such as %s, or its slug", kind, s, kind, example)
		}
	}
	return nil
}
