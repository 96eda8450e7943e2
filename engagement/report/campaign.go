package report

import (
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"

	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
)

// CampaignEvent is one event of a campaign as its report shows it.
type CampaignEvent struct {
	Title, Course, URL string
	metrics.EventComparison
	// Failed says why the course could not be loaded ("" when it was).
	Failed string
}

// ReturningPerson is someone who took part in two or more events.
type ReturningPerson struct {
	Username string
	Events   []string // titles, in order of start
}

// CampaignInput is everything a campaign's report shows.
type CampaignInput struct {
	Title, URL string
	// Events are side by side, in order of start; failed courses last.
	Events []CampaignEvent
	// Combined is the combined campaign: its rows, each person once, the
	// parameters.
	Combined  *metrics.Result
	Returning []ReturningPerson
	Figure    *Figure // the events side by side; nil when it could not be drawn
	Notes     []string
	Failures  []string // users whose data could not be fetched, and why
	Stats     string
	Version   string
	// Pseudonyms says the usernames are pseudonyms.
	Pseudonyms bool
}

type campaignPage struct {
	Title, URL, AsOf, Version, Stats, Lead string
	Banners                                []string
	Cards                                  []card
	Windows                                []string
	Events                                 []campaignRow
	Figure                                 template.HTML
	Returning                              []ReturningPerson
	Rows                                   []metricRow
	Terms                                  []term
	Incomplete                             []Incomplete
	Failed                                 []CampaignEvent
	Notes, Failures                        []string
	Pseudonyms                             bool
	Lookback, LongTerm, FailedSpan         int
	Reading                                *reading
}

type campaignRow struct {
	Title, URL, Dates, Failed    string
	Participants, New, Returning int
	Retention                    []cell
}

// cell is a share in the events' table: the value, "k of n" (or why it
// is empty) and the interval.
type cell struct{ Value, Count, Interval string }

// WriteCampaignHTML writes a campaign's report: the events side by side
// with their intervals, the combined numbers, the returning participants,
// and a banner when courses or people are missing from the numbers.
func WriteCampaignHTML(w io.Writer, in CampaignInput) error {
	r := in.Combined
	if r == nil {
		return fmt.Errorf("report: no combined campaign to report")
	}
	p, l := r.Params, english()
	pg := campaignPage{
		Title: in.Title, URL: in.URL, AsOf: p.AsOf.Format(time.RFC3339), Version: in.Version, Stats: in.Stats,
		Lookback: int(p.NewEditorLookback.Hours() / 24), LongTerm: p.LongTermEdits,
		Returning: in.Returning, Rows: metricRows(l, r), Terms: glossary(l, r), Incomplete: IncompleteParticipants(r),
		Notes: in.Notes, Failures: in.Failures, Pseudonyms: in.Pseudonyms,
	}
	for _, d := range metrics.DefaultComparisonDays {
		pg.Windows = append(pg.Windows, fmt.Sprint(d))
	}
	pg.FailedSpan = 3 + len(pg.Windows)
	for _, e := range in.Events {
		if e.Failed != "" {
			pg.Failed = append(pg.Failed, e)
			continue
		}
		row := campaignRow{Title: e.Title, URL: e.URL, Dates: e.Start.Format("2 Jan 2006") + " – " + e.End.Format("2 Jan 2006"),
			Participants: e.Participants, New: e.NewEditors, Returning: e.Returning}
		for _, ret := range e.Retention {
			c := cell{Value: value(l, ret), Count: ret.Note}
			if !ret.Empty {
				c.Count = thousands(ret.Numerator) + " of " + thousands(ret.Denominator)
				c.Interval = strings.TrimSuffix(percent(l, ret.CILow), " %") + "–" + percent(l, ret.CIHigh)
			}
			row.Retention = append(row.Retention, c)
		}
		pg.Events = append(pg.Events, row)
	}
	pg.Banners = campaignBanners(pg.Failed, len(in.Events), r)
	pg.Lead, pg.Cards = campaignHeadline(l, r, len(pg.Events))
	pg.Reading = readingExample(l, r)
	if in.Figure != nil {
		if figs := figures([]Figure{*in.Figure}); len(figs) > 0 {
			pg.Figure = figs[0]
		}
	}
	return executeBuffered(w, campaignTmpl, pg)
}

