// Package report writes the shareable outputs of an analysis: one
// self-contained HTML file (charts inline, no network needed to view it)
// whose first screen says what happened in plain words and reconciles with
// the Dashboard's totals, followed by the charts and an appendix of full
// tables with the definitions; a wikitext version for the event's page on
// Meta-Wiki; and pseudonymised copies of the data on request.
package report

import (
	"bufio"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
)

// Figure is a rendered chart: PNG when set (embedded as a data URI), SVG
// otherwise (inlined). Narrow, when set with PNG, is the chart drawn for
// narrow screens (chart.Figure.NarrowPNG): phones show it instead, through
// a <picture> source, so that its text stays legible there.
type Figure struct {
	Title, Caption string
	SVG            []byte
	PNG            []byte
	Narrow         []byte
	// Alt describes the chart for screen readers; the title when empty.
	Alt string
}

// Input is everything a report shows.
type Input struct {
	Title     string
	CourseURL string
	Wikis     []string
	// Dashboard holds extra Dashboard figures as label/value, shown beside
	// the reconciliation.
	Dashboard [][2]string
	// Totals are the Dashboard's own totals the first screen reconciles
	// with; nil when the Dashboard's course.json was not read.
	Totals     *DashboardTotals
	Result     *metrics.Result
	Figures    []Figure
	PageViews  *PageViews
	Notes      []string
	Failures   []string // users whose data could not be fetched, and why
	Stats      string   // requests and cache use
	Version    string
	Pseudonyms bool // usernames are pseudonyms
	// Baseline, when set, compares the new editors with comparable
	// newcomers on the home wiki.
	Baseline *Baseline
	// Lang gives every word, number and date the reader sees (nil:
	// English); data (usernames, titles, wiki domains) is never
	// translated.
	Lang *i18n.Localizer
}

type metricRow struct {
	Label, Metric, Segment, Value, Detail string
}

type card struct{ Value, Label, Detail string }

type exclusion struct {
	Reason string
	Names  string
	Count  int
}

type term struct{ Name, Label, Text, Source string }

// FormatValue formats a metric's value for display: shares as percentages
// with one decimal, counts with thousands separators, empty values as an em
// dash.
func FormatValue(r metrics.Row) string { return value(english(), r) }

// FormatDetail gives "k of n, 95% CI a–b" for a share, the note otherwise.
func FormatDetail(r metrics.Row) string { return detail(english(), r) }

func value(l *i18n.Localizer, r metrics.Row) string {
	switch {
	case r.Empty:
		return l.T("engagement-empty-value")
	case r.IsShare:
		return percent(l, r.Value)
	}
	return number(l, r.Value)
}

func detail(l *i18n.Localizer, r metrics.Row) string {
	if r.IsShare && !r.Empty {
		return l.T("engagement-share-detail", l.Int(r.Numerator), l.Int(r.Denominator), percent(l, r.CILow), percent(l, r.CIHigh))
	}
	return noteText(l, r.Note)
}

type finder []metrics.Row

func (f finder) row(m string, s metrics.Segment) (metrics.Row, bool) {
	for _, row := range f {
		if row.Metric == m && row.Segment == s {
			return row, true
		}
	}
	return metrics.Row{}, false
}

func (f finder) count(m string, s metrics.Segment) int {
	r, ok := f.row(m, s)
	if !ok || r.Empty {
		return 0
	}
	return int(r.Value)
}

// page is what the template shows.
type page struct {
	Title, URL, Wikis, Start, End, AsOf, Content, Version, Stats, Banner string
	Lookback, LongTerm, AllParticipants                                  int
	Summary, DashboardText                                               string
	Cards                                                                []card
	Guide                                                                []guideRow
	Recon                                                                reconciliation
	Dashboard                                                            [][2]string
	Figures                                                              []template.HTML
	Rows                                                                 []metricRow
	Terms                                                                []term
	Exclusions                                                           []exclusion
	Incomplete                                                           []Incomplete
	Participants                                                         []metrics.ParticipantSummary
	TopPages                                                             []metrics.PageCount
	Monthly                                                              []metrics.MonthRow
	Views                                                                *PageViews
	Notes, Failures                                                      []string
	Pseudonyms, AnyCreated                                               bool
	Baseline                                                             *baselineView
	Reading                                                              *reading
	// L is the reader's language, which the template's words come from.
	L *i18n.Localizer
}

