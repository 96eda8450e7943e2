package chart_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"example.com/engagement/engagement/chart"
	"example.com/engagement/engagement/metrics"
)

// comparison builds an event whose new editors are k of n at each window
// (n = 0: no new editors; k < 0: not yet observable).
func comparison(n int, ks ...int) metrics.EventComparison {
	e := metrics.EventComparison{NewEditors: n, Participants: n + 3}
	for i, k := range ks {
		r := metrics.Row{Metric: metrics.RetentionMetric(metrics.DefaultComparisonDays[i%3]), Segment: metrics.SegmentNew, IsShare: true, Numerator: k, Denominator: n}
		switch {
		case k < 0:
			r = metrics.Row{Metric: r.Metric, Segment: r.Segment, IsShare: true, Empty: true, Note: metrics.NoteNotObservable}
		case n == 0:
			r.Empty, r.Note = true, metrics.NoteNoNewEditors
		default:
			r.Value = float64(k) / float64(n)
			r.CILow, r.CIHigh = metrics.Wilson(k, n)
		}
		e.Retention = append(e.Retention, r)
	}
	return e
}

// campaignShapes are campaigns of 1, 2 and 30 events, with long names,
// events without new editors, windows not yet observable and a NaN.
func campaignShapes() map[string]struct {
	names  []string
	events []metrics.EventComparison
} {
	shapes := map[string]struct {
		names  []string
		events []metrics.EventComparison
	}{}
	add := func(name string, names []string, events ...metrics.EventComparison) {
		shapes[name] = struct {
			names  []string
			events []metrics.EventComparison
		}{names, events}
	}
	add("one", []string{"Edit-a-thon"}, comparison(36, 9, 5, 2))
	add("two", []string{"Women in Science Edit-a-thon (March 2021)", "Wikidata Workshop (April 2021)"}, comparison(36, 9, 5, 2), comparison(0, 0, 0, 0))
	nan := comparison(4, 1, 1, 1)
	nan.Retention[1].Value = math.NaN()
	add("odd", []string{"Not yet", "NaN", "No windows"}, comparison(5, -1, -1, -1), nan, metrics.EventComparison{NewEditors: 3})
	var names []string
	var events []metrics.EventComparison
	for i := range 30 {
		names = append(names, fmt.Sprintf("Wiki Loves Monuments %d in the Royal Library of Somewhere_Rather_Far_Away_With_A_Very_Long_Name (Autumn Term %d)", i, 2000+i))
		switch {
		case i%7 == 3:
			events = append(events, comparison(0, 0, 0, 0))
		case i%5 == 4:
			events = append(events, comparison(1000, 400, 250, -1))
		default:
			events = append(events, comparison(i+1, i/2, i/3, i/4))
		}
	}
	add("thirty", names, events...)
	return shapes
}

// EventRetention never fails on campaigns of any shape: every one renders
// to PNG at its height, as narrow as a phone and as wide as a report.
func TestEventRetentionShapes(t *testing.T) {
	for name, s := range campaignShapes() {
		p, err := chart.EventRetention(s.names, s.events)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if p.Y.Max < float64(len(s.events))-1 || p.X.Max != 100 {
			t.Errorf("%s: axes %v–%v, %v–%v", name, p.Y.Min, p.Y.Max, p.X.Min, p.X.Max)
		}
		for _, w := range []int{390, 800} {
			fig := chart.Figure{Name: name, Plot: p, Width: chart.Pixels(w), Height: chart.EventRetentionHeight(len(s.events))}
			if b, err := fig.PNG(); err != nil || len(b) == 0 {
				t.Errorf("%s at %d px: %v", name, w, err)
			}
		}
	}
	if _, err := chart.EventRetention(nil, nil); !errors.Is(err, chart.ErrNoData) {
		t.Errorf("no events: %v, want ErrNoData", err)
	}
	if _, err := chart.EventRetention([]string{"a"}, nil); err == nil || !strings.Contains(err.Error(), "1 names for 0 events") {
		t.Errorf("names and events differ: %v", err)
	}
}
