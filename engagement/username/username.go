// Package username canonicalises MediaWiki usernames the way MediaWiki does
// when it looks a user up: the request's text in Unicode NFC (WebRequest),
// then UserNameUtils::getCanonical with RIGOR_VALID, which parses the name
// as a title in the User namespace (MediaWikiTitleCodec::splitTitleString)
// and checks it with UserNameUtils::isValid.
//
// Canonical strips the bidi marks MediaWiki strips (U+200E, U+200F,
// U+202A–U+202E), turns underscores and MediaWiki's spaces (U+00A0, U+1680,
// U+180E, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) into one
// space, trims them, drops a "User:" prefix and upper-cases the first
// letter. Names MediaWiki would refuse are reported as *InvalidError: IP
// addresses and ranges, names with "#", "/", a control character (a tab or
// a line break among them), a character no title may hold, a namespace
// prefix, or a character UserNameUtils::isValid refuses (zero-width spaces
// and joiners, C1 controls, private use).
package username

import (
	"fmt"
	"net/netip"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
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

var (
	ipRangeDash = regexp.MustCompile(`^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\s*-\s*\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$`)
	// anyIPv4 is UserNameUtils::isIP's test: four groups of 1–3 digits
	// (300.1.2.3 included), the last possibly "xxx".
	anyIPv4 = regexp.MustCompile(`^\d{1,3}\.\d{1,3}\.\d{1,3}\.(?:xxx|\d{1,3})$`)
	// escapes are the sequences MediaWikiTitleCodec refuses in a title:
	// percent-encoding and HTML character references.
	escapes = regexp.MustCompile(`%[0-9A-Fa-f]{2}|&[A-Za-z0-9\x{80}-\x{10FFFF}]+;|&#[0-9]+;|&#x[0-9A-Fa-f]+;`)
)

// namespaces are the canonical namespace names every wiki recognises; a
// name that starts with one of them (other than User) is a page elsewhere,
// not a username.
var namespaces = []string{
	"media", "special", "talk", "user talk", "project", "project talk", "file", "file talk",
	"image", "image talk", "mediawiki", "mediawiki talk", "template", "template talk",
	"help", "help talk", "category", "category talk",
}

// Canonical returns the canonical form of a username, or an *InvalidError
// naming the name and the reason.
func Canonical(name string) (string, error) {
	invalid := func(reason string) (string, error) { return "", &InvalidError{Name: name, Reason: reason} }
	if !utf8.ValidString(name) {
		return invalid("not valid UTF-8")
	}
	if reason := controlIn(name); reason != "" {
		return invalid(reason)
	}
	s, reason := titleText(norm.NFC.String(name))
	if reason != "" {
		return invalid(reason)
	}
	if reason := refused(s); reason != "" {
		return invalid(reason)
	}
	r, size := utf8.DecodeRuneInString(s)
	if up := unicode.ToUpper(r); up != r && unicode.IsLower(r) {
		s = string(up) + s[size:]
	}
	if len(s) > MaxBytes {
		return invalid(fmt.Sprintf("longer than %d bytes", MaxBytes))
	}
	if !norm.NFC.IsNormalString(s) {
		// MediaWiki strips the mark after normalising, which leaves the
		// letter and its accent apart: every request names another user.
		return invalid("an invisible mark stands between a letter and its accent")
	}
	return s, nil
}

// controlIn names the first control character of s ("a tab", "a line
// break"), or returns "".
func controlIn(s string) string {
	for _, r := range s {
		switch {
		case r == '\t':
			return "contains a tab"
		case r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == '\u0085':
			return "contains a line break"
		case unicode.IsControl(r):
			return fmt.Sprintf("contains a control character (U+%04X)", r)
		}
	}
	return ""
}

// isSpace reports MediaWiki's title whitespace (and the underscore).
func isSpace(r rune) bool {
	switch r {
	case ' ', '_', '\u00a0', '\u1680', '\u180e', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000':
		return true
	}
	return r >= '\u2000' && r <= '\u200a'
}

// isBidi reports the bidi marks MediaWiki strips from titles.
func isBidi(r rune) bool { return r == '\u200e' || r == '\u200f' || r >= '\u202a' && r <= '\u202e' }

// titleText parses s as a title in the User namespace: bidi marks
// stripped, whitespace collapsed and trimmed, a "User:" prefix dropped. It
// returns the text, or a reason it is not a username.
func titleText(s string) (string, string) {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case isBidi(r):
		case isSpace(r):
			space = b.Len() > 0
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
	}
	s = b.String()
	if strings.ContainsRune(s, '#') {
		return "", `contains "#"`
	}
	main := strings.HasPrefix(s, ":") // a page in the main namespace, unless a prefix follows
	if main {
		s = strings.TrimLeft(s[1:], " ")
	}
	if p, rest, ok := prefix(s); ok && strings.ToLower(p) == "user" {
		s, main = rest, false
	}
	if main {
		return "", "starts with a colon"
	}
	if s == "" {
		return "", "empty"
	}
	if p, _, ok := prefix(s); ok && (strings.ToLower(p) == "user" || isNamespace(p)) {
		return "", fmt.Sprintf("starts with a namespace prefix (%q)", p+":")
	}
	if strings.HasPrefix(s, ":") {
		return "", "starts with a colon"
	}
	return s, ""
}

// prefix splits "p : rest" at its first colon, spaces around it dropped.
func prefix(s string) (p, rest string, ok bool) {
	p, rest, ok = strings.Cut(s, ":")
	if !ok || strings.TrimRight(p, " ") == "" {
		return "", "", false
	}
	return strings.TrimRight(p, " "), strings.TrimLeft(rest, " "), true
}

func isNamespace(p string) bool {
	return slices.Contains(namespaces, strings.ToLower(p))
}

// refused gives the reason MediaWiki refuses the parsed text s, or "".
func refused(s string) string {
	if strings.ContainsRune(s, '/') {
		return `contains "/"`
	}
	if i := strings.IndexAny(s, "[]{}|<>"); i >= 0 {
		return fmt.Sprintf("contains %q, which is not allowed in a page title", s[i:i+1])
	}
	if m := escapes.FindString(s); m != "" {
		return fmt.Sprintf("contains %q, an escape sequence not allowed in a page title", m)
	}
	if s == "." || s == ".." {
		return "a relative path"
	}
	if strings.Contains(s, "~~~") {
		return `contains "~~~", which a signature would replace`
	}
	for _, r := range s {
		switch {
		case r == utf8.RuneError || r == '\ufffe' || r == '\uffff':
			return fmt.Sprintf("contains U+%04X, not a character", r)
		case r >= '\u200b' && r <= '\u200d':
			return fmt.Sprintf("contains an invisible zero-width character (U+%04X)", r)
		case r >= '\ue000' && r <= '\uf8ff':
			return fmt.Sprintf("contains a private-use character (U+%04X)", r)
		}
	}
	if a, err := netip.ParseAddr(s); err == nil && a.Zone() == "" || anyIPv4.MatchString(s) {
		return "an IP address"
	}
	if ipRangeDash.MatchString(s) {
		return "an IP range"
	}
	return ""
}
