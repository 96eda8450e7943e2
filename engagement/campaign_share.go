package engagement

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/report"
)

// Files a campaign's analysis writes beside those of WriteCampaignOutputs.
const (
	ComparisonFile = "comparison.csv"
	ReturningFile  = "returning.csv"
	CampaignChart  = "events.png"
)

// Share writes every output of the campaign into dir, as the example
// program does: events.csv, metrics.csv, participants.csv and the data
// files (WriteCampaignOutputs), comparison.csv (the events side by side),
// returning.csv (who came back), events.png, report.html and report.wikitext
// (for the campaign's page on Meta-Wiki; no usernames). With
// pseudonymize, usernames become stable pseudonyms (a fresh key per call)
// in every file. It returns the paths written, the report first.
func (a *CampaignAnalysis) Share(dir string, pseudonymize bool) ([]string, error) {
	data, res := a.Data, a.Result
	var pseudo *report.Pseudonymizer
	if pseudonymize {
		pseudo = report.NewPseudonymizer(report.RandomKey())
		pseudo.Learn(a.names()...)
		data, res = a.pseudonymized(pseudo)
	}
	paths, err := WriteCampaignOutputs(dir, data, res)
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
	}{{ComparisonFile, comparisonRecords(compared)}, {ReturningFile, returningRecords(returning)}} {
		p := filepath.Join(dir, file.name)
		if err := writeCSV(p, file.recs); err != nil {
			return paths, err
		}
		paths = append(paths, p)
	}
	in := a.reportInput(compared, returning, pseudo, res)
	if fig, err := a.ChartFigure(); err == nil {
		png, err := fig.PNG()
		var narrow []byte
		if err == nil {
			narrow, err = fig.NarrowPNG()
		}
		if err == nil {
			p := filepath.Join(dir, CampaignChart)
			if err := os.WriteFile(p, png, 0o644); err != nil {
				return paths, fmt.Errorf("saving %s: %w", p, err)
			}
			paths = append(paths, p)
			in.Figure = &report.Figure{Title: "The events side by side", Caption: "Each row is an event; each point the share of its new editors who edited again that many days after its end, or later, with its 95% interval. A window not yet observable has no point.", PNG: png, Narrow: narrow}
		} else {
			in.Notes = append(in.Notes, "Chart left out: "+err.Error())
		}
	} else {
		in.Notes = append(in.Notes, "Chart left out: "+err.Error())
	}
	p := filepath.Join(dir, "report.html")
	f, err := os.Create(p)
	if err != nil {
		return paths, err
	}
	if err := report.WriteCampaignHTML(f, in); err != nil {
		f.Close()
		return paths, fmt.Errorf("writing %s: %w", p, err)
	}
	if err := f.Close(); err != nil {
		return paths, fmt.Errorf("writing %s: %w", p, err)
	}
	paths = append([]string{p}, paths...)
	var wt bytes.Buffer
	if err := report.WriteCampaignWikitext(&wt, in); err != nil {
		return paths, fmt.Errorf("writing the campaign's wikitext: %w", err)
	}
	wp := filepath.Join(dir, "report.wikitext")
	if err := os.WriteFile(wp, wt.Bytes(), 0o644); err != nil {
		return paths, fmt.Errorf("saving %s: %w", wp, err)
	}
	return append(paths, wp), nil
}

// reportInput gathers what the campaign's report shows; res is the result
// as written (pseudonymised or not).
func (a *CampaignAnalysis) reportInput(compared []ComparedEvent, returning []ReturningPerson, pseudo *report.Pseudonymizer, res *metrics.CampaignResult) report.CampaignInput {
	title := map[string]string{}
	in := report.CampaignInput{Title: a.Campaign.Title, URL: a.Campaign.URL, Version: Version, Pseudonyms: pseudo != nil, Notes: slices.Clone(a.Data.Notes),
		Combined: &metrics.Result{Rows: res.Combined, Participants: res.Participants, Params: a.Params}}
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
	in.Stats = fmt.Sprintf("Dashboard: %d requests, %d answers from the cache. Wikimedia API: %s", sent, cached, a.Data.Stats.String())
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
		out = append(out, facilitators(ev.Users)...)
	}
	for _, acc := range a.Data.Accounts {
		out = append(out, acc.Username)
	}
	return out
}

// pseudonymized returns copies of the data and the result with every
// username replaced.
func (a *CampaignAnalysis) pseudonymized(pseudo *report.Pseudonymizer) (*Data, *metrics.CampaignResult) {
	d := *a.Data
	d.Contributions, d.Accounts = pseudo.Table(a.Data.Contributions), pseudo.Accounts(a.Data.Accounts)
	d.Failures = slices.Clone(a.Data.Failures)
	for i := range d.Failures {
		d.Failures[i].Username = pseudo.Name(d.Failures[i].Username)
	}
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
	return &d, &r
}

func pseudoName(p *report.Pseudonymizer, name string) string {
	if p == nil {
		return name
	}
	return p.Name(name)
}

func writeCSV(path string, recs [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	if err := w.WriteAll(recs); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return f.Close()
}
