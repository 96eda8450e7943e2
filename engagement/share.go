package engagement

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
	"example.com/engagement/engagement/report"
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

// skipReason is SkippedChart.In of err, or err's own words.
func skipReason(l *i18n.Localizer, err error) string {
	var sc *SkippedChart
	if errors.As(err, &sc) {
		return sc.In(l)
	}
	return err.Error()
}

// Unwrap returns the reason.
func (e *SkippedChart) Unwrap() error { return e.Err }

// chartsIn draws the standard charts with their words, titles and
// captions in l's language (nil: English). Charts without data are left
// out and their reasons returned in skipped (each a *SkippedChart).
func chartsIn(l *i18n.Localizer, ev *Event, d *Data, res *metrics.Result) (charts []Chart, skipped []error) {
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
	tr := reportLanguageOrEnglish(l)
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

// WriteReport writes the charts (PNG), report.html and report.wikitext into dir and returns
// the paths, report first. With pseudo set, usernames in the report are
// pseudonyms.
func WriteReport(dir string, ev *Event, d *Data, res *metrics.Result, pseudo *report.Pseudonymizer) ([]string, error) {
	return writeReport(dir, ev, d, res, pseudo, nil, nil, "")
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

// writeReport is WriteReport with the page views of the created pages, when
// fetched.
func writeReport(dir string, ev *Event, d *Data, res *metrics.Result, pseudo *report.Pseudonymizer, views *report.PageViews, base *report.Baseline, lang string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	shown := res
	if pseudo != nil {
		shown = pseudo.Result(res)
	}
	charts, skipped := chartsIn(reportLanguage(lang), ev, d, res)
	pngs, narrow, errs := renderAll(charts)
	var paths []string
	var figs []report.Figure
	for i, c := range charts {
		png, err := pngs[i], errs[i]
		if err != nil { // a chart that cannot be drawn is left out, with its reason
			skipped = append(skipped, &SkippedChart{Name: c.Name, Err: err})
			continue
		}
		path := filepath.Join(dir, c.Name+".png")
		if err := dataset.WriteFileBytes(path, png); err != nil {
			return paths, fmt.Errorf("saving a chart: %w", err)
		}
		paths = append(paths, path)
		figs = append(figs, report.Figure{Title: c.Title, Caption: c.Caption, PNG: png, Narrow: narrow[i]})
	}
	tr := reportLanguageOrEnglish(reportLanguage(lang))
	notes := textsIn(tr, d.Notes)
	for _, s := range skipped {
		notes = append(notes, tr.T("engagement-nb-chart-left-out", skipReason(tr, s)))
	}
	failures := failureLines(d, pseudo)
	c := ev.Course
	stats := ""
	if d.Stats.Requests+d.Stats.CacheHits > 0 {
		stats = "Wikimedia API: " + d.Stats.String()
	}
	in := report.Input{
		Title: c.Title, CourseURL: ev.Ref.String(), Wikis: c.Domains(), Result: shown, Figures: figs,
		Totals:    &report.DashboardTotals{Editors: c.StudentCount, Edits: c.EditCount, ArticlesCreated: c.CreatedCount, Uploads: c.UploadCount},
		Dashboard: [][2]string{{"editors", fmt.Sprint(c.StudentCount)}, {"articles", fmt.Sprint(c.ArticleCount)}, {"edits", c.EditCount}, {"articles created", c.CreatedCount}, {"words added", c.WordCount}, {"article views", c.ViewCount}},
		Notes:     notes, Failures: failures, Stats: stats, Version: study.Version, Pseudonyms: pseudo != nil,
		PageViews: pseudonymViews(views, pseudo), Baseline: base, Lang: reportLanguage(lang),
	}
	path := filepath.Join(dir, "report.html")
	if err := dataset.WriteFile(path, func(w io.Writer) error { return report.WriteHTML(w, in) }); err != nil {
		return paths, fmt.Errorf("writing the report: %w", err)
	}
	wt := filepath.Join(dir, "report.wikitext")
	var b bytes.Buffer
	if err := report.WriteWikitext(&b, in); err != nil {
		return paths, err
	}
	if err := dataset.WriteFileBytes(wt, b.Bytes()); err != nil {
		return paths, fmt.Errorf("writing the report: %w", err)
	}
	return append([]string{path, wt}, paths...), nil
}

// failureLines are d's failures as the report lists them, each user as
// pseudo names them (nil: as they are), built from fields so that no name
// hides inside an error's text.
func failureLines(d *Data, pseudo *report.Pseudonymizer) []string {
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

// Share writes every output into dir, as the example program does: the CSV
// files (WriteOutputs) and, side by side, the charts and report.html
// (WriteReport). With pseudonymize, usernames become stable pseudonyms (a
// fresh key per call) in every file. It returns the paths written.
func (a *Analysis) Share(dir string, pseudonymize bool) ([]string, error) {
	var pseudo *report.Pseudonymizer
	if pseudonymize {
		pseudo = a.Pseudonymizer()
	}
	return a.ShareAs(dir, pseudo)
}

// Pseudonymizer returns a pseudonymizer with a fresh key that knows every
// participant's name (and the baseline's), so that their user pages and
// the titles holding their names are replaced too: pass it to ShareAs and
// to Pseudonymized to show the same pseudonyms on screen as in the files.
func (a *Analysis) Pseudonymizer() *report.Pseudonymizer {
	pseudo := report.NewPseudonymizer(report.RandomKey())
	names := make([]string, 0, len(a.Result.Participants))
	for _, p := range a.Result.Participants {
		names = append(names, p.Username)
	}
	if a.Baseline != nil {
		for _, r := range a.Baseline.Sample {
			names = append(names, r.Username)
		}
	}
	pseudo.Learn(names...)
	return pseudo
}

// Pseudonymized returns a copy of the analysis for display whose result
// and data name every participant by pseudo's pseudonym: participants,
// contributions, accounts, failures and the examples of what re-reading a
// folder normalised. A nil pseudo returns a itself.
func (a *Analysis) Pseudonymized(pseudo *report.Pseudonymizer) *Analysis {
	if pseudo == nil {
		return a
	}
	cp := *a
	cp.Data, cp.Result = pseudonymData(a.Data, pseudo), pseudo.Result(a.Result)
	return &cp
}

// pseudonymData returns a copy of d with every username replaced.
func pseudonymData(d *Data, pseudo *report.Pseudonymizer) *Data {
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

// ShareAs is Share with the pseudonymizer given (nil: real names), so that
// what a program prints can use the same pseudonyms as the files.
//
// A folder whose run.json names a campaign is refused before anything is
// written (ErrOtherRun).
func (a *Analysis) ShareAs(dir string, pseudo *report.Pseudonymizer) ([]string, error) {
	prev, err := checkOutDir(dir, a.RunInfo(pseudo != nil).Course)
	if err != nil {
		return nil, err
	}
	out := a.Pseudonymized(pseudo)
	var paths []string
	var werr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		paths, werr = study.WriteOutputs(dir, out.Data, out.Result)
	}()
	more, err := writeReport(dir, a.Event, a.Data, a.Result, pseudo, a.Views, a.ReportBaseline(), a.settings.language)
	<-done
	if werr != nil {
		return nil, werr
	}
	if err != nil {
		return nil, err
	}
	vp, err := writePageViews(dir, a.Data.Views, pseudo)
	if err != nil {
		return nil, err
	}
	paths = append(paths, vp...)
	if a.Baseline != nil {
		bp, err := writeBaseline(dir, a.Baseline, pseudo)
		if err != nil {
			return nil, err
		}
		paths = append(paths, bp...)
	}
	paths = append(append(paths, filepath.Join(dir, dataset.RunFile)), more...)
	if err := dataset.ReplaceRun(dir, prev, a.RunInfo(pseudo != nil), paths); err != nil {
		return nil, fmt.Errorf("recording the run: %w", err)
	}
	return paths, nil
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
