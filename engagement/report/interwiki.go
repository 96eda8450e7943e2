package report

import (
	"regexp"
	"strings"
)

// sisterPrefixes are the interwiki prefixes of the Wikimedia projects by
// their domain's second part, as Meta-Wiki's interwiki map has them; a
// language's Wikipedia is its language code alone.
var sisterPrefixes = map[string]string{
	"wikipedia": "", "wiktionary": "wikt", "wikisource": "s", "wikiquote": "q", "wikibooks": "b",
	"wikinews": "n", "wikivoyage": "voy", "wikiversity": "v",
}

// languageCode is what a language subdomain of a Wikimedia project looks
// like (en, pt, zh-yue, be-tarask).
var languageCode = regexp.MustCompile(`^[a-z]{2,3}(-[a-z]+)*$`)

// Interwiki gives the interwiki prefix that links from Meta-Wiki to a wiki
// ("en" for en.wikipedia.org, "d" for www.wikidata.org, "c" for
// commons.wikimedia.org, "wikt:fr" for fr.wiktionary.org) and false for a
// wiki it does not know.
func Interwiki(domain string) (string, bool) {
	switch domain {
	case "www.wikidata.org", "wikidata.org":
		return "d", true
	case "commons.wikimedia.org":
		return "c", true
	case "meta.wikimedia.org":
		return "m", true
	case "species.wikimedia.org":
		return "species", true
	case "www.mediawiki.org":
		return "mw", true
	}
	parts := strings.Split(domain, ".")
	if len(parts) != 3 || parts[2] != "org" || !languageCode.MatchString(parts[0]) {
		return "", false
	}
	project, ok := sisterPrefixes[parts[1]]
	switch {
	case !ok:
		return "", false
	case project == "":
		return parts[0], true
	}
	return project + ":" + parts[0], true
}

// PageLink gives the wikitext of a link from Meta-Wiki to a page of a
// wiki, showing its title: [[:en:Ada Lovelace|Ada Lovelace]],
// [[:d:Q42|Q42]], [[:c:File:Sunset.jpg|File:Sunset.jpg]]. A page of a wiki
// without a known prefix, or whose title cannot be a link target, is its
// title as text.
func PageLink(domain, title string) string {
	prefix, ok := Interwiki(domain)
	if !ok || title == "" || strings.ContainsAny(title, "[]{}|<>\n") || strings.Contains(title, "~~~") {
		return plainText(title)
	}
	return "[[:" + prefix + ":" + title + "|" + plainText(title) + "]]"
}
