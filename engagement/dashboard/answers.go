package dashboard

import (
	"bytes"
	"net/url"
	"strings"
)

// CheckAnswer parses body as the Dashboard's answer to the URL u, with the
// parser of its endpoint: a course's course.json, users.json, articles.json
// or uploads.json, a campaign's JSON or its users.json. A cache keeps an
// answer only when it passes, so that a login page, a truncated or empty
// answer or JSON without the expected key is reported (the error names u
// and what was wrong) and asked for again on the next run instead of
// failing every run. known is false for any other URL (nothing is checked).
func CheckAnswer(u string, body []byte) (known bool, err error) {
	parse := answerParser(u)
	if parse == nil {
		return false, nil
	}
	return true, parse(body, u)
}

// answerParser returns the parser of the endpoint u, nil for none.
func answerParser(u string) func(body []byte, name string) error {
	pu, err := url.Parse(u)
	if err != nil {
		return nil
	}
	p := pu.Path // after any path of a self-hosted Dashboard's base
	if i := strings.Index(p, "/courses/"); i > 0 {
		p = p[i:]
	} else if i := strings.Index(p, "/campaigns/"); i > 0 {
		p = p[i:]
	}
	file := p[strings.LastIndexByte(p, '/')+1:]
	switch {
	case strings.HasPrefix(p, "/courses/") && strings.Count(p, "/") >= 4:
		switch file {
		case "course.json":
			return func(b []byte, name string) error { _, err := ParseCourseJSON(bytes.NewReader(b), name); return err }
		case "users.json":
			return func(b []byte, name string) error { _, err := ParseUsersJSON(bytes.NewReader(b), name); return err }
		case "articles.json":
			return func(b []byte, name string) error { _, err := ParseArticlesJSON(bytes.NewReader(b), name); return err }
		case "uploads.json":
			return func(b []byte, name string) error { _, err := ParseUploadsJSON(bytes.NewReader(b), name); return err }
		}
	case strings.HasPrefix(p, "/campaigns/") && strings.Count(p, "/") == 2 && strings.HasSuffix(file, ".json"):
		return func(b []byte, name string) error { _, err := ParseCampaignJSON(bytes.NewReader(b), name); return err }
	case strings.HasPrefix(p, "/campaigns/") && strings.Count(p, "/") == 3 && file == "users.json":
		return func(b []byte, name string) error {
			_, err := ParseCampaignUsersJSON(bytes.NewReader(b), name)
			return err
		}
	}
	return nil
}
