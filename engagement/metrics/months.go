package metrics

import (
	"slices"
	"time"
)

// monthGrid counts each participant's edits and content edits per calendar
// month, from 6 months before the start month to the as-of month, with one
// extra slot (0) for the month before the range, so that retained_editors
// of the first month can be told.
type monthGrid struct {
	m0      int     // month index of slot 1
	n       int     // months in the range
	bounds  []int64 // bounds[k] is the first second of slot k
	edits   []int32 // participant i, slot k at i*(n+1)+k
	content []int32
}

func newMonthGrid(ev Event, asOf time.Time, participants int) monthGrid {
	g := monthGrid{m0: monthIndex(ev.Start.UTC()) - 6}
	g.n = max(monthIndex(asOf.UTC())-g.m0+1, 0)
	g.bounds = make([]int64, g.n+2)
	for k := range g.bounds {
		g.bounds[k] = monthStart(g.m0 - 1 + k).Unix()
	}
	g.edits = make([]int32, participants*(g.n+1))
	g.content = make([]int32, participants*(g.n+1))
	return g
}

// add counts r in its month, if the month is in the range.
func (g *monthGrid) add(pi int, r rec) {
	if r.t < g.bounds[0] || r.t >= g.bounds[len(g.bounds)-1] {
		return
	}
	k, _ := slices.BinarySearch(g.bounds, r.t+1)
	at := pi*(g.n+1) + k - 1
	g.edits[at]++
	if r.content() {
		g.content[at]++
	}
}

// monthlyRows builds monthly.csv: every month of the range per segment, the
// as-of month marked partial.
func (a *pass) monthlyRows() []MonthRow {
	g := &a.months
	asOfMonth := monthIndex(a.p.AsOf.UTC())
	var out []MonthRow
	for m := 1; m <= g.n; m++ {
		for _, sg := range segments() {
			mr := MonthRow{Month: monthStart(g.m0 + m - 1), Segment: sg, Partial: g.m0+m-1 == asOfMonth}
			for i := range a.sums {
				if !inSeg(&a.sums[i], sg) {
					continue
				}
				base := i * (g.n + 1)
				e := int(g.edits[base+m])
				mr.Edits += e
				if e > 0 {
					mr.EditingParticipants++
					if g.edits[base+m-1] > 0 {
						mr.RetainedEditors++
					}
				}
				if int(g.content[base+m]) >= a.p.ActiveEditorEdits {
					mr.ActiveEditors++
				}
			}
			out = append(out, mr)
		}
	}
	return out
}

// monthIndex numbers calendar months: year*12 + month-1.
func monthIndex(t time.Time) int { return t.Year()*12 + int(t.Month()) - 1 }

func monthStart(idx int) time.Time {
	return time.Date(idx/12, time.Month(idx%12+1), 1, 0, 0, 0, 0, time.UTC)
}
