package engagement_test

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/sample"
)

// The whole flow with failures and pseudonymisation: no output file holds
// any form of any participant's name.
func TestPseudonymisedOutputsHoldNoName(t *testing.T) {
	ev, d, r := analyseSample(t, failContribs{sample.Transport(), "commons.wikimedia.org"})
	if len(d.Failures) == 0 {
		t.Fatal("the run has no failures; the test needs some")
	}
	dir := t.TempDir()
	a := &engagement.Analysis{Event: ev, Data: d, Result: r}
	if _, err := a.Share(dir, true); err != nil {
		t.Fatal(err)
	}
	var forms []string
	for _, p := range r.Participants {
		n := p.Username
		under := strings.ReplaceAll(n, " ", "_")
		forms = append(forms, n, under, url.PathEscape(under), url.QueryEscape(n))
		if first, size := utf8.DecodeRuneInString(n); unicode.IsUpper(first) {
			forms = append(forms, string(unicode.ToLower(first))+n[size:])
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) < 5 {
		t.Fatalf("only %v written", files)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, form := range forms {
			if len(form) >= 3 && strings.Contains(string(b), form) {
				t.Errorf("%s holds %q", filepath.Base(f), form)
			}
		}
	}
}
