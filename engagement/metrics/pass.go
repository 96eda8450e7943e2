package metrics

import (
	"slices"
	"sync"
)

// rec is one contribution reduced to what the hot loops need, in 16
// bytes: a million of them are sorted.
type rec struct {
	t   int64  // unix seconds
	p   int32  // participant index
	ref uint32 // row in the table, with contentBit set for a content namespace
}

const contentBit = 1 << 31

func newRec(p int32, row int, t int64, content bool) rec {
	r := rec{t: t, p: p, ref: uint32(row)}
	if content {
		r.ref |= contentBit
	}
	return r
}

// ci returns the row of the contribution in the table.
func (r rec) ci() int32 { return int32(r.ref &^ contentBit) }

// content reports whether the contribution is in a content namespace.
func (r rec) content() bool { return r.ref&contentBit != 0 }

// perP holds what the metric families need of one participant, each window
// as one bit: bit d of retained for Params.RetentionDays[d], bit k-1 of
// active and activeEd for month k.
type perP struct {
	retained   uint64
	active     uint64
	activeEd   uint64
	survFirst  bool
	survSecond bool
	dashboard  bool
}

// bytesAgg sums sizediff over content-namespace revisions; noSize counts
// those without a sizediff, left out of both sums.
type bytesAgg struct{ added, net, noSize int }

type wnKey struct {
	wiki   uint32 // Table.WikiID
	ns     int
	period Period
}

type wnAgg struct {
	WikiNamespaceCount
	lastP int32
}

type pageKey struct {
	wiki uint32 // Table.WikiID
	page int64
}

type pageAgg struct {
	PageCount
	lastP int32
	ci    int32 // the row whose title the page takes (breakdowns fills Title)
}

// pass is one computation: the inputs, the segmented participants, and what
// the per-participant pass found. Metric families (rows.go, months.go) read
// it; a new family adds a method that reads sums, pp and the other
// per-participant slices, all indexed like sums.
type pass struct {
	ev       Event
	p        Params
	contribs *Table
	byUser   *userRows // the table's rows by author, when indexed (nil: every row is read)
	parallel int       // selected contributions from which to use two cores
	start    int64
	end      int64
	asOf     int64
	home     int64 // Table.WikiID of the home wiki; -1 when no row is on it

	// Segmenting.
	index  map[string]int32
	sums   []ParticipantSummary
	regs   []int64 // registration, unix seconds; valid where hasReg
	hasReg []bool

	// Selected contributions, sorted by participant, time and revision.
	recs    []rec
	ignored int

	// Per-participant results, indexed like sums.
	pp          []perP
	firstAfter  []int64 // 0 = none
	lastEdit    []int64
	hasEdit     []bool
	bytesDuring []bytesAgg
	bytesAfter  []bytesAgg
	months      monthGrid

	// Breakdowns of included participants' edits.
	folds
}

// folds is what the per-participant pass adds up across participants. The
// pass runs on two halves of the participants at once, each with its own
// folds, merged after.
type folds struct {
	window []int // scratch: content edits per active window

	byWN    map[wnKey]*wnAgg
	wnCache wnCache
	pages   byPage[*pageAgg]
	// Content pages created and edited per period, with bit flags per
	// segment: edited by new (1), by experienced (2), created by new (4),
	// by experienced (8).
	during byPage[uint8]
	after  byPage[uint8]
}

func newFolds(activeMonths int) *folds {
	return &folds{window: make([]int, activeMonths), byWN: map[wnKey]*wnAgg{}}
}

// merge adds o, the folds of later participants, to f.
func (f *folds) merge(o *folds) {
	for k, w := range o.byWN {
		m := f.byWN[k]
		if m == nil {
			f.byWN[k] = w
			continue
		}
		m.Edits += w.Edits
		m.Editors += w.Editors // each participant is in one half only
		m.PagesCreated += w.PagesCreated
		m.BytesAdded += w.BytesAdded
		m.BytesNet += w.BytesNet
	}
	for k, pg := range o.pages.all() {
		m, _ := f.pages.get(k)
		if m == nil {
			f.pages.set(k, pg)
			continue
		}
		m.Edits += pg.Edits // the title (ci) stays the one first met, in f
		m.Editors += pg.Editors
		m.Created = m.Created || pg.Created
		m.BytesAdded += pg.BytesAdded
	}
	for k, v := range o.during.all() {
		old, _ := f.during.get(k)
		f.during.set(k, old|v)
	}
	for k, v := range o.after.all() {
		old, _ := f.after.get(k)
		f.after.set(k, old|v)
	}
}

