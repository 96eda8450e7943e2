package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"

	"gonum.org/v1/plot"

	"example.com/engagement/engagement/chart"
	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/study"
)

// Chart is one of the standard charts of an analysis.
type Chart struct {
	Name, Title, Caption string
	Plot                 *plot.Plot
}

// SkippedChart is a standard chart left out for want of data.
type SkippedChart struct {
	Name string // as in Chart.Name
	Err  error
	key  string // of its title, engagement-figure-<key>
}

func (e *SkippedChart) Error() string { return e.Err.Error() }

// In says why the chart is left out in l's language: its title and the
// reason ("Participantes: nadie editó durante el evento"). In English (l
// nil or English) it is the chart's own error, as it has always read.
func (e *SkippedChart) In(l *i18n.Localizer) string {
	var nd *chart.NoDataError
	if l == nil || l.Lang() == "en" || e.key == "" || !errors.As(e.Err, &nd) {
		return e.Error()
	}
	return l.T("engagement-chart-title-reason", l.T("engagement-figure-"+e.key), nd.Why(l))
}

// SkipReason is SkippedChart.In of err, or err's own words.
func SkipReason(l *i18n.Localizer, err error) string {
	var sc *SkippedChart
	if errors.As(err, &sc) {
		return sc.In(l)
	}
	return err.Error()
}

// Unwrap returns the reason.
func (e *SkippedChart) Unwrap() error { return e.Err }

// Charts draws the standard charts with their words, titles and
// captions in l's language (nil: English). Charts without data are left
// out and their reasons returned in skipped (each a *SkippedChart).
func Charts(l *i18n.Localizer, ev *study.Event, d *study.Data, res *metrics.Result) (charts []Chart, skipped []error) {
	me, lang := ev.MetricsEvent(), chart.Language(l)
	list := []struct {
		name, key string
		draw      func() (*plot.Plot, error)
	}{
		{"participants", "participants", func() (*plot.Plot, error) { return chart.ParticipantsBySegment(res.Participants, lang) }},
		{"edits_per_participant", "edits-per-participant", func() (*plot.Plot, error) { return chart.EditsPerParticipant(res.Participants, lang) }},
		{"monthly_edits", "monthly-edits", func() (*plot.Plot, error) {
			return chart.MonthlyEdits(res.Monthly, me, chart.AsOf(res.Params.AsOf), lang)
		}},
		{"monthly_editors", "monthly-editors", func() (*plot.Plot, error) {
			return chart.MonthlyActive(res.Monthly, me, chart.AsOf(res.Params.AsOf), lang)
		}},
		{"retention", "retention", func() (*plot.Plot, error) { return chart.RetentionCurve(res.Rows, lang) }},
		{"cohort", "cohort", func() (*plot.Plot, error) { return chart.CohortHeatmap(res.Rows, "active", 12, lang) }},
		{"content", "content", func() (*plot.Plot, error) { return chart.PagesAndBytes(res.ByWikiNamespace, d.IsContent, lang) }},
		{"namespaces", "namespaces", func() (*plot.Plot, error) {
			return chart.NamespacesStacked(res.ByWikiNamespace, metrics.During, d.NamespaceName, lang)
		}},
	}
	if hasSegment(res.Rows, metrics.SegmentBaseline) {
		list = append(list, struct {
			name, key string
			draw      func() (*plot.Plot, error)
		}{"baseline", "baseline", func() (*plot.Plot, error) { return chart.BaselineCurve(res.Rows, lang) }})
	}
	tr := orEnglish(l)
	for _, c := range list {
		p, err := c.draw()
		if err != nil {
			skipped = append(skipped, &SkippedChart{Name: c.name, Err: err, key: c.key})
			continue
		}
		charts = append(charts, Chart{c.name, tr.T("engagement-figure-" + c.key), tr.T("engagement-figure-" + c.key + "-caption"), p})
	}
	return charts, skipped
}

// renderAll draws the charts as PNGs, and again for narrow screens, on
// every core.
func renderAll(charts []Chart) ([][]byte, [][]byte, []error) {
	pngs, narrow, errs := make([][]byte, len(charts)), make([][]byte, len(charts)), make([]error, len(charts))
	next := make(chan int, len(charts))
	for i := range charts {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(charts)) {
		wg.Go(func() {
			for i := range next {
				fig := chart.NewFigure(charts[i].Name, charts[i].Plot)
				if pngs[i], errs[i] = fig.PNG(); errs[i] == nil {
					narrow[i], errs[i] = fig.NarrowPNG()
				}
			}
		})
	}
	wg.Wait()
	return pngs, narrow, errs
}

// EventShare is what WriteEvent writes: an event, its data and its result
// (real names; Pseudo, when set, replaces them in what is written), the
// page views and the baseline when there are, in a language (nil:
// English).
type EventShare struct {
	Event    *study.Event
	Data     *study.Data
	Result   *metrics.Result
	Pseudo   *Pseudonymizer
	Views    *PageViews
	Baseline *Baseline
	Lang     *i18n.Localizer
}

