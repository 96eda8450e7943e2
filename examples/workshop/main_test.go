package main

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWorkshopOnSample(t *testing.T) {
	out, cache := t.TempDir(), t.TempDir()
	var stdout bytes.Buffer
	if err := run([]string{"-out", out, "-cache", cache}, &stdout, io.Discard); err != nil {
		t.Fatal(err)
	}
	s := stdout.String()
	for _, want := range []string{
		"Women in Science Edit-a-thon",
		"new (registered from 14 days before the start)  36",
		"experienced                                     17",
		"account not found                             1  Vanished Nomad",
		"bot                                           1  CiteFixBot",
		"facilitator                                   1  Librarian Lucy",
		"Retention 7 days, new            25.0 %   9 of 36, 95% CI 13.8 %–41.1 %",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
	for _, f := range []string{"report.html", "metrics.csv", "participants.csv", "contributions.csv", "accounts.csv", "monthly.csv", "namespaces.csv", "retention.png"} {
		if st, err := os.Stat(filepath.Join(out, f)); err != nil || st.Size() == 0 {
			t.Errorf("%s not written: %v", f, err)
		}
	}
	// Pseudonymised outputs hold no username.
	pout := t.TempDir()
	if err := run([]string{"-out", pout, "-cache", cache, "-pseudonymize"}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"report.html", "participants.csv", "contributions.csv", "accounts.csv"} {
		b, _ := os.ReadFile(filepath.Join(pout, f))
		for _, name := range []string{"Vanished Nomad", "Jane doe (WMUK)", "Librarian Lucy", "Ada Okafor"} {
			if bytes.Contains(b, []byte(name)) {
				t.Errorf("%s leaks %q", f, name)
			}
		}
	}
}

func TestWorkshopBadFlags(t *testing.T) {
	for args, want := range map[string]string{
		"-api en.wikipedia.org":                                                 "want DOMAIN=URL",
		"-asof 2021-13-01":                                                      "-asof \"2021-13-01\": want YYYY-MM-DD",
		"-course https://example.org/x/y":                                       "host \"example.org\" is not a Dashboard",
		"-course https://outreachdashboard.wmflabs.org/courses/A/B":             "no contact: live runs need your email address or user page URL, sent in the User-Agent Wikimedia requires (https://foundation.wikimedia.org/wiki/Policy:Wikimedia_Foundation_User-Agent_Policy) (set -contact)",
		"-contact me -course https://outreachdashboard.wmflabs.org/courses/A/B": "contact \"me\": not an email address or a URL; live runs need your email address",
		"-max-contributions 0":                                                  "-max-contributions 0: must be at least 1",
		"-asof 2030-01-01":                                                      "as-of 2030-01-01T00:00:00Z is in the future",
		"-asof 2025-06-01":                                                      "as-of 2025-06-01T00:00:00Z is after 2025-01-01T00:00:00Z, when the sample's data ends: the time since would count as time nobody edited; set it to 2025-01-01T00:00:00Z or earlier (set -asof)",
	} {
		err := run(append(strings.Fields(args), "-out", t.TempDir(), "-cache", ""), io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v; want %q", args, err, want)
		}
	}
}

// A participant above -max-contributions is left out as data incomplete,
// named in the banner; the run ends with the partial-data status.
func TestWorkshopContributionCap(t *testing.T) {
	var stdout bytes.Buffer
	err := run([]string{"-out", t.TempDir(), "-cache", "", "-max-contributions", "1000"}, &stdout, io.Discard)
	if !errors.Is(err, errPartial) {
		t.Fatalf("error %v; want partial data", err)
	}
	if s := stdout.String(); !strings.Contains(s, "participants left out: their contributions on ") || !strings.Contains(s, "could not be fetched (more than 1000 contributions, the cap)") {
		t.Errorf("summary lacks the cap's banner:\n%s", s)
	}
}

// The usage text documents the exit statuses.
func TestWorkshopUsage(t *testing.T) {
	var stderr bytes.Buffer
	if err := run([]string{"-h"}, io.Discard, &stderr); !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("error %v; want flag.ErrHelp", err)
	}
	for _, want := range []string{"Exit status:", "  3  some participants' data could not be fetched", "  1  any other failure", "-max-contributions int"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("usage lacks %q:\n%s", want, stderr.String())
		}
	}
}
