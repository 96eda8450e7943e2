package engagement_test

import (
	"context"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/i18n"
)

// notebookOutputs is what the workshop notebook shows first, from the
// sample in a language: the event, the fetch and the page views.
func notebookOutputs(t *testing.T, lang string) string {
	t.Helper()
	s, err := engagement.Open(context.Background(), engagement.Sample, engagement.WithLanguage(lang))
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Analysis()
	if err != nil {
		t.Fatal(err)
	}
	h := a.Headline()
	table := strings.Join(h.Col("measure").Records(), "\n") + "\n" + strings.Join(h.Col("detail").Records(), "\n")
	return s.EventSummary() + "\n" + a.FetchSummary() + "\n" + a.ViewsSummary() + "\n" + table
}

// englishPhrases are the words of en.json's notebook messages
// (engagement-nb-…) between their placeholders and PLURAL choices, of
// three words or more.
func englishPhrases(t *testing.T) []string {
	t.Helper()
	raw, err := os.ReadFile("i18n/en.json")
	if err != nil {
		t.Fatal(err)
	}
	var en map[string]any
	if err := json.Unmarshal(raw, &en); err != nil {
		t.Fatal(err)
	}
	markup := regexp.MustCompile(`\$\d+|\{\{PLURAL:[^}]*\}\}|[*()⚠:;.,]`)
	var out []string
	for key, v := range en {
		if !strings.HasPrefix(key, "engagement-nb-") {
			continue
		}
		for _, p := range markup.Split(v.(string), -1) {
			if p = strings.TrimSpace(p); len(strings.Fields(p)) >= 3 {
				out = append(out, p)
			}
		}
	}
	return out
}

// In Spanish, French and Portuguese the notebook's first outputs carry
// none of the English sentences, and write numbers and dates as the
// language does; in English they carry every phrase the sample uses.
func TestNotebookOutputsInLanguage(t *testing.T) {
	phrases := englishPhrases(t)
	if len(phrases) < 10 {
		t.Fatalf("only %d English phrases: %q", len(phrases), phrases)
	}
	_, enAnalysis := openSample(t)
	englishHeadline := enAnalysis.Headline()
	en := notebookOutputs(t, "en")
	for _, want := range []string{"\nParticipants\nNew editors\nEdits during the event\n", "Retention 7 days, experienced", "9 of 36, 95% CI 13.8 %–41.1 %", "Dashboard totals", "contributions of 55 accounts", "so its edits are not counted", "**205,954 views** from 2021-03-05"} {
		if !strings.Contains(en, want) {
			t.Errorf("English lacks %q:\n%s", want, en)
		}
	}
	for lang, want := range map[string][]string{
		// Spanish groups digits from five on (CLDR's minimum grouping digits)
		"es": {"Retención a 30 días, nuevos", "9 de 36, IC 95\u00a0% 13,8\u00a0%–41,1\u00a0%", "5991 contribuciones de 55 cuentas", "**205.954 visitas** del 5 de marzo de 2021", "5 mar 2021, 00:00 UTC", "1229,5 kB"},
		"fr": {"Rétention à 30 jours, nouveaux", "9 sur 36, IC à 95\u202f% 13,8\u202f%–41,1\u202f%", "5\u202f991 contributions de 55 comptes", "**205\u202f954 vues** du 5 mars 2021", "5 mars 2021 à 00:00 UTC", "1\u202f229,5\u00a0ko"},
		"pt": {"Retenção em 30 dias, novos", "9 de 36, IC 95% 13,8%–41,1%", "5.991 contribuições de 55 contas", "**205.954 visualizações** de 5 de março de 2021", "5 mar. 2021, 00:00 UTC", "1.229,5 kB"},
	} {
		got := notebookOutputs(t, lang)
		for _, label := range englishHeadline.Col("measure").Records() {
			if lang == "fr" && label == "Participants" { // the same word in French
				continue
			}
			if strings.Contains(got, "\n"+label+"\n") {
				t.Errorf("%s: the English headline %q is left:\n%s", lang, label, got)
			}
		}
		for _, p := range phrases {
			if strings.Contains(got, p) {
				t.Errorf("%s: the English %q is left:\n%s", lang, p, got)
			}
		}
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: no %q in:\n%s", lang, w, got)
			}
		}
		l, err := i18n.New(lang)
		if err != nil {
			t.Fatal(err)
		}
		if m := l.Missing(); len(m) > 0 {
			t.Errorf("%s: keys missing: %v", lang, m)
		}
	}
}
