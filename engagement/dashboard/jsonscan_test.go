package dashboard

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// dupByTokens is a reference for the walker: encoding/json's tokenizer,
// keys compared as encoding/json matches them (ignoring case).
func dupByTokens(doc []byte) (key string, dup bool) {
	dec := json.NewDecoder(bytes.NewReader(doc))
	type frame struct {
		obj    bool
		keys   []string
		expect bool // an object expecting a key next
	}
	var stack []*frame
	for {
		t, err := dec.Token()
		if err != nil {
			return "", false
		}
		top := func() *frame {
			if len(stack) == 0 {
				return nil
			}
			return stack[len(stack)-1]
		}
		f := top()
		if s, ok := t.(string); ok && f != nil && f.obj && f.expect {
			for _, k := range f.keys {
				if strings.EqualFold(k, s) {
					return s, true
				}
			}
			f.keys = append(f.keys, s)
			f.expect = false
			continue
		}
		switch t {
		case json.Delim('{'):
			stack = append(stack, &frame{obj: true, expect: true})
			continue
		case json.Delim('['):
			stack = append(stack, &frame{})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
		if f := top(); f != nil && f.obj {
			f.expect = true
		}
	}
}

func FuzzWalkDuplicates(f *testing.F) {
	for _, s := range []string{goodCourse, courseJSON, `{"a":1,"A":2}`, `{"a":{"b":1},"c":{"b":2}}`, `[{"x":1},{"x":1}]`, `{"k\u0061":1,"ka":2}`, `{"a":[1,{"a":2,"b":"\"}"}],"b":3}`, `{"é":1,"É":2}`, `{"K":1,"\u212a":2}`, ` "x" `, `{}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		if !json.Valid(doc) {
			return
		}
		_, want := dupByTokens(doc)
		err := walkJSON("f.json", doc, nil)
		if (err != nil) != want {
			t.Fatalf("%q: walker %v, reference duplicate %v", doc, err, want)
		}
	})
}

// Any input gives users or an error naming the file, never a panic; an
// input the parser accepts has no key given twice.
func FuzzParseDashboardJSON(f *testing.F) {
	for _, s := range []string{goodCourse, courseJSON, `{"course":{"users":[{"username":"A","role":0}]}}`, `{"course":{"users":[{"username":"A","role":0,"role":1}]}}`, `{"course":{"uploads":[{"thumbwidth":"x"}]}}`, `{"campaign":{"slug":"x"}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		for _, parse := range []func() error{
			func() error { _, err := ParseUsersJSON(bytes.NewReader(doc), "f.json"); return err },
			func() error { _, err := ParseCourseJSON(bytes.NewReader(doc), "f.json"); return err },
			func() error { _, err := ParseUploadsJSON(bytes.NewReader(doc), "f.json"); return err },
			func() error { _, err := ParseCampaignJSON(bytes.NewReader(doc), "f.json"); return err },
			func() error { _, err := ParseCampaignUsersJSON(bytes.NewReader(doc), "f.json"); return err },
		} {
			err := parse()
			if err != nil && !strings.Contains(err.Error(), "f.json") {
				t.Fatalf("%q: error without the file: %v", doc, err)
			}
			if _, dup := dupByTokens(bytes.TrimPrefix(doc, []byte("\xef\xbb\xbf"))); err == nil && dup {
				t.Fatalf("%q: accepted with a key given twice", doc)
			}
		}
	})
}
