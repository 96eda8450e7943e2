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
func runCampaign(ctx context.Context, o *options, sy say, stdout, stderr io.Writer) error {
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
	return redacted(o.pseudonymize, names, analyseCampaign(o, sy, cs, stdout))
}

// analyseCampaign analyses the opened campaign, prints what it found and
// writes the outputs.
func analyseCampaign(o *options, sy say, cs *engagement.CampaignSession, stdout io.Writer) error {
	c := cs.Campaign()
	fmt.Fprintln(stdout, sy.T("engagement-summary-campaign", c.Slug, len(c.Events), sy.num(len(c.Events))))
	for _, f := range c.Failed {
		fmt.Fprintln(stdout, sy.T("engagement-summary-campaign-left-out", fmt.Sprint(f)))
	}
	a, err := cs.Analysis()
	if err != nil {
		return withFlag(err)
	}
	var pseudo *report.Pseudonymizer
	if o.pseudonymize { // the same pseudonyms on stdout as in the files
		pseudo = a.Pseudonymizer()
	}
	fmt.Fprint(stdout, sy.failures(a.PseudonymizedData(pseudo)))
	printComparison(stdout, sy, a, pseudo)
	paths, err := a.ShareAs(o.out, pseudo)
	if err != nil {
		return err
	}
	printWritten(stdout, sy, a.Params.AsOf, paths)
	var partial []string
	if n := len(c.Failed); n > 0 {
		partial = append(partial, sy.count("engagement-summary-campaign-partial-courses", n, n+len(c.Events), sy.num(n+len(c.Events))))
	}
	if b := report.IncompleteBannerIn(sy.l, a.Combined()); b != "" {
		partial = append(partial, b)
	}
	if len(partial) > 0 {
		return fmt.Errorf("%w: %s", errPartial, sy.T("engagement-summary-campaign-partial", strings.Join(partial, "; ")))
	}
	return nil
}

// printComparison prints the events side by side, the combined campaign's
// headline and the returning participants.
func printComparison(w io.Writer, sy say, a *engagement.CampaignAnalysis, pseudo *report.Pseudonymizer) {
	tw := tabwriter.NewWriter(w, 2, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "\n%s\t%s\t%s\t%s\t%s\n", sy.T("engagement-col-event"), sy.T("engagement-col-participants"), sy.T("engagement-segment-new"),
		sy.T("engagement-summary-campaign-col-also"), sy.T("engagement-summary-campaign-col-retention", "7/30/90"))
	for _, e := range a.Compare() {
		if e.Failed != "" {
			fmt.Fprintf(tw, "%s\t—\t—\t—\t%s\n", e.Title, sy.T("engagement-summary-campaign-not-loaded"))
			continue
		}
		var ret []string
		for _, r := range e.Retention {
			if r.Empty {
				ret = append(ret, "—")
			} else {
				ret = append(ret, sy.T("engagement-campaign-k-of-n", sy.num(r.Numerator), sy.num(r.Denominator)))
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", e.Title, sy.num(e.Participants), sy.num(e.NewEditors), sy.num(e.Returning), strings.Join(ret, " / "))
	}
	tw.Flush()
	fmt.Fprintln(w, sy.T("engagement-summary-campaign-combined", headline(sy, a.Result.Combined), len(a.Result.Returning), sy.num(len(a.Result.Returning))))
	for _, n := range a.CombinedNotes(pseudo) {
		fmt.Fprintf(w, "  %s\n", n)
	}
	people := a.ReturningPeople()
	for i, p := range people {
		if i == maxListed {
			fmt.Fprintf(w, "  %s\n", sy.T("engagement-summary-campaign-more", sy.num(len(people)-maxListed)))
			break
		}
		name := p.Username
		if pseudo != nil {
			name = pseudo.Name(name)
		}
		fmt.Fprintf(w, "  %s\n", sy.T("engagement-summary-campaign-person", name, len(p.Courses), sy.num(len(p.Courses))))
	}
}

// maxListed is how many returning people the summary names.
const maxListed = 20

// headline is one line: participants and 7-day retention of new editors.
func headline(sy say, rows []metrics.Row) string {
	parts, people, ret := "—", "—", "—"
	for _, r := range rows {
		switch {
		case r.Metric == metrics.MetricParticipants && r.Segment == metrics.SegmentAll:
			parts, people = fmt.Sprint(r.Value), sy.num(int(r.Value))
		case r.Metric == metrics.RetentionMetric(7) && r.Segment == metrics.SegmentNew && !r.Empty:
			ret = sy.T("engagement-campaign-k-of-n", sy.num(r.Numerator), sy.num(r.Denominator))
		}
	}
	return sy.T("engagement-summary-campaign-headline", parts, people, 7, ret)
}
