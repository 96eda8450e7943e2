package metrics

import (
	"cmp"
	"slices"
	"time"
)

// DefaultComparisonDays are the retention windows set side by side when
// events are compared.
var DefaultComparisonDays = []int{7, 30, 90}

// EventComparison is one event of a campaign in the side-by-side view:
// its own analysis reduced to the numbers organizers compare.
type EventComparison struct {
	Course     string
	Start, End time.Time
	// Participants counts the event's participants (segment all, after
	// exclusions); NewEditors those of segment new.
	Participants, NewEditors int
	// Returning counts the event's participants who took part in another
	// event of the campaign too (CampaignResult.Returning).
	Returning int
	// Retention holds, for each window of the comparison in order, the
	// share of the event's new editors with an edit that many days after
	// its end, with its Wilson interval; Empty with a note when not
	// observable or when the event had no new editors.
	Retention []Row
}

// CompareEvents reduces each event of r to an EventComparison with the
// retention of new editors at each of days (DefaultComparisonDays when
// none), in order of start, then end, then course.
func CompareEvents(r *CampaignResult, days ...int) []EventComparison {
	if len(days) == 0 {
		days = DefaultComparisonDays
	}
	returning := map[string]bool{}
	for _, u := range r.Returning {
		returning[u] = true
	}
	out := make([]EventComparison, 0, len(r.Events))
	for _, e := range r.Events {
		res := e.Result
		c := EventComparison{Course: e.Course, Start: res.Event.Start, End: res.Event.End}
		for _, p := range res.Participants {
			if p.Excluded != NotExcluded {
				continue
			}
			c.Participants++
			if p.Segment == SegmentNew {
				c.NewEditors++
			}
			if returning[p.Username] {
				c.Returning++
			}
		}
		for _, d := range days {
			row := retentionOfNew(res.Rows, d)
			if c.NewEditors == 0 {
				row.Note = NoteNoNewEditors
			}
			c.Retention = append(c.Retention, row)
		}
		out = append(out, c)
	}
	slices.SortStableFunc(out, func(a, b EventComparison) int {
		return cmp.Or(a.Start.Compare(b.Start), a.End.Compare(b.End), cmp.Compare(a.Course, b.Course))
	})
	return out
}

// NoteNoNewEditors marks a retention of new editors at an event that had
// none.
const NoteNoNewEditors = "no new editors"

// retentionOfNew is the row retention_{d}d of segment new, or an empty row
// saying why there is none.
func retentionOfNew(rows []Row, d int) Row {
	m := RetentionMetric(d)
	for _, r := range rows {
		if r.Metric == m && r.Segment == SegmentNew {
			return r
		}
	}
	return Row{Metric: m, Segment: SegmentNew, IsShare: true, Empty: true, Note: "not computed: add the window to Params.RetentionDays"}
}
