package main

import (
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"example.com/engagement/engagement/i18n"
)

var (
	reHidden = regexp.MustCompile(`(?s)<style>.*?</style>|<title>.*?</title>`)
	reTag    = regexp.MustCompile(`<[^>]*>`)
	reMarkup = regexp.MustCompile(`\{\{PLURAL:\$\d+\|[^{}]*\}\}|\$\d+`)
	reSpace  = regexp.MustCompile(`\s+`)
)

// visibleText is what a reader of the HTML sees: tags, the style sheet
// and the images' data left out, entities decoded, spaces collapsed.
func visibleText(page string) string {
	s := reTag.ReplaceAllString(reHidden.ReplaceAllString(page, " "), " ")
	return reSpace.ReplaceAllString(html.UnescapeString(s), " ")
}

// fragments are the runs of words of an English message between its
// placeholders and PLURAL choices, long enough to be a phrase (three words
// or more) rather than a name.
func fragments(msg string) []string {
	var out []string
	for _, f := range reMarkup.Split(msg, -1) {
		f = strings.Trim(reSpace.ReplaceAllString(f, " "), " .,:;()“”")
		if len(strings.Fields(f)) >= 3 {
			out = append(out, f)
		}
	}
	return out
}

// englishLeft lists the English phrases of the messages shown in
// english that are still in translated: each phrase of a key's English
// text that the translation of that key does not itself contain (proper
// names such as "Programs & Events Dashboard" stay), shown in the English
// output.
func englishLeft(t *testing.T, lang, english, translated string) []string {
	t.Helper()
	c, err := i18n.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	en, tr := c.File("en"), c.File(lang)
	var left []string
	for key, msg := range en.Messages {
		for _, f := range fragments(msg) {
			if strings.Contains(tr.Messages[key], f) || !strings.Contains(english, f) {
				continue
			}
			if strings.Contains(translated, f) {
				left = append(left, key+": "+f)
			}
		}
	}
	return left
}

