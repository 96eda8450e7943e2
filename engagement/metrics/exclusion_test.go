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
	if row := find(t, r, RetentionMetric(7), SegmentNew); row.Numerator != 1 || row.Denominator != 2 {
		t.Errorf("retention_7d new = %d of %d, want 1 of 2 (B left out)", row.Numerator, row.Denominator)
	}
	if row := find(t, r, MetricExcluded, Segment(ExcludeIncomplete)); row.Value != 1 {
		t.Errorf("excluded data incomplete = %v, want 1", row.Value)
	}
	if row := find(t, r, MetricEditsDuring, SegmentAll); row.Value != 2 {
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
	added, net := find(t, r, MetricBytesAddedDuring, SegmentAll), find(t, r, MetricBytesNetDuring, SegmentAll)
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

// Every pair of reasons, through Compute: the earlier reason of metrics.md's
// order wins (facilitator > invalid username > account not found > bot >
// data incomplete), except that a participant whose data is incomplete is
// never "account not found"; each appears once in its excluded row and in
// no aggregate.
func TestExclusionPrecedenceEveryPair(t *testing.T) {
	const why = "account lookup on en.wikipedia.org: HTTP 503 after 6 tries"
	reg := at("2020-01-01T00:00:00Z")
	type cause struct {
		preset     Exclusion
		noAccount  bool
		bot        bool
		incomplete bool
	}
	tests := []struct {
		name string
		c    cause
		want Exclusion
	}{
		// Facilitator over invalid username is the roster's decision, made
		// before Compute (Participant.Excluded holds one reason).
		{"facilitator", cause{preset: ExcludeFacilitator}, ExcludeFacilitator},
		{"facilitator and not found", cause{preset: ExcludeFacilitator, noAccount: true}, ExcludeFacilitator},
		{"facilitator and bot", cause{preset: ExcludeFacilitator, bot: true}, ExcludeFacilitator},
		{"facilitator and incomplete", cause{preset: ExcludeFacilitator, incomplete: true}, ExcludeFacilitator},
		{"invalid and not found", cause{preset: ExcludeInvalid, noAccount: true}, ExcludeInvalid},
		{"invalid and bot", cause{preset: ExcludeInvalid, bot: true}, ExcludeInvalid},
		{"invalid and incomplete", cause{preset: ExcludeInvalid, incomplete: true}, ExcludeInvalid},
		// A bot needs an account, so "not found and bot" is not found.
		{"not found and bot", cause{noAccount: true, bot: true}, ExcludeNotFound},
		{"not found and incomplete", cause{noAccount: true, incomplete: true}, ExcludeIncomplete},
		{"bot with incomplete data", cause{bot: true, incomplete: true}, ExcludeBot},
		{"incomplete alone", cause{incomplete: true}, ExcludeIncomplete},
	}
	for _, tt := range tests {
		p := Participant{Username: "X", Excluded: tt.c.preset}
		if tt.c.incomplete {
			p.Incomplete = why
		}
		var accts []Account
		if !tt.c.noAccount {
			accts = []Account{{Username: "X", Registration: reg, Bot: tt.c.bot}}
		}
		contribs := []Contribution{edit("X", at("2021-03-06T10:00:00Z"), 0, 10, true, 1)}
		r, err := Compute(ev, []Participant{p, {Username: "Y"}}, append(accts, Account{Username: "Y", Registration: reg}), contribs, DefaultParams(at("2022-06-01T00:00:00Z")))
		if err != nil {
			t.Fatal(err)
		}
		if got := r.Participants[0]; got.Excluded != tt.want || got.Segment != SegmentExcluded {
			t.Errorf("%s: %s (%s), want %s", tt.name, got.Excluded, got.Segment, tt.want)
		}
		if d := r.Participants[0].Detail; (tt.want == ExcludeIncomplete) != (d == why) {
			t.Errorf("%s: detail %q", tt.name, d)
		}
		for _, reason := range []Exclusion{ExcludeFacilitator, ExcludeInvalid, ExcludeNotFound, ExcludeBot, ExcludeIncomplete} {
			want := 0.0
			if reason == tt.want {
				want = 1
			}
			if row := find(t, r, MetricExcluded, Segment(reason)); row.Value != want {
				t.Errorf("%s: excluded %s = %v, want %v", tt.name, reason, row.Value, want)
			}
		}
		if row := find(t, r, MetricEditsDuring, SegmentAll); row.Value != 0 {
			t.Errorf("%s: edits_during = %v, want 0 (X excluded)", tt.name, row.Value)
		}
		if row := find(t, r, MetricParticipants, SegmentAll); row.Value != 1 {
			t.Errorf("%s: participants = %v, want 1 (Y)", tt.name, row.Value)
		}
	}
}
