package metrics

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

var (
	tStart = time.Date(2021, 3, 5, 0, 0, 0, 0, time.UTC)
	tEnd   = time.Date(2021, 3, 7, 23, 59, 59, 0, time.UTC)
	ev     = Event{Start: tStart, End: tEnd, Wikis: []string{"en.wikipedia.org", "www.wikidata.org"}}
)

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func find(t *testing.T, r *Result, metric string, seg Segment) Row {
	t.Helper()
	for _, row := range r.Rows {
		if row.Metric == metric && row.Segment == seg {
			return row
		}
	}
	t.Fatalf("no row %s/%s", metric, seg)
	return Row{}
}

func edit(user string, ts time.Time, ns int, diff int, isNew bool, rev int64) Contribution {
	return Contribution{Wiki: "en.wikipedia.org", Username: user, RevID: rev, PageID: rev, NS: ns, Title: "T", Timestamp: ts, SizeDiff: diff, New: isNew}
}

func TestWilson(t *testing.T) {
	lo, hi := Wilson(5, 10)
	if math.Abs(lo-0.2366) > 1e-4 || math.Abs(hi-0.7634) > 1e-4 {
		t.Errorf("Wilson(5,10) = %.4f, %.4f; want 0.2366, 0.7634", lo, hi)
	}
	lo, hi = Wilson(0, 4)
	// p=0: low 0, high = z²/n / (1+z²/n) = 0.9604/(1+0.9604) = 0.4899
	if lo != 0 || math.Abs(hi-0.4899) > 1e-4 {
		t.Errorf("Wilson(0,4) = %.4f, %.4f; want 0, 0.4899", lo, hi)
	}
}

