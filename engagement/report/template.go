package report

import (
	"html/template"
	"time"

	"example.com/engagement/engagement/metrics"
)

var tmpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"day": func(t time.Time) string {
		if t.IsZero() {
			return "—"
		}
		return t.Format("2006-01-02")
	},
	"month": func(t time.Time) string { return t.Format("2006-01") },
}).Parse(`<!DOCTYPE html>
<html lang="{{.L.Lang}}" dir="{{.L.Dir}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.L.T "engagement-report-title" .Title}}</title>
` + pageStyle + `</head><body>
{{if .Banner}}<p class="banner" role="alert">{{.Banner}}. <a href="#incomplete">{{.L.T "engagement-report-banner-link"}}</a>.</p>{{end}}
<h1>{{.Title}}</h1>
<section id="event"><p>{{.L.T "engagement-date-range" .Start .End}} · {{.Wikis}}{{if .URL}} · <a href="{{.URL}}">{{.L.T "engagement-report-course-link"}}</a>{{end}}</p></section>
<section id="headline"><p class="lead">{{.Summary}}</p>
<div class="cards">{{range .Cards}}<div class="card"><div class="v">{{.Value}}</div><div class="l">{{.Label}}</div><div class="d">{{.Detail}}</div></div>{{end}}</div>
{{with .Reading}}<p class="muted"><b>{{$.L.T "engagement-report-reading-label"}}</b> {{.Text $.L}} {{$.L.T "engagement-report-reading-event"}}</p>{{end}}
{{if .Guide}}<h3>{{.L.T "engagement-report-guide-heading"}}</h3><p class="muted">{{.L.T "engagement-report-guide-intro"}}</p>
<div class="scroll"><table class="guide"><thead><tr><th>{{.L.T "engagement-report-guide-col-figure"}}</th><th class="n">{{.L.T "engagement-report-col-new-editors"}}</th></tr></thead><tbody>
{{range .Guide}}<tr><td><b>{{.Name}}</b><br><span class="muted">{{.Means}}</span></td><td class="n">{{.Value}}<br><span class="muted">{{.Detail}}</span></td></tr>{{end}}</tbody></table></div>{{end}}
</section>
<section id="reconciliation"><h2>{{.L.T "engagement-report-recon-heading"}}</h2>
<div class="scroll"><table><thead><tr><th></th><th class="n">{{.L.T "engagement-report-col-dashboard"}}</th><th class="n">{{.L.T "engagement-report-col-this-report"}}</th><th>{{.L.T "engagement-report-col-counted-here"}}</th></tr></thead><tbody>
{{range .Recon.Rows}}<tr><td>{{.What}}</td><td class="n">{{.Dashboard}}</td><td class="n">{{.Here}}</td><td>{{.Note}}</td></tr>{{end}}</tbody></table></div>
<h3>{{.L.T "engagement-report-perwiki-heading"}}</h3><div class="scroll"><table><thead><tr><th>{{.L.T "engagement-col-wiki"}}</th><th class="n">{{.L.T "engagement-col-edits"}}</th><th class="n">{{.L.T "engagement-col-created"}}</th>{{if .Recon.PerWiki}}{{with index .Recon.PerWiki 0}}{{if .DashboardEdit}}<th class="n">{{$.L.T "engagement-col-dashboard-edits"}}</th><th class="n">{{$.L.T "engagement-col-dashboard-created"}}</th>{{end}}{{end}}{{end}}</tr></thead><tbody>
{{range .Recon.PerWiki}}<tr><td>{{.Wiki}}</td><td class="n">{{$.L.Int .Edits}}</td><td class="n">{{.Created}}</td>{{if .DashboardEdit}}<td class="n">{{.DashboardEdit}}</td><td class="n">{{.DashboardNew}}</td>{{end}}</tr>{{end}}</tbody></table></div>
<h3>{{.L.T "engagement-report-why-heading"}}</h3><ul>{{range .Recon.Why}}<li>{{.}}</li>{{end}}</ul>
{{if .Dashboard}}<p class="muted">{{.DashboardText}}</p>{{end}}
</section>
{{with .Baseline}}<section id="baseline"><h2>{{$.L.T "engagement-baseline-heading"}}</h2>
<p class="lead">{{.Sentence}}</p>
<div class="scroll"><table class="cmp"><thead><tr><th>{{$.L.T "engagement-baseline-col-after"}}</th><th class="n">{{$.L.T "engagement-baseline-col-new"}}</th><th class="n">{{$.L.T "engagement-baseline-col-base"}}</th><th class="n">{{$.L.T "engagement-baseline-col-diff"}}</th></tr></thead><tbody>
{{range .Rows}}<tr><td>{{.Label}}</td><td class="n">{{.New}}<br><span class="muted">{{.NewOf}}<br>{{.NewCI}}</span></td><td class="n">{{.Base}}<br><span class="muted">{{.BaseOf}}<br>{{.BaseCI}}</span></td><td class="n">{{.Diff}}<br><span class="muted">{{.DiffCI}}</span></td></tr>{{end}}</tbody></table></div>
<p class="muted"><b>{{$.L.T "engagement-baseline-who-label"}}</b> {{$.L.T "engagement-baseline-who" .Wiki .Note}} {{.LeftOut}}</p>
<p class="muted"><b>{{$.L.T "engagement-baseline-caveat-label"}}</b> {{$.L.T "engagement-baseline-caveat"}}</p></section>{{end}}
<section id="charts"><h2>{{.L.T "engagement-report-charts-heading"}}</h2>{{range .Figures}}{{.}}{{else}}<p>{{.L.T "engagement-report-no-charts"}}</p>{{end}}</section>
{{with .Views}}<section id="pageviews"><h2>{{$.L.T "engagement-views-heading"}}</h2>
<p>{{$.L.Count "engagement-views-total" .Total (day .Start) (day .End) (len .Pages) ($.L.Int (len .Pages))}}</p>
{{range .NotServed}}<p class="muted">{{$.L.T "engagement-views-not-served" .Wiki .Pages ($.L.Int .Pages)}}</p>{{end}}
{{if .Failed}}<p class="muted">{{$.L.Count "engagement-views-failed" .Failed}}</p>{{end}}
<div class="scroll"><table><thead><tr><th>{{$.L.T "engagement-col-wiki"}}</th><th>{{$.L.T "engagement-col-page"}}</th><th class="n">{{$.L.T "engagement-col-views"}}</th></tr></thead><tbody>
{{range .Pages}}<tr><td>{{.Wiki}}</td><td>{{.Title}}</td><td class="n">{{$.L.Int .Views}}</td></tr>{{end}}</tbody></table></div></section>{{end}}
<section id="top-pages"><h2>{{.L.T "engagement-top-heading"}}</h2>{{if .TopPages}}<div class="scroll"><table class="pages"><thead><tr><th>{{.L.T "engagement-col-page"}}</th><th>{{.L.T "engagement-col-wiki"}}</th>{{if .AnyCreated}}<th>{{.L.T "engagement-col-created"}}</th>{{end}}<th class="n">{{.L.T "engagement-col-edits"}}</th><th class="n">{{.L.T "engagement-col-editors"}}</th><th class="n">{{.L.T "engagement-col-bytes-added"}}</th></tr></thead><tbody>
{{range .TopPages}}<tr><td>{{.Title}}</td><td>{{.Wiki}}</td>{{if $.AnyCreated}}<td>{{if .Created}}{{$.L.T "engagement-yes"}}{{else}}{{$.L.T "engagement-no"}}{{end}}</td>{{end}}<td class="n">{{$.L.Int .Edits}}</td><td class="n">{{$.L.Int .Editors}}</td><td class="n">{{$.L.Int .BytesAdded}}</td></tr>
{{end}}</tbody></table></div>{{if not .AnyCreated}}<p class="muted">{{.L.T "engagement-top-none-created"}}</p>{{end}}{{else}}<p>{{.L.T "engagement-top-none"}}</p>{{end}}</section>
<section id="appendix"><h2>{{.L.T "engagement-appendix-heading"}}</h2>
<p class="muted">{{.L.T "engagement-appendix-params" .AsOf .Lookback (.L.Int .Lookback) .LongTerm (.L.Int .LongTerm) .Content}}{{if .Pseudonyms}} {{.L.T "engagement-pseudonyms"}}{{end}}</p>
<details id="metrics"><summary>{{.L.Count "engagement-metrics-summary" (len .Rows)}}</summary><p class="muted">{{.L.T "engagement-metrics-dash"}}</p>
<div class="scroll"><table><thead><tr><th>{{.L.T "engagement-col-metric"}}</th><th>{{.L.T "engagement-col-segment"}}</th><th class="n">{{.L.T "engagement-col-value"}}</th><th>{{.L.T "engagement-col-detail"}}</th></tr></thead><tbody>
{{range .Rows}}<tr><td>{{.Label}}<br><code>{{.Metric}}</code></td><td>{{.Segment}}</td><td class="n">{{.Value}}</td><td>{{.Detail}}</td></tr>
{{end}}</tbody></table></div></details>
<details id="exclusions"><summary>{{.L.T "engagement-exclusions-summary"}}</summary>{{if .Exclusions}}<div class="scroll"><table><thead><tr><th>{{.L.T "engagement-col-reason"}}</th><th class="n">{{.L.T "engagement-col-count"}}</th><th>{{.L.T "engagement-col-participants"}}</th></tr></thead><tbody>
{{range .Exclusions}}<tr><td>{{.Reason}}</td><td class="n">{{$.L.Int .Count}}</td><td>{{.Names}}</td></tr>{{end}}</tbody></table></div>{{else}}<p>{{.L.T "engagement-nobody"}}</p>{{end}}</details>
<details id="participants"><summary>{{.L.Count "engagement-participants-summary" .AllParticipants}}</summary><div class="scroll"><table><thead><tr><th>{{.L.T "engagement-col-username"}}</th><th>{{.L.T "engagement-col-segment"}}</th><th>{{.L.T "engagement-col-registered"}}</th><th>{{.L.T "engagement-col-long-term"}}</th><th class="n">{{.L.T "engagement-col-edits-before"}}</th><th class="n">{{.L.T "engagement-col-during"}}</th><th class="n">{{.L.T "engagement-col-after"}}</th><th class="n">{{.L.T "engagement-col-days-to-return"}}</th></tr></thead><tbody>
{{range .Participants}}<tr><td>{{.Username}}</td><td>{{$.Segment .Segment}}{{if .Excluded}} ({{$.Exclusion .Excluded}}){{end}}</td><td>{{day .Registration}}</td><td>{{if .LongTerm}}{{$.L.T "engagement-yes"}}{{end}}</td><td class="n">{{$.L.Int .EditsBefore}}</td><td class="n">{{$.L.Int .EditsDuring}}</td><td class="n">{{$.L.Int .EditsAfter}}</td><td class="n">{{if .HasReturned}}{{$.L.Int .DaysToReturn}}{{else}}—{{end}}</td></tr>
{{end}}</tbody></table></div>{{if gt .AllParticipants (len .Participants)}}<p class="muted">{{.L.T "engagement-participants-first" (len .Participants) (.L.Int (len .Participants)) .AllParticipants (.L.Int .AllParticipants)}}</p>{{end}}</details>
<details id="monthly"><summary>{{.L.T "engagement-monthly-summary"}}</summary><div class="scroll"><table><thead><tr><th>{{.L.T "engagement-col-month"}}</th><th>{{.L.T "engagement-col-segment"}}</th><th class="n">{{.L.T "engagement-col-editing"}}</th><th class="n">{{.L.T "engagement-col-active-editors"}}</th><th class="n">{{.L.T "engagement-col-retained"}}</th><th class="n">{{.L.T "engagement-col-edits"}}</th></tr></thead><tbody>
{{range .Monthly}}<tr><td>{{if .Partial}}{{$.L.T "engagement-month-partial" (month .Month)}}{{else}}{{month .Month}}{{end}}</td><td>{{$.Segment .Segment}}</td><td class="n">{{$.L.Int .EditingParticipants}}</td><td class="n">{{$.L.Int .ActiveEditors}}</td><td class="n">{{$.L.Int .RetainedEditors}}</td><td class="n">{{$.L.Int .Edits}}</td></tr>
{{end}}</tbody></table></div></details>
<details id="definitions"><summary>{{.L.T "engagement-definitions-summary"}}</summary><dl>{{range .Terms}}<dt>{{.Label}} <code>{{.Name}}</code></dt><dd>{{.Text}} <span class="muted">{{$.L.T "engagement-def-source" .Source}}</span></dd>{{end}}</dl></details>
</section>
<section id="data-notes"><h2>{{.L.T "engagement-data-heading"}}</h2>{{if .Incomplete}}<p id="incomplete"><b>{{.L.T "engagement-data-incomplete-label"}}</b> {{.L.T "engagement-data-incomplete-note"}}</p><ul>{{range .Incomplete}}<li>{{.Username}}: {{.Reason}}</li>{{end}}</ul>{{end}}{{if .Failures}}<p><b>{{.L.T "engagement-data-failed-label"}}</b></p><ul>{{range .Failures}}<li>{{.}}</li>{{end}}</ul>{{else}}<p>{{.L.T "engagement-data-all-fetched"}}</p>{{end}}
{{if .Notes}}<ul>{{range .Notes}}<li>{{.}}</li>{{end}}</ul>{{end}}{{if .Stats}}<p class="muted">{{.Stats}}</p>{{end}}</section>
<footer><p class="muted">{{.L.T "engagement-footer" .Version .AsOf}}</p></footer>
</body></html>
`))

// Segment names a segment in the page's language.
func (p page) Segment(s metrics.Segment) string { return segmentText(p.L, s) }

// Exclusion names a reason for leaving a participant out in the page's
// language.
func (p page) Exclusion(e metrics.Exclusion) string { return exclusionText(p.L, e) }
