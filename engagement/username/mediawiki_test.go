package username

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"net/netip"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// mediaWiki is a reference of what MediaWiki does with a username sent to
// the API (ususers, ucuser), written as MediaWiki's own steps rather than
// as Canonical's: WebRequest normalises the parameter to NFC;
// UserNameUtils::getCanonical upper-cases the first letter, refuses "#",
// and parses the name with MediaWikiTitleCodec::splitTitleString in the
// User namespace (bidi marks stripped, whitespace runs to "_", "_" trimmed,
// the namespace prefix, illegal characters, relative paths, "~~~", 255
// bytes); UserNameUtils::isValid then refuses IPs, "/", more than 255
// bytes, a text that parses as another namespace, and its list of
// troublemaker characters. It returns the canonical name and true, or ""
// and false.
//
// Where it departs from MediaWiki, on purpose: the first letter is
// upper-cased with Go's simple mapping of lower-case letters (PHP's
// mb_strtoupper, with Wikimedia's overrides, differs for a few letters);
// only the canonical English namespace names are known (a wiki's local
// names and interwiki prefixes are not); "a.b.c.d-e.f.g.h" is an IP range
// (the design notes, A4); and a result that is not in NFC (an invisible
// mark between a letter and its accent) is refused, because the API would
// normalise it into another name on the next request.
func mediaWiki(name string) (string, bool) {
	if !utf8.ValidString(name) {
		return "", false // cleanUp makes it U+FFFD: title-invalid-utf8
	}
	name = norm.NFC.String(name)
	name = mwUcfirst(name)
	if strings.Contains(name, "#") {
		return "", false
	}
	dbkey, ns, ok := mwSplitTitle(name, "user")
	if !ok || ns != "user" {
		return "", false
	}
	text := strings.ReplaceAll(dbkey, "_", " ")
	if !mwIsValid(text) || !norm.NFC.IsNormalString(text) {
		return "", false
	}
	return text, true
}

var (
	mwBidi       = regexp.MustCompile(`[\x{200E}\x{200F}\x{202A}-\x{202E}]+`)
	mwWhitespace = regexp.MustCompile(`[ _\x{A0}\x{1680}\x{180E}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]+`)
	mwPrefix     = regexp.MustCompile(`^(.+?)_*:_*(.*)$`)
	mwEscapes    = regexp.MustCompile(`%[0-9A-Fa-f]{2}|&[A-Za-z0-9\x{80}-\x{10FFFF}]+;|&#[0-9]+;|&#x[0-9A-Fa-f]+;`)
	mwIPv4       = regexp.MustCompile(`^\d{1,3}\.\d{1,3}\.\d{1,3}\.(?:xxx|\d{1,3})$`)
	mwIPRange    = regexp.MustCompile(`^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\s*-\s*\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$`)
	mwBlacklist  = regexp.MustCompile(`[\x{0080}-\x{009f}\x{00a0}\x{2000}-\x{200f}\x{2028}-\x{202f}\x{3000}\x{e000}-\x{f8ff}]`)
	// mwLegal is $wgLegalTitleChars for the ASCII bytes; every byte from
	// 0x80 up is legal.
	mwLegal = " %!\"$&'()*,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ\\^_`abcdefghijklmnopqrstuvwxyz~+"
)

var mwNamespaces = map[string]string{
	"media": "media", "special": "special", "talk": "talk", "user": "user", "user_talk": "user_talk",
	"project": "project", "project_talk": "project_talk", "file": "file", "file_talk": "file_talk",
	"image": "file", "image_talk": "file_talk", "mediawiki": "mediawiki", "mediawiki_talk": "mediawiki_talk",
	"template": "template", "template_talk": "template_talk", "help": "help", "help_talk": "help_talk",
	"category": "category", "category_talk": "category_talk",
}

func mwUcfirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) && unicode.ToUpper(r) != r {
		return string(unicode.ToUpper(r)) + s[size:]
	}
	return s
}

// mwSplitTitle is splitTitleString: the dbkey and the namespace, or false
// for a malformed title.
func mwSplitTitle(text, ns string) (string, string, bool) {
	dbkey := strings.ReplaceAll(text, " ", "_")
	dbkey = mwBidi.ReplaceAllString(dbkey, "")
	dbkey = mwWhitespace.ReplaceAllString(dbkey, "_")
	dbkey = strings.Trim(dbkey, "_")
	if strings.ContainsRune(dbkey, utf8.RuneError) {
		return "", "", false
	}
	if strings.HasPrefix(dbkey, ":") {
		ns = "main"
		dbkey = strings.Trim(dbkey[1:], "_")
	}
	if dbkey == "" {
		return "", "", false
	}
	if m := mwPrefix.FindStringSubmatch(dbkey); m != nil {
		if n, ok := mwNamespaces[strings.ToLower(m[1])]; ok {
			dbkey, ns = m[2], n
		}
	}
	for i := 0; i < len(dbkey); i++ {
		if dbkey[i] < 0x80 && !strings.ContainsRune(mwLegal, rune(dbkey[i])) {
			return "", "", false
		}
	}
	if mwEscapes.MatchString(dbkey) || dbkey == "." || dbkey == ".." || strings.HasPrefix(dbkey, "./") || strings.HasPrefix(dbkey, "../") ||
		strings.Contains(dbkey, "/./") || strings.Contains(dbkey, "/../") || strings.HasSuffix(dbkey, "/.") || strings.HasSuffix(dbkey, "/..") ||
		strings.Contains(dbkey, "~~~") || len(dbkey) > 255 {
		return "", "", false
	}
	dbkey = mwUcfirst(dbkey)
	if dbkey == "" && ns != "main" || strings.HasPrefix(dbkey, ":") {
		return "", "", false
	}
	return dbkey, ns, true
}

