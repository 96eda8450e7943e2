package engagement

import (
	"strings"
	"testing"
)

// No text, a name or a course's note, can add markup to the campaign's
// wikitext: every character that starts a link, template, table, tag,
// signature or magic word is an entity, and so is a first character that
// starts a list or heading.
func FuzzWikiEscape(f *testing.F) {
	for _, s := range []string{"[[User:X]]", "{{Delete}}", "* a", "== b ==", "~~~~", "<script>", "a|b", "'''bold'''", "__NOTOC__", "-----"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := wikiEscape(s)
		if strings.ContainsAny(e, "[]{}|<>'~_\n\r") {
			t.Fatalf("wikiEscape(%q) = %q keeps markup", s, e)
		}
		if e != "" && strings.ContainsRune("*#:;=! -", rune(e[0])) {
			t.Fatalf("wikiEscape(%q) = %q starts a line with markup", s, e)
		}
	})
}
