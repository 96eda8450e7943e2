package report

import (
	"html/template"
	"time"
)

var tmpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"day": func(t time.Time) string {
		if t.IsZero() {
			return "—"
		}
		return t.Format("2006-01-02")
	},
	"month": func(t time.Time) string { return t.Format("2006-01") },
	"n":     thousands,
}).Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}: engagement report</title>
` + pageStyle + `</head><body>
{{if .Banner}}<p class="banner" role="alert">{{.Banner}}. <a href="#incomplete">The list</a>.</p>{{end}}
<h1>{{.Title}}</h1>
<section id="event"><p>{{.Start}} – {{.End}} · {{.Wikis}}{{if .URL}} · <a href="{{.URL}}">the course on the Dashboard</a>{{end}}</p></section>
<section id="headline"><p class="lead">{{.Summary}}</p>
<div class="cards">{{range .Cards}}<div class="card"><div class="v">{{.Value}}</div><div class="l">{{.Label}}</div><div class="d">{{.Detail}}</div></div>{{end}}</div>
{{with .Reading}}<p class="muted"><b>Reading a percentage:</b> “{{.Detail}}” means {{.K}} of the {{.N}} people counted did it, and the true rate could well be anywhere in that range (a 95% confidence interval); the smaller the group, the wider the range. Read the range, not only the percentage.</p>{{end}}
{{if .Guide}}<h3>Which “retention”?</h3><p class="muted">Different tools count retention of new editors differently; all of them are here so that none is mistaken for another.</p>
<div class="scroll"><table class="guide"><thead><tr><th>figure and what it counts</th><th class="n">new editors</th></tr></thead><tbody>
{{range .Guide}}<tr><td><b>{{.Name}}</b><br><span class="muted">{{.Means}}</span></td><td class="n">{{.Value}}<br><span class="muted">{{.Detail}}</span></td></tr>{{end}}</tbody></table></div>{{end}}
</section>
<section id="reconciliation"><h2>Compared with the Dashboard</h2>
<div class="scroll"><table><thead><tr><th></th><th class="n">Dashboard</th><th class="n">this report</th><th>counted here</th></tr></thead><tbody>
{{range .Recon.Rows}}<tr><td>{{.What}}</td><td class="n">{{.Dashboard}}</td><td class="n">{{.Here}}</td><td>{{.Note}}</td></tr>{{end}}</tbody></table></div>
<h3>Per wiki, during the event</h3><div class="scroll"><table><thead><tr><th>wiki</th><th class="n">edits</th><th class="n">created</th>{{if .Recon.PerWiki}}{{with index .Recon.PerWiki 0}}{{if .DashboardEdit}}<th class="n">Dashboard edits</th><th class="n">Dashboard created</th>{{end}}{{end}}{{end}}</tr></thead><tbody>
{{range .Recon.PerWiki}}<tr><td>{{.Wiki}}</td><td class="n">{{n .Edits}}</td><td class="n">{{n .PagesCreated}} {{.CreatedKind}}</td>{{if .DashboardEdit}}<td class="n">{{.DashboardEdit}}</td><td class="n">{{.DashboardNew}}</td>{{end}}</tr>{{end}}</tbody></table></div>
<h3>Why the numbers differ</h3><ul>{{range .Recon.Why}}<li>{{.}}</li>{{end}}</ul>
{{if .Dashboard}}<p class="muted">More Dashboard figures: {{range $i, $d := .Dashboard}}{{if $i}}, {{end}}{{index $d 0}} {{index $d 1}}{{end}}.</p>{{end}}
</section>
{{with .Baseline}}<section id="baseline"><h2>Compared with newcomers who did not come</h2>
<p class="lead">{{.Sentence}}</p>
<div class="scroll"><table class="cmp"><thead><tr><th>after the event’s end</th><th class="n">the event’s new editors</th><th class="n">comparable newcomers</th><th class="n">difference</th></tr></thead><tbody>
{{range .Rows}}<tr><td>{{.Label}}</td><td class="n">{{.New}}<br><span class="muted">{{.NewOf}}<br>{{.NewCI}}</span></td><td class="n">{{.Base}}<br><span class="muted">{{.BaseOf}}<br>{{.BaseCI}}</span></td><td class="n">{{.Diff}}<br><span class="muted">{{.DiffCI}}</span></td></tr>{{end}}</tbody></table></div>
<p class="muted"><b>Who the newcomers are:</b> accounts that registered themselves on {{.Wiki}} in the same window as the event's new editors (from the look-back before the start to the end), edited it within a day of registering, did not take part and are not bots: {{.Note}}. {{.LeftOut}}</p>
<p class="muted"><b>What this does not show:</b> the event's effect. People who come to events differ from those who do not (they were invited, supported, often already curious), so a difference here is a description, not a cause.</p></section>{{end}}
<section id="charts"><h2>Charts</h2>{{range .Figures}}{{.}}{{else}}<p>No charts.</p>{{end}}</section>
{{with .Views}}<section id="pageviews"><h2>Views of the pages created</h2>
<p>{{n .Total}} views from {{day .Start}} to {{day .End}} of the {{n (len .Pages)}} pages created during the event that the page views service counts.</p>
{{range .NotServed}}<p class="muted">{{.Wiki}}: views are not counted by the service ({{n .Pages}} pages created there).</p>{{end}}
{{if .Failed}}<p class="muted">{{n .Failed}} pages: their views could not be fetched.</p>{{end}}
<div class="scroll"><table><thead><tr><th>wiki</th><th>page</th><th class="n">views</th></tr></thead><tbody>
{{range .Pages}}<tr><td>{{.Wiki}}</td><td>{{.Title}}</td><td class="n">{{n .Views}}</td></tr>{{end}}</tbody></table></div></section>{{end}}
<section id="top-pages"><h2>Pages most edited during the event</h2>{{if .TopPages}}<div class="scroll"><table class="pages"><thead><tr><th>page</th><th>wiki</th>{{if .AnyCreated}}<th>created</th>{{end}}<th class="n">edits</th><th class="n">editors</th><th class="n">bytes added</th></tr></thead><tbody>
{{range .TopPages}}<tr><td>{{.Title}}</td><td>{{.Wiki}}</td>{{if $.AnyCreated}}<td>{{if .Created}}yes{{else}}no{{end}}</td>{{end}}<td class="n">{{n .Edits}}</td><td class="n">{{n .Editors}}</td><td class="n">{{n .BytesAdded}}</td></tr>
{{end}}</tbody></table></div>{{if not .AnyCreated}}<p class="muted">None of them was created during the event.</p>{{end}}{{else}}<p>No edits during the event.</p>{{end}}</section>
<section id="appendix"><h2>Appendix</h2>
<p class="muted">Observed as of {{.AsOf}}. New editors: registered from {{.Lookback}} days before the start. Long-term: {{n .LongTerm}}+ edits before the start. Content namespaces: {{.Content}}.{{if .Pseudonyms}} Usernames are pseudonyms.{{end}}</p>
<details id="metrics"><summary>Every metric ({{n (len .Rows)}} rows)</summary><p class="muted">A dash means not yet observable or not applicable; the note says which.</p>
<div class="scroll"><table><thead><tr><th>metric</th><th>segment</th><th class="n">value</th><th>detail</th></tr></thead><tbody>
{{range .Rows}}<tr><td>{{.Label}}<br><code>{{.Metric}}</code></td><td>{{.Segment}}</td><td class="n">{{.Value}}</td><td>{{.Detail}}</td></tr>
{{end}}</tbody></table></div></details>
<details id="exclusions"><summary>Left out of the numbers</summary>{{if .Exclusions}}<div class="scroll"><table><thead><tr><th>reason</th><th class="n">count</th><th>participants</th></tr></thead><tbody>
{{range .Exclusions}}<tr><td>{{.Reason}}</td><td class="n">{{n .Count}}</td><td>{{.Names}}</td></tr>{{end}}</tbody></table></div>{{else}}<p>Nobody.</p>{{end}}</details>
<details id="participants"><summary>Participants ({{n .AllParticipants}})</summary><div class="scroll"><table><thead><tr><th>username</th><th>segment</th><th>registered</th><th>long-term</th><th class="n">edits before</th><th class="n">during</th><th class="n">after</th><th class="n">days to return</th></tr></thead><tbody>
{{range .Participants}}<tr><td>{{.Username}}</td><td>{{.Segment}}{{if .Excluded}} ({{.Excluded}}){{end}}</td><td>{{day .Registration}}</td><td>{{if .LongTerm}}yes{{end}}</td><td class="n">{{n .EditsBefore}}</td><td class="n">{{n .EditsDuring}}</td><td class="n">{{n .EditsAfter}}</td><td class="n">{{if .HasReturned}}{{n .DaysToReturn}}{{else}}—{{end}}</td></tr>
{{end}}</tbody></table></div>{{if gt .AllParticipants (len .Participants)}}<p class="muted">The first {{n (len .Participants)}} of {{n .AllParticipants}} participants; all of them are in participants.csv.</p>{{end}}</details>
<details id="monthly"><summary>Month by month</summary><div class="scroll"><table><thead><tr><th>month</th><th>segment</th><th class="n">editing</th><th class="n">active editors (5+ content edits)</th><th class="n">retained from previous month</th><th class="n">edits</th></tr></thead><tbody>
{{range .Monthly}}<tr><td>{{month .Month}}{{if .Partial}} (so far){{end}}</td><td>{{.Segment}}</td><td class="n">{{n .EditingParticipants}}</td><td class="n">{{n .ActiveEditors}}</td><td class="n">{{n .RetainedEditors}}</td><td class="n">{{n .Edits}}</td></tr>
{{end}}</tbody></table></div></details>
<details id="definitions"><summary>Definitions</summary><dl>{{range .Terms}}<dt>{{.Label}} <code>{{.Name}}</code></dt><dd>{{.Text}} <span class="muted">Source: {{.Source}}.</span></dd>{{end}}</dl></details>
</section>
<section id="data-notes"><h2>About the data</h2>{{if .Incomplete}}<p id="incomplete"><b>Left out as data incomplete</b> (not counted as inactive):</p><ul>{{range .Incomplete}}<li>{{.Username}}: {{.Reason}}</li>{{end}}</ul>{{end}}{{if .Failures}}<p><b>Data could not be fetched for:</b></p><ul>{{range .Failures}}<li>{{.}}</li>{{end}}</ul>{{else}}<p>Every participant's data was fetched.</p>{{end}}
{{if .Notes}}<ul>{{range .Notes}}<li>{{.}}</li>{{end}}</ul>{{end}}{{if .Stats}}<p class="muted">{{.Stats}}</p>{{end}}</section>
<footer><p class="muted">engagement {{.Version}} · as of {{.AsOf}}</p></footer>
</body></html>
`))