// WriteEvent writes the charts (PNG), report.html and report.wikitext into
// dir and returns the paths, report first. A chart that cannot be drawn
// is left out and its reason noted in the report.
func WriteEvent(dir string, e EventShare) ([]string, error) {
	ev, d, res, pseudo := e.Event, e.Data, e.Result, e.Pseudo
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	shown := res
	if pseudo != nil {
		shown = pseudo.Result(res)
	}
	charts, skipped := Charts(e.Lang, ev, d, res)
	paths, figs, skipped, err := writeFigures(dir, charts, skipped)
	if err != nil {
		return paths, err
	}
	tr := orEnglish(e.Lang)
	notes := make([]string, 0, len(d.Notes))
	for _, n := range d.Notes {
		notes = append(notes, n.In(tr))
	}
	for _, s := range skipped {
		notes = append(notes, tr.T("engagement-nb-chart-left-out", SkipReason(tr, s)))
	}
	failures := failureLines(d, pseudo)
	c := ev.Course
	stats := ""
	if d.Stats.Requests+d.Stats.CacheHits > 0 {
		stats = "Wikimedia API: " + d.Stats.String()
	}
	in := Input{
		Title: c.Title, CourseURL: ev.Ref.String(), Wikis: c.Domains(), Result: shown, Figures: figs,
		Totals:    &DashboardTotals{Editors: c.StudentCount, Edits: c.EditCount, ArticlesCreated: c.CreatedCount, Uploads: c.UploadCount},
		Dashboard: [][2]string{{"editors", fmt.Sprint(c.StudentCount)}, {"articles", fmt.Sprint(c.ArticleCount)}, {"edits", c.EditCount}, {"articles created", c.CreatedCount}, {"words added", c.WordCount}, {"article views", c.ViewCount}},
		Notes:     notes, Failures: failures, Stats: stats, Version: study.Version, Pseudonyms: pseudo != nil,
		PageViews: e.Views, Baseline: e.Baseline, Lang: e.Lang,
	}
	path := filepath.Join(dir, "report.html")
	if err := dataset.WriteFile(path, func(w io.Writer) error { return WriteHTML(w, in) }); err != nil {
		return paths, fmt.Errorf("writing the report: %w", err)
	}
	wt := filepath.Join(dir, "report.wikitext")
	var b bytes.Buffer
	if err := WriteWikitext(&b, in); err != nil {
		return paths, err
	}
	if err := dataset.WriteFileBytes(wt, b.Bytes()); err != nil {
		return paths, fmt.Errorf("writing the report: %w", err)
	}
	return append([]string{path, wt}, paths...), nil
}

// writeFigures saves each chart's PNG into dir and returns the paths and
// the report's figures; a chart that cannot be drawn joins skipped, with
// its reason.
func writeFigures(dir string, charts []Chart, skipped []error) ([]string, []Figure, []error, error) {
	pngs, narrow, errs := renderAll(charts)
	var paths []string
	var figs []Figure
	for i, c := range charts {
		png, err := pngs[i], errs[i]
		if err != nil {
			skipped = append(skipped, &SkippedChart{Name: c.Name, Err: err})
			continue
		}
		path := filepath.Join(dir, c.Name+".png")
		if err := dataset.WriteFileBytes(path, png); err != nil {
			return paths, nil, nil, fmt.Errorf("saving a chart: %w", err)
		}
		paths = append(paths, path)
		figs = append(figs, Figure{Title: c.Title, Caption: c.Caption, PNG: png, Narrow: narrow[i]})
	}
	return paths, figs, skipped, nil
}

// failureLines are d's failures as the report lists them, each user as
// pseudo names them (nil: as they are), built from fields so that no name
// hides inside an error's text.
func failureLines(d *study.Data, pseudo *Pseudonymizer) []string {
	var failures []string
	for _, f := range d.Failures {
		name := f.Username
		if pseudo != nil {
			name = pseudo.Name(name)
		}
		failures = append(failures, name+": "+f.Cause())
	}
	return failures
}

// PseudonymData returns a copy of d with every username replaced by
// pseudo's pseudonym: contributions, accounts, failures and the examples
// of what re-reading a folder normalised.
func PseudonymData(d *study.Data, pseudo *Pseudonymizer) *study.Data {
	cp := *d
	cp.Contributions, cp.Accounts = pseudo.Table(d.Contributions), pseudo.Accounts(d.Accounts)
	cp.Failures = slices.Clone(d.Failures)
	for i := range cp.Failures {
		cp.Failures[i].Username = pseudo.Name(cp.Failures[i].Username)
	}
	cp.Normalised = d.Normalised.Redacted(pseudo.Name)
	cp.DropSource() // the file read holds the real names
	return &cp
}

// hasSegment reports whether any row is of segment sg.
func hasSegment(rows []metrics.Row, sg metrics.Segment) bool {
	for _, r := range rows {
		if r.Segment == sg {
			return true
		}
	}
	return false
}
