package i18n

import (
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"testing/quick"
	"time"
	"unicode"
)

const nnbsp = "\u202f" // narrow no-break space, French digit groups

func mustNew(t *testing.T, tag string) *Localizer {
	t.Helper()
	l, err := New(tag)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// Plural forms through the real messages, with XTools' convention: the raw
// number picks the form, the formatted number is shown.
func TestPluralFormsInEachLanguage(t *testing.T) {
	want := map[string][]string{ // at 0, 1, 2, 21, 1000, 1000000
		"en": {"0 pages", "1 page", "2 pages", "21 pages", "1,000 pages", "1,000,000 pages"},
		// es: one is n = 1 only; CLDR's minimumGroupingDigits 2 writes 1000.
		"es": {"0 páginas", "1 página", "2 páginas", "21 páginas", "1000 páginas", "1.000.000 páginas"},
		// fr: 0 and 1 are "one"; 1,000,000 is "many", clamped to the last form.
		"fr": {"0 page", "1 page", "2 pages", "21 pages", "1" + nnbsp + "000 pages", "1" + nnbsp + "000" + nnbsp + "000 pages"},
		// pt (Brazil): 0 and 1 are "one".
		"pt": {"0 página", "1 página", "2 páginas", "21 páginas", "1.000 páginas", "1.000.000 páginas"},
	}
	for lang, forms := range want {
		l := mustNew(t, lang)
		for i, n := range []int{0, 1, 2, 21, 1000, 1000000} {
			if got := l.Count("engagement-created-pages", n); got != forms[i] {
				t.Errorf("%s %d: %q, want %q", lang, n, got, forms[i])
			}
		}
	}
}

// The categories themselves, CLDR 46, including decimals.
func TestPluralCategories(t *testing.T) {
	cases := []struct {
		lang string
		in   map[string]Category
	}{
		{"en", map[string]Category{"0": Other, "1": One, "2": Other, "21": Other, "1000": Other, "1000000": Other, "1.0": Other, "1.5": Other}},
		{"es", map[string]Category{"0": Other, "1": One, "2": Other, "21": Other, "1000": Other, "1000000": Many, "2000000": Many, "1000000.5": Other, "1.0": One}},
		{"fr", map[string]Category{"0": One, "1": One, "1.5": One, "2": Other, "21": Other, "1000": Other, "1000000": Many, "1001000": Other}},
		{"pt", map[string]Category{"0": One, "1": One, "1.5": One, "2": Other, "21": Other, "1000": Other, "1000000": Many}},
	}
	for _, c := range cases {
		r, ok := ruleFor(c.lang)
		if !ok {
			t.Fatalf("no rule for %s", c.lang)
		}
		for s, want := range c.in {
			o, ok := operandsOf(s)
			if !ok {
				t.Fatalf("operandsOf(%q) failed", s)
			}
			if got := r.pick(o); got != want {
				t.Errorf("%s %s: %s, want %s", c.lang, s, got, want)
			}
		}
	}
	for _, bad := range []string{"", "abc", "1,000", "1e6", ".5", "1.2.3"} {
		if _, ok := operandsOf(bad); ok {
			t.Errorf("operandsOf(%q) accepted", bad)
		}
	}
}

// banana-i18n's algorithm: explicit forms first, then the category's index
// among the language's categories, clamped to the last form; a count that
// is not a number takes the last form; a missing argument stays "$2".
func TestPluralAlgorithm(t *testing.T) {
	c := mustLoad(t, fstest.MapFS{
		"en.json": {Data: []byte(`{"@metadata":{"authors":["a"]},"k":"{{PLURAL:$1|0=no pages|one page|$1 pages}}","three":"{{PLURAL:$1|a|b|c}}","hole":"$1 and $2"}`)},
		"fr.json": {Data: []byte(`{"@metadata":{"authors":["a"]},"three":"{{PLURAL:$1|un|beaucoup|autre}}","two":"{{PLURAL:$1|un|autre}}"}`)},
	})
	en, _ := c.Localizer("en")
	fr, _ := c.Localizer("fr")
	for _, x := range []struct {
		l    *Localizer
		key  string
		arg  any
		want string
	}{
		{en, "k", 0, "no pages"}, {en, "k", 1, "one page"}, {en, "k", 5, "5 pages"}, {en, "k", "many", "many pages"},
		{en, "three", 1, "a"}, {en, "three", 2, "b"}, // en: one, other → index 1
		{fr, "three", 0, "un"}, {fr, "three", 1000000, "beaucoup"}, {fr, "three", 2, "autre"},
		{fr, "two", 1000000, "autre"}, {fr, "two", 2, "autre"}, {fr, "two", 1, "un"},
		{fr, "k", 0, "no pages"}, // per-key fallback to English
		{en, "hole", "x", "x and $2"},
	} {
		if got := x.l.T(x.key, x.arg); got != x.want {
			t.Errorf("%s %s(%v): %q, want %q", x.l.Lang(), x.key, x.arg, got, x.want)
		}
	}
}

func TestNumbersInEachLanguage(t *testing.T) {
	want := map[string][3]string{ // Decimal(1234567.5, 1), Percent(0.139, 1), Int(-1234)
		"en": {"1,234,567.5", "13.9 %", "-1,234"},
		"es": {"1.234.567,5", "13,9\u00a0%", "-1234"},
		"fr": {"1" + nnbsp + "234" + nnbsp + "567,5", "13,9" + nnbsp + "%", "-1" + nnbsp + "234"},
		"pt": {"1.234.567,5", "13,9%", "-1.234"},
	}
	for lang, w := range want {
		l := mustNew(t, lang)
		got := [3]string{l.Decimal(1234567.5, 1), l.Percent(0.139, 1), l.Int(-1234)}
		if got != w {
			t.Errorf("%s: %q, want %q", lang, got, w)
		}
	}
	en := mustNew(t, "en")
	for _, c := range []struct{ got, want string }{
		{en.Signed(3.25, 1), "+3.3"}, {en.Signed(-0.04, 1), "0.0"}, {en.Signed(-12.5, 0), "-13"},
		{en.Percent(0.1395, 1), "14.0 %"}, {en.Decimal(2.25, 1), "2.3"}, {en.Percent(0.0004, 1), "0.0 %"}, {en.Decimal(-0.5, 0), "-1"},
		{en.Percent(0.5, 0), "50 %"}, {en.Decimal(0, 2), "0.00"}, {en.Int(999), "999"},
		{mustNew(t, "es").Int(12345), "12.345"},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
}

func TestDatesInEachLanguage(t *testing.T) {
	d := time.Date(2021, time.March, 2, 15, 4, 0, 0, time.UTC)
	want := map[string][3]string{
		"en": {"2 March 2021", "March 2021", "2 March 2021 15:04 UTC"},
		"es": {"2 de marzo de 2021", "marzo de 2021", "2 de marzo de 2021, 15:04 UTC"},
		"fr": {"2 mars 2021", "mars 2021", "2 mars 2021 à 15:04 UTC"},
		"pt": {"2 de março de 2021", "março de 2021", "2 de março de 2021, 15:04 UTC"},
	}
	for lang, w := range want {
		l := mustNew(t, lang)
		if got := [3]string{l.Date(d), l.Month(d), l.DateTime(d)}; got != w {
			t.Errorf("%s: %q, want %q", lang, got, w)
		}
		if got := l.Date(time.Time{}); got != "—" {
			t.Errorf("%s zero date: %q", lang, got)
		}
		for m := time.January; m <= time.December; m++ {
			if n := l.MonthName(m); n == "" || strings.Contains(n, "⧼") {
				t.Errorf("%s: month %d: %q", lang, m, n)
			}
			if n := l.ShortMonth(m); n == "" || strings.Contains(n, "⧼") {
				t.Errorf("%s: short month %d: %q", lang, m, n)
			}
		}
	}
	// French writes the first day of a month as an ordinal, and no other.
	for day, w := range map[int]string{1: "1er janvier 2021", 11: "11 janvier 2021", 21: "21 janvier 2021", 31: "31 janvier 2021"} {
		if got := mustNew(t, "fr").Date(time.Date(2021, time.January, day, 0, 0, 0, 0, time.UTC)); got != w {
			t.Errorf("fr day %d: %q, want %q", day, got, w)
		}
	}
	if got := mustNew(t, "en").Date(time.Date(2021, time.January, 1, 0, 0, 0, 0, time.UTC)); got != "1 January 2021" {
		t.Errorf("en first day: %q", got)
	}
	if got := mustNew(t, "fr").ShortMonth(time.February); got != "févr." {
		t.Errorf("fr short February: %q", got)
	}
}

func TestFallbackChains(t *testing.T) {
	for _, c := range []struct{ tag, chain, lang string }{
		{"pt-BR", "pt-br pt en", "pt"},
		{"pt_BR", "pt-br pt en", "pt"},
		{"es-419", "es-419 es en", "es"},
		{"fr-CA", "fr-ca fr en", "fr"},
		{"de", "de en", "en"},
		{"en-GB", "en-gb en", "en"},
		{"zh-Hant-TW", "zh-hant-tw zh-hant zh en", "en"},
		{"", "en", "en"},
		{"ES", "es en", "es"},
	} {
		l := mustNew(t, c.tag)
		if got := strings.Join(l.Chain(), " "); got != c.chain {
			t.Errorf("%q: chain %q, want %q", c.tag, got, c.chain)
		}
		if l.Lang() != c.lang || l.Dir() != "ltr" {
			t.Errorf("%q: lang %q dir %q, want %q ltr", c.tag, l.Lang(), l.Dir(), c.lang)
		}
	}
	_, err := New("not a language!")
	if err == nil || !strings.Contains(err.Error(), `"not a language!"`) || !strings.Contains(err.Error(), "pt-BR") {
		t.Errorf("malformed tag: %v", err)
	}
	for lang, dir := range map[string]string{"ar": "rtl", "he-IL": "rtl", "fa": "rtl", "es": "ltr", "pt": "ltr"} {
		if got := dirOf(lang); got != dir {
			t.Errorf("dirOf(%s) = %s", lang, got)
		}
	}
}

// An unknown key is visible, never empty, and listed; T is safe from
// several goroutines.
func TestUnknownKeyIsVisibleAndListed(t *testing.T) {
	l := mustNew(t, "es")
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := l.T("engagement-no-such-key", 3); got != "⧼engagement-no-such-key⧽" {
				t.Errorf("unknown key: %q", got)
			}
			l.T("engagement-summary-headline")
		}()
	}
	wg.Wait()
	l.T("engagement-also-missing")
	if got := strings.Join(l.Missing(), " "); got != "engagement-also-missing engagement-no-such-key" {
		t.Errorf("Missing: %q", got)
	}
	if got := l.T("engagement-summary-headline"); got != "Cifras principales" {
		t.Errorf("es headline: %q", got)
	}
}