func newPass(ev Event, p Params, contribs *Table) *pass {
	a := &pass{ev: ev, p: p, contribs: contribs,
		start: ev.Start.Unix(), end: ev.End.Unix(), asOf: p.AsOf.Unix(), home: -1}
	if id, ok := contribs.wikis.ids[ev.HomeWiki()]; ok {
		a.home = int64(id)
	}
	return a
}

// wikiInfo caches, per wiki, whether it is in scope and which namespaces are
// content namespaces.
type wikiInfo struct {
	inScope bool
	content map[int]bool
}

// isContent reports whether ns is a content namespace of the wiki.
func (a *pass) isContent(wi *wikiInfo, wiki string, ns int) bool {
	c, known := wi.content[ns]
	if !known {
		list, ok := a.p.ContentNamespaces[wiki]
		c = ns == 0
		if ok {
			c = slices.Contains(list, ns)
		}
		wi.content[ns] = c
	}
	return c
}

// selectContributions keeps the participants' contributions on the scope
// wikis up to as-of, sorted by participant, time and revision, each revision
// once.
func (a *pass) selectContributions() {
	t := a.contribs
	wikis := a.wikiInfos()
	users := make([]int32, len(t.Usernames())) // participant index + 1; 0 = not a participant
	for u, name := range t.Usernames() {
		if pi, ok := a.index[name]; ok {
			users[u] = pi + 1
		}
	}
	take := func(i int) {
		wi, pi := wikis[t.wiki[i]], users[t.user[i]]-1
		if pi < 0 || !wi.inScope {
			a.ignored++
			return
		}
		if t.sec[i] > a.asOf {
			return
		}
		a.recs = append(a.recs, newRec(pi, i, t.sec[i], a.isContent(wi, t.Wikis()[t.wiki[i]], t.ns[i])))
	}
	if a.byUser == nil {
		a.recs = make([]rec, 0, t.Len())
		for i := range t.Len() {
			take(i)
		}
	} else { // only the participants' rows: a campaign's event has a few of them
		of := func(u int) []int32 { return a.byUser.rows[a.byUser.start[u]:a.byUser.start[u+1]] }
		n := 0
		for u, pi := range users {
			if pi > 0 {
				n += len(of(u))
			}
		}
		a.recs = make([]rec, 0, n)
		a.ignored += t.Len() - n // the rows of other people
		for u, pi := range users {
			if pi > 0 {
				for _, i := range of(u) {
					take(int(i))
				}
			}
		}
	}
	a.sortRecs()
	a.dedup()
}

// userRows lists a table's rows by author: rows[start[u]:start[u+1]] are
// those of Table.UserID u, in table order.
type userRows struct {
	start []int32
	rows  []int32
}

// rowsByUser indexes t's rows by author, for computing many events (a
// campaign's) on one table.
func rowsByUser(t *Table) *userRows {
	n := len(t.Usernames())
	start := make([]int32, n+1)
	for _, u := range t.user {
		start[u+1]++
	}
	for u := range n {
		start[u+1] += start[u]
	}
	next := slices.Clone(start[:n])
	rows := make([]int32, t.Len())
	for i, u := range t.user {
		rows[next[u]] = int32(i)
		next[u]++
	}
	return &userRows{start: start, rows: rows}
}

// wikiInfos returns, per Table.WikiID, whether the wiki is in scope, with
// an empty cache of its content namespaces.
func (a *pass) wikiInfos() []*wikiInfo {
	scope := map[string]bool{}
	for _, w := range a.ev.Wikis {
		scope[w] = true
	}
	out := make([]*wikiInfo, len(a.contribs.Wikis()))
	for id, w := range a.contribs.Wikis() {
		out[id] = &wikiInfo{inScope: len(scope) == 0 || scope[w], content: map[int]bool{}}
	}
	return out
}

// dedup keeps one of each revision: the same revision from two sources is
// adjacent after sorting.
func (a *pass) dedup() {
	if len(a.recs) < 2 {
		return
	}
	out := a.recs[:1]
	for _, r := range a.recs[1:] {
		last := out[len(out)-1]
		if t := a.contribs; r.p == last.p && r.t == last.t && t.rev[r.ci()] == t.rev[last.ci()] && t.wiki[r.ci()] == t.wiki[last.ci()] {
			continue
		}
		out = append(out, r)
	}
	a.recs = out
}

