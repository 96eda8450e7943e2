package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/metrics"
)

// runCampaign analyses a campaign (a Dashboard campaign URL or slug, or a
// folder): every person fetched once per wiki, each event's own metrics in
// events.csv, the combined campaign in metrics.csv and participants.csv. A
// course that cannot be loaded is named and left out; the run then ends
// with the partial status.
func runCampaign(ctx context.Context, o *options, stdout io.Writer) error {
	cfg := engagement.Config{Contact: o.contact, CacheDir: o.cache, Offline: o.offline, Endpoints: o.api, CentralAuth: o.centralAuth, MaxContributions: o.maxContribs}
	c, err := engagement.LoadCampaign(ctx, cfg, o.campaign)
	if err != nil {
		return withFlag(err)
	}
	fmt.Fprintf(stdout, "Campaign %s: %d events\n", c.Slug, len(c.Events))
	for _, f := range c.Failed {
		fmt.Fprintf(stdout, "⚠ left out: %v\n", f)
	}
	d, err := c.Enrich(ctx, cfg)
	if err != nil {
		return err
	}
	asOf := time.Now().UTC().Truncate(time.Second)
	if o.asOf != "" {
		if asOf, err = engagement.ParseAsOf(o.asOf); err != nil {
			return err
		}
	}
	p := metrics.DefaultParams(asOf)
	p.NewEditorLookback = time.Duration(o.lookback) * 24 * time.Hour
	p.LongTermEdits = o.longTerm
	r, err := c.Analyze(d, p)
	if err != nil {
		return err
	}
	for _, e := range r.Events {
		fmt.Fprintf(stdout, "  %s: %s\n", e.Course, headline(e.Result.Rows))
	}
	fmt.Fprintf(stdout, "  combined: %s; %d returning participants\n", headline(r.Combined), len(r.Returning))
	paths, err := engagement.WriteCampaignOutputs(o.out, d, r)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "As of %s. Wrote:\n", asOf.Format(time.RFC3339))
	for _, p := range paths {
		fmt.Fprintln(stdout, " ", p)
	}
	if len(c.Failed) > 0 {
		return fmt.Errorf("%w: %d of %d courses could not be loaded and are left out of every number: run again to retry them (what was loaded is cached)", errPartial, len(c.Failed), len(c.Failed)+len(c.Events))
	}
	return nil
}

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
