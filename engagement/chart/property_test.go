package chart_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/plot"

	"example.com/engagement/engagement/chart"
	"example.com/engagement/engagement/metrics"
)

// shape is one kind of event the charts must survive.
type shape struct {
	name         string
	participants int
	newShare     float64 // share of participants who are new
	excluded     float64 // share left out
	editShare    float64 // share who edited during the event
	powerUser    bool    // one participant with 1,000 times the median
	wikis        int
	observable   bool // any month after the event observable yet
}

var shapes = []shape{
	{"one participant", 1, 1, 0, 1, false, 1, true},
	{"two participants", 2, 0.5, 0, 1, false, 1, true},
	{"all new", 12, 1, 0, 0.8, false, 1, true},
	{"all experienced", 13, 0, 0.1, 0.8, false, 2, true},
	{"nobody edited", 8, 0.5, 0.2, 0, false, 1, true},
	{"nothing observable yet", 20, 0.5, 0, 0.7, false, 1, false},
	{"power user", 40, 0.5, 0.05, 0.9, true, 1, true},
	{"three wikis", 30, 0.4, 0.1, 0.7, false, 3, true},
	{"10,000 participants", 10000, 0.6, 0.02, 0.5, true, 2, true},
}

// generate builds a metrics.Result of the given shape.
func generate(s shape, rng *rand.Rand) (metrics.Event, *metrics.Result) {
	start := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	ev := metrics.Event{Start: start, End: start.AddDate(0, 0, 20)}
	for w := range s.wikis {
		ev.Wikis = append(ev.Wikis, []string{"en.wikipedia.org", "commons.wikimedia.org", "www.wikidata.org"}[w])
	}
	r := &metrics.Result{Event: ev}
	for i := range s.participants {
		p := metrics.ParticipantSummary{Username: fmt.Sprint("U", i), Segment: metrics.SegmentExperienced}
		switch x := rng.Float64(); {
		case x < s.excluded:
			p.Segment, p.Excluded = metrics.SegmentExcluded, []metrics.Exclusion{metrics.ExcludeNotFound, metrics.ExcludeFacilitator, metrics.ExcludeIncomplete}[rng.IntN(3)]
		case x < s.excluded+(1-s.excluded)*s.newShare:
			p.Segment = metrics.SegmentNew
		default:
			p.LongTerm = rng.IntN(3) == 0
		}
		if rng.Float64() < s.editShare {
			p.EditsDuring = 1 + int(math.Floor(math.Pow(rng.Float64(), -0.7)))
		}
		r.Participants = append(r.Participants, p)
	}
	if s.powerUser && s.editShare > 0 {
		r.Participants[0].Segment, r.Participants[0].Excluded = metrics.SegmentExperienced, ""
		r.Participants[0].EditsDuring = 5000
	}
	asOf := ev.End.AddDate(0, 0, 3)
	if s.observable {
		asOf = ev.End.AddDate(1, 0, 10)
	}
	for m := start.AddDate(0, -6, 0); !m.After(asOf); m = m.AddDate(0, 1, 0) {
		partial := m.Year() == asOf.Year() && m.Month() == asOf.Month()
		for _, seg := range []metrics.Segment{metrics.SegmentNew, metrics.SegmentExperienced, metrics.SegmentAll} {
			n := rng.IntN(1 + s.participants/4)
			r.Monthly = append(r.Monthly, metrics.MonthRow{Month: m, Segment: seg, EditingParticipants: n, Edits: n * rng.IntN(30), Partial: partial})
		}
	}
	for _, seg := range []metrics.Segment{metrics.SegmentNew, metrics.SegmentExperienced, metrics.SegmentAll} {
		for _, d := range metrics.DefaultRetentionDays() {
			r.Rows = append(r.Rows, shareRow(metrics.RetentionMetric(d), seg, rng, !s.observable || d > 365))
		}
		for k := 1; k <= metrics.ActiveMonths; k++ {
			r.Rows = append(r.Rows, shareRow(metrics.ActiveMetric(k), seg, rng, !s.observable || k > 12))
		}
	}
	for _, w := range ev.Wikis {
		for _, ns := range []int{0, 2, 4, 6, 10, 14, 118} {
			for _, per := range []metrics.Period{metrics.Before, metrics.During, metrics.After} {
				if s.editShare == 0 && per == metrics.During {
					continue
				}
				e := rng.IntN(1 + s.participants)
				r.ByWikiNamespace = append(r.ByWikiNamespace, metrics.WikiNamespaceCount{Wiki: w, NS: ns, Period: per, Edits: e, PagesCreated: rng.IntN(1 + e), BytesAdded: e * rng.IntN(2000)})
			}
		}
	}
	return ev, r
}

