// Package dashboard reads a course of the Programs & Events Dashboard
// (outreachdashboard.wmflabs.org) or the Wiki Education Dashboard
// (dashboard.wikiedu.org): its course URL or slug, its public JSON endpoints
// (course.json, users.json, articles.json), and the CSV exports a signed-in
// user downloads. All times are UTC.
//
// Humanised counts of course.json ("1.59K") are kept as text: they are
// rounded for display and cannot be read back as numbers.
//
// Files and answers are read strictly, so that none is silently read
// differently from what it says: a key given twice in one object, a key
// that names a field only when case is ignored ("Username"), a date that is
// not RFC 3339 text, a course without start or end, a course wiki that is
// not a Wikimedia wiki (CheckWiki), an enrolment without a username or a
// Dashboard role, and two enrolments of one account with different global
// ids or registrations are errors naming the file, line and column; a file
// is read up to MaxFileSize.
package dashboard

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Wiki is a course wiki as the Dashboard names it.
type Wiki struct {
	Language string `json:"language"`
	Project  string `json:"project"`
}

// Domain returns the wiki's host name, e.g. "en.wikipedia.org". A wiki with
// no language is www.{project}.org for wikidata, mediawiki and
// wikifunctions, else {project}.org (wikisource.org); the
// Dashboard names Commons as language "commons", project "wikimedia".
func (w Wiki) Domain() string {
	if w.Language == "" {
		switch w.Project {
		case "wikidata", "mediawiki", "wikifunctions":
			return "www." + w.Project + ".org"
		}
		return w.Project + ".org"
	}
	return w.Language + "." + w.Project + ".org"
}

// Role is a user's role in a course.
type Role int

// Roles of app/models/course_data/courses_users.rb.
const (
	RoleStudent         Role = 0
	RoleInstructor      Role = 1
	RoleCampusVolunteer Role = 2
	RoleOnlineVolunteer Role = 3
	RoleStaff           Role = 4
)

func (r Role) String() string {
	switch r {
	case RoleStudent:
		return "editor"
	case RoleInstructor:
		return "facilitator"
	case RoleCampusVolunteer:
		return "campus volunteer"
	case RoleOnlineVolunteer:
		return "online volunteer"
	case RoleStaff:
		return "staff"
	}
	return fmt.Sprintf("role %d", int(r))
}

// Course is the content of course.json.
type Course struct {
	ID                  int64     `json:"id"`
	Title               string    `json:"title"`
	Description         string    `json:"description"`
	School              string    `json:"school"`
	Term                string    `json:"term"`
	Subject             string    `json:"subject"`
	Slug                string    `json:"slug"`
	URL                 string    `json:"url"`
	Type                string    `json:"type"`
	Start               time.Time `json:"start"`
	End                 time.Time `json:"end"`
	TimelineStart       time.Time `json:"timeline_start"`
	TimelineEnd         time.Time `json:"timeline_end"`
	UseStartAndEndTimes bool      `json:"use_start_and_end_times"`
	CreatedAt           time.Time `json:"created_at"`
	UpdatedAt           time.Time `json:"updated_at"`
	HomeWiki            Wiki      `json:"home_wiki"`
	Wikis               []Wiki    `json:"wikis"`
	Namespaces          []string  `json:"namespaces"`
	Private             bool      `json:"private"`
	Withdrawn           bool      `json:"withdrawn"`
	Ended               bool      `json:"ended"`
	Closed              bool      `json:"closed"`
	Published           bool      `json:"published"`
	NeedsUpdate         bool      `json:"needs_update"`
	UpdateUntil         time.Time `json:"update_until"`

	StudentCount      int `json:"student_count"`
	ArticleCount      int `json:"article_count"`
	TrainedCount      int `json:"trained_count"`
	CharacterSum      int `json:"character_sum"`
	UploadCount       int `json:"upload_count"`
	UploadsInUseCount int `json:"uploads_in_use_count"`
	UploadUsagesCount int `json:"upload_usages_count"`

	// Humanised counts, kept as the Dashboard shows them ("1.59K").
	CreatedCount    string `json:"created_count"`
	EditedCount     string `json:"edited_count"`
	EditCount       string `json:"edit_count"`
	WordCount       string `json:"word_count"`
	ReferencesCount string `json:"references_count"`
	ViewCount       string `json:"view_count"`
}

// Domains returns the course wikis as domains, home wiki first.
func (c Course) Domains() []string {
	var out []string
	if c.HomeWiki.Project != "" {
		out = append(out, c.HomeWiki.Domain())
	}
	for _, w := range c.Wikis {
		if d := w.Domain(); w.Project != "" && !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	return out
}

// User is one enrolment of users.json: a user with two roles appears twice.
type User struct {
	ID              int64     `json:"id"`
	Username        string    `json:"username"`
	GlobalID        int64     `json:"global_id"`
	Role            Role      `json:"role"`
	RoleDescription string    `json:"role_description"`
	EnrolledAt      time.Time `json:"enrolled_at"`
	// RegisteredAt is the account's registration as the Dashboard knows it;
	// zero when the Dashboard has not fetched it (null).
	RegisteredAt      time.Time `json:"registered_at"`
	Admin             bool      `json:"admin"`
	CharacterSumMs    int       `json:"character_sum_ms"`
	CharacterSumUs    int       `json:"character_sum_us"`
	CharacterSumDraft int       `json:"character_sum_draft"`
	ReferencesCount   int       `json:"references_count"`
	RecentRevisions   int       `json:"recent_revisions"`
	TotalUploads      int       `json:"total_uploads"`
}

// Article is one entry of articles.json.
type Article struct {
	ID              int64   `json:"id"`
	Title           string  `json:"title"`
	Namespace       int     `json:"namespace"`
	Language        string  `json:"language"`
	Project         string  `json:"project"`
	URL             string  `json:"url"`
	MWPageID        int64   `json:"mw_page_id"`
	Deleted         bool    `json:"deleted"`
	Tracked         bool    `json:"tracked"`
	NewArticle      bool    `json:"new_article"`
	CharacterSum    int     `json:"character_sum"`
	ReferencesCount int     `json:"references_count"`
	ViewCount       int     `json:"view_count"`
	AverageViews    float64 `json:"average_views"`
	UserIDs         []int64 `json:"user_ids"`
	Rating          string  `json:"rating"`
}

// Upload is one entry of uploads.json.
type Upload struct {
	ID          int64     `json:"id"`
	FileName    string    `json:"file_name"`
	Uploader    string    `json:"uploader"`
	UploadedAt  time.Time `json:"uploaded_at"`
	UsageCount  int       `json:"usage_count"`
	URL         string    `json:"url"`
	ThumbURL    string    `json:"thumburl"`
	ThumbWidth  FlexInt   `json:"thumbwidth"`
	ThumbHeight FlexInt   `json:"thumbheight"`
	Deleted     bool      `json:"deleted"`
}

// FlexInt is a whole number the Dashboard may write as a number, as text
// ("320") or as "" or null when unknown (uploads.json's thumbwidth and
// thumbheight: Commons cannot render every file); unknown reads as 0.
type FlexInt int

// UnmarshalJSON implements json.Unmarshaler.
func (n *FlexInt) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "" || s == "null" {
		*n = 0
		return nil
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		return fmt.Errorf("want a whole number, got %s", b)
	}
	*n = FlexInt(v)
	return nil
}
