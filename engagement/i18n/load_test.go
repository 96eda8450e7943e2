package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
)

func mustLoad(t *testing.T, fsys fstest.MapFS) *Catalog {
	t.Helper()
	c, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

const meta = `"@metadata": {"authors": ["a"]}`

// Every broken file is refused with the file and where.
func TestLoadRefusesBrokenFiles(t *testing.T) {
	for _, c := range []struct{ name, en, want string }{
		{"duplicate", "{" + meta + ",\n\"a\": \"x\",\n\"a\": \"y\"}", `en.json: line 3, column 4: key "a" given twice`},
		{"not a string", "{" + meta + `, "a": 3}`, `en.json: line 1, column 41: key "a": the message is float64, want a string`},
		{"unclosed plural", "{" + meta + `, "a": "{{PLURAL:$1|x|y"}`, `en.json: key "a": column 1: {{PLURAL: is not closed with }}`},
		{"gender", "{" + meta + `, "a": "{{GENDER:$1|he|she}}"}`, `en.json: key "a": column 1: {{GENDER:}} is not supported`},
		{"stray close", "{" + meta + `, "a": "x}} y"}`, `en.json: key "a": column 2: "}}" with no {{PLURAL: before it`},
		{"syntax", "{" + meta + ",\n\"a\" \"x\"}", `en.json: line 2, column 5: key "a": expected colon after object key`},
		{"array", `["a"]`, `en.json: line 1, column 2: want a JSON object of messages`},
		{"trailing", "{" + meta + `} {}`, `en.json: line 1, column 36: text after the object`},
	} {
		_, err := Load(fstest.MapFS{"en.json": {Data: []byte(c.en)}})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	_, err := Load(fstest.MapFS{"es.json": {Data: []byte("{" + meta + "}")}})
	if err == nil || !strings.Contains(err.Error(), "no en.json") {
		t.Errorf("without en.json: %v", err)
	}
	_, err = Load(fstest.MapFS{})
	if err == nil || !strings.Contains(err.Error(), "no message files") {
		t.Errorf("empty: %v", err)
	}
	_, err = Load(fstest.MapFS{"en.json": {Data: []byte("{" + meta + "}")}, "de.json": {Data: []byte("{" + meta + "}")}})
	if err != nil {
		t.Fatal(err)
	}
	c := mustLoad(t, fstest.MapFS{"en.json": {Data: []byte("{" + meta + "}")}, "de.json": {Data: []byte("{" + meta + "}")}})
	if _, err := c.Localizer("de"); err == nil || !strings.Contains(err.Error(), `de.json has no plural rule in plural.go: add CLDR's rule for "de"`) {
		t.Errorf("language without rule: %v", err)
	}
}

// Check finds each kind of mismatch with English.
func TestCheckFindsMismatches(t *testing.T) {
	c := mustLoad(t, fstest.MapFS{
		"en.json":  {Data: []byte(`{` + meta + `, "a": "$2 {{PLURAL:$1|edit|edits}}", "b": "on $1", "c": "x", "d": "plain"}`)},
		"qqq.json": {Data: []byte(`{` + meta + `, "a": "$10 is another; $2 formatted", "b": "", "d": "doc", "z": "doc"}`)},
		"es.json":  {Data: []byte(`{` + meta + `, "a": "$2 {{PLURAL:$1|edición|ediciones|otra}}", "b": "en $2", "x": "y", "d": "{{PLURAL:$1|a|b}}"}`)},
		"fr.json":  {Data: []byte(`{"a": "$2 {{PLURAL:$1|modification|modifications}}", "b": "{{PLURAL:$1|1=au premier|sur $1}}", "c": "x", "d": "simple"}`)},
	})
	want := []string{
		"es.json: a: {{PLURAL:$1}} with forms=3, English has forms=2",
		"es.json: b: placeholders $2, English has $1",
		"es.json: c: missing",
		"es.json: d: placeholders $1, English has none",
		"es.json: d: {{PLURAL:$1}} where English has none",
		"es.json: x: not in en.json",
		"fr.json: @metadata has no authors",
		"qqq.json: a: does not say what $1 holds",
		"qqq.json: b: empty documentation",
		"qqq.json: c: missing",
		"qqq.json: z: not in en.json",
	}
	if got := c.Check(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Check:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Any text parses or is refused, never panics; text without markup renders
// as itself.
func FuzzParseMessage(f *testing.F) {
	for _, s := range []string{"", "plain", "$1 {{PLURAL:$1|a|b}}", "{{PLURAL:$1|0=none|$2 x}}", "{{", "}}", "$", "$0 $10 $99", "{{PLURAL:{{PLURAL:$1|a}}|b}}"} {
		f.Add(s)
	}
	l := &Localizer{missing: map[string]bool{}}
	l.rule, _ = ruleFor("fr")
	f.Fuzz(func(t *testing.T, s string) {
		m, err := parseMessage(s)
		if err != nil {
			return
		}
		out := l.render(m, []string{"1", "2"})
		if !strings.ContainsAny(s, "{}$") && out != s {
			t.Errorf("%q rendered %q", s, out)
		}
	})
}