// TestBoundaries checks every window edge to the second.
func TestBoundaries(t *testing.T) {
	asOf := at("2022-06-01T00:00:00Z")
	ps := []Participant{{Username: "A"}, {Username: "B"}, {Username: "C"}, {Username: "D"}, {Username: "E"}, {Username: "F", Excluded: ExcludeFacilitator}, {Username: "G"}}
	accts := []Account{
		{Username: "A", Registration: tStart.Add(-14 * 24 * time.Hour)},           // exactly 14 days before start: new
		{Username: "B", Registration: tStart.Add(-14*24*time.Hour - time.Second)}, // one second earlier: experienced
		{Username: "C", Registration: at("2021-03-06T10:00:00Z")},                 // during: new
		{Username: "D"}, // no registration date: experienced
		{Username: "E", Registration: at("2021-03-05T09:00:00Z")}, // new, no edits
		{Username: "F", Registration: at("2020-01-01T00:00:00Z")}, // facilitator
		// G has no account: account not found
	}
	end7 := tEnd.Add(7 * 24 * time.Hour)
	cs := []Contribution{
		edit("A", tStart, 0, 100, true, 1),                  // during (exactly at start), creates page 1
		edit("A", end7, 0, -20, false, 2),                   // after, exactly end+7d: retained 7d
		edit("B", tEnd, 0, 50, false, 3),                    // during (exactly at end)
		edit("B", end7.Add(-time.Second), 2, 10, false, 4),  // after, one second before end+7d
		edit("C", tStart.Add(-time.Second), 0, 5, false, 5), // before
		edit("C", tEnd.Add(time.Second), 1, 7, false, 6),    // after, 1 second after end
		edit("C", tEnd.Add(time.Second), 1, 7, false, 6),    // duplicate revision from a second source
		edit("F", tStart, 0, 999, true, 7),                  // excluded: must not count
		{Wiki: "www.wikidata.org", Username: "D", RevID: 8, PageID: 8, NS: 0, Title: "Q1", Timestamp: at("2022-01-01T00:00:00Z"), SizeDiff: 30},
		edit("A", asOf.Add(time.Second), 0, 1, false, 9), // after as-of: ignored
		edit("Nobody", tStart, 0, 1, false, 10),          // not a participant
	}
	r, err := Compute(ev, ps, accts, cs, DefaultParams(asOf))
	if err != nil {
		t.Fatal(err)
	}
	seg := map[string]Segment{}
	for _, s := range r.Participants {
		seg[s.Username] = s.Segment
	}
	wantSeg := map[string]Segment{"A": SegmentNew, "B": SegmentExperienced, "C": SegmentNew, "D": SegmentExperienced, "E": SegmentNew, "F": SegmentExcluded, "G": SegmentExcluded}
	for u, w := range wantSeg {
		if seg[u] != w {
			t.Errorf("segment of %s = %s, want %s", u, seg[u], w)
		}
	}
	checks := []struct {
		metric string
		seg    Segment
		value  float64
		num    int
		den    int
	}{
		{MetricParticipants, SegmentNew, 3, 0, 0},              // A, C, E
		{MetricParticipants, SegmentExperienced, 2, 0, 0},      // B, D
		{MetricExcluded, Segment(ExcludeFacilitator), 1, 0, 0}, // F
		{MetricExcluded, Segment(ExcludeNotFound), 1, 0, 0},    // G
		{MetricEditsDuring, SegmentAll, 2, 0, 0},               // A@start, B@end
		{MetricEditorsDuring, SegmentAll, 2, 0, 0},             // A, B
		{MetricPagesCreatedDuring, SegmentAll, 1, 0, 0},        // page 1 (F's page 7 excluded)
		{MetricPagesImprovedDuring, SegmentAll, 1, 0, 0},       // page 3
		{MetricBytesAddedDuring, SegmentAll, 150, 0, 0},        // 100 + 50
		{MetricEditsAfter, SegmentAll, 4, 0, 0},                // A rev2, B rev4, C rev6 (once), D rev8
		{MetricBytesAddedAfter, SegmentAll, 30, 0, 0},          // only content: D's Q1 (+30); A -20 not positive
		{MetricBytesNetAfter, SegmentAll, -20 + 30, 0, 0},      // content only: A's -20 and D's +30 (B ns2, C ns1 left out)
		{RetentionMetric(7), SegmentNew, 1.0 / 3, 1, 3},        // A (exactly end+7d)
		{RetentionMetric(7), SegmentExperienced, 0.5, 1, 2},    // D (wikidata only); B one second early
		{RetentionMetric(365), SegmentAll, 0, 0, 5},            // D on 2022-01-01 is before end+365d (2022-03-07)
		// Registered in [start, end]: C and E; C's edit after is in ns 1 one
		// second after end, E has none: the Dashboard's number is 0.
		{MetricRetainedNewEditorsDashboard, SegmentAll, 0, 0, 0},
	}
	for _, c := range checks {
		row := find(t, r, c.metric, c.seg)
		if row.Empty || math.Abs(row.Value-c.value) > 1e-12 || row.Numerator != c.num || row.Denominator != c.den {
			t.Errorf("%s/%s = %+v; want value %v (%d/%d)", c.metric, c.seg, row, c.value, c.num, c.den)
		}
	}
	// Days to return: C returns 1 s after end → 0 days; A at end+7d → 7 days.
	for _, s := range r.Participants {
		switch s.Username {
		case "A":
			if !s.HasReturned || s.DaysToReturn != 7 {
				t.Errorf("A days_to_return = %d, %v; want 7", s.DaysToReturn, s.HasReturned)
			}
		case "C":
			if !s.HasReturned || s.DaysToReturn != 0 || s.EditsBefore != 1 || s.EditsAfter != 1 {
				t.Errorf("C = %+v", s)
			}
		case "E":
			if s.HasReturned || s.EditsDuring != 0 {
				t.Errorf("E = %+v", s)
			}
		}
	}
	if r.Ignored != 1 {
		t.Errorf("Ignored = %d, want 1 (Nobody)", r.Ignored)
	}
}

func TestNotObservableAndEmptySegment(t *testing.T) {
	asOf := tEnd.Add(10 * 24 * time.Hour) // 10 days after the end
	ps := []Participant{{Username: "X"}}
	accts := []Account{{Username: "X", Registration: at("2015-01-01T00:00:00Z")}}
	r, err := Compute(ev, ps, accts, nil, DefaultParams(asOf))
	if err != nil {
		t.Fatal(err)
	}
	if row := find(t, r, RetentionMetric(7), SegmentNew); !row.Empty || row.Note != NoteEmptySegment {
		t.Errorf("new segment is empty: %+v", row)
	}
	if row := find(t, r, RetentionMetric(7), SegmentExperienced); row.Empty || row.Value != 0 || row.Denominator != 1 {
		t.Errorf("retention_7d experienced = %+v, want 0/1", row)
	}
	if row := find(t, r, RetentionMetric(30), SegmentExperienced); !row.Empty || row.Note != NoteNotObservable {
		t.Errorf("30 days not yet observable at end+10d: %+v", row)
	}
	if row := find(t, r, ActiveMetric(1), SegmentAll); !row.Empty || row.Note != NoteNotObservable {
		t.Errorf("active_m1 not observable: %+v", row)
	}
}

