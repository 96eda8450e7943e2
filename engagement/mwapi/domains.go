package mwapi

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// families are the Wikimedia projects that have one wiki per language,
// {language}.{family}.org.
var families = []string{"wikipedia", "wiktionary", "wikibooks", "wikinews", "wikiquote", "wikisource", "wikiversity", "wikivoyage"}

// wikimediaWikis are the wikis of wikimedia.org the Dashboard can name
// ({name}.wikimedia.org).
var wikimediaWikis = []string{"commons", "meta", "species", "incubator", "outreach", "wikimania", "foundation", "wikitech", "test-commons"}

// singleWikis are the other wikis, one per project.
var singleWikis = []string{
	"www.wikidata.org", "wikidata.org", "test.wikidata.org",
	"www.mediawiki.org", "mediawiki.org",
	"www.wikifunctions.org", "wikifunctions.org",
	"wikisource.org", "www.wikisource.org",
}

// languageCode is a Wikimedia language code as it stands in a domain:
// "en", "simple", "zh-min-nan", "be-tarask", "test2".
var languageCode = regexp.MustCompile(`^[a-z][a-z0-9]{1,9}(-[a-z0-9]{1,9}){0,3}$`)

// DomainError reports a wiki domain this package will not send requests
// to.
type DomainError struct {
	Domain string
	Reason string
}

func (e *DomainError) Error() string {
	return fmt.Sprintf("wiki %q: %s; use a Wikimedia wiki such as en.wikipedia.org, www.wikidata.org or commons.wikimedia.org, or map the wiki to its api.php explicitly (-api DOMAIN=URL, WithEndpoint)", e.Domain, e.Reason)
}

// CheckWikiDomain accepts only the domains of Wikimedia wikis: a language
// code followed by wikipedia, wiktionary, wikibooks, wikinews, wikiquote,
// wikisource, wikiversity or wikivoyage (en.wikipedia.org, zh-min-nan.wiktionary.org),
// the wikis of wikimedia.org the Dashboard names (commons, meta, species,
// incubator, outreach, …) and the single wikis of their projects
// (www.wikidata.org, www.mediawiki.org, www.wikifunctions.org,
// wikisource.org). Anything else, such as a host and path planted in a
// course.json, is a *DomainError naming the domain: requests never go
// there unless the wiki is mapped to an endpoint (WithEndpoint).
func CheckWikiDomain(domain string) error {
	refuse := func(reason string) error { return &DomainError{Domain: domain, Reason: reason} }
	if domain == "" {
		return refuse("empty")
	}
	if strings.ContainsAny(domain, "/:@?#\\ ") || domain != strings.ToLower(domain) {
		return refuse("not a lower-case host name")
	}
	if slices.Contains(singleWikis, domain) {
		return nil
	}
	label, rest, ok := strings.Cut(domain, ".")
	if !ok {
		return refuse("not a Wikimedia wiki")
	}
	if rest == "wikimedia.org" {
		if slices.Contains(wikimediaWikis, label) {
			return nil
		}
		return refuse(fmt.Sprintf("not a known wiki of wikimedia.org (%s)", strings.Join(wikimediaWikis, ", ")))
	}
	family, ok := strings.CutSuffix(rest, ".org")
	if !ok || !slices.Contains(families, family) {
		return refuse("not a Wikimedia wiki")
	}
	if !languageCode.MatchString(label) {
		return refuse(fmt.Sprintf("%q is not a language code", label))
	}
	return nil
}
