package main

import (
	"fmt"
	"os"
	"path/filepath"

	"gonum.org/v1/plot"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/chart"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/report"
)

// writeCharts draws the charts (PNG files) and report.html into dir.
func writeCharts(dir string, ev *engagement.Event, d *engagement.Data, res *metrics.Result, pseudo *report.Pseudonymizer, stats string) ([]string, error) {
	me := ev.MetricsEvent()
	shown := res
	if pseudo != nil {
		shown = pseudo.Result(res)
	}
	charts := []struct {
		file, title, caption string
		draw                 func() (*plot.Plot, error)
	}{
		{"participants", "Participants", "Who took part, by segment; those left out of the numbers by reason.", func() (*plot.Plot, error) { return chart.ParticipantsBySegment(res.Participants) }},
		{"edits_per_participant", "Edits during the event", "Each bar is one participant.", func() (*plot.Plot, error) { return chart.EditsPerParticipant(res.Participants) }},
		{"monthly_edits", "Edits per month", "Calendar months from six months before the event to the as-of date; the event month is shaded.", func() (*plot.Plot, error) { return chart.MonthlyEdits(res.Monthly, me) }},
		{"monthly_editors", "Participants editing each month", "Participants with at least one edit in the month.", func() (*plot.Plot, error) { return chart.MonthlyActive(res.Monthly, me) }},
		{"retention", "Retention", "Share with an edit at least N days after the event, with 95% intervals.", func() (*plot.Plot, error) { return chart.RetentionCurve(res.Rows) }},
		{"cohort", "Month by month after the event", "Share with at least one edit in each 30-day window after the end; blank = not yet observable.", func() (*plot.Plot, error) { return chart.CohortHeatmap(res.Rows, "active", 12) }},
		{"namespaces", "Where participants edited", "Edits during the event by wiki and namespace.", func() (*plot.Plot, error) {
			return chart.NamespacesStacked(res.ByWikiNamespace, metrics.During, d.NamespaceName)
		}},
	}
	var paths []string
	var figs []report.Figure
	for _, c := range charts {
		p, err := c.draw()
		if err != nil {
			fmt.Fprintf(os.Stderr, "skipping chart %s: %v\n", c.file, err)
			continue
		}
		path := filepath.Join(dir, c.file+".png")
		if err := p.Save(chart.Width, chart.Height, path); err != nil {
			return paths, err
		}
		paths = append(paths, path)
		svg, err := chart.Render(p, chart.Width, chart.Height, "svg")
		if err != nil {
			return paths, err
		}
		figs = append(figs, report.Figure{Title: c.title, Caption: c.caption, SVG: svg})
	}
	c := ev.Course
	var failures []string
	for _, f := range d.Failures {
		name := f.Username
		if pseudo != nil {
			name = pseudo.Name(name)
		}
		failures = append(failures, fmt.Sprintf("%s on %s: %v", name, f.Wiki, f.Err))
	}
	in := report.Input{
		Title: c.Title, CourseURL: ev.Ref.String(), Wikis: c.Domains(), Result: shown, Figures: figs,
		Dashboard: [][2]string{{"editors", fmt.Sprint(c.StudentCount)}, {"articles", fmt.Sprint(c.ArticleCount)}, {"edits", c.EditCount}, {"articles created", c.CreatedCount}, {"words added", c.WordCount}, {"article views", c.ViewCount}},
		Notes:     d.Notes, Failures: failures, Stats: stats, Version: engagement.Version, Pseudonyms: pseudo != nil,
	}
	path := filepath.Join(dir, "report.html")
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return paths, err
	}
	if err := report.WriteHTML(f, in); err != nil {
		f.Close()
		os.Remove(tmp)
		return paths, err
	}
	if err := f.Close(); err != nil {
		return paths, err
	}
	if err := os.Rename(tmp, path); err != nil {
		return paths, err
	}
	return append([]string{path}, paths...), nil
}