// campaignBanners say what is missing from the numbers: courses that could
// not be loaded, people whose data could not be fetched.
func campaignBanners(failed []CampaignEvent, events int, r *metrics.Result) []string {
	var out []string
	if len(failed) > 0 {
		names := make([]string, len(failed))
		for i, f := range failed {
			names[i] = f.Title
		}
		out = append(out, fmt.Sprintf("%d of %d events could not be loaded and are left out of every number (%s): returning participants may be undercounted",
			len(failed), events, strings.Join(names, ", ")))
	}
	if b := IncompleteBanner(r); b != "" {
		out = append(out, b)
	}
	return out
}

// campaignHeadline is the lead sentence and the cards of the combined
// campaign.
func campaignHeadline(l *i18n.Localizer, r *metrics.Result, events int) (string, []card) {
	f := finder(r.Rows)
	people := f.count(metrics.MetricParticipants, metrics.SegmentAll)
	newEd := f.count(metrics.MetricParticipants, metrics.SegmentNew)
	ret := f.count(metrics.MetricReturningParticipants, metrics.SegmentAll)
	who := thousands(people) + " people"
	if people == 1 {
		who = "1 person"
	}
	lead := fmt.Sprintf("Over %s, %s took part, each counted once: %s new to editing, and %s came to two or more events.",
		plural(events, "event"), who, thousands(newEd), thousands(ret))
	cards := []card{
		{thousands(people), "people took part", "each counted once, from their first event"},
		{thousands(newEd), "new editors", "new at their first event"},
		{thousands(ret), "returning participants", "took part in two or more events"},
	}
	for _, d := range []int{30, 7} {
		if row, ok := f.row(metrics.RetentionMetric(d), metrics.SegmentNew); ok && !row.Empty {
			cards = append(cards, card{percent(l, row.Value), fmt.Sprintf("of new editors edited again %d+ days after their first event", d), detail(l, row)})
			break
		}
	}
	return lead, cards
}

