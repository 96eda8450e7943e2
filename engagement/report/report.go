// Package report writes the shareable outputs of an analysis: one
// self-contained HTML file (charts inline, no network needed to view it)
// with the event facts, the headline numbers, every metric beside its
// definition and parameters, the exclusions with reasons, and the library
// version and as-of; and pseudonymised copies of the data on request.
package report

import (
	"fmt"
	"html/template"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"example.com/engagement/engagement/metrics"
)

// Figure is a rendered chart.
type Figure struct {
	Title, Caption string
	SVG            []byte
}

// Input is everything a report shows.
type Input struct {
	Title      string
	CourseURL  string
	Wikis      []string
	Dashboard  [][2]string // the Dashboard's own totals, as label/value
	Result     *metrics.Result
	Figures    []Figure
	Notes      []string
	Failures   []string // users whose data could not be fetched, and why
	Stats      string   // requests and cache use
	Version    string
	Pseudonyms bool // usernames are pseudonyms
}

type metricRow struct {
	Metric, Segment, Value, Detail, Definition, Source string
}

type card struct{ Label, Value, Detail string }

type exclusion struct {
	Reason string
	Names  string
	Count  int
}

func percent(v float64) string {
	return strconv.FormatFloat(math.Round(v*1000)/10, 'f', 1, 64) + " %"
}

// FormatValue formats a metric's value for display: shares as percentages
// with one decimal, counts as they are, empty values as an em dash.
func FormatValue(r metrics.Row) string { return value(r) }

// FormatDetail gives "k of n, 95% CI a–b" for a share, the note otherwise.
func FormatDetail(r metrics.Row) string { return detail(r) }

func value(r metrics.Row) string {
	switch {
	case r.Empty:
		return "—"
	case r.IsShare:
		return percent(r.Value)
	}
	return number(r.Value)
}

func detail(r metrics.Row) string {
	if r.IsShare && !r.Empty {
		return fmt.Sprintf("%d of %d, 95%% CI %s–%s", r.Numerator, r.Denominator, percent(r.CILow), percent(r.CIHigh))
	}
	return r.Note
}

// WriteHTML writes the report.
func WriteHTML(w io.Writer, in Input) error {
	r := in.Result
	if r == nil {
		return fmt.Errorf("report: no result to report")
	}
	p := r.Params
	find := func(m string, s metrics.Segment) (metrics.Row, bool) {
		for _, row := range r.Rows {
			if row.Metric == m && row.Segment == s {
				return row, true
			}
		}
		return metrics.Row{}, false
	}
	var cards []card
	for _, c := range []struct {
		label, m string
		s        metrics.Segment
	}{
		{"Participants", metrics.MetricParticipants, metrics.SegmentAll},
		{"New editors", metrics.MetricParticipants, metrics.SegmentNew},
		{"Edits during the event", metrics.MetricEditsDuring, metrics.SegmentAll},
		{"Pages created", metrics.MetricPagesCreatedDuring, metrics.SegmentAll},
		{"Bytes added", metrics.MetricBytesAddedDuring, metrics.SegmentAll},
		{"New editors still editing after 7 days", metrics.RetentionMetric(7), metrics.SegmentNew},
		{"… after 30 days", metrics.RetentionMetric(30), metrics.SegmentNew},
		{"… after 90 days", metrics.RetentionMetric(90), metrics.SegmentNew},
		{"… after 365 days", metrics.RetentionMetric(365), metrics.SegmentNew},
		{"Experienced still editing after 30 days", metrics.RetentionMetric(30), metrics.SegmentExperienced},
		{"… after 365 days", metrics.RetentionMetric(365), metrics.SegmentExperienced},
	} {
		if row, ok := find(c.m, c.s); ok {
			cards = append(cards, card{c.label, value(row), detail(row)})
		}
	}
	longTerm := strconv.Itoa(p.LongTermEdits)
	var rows []metricRow
	for _, row := range r.Rows {
		d, _ := Define(row.Metric)
		rows = append(rows, metricRow{row.Metric, string(row.Segment), value(row), detail(row), expand(d.Text, longTerm), d.Source})
	}
	excl := map[string][]string{}
	for _, ps := range r.Participants {
		if ps.Excluded != metrics.NotExcluded {
			excl[string(ps.Excluded)] = append(excl[string(ps.Excluded)], ps.Username)
		}
	}
	var exclusions []exclusion
	for k, v := range excl {
		exclusions = append(exclusions, exclusion{k, strings.Join(v, ", "), len(v)})
	}
	sort.Slice(exclusions, func(i, j int) bool { return exclusions[i].Reason < exclusions[j].Reason })
	var figs []template.HTML
	for _, f := range in.Figures {
		svg := string(f.SVG)
		if i := strings.Index(svg, "<svg"); i > 0 {
			svg = svg[i:] // drop the XML prolog
		}
		figs = append(figs, template.HTML(fmt.Sprintf(`<figure><div class="chart">%s</div><figcaption><b>%s.</b> %s</figcaption></figure>`,
			svg, template.HTMLEscapeString(f.Title), template.HTMLEscapeString(f.Caption))))
	}
	data := map[string]any{
		"Title": in.Title, "URL": in.CourseURL, "Wikis": strings.Join(in.Wikis, ", "),
		"Start": r.Event.Start.Format("2 January 2006 15:04 MST"), "End": r.Event.End.Format("2 January 2006 15:04 MST"),
		"AsOf": p.AsOf.Format(time.RFC3339), "Lookback": int(p.NewEditorLookback.Hours() / 24), "LongTerm": p.LongTermEdits,
		"Content": contentText(p.ContentNamespaces), "Dashboard": in.Dashboard, "Cards": cards, "Rows": rows,
		"Exclusions": exclusions, "Participants": firstN(r.Participants, MaxParticipantRows), "AllParticipants": len(r.Participants), "TopPages": firstN(r.TopPages, 20), "Monthly": r.Monthly, "Figures": figs,
		"Notes": in.Notes, "Failures": in.Failures, "Stats": in.Stats, "Version": in.Version, "Pseudonyms": in.Pseudonyms,
		"Banner": IncompleteBanner(r), "Incomplete": IncompleteParticipants(r),
	}
	return page.Execute(w, data)
}