func TestSurvivingAndLongTermAndMonths(t *testing.T) {
	asOf := at("2021-05-01T00:00:00Z")
	reg := at("2021-03-01T12:00:00Z")
	ps := []Participant{{Username: "N1"}, {Username: "N2"}, {Username: "L"}, {Username: "Late"}}
	accts := []Account{
		{Username: "N1", Registration: reg},
		{Username: "N2", Registration: reg},
		{Username: "L", Registration: at("2010-01-01T00:00:00Z")},
		{Username: "Late", Registration: at("2021-03-06T00:00:00Z")}, // reg+60d = 2021-05-05 > as-of: censored
	}
	var cs []Contribution
	rev := int64(0)
	add := func(u string, ts time.Time, ns int) {
		rev++
		cs = append(cs, edit(u, ts, ns, 10, false, rev))
	}
	add("N1", reg.Add(24*time.Hour), 0)    // exactly reg+1d
	add("N1", reg.Add(60*24*time.Hour), 0) // exactly reg+60d: survives
	add("N2", reg.Add(2*time.Hour), 0)     // first day
	add("N2", reg.Add(61*24*time.Hour), 0) // too late: does not survive
	for i := 0; i < 500; i++ {
		add("L", at("2020-01-01T00:00:00Z").Add(time.Duration(i)*time.Minute), 0)
	}
	for i := 0; i < 5; i++ {
		add("L", at("2021-04-01T00:00:00Z").Add(time.Duration(i)*time.Hour), 0) // 5 content edits in April: active editor
	}
	add("L", at("2021-03-31T23:59:59Z"), 2)
	r, err := Compute(ev, ps, accts, cs, DefaultParams(asOf))
	if err != nil {
		t.Fatal(err)
	}
	row := find(t, r, MetricSurvivingNewEditors, SegmentNew)
	if row.Numerator != 1 || row.Denominator != 2 || row.Note != "1 censored (registered less than 60 days before as-of)" {
		t.Errorf("surviving_new_editors = %+v; want 1/2 with 1 censored", row)
	}
	if row := find(t, r, MetricLongTerm, SegmentExperienced); row.Value != 1 {
		t.Errorf("long_term = %+v, want 1 (500 edits before start)", row)
	}
	var april, march MonthRow
	for _, m := range r.Monthly {
		if m.Segment == SegmentExperienced && m.Month.Equal(at("2021-04-01T00:00:00Z")) {
			april = m
		}
		if m.Segment == SegmentExperienced && m.Month.Equal(at("2021-03-01T00:00:00Z")) {
			march = m
		}
	}
	if april.Edits != 5 || april.ActiveEditors != 1 || april.RetainedEditors != 1 || april.EditingParticipants != 1 {
		t.Errorf("April experienced = %+v; want 5 edits, 1 active, 1 retained", april)
	}
	if march.Edits != 1 || march.ActiveEditors != 0 || march.RetainedEditors != 0 {
		t.Errorf("March experienced = %+v; want 1 edit (ns 2), no active, not retained (no Feb edits)", march)
	}
	first, last := r.Monthly[0].Month, r.Monthly[len(r.Monthly)-1].Month
	if !first.Equal(at("2020-09-01T00:00:00Z")) || !last.Equal(at("2021-05-01T00:00:00Z")) {
		t.Errorf("months from %s to %s; want 2020-09 to 2021-05", first, last)
	}
}

// Sorting and the per-participant pass give the same result on one core
// and on two, whatever the cut between the halves, and reading only the
// participants' rows (as a campaign's events do) the same as reading all.
func TestComputeParallelEqualsSerial(t *testing.T) {
	ev, ps, accounts, contribs := parallelFixture(t)
	p := DefaultParams(ev.End.AddDate(1, 0, 0))
	serial, err := compute(ev, ps, accounts, contribs, nil, p, math.MaxInt)
	if err != nil {
		t.Fatal(err)
	}
	if serial.Ignored == 0 {
		t.Fatal("the fixture has no rows to ignore")
	}
	for _, from := range []int{0, 1, 1000} {
		for _, byUser := range []*userRows{nil, rowsByUser(contribs)} {
			par, err := compute(ev, ps, accounts, contribs, byUser, p, from)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(par, serial) {
				t.Fatalf("parallel from %d, indexed %v: result differs from the serial one", from, byUser != nil)
			}
		}
	}
}

