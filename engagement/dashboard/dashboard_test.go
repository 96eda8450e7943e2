package dashboard

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"example.com/engagement/engagement/metrics"
)

func TestParseCourse(t *testing.T) {
	tests := []struct{ in, base, slug, err string }{
		{"https://outreachdashboard.wmflabs.org/courses/WMUK/Art+Feminism_(2021)/home", "https://outreachdashboard.wmflabs.org", "WMUK/Art+Feminism_(2021)", ""},
		{"https://dashboard.wikiedu.org/courses/Uni/Bio_101_(Fall_2024)/students/overview?x=1#y", "https://dashboard.wikiedu.org", "Uni/Bio_101_(Fall_2024)", ""},
		{"https://outreachdashboard.wmflabs.org/courses/CEPID_NeuroMat/Introdu%C3%A7%C3%A3o_ao_Jornalismo_Cient%C3%ADfico", "https://outreachdashboard.wmflabs.org", "CEPID_NeuroMat/Introdução_ao_Jornalismo_Científico", ""},
		{"WMUK/Art+Feminism_(2021)", "https://outreachdashboard.wmflabs.org", "WMUK/Art+Feminism_(2021)", ""},
		{"https://example.org/courses/A/B", "", "", `host "example.org" is not a Dashboard`},
		{"https://outreachdashboard.wmflabs.org/campaigns/x", "", "", `does not start with /courses/School/Title`},
		{"https://outreachdashboard.wmflabs.org/courses/OnlySchool", "", "", `expected /courses/School/Title_(Term)`},
		{"justatitle", "", "", `expected School/Title_(Term)`},
	}
	for _, tt := range tests {
		ref, err := ParseCourse(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseCourse(%q) error = %v; want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || ref.Base != tt.base || ref.Slug != tt.slug {
			t.Errorf("ParseCourse(%q) = %+v, %v", tt.in, ref, err)
		}
	}
	ref, _ := ParseCourse("https://outreachdashboard.wmflabs.org/courses/CEPID_NeuroMat/Introdução")
	if got, want := ref.JSONURL("users"), "https://outreachdashboard.wmflabs.org/courses/CEPID_NeuroMat/Introdu%C3%A7%C3%A3o/users.json"; got != want {
		t.Errorf("JSONURL = %s, want %s", got, want)
	}
	ref, err := ParseCourse("https://outreachdashboard.wmflabs.org/find_course/1234")
	if err != nil || ref.ID != 1234 || ref.Slug != "" {
		t.Errorf("find_course: %+v %v", ref, err)
	}
}

const courseJSON = `{"course":{"id":42,"title":"Women in Science","description":"d","school":"Lib","term":"2021","subject":"Science","slug":"Lib/Women_in_Science_(2021)","url":null,"type":"Editathon","start":"2021-03-05T00:00:00.000Z","end":"2021-03-07T23:59:59.000Z","timeline_start":"2021-03-05T00:00:00.000Z","timeline_end":"2021-03-07T23:59:59.000Z","use_start_and_end_times":false,"created_at":"2021-02-01T10:00:00.000Z","updated_at":"2021-04-01T10:00:00.000Z","home_wiki":{"id":1,"language":"en","project":"wikipedia"},"wikis":[{"language":"en","project":"wikipedia"},{"language":null,"project":"wikidata"},{"language":"commons","project":"wikimedia"}],"namespaces":["en.wikipedia.org-namespace-0"],"private":false,"withdrawn":false,"ended":true,"closed":false,"published":true,"needs_update":false,"update_until":"2021-04-06T23:59:59.000Z","student_count":56,"article_count":40,"trained_count":10,"character_sum":123456,"upload_count":12,"uploads_in_use_count":5,"upload_usages_count":7,"created_count":"25","edited_count":"40","edit_count":"1.59K","word_count":"20.1K","references_count":"310","view_count":"12.3K"}}`

func TestParseCourseJSON(t *testing.T) {
	c, err := ParseCourseJSON(strings.NewReader(courseJSON), "course.json")
	if err != nil {
		t.Fatal(err)
	}
	if c.ID != 42 || c.Type != "Editathon" || c.URL != "" || !c.Start.Equal(time.Date(2021, 3, 5, 0, 0, 0, 0, time.UTC)) || c.EditCount != "1.59K" || c.StudentCount != 56 || c.UploadUsagesCount != 7 || !c.Ended || c.Private {
		t.Errorf("course = %+v", c)
	}
	if got := fmt.Sprint(c.Domains()); got != "[en.wikipedia.org www.wikidata.org commons.wikimedia.org]" {
		t.Errorf("Domains = %s", got)
	}
	for _, tt := range []struct{ body, want string }{
		{"<!DOCTYPE html><html>Sign in</html>", "got an HTML page, not JSON"},
		{courseJSON[:100], "truncated or malformed JSON"},
		{"", "empty response"},
		{`{"message":"Please sign in."}`, `no "course" object`},
	} {
		_, err := ParseCourseJSON(strings.NewReader(tt.body), "course.json")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("error = %v; want %q", err, tt.want)
		}
	}
}

