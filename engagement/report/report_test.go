package report_test

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/chart"
	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/report"
)

func sample(t *testing.T) (*engagement.Data, *metrics.Result) {
	a, err := sampleAnalysis()
	if err != nil {
		t.Fatal(err)
	}
	return a.Data, a.Result
}

func TestReport(t *testing.T) {
	_, r := sample(t)
	p, err := chart.RetentionCurve(r.Rows)
	if err != nil {
		t.Fatal(err)
	}
	svg, _ := chart.Render(p, chart.Width, chart.Height, "svg")
	var b bytes.Buffer
	err = report.WriteHTML(&b, report.Input{Title: "Women in Science", CourseURL: "https://outreachdashboard.wmflabs.org/courses/A/B", Result: r, Version: "test",
		Figures: []report.Figure{{Title: "Retention", Caption: "by segment", SVG: svg}}, Failures: []string{"X on en.wikipedia.org: HTTP 503"}})
	if err != nil {
		t.Fatal(err)
	}
	html := b.String()
	for _, id := range []string{"event", "headline", "reconciliation", "charts", "top-pages", "appendix", "data-notes"} {
		if !strings.Contains(html, `<section id="`+id+`">`) {
			t.Errorf("section %s missing", id)
		}
	}
	for _, id := range []string{"metrics", "exclusions", "participants", "monthly", "definitions"} {
		if !strings.Contains(html, `<details id="`+id+`">`) {
			t.Errorf("collapsed table %s missing", id)
		}
	}
	// Nothing is loaded from the network: no src= other than data URIs, no
	// stylesheet links, no url(…) or @import in CSS. A plain link to the
	// course is allowed.
	loads := regexp.MustCompile(`(?i)(\bsrc\s*=\s*"(?:[^d]|d[^a])|<link\b|url\(|@import)`)
	if m := loads.FindString(html); m != "" {
		t.Errorf("external load in the report: %q", m)
	}
	for _, want := range []string{"25.0 %", "9 of 36, 95% CI 13.8 %–41.1 %", "account not found", "Vanished Nomad", "X on en.wikipedia.org: HTTP 503", "engagement test"} {
		if !strings.Contains(html, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	// Every metric has a definition.
	for _, row := range r.Rows {
		if _, ok := report.Define(row.Metric); !ok {
			t.Errorf("no definition for %s", row.Metric)
		}
	}
}

func TestPseudonyms(t *testing.T) {
	d, r := sample(t)
	ps := report.NewPseudonymizer([]byte("key"))
	again := report.NewPseudonymizer([]byte("key"))
	if ps.Name("Jane doe (WMUK)") != again.Name("Jane doe (WMUK)") || ps.Name("A") == report.NewPseudonymizer([]byte("other")).Name("A") {
		t.Fatal("pseudonyms must be stable per key and differ across keys")
	}
	if got := ps.Title("User:Alice/sandbox"); got != "User:"+ps.Name("Alice")+"/sandbox" {
		t.Errorf("Title = %q", got)
	}
	var out bytes.Buffer
	pr := ps.Result(r)
	report.WriteHTML(&out, report.Input{Title: "x", Result: pr, Pseudonyms: true})
	dataset.WriteParticipants(&out, pr.Participants)
	dataset.WriteContributionsTable(&out, ps.Table(d.Contributions))
	dataset.WriteAccounts(&out, ps.Accounts(d.Accounts))
	text := out.String()
	for _, p := range r.Participants {
		for _, form := range []string{p.Username, strings.ReplaceAll(p.Username, " ", "_")} {
			if strings.Contains(text, form) {
				t.Errorf("%q leaks into pseudonymised output", form)
			}
		}
	}
	if r.Participants[0].Username == pr.Participants[0].Username {
		t.Error("the original result was changed or not pseudonymised")
	}
}

// User pages in any language and titles holding a participant's name are
// rewritten; pseudonyms carry 64 bits.
func TestPseudonymTitles(t *testing.T) {
	ps := report.NewPseudonymizer([]byte("key"))
	ps.Learn("Jane doe", "Ada Okafor")
	jane, ada := ps.Name("Jane doe"), ps.Name("Ada Okafor")
	if len(jane) != len("Participant ")+16 {
		t.Errorf("pseudonym %q: want 16 hex digits", jane)
	}
	for _, tt := range []struct {
		ns          int
		title, want string
	}{
		{2, "Benutzer:Jane doe/Spielwiese", "Benutzer:" + jane + "/Spielwiese"},
		{3, "Discussion utilisateur:Ada Okafor", "Discussion utilisateur:" + ada},
		{6, "File:Jane_doe at the library.jpg", "File:" + jane + " at the library.jpg"},
		{0, "Notes by ada Okafor", "Notes by " + ada},
		{0, "Ada Lovelace", "Ada Lovelace"},
		{2, "User:Someone/Jane doe draft", "User:" + ps.Name("Someone") + "/" + jane + " draft"},
	} {
		if got := ps.TitleIn(tt.ns, tt.title); got != tt.want {
			t.Errorf("TitleIn(%d, %q) = %q, want %q", tt.ns, tt.title, got, tt.want)
		}
	}
}

// sampleAnalysis opens the embedded sample with opts and analyses it with
// the session's parameters.
func sampleAnalysis(opts ...engagement.Option) (*engagement.Analysis, error) {
	s, err := engagement.Open(context.Background(), engagement.Sample, opts...)
	if err != nil {
		return nil, err
	}
	return s.Analysis()
}
