package dashboard

import (
	"strings"
	"testing"
)

func TestCheckAnswer(t *testing.T) {
	const base = "http://127.0.0.1:3000"
	course := base + "/courses/Lib/W_(2021)/course.json"
	for _, tt := range []struct {
		url, body string
		known     bool
		want      string // error prefix; "" = passes
	}{
		{course, goodCourse, true, ""},
		{course, "<html>Sign in</html>", true, course + ": got an HTML page"},
		{course, goodCourse[:50], true, course + ": truncated or malformed JSON"},
		{course, strings.Replace(goodCourse, `"project":"wikipedia"}]`, `"project":"127.0.0.1:18443/steal"}]`, 1), true, course + `: line 1, column 181: field "course.wikis[0].project"`},
		{base + "/courses/Lib/W_(2021)/users.json", `{"course":{"users":[{"username":"A","role":-1}]}}`, true, base + "/courses/Lib/W_(2021)/users.json: line 1, column 44: enrolment 1 (\"A\") has role -1"},
		{base + "/courses/Lib/W_(2021)/articles.json", `{"course":{"articles":[]}}`, true, ""},
		{base + "/courses/Lib/W_(2021)/uploads.json", ``, true, base + "/courses/Lib/W_(2021)/uploads.json: empty response"},
		{base + "/campaigns/wikigap_2019.json", `{"campaign":{"slug":"wikigap_2019"}}`, true, ""},
		{base + "/campaigns/wikigap_2019.json", `{"campaign":{}}`, true, base + `/campaigns/wikigap_2019.json: the campaign has no "slug"`},
		{base + "/campaigns/wikigap_2019/users.json", `{"campaign":"wikigap_2019","users":[]}`, true, ""},
		{base + "/campaigns/wikigap_2019/users.json", `{"campaign":"wikigap_2019","users":[],"users":[]}`, true, base + `/campaigns/wikigap_2019/users.json: line 1, column 39: key "users" given twice`},
		{base + "/dash/courses/Lib/W_(2021)/users.json", `<html>`, true, base + "/dash/courses/Lib/W_(2021)/users.json: got an HTML page"},
		{base + "/find_course/12", "<html>", false, ""},
		{base + "/courses/Lib/W_(2021)/timeline.json", "<html>", false, ""},
	} {
		known, err := CheckAnswer(tt.url, []byte(tt.body))
		if known != tt.known || (tt.want == "") != (err == nil) || err != nil && !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s %.30q: known %v, error %v; want %v, %q", tt.url, tt.body, known, err, tt.known, tt.want)
		}
	}
}
