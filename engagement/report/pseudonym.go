package report

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"example.com/engagement/engagement/metrics"
)

// Pseudonymizer replaces usernames with stable pseudonyms ("Participant
// 3F9A2C"): the same name and key always give the same pseudonym, and the
// name cannot be recovered without the key (HMAC-SHA256).
type Pseudonymizer struct {
	key []byte
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
	return "Participant " + strings.ToUpper(hex.EncodeToString(m.Sum(nil))[:6])
}

// Title replaces a username in User: and User talk: page titles.
func (p *Pseudonymizer) Title(title string) string {
	for _, prefix := range []string{"User:", "User talk:"} {
		if rest, ok := strings.CutPrefix(title, prefix); ok {
			name, sub, _ := strings.Cut(rest, "/")
			out := prefix + p.Name(name)
			if sub != "" {
				out += "/" + sub
			}
			return out
		}
	}
	return title
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
		c.TopPages[i].Title = p.Title(c.TopPages[i].Title)
	}
	return &c
}

// Contributions returns a copy with usernames and user page titles replaced.
func (p *Pseudonymizer) Contributions(cs []metrics.Contribution) []metrics.Contribution {
	out := slices.Clone(cs)
	for i := range out {
		out[i].Username = p.Name(out[i].Username)
		out[i].Title = p.Title(out[i].Title)
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
