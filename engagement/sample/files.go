package sample

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"example.com/engagement/engagement/dashboard"
	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/metrics"
)

// dashTime formats a time as the Dashboard's JSON does.
func dashTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format("2006-01-02T15:04:05.000Z")
}

type kv struct {
	k string
	v any
}

// ordered marshals keys in the order given, like the Dashboard's jbuilder.
type ordered []kv

func (o ordered) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(e.k)
		v, err := json.Marshal(e.v)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func humanise(n int) string {
	// The Dashboard's number_to_human with units K, M and B.
	switch {
	case n < 1000:
		return fmt.Sprint(n)
	case n < 999_500:
		return fmt.Sprintf("%.3gK", float64(n)/1e3)
	case n < 999_500_000:
		return fmt.Sprintf("%.3gM", float64(n)/1e6)
	}
	return fmt.Sprintf("%.3gB", float64(n)/1e9)
}

// DashboardFiles returns the Dashboard's files for the event, byte for byte
// as the Dashboard would serve them: course.json, users.json, articles.json,
// uploads.json and the students CSV export; plus the ground truth
// contributions.csv and accounts.csv.
func (ev *Event) DashboardFiles() (map[string][]byte, error) {
	contribs := ev.Contributions()
	arts := articlesOf(contribs)
	ups := uploadsOf(contribs)
	per := userStatsOf(contribs)
	byName := map[string]Person{}
	for _, p := range ev.People {
		byName[p.Enrolled] = p
	}
	files := map[string][]byte{}
	put := func(name string, v any) error {
		b, err := json.Marshal(ordered{{"course", v}})
		if err != nil {
			return err
		}
		files[name] = append(b, '\n')
		return nil
	}
	if err := put("course.json", ev.courseJSON(arts, ups)); err != nil {
		return nil, err
	}
	if err := put("users.json", ordered{{"users", ev.usersJSON(byName, per, ups.by)}}); err != nil {
		return nil, err
	}
	if err := put("articles.json", ordered{{"articles", arts.json(ev.studentIDs(byName))}}); err != nil {
		return nil, err
	}
	if err := put("uploads.json", ordered{{"uploads", ups.list}}); err != nil {
		return nil, err
	}
	var csv bytes.Buffer
	if err := dashboard.WriteStudentsCSV(&csv, ev.studentRows(byName, per)); err != nil {
		return nil, err
	}
	files[StudentsFile] = csv.Bytes()
	if err := ev.putGroundTruth(files, contribs); err != nil {
		return nil, err
	}
	return files, nil
}

// inEvent reports whether t lies in the event window, ends included.
func inEvent(t time.Time) bool { return !t.Before(Start) && !t.After(End) }

// art is an article (a main-namespace page) edited during the event, as
// articles.json lists it.
type art struct {
	title   string
	ns      int
	wiki    string
	pageID  int64
	isNew   bool
	chars   int
	editors map[string]bool
}

// eventArticles are the articles edited during the event, in order of
// first edit, with the course's totals.
type eventArticles struct {
	arts                          map[string]*art // by wiki|title
	order                         []string
	edits, created, edited, chars int
}

// articlesOf counts the event's edits and gathers the articles they touch.
func articlesOf(contribs []metrics.Contribution) eventArticles {
	e := eventArticles{arts: map[string]*art{}}
	for _, c := range contribs {
		if !inEvent(c.Timestamp) {
			continue
		}
		e.edits++
		if c.NS != 0 {
			continue
		}
		key := c.Wiki + "|" + c.Title
		a := e.arts[key]
		if a == nil {
			a = &art{title: c.Title, ns: c.NS, wiki: c.Wiki, pageID: c.PageID, editors: map[string]bool{}}
			e.arts[key] = a
			e.order = append(e.order, key)
		}
		a.isNew = a.isNew || c.New
		if c.SizeDiff > 0 {
			a.chars += c.SizeDiff
			e.chars += c.SizeDiff
		}
		a.editors[c.Username] = true
	}
	for _, a := range e.arts {
		e.edited++
		if a.isNew {
			e.created++
		}
	}
	return e
}

