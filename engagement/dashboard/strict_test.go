package dashboard

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

const goodCourse = `{"course":{"slug":"A/B","start":"2021-03-05T09:00:00.000Z","end":"2021-03-07T18:00:00.000Z","home_wiki":{"language":"en","project":"wikipedia"},"wikis":[{"language":"en","project":"wikipedia"}]}}`

func usersErr(body string) error {
	_, err := ParseUsersJSON(strings.NewReader(body), "users.json")
	return err
}

func courseErr(body string) error {
	_, err := ParseCourseJSON(strings.NewReader(body), "course.json")
	return err
}

func wantErr(t *testing.T, what string, err error, want string) {
	t.Helper()
	if err == nil || err.Error() != want {
		t.Errorf("%s:\n got %v\nwant %s", what, err, want)
	}
}

// encoding/json keeps the last of two equal keys (ignoring case): each is
// an error naming the key, the file and both lines.
func TestDuplicateKeys(t *testing.T) {
	wantErr(t, "users twice", usersErr("{\"course\":{\"users\":[{\"username\":\"Jane\",\"role\":0}],\n\"users\":[]}}"),
		`users.json: line 2, column 1: key "users" given twice in course (first at line 1, column 12): a reader would silently keep only the last; remove one`)
	wantErr(t, "start twice", courseErr(strings.Replace(goodCourse, `"end"`, "\n"+`"start":"2022-01-01T00:00:00.000Z","end"`, 1)),
		`course.json: line 2, column 1: key "start" given twice in course (first at line 1, column 25): a reader would silently keep only the last; remove one`)
	wantErr(t, "Start and start", courseErr(strings.Replace(goodCourse, `"end"`, `"Start":"2022-01-01T00:00:00.000Z","end"`, 1)),
		`course.json: line 1, column 60: key "Start" given twice in course (first as "start" at line 1, column 25): a reader would silently keep only the last; remove one`)
	wantErr(t, "escaped", courseErr(strings.Replace(goodCourse, `"end"`, `"st\u0061rt":"2022-01-01T00:00:00.000Z","end"`, 1)),
		`course.json: line 1, column 60: key "start" given twice in course (first at line 1, column 25): a reader would silently keep only the last; remove one`)
	wantErr(t, "role twice in an enrolment", usersErr(`{"course":{"users":[{"username":"Ana","role":0},{"username":"Jane","role":0,"role":1}]}}`),
		`users.json: line 1, column 77: key "role" given twice in course.users[1] (first at line 1, column 68): a reader would silently keep only the last; remove one`)
	wantErr(t, "course twice", usersErr(`{"course":{"users":[]},"course":{"users":[]}}`),
		`users.json: line 1, column 24: key "course" given twice in the top level (first at line 1, column 2): a reader would silently keep only the last; remove one`)
	// Also when the document has another fault the decoder reports first.
	wantErr(t, "twice and a wrong type", usersErr(`{"course":{"users":[{"username":"Jane","role":"x"}],"users":[]}}`),
		`users.json: line 1, column 53: key "users" given twice in course (first at line 1, column 12): a reader would silently keep only the last; remove one`)
	// The same key in different objects is fine.
	if u, err := ParseUsersJSON(strings.NewReader(`{"course":{"users":[{"username":"Ana","role":0,"x":{"role":1}},{"username":"Jane","role":1}]}}`), "users.json"); err != nil || len(u) != 2 || u[1].Role != RoleInstructor {
		t.Errorf("distinct objects: %v %v", u, err)
	}
}

