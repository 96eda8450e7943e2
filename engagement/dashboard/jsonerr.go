package dashboard

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"reflect"
	"slices"
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
// written by hand with "user" instead of "username"), a name with invalid
// UTF-8 or NUL, no role or a null one, or a role the Dashboard does not have
// (it would drop the participant, listed nowhere). doc is the document the
// users were decoded from, to name the line.
func checkUsers(name string, doc []byte, users []User, roles roleCheck) error {
	for i, u := range users {
		if u.Username != "" && u.Role >= RoleStudent && u.Role <= RoleStaff && !roles.noRole[i] && utf8.ValidString(u.Username) && !strings.ContainsRune(u.Username, 0) {
			continue
		}
		path := fmt.Sprintf("course.users[%d]", i)
		var msg string
		switch {
		case u.Username == "":
			var fields map[string]json.RawMessage
			if off, end, ok := locate(doc, path); ok {
				json.Unmarshal(doc[off:end], &fields)
			}
			keys := slices.Sorted(maps.Keys(fields))
			msg = fmt.Sprintf("enrolment %d has no \"username\" (its fields: %s); for example %s", i+1, strings.Join(keys, ", "), fieldExamples["users"])
		case !utf8.ValidString(u.Username):
			msg = fmt.Sprintf("enrolment %d: the username is not valid UTF-8 (%q): save the file as UTF-8", i+1, u.Username)
		case strings.ContainsRune(u.Username, 0):
			msg = fmt.Sprintf("enrolment %d: the username %q contains a NUL character", i+1, u.Username)
		case roles.noRole[i]:
			msg = fmt.Sprintf("enrolment %d (%q) has no \"role\" or a null one, so it cannot be told an editor from a facilitator; for example %s", i+1, u.Username, fieldExamples["role"])
		case u.Role < RoleStudent || u.Role > RoleStaff:
			path += ".role"
			msg = fmt.Sprintf("enrolment %d (%q) has role %d, which is not a Dashboard role (0 editor, 1 facilitator, 2 campus volunteer, 3 online volunteer, 4 staff): fix it or remove the enrolment", i+1, u.Username, int(u.Role))
		default:
			continue
		}
		return fmt.Errorf("%s: %s: %s", name, at(doc, path), msg)
	}
	return nil
}

var unmarshalerType = reflect.TypeFor[json.Unmarshaler]()

// typeAt returns the Go type that the value at path of a
// document decoded into root is decoded into, matching keys as
// encoding/json does; nil when there is none, or when the path goes inside
// a value that decodes itself (a json.Unmarshaler).
func typeAt(root reflect.Type, path []step) reflect.Type {
	t := root
	for _, p := range path {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if reflect.PointerTo(t).Implements(unmarshalerType) {
			return nil
		}
		switch {
		case p.key == nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array):
			t = t.Elem()
		case p.key != nil && t.Kind() == reflect.Map:
			t = t.Elem()
		case p.key != nil && t.Kind() == reflect.Struct:
			f, ok := fieldByKey(t, string(p.key))
			if !ok {
				return nil
			}
			t = f
		default:
			return nil
		}
	}
	return t
}

// fieldByKey finds the struct field a key decodes into: the exact tag, else
// one equal to it ignoring case.
func fieldByKey(t reflect.Type, key string) (reflect.Type, bool) {
	i, _, ok := fieldIndex(t, key)
	if !ok {
		return nil, false
	}
	return t.Field(i).Type, true
}

// fieldTag is fieldByKey's field's name in JSON, and whether key is it
// exactly.
func fieldTag(t reflect.Type, key string) (tag string, exact, ok bool) {
	i, exact, ok := fieldIndex(t, key)
	if !ok {
		return "", false, false
	}
	return jsonName(t.Field(i)), exact, true
}

func fieldIndex(t reflect.Type, key string) (i int, exact, ok bool) {
	fold := -1
	for i := range t.NumField() {
		name := jsonName(t.Field(i))
		if name == key {
			return i, true, true
		}
		if fold < 0 && strings.EqualFold(name, key) {
			fold = i
		}
	}
	return fold, false, fold >= 0
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "" {
		name = f.Name
	}
	return name
}

// locateUnmarshalError finds the value of doc (well-formed, decoded into
// a value of type root) that its own UnmarshalJSON refuses (a date, a
// FlexInt), which encoding/json reports without a position, and explains it
// with the line, column and field; nil when no value is refused.
func locateUnmarshalError(name string, doc []byte, root reflect.Type) error {
	var found error
	walkJSON(name, doc, func(w *walker, _, off, end int) error {
		t := typeAt(root, w.path)
		if t == nil || !reflect.PointerTo(t).Implements(unmarshalerType) {
			return nil
		}
		err := reflect.New(t).Interface().(json.Unmarshaler).UnmarshalJSON(doc[off:end])
		if err == nil {
			return nil
		}
		found = explainValue(name, doc, w.fieldPath(), t, off, end, err)
		return errFound
	})
	return found
}

// explainValue words a refused value at doc[off:end].
func explainValue(name string, doc []byte, field string, t reflect.Type, off, end int, err error) error {
	l, c := lineCol(doc, int64(off))
	val := string(doc[off:end])
	if len(val) > 40 {
		val = val[:40] + "…"
	}
	last := field[strings.LastIndexByte(field, '.')+1:]
	msg := fmt.Sprintf("%s: line %d, column %d: field %q ", name, l, c, field)
	var pe *time.ParseError
	switch {
	case t == reflect.TypeFor[time.Time]() && doc[off] == '"' && errors.As(err, &pe):
		msg += fmt.Sprintf("is %s, not a date and time", val)
	case t == reflect.TypeFor[time.Time]():
		msg += fmt.Sprintf("is %s %s, expected a date and time as text", jsonKind(doc[off]), val)
	default:
		msg += fmt.Sprintf("is %s: %v", val, err)
	}
	if ex, ok := fieldExamples[last]; ok {
		msg += "; for example " + ex
	} else if t == reflect.TypeFor[time.Time]() {
		msg += "; the Dashboard writes them like \"2021-03-05T09:00:00.000Z\""
	}
	return errors.New(msg)
}

// jsonKind names the kind of a JSON value by its first byte.
func jsonKind(b byte) string {
	switch b {
	case '"':
		return "text"
	case '{':
		return "an object"
	case '[':
		return "a list"
	case 't', 'f':
		return "true or false"
	case 'n':
		return "null"
	}
	return "a number"
}
