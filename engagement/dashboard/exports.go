package dashboard

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// ArticlesColumns is the header of the articles CSV export
// (lib/analytics/course_articles_csv_builder.rb).
var ArticlesColumns = []string{"title", "rating", "namespace", "wiki", "usernames", "url", "edit_count", "characters_added", "references_added", "new", "deleted", "pageviews_link"}

// ArticleRow is one row of the articles CSV export.
type ArticleRow struct {
	Title     string // stored title: underscores, no namespace prefix
	Rating    string
	Namespace int
	Wiki      string // domain
	// Usernames are the editors, split from the cell by the Dashboard's
	// rule (see SplitUsernames); UsernamesCell is the cell as written.
	Usernames       []string
	UsernamesCell   string
	URL             string
	EditCount       int
	CharactersAdded int
	ReferencesAdded int
	New             bool
	Deleted         bool
	PageviewsLink   string
}

// SplitUsernames splits the articles export's usernames cell. The
// Dashboard writes it as the editors' usernames joined with ", "
// (lib/analytics/course_articles_csv_builder.rb, to_usernames), and an editor
// no longer enrolled as an empty name; so a name that itself holds ", "
// cannot be told from two names by the cell alone. With the course's roster
// (canonical usernames; nil when unknown) the longest enrolled name that
// matches at each position wins; empty names are dropped.
func SplitUsernames(cell string, roster map[string]bool) []string {
	parts := strings.Split(cell, ", ")
	var out []string
	for i := 0; i < len(parts); {
		take := 1
		for j := len(parts); j > i+1 && roster != nil; j-- {
			if roster[strings.Join(parts[i:j], ", ")] {
				take = j - i
				break
			}
		}
		if name := strings.Join(parts[i:i+take], ", "); name != "" {
			out = append(out, name)
		}
		i += take
	}
	return out
}

// ReadArticlesCSV reads the articles CSV export.
func ReadArticlesCSV(r io.Reader, file string) ([]ArticleRow, error) {
	var out []ArticleRow
	err := readCSV(r, file, ArticlesColumns, func(c *cells) {
		a := ArticleRow{
			Title: c.str("title"), Rating: c.str("rating"), Namespace: int(c.int("namespace")), Wiki: c.str("wiki"),
			URL: c.str("url"), EditCount: int(c.int("edit_count")), CharactersAdded: int(c.int("characters_added")),
			ReferencesAdded: int(c.int("references_added")), New: c.bool("new"), Deleted: c.bool("deleted"), PageviewsLink: c.str("pageviews_link"),
		}
		a.UsernamesCell = c.str("usernames")
		a.Usernames = SplitUsernames(a.UsernamesCell, nil)
		out = append(out, a)
	})
	return out, err
}

// UploadsColumns is the header of the uploads CSV export.
var UploadsColumns = []string{"filename", "commons_page", "timestamp", "username", "usage_count", "deleted"}

// UploadRow is one row of the uploads CSV export.
type UploadRow struct {
	Filename    string
	CommonsPage string
	Timestamp   time.Time
	Username    string
	UsageCount  int
	Deleted     bool
}

// ReadUploadsCSV reads the uploads CSV export.
func ReadUploadsCSV(r io.Reader, file string) ([]UploadRow, error) {
	var out []UploadRow
	err := readCSV(r, file, UploadsColumns, func(c *cells) {
		out = append(out, UploadRow{Filename: c.str("filename"), CommonsPage: c.str("commons_page"), Timestamp: c.time("timestamp"),
			Username: c.str("username"), UsageCount: int(c.int("usage_count")), Deleted: c.bool("deleted")})
	})
	return out, err
}

// OverviewColumns is the fixed part of the course overview CSV export
// (course_csv_builder.rb); per-wiki columns follow.
var OverviewColumns = []string{"course_slug", "title", "institution", "term", "home_wiki", "created_at", "start_date", "end_date", "new_or_returning",
	"editors", "new_editors", "articles_edited", "articles_created", "bytes_added", "references_added", "total_edits", "mainspace_edits",
	"article_talk_edits", "userspace_edits", "article_views", "upload_count", "uploads_used_in_articles", "upload_usage_count_across_all_wikis",
	"training_completion_rate", "retained_new_editors"}