// Role -1 used to drop the participant, listed nowhere; a missing or null
// role read as 0, an editor.
func TestUnknownRoles(t *testing.T) {
	wantErr(t, "role -1", usersErr("{\"course\":{\"users\":[{\"username\":\"Ana\",\"role\":0},\n{\"username\":\"Jane doe\",\"role\":-1}]}}"),
		`users.json: line 2, column 31: enrolment 2 ("Jane doe") has role -1, which is not a Dashboard role (0 editor, 1 facilitator, 2 campus volunteer, 3 online volunteer, 4 staff): fix it or remove the enrolment`)
	wantErr(t, "role 5", usersErr(`{"course":{"users":[{"username":"Ana","role":5}]}}`),
		`users.json: line 1, column 46: enrolment 1 ("Ana") has role 5, which is not a Dashboard role (0 editor, 1 facilitator, 2 campus volunteer, 3 online volunteer, 4 staff): fix it or remove the enrolment`)
	wantErr(t, "no role", usersErr("{\"course\":{\"users\":[{\"username\":\"Ana\",\"role\":1},\n  {\"username\":\"Jane\"}]}}"),
		`users.json: line 2, column 3: enrolment 2 ("Jane") has no "role" or a null one, so it cannot be told an editor from a facilitator; for example "role": 0 (0 editor, 1 facilitator, 2–4 volunteers and staff)`)
	wantErr(t, "null role", usersErr(`{"course":{"users":[{"username":"Ana","role":null}]}}`),
		`users.json: line 1, column 21: enrolment 1 ("Ana") has no "role" or a null one, so it cannot be told an editor from a facilitator; for example "role": 0 (0 editor, 1 facilitator, 2–4 volunteers and staff)`)
	for r := RoleStudent; r <= RoleStaff; r++ {
		body, _ := json.Marshal(map[string]any{"course": map[string]any{"users": []map[string]any{{"username": "Ana", "role": r}}}})
		if u, err := ParseUsersJSON(bytes.NewReader(body), "users.json"); err != nil || u[0].Role != r {
			t.Errorf("role %d: %v %v", r, u, err)
		}
	}
}

// "start": 20210305 and a missing start gave errors with no file, line or
// field.
func TestCourseTimes(t *testing.T) {
	wantErr(t, "start a number", courseErr(strings.Replace(goodCourse, `"2021-03-05T09:00:00.000Z"`, "20210305", 1)),
		`course.json: line 1, column 33: field "course.start" is a number 20210305, expected a date and time as text; for example "start": "2021-03-05T09:00:00.000Z"`)
	wantErr(t, "end true", courseErr(strings.Replace(goodCourse, `"2021-03-07T18:00:00.000Z"`, "true", 1)),
		`course.json: line 1, column 66: field "course.end" is true or false true, expected a date and time as text; for example "end": "2021-03-07T18:00:00.000Z"`)
	wantErr(t, "no start", courseErr(strings.Replace(goodCourse, `"start":"2021-03-05T09:00:00.000Z",`, "", 1)),
		`course.json: line 1, column 11: the course has no "start" (field "course.start"), so it has no event window; for example "start": "2021-03-05T09:00:00.000Z"`)
	wantErr(t, "null end", courseErr(strings.Replace(goodCourse, `"2021-03-07T18:00:00.000Z"`, "null", 1)),
		`course.json: line 1, column 66: the course has a null "end" (field "course.end"), so it has no event window; for example "end": "2021-03-07T18:00:00.000Z"`)
	wantErr(t, "enrolled_at a number", usersErr("{\"course\":{\"users\":[\n{\"username\":\"Ana\",\"role\":0,\"enrolled_at\":1}]}}"),
		`users.json: line 2, column 42: field "course.users.enrolled_at" is a number 1, expected a date and time as text; the Dashboard writes them like "2021-03-05T09:00:00.000Z"`)
	wantErr(t, "thumbwidth", func() error {
		_, err := ParseUploadsJSON(strings.NewReader(`{"course":{"uploads":[{"id":1,"thumbwidth":"wide"}]}}`), "uploads.json")
		return err
	}(), `uploads.json: line 1, column 44: field "course.uploads.thumbwidth" is "wide": want a whole number, got "wide"; for example "thumbwidth": 320`)
	if _, err := ParseCourseJSON(strings.NewReader(goodCourse), "course.json"); err != nil {
		t.Error(err)
	}
}