func shareRow(metric string, seg metrics.Segment, rng *rand.Rand, empty bool) metrics.Row {
	if empty {
		return metrics.Row{Metric: metric, Segment: seg, Empty: true, IsShare: true, Note: metrics.NoteNotObservable}
	}
	n := 1 + rng.IntN(40)
	k := rng.IntN(n + 1)
	lo, hi := metrics.Wilson(k, n)
	return metrics.Row{Metric: metric, Segment: seg, Value: float64(k) / float64(n), IsShare: true, Numerator: k, Denominator: n, CILow: lo, CIHigh: hi}
}

// expectedTop is the tallest value each chart must show below the top of
// its Y axis.
func expectedTop(name string, r *metrics.Result) float64 {
	top := 0.0
	switch name {
	case "segments":
		c := map[string]int{}
		for _, p := range r.Participants {
			c[string(p.Segment)+string(p.Excluded)]++
		}
		for _, n := range c {
			top = math.Max(top, float64(n))
		}
	case "edits":
		editors := 0
		perBin := map[string]float64{}
		for _, p := range r.Participants {
			if p.Segment != metrics.SegmentExcluded && p.EditsDuring > 0 {
				editors++
				top = math.Max(top, float64(p.EditsDuring))
				bin := 0
				for _, b := range []int{2, 3, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000} {
					if p.EditsDuring >= b {
						bin = b
					}
				}
				perBin[fmt.Sprint(p.Segment, bin)]++
			}
		}
		if editors > 150 { // the distribution: participants per bin
			top = 0
			for _, n := range perBin {
				top = math.Max(top, n)
			}
		}
	case "monthly", "active":
		for _, m := range r.Monthly {
			if m.Segment != metrics.SegmentAll {
				v := float64(m.Edits)
				if name == "active" {
					v = float64(m.EditingParticipants)
				}
				top = math.Max(top, v)
			}
		}
	case "namespaces", "content":
		per := map[string]float64{}
		for _, c := range r.ByWikiNamespace {
			if name == "namespaces" && c.Period == metrics.During {
				per[c.Wiki] += float64(c.Edits)
			}
			if name == "content" && c.Period != metrics.Before {
				per[c.Wiki+string(c.Period)] += float64(c.BytesAdded) / 1000
			}
		}
		for _, v := range per {
			top = math.Max(top, v)
		}
	case "retention":
		for _, row := range r.Rows {
			if strings.HasPrefix(row.Metric, "retention_") && !row.Empty && row.Segment != metrics.SegmentAll {
				top = math.Max(top, 100*row.CIHigh)
			}
		}
	}
	return top
}

// counts names the charts whose Y axis counts things.
var counts = map[string]bool{"segments": true, "edits": true, "monthly": true, "active": true, "namespaces": true}

// TestChartsNeverFail draws every chart for events of every shape: each
// renders to PNG and SVG or says why there is nothing to draw; no bar rises
// past the Y axis; count axes tick on whole numbers only.
func TestChartsNeverFail(t *testing.T) {
	for i, s := range shapes {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			rng := rand.New(rand.NewPCG(uint64(i), 7))
			ev, r := generate(s, rng)
			for name, f := range standard(ev, nil, r) {
				p, err := f()
				if errors.Is(err, chart.ErrNoData) {
					continue
				}
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				checkAxes(t, name, p, expectedTop(name, r))
				fig := chart.Figure{Name: name, Plot: p, Width: chart.Pixels(360), Height: chart.Pixels(240)}
				if b, err := fig.PNG(); err != nil || len(b) == 0 {
					t.Errorf("%s: PNG: %v", name, err)
				}
				if b, err := fig.SVG(); err != nil || !strings.Contains(string(b), "<svg") {
					t.Errorf("%s: SVG: %v", name, err)
				}
			}
		})
	}
}

func checkAxes(t *testing.T, name string, p *plot.Plot, top float64) {
	t.Helper()
	if name == "heatmap" {
		return
	}
	if p.Y.Max < top {
		t.Errorf("%s: Y axis ends at %v below the tallest value %v", name, p.Y.Max, top)
	}
	if p.Y.Min > 1 {
		t.Errorf("%s: Y axis starts at %v", name, p.Y.Min)
	}
	if !counts[name] {
		return
	}
	labelled := 0
	for _, tk := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
		if tk.Label == "" || tk.Value < p.Y.Min || tk.Value > p.Y.Max {
			continue
		}
		labelled++
		v, err := strconv.Atoi(strings.ReplaceAll(tk.Label, ",", ""))
		if err != nil || float64(v) != tk.Value {
			t.Errorf("%s: tick %q at %v is not a whole number", name, tk.Label, tk.Value)
		}
	}
	if labelled < 2 {
		t.Errorf("%s: %d labelled ticks between %v and %v", name, labelled, p.Y.Min, p.Y.Max)
	}
}
