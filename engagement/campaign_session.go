package engagement

import (
	"context"
	"fmt"
	"time"

	"example.com/engagement/engagement/dashboard"
	"example.com/engagement/engagement/frame"
	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/report"
	"example.com/engagement/engagement/study"
	"github.com/go-gota/gota/dataframe"
)

// CampaignSession is a campaign held open for analysis, as Session is for
// one event: a notebook opens it in every cell, a program once. The
// Dashboard's and the API's answers are kept under the cache folder, so
// opening, fetching and analysing again sends no request.
type CampaignSession struct {
	s    *Session // the options, the configuration and the Dashboard's cache
	c    *Campaign
	data *Data
}

// OpenCampaign loads a campaign (Sample, a Dashboard campaign URL or slug,
// or a folder; see LoadCampaign) with the options of Open: WithContact,
// WithCacheDir, WithOffline, WithRefresh, WithAsOf(Date), WithLookbackDays,
// WithLongTermEdits, WithProgress(Bar), WithDataFrom (a previous run's
// folder). Errors a setting fixes are *SettingError.
func OpenCampaign(ctx context.Context, src string, opts ...Option) (*CampaignSession, error) {
	s, err := newSession(ctx, opts)
	if err != nil {
		return nil, err
	}
	c, err := study.LoadCampaignVia(ctx, s.cfg, src, s.dash)
	if err != nil {
		return nil, err
	}
	if err := s.initAsOf(c.AsOf); err != nil {
		return nil, err
	}
	return &CampaignSession{s: s, c: c}, nil
}

// Campaign returns the loaded campaign.
func (cs *CampaignSession) Campaign() *Campaign { return cs.c }

// AsOf returns the instant the session observes up to.
func (cs *CampaignSession) AsOf() time.Time { return cs.s.asOf }

// Params returns the default parameters with the session's as-of,
// look-back and long-term threshold.
func (cs *CampaignSession) Params() metrics.Params { return cs.s.Params() }

// Fetch returns every person's accounts and contributions, each person
// fetched once per wiki of any event: asked the first time, the same Data
// after that.
func (cs *CampaignSession) Fetch() (*Data, error) {
	if cs.data != nil {
		return cs.data, nil
	}
	s := cs.s
	var d *Data
	var err error
	if s.from != "" {
		d, err = study.LoadData(s.from)
	} else {
		if err := s.cfg.RequireContact(cs.c.IsSample); err != nil {
			return nil, err
		}
		d, err = cs.c.EnrichWith(s.ctx, s.cfg, s.progress)
		if d != nil && s.progressDone != nil {
			s.progressDone(d.Stats.String())
		}
	}
	if err == nil {
		err = s.settleAsOf(d, cs.c.IsSample)
	}
	if err == nil && s.from == "" {
		err = cs.fetchViews(d)
	}
	if err != nil {
		return d, err
	}
	cs.data = d
	return d, nil
}

// fetchViews fetches, into d.Views, the page views of the pages each
// event's participants (those its roster does not leave out) created
// during it, from the first event's start to the as-of: a page created
// later had no views before. As for an event, a page whose views could
// not be fetched is noted in d.Views.Failed and a client that cannot be
// made is a note; only a cancelled context fails.
func (cs *CampaignSession) fetchViews(d *Data) error {
	c, err := cs.s.cfg.Client(cs.c.IsSample)
	if err != nil {
		d.Notes = append(d.Notes, i18n.Msg("engagement-note-views-failed", err.Error()))
		return nil
	}
	var pages []CreatedPage
	var start time.Time
	for _, ev := range cs.c.Events {
		pages = append(pages, eventCreatedPages(d, ev)...)
		if start.IsZero() || ev.Course.Start.Before(start) {
			start = ev.Course.Start
		}
	}
	v, err := study.FetchViews(cs.s.ctx, c, pages, start, cs.s.asOf)
	d.ViewStats = c.Stats()
	if err != nil {
		return err
	}
	d.Views = v
	return nil
}

// eventCreatedPages lists the content pages the participants of ev that
// its roster does not leave out created during it.
func eventCreatedPages(d *Data, ev *Event) []CreatedPage {
	in := map[string]bool{}
	for _, p := range ev.Participants {
		if p.Excluded == dashboard.NotExcluded {
			in[p.Username] = true
		}
	}
	return study.CreatedPagesBy(d, ev.MetricsEvent(), in)
}

// Analyze fetches (see Fetch) and computes each event's metrics and the
// combined campaign's with p.
func (cs *CampaignSession) Analyze(p metrics.Params) (*CampaignAnalysis, error) {
	d, err := cs.Fetch()
	if err != nil {
		return nil, err
	}
	if p, err = cs.s.paramsFor(p, d, cs.c.IsSample); err != nil {
		return nil, err
	}
	r, err := cs.c.Analyze(d, p)
	if err != nil {
		return nil, fmt.Errorf("computing the campaign's metrics: %w", err)
	}
	return &CampaignAnalysis{Campaign: cs.c, Data: d, Result: r, Params: p, settings: cs.s.runSettings()}, nil
}

// Analysis computes every metric with the session's parameters (Params).
func (cs *CampaignSession) Analysis() (*CampaignAnalysis, error) { return cs.Analyze(cs.Params()) }

// Requests returns what the session has asked so far.
func (cs *CampaignSession) Requests() Requests {
	r := Requests{Dashboard: cs.s.dash.Sent(), DashboardCached: cs.s.dash.Hits()}
	if cs.data != nil {
		r.API, r.APICached = cs.data.Stats.Requests+cs.data.ViewStats.Requests, cs.data.Stats.CacheHits+cs.data.ViewStats.CacheHits
	}
	return r
}

// CampaignAnalysis is a computed campaign: each event's own analysis and
// the combined campaign's.
type CampaignAnalysis struct {
	Campaign *Campaign
	Data     *Data
	Result   *metrics.CampaignResult
	// Params are the parameters Result was computed with.
	Params metrics.Params
	// settings are the session's settings run.json records.
	settings runSettings
}

// Combined returns the combined campaign as one result: its rows, each
// person once, the parameters.
func (a *CampaignAnalysis) Combined() *metrics.Result {
	return &metrics.Result{Rows: a.Result.Combined, Participants: a.Result.Participants, Params: a.Params}
}

// Headline is the combined campaign's headline numbers, the measures and
// details in the session's language (WithLanguage), as Analysis.Headline.
func (a *CampaignAnalysis) Headline() dataframe.DataFrame {
	return headlineFrame(reportLanguage(a.settings.language), a.Combined())
}

// Metrics is every metric of the combined campaign (the campaign's
// metrics.csv); is_share says whether value is a share or a count.
func (a *CampaignAnalysis) Metrics() dataframe.DataFrame { return frame.Metrics(a.Combined()) }

// Views returns the page views of the pages the campaign counts: those
// created during each event by its participants left in the numbers, when
// they were fetched up to the day before the as-of (nil otherwise: a
// folder without pageviews.csv, or a different as-of).
func (a *CampaignAnalysis) Views() *report.PageViews {
	v := a.Data.Views
	if v == nil || !v.End.Equal(a.Params.AsOf.UTC().Truncate(24*time.Hour).AddDate(0, 0, -1)) {
		return nil
	}
	var pages []CreatedPage
	for _, ev := range a.Campaign.Events {
		if r := a.eventResult(ev.Course.Slug); r != nil {
			pages = append(pages, study.CreatedPages(a.Data, r)...)
		}
	}
	return viewsFor(v, pages)
}
