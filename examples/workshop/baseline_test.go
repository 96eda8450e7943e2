package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"example.com/engagement/engagement/sample"
)

// -baseline on the sample adds the rows of segment baseline (worked out by
// hand from sample.Newcomers) to metrics.csv, says the comparison, and a
// re-analysis with -from reproduces them from baseline.json; pseudonymised,
// no newcomer's name is written anywhere.
func TestWorkshopBaseline(t *testing.T) {
	out, cache := t.TempDir(), t.TempDir()
	var stdout bytes.Buffer
	if err := run([]string{"-out", out, "-cache", cache, "-baseline"}, &stdout, io.Discard); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Comparable newcomers on English Wikipedia: all 6 qualifying newcomers (9 requests, 3 cache hits", // siteinfo came with the participants,
		"after 30 days less often than (28% as often as) comparable newcomers on English Wikipedia (5 of 36, 14%, against 3 of 6, 50%; difference -36 points, 95% interval -68 to -2)",
	} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout.String())
		}
	}
	metrics, err := os.ReadFile(filepath.Join(out, "metrics.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"\nparticipants,baseline,6,,,,,all 6 qualifying newcomers\n",
		"\nretention_30d,baseline,0.5,3,6,",
		"\nsurviving_new_editors,baseline,0.5,3,6,",
		"\nactive_m2,baseline,0.3333333333333333,2,6,",
	} {
		if !strings.Contains(string(metrics), want) {
			t.Errorf("metrics.csv lacks %q", want)
		}
	}
	report, _ := os.ReadFile(filepath.Join(out, "report.html"))
	if !strings.Contains(string(report), `<section id="baseline">`) || !strings.Contains(string(report), "What this does not show") {
		t.Error("report.html has no baseline section")
	}
	wikitext, _ := os.ReadFile(filepath.Join(out, "report.wikitext"))
	if !strings.Contains(string(wikitext), "=== Compared with newcomers who did not come ===") || !strings.Contains(string(wikitext), "| 50.0 % (3 of 6, 95% CI") {
		t.Error("report.wikitext has no baseline section with the newcomers' 3 of 6")
	}
	if _, err := os.Stat(filepath.Join(out, "baseline.png")); err != nil {
		t.Error("no baseline chart:", err)
	}
	again := t.TempDir()
	stdout.Reset()
	if err := run([]string{"-out", again, "-cache", t.TempDir(), "-baseline", "-from", out}, &stdout, io.Discard); err != nil {
		t.Fatal(err)
	}
	m2, _ := os.ReadFile(filepath.Join(again, "metrics.csv"))
	if !bytes.Equal(metrics, m2) {
		t.Error("re-analysis with -from -baseline changed metrics.csv")
	}
	pout := t.TempDir()
	if err := run([]string{"-out", pout, "-cache", cache, "-baseline", "-pseudonymize"}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(pout)
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(pout, e.Name()))
		for _, n := range sample.Newcomers() {
			if bytes.Contains(b, []byte(n.Name)) {
				t.Errorf("%s leaks %q", e.Name(), n.Name)
			}
		}
	}
}