// mwIsValid is UserNameUtils::isValid.
func mwIsValid(name string) bool {
	if name == "" || mwIsIP(name) || strings.Contains(name, "/") || len(name) > 255 || name != mwUcfirst(name) {
		return false
	}
	dbkey, ns, ok := mwSplitTitle(name, "main")
	if !ok || ns != "main" || strings.ReplaceAll(dbkey, "_", " ") != name {
		return false
	}
	return !mwBlacklist.MatchString(name) && !strings.ContainsAny(name, "\ufffe\uffff")
}

func mwIsIP(name string) bool {
	if a, err := netip.ParseAddr(name); err == nil && a.Is6() && a.Zone() == "" {
		return true
	}
	return mwIPv4.MatchString(name) || mwIPRange.MatchString(name)
}

// Canonical agrees with the reference on names it has been fed and on
// every seed: NFC and NFD spellings, bidi marks, MediaWiki's spaces, tabs
// and line breaks, prefixes, escapes.
func FuzzCanonicalMatchesMediaWiki(f *testing.F) {
	for _, s := range mwSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) { agree(t, name) })
}

var mwSeeds = []string{
	"Irène", "Ire\u0300ne", "ire\u0300ne", "\u200eKiri Okafor\u200f", "Kiri_Okafor", "Kiri\u202a Okafor\u202c",
	"e\u200e\u0301", "Ada\tLovelace", "Ada\nLovelace", "Ada\r\nLovelace", "Ada\u00a0Lovelace", "Ada\u3000Lovelace",
	"Ada\u180eLovelace", "Ada\u2028Lovelace", "Ada\u200bLovelace", "Ada\u200dLovelace", "Ada\u2066Lovelace\u2069",
	"user : ada", "User:User:Ada", "User::Ada", ":Ada", "Talk:Ada", "User talk:Ada", "Ada:Lovelace", "A%41da",
	"A&amp;B", "A&B", "A&#65;", "~~~Ada", "Ada~~", ".", "..", "1.2.3.4", "300.1.2.3", "1.2.3.xxx", "2001:db8::1",
	"fe80::1%eth0", "Ada\u0085", "Ada\u0090", "Ada\ue000", "Ada\ufffd", "Ada\ufeff", "ǆemal", "ß", "élise",
	"\u0345x", "Ω", "a\u0308\u0301", strings.Repeat("é", 127) + "a", strings.Repeat("ɐ", 127) + "a",
}

func agree(t *testing.T, name string) {
	t.Helper()
	want, ok := mediaWiki(name)
	got, err := Canonical(name)
	if ok != (err == nil) || got != want {
		t.Fatalf("Canonical(%+q) = %+q, %v; MediaWiki's rules give %+q, valid %v", name, got, err, want, ok)
	}
	var ie *InvalidError
	if err != nil && (!errors.As(err, &ie) || ie.Name != name || !strings.HasPrefix(err.Error(), fmt.Sprintf("invalid username %q: ", name))) {
		t.Fatalf("Canonical(%+q): error %v does not name the name", name, err)
	}
}

// Random names built from the characters MediaWiki treats specially agree
// with the reference.
func TestCanonicalMatchesMediaWiki(t *testing.T) {
	for _, s := range mwSeeds {
		agree(t, s)
	}
	parts := []string{
		"a", "e", "i", "K", "z", "é", "e\u0301", "\u0300", "\u0308", "ǆ", "ß", "Ω", "ω", "Я", "ж", "字", "1", ".", "-", "'",
		" ", "  ", "_", "__", "\u00a0", "\u1680", "\u180e", "\u2003", "\u200a", "\u2028", "\u202f", "\u205f", "\u3000",
		"\u200e", "\u200f", "\u202a", "\u202e", "\u200b", "\u200c", "\u2066", "\ufeff", "\t", "\n", "\r",
		":", "User:", "user :", "Talk:", "#", "/", "%4", "1", "&", ";", "~", "~~", "[", "\u0085", "\ue000",
	}
	rng := rand.New(rand.NewPCG(20, 3))
	for range 8000 {
		var b strings.Builder
		for range 1 + rng.IntN(7) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		agree(t, b.String())
	}
}

// The NFD spelling of a name is the same user as its NFC spelling, with
// the bidi marks and spaces MediaWiki ignores; a tab or a line break is
// refused with the name in the message.
func TestCanonicalNormalises(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Ire\u0300ne", "Irène"},
		{"\u200fKiri\u00a0Okafor\u200e", "Kiri Okafor"},
		{"ire\u0300ne\u202c", "Irène"},
		{"user : kiri_okafor", "Kiri okafor"},
	} {
		if got, err := Canonical(tt.in); err != nil || got != tt.want {
			t.Errorf("Canonical(%+q) = %+q, %v; want %+q", tt.in, got, err, tt.want)
		}
	}
	for in, reason := range map[string]string{
		"Ada\tLovelace":  "contains a tab",
		"Ada\nLovelace":  "contains a line break",
		"Ada\u200bL":     "contains an invisible zero-width character (U+200B)",
		"Talk:Ada":       `starts with a namespace prefix ("Talk:")`,
		"e\u200e\u0301x": "an invisible mark stands between a letter and its accent",
	} {
		want := fmt.Sprintf("invalid username %q: %s", in, reason)
		if _, err := Canonical(in); err == nil || err.Error() != want {
			t.Errorf("Canonical(%+q) error = %v; want %s", in, err, want)
		}
	}
}