// WriteHTML writes the report.
func WriteHTML(w io.Writer, in Input) error {
	r := in.Result
	if r == nil {
		return fmt.Errorf("report: no result to report")
	}
	p, l := r.Params, orEnglish(in.Lang)
	pg := page{
		Title: in.Title, URL: in.CourseURL, Wikis: strings.Join(in.Wikis, ", "),
		Start: l.DateTime(r.Event.Start), End: l.DateTime(r.Event.End),
		AsOf: p.AsOf.Format(time.RFC3339), Lookback: int(p.NewEditorLookback.Hours() / 24), LongTerm: p.LongTermEdits,
		Content: contentText(l, p.ContentNamespaces), Version: in.Version, Stats: in.Stats, Banner: IncompleteBannerIn(l, r),
		Summary: summary(l, r), Cards: headline(l, r), Guide: retentionGuide(l, r), Recon: reconcile(l, r, in.Totals), Dashboard: in.Dashboard,
		Figures: figures(in.Figures), Rows: metricRows(l, r), Terms: glossary(l, r), Exclusions: exclusions(l, r), Incomplete: IncompleteParticipants(r),
		Participants: firstN(r.Participants, MaxParticipantRows), AllParticipants: len(r.Participants), TopPages: firstN(r.TopPages, 20),
		Monthly: r.Monthly, Views: in.PageViews, Notes: in.Notes, Failures: in.Failures, Pseudonyms: in.Pseudonyms,
		Baseline: baselineSection(l, in.Baseline), Reading: readingExample(l, r), L: l,
	}
	pg.Dashboard = otherFigures(in.Dashboard, in.Totals != nil)
	pg.DashboardText = dashboardText(l, pg.Dashboard)
	for _, tp := range pg.TopPages {
		pg.AnyCreated = pg.AnyCreated || tp.Created
	}
	if len(in.Wikis) == 0 {
		pg.Wikis = strings.Join(r.Event.Wikis, ", ")
	}
	return executeBuffered(w, tmpl, pg)
}

// executeBuffered runs t into w through a buffer: a template writes in
// thousands of small pieces, each a system call on a file.
func executeBuffered(w io.Writer, t *template.Template, data any) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := t.Execute(bw, data); err != nil {
		return err
	}
	return bw.Flush()
}

// summary is the one sentence saying what happened.
func summary(l *i18n.Localizer, r *metrics.Result) string {
	f := finder(r.Rows)
	days := int(math.Round(r.Event.End.Sub(r.Event.Start).Hours() / 24))
	n := []int{max(days, 1), f.count(metrics.MetricParticipants, metrics.SegmentAll), max(len(r.Event.Wikis), 1), f.count(metrics.MetricEditsDuring, metrics.SegmentAll)}
	s := l.T("engagement-summary", n[0], l.Int(n[0]), n[1], l.Int(n[1]), n[2], l.Int(n[2]), n[3], l.Int(n[3]))
	if n := f.count(metrics.MetricParticipants, metrics.SegmentNew); n > 0 {
		s += " " + l.Count("engagement-summary-new", n)
	}
	return s
}

// headline gives the 4–6 numbers of the first screen, each in plain words.
func headline(l *i18n.Localizer, r *metrics.Result) []card {
	f := finder(r.Rows)
	all := metrics.SegmentAll
	people, edits, created := f.count(metrics.MetricParticipants, all), f.count(metrics.MetricEditsDuring, all), f.count(metrics.MetricPagesCreatedDuring, all)
	bytes := f.count(metrics.MetricBytesAddedDuring, all)
	cards := []card{
		{l.Int(people), l.T("engagement-card-people", people), l.Count("engagement-card-people-detail", f.count(metrics.MetricParticipants, metrics.SegmentNew),
			l.Int(f.count(metrics.MetricParticipants, metrics.SegmentExperienced)))},
		{l.Int(edits), l.T("engagement-card-edits", edits), l.Count("engagement-card-edits-detail", f.count(metrics.MetricEditorsDuring, all))},
		{l.Int(created), l.T("engagement-card-pages", created), l.Count("engagement-card-pages-detail", f.count(metrics.MetricPagesImprovedDuring, all))},
		{bytesText(l, bytes), l.T("engagement-card-bytes"), l.Count("engagement-card-bytes-detail", bytes)},
	}
	for _, c := range []struct {
		s   metrics.Segment
		key string
	}{
		{metrics.SegmentNew, "engagement-card-retention-new"},
		{metrics.SegmentExperienced, "engagement-card-retention-experienced"},
	} {
		if row, ok := f.row(metrics.RetentionMetric(30), c.s); ok && !row.Empty {
			cards = append(cards, card{percent(l, row.Value), l.Count(c.key, 30), detail(l, row)})
		}
	}
	return cards
}