// Pages with the same title and count (deleted and created again, with a
// new page id) come in one order, whatever order the pages were met in:
// the report lists them the same way on every run.
func TestTopPagesOrderIsTotal(t *testing.T) {
	ps := []Participant{{Username: "A"}, {Username: "B"}}
	accts := []Account{{Username: "A", Registration: tStart.Add(-time.Hour)}, {Username: "B", Registration: tStart.Add(-time.Hour)}}
	page := func(user string, rev, id int64, diff int, isNew bool) Contribution {
		return Contribution{Wiki: "en.wikipedia.org", Username: user, RevID: rev, PageID: id, Title: "Ada Lovelace", Timestamp: tStart.Add(time.Duration(rev) * time.Minute), SizeDiff: diff, New: isNew}
	}
	cs := []Contribution{
		page("A", 1, 10, 500, true), page("A", 2, 10, 30, false), // page 10, deleted after
		page("B", 3, 11, 900, true), page("A", 4, 11, 5, false), // page 11, the same title created again
		page("B", 5, 12, 100, true), page("B", 6, 12, 100, false), // page 12: the same title, one editor
	}
	want := []PageCount{
		{Wiki: "en.wikipedia.org", Title: "Ada Lovelace", Created: true, Edits: 2, Editors: 2, BytesAdded: 905},
		{Wiki: "en.wikipedia.org", Title: "Ada Lovelace", Created: true, Edits: 2, Editors: 1, BytesAdded: 530},
		{Wiki: "en.wikipedia.org", Title: "Ada Lovelace", Created: true, Edits: 2, Editors: 1, BytesAdded: 200},
	}
	for i := range 50 { // pages are met in map order: random from run to run
		r, err := Compute(ev, ps, accts, cs, DefaultParams(tEnd.AddDate(1, 0, 0)))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(r.TopPages, want) {
			t.Fatalf("run %d: top pages\n%+v\nwant\n%+v", i, r.TopPages, want)
		}
	}
}

// parallelFixture is 60 participants (new, experienced, a bot, a facilitator)
// with 20,000 contributions over two wikis, a third of them during the
// event, pages shared between them.
func parallelFixture(t *testing.T) (Event, []Participant, []Account, *Table) {
	t.Helper()
	start := time.Date(2021, 3, 5, 9, 0, 0, 0, time.UTC)
	ev := Event{Start: start, End: start.Add(8 * time.Hour), Wikis: []string{"en.wikipedia.org", "fr.wikipedia.org"}}
	r := rand.New(rand.NewPCG(7, 8))
	var ps []Participant
	var accounts []Account
	for i := range 60 {
		name := fmt.Sprintf("P%02d", i)
		ps = append(ps, Participant{Username: name})
		if i == 59 {
			ps[i].Excluded = ExcludeFacilitator
		}
		reg := start.AddDate(0, 0, -r.IntN(3000))
		accounts = append(accounts, Account{Username: name, Registration: reg, Bot: i == 58})
	}
	cs := make([]Contribution, 20000)
	for i := range cs {
		w := []string{"en.wikipedia.org", "fr.wikipedia.org", "en.wikipedia.org", "fr.wikipedia.org", "de.wikipedia.org"}[r.IntN(5)] // de: outside the event
		page := int64(r.IntN(300))
		at := start.Add(time.Duration(r.IntN(3*365*24)-365*24) * time.Hour)
		if r.IntN(3) == 0 { // a third during the event, on pages others edit too
			at = start.Add(time.Duration(r.IntN(8*3600)) * time.Second)
		}
		user := ps[r.IntN(len(ps))].Username
		if r.IntN(10) == 0 {
			user = fmt.Sprintf("Stranger %d", r.IntN(5)) // not a participant
		}
		cs[i] = Contribution{Wiki: w, Username: user, RevID: int64(i + 1), PageID: page, NS: []int{0, 0, 1, 2, 4}[r.IntN(5)],
			Title: fmt.Sprintf("Page %d", page), Timestamp: at, SizeDiff: r.IntN(400) - 100, New: r.IntN(20) == 0}
	}
	return ev, ps, accounts, TableOf(cs)
}
