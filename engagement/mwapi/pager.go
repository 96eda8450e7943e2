package mwapi

import (
	"fmt"
	"net/url"
)

// maxEmptyPages bounds the pages in a row that hold nothing but a new
// continuation: MediaWiki fills every page it continues, so a server doing
// otherwise is stopped rather than followed for ever.
const maxEmptyPages = 10

// pager follows a list's continuation (param is its token: uccontinue,
// lecontinue). Its check runs inside the answer's check, so an answer that
// repeats a continuation already followed, or one empty page too many, is
// refused before it is cached: a rerun asks for it again instead of
// reading the same wrong answer from the cache.
type pager struct {
	param string
	seen  map[string]bool
	empty int // pages in a row with a continuation and no entries
}

func newPager(param string) *pager { return &pager{param: param, seen: map[string]bool{}} }

// check validates one page's continuation; entries is how many entries the
// page holds. It does not change the pager.
func (p *pager) check(cont map[string]string, entries int) error {
	if len(cont) == 0 {
		return nil
	}
	token := cont[p.param]
	if p.seen[token] {
		return fmt.Errorf("%w %q: stopped rather than loop", errRepeated, token)
	}
	if entries == 0 && p.empty+1 > maxEmptyPages {
		return fmt.Errorf("%d pages in a row hold nothing but a continuation: stopped rather than loop", maxEmptyPages+1)
	}
	return nil
}

// next records a checked page and sets the next request's parameters; it
// reports whether there is a next page.
func (p *pager) next(params url.Values, cont map[string]string, entries int) bool {
	if len(cont) == 0 {
		return false
	}
	if entries == 0 {
		p.empty++
	} else {
		p.empty = 0
	}
	p.seen[cont[p.param]] = true
	for k, v := range cont {
		params.Set(k, v)
	}
	return true
}
