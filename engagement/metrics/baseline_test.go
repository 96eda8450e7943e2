package metrics

import (
	"fmt"
	"math"
	"testing"
	"time"
)

// Newcombe (1998), Table II, method 10.
func TestShareDifferencePublished(t *testing.T) {
	for _, c := range []struct {
		k1, n1, k2, n2 int
		d, lo, hi      float64
	}{
		{56, 70, 48, 80, 0.2, 0.0524, 0.3339},
		{9, 10, 3, 10, 0.6, 0.1705, 0.8090},
		{5, 56, 0, 29, 5.0 / 56, -0.0381, 0.1926},
	} {
		got := ShareDifference(c.k1, c.n1, c.k2, c.n2)
		if math.Abs(got.Value-c.d) > 1e-9 || math.Abs(got.Low-c.lo) > 5e-5 || math.Abs(got.High-c.hi) > 5e-5 {
			t.Errorf("%d/%d - %d/%d = %+v; want %.4f (%.4f, %.4f)", c.k1, c.n1, c.k2, c.n2, got, c.d, c.lo, c.hi)
		}
	}
	if got := ShareDifference(1, 0, 1, 2); !math.IsNaN(got.Value) || !math.IsNaN(got.Low) {
		t.Errorf("empty share: %+v; want NaN", got)
	}
}

func TestBaselineCohort(t *testing.T) {
	start := time.Date(2026, 3, 15, 10, 0, 0, 0, time.UTC)
	end := start.Add(6 * time.Hour)
	ev := Event{Start: start, End: end, Wikis: []string{"en.wikipedia.org"}}
	p := DefaultParams(end.AddDate(1, 0, 0))
	from := start.Add(-14 * 24 * time.Hour)
	reg := func(name string, at time.Time, edit time.Duration, bot bool) Registration {
		r := Registration{Username: name, Registered: at, Bot: bot}
		if edit >= 0 {
			r.FirstEdit = at.Add(edit)
		}
		return r
	}
	regs := []Registration{
		reg("Zed", from, time.Hour, false),                     // first instant of the window: kept
		reg("Early", from.Add(-time.Second), time.Hour, false), // one second too early
		reg("Last", end, 24*time.Hour, false),                  // last instant, edit exactly 1 day later: kept
		reg("Late", end.Add(time.Second), 0, false),            // after the event
		reg("Slow", start, 24*time.Hour+time.Second, false),    // first edit too late: not activated
		reg("Never", start, -1, false),                         // never edited
		reg("Bot", start, time.Minute, true),                   // bot
		reg("Attendee", start, time.Minute, false),             // in the roster
		reg("Alice", start.Add(-time.Hour), 0, false),          // edit at the registration instant: kept
	}
	got := BaselineCohort(ev, p, []string{"Attendee"}, regs)
	want := []string{"Alice", "Last", "Zed"}
	if len(got) != len(want) {
		t.Fatalf("cohort %v; want %v", got, want)
	}
	for i := range want {
		if got[i].Username != want[i] {
			t.Errorf("cohort[%d] = %s; want %s", i, got[i].Username, want[i])
		}
	}
}

func TestSampleBaselineReproducible(t *testing.T) {
	var cohort []Registration
	for i := range 1200 {
		cohort = append(cohort, Registration{Username: string(rune('A'+i%26)) + string(rune('a'+i/26))})
	}
	a, note := SampleBaseline(cohort, 500, 7)
	if len(a) != 500 || note != "sample of 500 of 1200" {
		t.Fatalf("sample of %d, note %q; want 500, \"sample of 500 of 1200\"", len(a), note)
	}
	// The same cohort in another order and the same seed give the same sample.
	rev := make([]Registration, len(cohort))
	for i, r := range cohort {
		rev[len(cohort)-1-i] = r
	}
	b, _ := SampleBaseline(rev, 500, 7)
	c, _ := SampleBaseline(cohort, 500, 8)
	same := true
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("sample[%d]: %s then %s for the same seed", i, a[i].Username, b[i].Username)
		}
		same = same && a[i] == c[i]
		if i > 0 && a[i-1].Username >= a[i].Username {
			t.Fatalf("sample not sorted or repeats at %d: %s, %s", i, a[i-1].Username, a[i].Username)
		}
	}
	if same {
		t.Error("seeds 7 and 8 gave the same sample")
	}
	small, note := SampleBaseline(cohort[:3], 500, 7)
	if len(small) != 3 || note != "" {
		t.Errorf("cohort of 3: %d kept, note %q; want all 3 and no note", len(small), note)
	}
}

func ExampleCompareRetention() {
	// 9 of 10 against 3 of 10: 90% against 30%, 3.0 times; Newcombe's
	// interval for 0.6 is 0.1705 to 0.8090.
	fmt.Println(CompareRetention(30, 9, 10, 3, 10, "English Wikipedia"))
	fmt.Println(CompareRetention(30, 0, 0, 3, 10, "English Wikipedia"))
	// 5 of 36 against 3 of 6: 13.9% is 28% of 50%. 2 of 4 against 0 of 6:
	// Wilson gives 15.0%-85.0% and 0-39.0%, so the low end is
	// 0.5 - sqrt(0.35² + 0.390²) = -0.024.
	fmt.Println(CompareRetention(30, 5, 36, 3, 6, "en.wikipedia.org"))
	fmt.Println(CompareRetention(7, 2, 4, 0, 6, "en.wikipedia.org"))
	// Output:
	// New editors from this event were still editing after 30 days 3.0 times as often as comparable newcomers on English Wikipedia (9 of 10, 90%, against 3 of 10, 30%; difference +60 points, 95% interval +17 to +81). This is not the event's effect: people who come to events differ from those who do not.
	// No comparison after 30 days: no new editors from this event or no comparable newcomers on English Wikipedia.
	// New editors from this event were still editing after 30 days less often than (28% as often as) comparable newcomers on en.wikipedia.org (5 of 36, 14%, against 3 of 6, 50%; difference -36 points, 95% interval -68 to -2). This is not the event's effect: people who come to events differ from those who do not.
	// New editors from this event were still editing after 7 days more often than comparable newcomers on en.wikipedia.org (2 of 4, 50%, against 0 of 6, 0%; difference +50 points, 95% interval -2 to +85). This is not the event's effect: people who come to events differ from those who do not.
}
