package report

import (
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"

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
	// PageViews are the views of the pages the campaign's participants
	// created during its events; nil when they were not fetched (the
	// report then has no section on them).
	PageViews *PageViews
	// Explained are the people an event counts as participants whom the
	// combined campaign leaves out as facilitators, with the events they
	// took part in and those they facilitated.
	Explained []Explained
	Notes     []string
	Failures  []string // users whose data could not be fetched, and why
	Stats     string
	Version   string
	// Pseudonyms says the usernames are pseudonyms.
	Pseudonyms bool
	// Lang gives every word, number and date the reader sees (nil:
	// English); data (usernames, titles, wiki domains) is never
	// translated.
	Lang *i18n.Localizer
}

// Explained is a person counted as a participant by some events whom the
// combined campaign leaves out because they facilitated others.
type Explained struct {
	Username          string
	Took, Facilitated []string // the events' titles, in order of start
}

// Text says it in l's language: "Priya Okafor took part in A and
// facilitated B, so the campaign leaves them out as a facilitator".
func (e Explained) Text(l *i18n.Localizer) string {
	l = orEnglish(l)
	return l.T("engagement-campaign-explained", e.Username, andList(l, e.Took), andList(l, e.Facilitated))
}

// andList joins items as the language joins a list: "A and B", "A, B and
// C" in English.
func andList(l *i18n.Localizer, items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return l.T("engagement-campaign-list-and", joinWith(l, "engagement-campaign-list-comma", items[:len(items)-1]), items[len(items)-1])
}

