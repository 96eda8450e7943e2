package engagement

import (
	"fmt"
	"io"
	"path/filepath"

	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/report"
	"example.com/engagement/engagement/study"
)

// Share writes every output of the campaign into dir, as the example
// program does: events.csv, metrics.csv, participants.csv and the data
// files (WriteCampaignOutputs), comparison.csv (the events side by side),
// returning.csv (who came back), events.png, report.html, report.wikitext
// (for the campaign's page on Meta-Wiki; no usernames) and pageviews.csv. With
// pseudonymize, usernames become stable pseudonyms (a fresh key per call)
// in every file. It returns the paths written, the report first.
func (a *CampaignAnalysis) Share(dir string, pseudonymize bool) ([]string, error) {
	var pseudo *report.Pseudonymizer
	if pseudonymize {
		pseudo = a.Pseudonymizer()
	}
	return a.ShareAs(dir, pseudo)
}

// Pseudonymizer returns a pseudonymizer with a fresh key that knows every
// username of the campaign, for ShareAs and PseudonymizedData, so that a
// program prints the pseudonyms its files hold.
func (a *CampaignAnalysis) Pseudonymizer() *report.Pseudonymizer {
	pseudo := report.NewPseudonymizer(report.RandomKey())
	pseudo.Learn(a.names()...)
	return pseudo
}

// PseudonymizedData returns the campaign's data with every username
// replaced by pseudo's pseudonym (a nil pseudo: the data itself).
func (a *CampaignAnalysis) PseudonymizedData(pseudo *report.Pseudonymizer) *Data {
	if pseudo == nil {
		return a.Data
	}
	d, _ := a.pseudonymized(pseudo)
	return d
}

// ShareAs is Share with the pseudonymizer given (nil: real names). A
// folder whose run.json names an event is refused before anything is
// written (ErrOtherRun).
func (a *CampaignAnalysis) ShareAs(dir string, pseudo *report.Pseudonymizer) ([]string, error) {
	prev, err := checkOutDir(dir, a.RunInfo(pseudo != nil).Course)
	if err != nil {
		return nil, err
	}
	data, res := a.Data, a.Result
	if pseudo != nil {
		data, res = a.pseudonymized(pseudo)
	}
	paths, err := study.WriteCampaignOutputs(dir, data, res)
	if err != nil {
		return paths, err
	}
	returning := a.ReturningPeople()
	for i := range returning {
		returning[i].Username = pseudoName(pseudo, returning[i].Username)
	}
	compared := a.Compare()
	for _, file := range []struct {
		name string
		recs [][]string
	}{{dataset.ComparisonFile, comparisonRecords(compared)}, {dataset.ReturningFile, dataset.ReturningRecords(returning)}} {
		p := filepath.Join(dir, file.name)
		if err := dataset.WriteFile(p, func(w io.Writer) error { return dataset.WriteRecords(w, file.recs) }); err != nil {
			return paths, err
		}
		paths = append(paths, p)
	}
	in := a.reportInput(compared, returning, pseudo, res)
	fig, figErr := a.ChartFigure()
	out, err := report.WriteCampaign(dir, in, fig, figErr)
	if err != nil {
		return paths, err
	}
	if out.Chart != "" {
		paths = append(paths, out.Chart)
	}
	vp, err := writePageViews(dir, a.Data.Views, pseudo)
	if err != nil {
		return paths, err
	}
	paths = append(paths, vp...)
	paths = append(paths, out.Wikitext)
	paths = append(append([]string{out.HTML}, paths...), filepath.Join(dir, dataset.RunFile))
	if err := dataset.ReplaceRun(dir, prev, a.RunInfo(pseudo != nil), paths); err != nil {
		return paths, fmt.Errorf("recording the run: %w", err)
	}
	return paths, nil
}

// reportInput gathers what the campaign's report shows; res is the result
// as written (pseudonymised or not).
func (a *CampaignAnalysis) reportInput(compared []ComparedEvent, returning []ReturningPerson, pseudo *report.Pseudonymizer, res *metrics.CampaignResult) report.CampaignInput {
	title := map[string]string{}
	in := report.CampaignInput{Title: a.Campaign.Title, URL: a.Campaign.URL, Version: study.Version, Pseudonyms: pseudo != nil, Notes: textsIn(reportLanguage(a.settings.language), a.Data.Notes),
		Combined:  &metrics.Result{Rows: res.Combined, Participants: res.Participants, Params: a.Params},
		Explained: a.explained(pseudo), PageViews: pseudonymViews(a.Views(), pseudo), Lang: reportLanguage(a.settings.language)}
	if in.Title == "" {
		in.Title = a.Campaign.Slug
	}
	for _, c := range compared {
		title[c.Course] = c.Title
		in.Events = append(in.Events, report.CampaignEvent{Title: c.Title, Course: c.Course, URL: c.URL, EventComparison: c.EventComparison, Failed: c.Failed})
	}
	for _, r := range returning {
		p := report.ReturningPerson{Username: r.Username}
		for _, c := range r.Courses {
			p.Events = append(p.Events, title[c])
		}
		in.Returning = append(in.Returning, p)
	}
	for _, f := range a.Data.Failures {
		in.Failures = append(in.Failures, pseudoName(pseudo, f.Username)+": "+f.Cause())
	}
	sent, cached := a.Campaign.DashboardRequests()
	st := a.Data.Stats
	in.Stats = report.CampaignStats(in.Lang, sent, cached, report.Requests{Requests: st.Requests, CacheHits: st.CacheHits, Retries: st.Retries, Bytes: st.Bytes, Waited: st.Waited})
	return in
}

// names are every username of the campaign: participants, facilitators,
// accounts fetched.
func (a *CampaignAnalysis) names() []string {
	var out []string
	for _, ev := range a.Campaign.Events {
		for _, p := range ev.Participants {
			out = append(out, p.Username)
		}
		out = append(out, study.Facilitators(ev.Users)...)
	}
	for _, acc := range a.Data.Accounts {
		out = append(out, acc.Username)
	}
	return out
}

// pseudonymized returns copies of the data and the result with every
// username replaced.
func (a *CampaignAnalysis) pseudonymized(pseudo *report.Pseudonymizer) (*Data, *metrics.CampaignResult) {
	d := report.PseudonymData(a.Data, pseudo)
	r := *a.Result
	r.Participants = pseudo.Result(&metrics.Result{Participants: a.Result.Participants}).Participants
	r.Returning = make([]string, len(a.Result.Returning))
	for i, u := range a.Result.Returning {
		r.Returning[i] = pseudo.Name(u)
	}
	r.FirstEvent = map[string]string{}
	for u, c := range a.Result.FirstEvent {
		r.FirstEvent[pseudo.Name(u)] = c
	}
	return d, &r
}

func pseudoName(p *report.Pseudonymizer, name string) string {
	if p == nil {
		return name
	}
	return p.Name(name)
}
