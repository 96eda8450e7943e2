package metrics

import "testing"

// The exclusions that depend on fetched data follow metrics.md's order:
// account not found (only when the lookup answered), bot, data incomplete.
func TestExclusionPrecedence(t *testing.T) {
	const why = "contributions on en.wikipedia.org: HTTP 503 after 6 tries"
	tests := []struct {
		found, bot bool
		incomplete string
		want       Exclusion
	}{
		{true, false, "", NotExcluded},
		{false, false, "", ExcludeNotFound},
		{false, false, "account lookup on en.wikipedia.org: HTTP 503 after 6 tries", ExcludeIncomplete},
		{true, true, "", ExcludeBot},
		{true, true, why, ExcludeBot},
		{true, false, why, ExcludeIncomplete},
	}
	for _, tt := range tests {
		if got := autoExclusion(tt.found, tt.bot, tt.incomplete); got != tt.want {
			t.Errorf("found=%v bot=%v incomplete=%q: %q, want %q", tt.found, tt.bot, tt.incomplete, got, tt.want)
		}
	}
}

// A participant whose data is incomplete is left out of every denominator
// (never counted as not editing), keeps the detail, and an earlier reason
// (facilitator) wins over it.
func TestIncompleteLeftOutOfDenominators(t *testing.T) {
	const why = "contributions on www.wikidata.org: HTTP 503 after 6 tries"
	reg := at("2021-03-05T09:00:00Z")
	ps := []Participant{{Username: "A"}, {Username: "B", Incomplete: why}, {Username: "C"}, {Username: "F", Excluded: ExcludeFacilitator, Incomplete: why}}
	accts := []Account{{Username: "A", Registration: reg}, {Username: "B", Registration: reg}, {Username: "C", Registration: reg}, {Username: "F", Registration: reg}}
	contribs := []Contribution{
		edit("A", at("2021-03-06T10:00:00Z"), 0, 10, false, 1),
		edit("A", at("2021-03-20T10:00:00Z"), 0, 10, false, 2),
		edit("B", at("2021-03-06T11:00:00Z"), 0, 10, false, 3),
		edit("C", at("2021-03-06T12:00:00Z"), 0, 10, false, 4),
	}
	r, err := Compute(ev, ps, accts, contribs, DefaultParams(at("2022-06-01T00:00:00Z")))
	if err != nil {
		t.Fatal(err)
	}
	if row := find(t, r, "retention_7d", SegmentNew); row.Numerator != 1 || row.Denominator != 2 {
		t.Errorf("retention_7d new = %d of %d, want 1 of 2 (B left out)", row.Numerator, row.Denominator)
	}
	if row := find(t, r, "excluded", Segment(ExcludeIncomplete)); row.Value != 1 {
		t.Errorf("excluded data incomplete = %v, want 1", row.Value)
	}
	if row := find(t, r, "edits_during", SegmentAll); row.Value != 2 {
		t.Errorf("edits_during all = %v, want 2 (B's edit left out)", row.Value)
	}
	for _, p := range r.Participants {
		switch p.Username {
		case "B":
			if p.Excluded != ExcludeIncomplete || p.Detail != why || p.Segment != SegmentExcluded {
				t.Errorf("B = %+v", p)
			}
		case "F":
			if p.Excluded != ExcludeFacilitator || p.Detail != "" {
				t.Errorf("F = %+v, want facilitator without detail", p)
			}
		}
	}
}

// Byte sums count content namespaces only and leave out revisions without
// a sizediff, saying how many; the as-of month is marked partial.
func TestBytesAndPartialMonth(t *testing.T) {
	reg := at("2020-01-01T00:00:00Z")
	unknown := edit("A", at("2021-03-06T13:00:00Z"), 0, 0, false, 4)
	unknown.NoSizeDiff = true
	contribs := []Contribution{
		edit("A", at("2021-03-06T10:00:00Z"), 0, 100, true, 1),
		edit("A", at("2021-03-06T11:00:00Z"), 0, -30, false, 2),
		edit("A", at("2021-03-06T12:00:00Z"), 2, 5000, false, 3), // user page: not content
		unknown,
	}
	asOf := at("2021-05-10T00:00:00Z")
	r, err := Compute(ev, []Participant{{Username: "A"}}, []Account{{Username: "A", Registration: reg}}, contribs, DefaultParams(asOf))
	if err != nil {
		t.Fatal(err)
	}
	added, net := find(t, r, "bytes_added_during", SegmentAll), find(t, r, "bytes_net_during", SegmentAll)
	if added.Value != 100 || net.Value != 70 {
		t.Errorf("bytes added %v net %v, want 100 and 70", added.Value, net.Value)
	}
	if want := "1 revisions without sizediff left out"; added.Note != want || net.Note != want {
		t.Errorf("notes %q %q, want %q", added.Note, net.Note, want)
	}
	var partial []string
	for _, m := range r.Monthly {
		if m.Partial {
			partial = append(partial, m.Month.Format("2006-01")+"/"+string(m.Segment))
		}
	}
	if len(partial) != 3 || partial[0] != "2021-05/new" {
		t.Errorf("partial months %v, want 2021-05 for each segment", partial)
	}
}