func bytesText(l *i18n.Localizer, n int) string {
	switch {
	case n >= 1e6:
		return l.T("engagement-unit-mb", l.Decimal(float64(n)/1e6, 1))
	case n >= 1e3:
		return l.T("engagement-unit-kb", l.Decimal(float64(n)/1e3, 0))
	}
	return l.Count("engagement-card-bytes-detail", n)
}

// NarrowScreen is the widest screen, in CSS pixels, that shows a figure's
// narrow rendering: below it, the wide one's smallest text would be
// under 9 CSS pixels high.
const NarrowScreen = 640

func figures(fs []Figure) []template.HTML {
	var out []template.HTML
	for _, f := range fs {
		alt := f.Alt
		if alt == "" {
			alt = f.Title
		}
		var body string
		switch {
		case len(f.PNG) > 0 && len(f.Narrow) > 0:
			body = fmt.Sprintf(`<picture><source media="(max-width:%dpx)" srcset="data:image/png;base64,%s"><img alt="%s" src="data:image/png;base64,%s"></picture>`,
				NarrowScreen, base64.StdEncoding.EncodeToString(f.Narrow), template.HTMLEscapeString(alt), base64.StdEncoding.EncodeToString(f.PNG))
		case len(f.PNG) > 0:
			body = fmt.Sprintf(`<img alt="%s" src="data:image/png;base64,%s">`, template.HTMLEscapeString(alt), base64.StdEncoding.EncodeToString(f.PNG))
		default:
			svg := string(f.SVG)
			if i := strings.Index(svg, "<svg"); i > 0 {
				svg = svg[i:] // drop the XML prolog
			}
			body = svg
		}
		out = append(out, template.HTML(fmt.Sprintf(`<figure><div class="chart">%s</div><figcaption><b>%s.</b> %s</figcaption></figure>`,
			body, template.HTMLEscapeString(f.Title), template.HTMLEscapeString(f.Caption))))
	}
	return out
}

func metricRows(l *i18n.Localizer, r *metrics.Result) []metricRow {
	var rows []metricRow
	for _, row := range r.Rows {
		rows = append(rows, metricRow{LabelIn(l, row.Metric), row.Metric, segmentText(l, row.Segment), value(l, row), detail(l, row)})
	}
	return rows
}

// glossary defines every metric of the result once, in order of first use.
func glossary(l *i18n.Localizer, r *metrics.Result) []term {
	seen := map[string]bool{}
	var out []term
	for _, row := range r.Rows {
		if seen[row.Metric] {
			continue
		}
		seen[row.Metric] = true
		d, _ := DefineIn(l, row.Metric, r.Params.LongTermEdits)
		out = append(out, term{row.Metric, LabelIn(l, row.Metric), d.Text, d.Source})
	}
	return out
}

func exclusions(l *i18n.Localizer, r *metrics.Result) []exclusion {
	excl := map[string][]string{}
	for _, ps := range r.Participants {
		if ps.Excluded != metrics.NotExcluded {
			excl[string(ps.Excluded)] = append(excl[string(ps.Excluded)], ps.Username)
		}
	}
	var out []exclusion
	for k, v := range excl {
		out = append(out, exclusion{k, strings.Join(v, ", "), len(v)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Reason < out[j].Reason })
	for i := range out {
		out[i].Reason = exclusionText(l, metrics.Exclusion(out[i].Reason))
	}
	return out
}

// MaxParticipantRows is the most participants listed in the report; the
// full table is participants.csv.
const MaxParticipantRows = 1000

func firstN[T any](s []T, n int) []T { return s[:min(n, len(s))] }

func contentText(l *i18n.Localizer, m map[string][]int) string {
	if len(m) == 0 {
		return l.T("engagement-content-namespaces-default")
	}
	var parts []string
	for w, ns := range m {
		var s []string
		for _, n := range ns {
			s = append(s, strconv.Itoa(n))
		}
		parts = append(parts, w+": "+strings.Join(s, ", "))
	}
	sort.Strings(parts)
	return strings.Join(parts, "; ")
}

// dashboardText is the line of the Dashboard's other figures; their
// labels are the Dashboard's own.
func dashboardText(l *i18n.Localizer, figs [][2]string) string {
	parts := make([]string, len(figs))
	for i, f := range figs {
		parts[i] = l.T("engagement-dashboard-figure", f[0], f[1])
	}
	return l.T("engagement-report-more-dashboard", strings.Join(parts, ", "))
}

// otherFigures drops from the Dashboard's figures those the reconciliation
// already shows.
func otherFigures(all [][2]string, reconciled bool) [][2]string {
	if !reconciled {
		return all
	}
	var out [][2]string
	for _, f := range all {
		switch f[0] {
		case "editors", "edits", "articles created", "uploads":
			continue
		}
		out = append(out, f)
	}
	return out
}