// json returns articles.json's list, each article naming the Dashboard
// user ids of its editors (userIDs, by canonical name).
func (e eventArticles) json(userIDs map[string][]int64) []ordered {
	var articles []ordered
	for i, key := range e.order {
		a := e.arts[key]
		var ids []int64
		for name := range a.editors {
			ids = append(ids, userIDs[name]...)
		}
		slices.Sort(ids)
		lang, project := "en", "wikipedia"
		if a.wiki == Wikis[1] {
			lang, project = "", "wikidata"
		}
		articles = append(articles, ordered{
			{"id", 880000 + i}, {"title", a.title}, {"namespace", a.ns}, {"language", nullable(lang)}, {"project", project},
			{"url", "https://" + a.wiki + "/wiki/" + underscore(a.title)}, {"mw_page_id", a.pageID}, {"deleted", false}, {"tracked", true},
			{"new_article", a.isNew}, {"character_sum", a.chars}, {"references_count", a.chars / 400}, {"view_count", a.chars/7 + 40},
			{"average_views", float64(a.chars%97) / 3}, {"user_ids", ids}, {"rating", nil}, {"rating_num", nil}, {"pretty_rating", nil},
		})
	}
	return articles
}

// eventUploads are the File pages students created on Commons during the
// event, as uploads.json lists them.
type eventUploads struct {
	list          []ordered
	by            map[string]int // uploads per username
	inUse, usages int
}

// uploadsOf gathers the event's uploads.
func uploadsOf(contribs []metrics.Contribution) eventUploads {
	u := eventUploads{list: []ordered{}, by: map[string]int{}}
	for _, c := range contribs {
		if !inEvent(c.Timestamp) || c.Wiki != Wikis[2] || c.NS != 6 || !c.New {
			continue
		}
		file := strings.TrimPrefix(c.Title, "File:")
		usage := int(c.PageID % 3) // deterministic: some files used in articles, some not
		if usage > 0 {
			u.inUse++
		}
		u.usages += usage
		u.by[c.Username]++
		u.list = append(u.list, ordered{
			{"id", 5120000 + len(u.list)}, {"file_name", file}, {"uploader", c.Username}, {"uploaded_at", dashTime(c.Timestamp)},
			{"usage_count", usage}, {"url", "https://commons.wikimedia.org/wiki/File:" + underscore(file)},
			{"thumburl", "https://upload.wikimedia.org/wikipedia/commons/thumb/" + underscore(file) + "/640px-" + underscore(file)},
			{"thumbwidth", 640}, {"thumbheight", 480}, {"deleted", false},
		})
	}
	return u
}

// courseJSON returns course.json's course, with the totals of the event's
// articles and uploads.
func (ev *Event) courseJSON(e eventArticles, u eventUploads) ordered {
	distinct := map[string]bool{}
	for _, en := range ev.Enrolment {
		if en.Role == dashboard.RoleStudent {
			distinct[en.Username] = true
		}
	}
	return ordered{
		{"id", 21417}, {"title", "Women in Science Edit-a-thon"}, {"description", "A three-day edit-a-thon at the Sample Library to write and improve articles about women scientists, with Wikidata items and Commons photographs."},
		{"school", "Sample Library"}, {"term", "March 2021"}, {"subject", "Science"}, {"slug", Slug}, {"url", nil}, {"type", "Editathon"},
		{"start", dashTime(Start)}, {"end", dashTime(End)}, {"timeline_start", dashTime(Start)}, {"timeline_end", dashTime(End)},
		{"use_start_and_end_times", true}, {"created_at", dashTime(Start.Add(-30 * 24 * time.Hour))}, {"updated_at", dashTime(End.Add(30*24*time.Hour + 4*time.Hour))},
		{"home_wiki", ordered{{"id", 1}, {"language", "en"}, {"project", "wikipedia"}}},
		{"wikis", []ordered{{{"language", "en"}, {"project", "wikipedia"}}, {{"language", nil}, {"project", "wikidata"}}, {{"language", "commons"}, {"project", "wikimedia"}}}},
		{"namespaces", []string{}},
		{"private", false}, {"withdrawn", false}, {"ended", true}, {"closed", false}, {"published", true}, {"needs_update", false},
		{"update_until", dashTime(End.Add(30 * 24 * time.Hour))},
		{"student_count", len(distinct)}, {"article_count", e.edited}, {"trained_count", 0}, {"character_sum", e.chars},
		{"upload_count", len(u.list)}, {"uploads_in_use_count", u.inUse}, {"upload_usages_count", u.usages},
		{"created_count", humanise(e.created)}, {"edited_count", humanise(e.edited)}, {"edit_count", humanise(e.edits)},
		{"word_count", humanise(e.chars / 6)}, {"references_count", humanise(e.edits / 4)}, {"view_count", humanise(e.edited * 311)},
	}
}