// project "127.0.0.1:18443/steal" would send every username there.
func TestCourseWikisValidated(t *testing.T) {
	wantErr(t, "project a host", courseErr(strings.Replace(goodCourse, `"wikis":[{"language":"en","project":"wikipedia"}]`, `"wikis":[{"language":"en","project":"wikipedia"},{"language":"en","project":"127.0.0.1:18443/steal"}]`, 1)),
		`course.json: line 1, column 221: field "course.wikis[1].project": project "127.0.0.1:18443/steal" is not a Wikimedia project (wikipedia, wiktionary, wikibooks, wikinews, wikiquote, wikisource, wikiversity, wikivoyage, wikidata, wikimedia, mediawiki, wikifunctions); a course wiki must be a Wikimedia wiki, since the participants' usernames are sent to it`)
	wantErr(t, "language a host", courseErr(strings.Replace(goodCourse, `{"language":"en"`, `{"language":"evil.example/x?"`, 1)),
		`course.json: line 1, column 117: field "course.home_wiki.language": language "evil.example/x?" is not a MediaWiki language code (lowercase letters, digits and hyphens, such as "en" or "zh-min-nan"); a course wiki must be a Wikimedia wiki, since the participants' usernames are sent to it`)
	wantErr(t, "no language", courseErr(strings.Replace(goodCourse, `"wikis":[{"language":"en","project":"wikipedia"}]`, `"wikis":[{"language":null,"project":"wikiquote"}]`, 1)),
		`course.json: line 1, column 166: field "course.wikis[0].language": project "wikiquote" needs a language (such as "en"; for wikimedia, "commons" or "meta"); a course wiki must be a Wikimedia wiki, since the participants' usernames are sent to it`)
	for _, w := range []struct {
		w    Wiki
		want string
	}{
		{Wiki{"", "wikidata"}, "www.wikidata.org"}, {Wiki{"commons", "wikimedia"}, "commons.wikimedia.org"}, {Wiki{"species", "wikimedia"}, "species.wikimedia.org"},
		{Wiki{"", "mediawiki"}, "www.mediawiki.org"}, {Wiki{"", "wikifunctions"}, "www.wikifunctions.org"}, {Wiki{"", "wikisource"}, "wikisource.org"},
		{Wiki{"zh-min-nan", "wikipedia"}, "zh-min-nan.wikipedia.org"}, {Wiki{"be-tarask", "wiktionary"}, "be-tarask.wiktionary.org"},
	} {
		if err := CheckWiki(w.w); err != nil || w.w.Domain() != w.want {
			t.Errorf("%+v: %v, %s", w.w, err, w.w.Domain())
		}
	}
	for _, w := range []Wiki{{"en", "wikipedia.org.evil"}, {"EN", "wikipedia"}, {"-en", "wikipedia"}, {"en:80", "wikipedia"}, {"e", "wikipedia"}, {"", "wikimedia"}, {"en", ""}, {"en", "Wikipedia"}} {
		if err := CheckWiki(w); err == nil {
			t.Errorf("%+v accepted", w)
		}
	}
}

