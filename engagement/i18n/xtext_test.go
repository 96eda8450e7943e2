package i18n

import (
	"strconv"
	"testing"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	xmessage "golang.org/x/text/message"
	"golang.org/x/text/number"
)

// golang.org/x/text v0.31.0 was tried before writing plural.go and
// format.go. Its plural tables (CLDR 32) agree with CLDR 46 at 0, 1, 2, 21
// and 1000 in every language shipped, but put 1,000,000 in "other" where
// es, fr and pt now have "many"; its French numbers group with U+00A0
// where CLDR 34 and later use U+202F. This test records both, so that an
// upgrade that fixes them is noticed (then plural.go may use x/text).
func TestXTextIsOlderCLDR(t *testing.T) {
	xform := map[plural.Form]Category{plural.Other: Other, plural.Zero: Zero, plural.One: One, plural.Two: Two, plural.Few: Few, plural.Many: Many}
	for _, lang := range []string{"en", "es", "fr", "pt"} {
		ours, _ := ruleFor(lang)
		tag := language.MustParse(lang)
		for _, n := range []int{0, 1, 2, 21, 1000, 1000000} {
			x := xform[plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)]
			o, _ := operandsOf(strconv.Itoa(n))
			mine := ours.pick(o)
			differs := lang != "en" && n == 1000000
			if differs && (x != Other || mine != Many) || !differs && x != mine {
				t.Errorf("%s %d: x/text %s, CLDR 46 %s", lang, n, x, mine)
			}
		}
	}
	got := xmessage.NewPrinter(language.French).Sprint(number.Decimal(1234567.5))
	if got != "1\u00a0234\u00a0567,5" {
		t.Errorf("x/text fr 1234567.5 = %q: its French grouping changed, compare format.go with it", got)
	}
	l, _ := New("fr")
	if l.Decimal(1234567.5, 1) != "1\u202f234\u202f567,5" {
		t.Errorf("fr: %q", l.Decimal(1234567.5, 1))
	}
}
