package metrics

import "fmt"

// countRows gives participants per segment, excluded per reason and
// long_term.
func (a *pass) countRows() []Row {
	var rows []Row
	for _, sg := range segments() {
		rows = append(rows, count(MetricParticipants, sg, a.countIf(sg, func(*ParticipantSummary) bool { return true })))
	}
	for _, reason := range []Exclusion{ExcludeFacilitator, ExcludeInvalid, ExcludeNotFound, ExcludeBot, ExcludeIncomplete} {
		n := 0
		for i := range a.sums {
			if a.sums[i].Excluded == reason {
				n++
			}
		}
		rows = append(rows, count(MetricExcluded, Segment(reason), n))
	}
	for _, sg := range []Segment{SegmentExperienced, SegmentAll} {
		rows = append(rows, count(MetricLongTerm, sg, a.countIf(sg, func(s *ParticipantSummary) bool { return s.LongTerm })))
	}
	return rows
}

// countIf counts the segment's participants for whom ok holds.
func (a *pass) countIf(sg Segment, ok func(*ParticipantSummary) bool) int {
	n := 0
	for i := range a.sums {
		if inSeg(&a.sums[i], sg) && ok(&a.sums[i]) {
			n++
		}
	}
	return n
}

// eventNames are the six event counts of a period, in row order.
func eventNames(period Period) [6]string {
	if period == After {
		return [6]string{MetricEditsAfter, MetricEditorsAfter, MetricPagesCreatedAfter, MetricPagesImprovedAfter, MetricBytesAddedAfter, MetricBytesNetAfter}
	}
	return [6]string{MetricEditsDuring, MetricEditorsDuring, MetricPagesCreatedDuring, MetricPagesImprovedDuring, MetricBytesAddedDuring, MetricBytesNetDuring}
}

// eventRows appends the counts of a period (during or after) per segment.
func (a *pass) eventRows(rows []Row, period Period) []Row {
	names := eventNames(period)
	flags, bytes := a.during, a.bytesDuring
	if period == After {
		flags, bytes = a.after, a.bytesAfter
	}
	for _, sg := range segments() {
		var edits, editors int
		var b bytesAgg
		for i := range a.sums {
			if !inSeg(&a.sums[i], sg) {
				continue
			}
			n := a.sums[i].EditsDuring
			if period == After {
				n = a.sums[i].EditsAfter
			}
			edits += n
			if n > 0 {
				editors++
			}
			b.added += bytes[i].added
			b.net += bytes[i].net
			b.noSize += bytes[i].noSize
		}
		created, improved := pageCounts(flags, sg)
		addedRow, netRow := count(names[4], sg, b.added), count(names[5], sg, b.net)
		if b.noSize > 0 {
			addedRow.Note = fmt.Sprintf("%d revisions without sizediff left out", b.noSize)
			netRow.Note = addedRow.Note
		}
		rows = append(rows,
			count(names[0], sg, edits), count(names[1], sg, editors),
			count(names[2], sg, created), count(names[3], sg, improved),
			addedRow, netRow)
	}
	return rows
}

// pageCounts counts the content pages the segment created, and those it
// edited without creating them, from the period's page flags.
func pageCounts(flags byPage[uint8], sg Segment) (created, improved int) {
	mask := uint8(3) // segment all
	switch sg {
	case SegmentNew:
		mask = 1
	case SegmentExperienced:
		mask = 2
	}
	for _, f := range flags.all() {
		switch {
		case f&(mask<<2) != 0:
			created++
		case f&mask != 0:
			improved++
		}
	}
	return created, improved
}

// shareOf gives the segment's share of participants whose bit is set in
// the word picked by get.
func (a *pass) shareOf(name string, sg Segment, get func(*perP) uint64, bit int) Row {
	k, n := 0, 0
	for i := range a.sums {
		if inSeg(&a.sums[i], sg) {
			n++
			if get(&a.pp[i])&(1<<bit) != 0 {
				k++
			}
		}
	}
	return share(name, sg, k, n)
}

// retentionRows appends retention_{D}d per segment and the Dashboard's
// retained new editors.
func (a *pass) retentionRows(rows []Row) []Row {
	retained := func(q *perP) uint64 { return q.retained }
	for d, days := range a.p.RetentionDays {
		name := RetentionMetric(days)
		for _, sg := range segments() {
			if a.asOf < a.end+int64(days)*day {
				rows = append(rows, notObservable(name, sg, true))
				continue
			}
			rows = append(rows, a.shareOf(name, sg, retained, d))
		}
	}
	if a.asOf < a.end+7*day {
		return append(rows, notObservable(MetricRetainedNewEditorsDashboard, SegmentAll, false))
	}
	n := 0
	for i := range a.sums {
		if inSeg(&a.sums[i], SegmentAll) && a.hasReg[i] && a.regs[i] >= a.start && a.regs[i] <= a.end && a.pp[i].dashboard {
			n++
		}
	}
	return append(rows, count(MetricRetainedNewEditorsDashboard, SegmentAll, n))
}

// activeRows appends active_m{k}, then active_editor_m{k}, per segment.
func (a *pass) activeRows(rows []Row) []Row {
	families := []struct {
		name func(int) string
		get  func(*perP) uint64
	}{
		{ActiveMetric, func(q *perP) uint64 { return q.active }},
		{ActiveEditorMetric, func(q *perP) uint64 { return q.activeEd }},
	}
	for _, f := range families {
		for k := 1; k <= a.p.ActiveMonths; k++ {
			for _, sg := range segments() {
				if a.asOf < a.end+int64(30*k)*day {
					rows = append(rows, notObservable(f.name(k), sg, true))
					continue
				}
				rows = append(rows, a.shareOf(f.name(k), sg, f.get, k-1))
			}
		}
	}
	return rows
}

// survivalRow gives surviving_new_editors for segment new, censoring those
// registered less than 60 days before as-of.
func (a *pass) survivalRow() Row {
	num, den, censored := 0, 0, 0
	for i := range a.sums {
		if !inSeg(&a.sums[i], SegmentNew) {
			continue
		}
		if a.asOf < a.regs[i]+60*day {
			censored++
			continue
		}
		den++
		if a.pp[i].survFirst && a.pp[i].survSecond {
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
	return r
}
