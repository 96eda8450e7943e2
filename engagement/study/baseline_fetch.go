package study

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/mwapi"
)

// maxBaselineRound bounds the registrations checked in one round.
const maxBaselineRound = 5000

// check fetches the candidates' home-wiki contributions round by round, in
// their (shuffled) order, until size activated newcomers are found or none
// is left, and keeps the first size of them with their contributions.
func (b *Baseline) check(ctx context.Context, c *mwapi.Client, cands []metrics.Registration, size int, progress func(mwapi.Progress)) ([]metrics.Registration, error) {
	var activated []metrics.Registration
	contribs := map[string][]metrics.Contribution{}
	next, last := 0, 0
	for len(activated) < size && next < len(cands) {
		k := b.roundSize(size-len(activated), len(activated), last, len(cands)-next)
		batch := cands[next : next+k]
		next, last = next+k, k
		found, cs, err := b.checkRound(ctx, c, batch, progress)
		if err != nil {
			return nil, err
		}
		activated = append(activated, found...)
		for _, x := range cs {
			contribs[x.Username] = append(contribs[x.Username], x)
		}
	}
	b.Complete = next == len(cands)
	b.Qualified = len(activated)
	if !b.Complete && b.Checked > b.Failed {
		b.Qualified = int(math.Round(float64(len(activated)) * float64(len(cands)) / float64(b.Checked-b.Failed)))
	}
	activated = activated[:min(size, len(activated))]
	slices.SortFunc(activated, func(x, y metrics.Registration) int { return strings.Compare(x.Username, y.Username) })
	b.Sample = activated
	for _, r := range activated {
		b.Contributions = append(b.Contributions, contribs[r.Username]...)
	}
	return activated, nil
}

// roundSize is how many registrations the next round checks: what the
// activation rate seen so far says it takes to find need more (all of them
// at first), in whole batches of 50, within maxBaselineRound and what is
// left.
func (b *Baseline) roundSize(need, activated, last, left int) int {
	want := float64(need)
	switch seen := b.Checked - b.Failed; {
	case seen > 0 && activated > 0:
		want = 1.2 * float64(need) * float64(seen) / float64(activated)
	case seen > 0:
		want = 2 * float64(last)
	}
	k := int(math.Ceil(want/mwapi.BatchSize)) * mwapi.BatchSize
	return max(1, min(k, maxBaselineRound, left))
}

// checkRound fetches one round's accounts and home-wiki contributions and
// returns the activated non-bots, in the round's order, with those
// contributions.
func (b *Baseline) checkRound(ctx context.Context, c *mwapi.Client, batch []metrics.Registration, progress func(mwapi.Progress)) ([]metrics.Registration, []metrics.Contribution, error) {
	names := make([]string, len(batch))
	for i, r := range batch {
		names[i] = r.Username
	}
	e, err := mwapi.Enrich(ctx, c, []string{b.Wiki}, names, &mwapi.EnrichOptions{Progress: progress})
	if err != nil {
		return nil, nil, fmt.Errorf("fetching the baseline's newcomers on %s: %w", b.Wiki, err)
	}
	failed := map[string]bool{}
	for _, f := range e.Failures {
		failed[f.Username] = true
		b.Failures = append(b.Failures, f)
	}
	bots := map[string]bool{}
	for _, a := range e.Accounts {
		bots[a.Name] = a.Bot
	}
	byUser := map[string][]metrics.Contribution{}
	for _, x := range MetricsContributions(e.Contributions) {
		byUser[x.Username] = append(byUser[x.Username], x)
	}
	var found []metrics.Registration
	var cs []metrics.Contribution
	for _, r := range batch {
		b.Checked++
		r.FirstEdit = firstEditFrom(byUser[r.Username], r.Registered)
		switch {
		case failed[r.Username]:
			b.Failed++
		case bots[r.Username]:
			b.Bots++
		case !r.Activated():
			b.NotActivated++
		default:
			found = append(found, r)
			cs = append(cs, byUser[r.Username]...)
		}
	}
	return found, cs, nil
}

// firstEditFrom returns the earliest contribution at or after t, or the
// zero time.
func firstEditFrom(cs []metrics.Contribution, t time.Time) time.Time {
	var first time.Time
	for _, x := range cs {
		if !x.Timestamp.Before(t) && (first.IsZero() || x.Timestamp.Before(first)) {
			first = x.Timestamp
		}
	}
	return first
}

// fetchOthers adds the sample's contributions on the other scope wikis. A
// newcomer whose data there could not be fetched leaves the sample, with
// the failure kept.
func (b *Baseline) fetchOthers(ctx context.Context, c *mwapi.Client, wikis []string, found []metrics.Registration, progress func(mwapi.Progress)) error {
	if len(wikis) == 0 || len(found) == 0 {
		return nil
	}
	names := make([]string, len(found))
	for i, r := range found {
		names[i] = r.Username
	}
	e, err := mwapi.Enrich(ctx, c, wikis, names, &mwapi.EnrichOptions{Progress: progress})
	if err != nil {
		return fmt.Errorf("fetching the baseline's newcomers on %v: %w", wikis, err)
	}
	failed := map[string]bool{}
	for _, f := range e.Failures {
		failed[f.Username] = true
		b.Failures = append(b.Failures, f)
	}
	b.Contributions = append(b.Contributions, MetricsContributions(e.Contributions)...)
	if len(failed) == 0 {
		return nil
	}
	b.Failed += len(failed)
	b.Sample = slices.DeleteFunc(b.Sample, func(r metrics.Registration) bool { return failed[r.Username] })
	b.Contributions = slices.DeleteFunc(b.Contributions, func(x metrics.Contribution) bool { return failed[x.Username] })
	return nil
}
