package metrics

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"time"
)

const day = int64(24 * 60 * 60)

// wilsonZ is the normal quantile for a two-sided 95% interval.
const wilsonZ = 1.959963984540054

// Wilson returns the 95% Wilson score interval of k successes out of n.
// For n = 0 it returns NaN, NaN.
func Wilson(k, n int) (low, high float64) {
	if n <= 0 {
		return math.NaN(), math.NaN()
	}
	p := float64(k) / float64(n)
	nn := float64(n)
	z2 := wilsonZ * wilsonZ
	den := 1 + z2/nn
	center := (p + z2/(2*nn)) / den
	half := wilsonZ * math.Sqrt(p*(1-p)/nn+z2/(4*nn*nn)) / den
	return math.Max(0, center-half), math.Min(1, center+half)
}

// share builds a Row for k of n.
func share(metric string, seg Segment, k, n int) Row {
	r := Row{Metric: metric, Segment: seg, IsShare: true, Numerator: k, Denominator: n}
	if n == 0 {
		r.Empty = true
		r.Note = NoteEmptySegment
		return r
	}
	r.Value = float64(k) / float64(n)
	r.CILow, r.CIHigh = Wilson(k, n)
	return r
}

func count(metric string, seg Segment, v int) Row {
	return Row{Metric: metric, Segment: seg, Value: float64(v)}
}

func notObservable(metric string, seg Segment, isShare bool) Row {
	return Row{Metric: metric, Segment: seg, Empty: true, IsShare: isShare, Note: NoteNotObservable}
}

// rec is one contribution reduced to what the hot loops need.
type rec struct {
	t       int64 // unix seconds
	rev     int64 // revision id
	p       int32 // participant index
	ci      int32 // index into the contributions slice
	content bool
}

// autoExclusion applies the exclusions that depend on the fetched data, in
// metrics.md's order: account not found (only when the lookup answered),
// bot, data incomplete.
func autoExclusion(found, bot bool, incomplete string) Exclusion {
	switch {
	case !found && incomplete != "":
		return ExcludeIncomplete // the lookup did not answer: not "not found"
	case !found:
		return ExcludeNotFound
	case bot:
		return ExcludeBot
	case incomplete != "":
		return ExcludeIncomplete
	}
	return NotExcluded
}

