package metrics

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// SegmentBaseline describes comparable newcomers on the home wiki who were
// not at the event (metrics.md, "Baseline").
const SegmentBaseline Segment = "baseline"

// DefaultBaselineSample is how many qualifying newcomers the baseline keeps
// when more qualify.
const DefaultBaselineSample = 500

// Registration is one account created on the home wiki, as listed by the
// newusers log, with what the baseline needs to decide whether it qualifies.
type Registration struct {
	// Username is the canonical name of the new account.
	Username string
	// Registered is the instant of the log entry.
	Registered time.Time
	// FirstEdit is the account's first edit on the home wiki; the zero
	// time when it made none.
	FirstEdit time.Time
	// Bot is true when the account is in the bot group.
	Bot bool
}

// Activated reports whether the account edited the home wiki within one day
// of registering (inclusive).
func (r Registration) Activated() bool {
	if r.FirstEdit.IsZero() || r.FirstEdit.Before(r.Registered) {
		return false
	}
	return r.FirstEdit.Sub(r.Registered) <= 24*time.Hour
}

// BaselineCohort returns, sorted by name, the registrations that qualify for
// the baseline: registered in [ev.Start - p.NewEditorLookback, ev.End], not in
// roster (any role), not bots, and activated.
func BaselineCohort(ev Event, p Params, roster []string, regs []Registration) []Registration {
	from := ev.Start.Add(-p.NewEditorLookback)
	var out []Registration
	for _, r := range regs {
		switch {
		case r.Registered.Before(from), r.Registered.After(ev.End):
		case slices.Contains(roster, r.Username), r.Bot, !r.Activated():
		default:
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b Registration) int { return strings.Compare(a.Username, b.Username) })
	return out
}

// SampleBaseline returns a uniform random sample of n of the cohort, sorted
// by name, reproducible for a given seed, and the note for the rows ("sample
// of N of M", or "" when the whole cohort is kept).
func SampleBaseline(cohort []Registration, n int, seed uint64) ([]Registration, string) {
	if n <= 0 || len(cohort) <= n {
		return cohort, ""
	}
	all := slices.Clone(cohort)
	slices.SortFunc(all, func(a, b Registration) int { return strings.Compare(a.Username, b.Username) })
	Shuffle(all, seed)
	out := all[:n]
	slices.SortFunc(out, func(a, b Registration) int { return strings.Compare(a.Username, b.Username) })
	return out, fmt.Sprintf("sample of %d of %d", n, len(cohort))
}

// Difference is the difference of two shares (event minus baseline) with its
// 95% interval.
type Difference struct {
	// Value is k1/n1 - k2/n2.
	Value float64
	// Low and High bound Newcombe's hybrid score interval.
	Low, High float64
}

// ShareDifference returns k1/n1 - k2/n2 with the 95% Newcombe hybrid score
// interval (Newcombe 1998, method 10), built on the Wilson intervals of each
// share. Either n being 0 gives NaN everywhere.
func ShareDifference(k1, n1, k2, n2 int) Difference {
	if n1 <= 0 || n2 <= 0 {
		return Difference{math.NaN(), math.NaN(), math.NaN()}
	}
	p1, p2 := float64(k1)/float64(n1), float64(k2)/float64(n2)
	l1, u1 := Wilson(k1, n1)
	l2, u2 := Wilson(k2, n2)
	d := p1 - p2
	return Difference{
		Value: d,
		Low:   d - math.Sqrt((p1-l1)*(p1-l1)+(u2-p2)*(u2-p2)),
		High:  d + math.Sqrt((u1-p1)*(u1-p1)+(p2-l2)*(p2-l2)),
	}
}

// CompareRetention says in words how the event's new editors (k1 of n1 still
// editing after days) compare with the baseline (k2 of n2) on wiki, with the
// difference and its 95% interval in percentage points. It says what the
// comparison does not show: people who come to events differ.
func CompareRetention(days, k1, n1, k2, n2 int, wiki string) string {
	if n1 == 0 || n2 == 0 {
		return fmt.Sprintf("No comparison after %d days: no new editors from this event or no comparable newcomers on %s.", days, wiki)
	}
	p1, p2 := float64(k1)/float64(n1), float64(k2)/float64(n2)
	d := ShareDifference(k1, n1, k2, n2)
	how := "as often as"
	switch {
	case p1 > p2 && p2 > 0:
		how = fmt.Sprintf("%.1f times as often as", p1/p2)
	case p1 > p2:
		how = "more often than" // none of the newcomers: no ratio
	case p1 < p2:
		how = fmt.Sprintf("less often than (%.0f%% as often as)", 100*p1/p2)
	}
	return fmt.Sprintf("New editors from this event were still editing after %d days %s comparable newcomers on %s (%d of %d, %.0f%%, against %d of %d, %.0f%%; difference %+.0f points, 95%% interval %+.0f to %+.0f). "+
		"This is not the event's effect: people who come to events differ from those who do not.",
		days, how, wiki, k1, n1, 100*p1, k2, n2, 100*p2, 100*d.Value, 100*d.Low, 100*d.High)
}

// Shuffle puts regs in a uniformly random order fixed by seed.
func Shuffle(regs []Registration, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	rng.Shuffle(len(regs), func(i, j int) { regs[i], regs[j] = regs[j], regs[i] })
}
