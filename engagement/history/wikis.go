package history

import (
	"fmt"
	"strings"
)

// families maps a domain's project to the suffix of its wiki_db.
var families = map[string]string{
	"wikipedia.org": "wiki", "wiktionary.org": "wiktionary", "wikibooks.org": "wikibooks",
	"wikinews.org": "wikinews", "wikiquote.org": "wikiquote", "wikisource.org": "wikisource",
	"wikiversity.org": "wikiversity", "wikivoyage.org": "wikivoyage",
}

// special are the wikis whose wiki_db does not follow language + family.
var special = map[string]string{
	"www.wikidata.org": "wikidatawiki", "commons.wikimedia.org": "commonswiki", "meta.wikimedia.org": "metawiki",
	"species.wikimedia.org": "specieswiki", "www.mediawiki.org": "mediawikiwiki", "incubator.wikimedia.org": "incubatorwiki",
	"outreach.wikimedia.org": "outreachwiki", "wikisource.org": "sourceswiki", "www.wikifunctions.org": "wikifunctionswiki",
}

// WikiDB returns the mediawiki_history wiki_db of a wiki domain:
// en.wikipedia.org is enwiki, zh-min-nan.wikipedia.org zh_min_nanwiki,
// fr.wiktionary.org frwiktionary, www.wikidata.org wikidatawiki.
func WikiDB(domain string) (string, error) {
	d := strings.ToLower(domain)
	if db, ok := special[d]; ok {
		return db, nil
	}
	lang, family, ok := strings.Cut(d, ".")
	if suffix, known := families[family]; ok && known && lang != "" && lang != "www" {
		return strings.ReplaceAll(lang, "-", "_") + suffix, nil
	}
	return "", fmt.Errorf("wiki %q: no mediawiki_history wiki_db is known for it (Wikimedia wikis only, e.g. en.wikipedia.org is enwiki)", domain)
}

// namespaceNames are the canonical (English) names of the namespaces every
// wiki has; 4 and 5 are named after the project (projectName). The dumps
// carry titles without their namespace prefix and no namespace names: the
// titles written to contributions.csv use these names, which are the local
// ones on English-language wikis (elsewhere MediaWiki accepts them too).
var namespaceNames = map[int]string{
	1: "Talk", 2: "User", 3: "User talk", 6: "File", 7: "File talk", 8: "MediaWiki", 9: "MediaWiki talk",
	10: "Template", 11: "Template talk", 12: "Help", 13: "Help talk", 14: "Category", 15: "Category talk",
	100: "Portal", 101: "Portal talk", 118: "Draft", 119: "Draft talk", 120: "Property", 121: "Property talk",
	146: "Lexeme", 147: "Lexeme talk", 828: "Module", 829: "Module talk",
}

// projectName is the name of namespace 4 on a wiki (its project).
func projectName(domain string) string {
	switch d := strings.ToLower(domain); {
	case d == "www.wikidata.org":
		return "Wikidata"
	case d == "commons.wikimedia.org":
		return "Commons"
	case d == "meta.wikimedia.org":
		return "Meta"
	default:
		_, family, _ := strings.Cut(d, ".")
		name, _, _ := strings.Cut(family, ".")
		if name == "" {
			return "Project"
		}
		return strings.ToUpper(name[:1]) + name[1:]
	}
}

// NamespaceName returns the name of namespace ns on a wiki ("" for 0,
// "ns 123" for one this package does not know).
func NamespaceName(domain string, ns int) string {
	switch ns {
	case 0:
		return ""
	case 4:
		return projectName(domain)
	case 5:
		return projectName(domain) + " talk"
	}
	if n, ok := namespaceNames[ns]; ok {
		return n
	}
	return fmt.Sprintf("ns %d", ns)
}

// FullTitle returns a page's title as the API gives it: the namespace
// prefix, then the dump's title with underscores as spaces.
func FullTitle(domain string, ns int, title string) string {
	t := strings.ReplaceAll(title, "_", " ")
	if ns == 0 {
		return t
	}
	return NamespaceName(domain, ns) + ":" + t
}
