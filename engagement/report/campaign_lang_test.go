package report

import (
	"bytes"
	stdhtml "html"
	"strings"
	"testing"
	"time"

	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
)

// campaignWithViews is a campaign whose combined numbers leave out two
// facilitators (one of them a participant of the other event) and a bot,
// with the page views of its pages: one on a wiki the service does not
// serve, one whose views could not be fetched, and a user page.
func campaignWithViews(lang *i18n.Localizer) CampaignInput {
	day := time.Date(2021, 3, 5, 0, 0, 0, 0, time.UTC)
	ret := metrics.Row{Metric: metrics.RetentionMetric(7), Segment: metrics.SegmentNew, IsShare: true, Value: 0.25, Numerator: 9, Denominator: 36, CILow: 0.138, CIHigh: 0.411}
	return CampaignInput{
		Title: "Lib 2021", Version: "test", Lang: lang,
		Events: []CampaignEvent{
			{Title: "Edit-a-thon", EventComparison: metrics.EventComparison{Start: day, End: day.AddDate(0, 0, 2), Participants: 1234, NewEditors: 36, Returning: 3, Retention: []metrics.Row{ret, ret, ret}}},
			{Title: "Workshop", EventComparison: metrics.EventComparison{Start: day.AddDate(0, 1, 5), End: day.AddDate(0, 1, 6), Participants: 4}},
		},
		Combined: &metrics.Result{
			Rows: []metrics.Row{{Metric: metrics.MetricParticipants, Segment: metrics.SegmentAll, Value: 1233}},
			Participants: []metrics.ParticipantSummary{
				{Username: "Priya Okafor", Excluded: metrics.ExcludeFacilitator}, {Username: "Librarian Lucy", Excluded: metrics.ExcludeFacilitator},
				{Username: "CiteFixBot", Excluded: metrics.ExcludeBot}, {Username: "Ada Okafor"},
			},
			Params: metrics.Params{AsOf: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), LongTermEdits: 500},
		},
		Explained: []Explained{{Username: "Priya Okafor", Took: []string{"Edit-a-thon"}, Facilitated: []string{"Workshop"}}},
		PageViews: &PageViews{Start: day, End: time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC), Failed: 1,
			Pages:     []PageView{{Wiki: "en.wikipedia.org", Title: "Marie Tharp", Views: 12345}, {Wiki: "en.wikipedia.org", Title: "User:Ada Okafor", NS: 2, Views: 7}},
			NotServed: []NotServed{{Wiki: "www.wikidata.org", Pages: 3}}},
	}
}

// The campaign's report and wikitext show the page views as the event's
// do (what the service does not count, what could not be fetched, never
// as zero), say how many people the combined numbers leave out and why,
// and the wikitext names nobody.
func TestCampaignViewsAndLeftOut(t *testing.T) {
	var h, w bytes.Buffer
	if err := WriteCampaignHTML(&h, campaignWithViews(nil)); err != nil {
		t.Fatal(err)
	}
	if err := WriteCampaignWikitext(&w, campaignWithViews(nil)); err != nil {
		t.Fatal(err)
	}
	html, wt := stdhtml.UnescapeString(h.String()), w.String()
	views := "12,352 views from 5 March 2021 to 31 December 2024 of the 2 pages that participants created during the campaign's events and that the page views service counts."
	for _, want := range []string{
		`<section id="pageviews"><h2>Views of the pages created</h2>`, views,
		"www.wikidata.org: views are not counted by the service (3 pages created there).",
		"1 page: its views could not be fetched.",
		"<td>en.wikipedia.org</td><td>Marie Tharp</td><td class=\"n\">12,345</td>",
		"<li>2 people left out of the combined numbers as “facilitator”</li>", "<li>1 person left out of the combined numbers as “bot”</li>",
		"Combined: 1,233 people counted once each, from their first event: Priya Okafor took part in Edit-a-thon and facilitated Workshop, so the campaign leaves them out as a facilitator",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("report.html lacks %q", want)
		}
	}
	for _, want := range []string{
		"=== Views of the pages created ===\n" + views + " 3 pages on www.wikidata.org are not counted", " 1 page: its views could not be fetched.\n",
		"| [[:en:Marie Tharp|Marie Tharp]] || en.wikipedia.org || " + rightAligned + "12,345\n",
		"* 1 person left out of the combined numbers as “bot”\n* 2 people left out of the combined numbers as “facilitator”\n",
		"* 1 person took part in one event and facilitated another: the campaign leaves this person out as a facilitator.\n",
		"| Edit-a-thon || 5 March 2021 – 7 March 2021 || " + rightAligned + "1,234 || ",
	} {
		if !strings.Contains(wt, want) {
			t.Errorf("report.wikitext lacks %q:\n%s", want, wt)
		}
	}
	for _, name := range []string{"Priya", "Lucy", "Ada Okafor", "CiteFixBot"} {
		if strings.Contains(wt, name) {
			t.Errorf("report.wikitext names %s", name)
		}
	}
}

// In Spanish, every word, number and date of the campaign's report is
// Spanish; titles and usernames stay as they are.
func TestCampaignInSpanish(t *testing.T) {
	es, err := i18n.New("es")
	if err != nil {
		t.Fatal(err)
	}
	var h, w bytes.Buffer
	if err := WriteCampaignHTML(&h, campaignWithViews(es)); err != nil {
		t.Fatal(err)
	}
	if err := WriteCampaignWikitext(&w, campaignWithViews(es)); err != nil {
		t.Fatal(err)
	}
	html, wt := h.String(), w.String()
	for _, want := range []string{
		`<html lang="es" dir="ltr">`, "<title>Lib 2021: informe de la campaña</title>", "5 de marzo de 2021 – 7 de marzo de 2021",
		`25,0` + "\u00a0" + `%<br><span class="muted">9 de 36<br>13,8` + "\u00a0%–41,1\u00a0%</span>",
		"12.352 visitas del 5 de marzo de 2021 al 31 de diciembre de 2024", "<td class=\"n\">1234</td>",
		"2 personas excluidas de las cifras combinadas por «facilitador»",
		"Priya Okafor participó en Edit-a-thon y facilitó Workshop",
		"observado hasta el 1 de enero de 2025, 00:00 UTC",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("report.html lacks %q", want)
		}
	}
	for _, want := range []string{
		"== Lib 2021: resultados ==", "! Evento !! Fechas !! " + rightAligned + "Participantes", "Siguen editando tras 7 días o más",
		"25,0\u00a0% (9 de 36)", "1 persona participó en un evento y facilitó otro: la campaña la excluye como facilitadora.",
	} {
		if !strings.Contains(wt, want) {
			t.Errorf("report.wikitext lacks %q:\n%s", want, wt)
		}
	}
	if m := es.Missing(); len(m) > 0 {
		t.Errorf("keys missing from the catalogue: %v", m)
	}
}

// A person at three events is named with the events as the language lists
// them.
func TestExplainedListsEvents(t *testing.T) {
	e := Explained{Username: "Priya Okafor", Took: []string{"A", "B", "C"}, Facilitated: []string{"D"}}
	fr, err := i18n.New("fr")
	if err != nil {
		t.Fatal(err)
	}
	for l, want := range map[*i18n.Localizer]string{
		nil: "Priya Okafor took part in A, B and C and facilitated D, so the campaign leaves them out as a facilitator",
		fr:  "Priya Okafor a participé à A, B et C et a animé D\u202f; la campagne l’exclut donc en tant qu’animateur",
	} {
		if got := e.Text(l); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}
