package sample

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
)

// DBName returns the database name of a sample wiki, e.g. "enwiki".
func DBName(wiki string) string {
	switch wiki {
	case "www.wikidata.org":
		return "wikidatawiki"
	case "commons.wikimedia.org":
		return "commonswiki"
	}
	return strings.SplitN(wiki, ".", 2)[0] + "wiki"
}

// MediaWikiAccount is what a MediaWiki test install needs to create a user.
type MediaWikiAccount struct {
	Name         string   `json:"name"`
	Registration string   `json:"registration"` // MediaWiki's YYYYMMDDHHMMSS, empty for none
	Groups       []string `json:"groups"`
	Wikis        []string `json:"wikis"` // database names where the account exists
	// Log, when set, is the account's newusers log entry on the home wiki.
	Log *MediaWikiLog `json:"log,omitempty"`
}

// MediaWikiLog is a newusers log entry for a MediaWiki test install.
type MediaWikiLog struct {
	Wiki      string `json:"wiki"`      // database name
	Action    string `json:"action"`    // create, create2, byemail, autocreate
	Performer string `json:"performer"` // an existing user: the account itself or its creator
	Timestamp string `json:"timestamp"` // YYYYMMDDHHMMSS
}

// MediaWikiAccounts returns every existing account (participants', then
// newcomers'), for every wiki, with its newusers log entry when it has one.
func (ev *Event) MediaWikiAccounts() []MediaWikiAccount {
	var out []MediaWikiAccount
	for _, p := range ev.People {
		if p.Kind == KindMissing {
			continue
		}
		a := MediaWikiAccount{Name: p.Name, Groups: []string{}}
		if !p.Registration.IsZero() {
			a.Registration = p.Registration.Format("20060102150405")
		}
		if p.Kind == KindBot {
			a.Groups = append(a.Groups, "bot")
		}
		for _, w := range Wikis {
			a.Wikis = append(a.Wikis, DBName(w))
		}
		out = append(out, a)
	}
	for _, n := range ev.Newcomers {
		a := MediaWikiAccount{Name: n.Name, Registration: n.Registered.Format("20060102150405"), Groups: []string{}}
		if n.Bot {
			a.Groups = append(a.Groups, "bot")
		}
		for _, w := range Wikis {
			a.Wikis = append(a.Wikis, DBName(w))
		}
		out = append(out, a)
	}
	logs := map[string]*MediaWikiLog{}
	for _, e := range ev.NewUsersLog() {
		logs[e.User] = &MediaWikiLog{Wiki: DBName(Wikis[0]), Action: e.Action, Performer: e.Performer, Timestamp: e.Timestamp.Format("20060102150405")}
	}
	for i := range out {
		out[i].Log = logs[out[i].Name]
	}
	return out
}

// WriteMediaWikiXML writes the wiki's revisions as a MediaWiki export (0.11)
// that importDump.php loads into a fresh install with the same page and
// revision ids. Revision text is ASCII filler of the revision's size.
func (ev *Event) WriteMediaWikiXML(w io.Writer, wiki string) error {
	bw := bufio.NewWriter(w)
	esc := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	fmt.Fprintf(bw, `<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">
  <siteinfo>
    <sitename>Sample %s</sitename>
    <dbname>%s</dbname>
    <base>https://%s/wiki/Main_Page</base>
    <generator>MediaWiki 1.39</generator>
    <case>first-letter</case>
    <namespaces>
`, DBName(wiki), DBName(wiki), wiki)
	for _, ns := range Namespaces(wiki) {
		fmt.Fprintf(bw, "      <namespace key=\"%d\" case=\"first-letter\">%s</namespace>\n", ns.ID, esc(ns.Name))
	}
	fmt.Fprintf(bw, "    </namespaces>\n  </siteinfo>\n")
	revs := ev.Revisions[wiki]
	for i := 0; i < len(revs); {
		j := i
		for j < len(revs) && revs[j].PageID == revs[i].PageID {
			j++
		}
		fmt.Fprintf(bw, "  <page>\n    <title>%s</title>\n    <ns>%d</ns>\n    <id>%d</id>\n", esc(revs[i].Title), revs[i].NS, revs[i].PageID)
		for _, r := range revs[i:j] {
			fmt.Fprintf(bw, "    <revision>\n      <id>%d</id>\n", r.RevID)
			if r.ParentID != 0 {
				fmt.Fprintf(bw, "      <parentid>%d</parentid>\n", r.ParentID)
			}
			fmt.Fprintf(bw, "      <timestamp>%s</timestamp>\n      <contributor>\n        <username>%s</username>\n        <id>%d</id>\n      </contributor>\n      <comment>%s</comment>\n      <model>wikitext</model>\n      <format>text/x-wiki</format>\n      <text bytes=\"%d\" xml:space=\"preserve\">%s</text>\n    </revision>\n",
				r.Timestamp.UTC().Format(time.RFC3339), esc(r.Username), r.UserID, esc(r.Comment), r.Size, filler(r.RevID, r.Size))
		}
		fmt.Fprintf(bw, "  </page>\n")
		i = j
	}
	fmt.Fprintf(bw, "</mediawiki>\n")
	return bw.Flush()
}

// filler returns n bytes of ASCII text that differs between revisions.
func filler(seed int64, n int) string {
	const words = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
	var b strings.Builder
	b.Grow(n)
	head := fmt.Sprintf("r%d ", seed)
	b.WriteString(head[:min(len(head), n)])
	for b.Len() < n {
		k := min(n-b.Len(), len(words))
		b.WriteString(words[:k])
	}
	return b.String()
}

// Namespace is a namespace of a sample wiki, as siteinfo reports it.
type Namespace struct {
	ID        int
	Name      string
	Canonical string
	Content   bool
}

// Namespaces returns the namespaces of a sample wiki.
func Namespaces(wiki string) []Namespace {
	project := "Wikipedia"
	switch wiki {
	case "www.wikidata.org":
		project = "Wikidata"
	case "commons.wikimedia.org":
		project = "Commons"
	}
	ns := []Namespace{
		{0, "", "", true}, {1, "Talk", "Talk", false}, {2, "User", "User", false}, {3, "User talk", "User talk", false},
		{4, project, "Project", false}, {5, project + " talk", "Project talk", false}, {6, "File", "File", false},
		{7, "File talk", "File talk", false}, {8, "MediaWiki", "MediaWiki", false}, {9, "MediaWiki talk", "MediaWiki talk", false},
		{10, "Template", "Template", false}, {11, "Template talk", "Template talk", false}, {12, "Help", "Help", false},
		{13, "Help talk", "Help talk", false}, {14, "Category", "Category", false}, {15, "Category talk", "Category talk", false},
	}
	if wiki == "commons.wikimedia.org" {
		ns[6].Content = true // Commons counts File: as content
	}
	return ns
}
