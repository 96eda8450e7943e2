package metrics

import (
	"cmp"
	"math/bits"
	"slices"
	"sync"
)

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
	if len(a.recs) < a.parallel {
		half = n
	}
	var wg sync.WaitGroup
	rev := a.contribs.rev
	wg.Go(func() { sortRuns(a.recs, rev, starts[half:]) })
	sortRuns(a.recs, rev, starts[:half+1])
	wg.Wait()
}

// sortRuns sorts each run recs[starts[i]:starts[i+1]] by time, revision
// and place in the contributions: a short run by comparison, a long one by
// radix on the time, then each group of equal times by comparison.
func sortRuns(recs []rec, rev []int64, starts []int32) {
	byTie := func(x, y rec) int {
		return cmp.Or(cmp.Compare(rev[x.ci()], rev[y.ci()]), cmp.Compare(x.ci(), y.ci()))
	}
	byTime := func(x, y rec) int {
		if x.t != y.t {
			return cmp.Compare(x.t, y.t)
		}
		return byTie(x, y)
	}
	var scratch []rec
	for i := 0; i+1 < len(starts); i++ {
		run := recs[starts[i]:starts[i+1]]
		switch {
		case slices.IsSortedFunc(run, byTime):
		case len(run) < radixFrom:
			slices.SortFunc(run, byTime)
		default:
			scratch = radixByTime(run, scratch)
			for j := 0; j < len(run); { // equal times by revision and place
				k := j + 1
				for k < len(run) && run[k].t == run[j].t {
					k++
				}
				if k-j > 1 {
					slices.SortFunc(run[j:k], byTie)
				}
				j = k
			}
		}
	}
}

// radixFrom is the run length from which radix sorting beats comparing.
const radixFrom = 256

// radixByTime sorts run by time, a byte of the time from its smallest at a
// time (least significant first, each pass stable), using scratch (grown
// to len(run) and returned) as the other buffer.
func radixByTime(run, scratch []rec) []rec {
	lo, hi := run[0].t, run[0].t
	for _, r := range run {
		lo, hi = min(lo, r.t), max(hi, r.t)
	}
	if cap(scratch) < len(run) {
		scratch = make([]rec, len(run))
	}
	src, dst := run, scratch[:len(run)]
	for shift := 0; shift < bits.Len64(uint64(hi-lo)); shift += 8 {
		var at [256]int
		for _, r := range src {
			at[byte(uint64(r.t-lo)>>shift)]++
		}
		sum := 0
		for d, n := range at {
			at[d], sum = sum, sum+n
		}
		for _, r := range src {
			d := byte(uint64(r.t-lo) >> shift)
			dst[at[d]] = r
			at[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &run[0] {
		copy(run, src)
	}
	return scratch
}
