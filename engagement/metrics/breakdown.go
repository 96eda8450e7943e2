package metrics

import (
	"cmp"
	"slices"
	"sort"
	"strings"
)

// breakdown adds an included participant's edit to the per wiki and
// namespace counts, the top pages and the content pages' flags.
func (a *pass) breakdown(f *folds, pi int32, r rec, c row, period Period) {
	w := a.wnAgg(f, wnKey{c.wiki, c.ns, period})
	tally(&w.Edits, &w.Editors, &w.lastP, pi)
	if c.new {
		w.PagesCreated++
	}
	if !c.noSize {
		w.BytesAdded += max(c.size, 0)
		w.BytesNet += c.size
	}
	if period == Before {
		return
	}
	pk := pageKey{c.wiki, c.page}
	if period == During {
		a.topPage(f, pi, pk, c)
	}
	if r.content() {
		a.flagPage(f, pi, pk, c, period)
	}
}

// wnAgg returns the counts of a wiki, namespace and period, made when new.
func (a *pass) wnAgg(f *folds, k wnKey) *wnAgg {
	c := &f.wnCache[f.wnCache.slot(k)]
	if c.agg != nil && c.key == k {
		return c.agg
	}
	w := f.byWN[k]
	if w == nil {
		w = &wnAgg{WikiNamespaceCount: WikiNamespaceCount{Wiki: a.contribs.Wikis()[k.wiki], NS: k.ns, Period: k.period}, lastP: -1}
		f.byWN[k] = w
	}
	c.key, c.agg = k, w
	return w
}

// tally counts an edit, and its editor once: each participant's edits come
// together, so a change of lastP is a new editor.
func tally(edits, editors *int, lastP *int32, pi int32) {
	*edits++
	if *lastP != pi {
		*editors++
		*lastP = pi
	}
}

// topPage counts an edit during the event on its page.
func (a *pass) topPage(f *folds, pi int32, pk pageKey, c row) {
	pg, _ := f.pages.get(pk)
	if pg == nil {
		pg = &pageAgg{PageCount: PageCount{Wiki: a.contribs.Wikis()[c.wiki], NS: c.ns}, lastP: -1, ci: c.ci}
		f.pages.set(pk, pg)
	}
	tally(&pg.Edits, &pg.Editors, &pg.lastP, pi)
	if c.new {
		pg.Created = true
	}
	if !c.noSize {
		pg.BytesAdded += max(c.size, 0)
	}
}

// flagPage marks a content page edited, or created, by the participant's
// segment in the period.
func (a *pass) flagPage(f *folds, pi int32, pk pageKey, c row, period Period) {
	flags := &f.during
	if period == After {
		flags = &f.after
	}
	bit := uint8(1)
	if a.sums[pi].Segment == SegmentExperienced {
		bit = 2
	}
	v, _ := flags.get(pk)
	v |= bit
	if c.new {
		v |= bit << 2
	}
	flags.set(pk, v)
}

// breakdowns returns the per wiki and namespace counts, by wiki, namespace
// and period, and the pages edited during the event, most edited first.
func (a *pass) breakdowns() ([]WikiNamespaceCount, []PageCount) {
	var wn []WikiNamespaceCount
	for _, w := range a.byWN {
		wn = append(wn, w.WikiNamespaceCount)
	}
	periodOrder := map[Period]int{Before: 0, During: 1, After: 2}
	sort.Slice(wn, func(i, j int) bool {
		x, y := wn[i], wn[j]
		if x.Wiki != y.Wiki {
			return x.Wiki < y.Wiki
		}
		if x.NS != y.NS {
			return x.NS < y.NS
		}
		return periodOrder[x.Period] < periodOrder[y.Period]
	})
	return wn, a.topPages()
}

// topPages returns the pages edited during the event, most edited first.
// One string holds every title: a page's is a slice of it.
func (a *pass) topPages() []PageCount {
	var top []PageCount // nil when no page was edited
	var ci []int32
	if n := a.pages.len(); n > 0 {
		top, ci = make([]PageCount, 0, n), make([]int32, 0, n)
	}
	size := 0
	for _, pg := range a.pages.all() {
		top = append(top, pg.PageCount)
		ci = append(ci, pg.ci)
		size += len(a.contribs.titleBytes(int(pg.ci)))
	}
	var b strings.Builder
	b.Grow(size)
	for _, i := range ci {
		b.Write(a.contribs.titleBytes(int(i)))
	}
	all, off := b.String(), 0
	for i := range top {
		n := len(a.contribs.titleBytes(int(ci[i])))
		top[i].Title = all[off : off+n]
		off += n
	}
	slices.SortFunc(top, comparePages)
	return top
}

// comparePages orders pages most edited first, then by wiki and title, and
// pages that share those (a page deleted and created again has a new id)
// by every other field: the order never depends on the order pages were
// met in, and pages it cannot tell apart are shown alike.
func comparePages(x, y PageCount) int {
	return cmp.Or(cmp.Compare(y.Edits, x.Edits), cmp.Compare(x.Wiki, y.Wiki), cmp.Compare(x.Title, y.Title),
		cmp.Compare(x.NS, y.NS), cmp.Compare(y.Editors, x.Editors), cmp.Compare(y.BytesAdded, x.BytesAdded),
		boolCompare(y.Created, x.Created))
}

// boolCompare orders false before true.
func boolCompare(x, y bool) int {
	switch {
	case x == y:
		return 0
	case x:
		return 1
	}
	return -1
}