// WikiStats are the per-wiki columns of the overview export.
type WikiStats struct {
	Wiki                                   string
	Edits, ArticlesEdited, ArticlesCreated int
}

// Overview is the one row of the course overview CSV export.
type Overview struct {
	CourseSlug, Title, Institution, Term, HomeWiki   string
	CreatedAt, StartDate, EndDate                    time.Time
	NewOrReturning                                   string
	Editors, NewEditors                              int
	ArticlesEdited, ArticlesCreated                  int
	BytesAdded, ReferencesAdded                      int
	TotalEdits, MainspaceEdits                       int
	ArticleTalkEdits, UserspaceEdits, ArticleViews   int
	UploadCount, UploadsUsedInArticles, UploadUsages int
	// TrainingCompletionRate is NaN-free: HasTrainingRate is false when the
	// cell is blank (no editors).
	TrainingCompletionRate float64
	HasTrainingRate        bool
	RetainedNewEditors     int
	Wikis                  []WikiStats
}

// ReadOverviewCSV reads the course overview CSV export.
func ReadOverviewCSV(r io.Reader, file string) (Overview, error) {
	var rows []Overview
	err := readCSV(r, file, OverviewColumns, func(c *cells) {
		o := Overview{
			CourseSlug: c.str("course_slug"), Title: c.str("title"), Institution: c.str("institution"), Term: c.str("term"), HomeWiki: c.str("home_wiki"),
			CreatedAt: c.time("created_at"), StartDate: c.time("start_date"), EndDate: c.time("end_date"), NewOrReturning: c.str("new_or_returning"),
			Editors: int(c.int("editors")), NewEditors: int(c.int("new_editors")), ArticlesEdited: int(c.int("articles_edited")),
			ArticlesCreated: int(c.int("articles_created")), BytesAdded: int(c.int("bytes_added")), ReferencesAdded: int(c.int("references_added")),
			TotalEdits: int(c.int("total_edits")), MainspaceEdits: int(c.int("mainspace_edits")), ArticleTalkEdits: int(c.int("article_talk_edits")),
			UserspaceEdits: int(c.int("userspace_edits")), ArticleViews: int(c.int("article_views")), UploadCount: int(c.int("upload_count")),
			UploadsUsedInArticles: int(c.int("uploads_used_in_articles")), UploadUsages: int(c.int("upload_usage_count_across_all_wikis")),
			RetainedNewEditors: int(c.int("retained_new_editors")),
		}
		if s := c.str("training_completion_rate"); s != "" {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				c.fail("training_completion_rate", fmt.Errorf("not a number: %q", s))
			}
			o.TrainingCompletionRate, o.HasTrainingRate = v, true
		}
		// Per-wiki columns: {domain}_edits, {domain}_articles_edited, {domain}_articles_created.
		for name := range c.pos {
			if d, ok := strings.CutSuffix(name, "_articles_created"); ok {
				o.Wikis = append(o.Wikis, WikiStats{Wiki: d, Edits: int(c.int(d + "_edits")), ArticlesEdited: int(c.int(d + "_articles_edited")), ArticlesCreated: int(c.int(name))})
			}
		}
		sortWikiStats(o.Wikis)
		rows = append(rows, o)
	})
	if err != nil {
		return Overview{}, err
	}
	if len(rows) != 1 {
		return Overview{}, fmt.Errorf("%s: expected one course row, found %d", file, len(rows))
	}
	return rows[0], nil
}

func sortWikiStats(w []WikiStats) {
	for i := 1; i < len(w); i++ {
		for j := i; j > 0 && w[j].Wiki < w[j-1].Wiki; j-- {
			w[j], w[j-1] = w[j-1], w[j]
		}
	}
}
