package i18n

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// Check compares every translation with en.json and qqq.json, as
// translatewiki.net and banana-checker would: each language has every key
// and no other, uses the same placeholders as English, and puts PLURAL on
// the same numbers with as many forms as English does there (a
// translation may use such a PLURAL more or fewer times, for agreement);
// qqq.json documents every key. It returns the problems, sorted; none
// when the catalogue is whole.
func (c *Catalog) Check() []string {
	en := c.files["en"]
	var out []string
	if q := c.files["qqq"]; q == nil {
		out = append(out, "qqq.json: missing: every key needs a documentation line")
	} else {
		out = append(out, keyDiff("qqq", en, q)...)
		out = append(out, undocumented(en, q)...)
	}
	for _, lang := range c.Languages() {
		f := c.files[lang]
		if len(f.Authors) == 0 {
			out = append(out, fmt.Sprintf("%s.json: @metadata has no authors", lang))
		}
		if lang == "en" {
			continue
		}
		out = append(out, keyDiff(lang, en, f)...)
		for k, m := range f.parsed {
			if src, ok := en.parsed[k]; ok {
				out = append(out, compareShapes(lang, k, src.shape(), m.shape())...)
			}
		}
	}
	sort.Strings(out)
	return out
}

// undocumented lists the empty documentation lines and those that do not
// say what one of the message's placeholders holds.
func undocumented(en, q *File) []string {
	var out []string
	for k, doc := range q.Messages {
		m, ok := en.parsed[k]
		switch {
		case !ok:
		case strings.TrimSpace(doc) == "":
			out = append(out, fmt.Sprintf("qqq.json: %s: empty documentation", k))
		default:
			for _, n := range m.shape().Args {
				if !mentions(doc, n) {
					out = append(out, fmt.Sprintf("qqq.json: %s: does not say what $%d holds", k, n))
				}
			}
		}
	}
	return out
}

// mentions reports whether doc names $n (and not only $n0 … $n9).
func mentions(doc string, n int) bool {
	p := fmt.Sprintf("$%d", n)
	for i := strings.Index(doc, p); i >= 0; {
		end := i + len(p)
		if end == len(doc) || doc[end] < '0' || doc[end] > '9' {
			return true
		}
		j := strings.Index(doc[end:], p)
		if j < 0 {
			break
		}
		i = end + j
	}
	return false
}

// keyDiff lists the keys f lacks and those it has beyond en.
func keyDiff(lang string, en, f *File) []string {
	var out []string
	for k := range en.Messages {
		if _, ok := f.Messages[k]; !ok {
			out = append(out, fmt.Sprintf("%s.json: %s: missing", lang, k))
		}
	}
	for k := range f.Messages {
		if _, ok := en.Messages[k]; !ok {
			out = append(out, fmt.Sprintf("%s.json: %s: not in en.json", lang, k))
		}
	}
	return out
}

// compareShapes checks a translation's placeholders and PLURAL forms
// against English's.
func compareShapes(lang, key string, en, tr shape) []string {
	var out []string
	if !reflect.DeepEqual(en.Args, tr.Args) {
		out = append(out, fmt.Sprintf("%s.json: %s: placeholders %s, English has %s", lang, key, dollars(tr.Args), dollars(en.Args)))
	}
	forms := map[string]string{} // count → "forms=N" in English
	for _, p := range en.Plurals {
		count, n, _ := strings.Cut(p, " ")
		forms[count] = n
	}
	for _, p := range tr.Plurals {
		count, n, _ := strings.Cut(p, " ")
		want, ok := forms[count]
		switch {
		case !ok && countsOn(strings.TrimPrefix(count, "count="), en.Args):
			// A language may need forms where English needs none (French
			// "1er" for the first day of a month), as translatewiki.net
			// allows, when the count is one of English's placeholders.
		case !ok:
			out = append(out, fmt.Sprintf("%s.json: %s: {{PLURAL:%s}} where English has none", lang, key, strings.TrimPrefix(count, "count=")))
		case want != n:
			out = append(out, fmt.Sprintf("%s.json: %s: {{PLURAL:%s}} with %s, English has %s", lang, key, strings.TrimPrefix(count, "count="), n, want))
		}
	}
	return out
}

// countsOn reports whether a PLURAL's count is "$N" for one of args.
func countsOn(count string, args []int) bool {
	for _, a := range args {
		if count == fmt.Sprintf("$%d", a) {
			return true
		}
	}
	return false
}

func dollars(args []int) string {
	if len(args) == 0 {
		return "none"
	}
	s := make([]string, len(args))
	for i, a := range args {
		s[i] = fmt.Sprintf("$%d", a)
	}
	return strings.Join(s, " ")
}
