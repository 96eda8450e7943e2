package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/report"
)

// runCampaign analyses a campaign (a Dashboard campaign URL or slug, a
// folder, or the sample): every person fetched once per wiki, the events
// side by side, the returning participants, each event's own metrics in
// events.csv, the combined campaign in metrics.csv and participants.csv,
// and report.html. A course that cannot be loaded is named and left out,
// and the run ends with the partial status, as when some people's data
// could not be fetched.
func runCampaign(ctx context.Context, o *options, stdout, stderr io.Writer) error {
	if o.baseline {
		return fmt.Errorf("-baseline compares one event's new editors with comparable newcomers; it does not apply to -campaign: run it with -course for each event")
	}
	cs, err := engagement.OpenCampaign(ctx, o.campaign, sessionOptions(o, stderr)...)
	if err != nil {
		return withFlag(err)
	}
	var names []string
	for _, ev := range cs.Campaign().Events {
		names = append(names, eventNames(ev)...)
	}
	return redacted(o.pseudonymize, names, analyseCampaign(o, cs, stdout))
}

// analyseCampaign analyses the opened campaign, prints what it found and
// writes the outputs.
func analyseCampaign(o *options, cs *engagement.CampaignSession, stdout io.Writer) error {
	c := cs.Campaign()
	fmt.Fprintf(stdout, "Campaign %s: %d events\n", c.Slug, len(c.Events))
	for _, f := range c.Failed {
		fmt.Fprintf(stdout, "⚠ left out: %v\n", f)
	}
	a, err := cs.Analysis()
	if err != nil {
		return withFlag(err)
	}
	var pseudo *report.Pseudonymizer
	if o.pseudonymize { // the same pseudonyms on stdout as in the files
		pseudo = a.Pseudonymizer()
	}
	if s := a.PseudonymizedData(pseudo).FailureSummary(); s != "" {
		fmt.Fprint(stdout, s)
	}
	printComparison(stdout, a, pseudo)
	paths, err := a.ShareAs(o.out, pseudo)
	if err != nil {
		return err
	}
	printWritten(stdout, a.Params.AsOf, paths)
	var partial []string
	if n := len(c.Failed); n > 0 {
		partial = append(partial, fmt.Sprintf("%d of %d courses could not be loaded and are left out of every number", n, n+len(c.Events)))
	}
	if b := engagement.Banner(a.Combined()); b != "" {
		partial = append(partial, b)
	}
	if len(partial) > 0 {
		return fmt.Errorf("%w: %s; run again to fetch what failed (what was fetched is cached)", errPartial, strings.Join(partial, "; "))
	}
	return nil
}

// printComparison prints the events side by side, the combined campaign's
// headline and the returning participants.
func printComparison(w io.Writer, a *engagement.CampaignAnalysis, pseudo *report.Pseudonymizer) {
	tw := tabwriter.NewWriter(w, 2, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\nevent\tparticipants\tnew\talso elsewhere\tnew editors editing 7/30/90+ days after")
	for _, e := range a.Compare() {
		if e.Failed != "" {
			fmt.Fprintf(tw, "%s\t—\t—\t—\tcould not be loaded\n", e.Title)
			continue
		}
		var ret []string
		for _, r := range e.Retention {
			if r.Empty {
				ret = append(ret, "—")
			} else {
				ret = append(ret, fmt.Sprintf("%d of %d", r.Numerator, r.Denominator))
			}
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\n", e.Title, e.Participants, e.NewEditors, e.Returning, strings.Join(ret, " / "))
	}
	tw.Flush()
	fmt.Fprintf(w, "combined: %s; %d returning participants\n", headline(a.Result.Combined), len(a.Result.Returning))
	for _, n := range a.CombinedNotes(pseudo) {
		fmt.Fprintf(w, "  %s\n", n)
	}
	people := a.ReturningPeople()
	for i, p := range people {
		if i == maxListed {
			fmt.Fprintf(w, "  … and %d more (returning.csv lists them all)\n", len(people)-maxListed)
			break
		}
		name := p.Username
		if pseudo != nil {
			name = pseudo.Name(name)
		}
		fmt.Fprintf(w, "  %s: %d events\n", name, len(p.Courses))
	}
}

// maxListed is how many returning people the summary names.
const maxListed = 20

// headline is one line: participants and 7-day retention of new editors.
func headline(rows []metrics.Row) string {
	parts, ret := "—", "—"
	for _, r := range rows {
		switch {
		case r.Metric == metrics.MetricParticipants && r.Segment == metrics.SegmentAll:
			parts = fmt.Sprint(r.Value)
		case r.Metric == metrics.RetentionMetric(7) && r.Segment == metrics.SegmentNew && !r.Empty:
			ret = fmt.Sprintf("%d of %d", r.Numerator, r.Denominator)
		}
	}
	return fmt.Sprintf("%s participants, new editors still editing after 7 days: %s", parts, ret)
}
