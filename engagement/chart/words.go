package chart

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/go-gota/gota/dataframe"
)

// columnWords names the frames' columns in words for titles and axes; a
// column not listed reads with its underscores as spaces.
var columnWords = map[string]string{
	"edits_before": "edits before the event", "edits_during": "edits during the event", "edits_after": "edits after the event",
	"days_to_return": "days until the first edit after the event", "size_diff": "size change (bytes)",
	"bytes_added": "bytes added", "pages_created": "pages created", "editing_participants": "participants editing",
	"active_editors": "active editors", "retained_editors": "editors retained from the month before",
	"ns": "namespace", "rev_id": "revision", "page_id": "page", "long_term": "long-term editor",
}

// words names a column in words.
func words(column string) string {
	if w, ok := columnWords[column]; ok {
		return w
	}
	return strings.ReplaceAll(column, "_", " ")
}

// rowNoun says what a row of df is, from its columns: an edit (a
// contributions frame), a participant, or a row.
func rowNoun(df dataframe.DataFrame) string {
	has := map[string]bool{}
	for _, n := range df.Names() {
		has[n] = true
	}
	switch {
	case has["rev_id"]:
		return "edits"
	case has["username"] && has["segment"]:
		return "participants"
	}
	return "rows"
}

// canonicalNamespaces are MediaWiki's canonical English namespace names,
// with those of the extensions Wikimedia wikis run.
var canonicalNamespaces = map[int]string{
	-2: "Media", -1: "Special", 0: "(Main)", 1: "Talk", 2: "User", 3: "User talk", 4: "Project", 5: "Project talk",
	6: "File", 7: "File talk", 8: "MediaWiki", 9: "MediaWiki talk", 10: "Template", 11: "Template talk",
	12: "Help", 13: "Help talk", 14: "Category", 15: "Category talk", 100: "Portal", 101: "Portal talk",
	118: "Draft", 119: "Draft talk", 120: "Property", 121: "Property talk", 146: "Lexeme", 147: "Lexeme talk",
	710: "TimedText", 711: "TimedText talk", 828: "Module", 829: "Module talk",
}

// CanonicalNamespace is MediaWiki's canonical English name of a namespace
// ("(Main)" for 0, "User talk" for 3), or "namespace N" for one it does not
// know.
func CanonicalNamespace(ns int) string {
	if n, ok := canonicalNamespaces[ns]; ok {
		return n
	}
	return fmt.Sprintf("namespace %d", ns)
}

// namespaceName names namespace ns of a wiki with name when it knows it
// (a name of the form "ns N" is a fallback, not a name), canonically
// otherwise.
func namespaceName(name func(wiki string, ns int) string, wiki string, ns int) string {
	if name != nil {
		if n := name(wiki, ns); n != "" && n != fmt.Sprintf("ns %d", ns) {
			return n
		}
	}
	return CanonicalNamespace(ns)
}

// namespaceValues orders the values of a column of namespace numbers
// numerically and names each: with the wiki of its rows' column "wiki"
// when they agree on a name, canonically otherwise. ok is false when a
// value is not a whole number.
func namespaceValues(df dataframe.DataFrame, values []string, o options) (ordered []string, names map[string]string, ok bool) {
	var wikis []string
	for _, n := range df.Names() {
		if n == "wiki" {
			wikis = df.Col("wiki").Records()
		}
	}
	names = map[string]string{}
	conflict := map[string]bool{}
	num := map[string]int{}
	for i, v := range values {
		ns, err := strconv.Atoi(v)
		if err != nil {
			return nil, nil, false
		}
		wiki := ""
		if i < len(wikis) {
			wiki = wikis[i]
		}
		n := namespaceName(o.nsName, wiki, ns)
		if prev, seen := names[v]; seen && prev != n {
			conflict[v] = true
		}
		names[v], num[v] = n, ns
	}
	for v := range conflict {
		names[v] = CanonicalNamespace(num[v])
	}
	ordered = distinct(values)
	sort.SliceStable(ordered, func(a, b int) bool { return num[ordered[a]] < num[ordered[b]] })
	return ordered, names, true
}
