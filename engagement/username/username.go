// Package username canonicalises MediaWiki usernames the way MediaWiki does
// when it looks a user up (UserNameUtils::getCanonical with RIGOR_VALID):
// underscores become spaces, whitespace is trimmed and collapsed, a "User:"
// prefix is dropped and the first letter is upper-cased. Names MediaWiki would
// refuse (IP addresses, ranges, names with "#" or "/", empty names) are
// reported as *InvalidError.
package username

import (
	"fmt"
	"net/netip"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxBytes is the longest username MediaWiki accepts ($wgMaxNameChars).
const MaxBytes = 255

// InvalidError reports a name MediaWiki would not accept, and why.
type InvalidError struct {
	Name   string // the name as given
	Reason string // e.g. "an IP address"
}

func (e *InvalidError) Error() string {
	return fmt.Sprintf("invalid username %q: %s", e.Name, e.Reason)
}

var ipRangeDash = regexp.MustCompile(`^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\s*-\s*\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$`)

// Canonical returns the canonical form of a username, or an *InvalidError.
func Canonical(name string) (string, error) {
	s := strings.ReplaceAll(name, "_", " ")
	s = strings.Join(strings.Fields(s), " ")
	if len(s) >= 5 && strings.EqualFold(s[:5], "user:") {
		s = strings.TrimSpace(s[5:])
	}
	invalid := func(reason string) (string, error) { return "", &InvalidError{Name: name, Reason: reason} }
	if s == "" {
		return invalid("empty")
	}
	if len(s) >= 5 && strings.EqualFold(s[:5], "user:") {
		// "User:User:x": the name itself would be a page in the User
		// namespace, which MediaWiki refuses as a username.
		return invalid(`starts with a namespace prefix ("User:")`)
	}
	if !utf8.ValidString(s) {
		return invalid("not valid UTF-8")
	}
	if strings.ContainsAny(s, "#") {
		return invalid(`contains "#"`)
	}
	if strings.ContainsAny(s, "/") {
		return invalid(`contains "/"`)
	}
	if i := strings.IndexAny(s, "[]{}|<>"); i >= 0 {
		return invalid(fmt.Sprintf("contains %q, which is not allowed in a page title", s[i:i+1]))
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return invalid("contains a control character")
		}
	}
	if len(s) > MaxBytes {
		return invalid(fmt.Sprintf("longer than %d bytes", MaxBytes))
	}
	if _, err := netip.ParseAddr(s); err == nil {
		return invalid("an IP address")
	}
	if _, err := netip.ParsePrefix(s); err == nil {
		return invalid("an IP range")
	}
	if ipRangeDash.MatchString(s) {
		return invalid("an IP range")
	}
	r, size := utf8.DecodeRuneInString(s)
	if up := unicode.ToUpper(r); up != r && unicode.IsLower(r) {
		s = string(up) + s[size:]
	}
	return s, nil
}
