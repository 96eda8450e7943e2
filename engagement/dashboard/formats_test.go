package dashboard

import (
	"fmt"
	"strings"
	"testing"
)

// uploads.json as the Dashboard serves it: thumb sizes as text, or empty for
// files Commons cannot render.
func TestUploadsThumbSizesAsText(t *testing.T) {
	body := `{"course":{"uploads":[
	  {"id":1,"file_name":"A.jpg","uploader":"Jane","uploaded_at":"2021-03-06T11:00:00.000Z","usage_count":1,"thumbwidth":"320","thumbheight":"240"},
	  {"id":2,"file_name":"B.tif","uploader":"Jane","uploaded_at":"2021-03-06T11:00:00.000Z","usage_count":0,"thumbwidth":"","thumbheight":null},
	  {"id":3,"file_name":"C.png","uploader":"Jane","uploaded_at":"2021-03-06T11:00:00.000Z","usage_count":0,"thumbwidth":640,"thumbheight":480}]}}`
	ups, err := ParseUploadsJSON(strings.NewReader(body), "uploads.json")
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(ups[0].ThumbWidth, ups[0].ThumbHeight, ups[1].ThumbWidth, ups[1].ThumbHeight, ups[2].ThumbWidth, ups[2].ThumbHeight)
	if got != "320 240 0 0 640 480" {
		t.Errorf("thumb sizes %s", got)
	}
}

// The usernames cell is joined with ", " by the Dashboard; the roster
// resolves names that contain ", ", and empty names (editors no longer
// enrolled) are dropped.
func TestSplitUsernames(t *testing.T) {
	roster := map[string]bool{"Smith, John": true, "Alice": true, "Bob": true}
	for cell, want := range map[string]string{
		"Alice, Bob":              "[Alice Bob]",
		"Smith, John, Alice":      "[Smith, John Alice]",
		"Alice, ":                 "[Alice]",
		", Alice, , Bob":          "[Alice Bob]",
		"":                        "[]",
		"Unknown, Smith, John":    "[Unknown Smith, John]",
		"Smith, John":             "[Smith, John]",
		"Smith, John, Smith, Joe": "[Smith, John Smith Joe]",
	} {
		if got := fmt.Sprint(SplitUsernames(cell, roster)); got != want {
			t.Errorf("SplitUsernames(%q) = %s, want %s", cell, got, want)
		}
	}
	if got := fmt.Sprint(SplitUsernames("Smith, John", nil)); got != "[Smith John]" {
		t.Errorf("without a roster: %s", got)
	}
}

// Files a trainer may hand in: every error names the file, and where it
// can, the line, column and field, with an example.
func TestDashboardJSONErrors(t *testing.T) {
	users := func(body string) error { _, err := ParseUsersJSON(strings.NewReader(body), "users.json"); return err }
	course := func(body string) error { _, err := ParseCourseJSON(strings.NewReader(body), "course.json"); return err }
	const wikis = `"home_wiki":{"language":"en","project":"wikipedia"}`
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"users null", users(`{"course":{"users":null}}`), `users.json: "course.users" is missing or null, expected the list of enrolments; for example "users": [{"username": "Jane doe", "role": 0}]`},
		{"user not username", users(`{"course":{"users":[{"user":"Jane","role":0}]}}`), `users.json: line 1, column 21: enrolment 1 has no "username" (its fields: role, user)`},
		{"role as text", users("{\"course\":{\"users\":[\n{\"username\":\"Jane\",\"role\":\"student\"}]}}"), `users.json: line 2, near column 36: field "course.users.role" is string, expected a number; for example "role": 0`},
		{"syntax", users("{\"course\":\n{\"users\": [,]}}"), `users.json: line 2, column 12: not valid JSON`},
		{"NUL", users(`{"course":{"users":[{"username":"Ja\u0000ne","role":0}]}}`), `users.json: line 1, column 21: enrolment 1: the username "Ja\x00ne" contains a NUL character`},
		{"invalid UTF-8", users("{\"course\":{\"users\":[{\"username\":\"Ja\xffne\",\"role\":0}]}}"), `users.json: line 1, column 36: not valid UTF-8: save the file as UTF-8`},
		{"no wikis", course(`{"course":{"slug":"A/B","start":"2021-03-05T09:00:00.000Z","end":"2021-03-06T09:00:00.000Z"}}`), `course.json: the course names no wiki`},
		{"date without time", course(`{"course":{` + wikis + `,"start":"2021-03-05","end":"2021-03-06T09:00:00.000Z"}}`), `course.json: line 1, column 72: field "course.start" is "2021-03-05", not a date and time; for example "start": "2021-03-05T09:00:00.000Z"`},
		{"truncated", course(`{"course":{"slug":"A/B"`), `course.json: truncated or malformed JSON: it ends too early (line 1, column 24)`},
		{"no course key", users(`{"campaign":{"users":[]}}`), `users.json: no "course" object in the response`},
		{"course key nested only", users(`{"x":{"course":{"users":[]}}}`), `users.json: no "course" object in the response`},
		{"an array", users(`[{"course":{"users":[]}}]`), `users.json: expected an object {"course": {...}}: json: cannot unmarshal array`},
		{"a string", course(`"course"`), `course.json: expected an object {"course": {...}}`},
	}
	for _, tt := range tests {
		if tt.err == nil || !strings.Contains(tt.err.Error(), tt.want) {
			t.Errorf("%s: error %v\nwant it to contain %s", tt.name, tt.err, tt.want)
		}
	}
	later := `{"meta":{"course":1,"list":[{"course":2}]},"course":{"users":[{"username":"Jane","role":0}]}}` // the key after another
	if u, err := ParseUsersJSON(strings.NewReader(later), "users.json"); err != nil || len(u) != 1 {
		t.Errorf("course after another key: %v %v", u, err)
	}
	bom := "\xef\xbb\xbf" + `{"course":{"users":[{"username":"Jane","role":0}]}}`
	if u, err := ParseUsersJSON(strings.NewReader(bom), "users.json"); err != nil || len(u) != 1 {
		t.Errorf("a BOM: %v %v", u, err)
	}
}
