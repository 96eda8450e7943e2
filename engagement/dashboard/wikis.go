package dashboard

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Projects returns the Wikimedia project families a course wiki may be on: the
// domain of a wiki is {language}.{project}.org, so any other project would
// send the participants' usernames to a host that is not Wikimedia's.
// "wikimedia" holds commons, meta, species, incubator, outreach and the
// chapters' wikis; mediawiki and wikifunctions are www.mediawiki.org and
// www.wikifunctions.org.
func Projects() []string { return slices.Clone(projects) }

var projects = []string{"wikipedia", "wiktionary", "wikibooks", "wikinews", "wikiquote", "wikisource", "wikiversity", "wikivoyage", "wikidata", "wikimedia", "mediawiki", "wikifunctions"}

// multilingual are the projects whose main wiki has no language: the
// Dashboard writes language null for them.
var multilingual = []string{"wikidata", "wikisource", "mediawiki", "wikifunctions"}

// languageCode is MediaWiki's syntax of a language code
// (Language::isValidBuiltInCode: [a-z0-9-]{2,}), kept to one host name
// label: at most 63 characters, not starting or ending with a hyphen.
var languageCode = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$`)

// CheckWiki returns an error when w is not a Wikimedia wiki: the project is
// not one of Projects(), the language does not have MediaWiki's language code
// syntax, or it is empty for a project that has one wiki per language.
func CheckWiki(w Wiki) error {
	if !slices.Contains(projects, w.Project) {
		return fmt.Errorf("project %q is not a Wikimedia project (%s)", w.Project, strings.Join(projects, ", "))
	}
	switch {
	case w.Language == "" && !slices.Contains(multilingual, w.Project):
		return fmt.Errorf("project %q needs a language (such as \"en\"; for %s, \"commons\" or \"meta\")", w.Project, "wikimedia")
	case w.Language != "" && !languageCode.MatchString(w.Language):
		return fmt.Errorf("language %q is not a MediaWiki language code (lowercase letters, digits and hyphens, such as \"en\" or \"zh-min-nan\")", w.Language)
	}
	return nil
}

// checkCourseWikis checks the home wiki and every course wiki with
// CheckWiki, naming the file, line, field and value.
func checkCourseWikis(name string, doc []byte, c Course) error {
	check := func(path string, w Wiki) error {
		err := CheckWiki(w)
		if err == nil {
			return nil
		}
		field := path + ".project"
		if slices.Contains(projects, w.Project) {
			field = path + ".language"
		}
		return fmt.Errorf("%s: %s: field %q: %v; a course wiki must be a Wikimedia wiki, since the participants' usernames are sent to it", name, at(doc, field), field, err)
	}
	if c.HomeWiki.Project != "" || c.HomeWiki.Language != "" {
		if err := check("course.home_wiki", c.HomeWiki); err != nil {
			return err
		}
	}
	for i, w := range c.Wikis {
		if err := check(fmt.Sprintf("course.wikis[%d]", i), w); err != nil {
			return err
		}
	}
	return nil
}