func runSample(t *testing.T, args ...string) string {
	t.Helper()
	out := t.TempDir()
	if err := run(append([]string{"-out", out, "-cache", ""}, args...), io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	return out
}

func readOut(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestReportInEachLanguage runs the sample with -lang es, fr and pt: the
// report carries the page language and none of the English phrases it
// translates, and its numbers are written as the language writes them.
func TestReportInEachLanguage(t *testing.T) {
	enDir := runSample(t, "-lang", "en")
	enHTML := readOut(t, enDir, "report.html")
	if !strings.Contains(enHTML, `<html lang="en" dir="ltr">`) {
		t.Errorf("English report: no <html lang=\"en\" dir=\"ltr\">")
	}
	english := visibleText(enHTML)
	englishWiki := visibleText(readOut(t, enDir, "report.wikitext"))
	for _, c := range []struct {
		lang string
		want []string // numbers and dates of the sample, in the language
	}{
		{"es", []string{"13,9\u00a0%", "502.063 bytes", "5 de marzo de 2021", "IC 95\u00a0% 13,8\u00a0%–41,1\u00a0%", "== Women in Science Edit-a-thon: resultados =="}},
		{"fr", []string{"13,9\u202f%", "502\u202f063 octets", "5 mars 2021"}},
		{"pt", []string{"13,9%", "502.063 bytes", "5 de março de 2021"}},
	} {
		t.Run(c.lang, func(t *testing.T) {
			dir := runSample(t, "-lang", c.lang)
			page := readOut(t, dir, "report.html")
			if want := `<html lang="` + c.lang + `" dir="ltr">`; !strings.Contains(page, want) {
				t.Errorf("report.html lacks %s", want)
			}
			text := visibleText(page) // the figures' titles and captions too
			wiki := visibleText(readOut(t, dir, "report.wikitext"))
			checkTranslated(t, c.lang, "", [2]string{english, text}, [2]string{englishWiki, wiki}, c.want)
		})
	}
}

// checkTranslated checks the visible text of a translated report.html and
// report.wikitext, each given with the English one: none of the English
// phrases they translate, and each of want in both (a "==" heading in
// the wikitext only). what names the report in the errors ("" or "the
// campaign's ").
func checkTranslated(t *testing.T, lang, what string, page, wiki [2]string, want []string) {
	t.Helper()
	for _, left := range englishLeft(t, lang, page[0], page[1]) {
		t.Errorf("%sreport.html still in English: %s", what, left)
	}
	for _, left := range englishLeft(t, lang, wiki[0], wiki[1]) {
		t.Errorf("%sreport.wikitext still in English: %s", what, left)
	}
	for _, w := range want {
		if !strings.Contains(page[1], w) && !strings.HasPrefix(w, "==") {
			t.Errorf("%sreport.html lacks %q", what, w)
		}
		if !strings.Contains(wiki[1], w) {
			t.Errorf("%sreport.wikitext lacks %q", what, w)
		}
	}
}

func TestLanguageFromLANG(t *testing.T) {
	for locale, want := range map[string]string{
		"es_AR.UTF-8": "es", "fr_CH.UTF-8@euro": "fr", "pt_BR.UTF-8": "pt", "pt": "pt",
		"de_DE.UTF-8": "en", "C.UTF-8": "en", "POSIX": "en", "": "en", "en_GB.UTF-8": "en",
	} {
		if got := envLanguage(locale); got != want {
			t.Errorf("LANG=%q: -lang defaults to %q, want %q", locale, got, want)
		}
	}
}

func TestLangFlagRefusesMalformedCode(t *testing.T) {
	err := run([]string{"-lang", "es_ES!", "-out", t.TempDir(), "-cache", ""}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), `language "es_ES!"`) || !strings.Contains(err.Error(), "(set -lang)") {
		t.Fatalf("error %v; want one naming the code and -lang", err)
	}
}

// Every event shape of ../shared/events (or $ENGAGEMENT_EVENTS) in every
// language: the report and the wikitext keep none of the English phrases
// they translate, the charts left out for want of data included ("nobody
// edited during the event" on an event where nobody edited).
func TestEventShapesInEachLanguage(t *testing.T) {
	shapes := eventShapes(t)
	if len(shapes) == 0 {
		t.Skip("no event shapes beside the repository (../shared/events)")
	}
	want := map[string]map[string]string{ // shape → language → a phrase its report holds
		"nobody-edited": {"en": "nobody edited during the event", "es": "nadie editó durante el evento", "fr": "personne n’a modifié pendant l’événement", "pt": "ninguém editou durante o evento"},
	}
	for _, sh := range shapes {
		name, args := sh.name, sh.args
		t.Run(name, func(t *testing.T) {
			enDir := runSample(t, append(args, "-lang", "en")...)
			english := [2]string{visibleText(readOut(t, enDir, "report.html")), visibleText(readOut(t, enDir, "report.wikitext"))}
			if w := want[name]["en"]; w != "" && !strings.Contains(english[0], w) {
				t.Errorf("English report lacks %q", w)
			}
			for _, lang := range []string{"es", "fr", "pt"} {
				dir := runSample(t, append(args, "-lang", lang)...)
				page, wiki := visibleText(readOut(t, dir, "report.html")), visibleText(readOut(t, dir, "report.wikitext"))
				checkTranslated(t, lang, lang+": ", [2]string{english[0], page}, [2]string{english[1], wiki}, nil)
				if w := want[name][lang]; w != "" && !strings.Contains(page, w) {
					t.Errorf("%s: report.html lacks %q", lang, w)
				}
			}
		})
	}
}

// eventShape is an event of ../shared/events (or $ENGAGEMENT_EVENTS) and
// the flags that re-analyse it offline at its as-of.
type eventShape struct {
	name string
	args []string
}

// eventShapes lists the event shapes beside the repository.
func eventShapes(t *testing.T) []eventShape {
	t.Helper()
	events := os.Getenv("ENGAGEMENT_EVENTS")
	if events == "" {
		events = filepath.Join("..", "..", "..", "shared", "events")
	}
	asofs, _ := filepath.Glob(filepath.Join(events, "*", "asof.txt"))
	var out []eventShape
	for _, asof := range asofs {
		ev := filepath.Dir(asof)
		day, err := os.ReadFile(asof)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, eventShape{filepath.Base(ev), []string{"-course", filepath.Join(ev, "course"), "-from", ev, "-asof", strings.TrimSpace(string(day)), "-offline"}})
	}
	return out
}
