package report

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"example.com/engagement/engagement/metrics"
)

// Pseudonymizer replaces usernames with stable pseudonyms ("Participant
// 3F9A2C5D1E0B7A44", 64 bits: collisions are negligible even for 10,000
// participants): the same name and key always give the same pseudonym, and
// the name cannot be recovered without the key (HMAC-SHA256). Titles are
// rewritten too: the user part of every user and user talk page, in any
// language, and every known name (Learn) inside any title.
type Pseudonymizer struct {
	key   []byte
	names []string
	repl  *strings.Replacer
}

// NewPseudonymizer returns a pseudonymizer for a secret key.
func NewPseudonymizer(key []byte) *Pseudonymizer { return &Pseudonymizer{key: slices.Clone(key)} }

// RandomKey returns a fresh 32-byte key.
func RandomKey() []byte {
	k := make([]byte, 32)
	if _, err := rand.Read(k); err != nil {
		panic(fmt.Sprintf("report: no randomness: %v", err)) // crypto/rand never fails on supported systems
	}
	return k
}

// Name returns the pseudonym of a canonical username.
func (p *Pseudonymizer) Name(username string) string {
	m := hmac.New(sha256.New, p.key)
	m.Write([]byte(username))
	return "Participant " + strings.ToUpper(hex.EncodeToString(m.Sum(nil))[:16])
}

// Learn registers the canonical usernames whose every form (spaces or
// underscores, first letter upper or lower case) is replaced inside titles.
func (p *Pseudonymizer) Learn(names ...string) {
	p.names = append(p.names, names...)
	slices.SortFunc(p.names, func(a, b string) int { // longest first, equal names side by side
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	p.names = slices.Compact(p.names)
	var pairs []string
	for _, n := range p.names {
		if len(n) < 3 {
			continue // a two-letter name would rewrite ordinary words
		}
		ps := p.Name(n)
		for _, form := range nameForms(n) {
			pairs = append(pairs, form, ps)
		}
	}
	p.repl = strings.NewReplacer(pairs...)
}

// nameForms are the ways a username appears in titles and URLs.
func nameForms(n string) []string {
	under := strings.ReplaceAll(n, " ", "_")
	forms := []string{n, under, url.PathEscape(under)}
	if r, size := utf8.DecodeRuneInString(n); unicode.IsUpper(r) {
		low := string(unicode.ToLower(r)) + n[size:]
		forms = append(forms, low, strings.ReplaceAll(low, " ", "_"))
	}
	return slices.Compact(forms)
}

// userNamespaces are the user and user talk namespaces, whatever their
// local names ("Benutzer:", "Utilisateur:", …).
func userNamespace(ns int) bool { return ns == 2 || ns == 3 }

// Title replaces the username of a user or user talk page title (the part
// before the first "/" after the namespace prefix, in any language: ns says
// which namespace the title is in; -1 when unknown, then only the English
// prefixes are recognised) and every learned name anywhere in the title.
func (p *Pseudonymizer) Title(title string) string { return p.TitleIn(-1, title) }

// TitleIn is Title for a title known to be in namespace ns.
func (p *Pseudonymizer) TitleIn(ns int, title string) string {
	prefix, rest, ok := strings.Cut(title, ":")
	if ok && (userNamespace(ns) || ns == -1 && (prefix == "User" || prefix == "User talk")) {
		name, sub, hasSub := strings.Cut(rest, "/")
		title = prefix + ":" + p.Name(name)
		if hasSub {
			title += "/" + p.replace(sub)
		}
		return title
	}
	return p.replace(title)
}

func (p *Pseudonymizer) replace(s string) string {
	if p.repl == nil {
		return s
	}
	return p.repl.Replace(s)
}

// Result returns a copy of r with every username replaced.
func (p *Pseudonymizer) Result(r *metrics.Result) *metrics.Result {
	c := *r
	c.Participants = slices.Clone(r.Participants)
	for i := range c.Participants {
		c.Participants[i].Username = p.Name(c.Participants[i].Username)
	}
	c.TopPages = slices.Clone(r.TopPages)
	for i := range c.TopPages {
		c.TopPages[i].Title = p.TitleIn(c.TopPages[i].NS, c.TopPages[i].Title)
	}
	return &c
}

// Table is Contributions for a table.
func (p *Pseudonymizer) Table(t *metrics.Table) *metrics.Table {
	if t == nil {
		return nil
	}
	return metrics.TableOf(p.Contributions(t.Rows()))
}

// Contributions returns a copy with usernames and user page titles replaced.
func (p *Pseudonymizer) Contributions(cs []metrics.Contribution) []metrics.Contribution {
	out := slices.Clone(cs)
	for i := range out {
		out[i].Username = p.Name(out[i].Username)
		out[i].Title = p.TitleIn(out[i].NS, out[i].Title)
	}
	return out
}

// Accounts returns a copy with usernames replaced.
func (p *Pseudonymizer) Accounts(as []metrics.Account) []metrics.Account {
	out := slices.Clone(as)
	for i := range out {
		out[i].Username = p.Name(out[i].Username)
	}
	return out
}
