package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"example.com/engagement/engagement/sample"
)

// realNames returns every username of the sample's roster and of its
// comparable newcomers, with spaces and with underscores.
func realNames(t *testing.T) []string {
	t.Helper()
	ev, err := sample.Generate(sample.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, u := range ev.Enrolment {
		names = append(names, u.Username)
	}
	for _, n := range ev.Newcomers {
		names = append(names, n.Name)
	}
	var forms []string
	for _, n := range names {
		forms = append(forms, n, strings.ReplaceAll(n, " ", "_"))
	}
	return forms
}

// leaks returns the real names found in the text.
func leaks(text string, names []string) []string {
	var out []string
	for _, n := range names {
		if strings.Contains(text, n) {
			out = append(out, n)
		}
	}
	return out
}

// checkNoName fails for every real name in stdout, stderr or any file
// under dir.
func checkNoName(t *testing.T, what string, stdout, stderr *bytes.Buffer, dir string, names []string) {
	t.Helper()
	if l := leaks(stdout.String(), names); len(l) > 0 {
		t.Errorf("%s: stdout names %d participants: %v", what, len(l), l)
	}
	if l := leaks(stderr.String(), names); len(l) > 0 {
		t.Errorf("%s: stderr names %d participants: %v", what, len(l), l)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil || len(files) < 10 {
		t.Fatalf("%s: only %v written (%v)", what, files, err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if l := leaks(string(b), names); len(l) > 0 {
			t.Errorf("%s: %s names %d participants: %v", what, filepath.Base(f), len(l), l)
		}
	}
}

// -pseudonymize: no real name on stdout, on stderr or in any output, in a
// run with failures (named in the summary) and a baseline, and in a
// re-analysis whose normalisations quote usernames.
func TestPseudonymizeNamesNobody(t *testing.T) {
	names := realNames(t)
	cache, real := t.TempDir(), t.TempDir()
	var stdout, stderr bytes.Buffer
	args := []string{"-cache", cache, "-max-contributions", "1000", "-baseline"}
	if err := run(append(args, "-out", real), &stdout, &stderr); !errors.Is(err, errPartial) {
		t.Fatalf("error %v; want partial data", err)
	}
	if l := leaks(stdout.String(), names); len(l) < 3 {
		t.Fatalf("without -pseudonymize stdout names only %v: the test would prove nothing", l)
	}
	out := t.TempDir()
	stdout.Reset()
	stderr.Reset()
	if err := run(append(args, "-out", out, "-pseudonymize"), &stdout, &stderr); !errors.Is(err, errPartial) {
		t.Fatalf("error %v; want partial data", err)
	}
	checkNoName(t, "live", &stdout, &stderr, out, names)

	// A re-analysis of the real names' folder, one username spelt with an
	// underscore: the normalisation is shown with pseudonyms.
	p := filepath.Join(real, "contributions.csv")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.Replace(b, []byte(",Amara Ivanova,"), []byte(",Amara_Ivanova,"), 1)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out = t.TempDir()
	stdout.Reset()
	stderr.Reset()
	if err := run([]string{"-cache", cache, "-from", real, "-out", out, "-pseudonymize"}, &stdout, &stderr); err != nil && !errors.Is(err, errPartial) {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), "Normalised: contributions.csv: 1 usernames made canonical") {
		t.Errorf("the re-analysis does not show its normalisation:\n%s", stdout.String())
	}
	checkNoName(t, "-from", &stdout, &stderr, out, names)
}

// -campaign -pseudonymize: the returning participants and the failures on
// stdout are pseudonyms too.
func TestPseudonymizeCampaignNamesNobody(t *testing.T) {
	names := realNames(t)
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	args := []string{"-campaign", "sample", "-cache", t.TempDir(), "-max-contributions", "1000"}
	if err := run(append(args, "-out", t.TempDir()), &stdout, &stderr); !errors.Is(err, errPartial) {
		t.Fatalf("error %v; want partial data", err)
	}
	if l := leaks(stdout.String(), names); len(l) < 3 {
		t.Fatalf("without -pseudonymize stdout names only %v: the test would prove nothing", l)
	}
	stdout.Reset()
	stderr.Reset()
	if err := run(append(args, "-out", out, "-pseudonymize"), &stdout, &stderr); !errors.Is(err, errPartial) {
		t.Fatalf("error %v; want partial data", err)
	}
	checkNoName(t, "-campaign", &stdout, &stderr, out, names)
}

// -pseudonymize: an error refusing a folder (revisions of an account that
// accounts.csv lacks) names the account by pseudonym, where without it the
// error names her; errors.Is still sees the error.
func TestPseudonymizeRedactsAFolderRefusal(t *testing.T) {
	real, cache := t.TempDir(), t.TempDir()
	if err := run([]string{"-cache", cache, "-out", real}, io.Discard, io.Discard); err != nil && !errors.Is(err, errPartial) {
		t.Fatal(err)
	}
	p := filepath.Join(real, "accounts.csv")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, l := range strings.SplitAfter(string(b), "\n") {
		if !strings.Contains(l, "Amara Ivanova") {
			kept = append(kept, l)
		}
	}
	if err := os.WriteFile(p, []byte(strings.Join(kept, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"-cache", cache, "-from", real, "-out", t.TempDir()}
	plain := run(args, io.Discard, io.Discard)
	if plain == nil || !strings.Contains(plain.Error(), "Amara Ivanova") {
		t.Fatalf("without -pseudonymize: want a refusal naming Amara Ivanova; got %v", plain)
	}
	err = run(append(args, "-pseudonymize"), io.Discard, io.Discard)
	if err == nil || strings.Contains(err.Error(), "Amara") || !strings.Contains(err.Error(), "revisions of “Participant ") {
		t.Errorf("with -pseudonymize: want the refusal with a pseudonym; got %v", err)
	}
	if l := leaks(err.Error(), realNames(t)); len(l) > 0 {
		t.Errorf("the refusal names %v", l)
	}
}
