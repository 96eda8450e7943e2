// Package i18n holds every reader-facing sentence of the reports, charts
// and summaries as messages in MediaWiki's JSON format ("banana", as Event
// Metrics and XTools use, so the files can be translated on
// translatewiki.net), and reads them: en.json is the source, qqq.json
// documents every key, es.json, fr.json and pt.json are translations.
//
// A Localizer, shaped like go-i18n's, picks a language by MediaWiki's
// fallback chain (pt-br → pt → en), substitutes $1, $2 … and chooses
// {{PLURAL:$1|…}} forms by banana-i18n's algorithm with CLDR's plural
// rules, and formats numbers, percentages and dates for the language.
// Following XTools, a count is passed twice: raw to pick the plural form
// and formatted to be shown ("$2 {{PLURAL:$1|edit|edits}}"); Count does
// both.
//
// Adding a language: copy en.json to <code>.json, translate every value
// keeping each $n and the number of PLURAL forms (qqq.json says what each
// $n holds), add the code's plural rule and number symbols (plural.go,
// format.go), and run go test ./engagement/i18n and .ci/i18n.sh.
package i18n

import (
	"embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

//go:embed *.json
var files embed.FS

// embedded is the catalogue built into the binary, read once.
var embedded = sync.OnceValues(func() (*Catalog, error) { return Load(files) })

// Embedded returns the catalogue built into the binary.
func Embedded() (*Catalog, error) { return embedded() }

// Localizer gives the messages of one language, with English for what a
// translation lacks.
type Localizer struct {
	chain []string // as asked, then fallbacks, ending with en
	files []*File  // the chain's languages that have a file
	rule  pluralRule
	num   numberFormat

	mu      sync.Mutex
	missing map[string]bool
}

// New returns a Localizer for a BCP 47 language tag ("es", "pt-BR",
// "es-419"; "" is English), from the embedded catalogue. A tag that is
// well formed but not translated falls back to English (Chain says so); a
// malformed one is an error.
func New(tag string) (*Localizer, error) {
	c, err := embedded()
	if err != nil {
		return nil, err
	}
	return c.Localizer(tag)
}

// Localizer returns a Localizer for tag from this catalogue.
func (c *Catalog) Localizer(tag string) (*Localizer, error) {
	chain, err := Chain(tag)
	if err != nil {
		return nil, err
	}
	l := &Localizer{chain: chain, missing: map[string]bool{}}
	for _, code := range chain {
		if f := c.files[code]; f != nil {
			l.files = append(l.files, f)
		}
	}
	lang := l.files[0].Lang
	rule, ok := ruleFor(lang)
	if !ok {
		return nil, fmt.Errorf("i18n: %s.json has no plural rule in plural.go: add CLDR's rule for %q", lang, lang)
	}
	l.rule, l.num = rule, formatFor(lang)
	return l, nil
}

// Chain gives MediaWiki's fallback chain of a tag, lower-case: the tag,
// then each shorter prefix ("pt-br" → "pt"), then "en". A malformed tag is
// an error naming it.
func Chain(tag string) ([]string, error) {
	tag = strings.TrimSpace(tag)
	if tag == "" {
		return []string{"en"}, nil
	}
	t, err := language.Parse(strings.ReplaceAll(tag, "_", "-"))
	if err != nil {
		return nil, fmt.Errorf("i18n: language %q: %v; want a code such as es, fr, pt or pt-BR", tag, err)
	}
	code := strings.ToLower(t.String())
	var chain []string
	for code != "" {
		chain = append(chain, code)
		i := strings.LastIndexByte(code, '-')
		if i < 0 {
			break
		}
		code = code[:i]
	}
	if chain[len(chain)-1] != "en" {
		chain = append(chain, "en")
	}
	return chain, nil
}

// Chain is the fallback chain this Localizer was made with, e.g. [pt-br
// pt en].
func (l *Localizer) Chain() []string { return append([]string(nil), l.chain...) }

// Lang is the BCP 47 code of the language the messages are in (for <html
// lang>): "pt" for pt-BR, whose messages are pt.json's; "en" for a
// language not translated.
func (l *Localizer) Lang() string { return l.files[0].Lang }

// Dir is the writing direction of Lang, "ltr" or "rtl", for <html dir>.
func (l *Localizer) Dir() string { return dirOf(l.Lang()) }

// dirOf knows the right-to-left languages MediaWiki has message files in.
func dirOf(lang string) string {
	base, _, _ := strings.Cut(lang, "-")
	switch base {
	case "ar", "arc", "arz", "azb", "ckb", "dv", "fa", "glk", "he", "ks", "lrc", "mzn", "pnb", "ps", "sd", "skr", "ug", "ur", "yi":
		return "rtl"
	}
	return "ltr"
}

// LanguageName is a language's name in the Localizer's language, from
// CLDR through golang.org/x/text/language/display: LanguageName("en") is
// "English", "inglés" in Spanish, "anglais" in French; the code itself
// when it is not a language CLDR names.
func (l *Localizer) LanguageName(code string) string {
	tag, err := language.Parse(code)
	if err != nil {
		return code
	}
	if name := display.Languages(language.Make(l.Lang())).Name(tag); name != "" {
		return name
	}
	return code
}

// T gives the message key with $1, $2 … replaced by args and its PLURAL
// choices made. Strings are shown as they are, integers and floats as
// plain digits ("1234", which is what PLURAL reads): format shown numbers
// with Int or Decimal first. An unknown key gives "⧼key⧽", as MediaWiki
// shows it, and is listed by Missing.
func (l *Localizer) T(key string, args ...any) string {
	for _, f := range l.files {
		if m, ok := f.parsed[key]; ok {
			strs := make([]string, len(args))
			for i, a := range args {
				strs[i] = raw(a)
			}
			return l.render(m, strs)
		}
	}
	l.mu.Lock()
	l.missing[key] = true
	l.mu.Unlock()
	return "⧼" + key + "⧽"
}

// Count is T with n passed as $1 (raw, for PLURAL) and as $2 (formatted
// for the language), then args as $3 …: XTools' "$2
// {{PLURAL:$1|edit|edits}}".
func (l *Localizer) Count(key string, n int, args ...any) string {
	return l.T(key, append([]any{n, l.Int(n)}, args...)...)
}

// Missing lists, sorted, the keys T was asked for that no file has.
func (l *Localizer) Missing() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]string, 0, len(l.missing))
	for k := range l.missing {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func raw(a any) string {
	switch v := a.(type) {
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case fmt.Stringer:
		return v.String()
	}
	return fmt.Sprint(a)
}

// render writes m with args; a placeholder without an argument stays as
// written ("$3"), as MediaWiki leaves it.
func (l *Localizer) render(m message, args []string) string {
	var b strings.Builder
	l.write(&b, m, args)
	return b.String()
}

func (l *Localizer) write(b *strings.Builder, ps []part, args []string) {
	for _, p := range ps {
		switch {
		case p.plural != nil:
			l.write(b, l.choose(p.plural, args), args)
		case p.arg > 0 && p.arg <= len(args):
			b.WriteString(args[p.arg-1])
		case p.arg > 0:
			fmt.Fprintf(b, "$%d", p.arg)
		default:
			b.WriteString(p.text)
		}
	}
}

// choose is banana-i18n's convertPlural: an explicit form equal to the
// count first; otherwise the form numbered by the count's CLDR category
// among the language's (zero, one, two, few, many, other), clamped to the
// last form. A count that is not a number takes the last form.
func (l *Localizer) choose(pl *pluralPart, args []string) []part {
	count := strings.TrimSpace(l.render(pl.count, args))
	for _, e := range pl.explicit {
		if e.number == count {
			return e.form
		}
	}
	if len(pl.forms) == 0 {
		return nil
	}
	i := len(pl.forms) - 1
	if o, ok := operandsOf(count); ok {
		i = min(l.rule.formIndex(o), i)
	}
	return pl.forms[i]
}
