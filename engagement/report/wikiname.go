package report

import (
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// projects names the Wikimedia projects by their domain's second part.
var projects = map[string]string{
	"wikipedia": "Wikipedia", "wiktionary": "Wiktionary", "wikisource": "Wikisource", "wikiquote": "Wikiquote",
	"wikibooks": "Wikibooks", "wikinews": "Wikinews", "wikivoyage": "Wikivoyage", "wikiversity": "Wikiversity",
}

// WikiName names a wiki for readers: "English Wikipedia" for
// en.wikipedia.org, "Wikidata", "Wikimedia Commons"; the domain itself when
// it is not a Wikimedia wiki it knows.
func WikiName(domain string) string {
	switch domain {
	case "www.wikidata.org":
		return "Wikidata"
	case "commons.wikimedia.org":
		return "Wikimedia Commons"
	case "meta.wikimedia.org":
		return "Meta-Wiki"
	case "species.wikimedia.org":
		return "Wikispecies"
	}
	parts := strings.Split(domain, ".")
	if len(parts) != 3 || parts[2] != "org" || projects[parts[1]] == "" {
		return domain
	}
	if parts[0] == "simple" {
		return "Simple English " + projects[parts[1]]
	}
	tag, err := language.Parse(parts[0])
	if err != nil {
		return domain
	}
	name := display.English.Languages().Name(tag)
	if name == "" {
		return domain
	}
	return name + " " + projects[parts[1]]
}