// No translation is left in English where English is a sentence.
func TestTranslationsAreTranslated(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	en := c.File("en")
	for _, lang := range []string{"es", "fr", "pt"} {
		for k, v := range c.File(lang).Messages {
			if v == en.Messages[k] && words(v) >= 3 && !strings.HasPrefix(k, "engagement-source-") {
				t.Errorf("%s.json: %s is English: %q", lang, k, v)
			}
		}
	}
}

// words counts the words with a letter in them.
func words(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			n++
		}
	}
	return n
}

// Wiki names are built from the language's CLDR name and the project's
// name as the community calls it.
func TestWikiNames(t *testing.T) {
	for lang, want := range map[string][2]string{
		"en": {"English Wikipedia", "Swahili Wiktionary"},
		"es": {"Wikipedia en inglés", "Wikcionario en suajili"},
		"fr": {"Wikipédia en anglais", "Wiktionnaire en swahili"},
		"pt": {"Wikipédia em inglês", "Wikcionário em suaíli"},
	} {
		l := mustNew(t, lang)
		got := [2]string{
			l.T("engagement-wiki-name", l.LanguageName("en"), l.T("engagement-project-wikipedia")),
			l.T("engagement-wiki-name", l.LanguageName("sw"), l.T("engagement-project-wiktionary")),
		}
		if got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	if got := mustNew(t, "es").LanguageName("simple"); got != "simple" {
		t.Errorf("LanguageName(simple) = %q", got)
	}
}

// Property: removing the group separators from Int gives the plain digits,
// and groups are of three digits, for any integer in every language.
func TestIntGroupsAnyNumber(t *testing.T) {
	for _, lang := range []string{"en", "es", "fr", "pt"} {
		l := mustNew(t, lang)
		sep := formatFor(lang).group
		f := func(n int64) bool {
			got := l.Int(int(n))
			plain := strconv.FormatInt(n, 10)
			if strings.ReplaceAll(got, sep, "") != plain {
				return false
			}
			groups := strings.Split(strings.TrimPrefix(got, "-"), sep)
			for _, g := range groups[1:] {
				if len(g) != 3 {
					return false
				}
			}
			return len(groups) == 1 || len(groups[0]) <= 3
		}
		if err := quick.Check(f, &quick.Config{MaxCount: 2000}); err != nil {
			t.Errorf("%s: %v", lang, err)
		}
	}
}

// A Text is written in the language asked, and in English by String.
func TestTextInLanguages(t *testing.T) {
	note := Msg("engagement-note-views-failed", "HTTP 503")
	if got := note.String(); got != "Page views could not be fetched: HTTP 503" {
		t.Errorf("English: %q", got)
	}
	fr, err := New("fr")
	if err != nil {
		t.Fatal(err)
	}
	if got := note.In(fr); got != "Les vues des pages n’ont pas pu être obtenues\u00a0: HTTP 503" {
		t.Errorf("French: %q", got)
	}
}