// userStats are one user's numbers during the event, as users.json and the
// students CSV give them.
type userStats struct {
	ms, us, draft, revs int
	arts                map[string]bool
}

// statsByUser holds the userStats of every user who edited during the
// event.
type statsByUser map[string]*userStats

// userStatsOf makes one pass over the contributions for the per-user
// numbers.
func userStatsOf(contribs []metrics.Contribution) statsByUser {
	per := statsByUser{}
	for _, c := range contribs {
		if !inEvent(c.Timestamp) {
			continue
		}
		st := per[c.Username]
		if st == nil {
			st = &userStats{arts: map[string]bool{}}
			per[c.Username] = st
		}
		st.revs++
		if c.SizeDiff > 0 {
			switch c.NS {
			case 0:
				st.ms += c.SizeDiff
			case 2:
				st.us += c.SizeDiff
			case 118:
				st.draft += c.SizeDiff
			}
		}
		if c.NS == 0 {
			st.arts[c.Wiki+c.Title] = true
		}
	}
	return per
}

// of returns name's numbers, zero when name did not edit during the event.
func (per statsByUser) of(name string) *userStats {
	if st := per[name]; st != nil {
		return st
	}
	return &userStats{arts: map[string]bool{}}
}

// usersJSON returns users.json's list: every enrolment, a student's with
// her numbers (byName maps an enrolled name to its person).
func (ev *Event) usersJSON(byName map[string]Person, per statsByUser, uploadsBy map[string]int) []ordered {
	var users []ordered
	for _, u := range ev.Enrolment {
		p := byName[u.Username]
		var ms, us, ups int
		if u.Role == dashboard.RoleStudent {
			ms, us, ups = per.of(p.Name).ms, per.of(p.Name).us, uploadsBy[p.Name]
		}
		desc := any(nil)
		if u.RoleDescription != "" {
			desc = u.RoleDescription
		}
		users = append(users, ordered{
			{"id", u.ID}, {"username", u.Username}, {"global_id", u.GlobalID}, {"role", int(u.Role)}, {"role_description", desc},
			{"enrolled_at", dashTime(u.EnrolledAt)}, {"registered_at", dashTime(u.RegisteredAt)}, {"admin", false},
			{"character_sum_ms", ms}, {"character_sum_us", us}, {"character_sum_draft", 0}, {"references_count", ms / 400},
			{"recent_revisions", 0}, {"total_uploads", ups},
			{"contribution_url", "https://en.wikipedia.org/wiki/Special:Contributions/" + u.Username},
		})
	}
	return users
}

// studentIDs maps a canonical name to the Dashboard user ids of its
// student (role 0) enrolments.
func (ev *Event) studentIDs(byName map[string]Person) map[string][]int64 {
	userIDs := map[string][]int64{}
	for _, u := range ev.Enrolment {
		if u.Role == dashboard.RoleStudent {
			n := byName[u.Username].Name
			if !slices.Contains(userIDs[n], u.ID) {
				userIDs[n] = append(userIDs[n], u.ID)
			}
		}
	}
	return userIDs
}

