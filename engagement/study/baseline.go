package study

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/username"
)

// DefaultBaselineSeed makes the baseline's sample the same on every run.
const DefaultBaselineSeed uint64 = 20210305

// BaselineOptions tunes FetchBaseline.
type BaselineOptions struct {
	// Size is how many comparable newcomers to keep when more qualify;
	// 0 means metrics.DefaultBaselineSample.
	Size int
	// Seed fixes the sample; 0 means DefaultBaselineSeed.
	Seed uint64
	// Progress, when set, is called after every request.
	Progress func(mwapi.Progress)
}

// Baseline is a sample of comparable newcomers on the event's home wiki
// (metrics.md, "Baseline"): accounts self-registered in the new-editor
// window, not in the roster, not bots, and activated (an edit on the home
// wiki within a day of registering), with their contributions on the
// scope wikis.
//
// Only as many registrations are checked as the sample needs: they are
// taken in a seeded random order, so the activated ones found are a
// uniform sample of all activated ones. When every registration was
// checked, Qualified is exact; otherwise it is estimated from the share
// of those checked.
type Baseline struct {
	Wiki     string
	From, To time.Time
	// Listed counts the accounts the newusers log gives for the window
	// (create, create2, byemail); InRoster of them are the event's people.
	Listed, InRoster int
	// Checked registrations had their first day fetched: Bots and
	// NotActivated of them do not qualify; Failed could not be fetched
	// and are left out (see Failures).
	Checked, Bots, NotActivated, Failed int
	// Qualified is how many qualify: exact when Complete, else estimated.
	Qualified int
	Complete  bool
	// Sample are the newcomers measured, sorted by name.
	Sample        []metrics.Registration
	Contributions []metrics.Contribution
	Failures      []mwapi.UserFailure
	Stats         mwapi.Stats
}

// Note says what the baseline is a sample of, for its rows: "all 6
// qualifying newcomers", "sample of 500 of 3,120", or "sample of 500 of
// about 12,400 (activation estimated from 2,000 registrations checked)",
// and how many could not be fetched.
func (b *Baseline) Note() string {
	note := b.sampleNote()
	if b.Failed > 0 {
		note += fmt.Sprintf("; %s could not be fetched and %s left out", count(b.Failed), map[bool]string{true: "is", false: "are"}[b.Failed == 1])
	}
	return note
}

func (b *Baseline) sampleNote() string {
	n := len(b.Sample)
	switch {
	case b.Complete && n == b.Qualified:
		return fmt.Sprintf("all %s qualifying newcomers", count(n))
	case b.Complete:
		return fmt.Sprintf("sample of %s of %s", count(n), count(b.Qualified))
	}
	return fmt.Sprintf("sample of %s of about %s (activation estimated from %s registrations checked)", count(n), count(b.Qualified), count(b.Checked))
}

// FetchBaseline lists the registrations on the event's home wiki in the
// new-editor window of p, and fetches, in a seeded random order and in
// batches of 50, the contributions of as many as it takes to find
// opts.Size activated newcomers; then their contributions on the other
// scope wikis. Requests go through cfg's client: cached, counted and
// bounded like the participants'.
func FetchBaseline(ctx context.Context, cfg Config, ev *Event, p metrics.Params, opts BaselineOptions) (*Baseline, error) {
	c, err := cfg.Client(ev.IsSample)
	if err != nil {
		return nil, err
	}
	size, seed := cmp.Or(opts.Size, metrics.DefaultBaselineSample), cmp.Or(opts.Seed, DefaultBaselineSeed)
	wikis := ev.Course.Domains()
	b := &Baseline{Wiki: wikis[0], From: ev.Course.Start.Add(-p.NewEditorLookback), To: ev.Course.End}
	log, err := c.NewUsers(ctx, b.Wiki, b.From, b.To)
	if err != nil {
		return nil, fmt.Errorf("listing the accounts registered on %s for the baseline: %w", b.Wiki, err)
	}
	cands := b.candidates(log, roster(ev))
	metrics.Shuffle(cands, seed)
	found, err := b.check(ctx, c, cands, size, opts.Progress)
	if err != nil {
		return nil, err
	}
	if err := b.fetchOthers(ctx, c, wikis[1:], found, opts.Progress); err != nil {
		return nil, err
	}
	b.Stats = c.Stats()
	return b, nil
}

// roster returns the canonical names of everyone enrolled, in any role.
func roster(ev *Event) map[string]bool {
	out := map[string]bool{}
	add := func(name string) {
		if n, err := username.Canonical(name); err == nil {
			out[n] = true
		}
	}
	for _, u := range ev.Users {
		add(u.Username)
	}
	for _, s := range ev.Students {
		add(s.Username)
	}
	for _, pa := range ev.Participants {
		add(pa.Username)
	}
	return out
}

// candidates keeps each listed account once, leaving out the roster, in
// registration order.
func (b *Baseline) candidates(log []mwapi.NewAccount, roster map[string]bool) []metrics.Registration {
	seen := map[string]bool{}
	var out []metrics.Registration
	for _, a := range log {
		name, err := username.Canonical(a.Username)
		if err != nil || seen[name] || a.Registered.Before(b.From) || a.Registered.After(b.To) {
			continue // a log entry outside the window asked for is not trusted
		}
		seen[name] = true
		b.Listed++
		if roster[name] {
			b.InRoster++
			continue
		}
		out = append(out, metrics.Registration{Username: name, Registered: a.Registered})
	}
	slices.SortStableFunc(out, func(x, y metrics.Registration) int {
		return cmp.Or(x.Registered.Compare(y.Registered), cmp.Compare(x.Username, y.Username))
	})
	return out
}

// count formats a count with English separators (3,120), as the metrics'
// notes are written.
func count(n int) string {
	l, err := i18n.New("en")
	if err != nil {
		panic(fmt.Sprintf("study: the embedded English messages: %v", err)) // checked by i18n's tests: a broken build
	}
	return l.Int(n)
}
