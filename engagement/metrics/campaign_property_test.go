package metrics

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// randomCampaign builds n events, a week apart, from a pool of people:
// each event takes a random part of the pool, some as facilitators only
// or as participants also enrolled as facilitators; some people are bots,
// some have no account, some have incomplete data.
func randomCampaign(n int, rng *rand.Rand) ([]CampaignEvent, []Account, []Contribution) {
	const pool = 40
	start := at("2021-01-04T09:00:00Z")
	var accounts []Account
	var contribs []Contribution
	incomplete := map[string]bool{}
	for i := range pool {
		u := fmt.Sprintf("P%02d", i)
		switch rng.IntN(10) {
		case 0: // no account
			continue
		case 1:
			incomplete[u] = true
		}
		reg := start.Add(time.Duration(rng.IntN(400*24)-300*24) * time.Hour)
		accounts = append(accounts, Account{Username: u, Registration: reg, Bot: rng.IntN(15) == 0})
		for k := range rng.IntN(30) {
			ts := start.Add(time.Duration(rng.IntN(500*24)-20*24) * time.Hour)
			contribs = append(contribs, edit(u, ts, rng.IntN(3), rng.IntN(2000)-500, rng.IntN(5) == 0, int64(i*1000+k)))
		}
	}
	events := make([]CampaignEvent, n)
	for e := range events {
		s := start.Add(time.Duration(7*e) * 24 * time.Hour)
		ev := CampaignEvent{Course: fmt.Sprintf("Lib/E%d", e), Event: Event{Start: s, End: s.Add(8 * time.Hour), Wikis: []string{"en.wikipedia.org"}}}
		for i := range pool {
			u := fmt.Sprintf("P%02d", i)
			switch r := rng.IntN(10); {
			case r < 3:
				p := Participant{Username: u}
				if incomplete[u] {
					p.Incomplete = "contributions on en.wikipedia.org: HTTP 503"
				}
				ev.Participants = append(ev.Participants, p)
			case r == 3 && rng.IntN(3) == 0:
				ev.Facilitators = append(ev.Facilitators, u)
			}
		}
		if len(ev.Participants) == 0 {
			ev.Participants = []Participant{{Username: "P00"}}
		}
		events[e] = ev
	}
	return events, accounts, contribs
}

// Campaigns of 1 to 30 events: each person once in the combined campaign;
// returning people took part in two or more events and are neither
// facilitators nor bots; the combined participants add up; the side-by-side
// view has every event with shares within their intervals.
func TestComputeCampaignProperties(t *testing.T) {
	for seed := range 40 {
		rng := rand.New(rand.NewPCG(uint64(seed), 3))
		n := 1 + rng.IntN(30)
		events, accounts, contribs := randomCampaign(n, rng)
		r, err := ComputeCampaign(events, accounts, TableOf(contribs), DefaultParams(at("2022-03-01T00:00:00Z")))
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		checkCampaignResult(t, fmt.Sprintf("seed %d, %d events", seed, n), events, accounts, r)
	}
}

func checkCampaignResult(t *testing.T, name string, events []CampaignEvent, accounts []Account, r *CampaignResult) {
	t.Helper()
	seen, counted, took, facilitator := map[string]bool{}, 0, map[string]int{}, map[string]bool{}
	for _, p := range r.Participants {
		if seen[p.Username] {
			t.Errorf("%s: %s twice in the combined campaign", name, p.Username)
		}
		seen[p.Username] = true
		if p.Excluded == NotExcluded {
			counted++
		}
	}
	for _, e := range events {
		facilitator = addAll(facilitator, e.Facilitators)
		for _, p := range e.Participants {
			took[p.Username]++
		}
	}
	bot := map[string]bool{}
	for _, a := range accounts {
		bot[a.Username] = a.Bot
	}
	for _, u := range r.Returning {
		if took[u] < 2 || facilitator[u] || bot[u] {
			t.Errorf("%s: %s returning, though at %d events, facilitator %v, bot %v", name, u, took[u], facilitator[u], bot[u])
		}
	}
	all := Row{}
	for _, row := range r.Combined {
		if row.Metric == MetricParticipants && row.Segment == SegmentAll {
			all = row
		}
		if row.IsShare && !row.Empty && (row.Numerator > row.Denominator || !within(row)) {
			t.Errorf("%s: combined %s/%s = %+v", name, row.Metric, row.Segment, row)
		}
	}
	if int(all.Value) != counted {
		t.Errorf("%s: combined participants %v, %d people counted", name, all.Value, counted)
	}
	cs := CompareEvents(r)
	if len(cs) != len(events) {
		t.Fatalf("%s: %d events compared", name, len(cs))
	}
	for _, c := range cs {
		if c.NewEditors > c.Participants || c.Returning > c.Participants || len(c.Retention) != len(DefaultComparisonDays) {
			t.Errorf("%s: %+v", name, c)
		}
		for _, row := range c.Retention {
			if !row.Empty && (row.Denominator > c.NewEditors || !within(row)) {
				t.Errorf("%s, %s: %+v with %d new editors", name, c.Course, row, c.NewEditors)
			}
		}
	}
}

// within reports whether a share lies in its interval, up to rounding.
func within(r Row) bool { return r.CILow <= r.Value+1e-12 && r.CIHigh >= r.Value-1e-12 }

func addAll(m map[string]bool, names []string) map[string]bool {
	for _, n := range names {
		m[n] = true
	}
	return m
}
