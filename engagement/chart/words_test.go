package chart_test

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"example.com/engagement/engagement/chart"
	"example.com/engagement/engagement/metrics"
)

func TestCanonicalNamespace(t *testing.T) {
	for ns, want := range map[int]string{0: "(Main)", 1: "Talk", 3: "User talk", 6: "File", 14: "Category", 120: "Property", 828: "Module", 4242: "namespace 4242"} {
		if got := chart.CanonicalNamespace(ns); got != want {
			t.Errorf("CanonicalNamespace(%d) = %q, want %q", ns, got, want)
		}
	}
}

// A bar chart of namespaces names them and orders them by number: the
// wiki's own names where given, the canonical ones where not (or where the
// name given is only "ns N").
func TestBarNamesNamespaces(t *testing.T) {
	df := dataframe.New(
		series.New([]string{"www.wikidata.org", "en.wikipedia.org", "en.wikipedia.org", "en.wikipedia.org"}, series.String, "wiki"),
		series.New([]int{120, 6, 0, 2}, series.Int, "ns"),
		series.New([]int{5, 3, 9, 4}, series.Int, "edits"))
	local := func(wiki string, ns int) string {
		if wiki == "en.wikipedia.org" && ns == 6 {
			return "Fichier"
		}
		return fmt.Sprintf("ns %d", ns) // the facade's fallback: not a name
	}
	p, err := chart.Bar(df, "ns", "edits", chart.Namespaces(local))
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, tk := range p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max) {
		labels = append(labels, tk.Label)
	}
	if got := strings.Join(labels, "|"); got != "(Main)|User|Fichier|Property" {
		t.Errorf("namespaces %s, want (Main)|User|Fichier|Property", got)
	}
	if p.Title.Text != "edits by namespace" || p.X.Label.Text != "namespace" {
		t.Errorf("title %q, X axis %q", p.Title.Text, p.X.Label.Text)
	}
}

// A histogram with a hue draws opaque bars side by side, titled in words.
func TestHistHueSideBySide(t *testing.T) {
	df := dataframe.New(
		series.New([]string{"a", "b", "c", "d", "e", "f"}, series.String, "username"),
		series.New([]string{"new", "new", "new", "experienced", "experienced", "experienced"}, series.String, "segment"),
		series.New([]int{1, 2, 2, 2, 3, 9}, series.Int, "edits_during"))
	p, err := chart.Hist(df, "edits_during", chart.Hue("segment"), chart.Bins(3))
	if err != nil {
		t.Fatal(err)
	}
	if p.Title.Text != "Participants by edits during the event" || p.X.Label.Text != "edits during the event" || p.Y.Label.Text != "participants" {
		t.Errorf("title %q, axes %q and %q", p.Title.Text, p.X.Label.Text, p.Y.Label.Text)
	}
	svg, err := chart.NewFigure("hist", p).SVG()
	if err != nil {
		t.Fatal(err)
	}
	if m := regexp.MustCompile(`fill-opacity:0\.[0-9]+`).Find(svg); m != nil {
		t.Errorf("a translucent fill: %s", m)
	}
	// Three bins of width 3 from 0.5; each group's bar is half a bin wide.
	if p.X.Min != 0.5 || p.X.Max != 9.5 {
		t.Errorf("X from %v to %v, want 0.5 to 9.5", p.X.Min, p.X.Max)
	}
}

// The as-of month is drawn only when some of it was observed: as of its
// first instant it is left out; as of the 10th it is drawn, dashed, and
// the legend says to when.
func TestMonthlyAsOf(t *testing.T) {
	month := func(m int) time.Time { return time.Date(2021, time.Month(m), 1, 0, 0, 0, 0, time.UTC) }
	var rows []metrics.MonthRow
	for m := 3; m <= 6; m++ {
		rows = append(rows, metrics.MonthRow{Month: month(m), Segment: metrics.SegmentNew, Edits: 10 * m, Partial: m == 6})
	}
	ev := metrics.Event{Start: month(3), End: month(3).Add(48 * time.Hour)}
	for _, c := range []struct {
		asOf   time.Time
		last   time.Time
		legend string
	}{
		{month(6), month(5), ""},
		{month(6).AddDate(0, 0, 9), month(6), "as-of month, to 10 Jun"},
	} {
		p, err := chart.MonthlyEdits(rows, ev, chart.AsOf(c.asOf))
		if err != nil {
			t.Fatal(err)
		}
		if got := time.Unix(int64(p.X.Max), 0).UTC(); !got.Equal(c.last) {
			t.Errorf("as of %s: the last month drawn is %s, want %s", c.asOf, got, c.last)
		}
		svg, err := chart.NewFigure("monthly", p).SVG()
		if err != nil {
			t.Fatal(err)
		}
		if has := bytes.Contains(svg, []byte("as-of month")); has != (c.legend != "") || c.legend != "" && !bytes.Contains(svg, []byte(c.legend)) {
			t.Errorf("as of %s: legend of the partial month: want %q", c.asOf, c.legend)
		}
	}
}
