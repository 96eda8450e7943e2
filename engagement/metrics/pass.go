package metrics

import (
	"cmp"
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
}

// pass is one computation: the inputs, the segmented participants, and what
// the per-participant pass found. Metric families (rows.go, months.go) read
// it; a new family adds a method that reads sums, pp and the other
// per-participant slices, all indexed like sums.
type pass struct {
	ev       Event
	p        Params
	contribs *Table
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
	window      []int // scratch: content edits per active window

	// Breakdowns of included participants' edits.
	byWN  map[wnKey]*wnAgg
	pages map[pageKey]*pageAgg
	// Content pages created and edited per period, with bit flags per
	// segment: edited by new (1), by experienced (2), created by new (4),
	// by experienced (8).
	during map[pageKey]uint8
	after  map[pageKey]uint8
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
	a.recs = make([]rec, 0, t.Len())
	for i := range t.Len() {
		wi, pi := wikis[t.wiki[i]], users[t.user[i]]-1
		if pi < 0 || !wi.inScope {
			a.ignored++
			continue
		}
		if t.sec[i] > a.asOf {
			continue
		}
		a.recs = append(a.recs, newRec(pi, i, t.sec[i], a.isContent(wi, t.Wikis()[t.wiki[i]], t.ns[i])))
	}
	a.sortRecs()
	a.dedup()
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

// sortRecs sorts the records by participant, time, revision and place in
// the contributions: in place, by participant (American flag sort), then
// each participant's run.
func (a *pass) sortRecs() {
	n := int32(len(a.sums))
	starts := make([]int32, n+1)
	for _, r := range a.recs {
		starts[r.p+1]++
	}
	for p := range n {
		starts[p+1] += starts[p]
	}
	next := slices.Clone(starts[:n])
	for p := range n {
		for next[p] < starts[p+1] {
			r := a.recs[next[p]]
			for r.p != p { // swap r into its participant's run
				dst := next[r.p]
				next[r.p]++
				a.recs[dst], r = r, a.recs[dst]
			}
			a.recs[next[p]] = r
			next[p]++
		}
	}
	// Each participant's run in time order; the participants in two halves
	// of about equal size, on two cores when there is enough to sort.
	half := int32(0)
	for half < n && starts[half] < int32(len(a.recs)/2) {
		half++
	}
	if len(a.recs) < 1<<14 {
		half = n
	}
	var wg sync.WaitGroup
	rev := a.contribs.rev
	wg.Go(func() { sortRuns(a.recs, rev, starts[half:]) })
	sortRuns(a.recs, rev, starts[:half+1])
	wg.Wait()
}

// sortRuns sorts each run recs[starts[i]:starts[i+1]] by time, revision
// and place in the contributions.
func sortRuns(recs []rec, rev []int64, starts []int32) {
	byTime := func(x, y rec) int {
		if x.t != y.t {
			return cmp.Compare(x.t, y.t)
		}
		return cmp.Or(cmp.Compare(rev[x.ci()], rev[y.ci()]), cmp.Compare(x.ci(), y.ci()))
	}
	for i := 0; i+1 < len(starts); i++ {
		run := recs[starts[i]:starts[i+1]]
		if !slices.IsSortedFunc(run, byTime) {
			slices.SortFunc(run, byTime)
		}
	}
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
	a.window = make([]int, a.p.ActiveMonths)
	a.byWN = map[wnKey]*wnAgg{}
	a.pages = map[pageKey]*pageAgg{}
	a.during = map[pageKey]uint8{}
	a.after = map[pageKey]uint8{}
	for i := 0; i < len(a.recs); {
		j := i
		for j < len(a.recs) && a.recs[j].p == a.recs[i].p {
			j++
		}
		a.participant(a.recs[i].p, a.recs[i:j])
		i = j
	}
}

// participant folds one participant's contributions, in time order.
func (a *pass) participant(pi int32, recs []rec) {
	s := &a.sums[pi]
	a.lastEdit[pi], a.hasEdit[pi] = recs[len(recs)-1].t, true
	clear(a.window)
	for _, r := range recs {
		c := a.row(r.ci())
		period := a.period(pi, r)
		a.bytes(pi, r, c)
		a.months.add(int(pi), r)
		if period == After {
			a.afterEvent(pi, r, c)
		}
		a.survival(pi, r)
		if s.Segment != SegmentExcluded {
			a.breakdown(pi, r, c, period)
		}
	}
	q := &a.pp[pi]
	for k, n := range a.window {
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
func (a *pass) afterEvent(pi int32, r rec, c row) {
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
			a.window[k]++
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