// run is the per-participant pass: it walks each participant's
// contributions in time order once.
func (a *pass) run() {
	n := len(a.sums)
	a.pp = make([]perP, n)
	a.firstAfter = make([]int64, n)
	a.lastEdit = make([]int64, n)
	a.hasEdit = make([]bool, n)
	a.bytesDuring = make([]bytesAgg, n)
	a.bytesAfter = make([]bytesAgg, n)
	a.months = newMonthGrid(a.ev, a.p.AsOf, n)
	// Two halves at a participant boundary, on two cores when there is
	// enough to do; everything per participant is indexed by participant.
	cut := len(a.recs) / 2
	for cut > 0 && cut < len(a.recs) && a.recs[cut].p == a.recs[cut-1].p {
		cut++
	}
	if len(a.recs) < a.parallel {
		cut = len(a.recs)
	}
	lo, hi := newFolds(a.p.ActiveMonths), newFolds(a.p.ActiveMonths)
	var wg sync.WaitGroup
	wg.Go(func() { a.fold(hi, a.recs[cut:]) })
	a.fold(lo, a.recs[:cut])
	wg.Wait()
	lo.merge(hi)
	a.folds = *lo
}

// fold walks the participants of recs, each run of one participant's
// contributions in time order.
func (a *pass) fold(f *folds, recs []rec) {
	for i := 0; i < len(recs); {
		j := i
		for j < len(recs) && recs[j].p == recs[i].p {
			j++
		}
		a.participant(f, recs[i].p, recs[i:j])
		i = j
	}
}

// participant folds one participant's contributions, in time order.
func (a *pass) participant(f *folds, pi int32, recs []rec) {
	s := &a.sums[pi]
	a.lastEdit[pi], a.hasEdit[pi] = recs[len(recs)-1].t, true
	clear(f.window)
	for _, r := range recs {
		c := a.row(r.ci())
		period := a.period(pi, r)
		a.bytes(pi, r, c)
		a.months.add(int(pi), r)
		if period == After {
			a.afterEvent(f, pi, r, c)
		}
		a.survival(pi, r)
		if s.Segment != SegmentExcluded {
			a.breakdown(f, pi, r, c, period)
		}
	}
	q := &a.pp[pi]
	for k, n := range f.window {
		if n >= a.p.ActiveEditorEdits {
			q.activeEd |= 1 << k
		}
	}
}

// row is what the per-participant pass reads of a contribution.
type row struct {
	wiki        uint32
	ns, size    int
	page        int64
	new, noSize bool
	ci          int32
}

// row returns contribution ci's columns.
func (a *pass) row(ci int32) row {
	t, f := a.contribs, a.contribs.flags[ci]
	return row{wiki: t.wiki[ci], ns: t.ns[ci], size: t.size[ci], page: t.page[ci],
		new: f&flagNew != 0, noSize: f&flagNoSizeDiff != 0, ci: ci}
}

// period places r in the event window and counts it in the summary.
func (a *pass) period(pi int32, r rec) Period {
	s := &a.sums[pi]
	switch {
	case r.t < a.start:
		s.EditsBefore++
		return Before
	case r.t <= a.end:
		s.EditsDuring++
		return During
	}
	s.EditsAfter++
	if a.firstAfter[pi] == 0 {
		a.firstAfter[pi] = r.t
	}
	return After
}

// bytes adds a content-namespace revision during or after the event to the
// byte sums, or counts it when its sizediff is unknown.
func (a *pass) bytes(pi int32, r rec, c row) {
	if r.t < a.start || !r.content() {
		return
	}
	b := &a.bytesDuring[pi]
	if r.t > a.end {
		b = &a.bytesAfter[pi]
	}
	if c.noSize {
		b.noSize++
		return
	}
	b.net += c.size
	b.added += max(c.size, 0)
}

// afterEvent records the retention and activity windows an edit after the
// event falls in.
func (a *pass) afterEvent(f *folds, pi int32, r rec, c row) {
	q := &a.pp[pi]
	for d, days := range a.p.RetentionDays {
		if r.t >= a.end+int64(days)*day {
			q.retained |= 1 << d
		}
	}
	k := int((r.t - a.end - 1) / (30 * day)) // window (end+30k, end+30(k+1)]
	if k >= 0 && k < a.p.ActiveMonths {
		q.active |= 1 << k
		if r.content() {
			f.window[k]++
		}
	}
	if int64(c.wiki) == a.home && c.ns == 0 && r.t >= a.end+7*day {
		q.dashboard = true
	}
}

// survival records edits in the surviving-new-editor windows after
// registration.
func (a *pass) survival(pi int32, r rec) {
	if !a.hasReg[pi] {
		return
	}
	reg, q := a.regs[pi], &a.pp[pi]
	if r.t >= reg && r.t <= reg+day {
		q.survFirst = true
	}
	if r.t >= reg+30*day && r.t <= reg+60*day {
		q.survSecond = true
	}
}
