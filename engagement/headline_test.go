package engagement_test

import (
	"slices"
	"testing"

	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/report"
	"example.com/engagement/engagement/study"
)

// A headline shows the retention windows computed: the default four of
// the six computed by default, and custom windows when they are set.
func TestHeadlineShowsCustomRetentionWindows(t *testing.T) {
	_, a, _ := sampleFolder(t)
	measures := func(days []int) []string {
		p := metrics.DefaultParams(a.Event.AsOf(a.Event.Course.End))
		p.RetentionDays = days
		r, err := study.Analyze(a.Event, a.Data, p)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range report.HeadlineRows(nil, r) {
			out = append(out, h.Label)
		}
		return out[5:]
	}
	want := []string{"Retention 14 days, new", "Retention 14 days, experienced", "Retention 730 days, new", "Retention 730 days, experienced"}
	if got := measures([]int{730, 14}); !slices.Equal(got, want) {
		t.Errorf("windows 14 and 730: retention rows %q, want %q", got, want)
	}
	def := measures(metrics.DefaultRetentionDays())
	if len(def) != 8 || def[0] != "Retention 7 days, new" || def[7] != "Retention 365 days, experienced" {
		t.Errorf("default windows: retention rows %q, want 7, 30, 90 and 365 days for both segments", def)
	}
}
