package metrics

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
)

// MetricReturningParticipants counts the people who took part, as
// participants, in two or more events of a campaign (segment all).
const MetricReturningParticipants = "returning_participants"

// CampaignEvent is one event of a campaign: its window and wikis, and its
// own roster (participants with their exclusions, facilitators included).
type CampaignEvent struct {
	Course       string // the course slug, e.g. "Sample_Library/Women_in_Science"
	Event        Event
	Participants []Participant
	// Facilitators are the canonical usernames enrolled with a role other
	// than editor (facilitators, volunteers, staff). Those who are not
	// participants of the event do not change its own analysis, but make
	// them a facilitator for the campaign.
	Facilitators []string
}

// EventResult is one event's own analysis.
type EventResult struct {
	Course string
	Result *Result
}

// CampaignResult holds each event's own analysis and the combined
// campaign.
type CampaignResult struct {
	Events []EventResult
	// Combined counts each person once, measured from the end of the first
	// event they took part in as a participant, new if new at that event;
	// a facilitator of any event is a facilitator for the campaign. Its rows
	// add up those of the people grouped by their first event, shares
	// recomputed from the summed numerators and denominators; a window not
	// yet observable for some of them leaves those out, with a note.
	Combined []Row
	// Participants has each person once, as analysed from their first
	// event.
	Participants []ParticipantSummary
	// Returning lists the canonical usernames of the people who took part
	// in two or more events as participants (not bots, accounts not found
	// or invalid names; facilitators of any event left out).
	Returning []string
	// FirstEvent gives each person's first event (its course slug).
	FirstEvent map[string]string
}

// ComputeCampaign analyses each event on its own and the campaign as a
// whole (metrics.md, "Campaigns"). accounts and contribs cover every
// person of every event; p (its as-of included) is shared.
func ComputeCampaign(events []CampaignEvent, accounts []Account, contribs *Table, p Params) (*CampaignResult, error) {
	if len(events) == 0 {
		return nil, errors.New("metrics: a campaign needs at least one event")
	}
	res := &CampaignResult{FirstEvent: map[string]string{}}
	var byUser *userRows // each event reads its own people's rows only
	if contribs != nil {
		byUser = rowsByUser(contribs)
	}
	for _, e := range events {
		r, err := computeIndexed(e.Event, e.Participants, accounts, contribs, byUser, p)
		if err != nil {
			return nil, fmt.Errorf("event %s: %w", e.Course, err)
		}
		res.Events = append(res.Events, EventResult{Course: e.Course, Result: r})
	}
	groups, returning := campaignGroups(events, res.FirstEvent)
	var parts [][]Row
	for i, g := range groups {
		if len(g) == 0 {
			continue
		}
		r, err := computeIndexed(events[i].Event, g, accounts, contribs, byUser, p)
		if err != nil {
			return nil, fmt.Errorf("people first seen at %s: %w", events[i].Course, err)
		}
		parts = append(parts, r.Rows)
		res.Participants = append(res.Participants, r.Participants...)
	}
	res.Returning = people(returning, res.Participants)
	res.Combined = append(combineRows(parts), count(MetricReturningParticipants, SegmentAll, len(res.Returning)))
	return res, nil
}

// people keeps the names that are people: not left out as bots, accounts
// not found or invalid names (a person whose data is incomplete still took
// part).
func people(names []string, ps []ParticipantSummary) []string {
	notPerson := map[string]bool{}
	for _, p := range ps {
		switch p.Excluded {
		case ExcludeBot, ExcludeNotFound, ExcludeInvalid:
			notPerson[p.Username] = true
		}
	}
	out := []string{}
	for _, n := range names {
		if !notPerson[n] {
			out = append(out, n)
		}
	}
	return out
}

// campaignGroups puts each person in the group of the first event (by
// start, then end) they took part in as a participant; a facilitator of
// any event goes, excluded as facilitator, to the group of the first event
// they appear in. It records each person's first event and returns the
// people in two or more events as participants.
func campaignGroups(events []CampaignEvent, first map[string]string) ([][]Participant, []string) {
	order := make([]int, len(events))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(events[a].Event.Start.Compare(events[b].Event.Start), events[a].Event.End.Compare(events[b].Event.End))
	})
	facilitator := map[string]bool{}
	took := map[string]int{}
	for _, e := range events {
		for _, u := range e.Facilitators {
			facilitator[u] = true
		}
		for _, p := range e.Participants {
			switch p.Excluded {
			case ExcludeFacilitator:
				facilitator[p.Username] = true
			case NotExcluded:
				took[p.Username]++
			}
		}
	}
	groups := make([][]Participant, len(events))
	placed := map[string]bool{}
	for pass := 0; pass < 2; pass++ { // participants first, then those who never were one
		for _, i := range order {
			for _, p := range events[i].Participants {
				if placed[p.Username] || (pass == 0 && p.Excluded != NotExcluded) {
					continue
				}
				placed[p.Username] = true
				first[p.Username] = events[i].Course
				if facilitator[p.Username] {
					p.Excluded = ExcludeFacilitator
				}
				groups[i] = append(groups[i], p)
			}
		}
	}
	var returning []string
	for u, n := range took {
		if n >= 2 && !facilitator[u] {
			returning = append(returning, u)
		}
	}
	slices.Sort(returning)
	return groups, returning
}

// combineRows adds up rows of the same metric and segment across groups:
// counts are summed; shares are recomputed from the summed numerators and
// denominators of the groups where they are observable.
func combineRows(parts [][]Row) []Row {
	type key struct {
		metric string
		seg    Segment
	}
	var keys []key
	sum := map[key]*Row{}
	left := map[key]int{} // groups whose value is not yet observable
	for _, rows := range parts {
		for _, r := range rows {
			k := key{r.Metric, r.Segment}
			acc, ok := sum[k]
			if !ok {
				keys = append(keys, k)
				acc = &Row{Metric: r.Metric, Segment: r.Segment, IsShare: r.IsShare, Empty: true}
				sum[k] = acc
			}
			switch {
			case r.Empty && r.Note == NoteNotObservable:
				left[k]++
			case r.IsShare:
				acc.Numerator += r.Numerator
				acc.Denominator += r.Denominator
			case !r.Empty:
				acc.Value += r.Value
				acc.Empty = false
			}
		}
	}
	out := make([]Row, 0, len(keys))
	for _, k := range keys {
		r := *sum[k]
		if r.IsShare {
			r = share(r.Metric, r.Segment, r.Numerator, r.Denominator)
		}
		if n := left[k]; n > 0 {
			if r.Denominator == 0 && (r.IsShare || r.Empty) {
				r.Empty, r.Note = true, NoteNotObservable
			} else {
				r.Note = fmt.Sprintf("%d of %d event groups not yet observable, left out", n, len(parts))
			}
		}
		out = append(out, r)
	}
	return out
}
