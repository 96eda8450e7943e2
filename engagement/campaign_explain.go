package engagement

import (
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/report"
	"example.com/engagement/engagement/study"
)

// CombinedNotes explains why the combined count of people is not the sum,
// nor the largest, of the events' own counts: for each person counted as a
// participant by one event but left out of the combined numbers as a
// facilitator, because they facilitated another, one sentence ("Priya
// Okafor took part in Women in Science Edit-a-thon and facilitated
// Wikidata Workshop, so the campaign leaves them out as a facilitator").
// Events are named by title, in order of start; people by pseudo's
// pseudonym when pseudo is not nil. None when nobody is.
func (a *CampaignAnalysis) CombinedNotes(pseudo *report.Pseudonymizer) []string {
	var out []string
	for _, e := range a.explained(pseudo) {
		out = append(out, e.Text(reportLanguage(a.settings.language)))
	}
	return out
}

// explained are CombinedNotes' people, with their events, for the report.
func (a *CampaignAnalysis) explained(pseudo *report.Pseudonymizer) []report.Explained {
	var out []report.Explained
	compared := a.Compare()
	for _, p := range a.Result.Participants {
		if p.Excluded != metrics.ExcludeFacilitator {
			continue
		}
		var took, led []string
		for _, c := range compared {
			if c.Failed != "" {
				continue
			}
			switch a.statusIn(c, p.Username) {
			case "took":
				took = append(took, c.Title)
			case "led":
				led = append(led, c.Title)
			}
		}
		if len(took) == 0 {
			continue // a facilitator everywhere: no event counted them
		}
		out = append(out, report.Explained{Username: pseudoName(pseudo, p.Username), Took: took, Facilitated: led})
	}
	return out
}

// statusIn says how an event has the person: "took" when it counts them as
// a participant, "led" when they facilitated it, "" otherwise.
func (a *CampaignAnalysis) statusIn(c ComparedEvent, user string) string {
	for _, ev := range a.Campaign.Events {
		if ev.Course.Slug != c.Course {
			continue
		}
		for _, f := range study.Facilitators(ev.Users) {
			if f == user {
				return "led"
			}
		}
	}
	for _, q := range a.eventResult(c.Course).Participants {
		if q.Username != user {
			continue
		}
		switch q.Excluded {
		case metrics.ExcludeFacilitator:
			return "led"
		case metrics.NotExcluded, metrics.ExcludeIncomplete:
			return "took"
		}
	}
	return ""
}
