package engagement_test

import (
	"context"
	"strings"
	"testing"

	"example.com/engagement/engagement"
)

// campaignInLanguage is the sample campaign's analysis with the session
// in a language.
func campaignInLanguage(t *testing.T, lang string) *engagement.CampaignAnalysis {
	t.Helper()
	cs, err := engagement.OpenCampaign(context.Background(), engagement.Sample, engagement.WithCacheDir(t.TempDir()), engagement.WithLanguage(lang))
	if err != nil {
		t.Fatal(err)
	}
	a, err := cs.Analysis()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// The campaign's summary in Spanish, French and Portuguese holds none of
// its English sentences and writes the events' dates as the language does;
// in English it reads as the notebooks have always shown it.
func TestCampaignSummaryInLanguage(t *testing.T) {
	english := []string{"each person fetched once per wiki", "contributions of", "Combined:", "counted once each, from their first event", " participants", "Mar 2021"}
	en := campaignInLanguage(t, "en").Summary()
	for _, p := range english {
		if !strings.Contains(en, p) {
			t.Errorf("English lacks %q:\n%s", p, en)
		}
	}
	if !strings.Contains(en, "5 Mar 2021 – 7 Mar 2021 · 53 participants") || !strings.Contains(en, "\n\nCombined: 52 people counted once each, from their first event: ") {
		t.Errorf("English summary changed:\n%s", en)
	}
	for lang, want := range map[string][]string{
		"es": {"5 mar 2021 – 7 mar 2021 · 53 participantes", "cada persona descargada una vez por wiki", "En conjunto: 52 personas contadas una sola vez"},
		"fr": {"5 mars 2021 – 7 mars 2021 · 53 participants", "chaque personne récupérée une fois par wiki\u00a0:", "Ensemble\u00a0: 52 personnes comptées une seule fois", "en tant qu’animateur\u202f; Librarian Lucy"},
		"pt": {"5 mar. 2021 – 7 mar. 2021 · 53 participantes", "cada pessoa obtida uma vez por wiki", "No conjunto: 52 pessoas contadas uma única vez"},
	} {
		got := campaignInLanguage(t, lang).Summary()
		for _, p := range english {
			if p == " participants" && lang == "fr" { // the same word in French
				continue
			}
			if strings.Contains(got, p) {
				t.Errorf("%s: the English %q is left:\n%s", lang, p, got)
			}
		}
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: no %q in:\n%s", lang, w, got)
			}
		}
	}
}

// viewText is a frame's cells, one a line.
func viewText(df interface{ Records() [][]string }) string {
	var lines []string
	for _, rec := range df.Records()[1:] {
		lines = append(lines, strings.Join(rec, " | "))
	}
	return strings.Join(lines, "\n")
}

// The campaign's views keep their column names (those of the CSV files)
// and write their cells in the session's language: the dates, each share
// with "9 of 36" and its interval, why a share is empty, and the
// returning people's events.
func TestCampaignViewsInLanguage(t *testing.T) {
	en := campaignInLanguage(t, "en")
	enCmp := en.ComparisonView()
	english := []string{"Mar 2021", " of 36 ", "no new editors"}
	for _, want := range append(english, "5 Mar 2021 – 7 Mar 2021", "25.0 % · 9 of 36 · 13.8–41.1 %", "— (no new editors)", "Women in Science Edit-a-thon; Wikidata Workshop") {
		if got := viewText(enCmp) + "\n" + viewText(en.ReturningView()); !strings.Contains(got, want) {
			t.Errorf("English lacks %q:\n%s", want, got)
		}
	}
	for lang, want := range map[string][]string{
		"es": {"5 mar 2021 – 7 mar 2021", "25,0\u00a0% · 9 de 36 · 13,8–41,1\u00a0%", "— (ningún editor nuevo)", "Women in Science Edit-a-thon; Wikidata Workshop"},
		"fr": {"5 mars 2021 – 7 mars 2021", "25,0\u202f% · 9 sur 36 · 13,8–41,1\u202f%", "Women in Science Edit-a-thon\u202f; Wikidata Workshop"},
		"pt": {"5 mar. 2021 – 7 mar. 2021", "25,0% · 9 de 36 · 13,8–41,1%", "Women in Science Edit-a-thon; Wikidata Workshop"},
	} {
		a := campaignInLanguage(t, lang)
		cmp := a.ComparisonView()
		if got, want := strings.Join(cmp.Names(), "|"), strings.Join(enCmp.Names(), "|"); got != want {
			t.Errorf("%s: columns %s, want those of English %s", lang, got, want)
		}
		got := viewText(cmp) + "\n" + viewText(a.ReturningView())
		for _, p := range english {
			if strings.Contains(got, p) {
				t.Errorf("%s: the English %q is left:\n%s", lang, p, got)
			}
		}
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: no %q in:\n%s", lang, w, got)
			}
		}
	}
}
