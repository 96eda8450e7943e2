package metrics

import (
	"strings"
	"testing"
)

// Two events: A is new at the first and returns for the second; B is
// experienced at the first only; C is new at the second; F facilitates the
// first and takes part in the second (a facilitator for the campaign); G
// is new at the first and only facilitates the second (a facilitator for
// the campaign too, though not a participant of the second); Z, a bot at
// both, is not a returning person; I, at both with data incomplete, is
// left out of the numbers but returns.
func TestComputeCampaign(t *testing.T) {
	e1 := Event{Start: at("2021-03-05T00:00:00Z"), End: at("2021-03-07T23:59:59Z"), Wikis: []string{"en.wikipedia.org"}}
	e2 := Event{Start: at("2021-06-01T00:00:00Z"), End: at("2021-06-02T23:59:59Z"), Wikis: []string{"en.wikipedia.org"}}
	events := []CampaignEvent{
		{Course: "Lib/Second", Event: e2, Participants: []Participant{{Username: "A"}, {Username: "C"}, {Username: "F"}, {Username: "Z"}, {Username: "I", Incomplete: "contributions on en.wikipedia.org: HTTP 503"}}, Facilitators: []string{"G"}},
		{Course: "Lib/First", Event: e1, Participants: []Participant{{Username: "A"}, {Username: "B"}, {Username: "F", Excluded: ExcludeFacilitator}, {Username: "G"}, {Username: "Z"}, {Username: "I", Incomplete: "contributions on en.wikipedia.org: HTTP 503"}}, Facilitators: []string{"F"}},
	}
	accounts := []Account{
		{Username: "A", Registration: at("2021-03-01T00:00:00Z")},
		{Username: "B", Registration: at("2015-01-01T00:00:00Z")},
		{Username: "C", Registration: at("2021-05-25T00:00:00Z")},
		{Username: "F", Registration: at("2010-01-01T00:00:00Z")},
		{Username: "G", Registration: at("2021-03-02T00:00:00Z")},
		{Username: "Z", Registration: at("2012-01-01T00:00:00Z"), Bot: true}, // a bot at both: not a returning person
		{Username: "I", Registration: at("2012-01-01T00:00:00Z")},            // at both, data incomplete: left out of the numbers, but returning
	}
	contribs := []Contribution{
		edit("A", at("2021-03-06T10:00:00Z"), 0, 10, false, 1),
		edit("A", at("2021-03-17T23:59:59Z"), 0, 10, false, 2), // E1 end + 10 days
		edit("B", at("2021-03-06T11:00:00Z"), 0, 10, false, 3),
		edit("C", at("2021-06-02T10:00:00Z"), 0, 10, false, 4),
		edit("C", at("2021-06-10T23:59:59Z"), 0, 10, false, 5), // E2 end + 8 days
		edit("F", at("2021-06-02T12:00:00Z"), 0, 10, false, 6),
		edit("G", at("2021-03-06T12:00:00Z"), 0, 10, false, 7),
		edit("G", at("2021-03-20T12:00:00Z"), 0, 10, false, 8), // would count for retention, were G a participant
	}
	r, err := ComputeCampaign(events, accounts, TableOf(contribs), DefaultParams(at("2022-06-01T00:00:00Z")))
	if err != nil {
		t.Fatal(err)
	}
	get := func(rows []Row, metric string, seg Segment) Row {
		for _, row := range rows {
			if row.Metric == metric && row.Segment == seg {
				return row
			}
		}
		t.Fatalf("no row %s/%s", metric, seg)
		return Row{}
	}
	c := r.Combined
	for _, tt := range []struct {
		metric string
		seg    Segment
		value  float64
		k, n   int
	}{
		{MetricParticipants, SegmentNew, 2, 0, 0},              // A (at the first), C
		{MetricParticipants, SegmentExperienced, 1, 0, 0},      // B
		{MetricExcluded, Segment(ExcludeFacilitator), 2, 0, 0}, // F, a participant in the second; G
		{MetricReturningParticipants, SegmentAll, 2, 0, 0},     // A, I
		{MetricExcluded, Segment(ExcludeBot), 1, 0, 0},         // Z
		{MetricExcluded, Segment(ExcludeIncomplete), 1, 0, 0},  // I
		{RetentionMetric(7), SegmentNew, 1, 2, 2},              // A from the first event's end, C from the second's
		{RetentionMetric(7), SegmentExperienced, 0, 0, 1},      // B
		{RetentionMetric(365), SegmentAll, 0, 0, 2},            // only the first event's people are observable
		{MetricEditsDuring, SegmentAll, 3, 0, 0},               // A and B during the first, C during the second
	} {
		row := get(c, tt.metric, tt.seg)
		if row.Empty || row.Value != tt.value || row.Numerator != tt.k || row.Denominator != tt.n {
			t.Errorf("combined %s/%s = %+v, want %v (%d/%d)", tt.metric, tt.seg, row, tt.value, tt.k, tt.n)
		}
	}
	if note := get(c, RetentionMetric(365), SegmentAll).Note; !strings.Contains(note, "1 of 2 event groups not yet observable") {
		t.Errorf("retention_365d note %q", note)
	}
	// Each event's own analysis: F is a participant of the second event,
	// and A is experienced there.
	if first := r.Events[1].Result.Rows; get(first, MetricParticipants, SegmentNew).Value != 2 {
		t.Errorf("first event's own analysis: %v new, want 2 (A, G: facilitating later does not change it)", get(first, MetricParticipants, SegmentNew).Value)
	}
	if r.Events[0].Course != "Lib/Second" {
		t.Fatalf("events out of input order: %v", r.Events)
	}
	second := r.Events[0].Result.Rows
	if get(second, MetricParticipants, SegmentNew).Value != 1 || get(second, MetricParticipants, SegmentExperienced).Value != 2 {
		t.Errorf("second event: new %v, experienced %v; want 1 (C) and 2 (A, F)", get(second, MetricParticipants, SegmentNew).Value, get(second, MetricParticipants, SegmentExperienced).Value)
	}
	if r.FirstEvent["A"] != "Lib/First" || r.FirstEvent["C"] != "Lib/Second" || r.FirstEvent["F"] != "Lib/Second" {
		t.Errorf("first events %v", r.FirstEvent)
	}
	if strings.Join(r.Returning, ",") != "A,I" {
		t.Errorf("returning %v", r.Returning)
	}
}

