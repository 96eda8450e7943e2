package dashboard

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// fieldExamples shows the expected shape of the fields a trainer's file most
// often gets wrong, in the Dashboard's own terms.
var fieldExamples = map[string]string{
	"role":        `"role": 0 (0 editor, 1 facilitator, 2–4 volunteers and staff)`,
	"username":    `"username": "Jane doe"`,
	"start":       `"start": "2021-03-05T09:00:00.000Z"`,
	"end":         `"end": "2021-03-07T18:00:00.000Z"`,
	"wikis":       `"wikis": [{"language": "en", "project": "wikipedia"}]`,
	"home_wiki":   `"home_wiki": {"language": "en", "project": "wikipedia"}`,
	"users":       `"users": [{"username": "Jane doe", "role": 0}]`,
	"id":          `"id": 21417`,
	"thumbwidth":  `"thumbwidth": 320`,
	"usage_count": `"usage_count": 2`,
}

// lineCol turns a byte offset into a 1-based line and column.
func lineCol(body []byte, offset int64) (line, col int) {
	offset = min(max(offset, 0), int64(len(body)))
	before := body[:offset]
	line = bytes.Count(before, []byte{'\n'}) + 1
	col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}

// jsonError explains a decoding error of file name with the line, column
// and field, and an example of what was expected.
func jsonError(name string, body []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var pe *time.ParseError
	switch {
	case errors.As(err, &se) && se.Offset >= int64(len(body)):
		l, c := lineCol(body, se.Offset)
		return fmt.Errorf("%s: truncated or malformed JSON: it ends too early (line %d, column %d); download it again", name, l, c)
	case errors.As(err, &se):
		l, c := lineCol(body, se.Offset-1) // the offset is just past the offending byte
		return fmt.Errorf("%s: line %d, column %d: not valid JSON (%v); if the file was downloaded, download it again", name, l, c, se)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("%s: the JSON ends too early (truncated): download it again", name)
	case errors.As(err, &te):
		l, c := lineCol(body, te.Offset)
		field := te.Field
		last := field[strings.LastIndexByte(field, '.')+1:]
		msg := fmt.Sprintf("%s: line %d, near column %d: field %q is %s, expected %s", name, l, c, field, te.Value, goKind(te.Type.String()))
		if ex, ok := fieldExamples[last]; ok {
			msg += "; for example " + ex
		}
		return errors.New(msg)
	case errors.As(err, &pe):
		return fmt.Errorf("%s: the date %q is not a date and time: the Dashboard writes them like \"2021-03-05T09:00:00.000Z\"", name, pe.Value)
	}
	return fmt.Errorf("%s: %w", name, err)
}

// checkUTF8 refuses a file that is not UTF-8, naming where.
func checkUTF8(name string, body []byte) error {
	if utf8.Valid(body) {
		return nil
	}
	i := 0
	for i < len(body) {
		r, n := utf8.DecodeRune(body[i:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		i += n
	}
	l, c := lineCol(body, int64(i))
	return fmt.Errorf("%s: line %d, column %d: not valid UTF-8: save the file as UTF-8", name, l, c)
}

// goKind names a Go type in plain words.
func goKind(t string) string {
	switch {
	case strings.Contains(t, "int"), strings.Contains(t, "Role"), strings.Contains(t, "float"):
		return "a number"
	case t == "string":
		return "text"
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case strings.Contains(t, "Time"):
		return "a date and time"
	}
	return "an object"
}

// checkUsers refuses enrolments a run cannot use: no username (a file
// written by hand with "user" instead of "username"), or a name with invalid
// UTF-8 or NUL. keys are each enrolment's JSON keys, for the message.
func checkUsers(name string, users []User, keys [][]string) error {
	for i, u := range users {
		switch {
		case u.Username == "":
			k := ""
			if i < len(keys) {
				k = strings.Join(keys[i], ", ")
			}
			return fmt.Errorf("%s: enrolment %d has no \"username\" (its fields: %s); for example %s", name, i+1, k, fieldExamples["users"])
		case !utf8.ValidString(u.Username):
			return fmt.Errorf("%s: enrolment %d: the username is not valid UTF-8 (%q): save the file as UTF-8", name, i+1, u.Username)
		case strings.ContainsRune(u.Username, 0):
			return fmt.Errorf("%s: enrolment %d: the username %q contains a NUL character", name, i+1, u.Username)
		}
	}
	return nil
}
