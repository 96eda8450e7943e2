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
	inEvent := func(t time.Time) bool { return !t.Before(Start) && !t.After(End) }
	students := map[string]*dashboard.Student{}
	type art struct {
		title   string
		ns      int
		wiki    string
		pageID  int64
		isNew   bool
		chars   int
		editors map[string]bool
	}
	arts := map[string]*art{}
	var order []string
	edits, created, edited, chars := 0, 0, 0, 0
	for _, c := range contribs {
		if !inEvent(c.Timestamp) {
			continue
		}
		edits++
		if c.NS == 0 {
			key := c.Wiki + "|" + c.Title
			a := arts[key]
			if a == nil {
				a = &art{title: c.Title, ns: c.NS, wiki: c.Wiki, pageID: c.PageID, editors: map[string]bool{}}
				arts[key] = a
				order = append(order, key)
			}
			a.isNew = a.isNew || c.New
			if c.SizeDiff > 0 {
				a.chars += c.SizeDiff
				chars += c.SizeDiff
			}
			a.editors[c.Username] = true
		}
	}
	for _, a := range arts {
		edited++
		if a.isNew {
			created++
		}
	}
	// Uploads: File pages students created on Commons during the event.
	var uploads []ordered
	uploadsBy := map[string]int{}
	inUse := 0
	for _, c := range contribs {
		if !inEvent(c.Timestamp) || c.Wiki != Wikis[2] || c.NS != 6 || !c.New {
			continue
		}
		file := strings.TrimPrefix(c.Title, "File:")
		usage := int(c.PageID % 3) // deterministic: some files used in articles, some not
		if usage > 0 {
			inUse++
		}
		uploadsBy[c.Username]++
		uploads = append(uploads, ordered{
			{"id", 5120000 + len(uploads)}, {"file_name", file}, {"uploader", c.Username}, {"uploaded_at", dashTime(c.Timestamp)},
			{"usage_count", usage}, {"url", "https://commons.wikimedia.org/wiki/File:" + underscore(file)},
			{"thumburl", "https://upload.wikimedia.org/wikipedia/commons/thumb/" + underscore(file) + "/640px-" + underscore(file)},
			{"thumbwidth", 640}, {"thumbheight", 480}, {"deleted", false},
		})
	}
	usages := 0
	for _, u := range uploads {
		usages += u[4].v.(int)
	}
	distinct := map[string]bool{}
	for _, u := range ev.Enrolment {
		if u.Role == dashboard.RoleStudent {
			distinct[u.Username] = true
		}
	}
	course := ordered{
		{"id", 21417}, {"title", "Women in Science Edit-a-thon"}, {"description", "A three-day edit-a-thon at the Sample Library to write and improve articles about women scientists, with Wikidata items and Commons photographs."},
		{"school", "Sample Library"}, {"term", "March 2021"}, {"subject", "Science"}, {"slug", Slug}, {"url", nil}, {"type", "Editathon"},
		{"start", dashTime(Start)}, {"end", dashTime(End)}, {"timeline_start", dashTime(Start)}, {"timeline_end", dashTime(End)},
		{"use_start_and_end_times", true}, {"created_at", dashTime(Start.Add(-30 * 24 * time.Hour))}, {"updated_at", dashTime(End.Add(30*24*time.Hour + 4*time.Hour))},
		{"home_wiki", ordered{{"id", 1}, {"language", "en"}, {"project", "wikipedia"}}},
		{"wikis", []ordered{{{"language", "en"}, {"project", "wikipedia"}}, {{"language", nil}, {"project", "wikidata"}}, {{"language", "commons"}, {"project", "wikimedia"}}}},
		{"namespaces", []string{}},
		{"private", false}, {"withdrawn", false}, {"ended", true}, {"closed", false}, {"published", true}, {"needs_update", false},
		{"update_until", dashTime(End.Add(30 * 24 * time.Hour))},
		{"student_count", len(distinct)}, {"article_count", edited}, {"trained_count", 0}, {"character_sum", chars},
		{"upload_count", len(uploads)}, {"uploads_in_use_count", inUse}, {"upload_usages_count", usages},
		{"created_count", humanise(created)}, {"edited_count", humanise(edited)}, {"edit_count", humanise(edits)},
		{"word_count", humanise(chars / 6)}, {"references_count", humanise(edits / 4)}, {"view_count", humanise(edited * 311)},
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
	if err := put("course.json", course); err != nil {
		return nil, err
	}
	byName := map[string]Person{}
	for _, p := range ev.People {
		byName[p.Enrolled] = p
	}
	// One pass over the contributions for the per-user numbers.
	type userStats struct {
		ms, us, draft, revs int
		arts                map[string]bool
	}
	per := map[string]*userStats{}
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
	stats := func(name string) *userStats {
		if st := per[name]; st != nil {
			return st
		}
		return &userStats{arts: map[string]bool{}}
	}
	var users []ordered
	for _, u := range ev.Enrolment {
		p := byName[u.Username]
		var ms, us, ups int
		if u.Role == dashboard.RoleStudent {
			ms, us, ups = stats(p.Name).ms, stats(p.Name).us, uploadsBy[p.Name]
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
		if u.Role == dashboard.RoleStudent {
			s := students[u.Username]
			if s == nil {
				s = &dashboard.Student{Username: u.Username, GlobalID: u.GlobalID, EnrollmentTimestamp: u.EnrolledAt, RegisteredAt: u.RegisteredAt}
				students[u.Username] = s
			}
		}
	}
	if err := put("users.json", ordered{{"users", users}}); err != nil {
		return nil, err
	}
	userIDs := map[string][]int64{} // canonical name → Dashboard user ids (role 0)
	for _, u := range ev.Enrolment {
		if u.Role == dashboard.RoleStudent {
			n := byName[u.Username].Name
			if !slices.Contains(userIDs[n], u.ID) {
				userIDs[n] = append(userIDs[n], u.ID)
			}
		}
	}
	var articles []ordered
	for i, key := range order {
		a := arts[key]
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
	if err := put("articles.json", ordered{{"articles", articles}}); err != nil {
		return nil, err
	}
	if uploads == nil {
		uploads = []ordered{}
	}
	if err := put("uploads.json", ordered{{"uploads", uploads}}); err != nil {
		return nil, err
	}
	// Students CSV: one row per distinct role-0 enrolment name.
	var rows []dashboard.Student
	seen := map[string]bool{}
	for _, u := range ev.Enrolment {
		if u.Role != dashboard.RoleStudent || seen[u.Username] {
			continue
		}
		seen[u.Username] = true
		s := *students[u.Username]
		p := byName[u.Username]
		st := stats(p.Name)
		s.RevisionsDuringProject, s.MainspaceBytesAdded, s.UserspaceBytesAdded, s.DraftSpaceBytesAdded = st.revs, st.ms, st.us, st.draft
		arts := st.arts
		s.ReferencesAdded = s.MainspaceBytesAdded / 400
		s.RegisteredDuringProject = !s.RegisteredAt.IsZero() && !s.RegisteredAt.Before(Start) && !s.RegisteredAt.After(End)
		s.TotalArticlesEdited = len(arts)
		rows = append(rows, s)
	}
	var csv bytes.Buffer
	if err := dashboard.WriteStudentsCSV(&csv, rows); err != nil {
		return nil, err
	}
	files[StudentsFile] = csv.Bytes()
	var cb, ab bytes.Buffer
	if err := dataset.WriteContributions(&cb, contribs); err != nil {
		return nil, err
	}
	if err := dataset.WriteAccounts(&ab, ev.Accounts()); err != nil {
		return nil, err
	}
	files[dataset.ContributionsFile] = cb.Bytes()
	files[dataset.AccountsFile] = ab.Bytes()
	return files, nil
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
