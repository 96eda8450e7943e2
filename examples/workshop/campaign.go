package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/metrics"
)

// runCampaign analyses a campaign folder: every person fetched once per
// wiki, each event's own metrics in events.csv, the combined campaign in
// metrics.csv and participants.csv.
func runCampaign(ctx context.Context, o *options, stdout io.Writer) error {
	c, err := engagement.LoadCampaignDir(ctx, o.campaign)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Campaign %s: %d events\n", c.Slug, len(c.Events))
	cfg := engagement.Config{Contact: o.contact, CacheDir: o.cache, Offline: o.offline, Endpoints: o.api, CentralAuth: o.centralAuth}
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
