package metrics

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// Runs sorted by radix come out in exactly the order of sorting them by
// time, revision and place, ties included, whatever their length.
func TestSortRunsEqualsComparison(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for it := range 200 {
		n := r.IntN(3 * radixFrom)
		span := []int64{1, 5, 300, 1 << 20, 1 << 40}[it%5]
		rev := make([]int64, n)
		recs := make([]rec, n)
		for i := range recs {
			rev[i] = r.Int64N(max(span/2, 1))
			recs[i] = newRec(0, i, 1_600_000_000+r.Int64N(span), r.IntN(2) == 0)
		}
		r.Shuffle(n, func(i, j int) { recs[i], recs[j] = recs[j], recs[i] })
		want := slices.Clone(recs)
		slices.SortFunc(want, func(x, y rec) int {
			return cmp.Or(cmp.Compare(x.t, y.t), cmp.Compare(rev[x.ci()], rev[y.ci()]), cmp.Compare(x.ci(), y.ci()))
		})
		sortRuns(recs, rev, []int32{0, int32(n)})
		if !slices.Equal(recs, want) {
			t.Fatalf("run of %d over %d seconds: radix order differs from comparison", n, span)
		}
	}
}
