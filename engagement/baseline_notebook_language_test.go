package engagement

import (
	"context"
	"strings"
	"testing"

	"example.com/engagement/engagement/report"
	"example.com/engagement/engagement/study"
)

// The baseline's notebook output in Spanish, French and Portuguese: the
// sentence and who the newcomers are in the language, and a re-analysed
// folder without a baseline says so in the language, naming the folder
// and the file; English reads as the notebooks have always shown it.
func TestBaselineNotebookInLanguage(t *testing.T) {
	ctx := context.Background()
	english := []string{"Comparable newcomers on ", "No baseline: ", "It is written by a run that fetched one"}
	for lang, want := range map[string][]string{
		"en": {"Comparable newcomers on English Wikipedia: ", "No baseline: %s holds no baseline.json. It is written by a run that fetched one (the example program's -baseline, or this cell with From = \"\")."},
		"es": {"Recién llegados comparables en ", "Sin recién llegados comparables: %s no contiene baseline.json."},
		"fr": {"Nouveaux venus comparables sur ", "Pas de nouveaux venus comparables\u00a0: %s ne contient pas de baseline.json."},
		"pt": {"Recém-chegados comparáveis em ", "Sem recém-chegados comparáveis: %s não contém baseline.json."},
	} {
		s, err := Open(ctx, Sample, WithCacheDir(t.TempDir()), WithLanguage(lang))
		if err != nil {
			t.Fatal(err)
		}
		a, err := s.AnalysisWithBaseline(0)
		if err != nil {
			t.Fatal(err)
		}
		rb := a.ReportBaseline()
		if rb == nil {
			t.Fatalf("%s: no baseline", lang)
		}
		empty := t.TempDir()
		if _, err := study.WriteOutputs(empty, a.Data, a.Result); err != nil {
			t.Fatal(err)
		}
		re, err := Open(ctx, Sample, WithDataFrom(empty), WithLanguage(lang))
		if err != nil {
			t.Fatal(err)
		}
		none, err := re.AnalysisWithBaseline(0)
		if err != nil {
			t.Fatal(err)
		}
		got := a.baselineMarkdown(rb) + "\n" + none.NoBaseline
		sentence := report.BaselineSentenceIn(reportLanguage(lang), rb)
		if !strings.HasPrefix(got, "**"+sentence+"**\n\n"+want[0]) || (lang != "en" && sentence == report.BaselineSentence(rb)) {
			t.Errorf("%s: not the sentence then who the newcomers are:\n%s", lang, got)
		}
		if w := strings.Replace(want[1], "%s", empty, 1); !strings.Contains(none.NoBaseline, w) {
			t.Errorf("%s: no %q in %q", lang, w, none.NoBaseline)
		}
		for _, p := range english {
			if lang != "en" && strings.Contains(got, p) {
				t.Errorf("%s: the English %q is left:\n%s", lang, p, got)
			}
		}
	}
}