// The side-by-side view of the same campaign: in order of start, each
// event's participants, new editors, returning people and retention of its
// new editors; an event without new editors says so.
func TestCompareEvents(t *testing.T) {
	e1 := Event{Start: at("2021-03-05T00:00:00Z"), End: at("2021-03-07T23:59:59Z"), Wikis: []string{"en.wikipedia.org"}}
	e2 := Event{Start: at("2021-06-01T00:00:00Z"), End: at("2021-06-02T23:59:59Z"), Wikis: []string{"en.wikipedia.org"}}
	events := []CampaignEvent{
		{Course: "Lib/Second", Event: e2, Participants: []Participant{{Username: "A"}, {Username: "B"}}},
		{Course: "Lib/First", Event: e1, Participants: []Participant{{Username: "A"}, {Username: "B"}, {Username: "C"}, {Username: "D", Excluded: ExcludeBot}}},
	}
	accounts := []Account{
		{Username: "A", Registration: at("2021-03-01T00:00:00Z")}, // new at the first, experienced at the second
		{Username: "B", Registration: at("2015-01-01T00:00:00Z")},
		{Username: "C", Registration: at("2021-03-04T00:00:00Z")},
		{Username: "D", Registration: at("2021-03-04T00:00:00Z"), Bot: true},
	}
	contribs := []Contribution{
		edit("A", at("2021-03-06T10:00:00Z"), 0, 10, false, 1),
		edit("A", at("2021-04-10T00:00:00Z"), 0, 10, false, 2), // first end + 33 days
		edit("C", at("2021-03-06T10:00:00Z"), 0, 10, false, 3),
	}
	r, err := ComputeCampaign(events, accounts, TableOf(contribs), DefaultParams(at("2021-06-20T00:00:00Z")))
	if err != nil {
		t.Fatal(err)
	}
	cs := CompareEvents(r)
	if len(cs) != 2 || cs[0].Course != "Lib/First" || cs[1].Course != "Lib/Second" {
		t.Fatalf("comparison %+v, want Lib/First then Lib/Second", cs)
	}
	first, second := cs[0], cs[1]
	if first.Participants != 3 || first.NewEditors != 2 || first.Returning != 2 {
		t.Errorf("first: %d participants, %d new, %d returning; want 3 (A, B, C; D a bot), 2 (A, C), 2 (A, B)", first.Participants, first.NewEditors, first.Returning)
	}
	for i, want := range []struct {
		k, n  int
		empty bool
	}{{1, 2, false}, {1, 2, false}, {0, 2, false}} { // 7 and 30 days: A, 33 days after
		got := first.Retention[i]
		if got.Numerator != want.k || got.Denominator != want.n || got.Empty != want.empty {
			t.Errorf("first, %s: %+v, want %d of %d (empty %v)", got.Metric, got, want.k, want.n, want.empty)
		}
	}
	if lo, hi := Wilson(1, 2); first.Retention[0].CILow != lo || first.Retention[0].CIHigh != hi {
		t.Errorf("first, 7 days: interval %v–%v, want Wilson's %v–%v", first.Retention[0].CILow, first.Retention[0].CIHigh, lo, hi)
	}
	if second.Participants != 2 || second.NewEditors != 0 || second.Returning != 2 || !second.Retention[0].Empty || second.Retention[0].Note != NoteNoNewEditors {
		t.Errorf("second: %+v; want 2 participants, none new, 2 returning, retention empty with %q", second, NoteNoNewEditors)
	}
}