// studentRows returns the students CSV's rows: one per distinct role-0
// enrolment name, from its first enrolment.
func (ev *Event) studentRows(byName map[string]Person, per statsByUser) []dashboard.Student {
	var rows []dashboard.Student
	seen := map[string]bool{}
	for _, u := range ev.Enrolment {
		if u.Role != dashboard.RoleStudent || seen[u.Username] {
			continue
		}
		seen[u.Username] = true
		s := dashboard.Student{Username: u.Username, GlobalID: u.GlobalID, EnrollmentTimestamp: u.EnrolledAt, RegisteredAt: u.RegisteredAt}
		st := per.of(byName[u.Username].Name)
		s.RevisionsDuringProject, s.MainspaceBytesAdded, s.UserspaceBytesAdded, s.DraftSpaceBytesAdded = st.revs, st.ms, st.us, st.draft
		s.ReferencesAdded = s.MainspaceBytesAdded / 400
		s.RegisteredDuringProject = !s.RegisteredAt.IsZero() && !s.RegisteredAt.Before(Start) && !s.RegisteredAt.After(End)
		s.TotalArticlesEdited = len(st.arts)
		rows = append(rows, s)
	}
	return rows
}

// putGroundTruth adds contributions.csv and accounts.csv to files, written
// by dataset's writers: the sample's ground truth is in the very format a
// run writes and a re-analysis reads.
func (ev *Event) putGroundTruth(files map[string][]byte, contribs []metrics.Contribution) error {
	var cb, ab bytes.Buffer
	if err := dataset.WriteContributions(&cb, contribs); err != nil {
		return err
	}
	if err := dataset.WriteAccounts(&ab, ev.Accounts()); err != nil {
		return err
	}
	files[dataset.ContributionsFile] = cb.Bytes()
	files[dataset.AccountsFile] = ab.Bytes()
	return nil
}

// StudentsFile is the name of the students CSV export in the sample, as the
// Dashboard names its downloads.
const StudentsFile = "Sample_Library-Women_in_Science_Edit-a-thon_(March_2021)-course_editors-2021-04-06.csv"

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func underscore(s string) string {
	return string(bytes.ReplaceAll([]byte(s), []byte(" "), []byte("_")))
}

// WriteFiles writes the Dashboard files, contributions.csv and accounts.csv
// into dir (the embedded data).
func (ev *Event) WriteFiles(dir string) error {
	files, err := ev.DashboardFiles()
	if err != nil {
		return err
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// WriteMediaWiki writes one MediaWiki export per wiki (<dbname>.xml) and
// accounts.json into dir, for loading the event into real MediaWiki installs.
// They are generated on demand (tens of megabytes), not embedded.
func (ev *Event) WriteMediaWiki(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, w := range Wikis {
		var buf bytes.Buffer
		if err := ev.WriteMediaWikiXML(&buf, w); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, DBName(w)+".xml"), buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	b, err := json.MarshalIndent(ev.MediaWikiAccounts(), "", " ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "accounts.json"), append(b, '\n'), 0o644); err != nil {
		return err
	}
	for _, w := range Wikis {
		if err := os.WriteFile(filepath.Join(dir, DBName(w)+".sql"), []byte(ev.MediaWikiSQL(w)), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// MediaWikiSQL returns the SQL a test install runs after importing the
// wiki's export: the sizes the sample does not know (rev_len NULL, so the
// API gives no sizediff, as for some old or imported revisions), and each
// account's edit count with its deleted edits (see EditCount).
func (ev *Event) MediaWikiSQL(wiki string) string {
	var b strings.Builder
	for _, a := range ev.MediaWikiAccounts() {
		if p, ok := ev.person(a.Name); ok {
			fmt.Fprintf(&b, "UPDATE user SET user_editcount = %d WHERE user_name = '%s';\n", ev.EditCount(wiki, p), strings.ReplaceAll(a.Name, "'", "''"))
		}
	}
	for _, r := range ev.Revisions[wiki] {
		if r.NoSizeDiff {
			fmt.Fprintf(&b, "UPDATE revision SET rev_len = NULL WHERE rev_id = %d;\n", r.RevID)
		}
	}
	return b.String()
}