// MaxParticipantRows is the most participants listed in the report; the
// full table is participants.csv.
var MaxParticipantRows = 1000

func firstN[T any](s []T, n int) []T { return s[:min(n, len(s))] }

func contentText(m map[string][]int) string {
	if len(m) == 0 {
		return "namespace 0 on every wiki"
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

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"day": func(t time.Time) string {
		if t.IsZero() {
			return "—"
		}
		return t.Format("2006-01-02")
	},
	"month": func(t time.Time) string { return t.Format("2006-01") },
}).Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{.Title}}: engagement report</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222;line-height:1.4}
h1{margin-bottom:0}h2{border-bottom:2px solid #0072b2;padding-bottom:.2em;margin-top:2em}
.cards{display:flex;flex-wrap:wrap;gap:.8em}.card{border:1px solid #ccc;border-radius:6px;padding:.6em .9em;min-width:170px;flex:1}
.card .v{font-size:1.6em;font-weight:600;color:#0072b2}.card .d{font-size:.8em;color:#555}
table{border-collapse:collapse;width:100%;font-size:.85em}th,td{padding:3px 6px;text-align:left;vertical-align:top}
th{border-bottom:1px solid #888}tr:nth-child(even){background:#f4f6f8}td.n{text-align:right;white-space:nowrap}
figure{margin:1.5em 0}.chart svg{max-width:100%;height:auto}figcaption{font-size:.9em;color:#444}
.banner{background:#fff3cd;border:1px solid #e0b000;padding:.5em .8em;border-radius:4px}
.muted{color:#666;font-size:.85em}@media print{h2{page-break-before:auto}figure{page-break-inside:avoid}}
</style></head><body>
{{if .Banner}}<p class="banner" role="alert">{{.Banner}}. <a href="#incomplete">The list</a>.</p>{{end}}
<h1>{{.Title}}</h1>
<section id="event"><p>{{.Start}} – {{.End}} · wikis: {{.Wikis}}{{if .URL}} · <a href="{{.URL}}">course on the Dashboard</a>{{end}}</p>
<p class="muted">Observed as of {{.AsOf}}. New editors: registered from {{.Lookback}} days before the start. Long-term: {{.LongTerm}}+ edits before the start. Content namespaces: {{.Content}}.{{if .Pseudonyms}} Usernames are pseudonyms.{{end}}</p>
{{if .Dashboard}}<p class="muted">The Dashboard's own totals: {{range $i, $d := .Dashboard}}{{if $i}}, {{end}}{{index $d 0}} {{index $d 1}}{{end}}.</p>{{end}}</section>
<section id="headline"><h2>Headline</h2><div class="cards">{{range .Cards}}<div class="card"><div>{{.Label}}</div><div class="v">{{.Value}}</div><div class="d">{{.Detail}}</div></div>{{end}}</div></section>
<section id="charts"><h2>Charts</h2>{{range .Figures}}{{.}}{{end}}</section>
<section id="metrics"><h2>Every metric</h2><p class="muted">Shares come with the number of participants behind them and a 95% Wilson interval: with small groups, read the interval, not just the percentage. A dash means not yet observable or not applicable; the note says which.</p>
<table><thead><tr><th>metric</th><th>segment</th><th>value</th><th>detail</th><th>definition</th><th>source</th></tr></thead><tbody>
{{range .Rows}}<tr><td>{{.Metric}}</td><td>{{.Segment}}</td><td class="n">{{.Value}}</td><td>{{.Detail}}</td><td>{{.Definition}}</td><td class="muted">{{.Source}}</td></tr>
{{end}}</tbody></table></section>
<section id="exclusions"><h2>Left out of the numbers</h2>{{if .Exclusions}}<table><thead><tr><th>reason</th><th>count</th><th>participants</th></tr></thead><tbody>
{{range .Exclusions}}<tr><td>{{.Reason}}</td><td class="n">{{.Count}}</td><td>{{.Names}}</td></tr>{{end}}</tbody></table>{{else}}<p>Nobody.</p>{{end}}</section>
<section id="participants"><h2>Participants</h2><table><thead><tr><th>username</th><th>segment</th><th>registered</th><th>long-term</th><th>edits before</th><th>during</th><th>after</th><th>days to return</th></tr></thead><tbody>
{{range .Participants}}<tr><td>{{.Username}}</td><td>{{.Segment}}{{if .Excluded}} ({{.Excluded}}){{end}}</td><td>{{day .Registration}}</td><td>{{if .LongTerm}}yes{{end}}</td><td class="n">{{.EditsBefore}}</td><td class="n">{{.EditsDuring}}</td><td class="n">{{.EditsAfter}}</td><td class="n">{{if .HasReturned}}{{.DaysToReturn}}{{else}}—{{end}}</td></tr>
{{end}}</tbody></table>{{if gt .AllParticipants (len .Participants)}}<p class="muted">The first {{len .Participants}} of {{.AllParticipants}} participants; all of them are in participants.csv.</p>{{end}}</section>
<section id="top-pages"><h2>Pages most edited during the event</h2>{{if .TopPages}}<table><thead><tr><th>wiki</th><th>page</th><th>created</th><th>edits</th><th>editors</th><th>bytes added</th></tr></thead><tbody>
{{range .TopPages}}<tr><td>{{.Wiki}}</td><td>{{.Title}}</td><td>{{if .Created}}yes{{end}}</td><td class="n">{{.Edits}}</td><td class="n">{{.Editors}}</td><td class="n">{{.BytesAdded}}</td></tr>
{{end}}</tbody></table>{{else}}<p>No edits during the event.</p>{{end}}</section>
<section id="monthly"><h2>Month by month</h2><table><thead><tr><th>month</th><th>segment</th><th>editing</th><th>active editors (5+ content edits)</th><th>retained from previous month</th><th>edits</th></tr></thead><tbody>
{{range .Monthly}}<tr><td>{{month .Month}}</td><td>{{.Segment}}</td><td class="n">{{.EditingParticipants}}</td><td class="n">{{.ActiveEditors}}</td><td class="n">{{.RetainedEditors}}</td><td class="n">{{.Edits}}</td></tr>
{{end}}</tbody></table></section>
<section id="data-notes"><h2>About the data</h2>{{if .Incomplete}}<p id="incomplete"><b>Left out as data incomplete</b> (not counted as inactive):</p><ul>{{range .Incomplete}}<li>{{.Username}}: {{.Reason}}</li>{{end}}</ul>{{end}}{{if .Failures}}<p><b>Data could not be fetched for:</b></p><ul>{{range .Failures}}<li>{{.}}</li>{{end}}</ul>{{else}}<p>Every participant's data was fetched.</p>{{end}}
{{if .Notes}}<ul>{{range .Notes}}<li>{{.}}</li>{{end}}</ul>{{end}}{{if .Stats}}<p class="muted">{{.Stats}}</p>{{end}}</section>
<footer><p class="muted">engagement {{.Version}} · as of {{.AsOf}}</p></footer>
</body></html>
`))