// Compute derives every metric of the event. Participants are deduplicated by
// username (the first entry wins); contributions are deduplicated by
// (wiki, revid), restricted to the scope wikis (when ev.Wikis is set), to
// participants, and to t <= as-of. Contributions of users who are not
// participants are ignored.
func Compute(ev Event, participants []Participant, accounts []Account, contribs []Contribution, p Params) (*Result, error) {
	if p.AsOf.IsZero() {
		return nil, errors.New("metrics: as-of is not set")
	}
	if ev.End.Before(ev.Start) {
		return nil, fmt.Errorf("metrics: event ends (%s) before it starts (%s)", ev.End.Format(time.RFC3339), ev.Start.Format(time.RFC3339))
	}
	if len(contribs) > math.MaxInt32 {
		return nil, errors.New("metrics: too many contributions")
	}
	start, end, asOf := ev.Start.Unix(), ev.End.Unix(), p.AsOf.Unix()
	lookback := int64(p.NewEditorLookback / time.Second)

	// Participants and their segments.
	acct := make(map[string]Account, len(accounts))
	for _, a := range accounts {
		acct[a.Username] = a
	}
	index := make(map[string]int32, len(participants))
	sums := make([]ParticipantSummary, 0, len(participants))
	regs := make([]int64, 0, len(participants))
	hasReg := make([]bool, 0, len(participants))
	for _, pa := range participants {
		if _, dup := index[pa.Username]; dup {
			continue
		}
		index[pa.Username] = int32(len(sums))
		s := ParticipantSummary{Username: pa.Username, Excluded: pa.Excluded}
		a, found := acct[pa.Username]
		if s.Excluded == NotExcluded {
			s.Excluded = autoExclusion(found, a.Bot, pa.Incomplete)
		}
		if s.Excluded == ExcludeIncomplete {
			s.Detail = pa.Incomplete
		}
		if found && !a.Registration.IsZero() {
			s.Registration = a.Registration.UTC()
		}
		reg := s.Registration.Unix()
		regs = append(regs, reg)
		hasReg = append(hasReg, !s.Registration.IsZero())
		switch {
		case s.Excluded != NotExcluded:
			s.Segment = SegmentExcluded
		case !s.Registration.IsZero() && reg >= start-lookback:
			s.Segment = SegmentNew
		default:
			s.Segment = SegmentExperienced
		}
		sums = append(sums, s)
	}

	// Contributions: scope, participants, as-of, dedup.
	scope := map[string]bool{}
	for _, w := range ev.Wikis {
		scope[w] = true
	}
	contentNS := func(wiki string, ns int) bool {
		list, ok := p.ContentNamespaces[wiki]
		if !ok {
			return ns == 0
		}
		return slices.Contains(list, ns)
	}
	type wikiInfo struct {
		inScope bool
		content map[int]bool
	}
	wikis := map[string]*wikiInfo{}
	recs := make([]rec, 0, len(contribs))
	ignored := 0
	// Consecutive contributions usually share a wiki and an author: look
	// them up once per run of equal values.
	var lastWiki, lastUser string
	var wi *wikiInfo
	var pi int32
	pok := false
	for i := range contribs {
		c := &contribs[i]
		if wi == nil || c.Wiki != lastWiki {
			wi = wikis[c.Wiki]
			if wi == nil {
				wi = &wikiInfo{inScope: len(scope) == 0 || scope[c.Wiki], content: map[int]bool{}}
				wikis[c.Wiki] = wi
			}
			lastWiki = c.Wiki
		}
		if i == 0 || c.Username != lastUser {
			pi, pok = index[c.Username]
			lastUser = c.Username
		}
		if !pok || !wi.inScope {
			ignored++
			continue
		}
		t := c.Timestamp.Unix()
		if t > asOf {
			continue
		}
		isContent, known := wi.content[c.NS]
		if !known {
			isContent = contentNS(c.Wiki, c.NS)
			wi.content[c.NS] = isContent
		}
		recs = append(recs, rec{p: pi, ci: int32(i), t: t, rev: c.RevID, content: isContent})
	}
	slices.SortFunc(recs, func(a, b rec) int {
		if a.p != b.p {
			return cmp.Compare(a.p, b.p)
		}
		if a.t != b.t {
			return cmp.Compare(a.t, b.t)
		}
		return cmp.Compare(a.rev, b.rev)
	})
	// The same revision from two sources is adjacent now: keep one.
	if len(recs) > 1 {
		out := recs[:1]
		for _, r := range recs[1:] {
			last := out[len(out)-1]
			if r.p == last.p && r.t == last.t && r.rev == last.rev && contribs[r.ci].Wiki == contribs[last.ci].Wiki {
				continue
			}
			out = append(out, r)
		}
		recs = out
	}

	res := &Result{Event: ev, Params: p, Ignored: ignored}
	segs := []Segment{SegmentNew, SegmentExperienced, SegmentAll}
	inSeg := func(s *ParticipantSummary, seg Segment) bool {
		if s.Segment == SegmentExcluded {
			return false
		}
		return seg == SegmentAll || s.Segment == seg
	}

	// Calendar months: from 6 months before the start month to the as-of month.
	m0 := monthIndex(ev.Start.UTC()) - 6
	mN := monthIndex(p.AsOf.UTC())
	nMonths := max(mN-m0+1, 0)
	// bounds[k] is the first second of month m0-1+k; slot 0 is the month
	// before the range (for retained_editors of the first month).
	bounds := make([]int64, nMonths+2)
	for k := range bounds {
		bounds[k] = monthStart(m0 - 1 + k).Unix()
	}
	slot := func(t int64) int { // -1 when outside
		if t < bounds[0] || t >= bounds[len(bounds)-1] {
			return -1
		}
		k, _ := slices.BinarySearch(bounds, t+1)
		return k - 1
	}

	// Per-participant pass.
	type perP struct {
		retained   [6]bool
		active     [ActiveMonths]bool
		activeEd   [ActiveMonths]bool
		survFirst  bool
		survSecond bool
		dashboard  bool
	}
	pp := make([]perP, len(sums))
	firstAfter := make([]int64, len(sums)) // 0 = none
	lastEdit := make([]int64, len(sums))
	hasEdit := make([]bool, len(sums))
	// Bytes per participant and period, for the event counts.
	// bytesAgg sums sizediff over content-namespace revisions; noSize
	// counts those without a sizediff, left out of both sums.
	type bytesAgg struct{ added, net, noSize int }
	bytesDuring := make([]bytesAgg, len(sums))
	bytesAfter := make([]bytesAgg, len(sums))
	monthEdits := make([]int32, len(sums)*(nMonths+1)) // slot 0 = month before m0
	monthContent := make([]int32, len(sums)*(nMonths+1))
	type wnKey struct {
		wiki   string
		ns     int
		period Period
	}
	type wnAgg struct {
		WikiNamespaceCount
		lastP int32
	}
	byWN := map[wnKey]*wnAgg{}
	type pageKey struct {
		wiki string
		page int64
	}
	type pageAgg struct {
		PageCount
		lastP int32
	}
	pages := map[pageKey]*pageAgg{}
	// Pages created and edited per period, with bit flags per segment:
	// edited by new (1), by experienced (2), created by new (4), by
	// experienced (8).
	during := map[pageKey]uint8{}
	after := map[pageKey]uint8{}
	home := ev.HomeWiki()
	for i := 0; i < len(recs); {
		j := i
		for j < len(recs) && recs[j].p == recs[i].p {
			j++
		}
		pi := recs[i].p
		s := &sums[pi]
		q := &pp[pi]
		included := s.Segment != SegmentExcluded
		reg := regs[pi]
		lastEdit[pi], hasEdit[pi] = recs[j-1].t, true
		for _, r := range recs[i:j] {
			c := &contribs[r.ci]
			if r.t >= start {
				b := &bytesDuring[pi]
				if r.t > end {
					b = &bytesAfter[pi]
				}
				switch {
				case !r.content:
				case c.NoSizeDiff:
					b.noSize++
				default:
					b.net += c.SizeDiff
					b.added += max(c.SizeDiff, 0)
				}
			}
			var period Period
			switch {
			case r.t < start:
				period = Before
				s.EditsBefore++
			case r.t <= end:
				period = During
				s.EditsDuring++
			default:
				period = After
				s.EditsAfter++
				if firstAfter[pi] == 0 {
					firstAfter[pi] = r.t
				}
			}
			// Calendar months.
			if m := slot(r.t); m >= 0 {
				monthEdits[int(pi)*(nMonths+1)+m]++
				if r.content {
					monthContent[int(pi)*(nMonths+1)+m]++
				}
			}
			if period == After {
				for d, days := range RetentionDays {
					if r.t >= end+int64(days)*day {
						q.retained[d] = true
					}
				}
				k := int((r.t - end - 1) / (30 * day)) // window (end+30k, end+30(k+1)]
				if k >= 0 && k < ActiveMonths {
					q.active[k] = true
				}
				if c.Wiki == home && c.NS == 0 && r.t >= end+7*day {
					q.dashboard = true
				}
			}
			if hasReg[pi] {
				if r.t >= reg && r.t <= reg+day {
					q.survFirst = true
				}
				if r.t >= reg+30*day && r.t <= reg+60*day {
					q.survSecond = true
				}
			}
			if !included {
				continue
			}
			// Breakdowns.
			wk := wnKey{c.Wiki, c.NS, period}
			a := byWN[wk]
			if a == nil {
				a = &wnAgg{WikiNamespaceCount: WikiNamespaceCount{Wiki: c.Wiki, NS: c.NS, Period: period}, lastP: -1}
				byWN[wk] = a
			}
			a.Edits++
			if a.lastP != pi {
				a.Editors++
				a.lastP = pi
			}
			if c.New {
				a.PagesCreated++
			}
			if !c.NoSizeDiff {
				a.BytesAdded += max(c.SizeDiff, 0)
				a.BytesNet += c.SizeDiff
			}
			if period == Before {
				continue
			}
			pk := pageKey{c.Wiki, c.PageID}
			if period == During {
				pg := pages[pk]
				if pg == nil {
					pg = &pageAgg{PageCount: PageCount{Wiki: c.Wiki, NS: c.NS, Title: c.Title}, lastP: -1}
					pages[pk] = pg
				}
				pg.Edits++
				if pg.lastP != pi {
					pg.Editors++
					pg.lastP = pi
				}
				if c.New {
					pg.Created = true
				}
				if !c.NoSizeDiff {
					pg.BytesAdded += max(c.SizeDiff, 0)
				}
			}
			if r.content {
				flags := during
				if period == After {
					flags = after
				}
				bit := uint8(1)
				if s.Segment == SegmentExperienced {
					bit = 2
				}
				f := flags[pk] | bit
				if c.New {
					f |= bit << 2
				}
				flags[pk] = f
			}
		}
		// Active editor months: content edits per 30-day window.
		var windowContent [ActiveMonths]int
		for _, r := range recs[i:j] {
			if r.t > end && r.content {
				if k := int((r.t - end - 1) / (30 * day)); k < ActiveMonths {
					windowContent[k]++
				}
			}
		}
		for k, n := range windowContent {
			q.activeEd[k] = n >= ActiveEditorEdits
		}
		i = j
	}
	for i := range sums {
		s := &sums[i]
		if firstAfter[i] != 0 {
			s.FirstEditAfter = time.Unix(firstAfter[i], 0).UTC()
		}
		if hasEdit[i] {
			s.LastEdit = time.Unix(lastEdit[i], 0).UTC()
		}
		s.LongTerm = s.Segment != SegmentExcluded && p.LongTermEdits > 0 && s.EditsBefore >= p.LongTermEdits
		if !s.FirstEditAfter.IsZero() {
			s.HasReturned = true
			s.DaysToReturn = int((s.FirstEditAfter.Unix() - end) / day)
		}
	}
	res.Participants = sums

	// Rows.
	var rows []Row
	segCount := map[Segment]int{}
	for i := range sums {
		for _, sg := range segs {
			if inSeg(&sums[i], sg) {
				segCount[sg]++
			}
		}
	}
	for _, sg := range segs {
		rows = append(rows, count(MetricParticipants, sg, segCount[sg]))
	}
	for _, reason := range []Exclusion{ExcludeFacilitator, ExcludeInvalid, ExcludeNotFound, ExcludeBot, ExcludeIncomplete} {
		n := 0
		for i := range sums {
			if sums[i].Excluded == reason {
				n++
			}
		}
		rows = append(rows, count(MetricExcluded, Segment(reason), n))
	}
	for _, sg := range []Segment{SegmentExperienced, SegmentAll} {
		n := 0
		for i := range sums {
			if inSeg(&sums[i], sg) && sums[i].LongTerm {
				n++
			}
		}
		rows = append(rows, count(MetricLongTerm, sg, n))
	}
	// Event counts.
	eventCounts := func(period Period, names [6]string, flags map[pageKey]uint8) {
		for _, sg := range segs {
			var edits, editors, added, net, noSize int
			for i := range sums {
				if !inSeg(&sums[i], sg) {
					continue
				}
				n := sums[i].EditsDuring
				if period == After {
					n = sums[i].EditsAfter
				}
				edits += n
				if n > 0 {
					editors++
				}
			}
			for i := range sums {
				if !inSeg(&sums[i], sg) {
					continue
				}
				b := bytesDuring[i]
				if period == After {
					b = bytesAfter[i]
				}
				added += b.added
				net += b.net
				noSize += b.noSize
			}
			mask := uint8(3) // segment all
			switch sg {
			case SegmentNew:
				mask = 1
			case SegmentExperienced:
				mask = 2
			}
			created, improved := 0, 0
			for _, f := range flags {
				switch {
				case f&(mask<<2) != 0:
					created++
				case f&mask != 0:
					improved++
				}
			}
			addedRow, netRow := count(names[4], sg, added), count(names[5], sg, net)
			if noSize > 0 {
				addedRow.Note = fmt.Sprintf("%d revisions without sizediff left out", noSize)
				netRow.Note = addedRow.Note
			}
			rows = append(rows,
				count(names[0], sg, edits), count(names[1], sg, editors),
				count(names[2], sg, created), count(names[3], sg, improved),
				addedRow, netRow)
		}
	}
	eventCounts(During, [6]string{MetricEditsDuring, MetricEditorsDuring, MetricPagesCreatedDuring, MetricPagesImprovedDuring, MetricBytesAddedDuring, MetricBytesNetDuring}, during)
	eventCounts(After, [6]string{MetricEditsAfter, MetricEditorsAfter, MetricPagesCreatedAfter, MetricPagesImprovedAfter, MetricBytesAddedAfter, MetricBytesNetAfter}, after)

	// Retention.
	for d, days := range RetentionDays {
		name := RetentionMetric(days)
		for _, sg := range segs {
			if asOf < end+int64(days)*day {
				rows = append(rows, notObservable(name, sg, true))
				continue
			}
			k, n := 0, 0
			for i := range sums {
				if inSeg(&sums[i], sg) {
					n++
					if pp[i].retained[d] {
						k++
					}
				}
			}
			rows = append(rows, share(name, sg, k, n))
		}
	}
	if asOf < end+7*day {
		rows = append(rows, notObservable(MetricRetainedNewEditorsDashboard, SegmentAll, false))
	} else {
		n := 0
		for i := range sums {
			if inSeg(&sums[i], SegmentAll) && hasReg[i] && regs[i] >= start && regs[i] <= end && pp[i].dashboard {
				n++
			}
		}
		rows = append(rows, count(MetricRetainedNewEditorsDashboard, SegmentAll, n))
	}
	for _, editor := range []bool{false, true} {
		for k := 1; k <= ActiveMonths; k++ {
			name := ActiveMetric(k)
			if editor {
				name = ActiveEditorMetric(k)
			}
			for _, sg := range segs {
				if asOf < end+int64(30*k)*day {
					rows = append(rows, notObservable(name, sg, true))
					continue
				}
				num, den := 0, 0
				for i := range sums {
					if inSeg(&sums[i], sg) {
						den++
						if (!editor && pp[i].active[k-1]) || (editor && pp[i].activeEd[k-1]) {
							num++
						}
					}
				}
				rows = append(rows, share(name, sg, num, den))
			}
		}
	}
	{
		num, den, censored := 0, 0, 0
		for i := range sums {
			if !inSeg(&sums[i], SegmentNew) {
				continue
			}
			if asOf < regs[i]+60*day {
				censored++
				continue
			}
			den++
			if pp[i].survFirst && pp[i].survSecond {
				num++
			}
		}
		r := share(MetricSurvivingNewEditors, SegmentNew, num, den)
		if censored > 0 {
			note := fmt.Sprintf("%d censored (registered less than 60 days before as-of)", censored)
			if r.Note != "" {
				note = r.Note + "; " + note
			}
			r.Note = note
		}
		rows = append(rows, r)
	}
	res.Rows = rows

	// Monthly.
	for m := 1; m <= nMonths; m++ {
		month := monthStart(m0 + m - 1)
		for _, sg := range segs {
			mr := MonthRow{Month: month, Segment: sg, Partial: m0+m-1 == monthIndex(p.AsOf.UTC())}
			for i := range sums {
				if !inSeg(&sums[i], sg) {
					continue
				}
				base := i * (nMonths + 1)
				e := int(monthEdits[base+m])
				mr.Edits += e
				if e > 0 {
					mr.EditingParticipants++
					if monthEdits[base+m-1] > 0 {
						mr.RetainedEditors++
					}
				}
				if monthContent[base+m] >= ActiveEditorEdits {
					mr.ActiveEditors++
				}
			}
			res.Monthly = append(res.Monthly, mr)
		}
	}

	// Breakdowns.
	for _, a := range byWN {
		res.ByWikiNamespace = append(res.ByWikiNamespace, a.WikiNamespaceCount)
	}
	periodOrder := map[Period]int{Before: 0, During: 1, After: 2}
	sort.Slice(res.ByWikiNamespace, func(i, j int) bool {
		a, b := res.ByWikiNamespace[i], res.ByWikiNamespace[j]
		if a.Wiki != b.Wiki {
			return a.Wiki < b.Wiki
		}
		if a.NS != b.NS {
			return a.NS < b.NS
		}
		return periodOrder[a.Period] < periodOrder[b.Period]
	})
	for _, pg := range pages {
		res.TopPages = append(res.TopPages, pg.PageCount)
	}
	sort.Slice(res.TopPages, func(i, j int) bool {
		a, b := res.TopPages[i], res.TopPages[j]
		if a.Edits != b.Edits {
			return a.Edits > b.Edits
		}
		if a.Wiki != b.Wiki {
			return a.Wiki < b.Wiki
		}
		return a.Title < b.Title
	})
	return res, nil
}

// monthIndex numbers calendar months: year*12 + month-1.
func monthIndex(t time.Time) int { return t.Year()*12 + int(t.Month()) - 1 }

func monthStart(idx int) time.Time {
	return time.Date(idx/12, time.Month(idx%12+1), 1, 0, 0, 0, 0, time.UTC)
}
