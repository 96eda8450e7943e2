package metrics

import (
	"strings"
	"testing"
	"time"
)

// Retention windows are a parameter: 730 days is computed like the others
// (it made Compute panic while the windows were a package variable), and
// a window not reached at as-of is not observable.
func TestCustomRetentionWindows(t *testing.T) {
	reg := at("2020-01-01T00:00:00Z")
	ps := []Participant{{Username: "A"}, {Username: "B"}}
	accts := []Account{{Username: "A", Registration: reg}, {Username: "B", Registration: reg}}
	contribs := []Contribution{
		edit("A", tEnd.Add(730*24*time.Hour), 0, 1, false, 1),             // exactly end + 730 days
		edit("B", tEnd.Add(730*24*time.Hour-time.Second), 0, 1, false, 2), // one second early
	}
	p := DefaultParams(at("2024-01-01T00:00:00Z"))
	p.RetentionDays = []int{14, 730, 1500}
	r, err := Compute(ev, ps, accts, contribs, p)
	if err != nil {
		t.Fatal(err)
	}
	if row := find(t, r, RetentionMetric(730), SegmentExperienced); row.Numerator != 1 || row.Denominator != 2 || row.Value != 0.5 {
		t.Errorf("retention_730d = %+v, want 1 of 2", row)
	}
	if row := find(t, r, RetentionMetric(14), SegmentAll); row.Numerator != 2 || row.Denominator != 2 {
		t.Errorf("retention_14d = %+v, want 2 of 2", row)
	}
	// end + 1500 days is 2025-04-15, after as-of.
	if row := find(t, r, RetentionMetric(1500), SegmentAll); !row.Empty || row.Note != NoteNotObservable {
		t.Errorf("retention_1500d = %+v, want not yet observable", row)
	}
	for _, row := range r.Rows {
		if row.Metric == RetentionMetric(7) {
			t.Fatalf("retention_7d computed although not asked for: %+v", row)
		}
	}
}

// Fewer active windows and another active-editor threshold change the rows
// and monthly.csv's active editors alike.
func TestCustomActiveParams(t *testing.T) {
	reg := at("2020-01-01T00:00:00Z")
	var contribs []Contribution
	for i := range 3 { // three content edits in window 1 and in March 2021
		contribs = append(contribs, edit("A", tEnd.Add(time.Duration(i+1)*time.Hour), 0, 1, false, int64(i+1)))
	}
	p := DefaultParams(at("2022-01-01T00:00:00Z"))
	p.ActiveMonths, p.ActiveEditorEdits = 2, 3
	r, err := Compute(ev, []Participant{{Username: "A"}}, []Account{{Username: "A", Registration: reg}}, contribs, p)
	if err != nil {
		t.Fatal(err)
	}
	if row := find(t, r, ActiveEditorMetric(1), SegmentAll); row.Numerator != 1 || row.Denominator != 1 {
		t.Errorf("active_editor_m1 = %+v, want 1 of 1 with threshold 3", row)
	}
	for _, row := range r.Rows {
		if row.Metric == ActiveMetric(3) {
			t.Fatalf("active_m3 computed with ActiveMonths 2")
		}
	}
	for _, m := range r.Monthly {
		if m.Month.Format("2006-01") == "2021-03" && m.Segment == SegmentAll && m.ActiveEditors != 1 {
			t.Errorf("March 2021 active editors = %d, want 1 with threshold 3", m.ActiveEditors)
		}
	}
}

// Params Compute cannot use are refused with the field named, never a
// panic.
func TestParamsRefused(t *testing.T) {
	asOf := at("2022-01-01T00:00:00Z")
	tests := []struct {
		name   string
		change func(*Params)
		want   string
	}{
		{"no as-of", func(p *Params) { p.AsOf = time.Time{} }, "Params.AsOf"},
		{"zero window", func(p *Params) { p.RetentionDays = []int{7, 0} }, "Params.RetentionDays[1] is 0"},
		{"negative window", func(p *Params) { p.RetentionDays = []int{-7} }, "Params.RetentionDays[0] is -7"},
		{"twice", func(p *Params) { p.RetentionDays = []int{30, 30} }, "lists 30 days twice"},
		{"no windows", func(p *Params) { p.RetentionDays = nil }, "Params.RetentionDays is empty"},
		{"too many windows", func(p *Params) {
			p.RetentionDays = nil
			for d := 1; d <= 65; d++ {
				p.RetentionDays = append(p.RetentionDays, d)
			}
		}, "at most 64"},
		{"no months", func(p *Params) { p.ActiveMonths = 0 }, "Params.ActiveMonths is 0"},
		{"too many months", func(p *Params) { p.ActiveMonths = 65 }, "Params.ActiveMonths is 65"},
		{"threshold", func(p *Params) { p.ActiveEditorEdits = 0 }, "Params.ActiveEditorEdits is 0"},
		{"lookback", func(p *Params) { p.NewEditorLookback = -time.Hour }, "Params.NewEditorLookback"},
		{"long term", func(p *Params) { p.LongTermEdits = -1 }, "Params.LongTermEdits is -1"},
		{"not from defaults", func(p *Params) { *p = Params{AsOf: asOf} }, "metrics.DefaultRetentionDays()"},
	}
	for _, tt := range tests {
		p := DefaultParams(asOf)
		tt.change(&p)
		_, err := Compute(ev, []Participant{{Username: "A"}}, nil, nil, p)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

// DefaultParams hands out its own slice: changing one Params' windows
// leaves the next DefaultParams alone.
func TestDefaultParamsIndependent(t *testing.T) {
	p := DefaultParams(tEnd)
	p.RetentionDays[0] = 999
	if got := DefaultParams(tEnd).RetentionDays; got[0] != 7 || len(got) != 6 {
		t.Errorf("DefaultParams().RetentionDays = %v after changing a copy", got)
	}
}