// joinWith joins items two by two with the message key ("$1, $2").
func joinWith(l *i18n.Localizer, key string, items []string) string {
	out := items[0]
	for _, it := range items[1:] {
		out = l.T(key, out, it)
	}
	return out
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
	Notes, Failures, LeftOut               []string
	Views                                  *campaignViews
	Pseudonyms                             bool
	Lookback, LongTerm, FailedSpan         int
	Reading                                *reading
	// L is the reader's language, which the template's words come from.
	L *i18n.Localizer
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
// the page views of the pages created, and a banner when courses or
// people are missing from the numbers.
func WriteCampaignHTML(w io.Writer, in CampaignInput) error {
	r := in.Combined
	if r == nil {
		return fmt.Errorf("report: no combined campaign to report")
	}
	p, l := r.Params, orEnglish(in.Lang)
	pg := campaignPage{
		Title: in.Title, URL: in.URL, AsOf: l.DateTime(p.AsOf), Version: in.Version, Stats: in.Stats,
		Lookback: int(p.NewEditorLookback.Hours() / 24), LongTerm: p.LongTermEdits,
		Returning: in.Returning, Rows: metricRows(l, r), Terms: glossary(l, r), Incomplete: IncompleteParticipants(r),
		Notes: campaignNotes(l, in), Failures: in.Failures, Pseudonyms: in.Pseudonyms, LeftOut: leftOutLines(l, r),
		Views: viewsIn(l, in.PageViews), L: l,
	}
	for _, d := range metrics.DefaultComparisonDays {
		pg.Windows = append(pg.Windows, l.Count("engagement-col-days", d))
	}
	pg.FailedSpan = 3 + len(pg.Windows)
	for _, e := range in.Events {
		if e.Failed != "" {
			pg.Failed = append(pg.Failed, e)
			continue
		}
		row := campaignRow{Title: e.Title, URL: e.URL, Dates: l.T("engagement-date-range", l.Date(e.Start), l.Date(e.End)),
			Participants: e.Participants, New: e.NewEditors, Returning: e.Returning}
		for _, ret := range e.Retention {
			c := cell{Value: value(l, ret), Count: noteText(l, ret.Note)}
			if !ret.Empty {
				c.Count = kOfN(l, ret)
				c.Interval = percent(l, ret.CILow) + "–" + percent(l, ret.CIHigh)
			}
			row.Retention = append(row.Retention, c)
		}
		pg.Events = append(pg.Events, row)
	}
	pg.Banners = campaignBanners(l, pg.Failed, len(in.Events), r)
	pg.Lead, pg.Cards = campaignHeadline(l, r, len(pg.Events))
	pg.Reading = readingExample(l, r)
	if in.Figure != nil {
		if figs := figures([]Figure{*in.Figure}); len(figs) > 0 {
			pg.Figure = figs[0]
		}
	}
	return executeBuffered(w, campaignTmpl, pg)
}

// kOfN is a share's "9 of 36".
func kOfN(l *i18n.Localizer, r metrics.Row) string {
	return l.T("engagement-campaign-k-of-n", l.Int(r.Numerator), l.Int(r.Denominator))
}

// campaignNotes are the notes of the data: how many people the combined
// campaign counts, with the people an event counts as participants whom
// it leaves out as facilitators, then the input's own notes.
func campaignNotes(l *i18n.Localizer, in CampaignInput) []string {
	people := finder(in.Combined.Rows).count(metrics.MetricParticipants, metrics.SegmentAll)
	line := l.Count("engagement-campaign-combined-count", people)
	if len(in.Explained) > 0 {
		why := make([]string, len(in.Explained))
		for i, e := range in.Explained {
			why[i] = e.Text(l)
		}
		line = l.T("engagement-campaign-combined-why", line, joinWith(l, "engagement-campaign-list-semicolon", why))
	}
	return append([]string{line}, in.Notes...)
}

// leftOutLines say how many people the combined numbers leave out, for
// each reason in order of the reason's id ("3 people left out of the
// combined numbers as “facilitator”"); none when nobody is left out.
func leftOutLines(l *i18n.Localizer, r *metrics.Result) []string {
	n := map[metrics.Exclusion]int{}
	for _, p := range r.Participants {
		if p.Excluded != metrics.NotExcluded {
			n[p.Excluded]++
		}
	}
	reasons := make([]metrics.Exclusion, 0, len(n))
	for e := range n {
		reasons = append(reasons, e)
	}
	sort.Slice(reasons, func(i, j int) bool { return reasons[i] < reasons[j] })
	var out []string
	for _, e := range reasons {
		out = append(out, l.Count("engagement-campaign-left-out", n[e], exclusionText(l, e)))
	}
	return out
}

// campaignViews is the page views' section in the page's language.
type campaignViews struct {
	Total, Failed string
	NotServed     []string
	Pages         []PageView
}

// viewsIn says what the views count and what they do not: wikis the
// pageviews service does not serve, pages whose views could not be
// fetched (never shown as zero); nil without views.
func viewsIn(l *i18n.Localizer, v *PageViews) *campaignViews {
	if v == nil {
		return nil
	}
	out := &campaignViews{Total: campaignViewsTotal(l, v), Pages: v.Pages}
	for _, n := range v.NotServed {
		out.NotServed = append(out.NotServed, l.T("engagement-views-not-served", n.Wiki, n.Pages, l.Int(n.Pages)))
	}
	if v.Failed > 0 {
		out.Failed = l.Count("engagement-views-failed", v.Failed)
	}
	return out
}

func campaignViewsTotal(l *i18n.Localizer, v *PageViews) string {
	return l.Count("engagement-campaign-views-total", v.Total(), l.Date(v.Start), l.Date(v.End), len(v.Pages), l.Int(len(v.Pages)))
}

// campaignBanners say what is missing from the numbers: courses that could
// not be loaded, people whose data could not be fetched.
func campaignBanners(l *i18n.Localizer, failed []CampaignEvent, events int, r *metrics.Result) []string {
	var out []string
	if len(failed) > 0 {
		names := make([]string, len(failed))
		for i, f := range failed {
			names[i] = f.Title
		}
		out = append(out, l.T("engagement-campaign-banner-failed", len(failed), l.Int(len(failed)), events, l.Int(events), strings.Join(names, ", ")))
	}
	if b := IncompleteBannerIn(l, r); b != "" {
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
	lead := l.T("engagement-campaign-lead", events, l.Int(events), people, l.Int(people), newEd, l.Int(newEd), ret, l.Int(ret))
	cards := []card{
		{l.Int(people), l.T("engagement-campaign-card-people", people), l.T("engagement-campaign-card-people-detail")},
		{l.Int(newEd), l.T("engagement-campaign-card-new", newEd), l.T("engagement-campaign-card-new-detail")},
		{l.Int(ret), l.T("engagement-campaign-card-returning", ret), l.T("engagement-campaign-card-returning-detail")},
	}
	for _, d := range []int{30, 7} {
		if row, ok := f.row(metrics.RetentionMetric(d), metrics.SegmentNew); ok && !row.Empty {
			cards = append(cards, card{percent(l, row.Value), l.Count("engagement-campaign-card-retention", d), detail(l, row)})
			break
		}
	}
	return lead, cards
}

var campaignTmpl = template.Must(template.New("campaign").Parse(`<!DOCTYPE html>
<html lang="{{.L.Lang}}" dir="{{.L.Dir}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.L.T "engagement-campaign-title" .Title}}</title>
` + pageStyle + `
<style>.events td.t{min-width:11em}.events th{vertical-align:bottom}.events th.n,.events td.n .note{white-space:normal}.events th.n{min-width:4.5em}.events td.why{overflow-wrap:anywhere}</style></head><body>
{{range .Banners}}<p class="banner" role="alert">{{.}}. <a href="#data-notes">{{$.L.T "engagement-banner-details"}}</a>.</p>{{end}}
<h1>{{.Title}}</h1>
<p>{{if .URL}}<a href="{{.URL}}">{{.L.T "engagement-campaign-link"}}</a> · {{end}}{{.L.T "engagement-observed-asof" .AsOf}}</p>
<section id="headline"><p class="lead">{{.Lead}}</p>
<div class="cards">{{range .Cards}}<div class="card"><div class="v">{{.Value}}</div><div class="l">{{.Label}}</div><div class="d">{{.Detail}}</div></div>{{end}}</div>
{{with .Reading}}<p class="muted"><b>{{$.L.T "engagement-report-reading-label"}}</b> {{.Text $.L}} {{$.L.T "engagement-report-reading-campaign"}}</p>{{end}}</section>
<section id="events"><h2>{{.L.T "engagement-campaign-events-heading"}}</h2>
<p class="muted">{{.L.Count "engagement-campaign-events-intro" .Lookback}}</p>
<div class="scroll"><table class="events"><thead><tr><th rowspan="2">{{.L.T "engagement-col-event"}}</th><th class="n" rowspan="2">{{.L.T "engagement-col-participants"}}</th><th class="n" rowspan="2">{{.L.T "engagement-report-col-new-editors"}}</th><th class="n" rowspan="2">{{.L.T "engagement-col-also-elsewhere"}}</th><th class="n" colspan="{{len .Windows}}">{{.L.T "engagement-col-still-editing"}}</th></tr>
<tr>{{range .Windows}}<th class="n">{{.}}</th>{{end}}</tr></thead><tbody>
{{range .Events}}<tr><td class="t">{{if .URL}}<a href="{{.URL}}">{{.Title}}</a>{{else}}{{.Title}}{{end}}<br><span class="muted">{{.Dates}}</span></td><td class="n">{{$.L.Int .Participants}}</td><td class="n">{{$.L.Int .New}}</td><td class="n">{{$.L.Int .Returning}}</td>{{range .Retention}}<td class="n">{{.Value}}<br>{{if .Interval}}<span class="muted">{{.Count}}<br>{{.Interval}}</span>{{else}}<span class="muted note">{{.Count}}</span>{{end}}</td>{{end}}</tr>
{{end}}{{range .Failed}}<tr><td class="t">{{.Title}}</td><td colspan="{{$.FailedSpan}}" class="muted why">{{$.L.T "engagement-campaign-failed-row" .Failed}}</td></tr>{{end}}</tbody></table></div>
<p class="muted">{{.L.T "engagement-campaign-events-note"}}</p>
{{with .Figure}}{{.}}{{end}}</section>
<section id="returning"><h2>{{.L.T "engagement-campaign-returning-heading"}}</h2>{{if .Returning}}<p>{{if .Pseudonyms}}{{.L.Count "engagement-campaign-returning-pseudonyms" (len .Returning)}}{{else}}{{.L.Count "engagement-campaign-returning-intro" (len .Returning)}}{{end}}</p>
<div class="scroll"><table><thead><tr><th>{{.L.T "engagement-col-participant"}}</th><th class="n">{{.L.T "engagement-col-events"}}</th><th>{{.L.T "engagement-col-which"}}</th></tr></thead><tbody>
{{range .Returning}}<tr><td>{{.Username}}</td><td class="n">{{$.L.Int (len .Events)}}</td><td>{{range $i, $e := .Events}}{{if $i}}; {{end}}{{$e}}{{end}}</td></tr>{{end}}</tbody></table></div>{{else}}<p>{{.L.T "engagement-campaign-nobody-returned"}}</p>{{end}}</section>
{{with .Views}}<section id="pageviews"><h2>{{$.L.T "engagement-views-heading"}}</h2>
<p>{{.Total}}</p>
{{range .NotServed}}<p class="muted">{{.}}</p>{{end}}
{{if .Failed}}<p class="muted">{{.Failed}}</p>{{end}}
<div class="scroll"><table><thead><tr><th>{{$.L.T "engagement-col-wiki"}}</th><th>{{$.L.T "engagement-col-page"}}</th><th class="n">{{$.L.T "engagement-col-views"}}</th></tr></thead><tbody>
{{range .Pages}}<tr><td>{{.Wiki}}</td><td>{{.Title}}</td><td class="n">{{$.L.Int .Views}}</td></tr>{{end}}</tbody></table></div></section>{{end}}
<section id="appendix"><h2>{{.L.T "engagement-campaign-combined-heading"}}</h2>
<p class="muted">{{.L.T "engagement-campaign-combined-intro" .AsOf .LongTerm (.L.Int .LongTerm)}}{{if .Pseudonyms}} {{.L.T "engagement-pseudonyms"}}{{end}}</p>
<details id="metrics"><summary>{{.L.Count "engagement-metrics-summary" (len .Rows)}}</summary><p class="muted">{{.L.T "engagement-metrics-dash"}}</p>
<div class="scroll"><table><thead><tr><th>{{.L.T "engagement-col-metric"}}</th><th>{{.L.T "engagement-col-segment"}}</th><th class="n">{{.L.T "engagement-col-value"}}</th><th>{{.L.T "engagement-col-detail"}}</th></tr></thead><tbody>
{{range .Rows}}<tr><td>{{.Label}}<br><code>{{.Metric}}</code></td><td>{{.Segment}}</td><td class="n">{{.Value}}</td><td>{{.Detail}}</td></tr>
{{end}}</tbody></table></div></details>
<details id="definitions"><summary>{{.L.T "engagement-definitions-summary"}}</summary><dl>{{range .Terms}}<dt>{{.Label}} <code>{{.Name}}</code></dt><dd>{{.Text}} <span class="muted">{{$.L.T "engagement-def-source" .Source}}</span></dd>{{end}}</dl></details>
</section>
<section id="data-notes"><h2>{{.L.T "engagement-data-heading"}}</h2>
{{if .Failed}}<p><b>{{.L.T "engagement-campaign-failed-label"}}</b> {{.L.T "engagement-campaign-failed-note"}}</p><ul>{{range .Failed}}<li>{{.Title}}: {{.Failed}}</li>{{end}}</ul>{{end}}
{{if .LeftOut}}<ul id="left-out">{{range .LeftOut}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{if .Incomplete}}<p id="incomplete"><b>{{.L.T "engagement-data-incomplete-label"}}</b> {{.L.T "engagement-data-incomplete-note"}}</p><ul>{{range .Incomplete}}<li>{{.Username}}: {{.Reason}}</li>{{end}}</ul>{{end}}
{{if .Failures}}<p><b>{{.L.T "engagement-data-failed-label"}}</b></p><ul>{{range .Failures}}<li>{{.}}</li>{{end}}</ul>{{else}}<p>{{.L.T "engagement-data-all-fetched"}}</p>{{end}}
{{if .Notes}}<ul>{{range .Notes}}<li>{{.}}</li>{{end}}</ul>{{end}}{{if .Stats}}<p class="muted">{{.Stats}}</p>{{end}}</section>
<footer><p class="muted">{{.L.T "engagement-footer" .Version .AsOf}}</p></footer>
</body></html>
`))
