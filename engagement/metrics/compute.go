package metrics

import (
	"errors"
	"fmt"
	"math"
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

// Compute derives every metric of the event. Participants are deduplicated by
// username (the first entry wins); contributions are deduplicated by
// (wiki, revid), restricted to the scope wikis (when ev.Wikis is set), to
// participants, and to t <= as-of. Contributions of users who are not
// participants are ignored. Params that cannot be computed with are refused
// with an error naming the field (see Params.Validate).
//
// The work runs in passes, each its own function: segmenting the
// participants, selecting and deduplicating the contributions, one pass
// over each participant's contributions in time order (pass.go), then one
// function per metric family building rows from the per-participant
// results (rows.go, months.go).
func Compute(ev Event, participants []Participant, accounts []Account, contribs []Contribution, p Params) (*Result, error) {
	return ComputeTable(ev, participants, accounts, TableOf(contribs), p)
}

// ComputeTable is Compute on contributions held in a Table.
func ComputeTable(ev Event, participants []Participant, accounts []Account, contribs *Table, p Params) (*Result, error) {
	return computeIndexed(ev, participants, accounts, contribs, nil, p)
}

// computeIndexed is ComputeTable, reading only the participants' rows when
// byUser indexes the table.
func computeIndexed(ev Event, participants []Participant, accounts []Account, contribs *Table, byUser *userRows, p Params) (*Result, error) {
	if contribs == nil {
		contribs, byUser = &Table{}, nil
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if ev.End.Before(ev.Start) {
		return nil, fmt.Errorf("metrics: event ends (%s) before it starts (%s)", ev.End.Format(time.RFC3339), ev.Start.Format(time.RFC3339))
	}
	if contribs.Len() > math.MaxInt32 {
		return nil, errors.New("metrics: too many contributions")
	}
	return compute(ev, participants, accounts, contribs, byUser, p, parallelFrom)
}

// parallelFrom is the number of selected contributions from which sorting
// and the per-participant pass run on two cores.
const parallelFrom = 1 << 15

// compute runs the passes, on two cores from parallel selected
// contributions on.
func compute(ev Event, participants []Participant, accounts []Account, contribs *Table, byUser *userRows, p Params, parallel int) (*Result, error) {
	a := newPass(ev, p, contribs)
	a.parallel, a.byUser = parallel, byUser
	a.segment(participants, accounts)
	a.selectContributions()
	a.run()
	a.finishParticipants()

	res := &Result{Event: ev, Params: p, Ignored: a.ignored, Participants: a.sums}
	res.Rows = a.countRows()
	res.Rows = a.eventRows(res.Rows, During)
	res.Rows = a.eventRows(res.Rows, After)
	res.Rows = a.retentionRows(res.Rows)
	res.Rows = a.activeRows(res.Rows)
	res.Rows = append(res.Rows, a.survivalRow())
	res.Monthly = a.monthlyRows()
	res.ByWikiNamespace, res.TopPages = a.breakdowns()
	return res, nil
}
