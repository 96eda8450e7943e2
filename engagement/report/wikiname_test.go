package report

import "testing"

func TestWikiName(t *testing.T) {
	for domain, want := range map[string]string{
		"en.wikipedia.org":         "English Wikipedia",
		"de.wikipedia.org":         "German Wikipedia",
		"fr.wiktionary.org":        "French Wiktionary",
		"simple.wikipedia.org":     "Simple English Wikipedia",
		"www.wikidata.org":         "Wikidata",
		"commons.wikimedia.org":    "Wikimedia Commons",
		"zh-min-nan.wikipedia.org": "Min Nan Chinese Wikipedia",
		"x1.wikipedia.org":         "x1.wikipedia.org", // not a language code: the domain
		"wiki.example.org":         "wiki.example.org",
		"127.0.0.1:8080":           "127.0.0.1:8080",
	} {
		if got := WikiName(domain); got != want {
			t.Errorf("WikiName(%q) = %q, want %q", domain, got, want)
		}
	}
}
