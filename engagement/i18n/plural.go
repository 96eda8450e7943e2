package i18n

import (
	"strconv"
	"strings"
)

// Category is a CLDR plural category.
type Category string

// The CLDR plural categories, in the order banana-i18n numbers them.
const (
	Zero  Category = "zero"
	One   Category = "one"
	Two   Category = "two"
	Few   Category = "few"
	Many  Category = "many"
	Other Category = "other"
)

// operands are CLDR's plural operands of a decimal number: n absolute
// value, i integer digits, v count of visible fraction digits, f visible
// fraction digits as an integer (t, e and c are not needed by the rules
// shipped here: e is always 0 for numbers written without an exponent).
type operands struct {
	n    float64
	i    uint64
	v, f uint64
}

// operandsOf reads the operands from a number as written ("1", "1.50");
// ok is false when s is not a plain decimal number.
func operandsOf(s string) (operands, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "-")
	if s == "" {
		return operands{}, false
	}
	ip, fp, _ := strings.Cut(s, ".")
	if ip == "" || strings.Trim(ip, "0123456789") != "" || strings.Trim(fp, "0123456789") != "" {
		return operands{}, false
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return operands{}, false
	}
	i, err := strconv.ParseUint(ip, 10, 64)
	if err != nil {
		i = uint64(n) // beyond uint64 the rules below only need i%1e6 == 0
	}
	o := operands{n: n, i: i, v: uint64(len(fp))}
	if fp != "" {
		f, err := strconv.ParseUint(fp, 10, 64)
		if err != nil {
			return operands{}, false
		}
		o.f = f
	}
	return o, true
}

// pluralRule gives a language's categories in banana-i18n's order (other
// last) and picks the category of a number.
type pluralRule struct {
	categories []Category
	pick       func(operands) Category
}

// millionMany is CLDR's "many" of es, fr and pt (since CLDR 38): "e = 0
// and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5".
func millionMany(o operands) bool { return o.i != 0 && o.i%1000000 == 0 && o.v == 0 }

// ruleFor gives the CLDR 46 cardinal rules (common/supplemental/
// plurals.xml) of the languages shipped. They are written here rather than
// taken from golang.org/x/text/feature/plural, whose tables are CLDR 32:
// they lack the "many" category that es, fr and pt gained in CLDR 38
// (plural_test.go shows the difference at 1,000,000).
func ruleFor(lang string) (pluralRule, bool) {
	three := []Category{One, Many, Other}
	switch lang {
	case "en":
		return pluralRule{[]Category{One, Other}, pickEN}, true
	case "es":
		return pluralRule{three, pickES}, true
	case "fr":
		return pluralRule{three, pickFR}, true
	case "pt":
		return pluralRule{three, pickPT}, true
	}
	return pluralRule{}, false
}

// pickEN: one: i = 1 and v = 0.
func pickEN(o operands) Category {
	if o.i == 1 && o.v == 0 {
		return One
	}
	return Other
}

// pickES: one: n = 1; many: the million rule.
func pickES(o operands) Category {
	switch {
	case o.n == 1:
		return One
	case millionMany(o):
		return Many
	}
	return Other
}

// pickFR: one: i = 0,1; many: the million rule.
func pickFR(o operands) Category {
	switch {
	case o.i == 0 || o.i == 1:
		return One
	case millionMany(o):
		return Many
	}
	return Other
}

// pickPT (CLDR's "pt", Brazilian Portuguese): one: i = 0..1; many: the
// million rule. (pt-PT, one: i = 1 and v = 0, is not shipped.)
func pickPT(o operands) Category {
	switch {
	case o.i <= 1:
		return One
	case millionMany(o):
		return Many
	}
	return Other
}

// formIndex is banana-i18n's getPluralForm: the position of the number's
// category among the language's categories.
func (r pluralRule) formIndex(o operands) int {
	c := r.pick(o)
	for i, x := range r.categories {
		if x == c {
			return i
		}
	}
	return len(r.categories) - 1
}
