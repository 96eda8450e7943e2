package i18n

import (
	"fmt"
	"strconv"
	"strings"
)

// part is one piece of a parsed message: literal text, a placeholder $N,
// or a {{PLURAL:…}} choice.
type part struct {
	text   string // literal text when arg == 0 and plural == nil
	arg    int    // 1-based placeholder number; 0 for text and plural
	plural *pluralPart
}

// pluralPart is {{PLURAL:count|form|…}}: explicit "N=" forms, then the
// forms numbered by the language's CLDR categories.
type pluralPart struct {
	count    []part // usually just $1
	explicit []explicitForm
	forms    [][]part
}

type explicitForm struct {
	number string // as written, e.g. "0"
	form   []part
}

// message is a parsed message.
type message []part

// parseMessage parses the subset of MediaWiki message syntax the project
// uses: $1…$99 and {{PLURAL:$n|…}}. Any other {{…}} (GENDER, GRAMMAR,
// links) is an error, so that a translation cannot silently show markup.
func parseMessage(s string) (message, error) {
	p := &parser{s: s}
	m, err := p.parts(false)
	if err != nil {
		return nil, err
	}
	if p.i < len(s) {
		return nil, fmt.Errorf("column %d: %q with no {{PLURAL: before it", p.i+1, s[p.i:min(p.i+2, len(s))])
	}
	return m, nil
}

type parser struct {
	s string
	i int
}

// parts reads until the end, or, inside PLURAL, until | or }}.
func (p *parser) parts(inPlural bool) ([]part, error) {
	var out []part
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			out = append(out, part{text: text.String()})
			text.Reset()
		}
	}
	for p.i < len(p.s) {
		rest := p.s[p.i:]
		switch {
		case inPlural && (rest[0] == '|' || strings.HasPrefix(rest, "}}")):
			flush()
			return out, nil
		case !inPlural && strings.HasPrefix(rest, "}}"):
			flush()
			return out, nil
		case strings.HasPrefix(rest, "{{"):
			flush()
			pl, err := p.plural()
			if err != nil {
				return nil, err
			}
			out = append(out, part{plural: pl})
		case rest[0] == '$' && len(rest) > 1 && rest[1] >= '1' && rest[1] <= '9':
			flush()
			j := 1
			for j < len(rest) && j < 3 && rest[j] >= '0' && rest[j] <= '9' {
				j++
			}
			n, _ := strconv.Atoi(rest[1:j])
			out = append(out, part{arg: n})
			p.i += j
		default:
			text.WriteByte(rest[0])
			p.i++
		}
	}
	flush()
	return out, nil
}

// plural parses {{PLURAL:count|form|…}} starting at "{{".
func (p *parser) plural() (*pluralPart, error) {
	start := p.i
	body := p.s[p.i+2:]
	name, _, ok := strings.Cut(body, ":")
	if !ok || strings.ContainsAny(name, "|}") {
		return nil, fmt.Errorf("column %d: {{ without a known magic word; only {{PLURAL:$n|…}} is supported", start+1)
	}
	if strings.TrimSpace(strings.ToUpper(name)) != "PLURAL" {
		return nil, fmt.Errorf("column %d: {{%s:}} is not supported; only {{PLURAL:$n|…}}", start+1, strings.TrimSpace(name))
	}
	p.i += 2 + len(name) + 1
	count, err := p.parts(true)
	if err != nil {
		return nil, err
	}
	pl := &pluralPart{count: count}
	for p.i < len(p.s) && p.s[p.i] == '|' {
		p.i++
		form, err := p.parts(true)
		if err != nil {
			return nil, err
		}
		if n, rest, ok := explicitNumber(form); ok {
			pl.explicit = append(pl.explicit, explicitForm{n, rest})
			continue
		}
		pl.forms = append(pl.forms, form)
	}
	if !strings.HasPrefix(p.s[p.i:], "}}") {
		return nil, fmt.Errorf("column %d: {{PLURAL: is not closed with }}", start+1)
	}
	p.i += 2
	if len(pl.forms) == 0 && len(pl.explicit) == 0 {
		return nil, fmt.Errorf("column %d: {{PLURAL:}} has no forms", start+1)
	}
	return pl, nil
}

// explicitNumber recognises a form "N=text" (banana-i18n: digits, then =).
func explicitNumber(form []part) (string, []part, bool) {
	if len(form) == 0 || form[0].arg != 0 || form[0].plural != nil {
		return "", nil, false
	}
	t := form[0].text
	j := 0
	for j < len(t) && (t[j] >= '0' && t[j] <= '9' || t[j] == '.' && j > 0) {
		j++
	}
	if j == 0 || j >= len(t) || t[j] != '=' {
		return "", nil, false
	}
	rest := append([]part(nil), form[1:]...)
	if after := t[j+1:]; after != "" {
		rest = append([]part{{text: after}}, rest...)
	}
	return t[:j], rest, true
}

// shape describes a message's placeholders and PLURAL choices, for
// comparing a translation with the source.
type shape struct {
	Args    []int    // placeholder numbers used anywhere, sorted, unique
	Plurals []string // per PLURAL in order: "count=$1 forms=2"
}

func (m message) shape() shape {
	seen := map[int]bool{}
	var s shape
	var walk func([]part)
	walk = func(ps []part) {
		for _, x := range ps {
			switch {
			case x.arg > 0:
				seen[x.arg] = true
			case x.plural != nil:
				s.Plurals = append(s.Plurals, fmt.Sprintf("count=%s forms=%d", renderRaw(x.plural.count), len(x.plural.forms)))
				walk(x.plural.count)
				for _, e := range x.plural.explicit {
					walk(e.form)
				}
				for _, f := range x.plural.forms {
					walk(f)
				}
			}
		}
	}
	walk(m)
	for n := 1; n <= 99; n++ {
		if seen[n] {
			s.Args = append(s.Args, n)
		}
	}
	return s
}

// renderRaw writes parts back as source text (for messages about them).
func renderRaw(ps []part) string {
	var b strings.Builder
	for _, x := range ps {
		switch {
		case x.arg > 0:
			fmt.Fprintf(&b, "$%d", x.arg)
		case x.plural != nil:
			b.WriteString("{{PLURAL:…}}")
		default:
			b.WriteString(x.text)
		}
	}
	return strings.TrimSpace(b.String())
}