var campaignTmpl = template.Must(template.New("campaign").Funcs(template.FuncMap{"n": thousands}).Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}: campaign report</title>
` + pageStyle + `
<style>.events td.t{min-width:11em}.events th{vertical-align:bottom}.events td.why{overflow-wrap:anywhere}</style></head><body>
{{range .Banners}}<p class="banner" role="alert">{{.}}. <a href="#data-notes">Details</a>.</p>{{end}}
<h1>{{.Title}}</h1>
<p>{{if .URL}}<a href="{{.URL}}">The campaign on the Dashboard</a> · {{end}}observed as of {{.AsOf}}</p>
<section id="headline"><p class="lead">{{.Lead}}</p>
<div class="cards">{{range .Cards}}<div class="card"><div class="v">{{.Value}}</div><div class="l">{{.Label}}</div><div class="d">{{.Detail}}</div></div>{{end}}</div>
{{with .Reading}}<p class="muted"><b>Reading a percentage:</b> “{{.Detail}}” means {{.K}} of the {{.N}} people counted did it, and the true rate could well be anywhere in that range (a 95% confidence interval); the smaller the group, the wider the range. Two events whose ranges overlap widely may not differ at all.</p>{{end}}</section>
<section id="events"><h2>The events side by side</h2>
<p class="muted">Each event's own numbers: its participants, its new editors (registered from {{.Lookback}} days before its start), the people who also came to another event of the campaign, and the share of its new editors who edited again that many days after its end, or later.</p>
<div class="scroll"><table class="events"><thead><tr><th rowspan="2">event</th><th class="n" rowspan="2">participants</th><th class="n" rowspan="2">new editors</th><th class="n" rowspan="2">also at another event</th><th class="n" colspan="{{len .Windows}}">new editors still editing after</th></tr>
<tr>{{range .Windows}}<th class="n">{{.}}+ days</th>{{end}}</tr></thead><tbody>
{{range .Events}}<tr><td class="t">{{if .URL}}<a href="{{.URL}}">{{.Title}}</a>{{else}}{{.Title}}{{end}}<br><span class="muted">{{.Dates}}</span></td><td class="n">{{n .Participants}}</td><td class="n">{{n .New}}</td><td class="n">{{n .Returning}}</td>{{range .Retention}}<td class="n">{{.Value}}<br><span class="muted">{{.Count}}{{if .Interval}}<br>{{.Interval}}{{end}}</span></td>{{end}}</tr>
{{end}}{{range .Failed}}<tr><td class="t">{{.Title}}</td><td colspan="{{$.FailedSpan}}" class="muted why">could not be loaded: {{.Failed}}</td></tr>{{end}}</tbody></table></div>
<p class="muted">Under each share: how many of how many new editors, and its 95% interval.</p>
{{with .Figure}}{{.}}{{end}}</section>
<section id="returning"><h2>Returning participants</h2>{{if .Returning}}<p>{{n (len .Returning)}} people took part in two or more events{{if .Pseudonyms}} (usernames are pseudonyms){{end}}:</p>
<div class="scroll"><table><thead><tr><th>participant</th><th class="n">events</th><th>which</th></tr></thead><tbody>
{{range .Returning}}<tr><td>{{.Username}}</td><td class="n">{{len .Events}}</td><td>{{range $i, $e := .Events}}{{if $i}}; {{end}}{{$e}}{{end}}</td></tr>{{end}}</tbody></table></div>{{else}}<p>Nobody took part in more than one event.</p>{{end}}</section>
<section id="appendix"><h2>The campaign combined</h2>
<p class="muted">Each person counted once, measured from the end of the first event they took part in as a participant, and new if new then; a facilitator of any event is left out as a facilitator. Observed as of {{.AsOf}}. Long-term: {{n .LongTerm}}+ edits before the start.{{if .Pseudonyms}} Usernames are pseudonyms.{{end}}</p>
<details id="metrics"><summary>Every metric ({{n (len .Rows)}} rows)</summary><p class="muted">A dash means not yet observable or not applicable; the note says which.</p>
<div class="scroll"><table><thead><tr><th>metric</th><th>segment</th><th class="n">value</th><th>detail</th></tr></thead><tbody>
{{range .Rows}}<tr><td>{{.Label}}<br><code>{{.Metric}}</code></td><td>{{.Segment}}</td><td class="n">{{.Value}}</td><td>{{.Detail}}</td></tr>
{{end}}</tbody></table></div></details>
<details id="definitions"><summary>Definitions</summary><dl>{{range .Terms}}<dt>{{.Label}} <code>{{.Name}}</code></dt><dd>{{.Text}} <span class="muted">Source: {{.Source}}.</span></dd>{{end}}</dl></details>
</section>
<section id="data-notes"><h2>About the data</h2>
{{if .Failed}}<p><b>Events left out</b> (their numbers are unknown, not zero):</p><ul>{{range .Failed}}<li>{{.Title}}: {{.Failed}}</li>{{end}}</ul>{{end}}
{{if .Incomplete}}<p id="incomplete"><b>Left out as data incomplete</b> (not counted as inactive):</p><ul>{{range .Incomplete}}<li>{{.Username}}: {{.Reason}}</li>{{end}}</ul>{{end}}
{{if .Failures}}<p><b>Data could not be fetched for:</b></p><ul>{{range .Failures}}<li>{{.}}</li>{{end}}</ul>{{else}}<p>Every participant's data was fetched.</p>{{end}}
{{if .Notes}}<ul>{{range .Notes}}<li>{{.}}</li>{{end}}</ul>{{end}}{{if .Stats}}<p class="muted">{{.Stats}}</p>{{end}}</section>
<footer><p class="muted">engagement {{.Version}} · as of {{.AsOf}}</p></footer>
</body></html>
`))
