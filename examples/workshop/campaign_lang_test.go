package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// runSampleStdout runs the program with args into a fresh folder, no
// cache, and returns the folder and what it printed.
func runSampleStdout(t *testing.T, args ...string) (string, string) {
	t.Helper()
	out := t.TempDir()
	var stdout bytes.Buffer
	if err := run(append([]string{"-out", out, "-cache", ""}, args...), &stdout, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	return out, strings.ReplaceAll(stdout.String(), out+string(filepath.Separator), "OUT/")
}

// summaryWords are English words of the program's summary too short to be
// found as phrases of the messages (Fetched, Headline): each must be gone
// from a translated summary.
var summaryWords = []string{"Fetched ", "Headline", "Participants by segment", "Dashboard totals", "As of ", "Wrote:", " requests", "cache hits",
	"waited", "left out", "experienced", "Campaign ", "combined:", "returning participants", "also elsewhere", " of 36", " events\n", "took part"}

// TestCampaignAndSummaryInEachLanguage runs the sample campaign and the
// sample event with -lang es, fr and pt: the campaign's report.html and
// report.wikitext carry the page language and none of the English phrases
// they translate, the program's summaries none of theirs, and numbers and
// dates are written as the language writes them. Usernames and titles
// stay as they are.
func TestCampaignAndSummaryInEachLanguage(t *testing.T) {
	enDir, enCampaign := runSampleStdout(t, "-lang", "en", "-campaign", "sample")
	_, enEvent := runSampleStdout(t, "-lang", "en")
	english, englishWiki := visibleText(readOut(t, enDir, "report.html")), readOut(t, enDir, "report.wikitext")
	for _, c := range []struct {
		lang        string
		report      []string // in the campaign's report.html and report.wikitext
		html, event []string // in report.html only; in the event's summary
	}{
		{"es", []string{"5 de marzo de 2021 – 7 de marzo de 2021", "25,0\u00a0%", "9 de 36", "205.954 visitas del 5 de marzo de 2021 al 31 de diciembre de 2024", "== Sample Library 2021: resultados =="},
			[]string{"Cómo leer un porcentaje", "Priya Okafor participó en Women in Science Edit-a-thon y facilitó Wikidata Workshop"},
			[]string{"5991 contribuciones", "Bytes añadidos", "502.063", "5 de marzo de 2021, 00:00 UTC – 7 de marzo de 2021, 23:59 UTC en en.wikipedia.org", "1229,5 kB"}},
		{"fr", []string{"5 mars 2021 – 7 mars 2021", "25,0\u202f%", "9 sur 36", "205\u202f954 vues du 5 mars 2021 au 31 décembre 2024", "== Sample Library 2021\u00a0: résultats =="},
			[]string{"Lire un pourcentage", "Priya Okafor a participé à Women in Science Edit-a-thon et a animé Wikidata Workshop"},
			[]string{"5\u202f991 contributions récupérées", "Octets ajoutés", "502\u202f063", "5 mars 2021"}},
		{"pt", []string{"5 de março de 2021 – 7 de março de 2021", "25,0%", "9 de 36", "205.954 visualizações de 5 de março de 2021 a 31 de dezembro de 2024", "== Sample Library 2021: resultados =="},
			[]string{"Como ler uma porcentagem", "Priya Okafor participou de Women in Science Edit-a-thon e facilitou Wikidata Workshop"},
			[]string{"5.991 contribuições obtidas", "Bytes adicionados", "502.063", "5 de março de 2021"}},
	} {
		t.Run(c.lang, func(t *testing.T) {
			dir, campaign := runSampleStdout(t, "-lang", c.lang, "-campaign", "sample")
			page := readOut(t, dir, "report.html")
			if want := `<html lang="` + c.lang + `" dir="ltr">`; !strings.Contains(page, want) {
				t.Errorf("the campaign's report.html lacks %s", want)
			}
			text, wiki := visibleText(page), readOut(t, dir, "report.wikitext")
			checkTranslated(t, c.lang, "the campaign's ", [2]string{english, text}, [2]string{englishWiki, wiki}, c.report)
			for _, w := range c.html {
				if !strings.Contains(text, w) {
					t.Errorf("the campaign's report.html lacks %q", w)
				}
			}
			_, event := runSampleStdout(t, "-lang", c.lang)
			checkSummary(t, c.lang, "campaign", enCampaign, campaign, []string{"Priya Okafor", "Women in Science Edit-a-thon", "Kiri Okafor"})
			checkSummary(t, c.lang, "event", enEvent, event, append([]string{"Librarian Lucy", "CiteFixBot", "en.wikipedia.org"}, c.event...))
		})
	}
}

// checkSummary checks a translated summary: none of the English phrases of
// the messages the English summary shows, none of summaryWords, and each
// of want (data and numbers as the language writes them).
func checkSummary(t *testing.T, lang, what, english, translated string, want []string) {
	t.Helper()
	for _, left := range englishLeft(t, lang, english, translated) {
		t.Errorf("the %s's summary still in English: %s", what, left)
	}
	for _, w := range summaryWords {
		if strings.Contains(english, w) && strings.Contains(translated, w) {
			t.Errorf("the %s's summary still says %q:\n%s", what, w, translated)
		}
	}
	for _, w := range want {
		if !strings.Contains(translated, w) {
			t.Errorf("the %s's summary lacks %q:\n%s", what, w, translated)
		}
	}
}
