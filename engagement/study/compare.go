package study

import (
	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/metrics"
)

// ComparedEvent is one event of a campaign in the side-by-side view.
type ComparedEvent struct {
	Title, URL string
	metrics.EventComparison
	// Failed says why the course could not be loaded ("" when it was): its
	// numbers are unknown, not zero.
	Failed string
}

// Compare sets the events of c, analysed in res, side by side, in order
// of start: participants, new editors, returning people and the retention
// of new editors at 7, 30 and 90 days with 95% intervals
// (metrics.CompareEvents). Courses that could not be loaded follow, with
// why.
func Compare(c *Campaign, res *metrics.CampaignResult) []ComparedEvent {
	byCourse := map[string]*Event{}
	for _, ev := range c.Events {
		byCourse[ev.Course.Slug] = ev
	}
	var out []ComparedEvent
	for _, e := range metrics.CompareEvents(res) {
		ev := byCourse[e.Course]
		out = append(out, ComparedEvent{Title: ev.Course.Title, URL: ev.Ref.String(), EventComparison: e})
	}
	for _, f := range c.Failed {
		out = append(out, ComparedEvent{Title: f.Course, EventComparison: metrics.EventComparison{Course: f.Course}, Failed: f.Err.Error()})
	}
	return out
}

// ReturningPeople lists the people who took part in two or more events
// of c (res.Returning) with their events, in order of start.
func ReturningPeople(c *Campaign, res *metrics.CampaignResult) []dataset.ReturningPerson {
	returning := map[string]int{}
	out := make([]dataset.ReturningPerson, len(res.Returning))
	for i, u := range res.Returning {
		returning[u] = i
		out[i].Username = u
	}
	for _, e := range Compare(c, res) {
		if e.Failed != "" {
			continue
		}
		for _, p := range EventResult(res, e.Course).Participants {
			if i, ok := returning[p.Username]; ok && p.Excluded != metrics.ExcludeFacilitator && p.Excluded != metrics.ExcludeInvalid {
				out[i].Courses = append(out[i].Courses, e.Course)
			}
		}
	}
	return out
}

// EventResult is the result of the event of course in res (empty when
// there is none).
func EventResult(res *metrics.CampaignResult, course string) *metrics.Result {
	for _, e := range res.Events {
		if e.Course == course {
			return e.Result
		}
	}
	return &metrics.Result{}
}