func TestClient(t *testing.T) {
	var gotUA, gotPath string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotUA, gotPath = r.UserAgent(), r.URL.EscapedPath()
		switch {
		case r.URL.Path == "/find_course/7":
			http.Redirect(w, r, "/courses/Lib/Women_in_Science_(2021)", http.StatusFound)
		case strings.HasSuffix(r.URL.Path, "/course.json") && strings.Contains(r.URL.Path, "Lib/"):
			fmt.Fprint(w, courseJSON)
		case strings.HasSuffix(r.URL.Path, "/users.json"):
			fmt.Fprint(w, `{"course":{"users":[{"id":1,"username":"jane_doe","global_id":9,"role":0,"role_description":null,"enrolled_at":"2021-03-05T09:00:00.000Z","registered_at":null,"admin":false}]}}`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	if _, err := NewClient(); err == nil {
		t.Error("NewClient without a User-Agent must fail")
	}
	c, err := NewClient(WithUserAgent("engagement-test/1 (test@example.org)"), WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ref, _ := ParseCourseWithBase(srv.URL+"/find_course/7", srv.URL)
	ref, err = c.Resolve(ctx, ref)
	if err != nil || ref.Slug != "Lib/Women_in_Science_(2021)" {
		t.Fatalf("Resolve = %+v, %v", ref, err)
	}
	if _, err := c.Course(ctx, ref); err != nil {
		t.Fatal(err)
	}
	if gotUA != "engagement-test/1 (test@example.org)" {
		t.Errorf("User-Agent = %q", gotUA)
	}
	users, err := c.Users(ctx, ref)
	if err != nil || len(users) != 1 || !users[0].RegisteredAt.IsZero() || users[0].GlobalID != 9 {
		t.Errorf("Users = %+v, %v", users, err)
	}
	missing, _ := ParseCourseWithBase("Nope/Nada_é", srv.URL)
	_, err = c.Course(ctx, missing)
	if !errors.Is(err, ErrNotFound) || err.Error() != "course not found or private: Nope/Nada_é" {
		t.Errorf("404 error = %v", err)
	}
	if gotPath != "/courses/Nope/Nada_%C3%A9/course.json" {
		t.Errorf("path on the wire = %s", gotPath)
	}
}

const studentsHeader = "username,global_id,enrollment_timestamp,registered_at,revisions_during_project,mainspace_bytes_added,userspace_bytes_added,draft_space_bytes_added,references_added,registered_during_project,total_articles_edited,completed_training_modules_count,assigned_training_modules_count,completed_training_modules"

func TestReadStudentsCSV(t *testing.T) {
	src := "\xef\xbb\xbf" + studentsHeader + "\r\n" +
		`Jane doe,9,2021-03-05 09:00:00 UTC,2021-03-04 12:00:00 UTC,12,3400,20,0,4,false,3,2,3,"Editing basics, Sandboxes"` + "\r\n" +
		"Old hand,10,2021-03-05 09:01:00 UTC,,3,100,0,0,0,false,1,0,3,\r\n"
	got, err := ReadStudentsCSV(strings.NewReader(src), "students.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := Student{Username: "Jane doe", GlobalID: 9, EnrollmentTimestamp: time.Date(2021, 3, 5, 9, 0, 0, 0, time.UTC), RegisteredAt: time.Date(2021, 3, 4, 12, 0, 0, 0, time.UTC), RevisionsDuringProject: 12, MainspaceBytesAdded: 3400, UserspaceBytesAdded: 20, ReferencesAdded: 4, TotalArticlesEdited: 3, CompletedTrainingModules: 2, AssignedTrainingModules: 3, CompletedTrainingModuleNames: "Editing basics, Sandboxes"}
	if len(got) != 2 || got[0] != want || !got[1].RegisteredAt.IsZero() {
		t.Errorf("got %+v", got)
	}
	for _, tt := range []struct{ src, want string }{
		{strings.Replace(studentsHeader, "registered_at", "registration", 1) + "\n", `students.csv: missing column "registered_at"`},
		{studentsHeader + "\nA,1,2021-03-05 09:00:00 UTC\n", "students.csv:2: row has a different number of fields"},
		{studentsHeader + "\nA,x,2021-03-05 09:00:00 UTC,,1,1,1,1,1,false,1,1,1,\n", `students.csv:2: column global_id: not an integer: "x"`},
		{studentsHeader + "\nA,1,2021-13-05 09:00:00 UTC,,1,1,1,1,1,false,1,1,1,\n", `students.csv:2: column enrollment_timestamp: not a time`},
	} {
		_, err := ReadStudentsCSV(strings.NewReader(tt.src), "students.csv")
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("error = %v; want %q", err, tt.want)
		}
	}
}

func TestParticipants(t *testing.T) {
	users := []User{
		{Username: "Alice", Role: RoleStudent},
		{Username: "jane_doe", Role: RoleStudent},
		{Username: "Jane doe", Role: RoleStudent}, // duplicate after canonicalisation
		{Username: "Trainer", Role: RoleStudent},
		{Username: "Trainer", Role: RoleInstructor},
		{Username: "Staffer", Role: RoleStaff},
		{Username: "10.0.0.1", Role: RoleStudent},
	}
	ps := Participants(users)
	got := []string{}
	for _, p := range ps {
		got = append(got, fmt.Sprintf("%s|%s|%d", p.Username, p.Excluded, len(p.Enrolled)))
	}
	want := "[Alice||1 Jane doe||2 Trainer|facilitator|1 10.0.0.1|invalid username|1]"
	if fmt.Sprint(got) != want {
		t.Errorf("got %v\nwant %s", got, want)
	}
	if ps[3].Reason != "an IP address" || ps[2].Reason != "also enrolled as facilitator" {
		t.Errorf("reasons: %q %q", ps[3].Reason, ps[2].Reason)
	}
	for _, c := range []struct{ d, m string }{{string(NotExcluded), string(metrics.NotExcluded)},
		{string(ExcludeFacilitator), string(metrics.ExcludeFacilitator)}, {string(ExcludeInvalid), string(metrics.ExcludeInvalid)}} {
		if c.d != c.m {
			t.Errorf("dashboard's exclusion %q is metrics' %q: the one no longer converts into the other", c.d, c.m)
		}
	}
	if err := RequireParticipants("A/B", nil); err == nil || !strings.Contains(err.Error(), "course A/B has no participants") {
		t.Errorf("RequireParticipants = %v", err)
	}
}

func TestReadExports(t *testing.T) {
	arts := strings.Join(ArticlesColumns, ",") + "\n" +
		`Ada_Lovelace,b,0,en.wikipedia.org,"Jane doe, Alice",https://en.wikipedia.org/wiki/Ada_Lovelace,12,3400,5,true,false,https://pageviews.wmcloud.org/?pages=Ada_Lovelace` + "\n"
	a, err := ReadArticlesCSV(strings.NewReader(arts), "articles.csv")
	want := ArticleRow{Title: "Ada_Lovelace", Rating: "b", Wiki: "en.wikipedia.org", Usernames: []string{"Jane doe", "Alice"}, UsernamesCell: "Jane doe, Alice", URL: "https://en.wikipedia.org/wiki/Ada_Lovelace", EditCount: 12, CharactersAdded: 3400, ReferencesAdded: 5, New: true, PageviewsLink: "https://pageviews.wmcloud.org/?pages=Ada_Lovelace"}
	if err != nil || len(a) != 1 || fmt.Sprint(a[0]) != fmt.Sprint(want) {
		t.Errorf("articles = %+v, %v", a, err)
	}
	ups := "filename,commons_page,timestamp,username,usage_count,deleted\nLab.jpg,https://commons.wikimedia.org/wiki/File:Lab.jpg,2021-03-06 11:00:00 UTC,Alice,2,false\n"
	u, err := ReadUploadsCSV(strings.NewReader(ups), "uploads.csv")
	if err != nil || len(u) != 1 || u[0].UsageCount != 2 || !u[0].Timestamp.Equal(time.Date(2021, 3, 6, 11, 0, 0, 0, time.UTC)) || u[0].Username != "Alice" {
		t.Errorf("uploads = %+v, %v", u, err)
	}
	head := strings.Join(OverviewColumns, ",") + ",en.wikipedia.org_edits,en.wikipedia.org_articles_edited,en.wikipedia.org_articles_created,www.wikidata.org_edits,www.wikidata.org_articles_edited,www.wikidata.org_articles_created\n"
	row := "Lib/WiS_(2021),WiS,Lib,2021,en.wikipedia.org,2021-02-01 10:00:00 UTC,2021-03-05 00:00:00 UTC,2021-03-07 23:59:59 UTC,returning_instructor,56,36,40,25,120000,300,710,500,20,100,12000,12,5,7,,2,600,40,25,100,3,1\n"
	o, err := ReadOverviewCSV(strings.NewReader(head+row), "overview.csv")
	if err != nil {
		t.Fatal(err)
	}
	if o.Editors != 56 || o.NewEditors != 36 || o.HasTrainingRate || o.RetainedNewEditors != 2 || o.UploadUsages != 7 ||
		fmt.Sprint(o.Wikis) != "[{en.wikipedia.org 600 40 25} {www.wikidata.org 100 3 1}]" || !o.EndDate.Equal(time.Date(2021, 3, 7, 23, 59, 59, 0, time.UTC)) {
		t.Errorf("overview = %+v", o)
	}
	_, err = ReadOverviewCSV(strings.NewReader(strings.Replace(head, "retained_new_editors,", "retained,", 1)+row), "overview.csv")
	if err == nil || !strings.Contains(err.Error(), `overview.csv: missing column "retained_new_editors"`) {
		t.Errorf("renamed column: %v", err)
	}
}

func TestParseEveryJSONField(t *testing.T) {
	c, err := ParseCourseJSON(strings.NewReader(courseJSON), "course.json")
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }
	want := Course{ID: 42, Title: "Women in Science", Description: "d", School: "Lib", Term: "2021", Subject: "Science", Slug: "Lib/Women_in_Science_(2021)", Type: "Editathon",
		Start: day("2021-03-05T00:00:00Z"), End: day("2021-03-07T23:59:59Z"), TimelineStart: day("2021-03-05T00:00:00Z"), TimelineEnd: day("2021-03-07T23:59:59Z"),
		CreatedAt: day("2021-02-01T10:00:00Z"), UpdatedAt: day("2021-04-01T10:00:00Z"), HomeWiki: Wiki{"en", "wikipedia"},
		Wikis: []Wiki{{"en", "wikipedia"}, {"", "wikidata"}, {"commons", "wikimedia"}}, Namespaces: []string{"en.wikipedia.org-namespace-0"},
		Ended: true, Published: true, UpdateUntil: day("2021-04-06T23:59:59Z"), StudentCount: 56, ArticleCount: 40, TrainedCount: 10, CharacterSum: 123456,
		UploadCount: 12, UploadsInUseCount: 5, UploadUsagesCount: 7, CreatedCount: "25", EditedCount: "40", EditCount: "1.59K", WordCount: "20.1K", ReferencesCount: "310", ViewCount: "12.3K"}
	if fmt.Sprintf("%+v", c) != fmt.Sprintf("%+v", want) {
		t.Errorf("course\n got %+v\nwant %+v", c, want)
	}
	users, err := ParseUsersJSON(strings.NewReader(`{"course":{"users":[{"id":7,"username":"Ana Trainer","global_id":99,"role":1,"role_description":"Facilitator","enrolled_at":"2021-03-01T09:00:00.000Z","registered_at":"2014-01-09T08:00:00.000Z","admin":true,"character_sum_ms":1200,"character_sum_us":30,"character_sum_draft":4,"references_count":3,"recent_revisions":2,"total_uploads":1,"contribution_url":"https://en.wikipedia.org/wiki/Special:Contributions/Ana_Trainer"}]}}`), "users.json")
	wantU := User{ID: 7, Username: "Ana Trainer", GlobalID: 99, Role: RoleInstructor, RoleDescription: "Facilitator", EnrolledAt: day("2021-03-01T09:00:00Z"), RegisteredAt: day("2014-01-09T08:00:00Z"),
		Admin: true, CharacterSumMs: 1200, CharacterSumUs: 30, CharacterSumDraft: 4, ReferencesCount: 3, RecentRevisions: 2, TotalUploads: 1}
	if err != nil || len(users) != 1 || users[0] != wantU || users[0].Role.String() != "facilitator" {
		t.Errorf("users = %+v, %v", users, err)
	}
	arts, err := ParseArticlesJSON(strings.NewReader(`{"course":{"articles":[{"id":5,"title":"Ada Lovelace","namespace":0,"language":"en","project":"wikipedia","url":"https://en.wikipedia.org/wiki/Ada_Lovelace","mw_page_id":974,"deleted":false,"tracked":true,"new_article":true,"character_sum":3400,"references_count":5,"view_count":1234,"average_views":41.5,"user_ids":[7,9],"rating":"b","rating_num":null,"pretty_rating":null}]}}`), "articles.json")
	if err != nil || len(arts) != 1 || fmt.Sprint(arts[0]) != fmt.Sprint(Article{ID: 5, Title: "Ada Lovelace", Language: "en", Project: "wikipedia", URL: "https://en.wikipedia.org/wiki/Ada_Lovelace", MWPageID: 974, Tracked: true, NewArticle: true, CharacterSum: 3400, ReferencesCount: 5, ViewCount: 1234, AverageViews: 41.5, UserIDs: []int64{7, 9}, Rating: "b"}) {
		t.Errorf("articles = %+v, %v", arts, err)
	}
	ups, err := ParseUploadsJSON(strings.NewReader(`{"course":{"uploads":[{"id":3,"file_name":"Lab.jpg","uploader":"Alice","uploaded_at":"2021-03-06T11:00:00.000Z","usage_count":2,"url":"https://commons.wikimedia.org/wiki/File:Lab.jpg","thumburl":"https://upload.wikimedia.org/lab.jpg","thumbwidth":640,"thumbheight":480,"deleted":false}]}}`), "uploads.json")
	if err != nil || len(ups) != 1 || ups[0] != (Upload{ID: 3, FileName: "Lab.jpg", Uploader: "Alice", UploadedAt: day("2021-03-06T11:00:00Z"), UsageCount: 2, URL: "https://commons.wikimedia.org/wiki/File:Lab.jpg", ThumbURL: "https://upload.wikimedia.org/lab.jpg", ThumbWidth: 640, ThumbHeight: 480}) {
		t.Errorf("uploads = %+v, %v", ups, err)
	}
}