// users.json linked to /dev/zero ran out of memory; a file over the cap is
// refused before it is read, naming its size and the cap.
func TestFileSizeCap(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "course.json"), []byte(goodCourse), 0o644); err != nil {
		t.Fatal(err)
	}
	users := filepath.Join(dir, "users.json")
	if err := os.Symlink("/dev/zero", users); err != nil {
		t.Fatal(err)
	}
	_, err := LoadDir(dir)
	wantErr(t, "/dev/zero", err, users+" is a device (Dcrw-rw-rw-), not a Dashboard file: give the file downloaded from the Dashboard")
	os.Remove(users)
	f, err := os.Create(users)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxFileSize + 1); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	_, err = LoadDir(dir)
	wantErr(t, "oversize", err, users+": 268435457 bytes (256.0 MiB), larger than 256.0 MiB, the cap for a Dashboard file (dashboard.MaxFileSize): is it the right file?")
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Size != MaxFileSize+1 || tl.Cap != MaxFileSize {
		t.Errorf("not a *TooLargeError: %#v", err)
	}
	// A FIFO is read through the cap (small here, to keep the test quick).
	fifo := filepath.Join(dir, "fifo.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	go func() {
		w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err == nil {
			io.Copy(w, io.LimitReader(zeros{}, 1<<20))
			w.Close()
		}
	}()
	r, err := os.Open(fifo)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	_, err = readFile(r, fifo, 4096)
	wantErr(t, "FIFO", err, fifo+": more than 4096 bytes, the cap for a Dashboard file (dashboard.MaxFileSize): is it the right file?")
	if b, err := readFile(strings.NewReader("12345"), "x", 5); err != nil || string(b) != "12345" {
		t.Errorf("at the cap: %q %v", b, err)
	}
	if _, err := readFile(strings.NewReader("123456"), "x", 5); !errors.As(err, &tl) {
		t.Errorf("past the cap: %v", err)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// The students CSV and a campaign's users.json are capped too.
func TestCSVAndCampaignCapped(t *testing.T) {
	_, err := ReadStudentsCSV(zeroFile(t), "students.csv")
	wantErr(t, "students CSV on /dev/zero", err, "students.csv is a device (Dcrw-rw-rw-), not a Dashboard file: give the file downloaded from the Dashboard")
	_, err = ParseCampaignUsersJSON(zeroFile(t), "users.json")
	wantErr(t, "campaign users on /dev/zero", err, "users.json is a device (Dcrw-rw-rw-), not a Dashboard file: give the file downloaded from the Dashboard")
	name := filepath.Join(t.TempDir(), "students.csv")
	if err := os.WriteFile(name, []byte(studentsHeader+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(name, MaxFileSize+10); err != nil { // sparse
		t.Fatal(err)
	}
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, err = ReadStudentsCSV(f, name)
	wantErr(t, "students CSV past the cap", err, name+": 268435466 bytes (256.0 MiB), larger than 256.0 MiB, the cap for a Dashboard file (dashboard.MaxFileSize): is it the right file?")
}

func zeroFile(t *testing.T) *os.File {
	f, err := os.Open("/dev/zero")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// The CSV readers' errors are dashboard's own *ParseError.
func TestCSVParseErrorType(t *testing.T) {
	_, err := ReadStudentsCSV(strings.NewReader(studentsHeader+"\nA,x,2021-03-05 09:00:00 UTC,,1,1,1,1,1,false,1,1,1,\n"), "students.csv")
	var pe *ParseError
	if !errors.As(err, &pe) || pe.File != "students.csv" || pe.Line != 2 || pe.Column != "global_id" || pe.Err.Error() != `not an integer: "x"` {
		t.Errorf("error %#v", err)
	}
}

// encoding/json reads "Username" as "username" and "Course" as "course",
// silently: a key that matches only ignoring case is an error.
func TestKeysMatchingOnlyIgnoringCase(t *testing.T) {
	wantErr(t, "Username", usersErr("{\"course\":{\"users\":[\n{\"Username\":\"Ana\",\"role\":0}]}}"),
		`users.json: line 2, column 2: key "Username" is not a Dashboard key; "username" is, which a reader ignoring case would take it for: write "username"`)
	wantErr(t, "Course", usersErr(`{"Course":{"users":[]}}`), `users.json: no "course" object in the response`)
	wantErr(t, "long s", courseErr(strings.Replace(goodCourse, `"start"`, `"ſtart"`, 1)),
		`course.json: line 1, column 25: key "ſtart" is not a Dashboard key; "start" is, which a reader ignoring case would take it for: write "start"`)
	// Unknown keys in any case are ignored as before; escapes are fine.
	if u, err := ParseUsersJSON(strings.NewReader(`{"course":{"users":[{"us\u0065rname":"Ana","role":0,"Contribution_URL":"x"}]}}`), "users.json"); err != nil || len(u) != 1 || u[0].Username != "Ana" {
		t.Errorf("%v %v", u, err)
	}
}
