package engagement

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/go-gota/gota/dataframe"

	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/nb"
	"example.com/engagement/engagement/report"
	"example.com/engagement/engagement/study"
)

// An Option configures a Session.
type Option func(*Session) error

// WithConfig sets how Wikimedia is reached: contact, cache, offline,
// endpoints, HTTP client, CentralAuth. Later options override its fields.
func WithConfig(cfg Config) Option {
	return func(s *Session) error { s.cfg = cfg; return nil }
}

// WithContact sets the email address or user page sent in the User-Agent
// Wikimedia requires for live runs.
func WithContact(contact string) Option {
	return func(s *Session) error { s.cfg.Contact = contact; return nil }
}

// WithCacheDir keeps the Dashboard's and the API's answers in dir, so that
// opening, fetching and analysing again sends no request ("" = no cache).
func WithCacheDir(dir string) Option {
	return func(s *Session) error { s.cfg.CacheDir = dir; return nil }
}

// WithOffline answers from the cache only; a miss is an error.
func WithOffline(offline bool) Option {
	return func(s *Session) error { s.cfg.Offline = offline; return nil }
}

// WithRefresh asks the Dashboard again even when its answers are cached
// (a live course that changed). The API's answers stay cached.
func WithRefresh(refresh bool) Option {
	return func(s *Session) error { s.dash.Refresh = refresh; return nil }
}

// WithAsOf sets the instant observed up to (default: the event's own
// as-of: the sample's, or now for a live event).
func WithAsOf(t time.Time) Option {
	return func(s *Session) error { s.asOf, s.asOfSet = t.UTC(), true; return nil }
}

// WithAsOfDate is WithAsOf for "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ";
// "" keeps the default.
func WithAsOfDate(date string) Option {
	return func(s *Session) error {
		if date == "" {
			return nil
		}
		t, err := ParseAsOf(date)
		if err != nil {
			return &SettingError{Setting: SettingAsOf, Err: err}
		}
		s.asOf, s.asOfSet = t, true
		return nil
	}
}

// WithLookbackDays sets how many days before the start a registration makes
// a participant new (default 14).
func WithLookbackDays(days int) Option {
	return func(s *Session) error {
		if days < 0 {
			return &SettingError{Setting: SettingLookbackDays, Err: fmt.Errorf("look-back of %d days: want 0 or more", days)}
		}
		s.lookback = &days
		return nil
	}
}

// WithLongTermEdits sets the edits before the start from which an
// experienced participant is long-term (default 500).
func WithLongTermEdits(edits int) Option {
	return func(s *Session) error {
		if edits < 1 {
			return &SettingError{Setting: SettingLongTermEdits, Err: fmt.Errorf("long-term threshold of %d edits: want 1 or more", edits)}
		}
		s.longTerm = &edits
		return nil
	}
}

// WithProgress receives the fetch's progress.
func WithProgress(f func(mwapi.Progress)) Option {
	return func(s *Session) error { s.progress, s.progressBar = f, false; return nil }
}

// WithDataFrom makes Fetch re-read a previous run's contributions.csv and
// accounts.csv from dir (see LoadData) instead of asking Wikimedia.
func WithDataFrom(dir string) Option {
	return func(s *Session) error { s.from = dir; return nil }
}

// ParseAsOf parses "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SSZ" or RFC 3339 as UTC.
func ParseAsOf(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05Z", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("as-of %q: want YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ", s)
}

// A Session is one event held open for analysis: a notebook opens it in
// every cell, a program once. The Dashboard's and the API's answers are
// kept under the cache folder, so opening, fetching and analysing again
// costs milliseconds and sends no request, and a live course can be
// analysed again offline. Its methods use the context given to Open.
type Session struct {
	ctx  context.Context
	cfg  Config
	dash *mwapi.AnswerCache
	ev   *Event
	asOf time.Time
	// asOfSet is true when the user chose the as-of; otherwise openAsOf is
	// the default Open chose, which the fetch may lower (see settleAsOf).
	asOfSet  bool
	openAsOf time.Time
	lookback *int
	longTerm *int
	progress func(mwapi.Progress)
	// progressDone finishes the progress bar of WithProgressBar.
	progressDone func(summary string)
	// progressBar is true when the progress is WithProgressBar's, drawn in
	// the session's language once every option is read.
	progressBar bool
	from        string
	reading     *dataset.Reading // contributions.csv of from, read since Open
	data        *Data
	// baseline, when set, adds comparable newcomers to every analysis;
	// baselines holds them by look-back.
	baseline  *BaselineOptions
	baselines map[time.Duration]*Baseline
	lang      string // WithLanguage's code, "" for English
}

// Open loads the event (Sample, a Dashboard course URL or slug, or a folder
// of downloaded Dashboard files) and preprocesses its participants.
// Errors a setting fixes are *SettingError.
func Open(ctx context.Context, course string, opts ...Option) (*Session, error) {
	s, err := newSession(ctx, opts)
	if err != nil {
		return nil, err
	}
	if s.from != "" { // the largest file, read while the event loads
		s.reading = dataset.StartReading(s.from)
	}
	ev, err := study.LoadEventVia(ctx, s.cfg, course, s.dash)
	if err != nil {
		return nil, err
	}
	s.ev = ev
	if err := s.initAsOf(ev.AsOf); err != nil {
		return nil, err
	}
	return s, nil
}

// initAsOf sets the default as-of, def(now), unless the user chose one;
// a chosen as-of in the future is refused.
func (s *Session) initAsOf(def func(now time.Time) time.Time) error {
	now := time.Now().UTC()
	if !s.asOfSet {
		s.asOf = def(now)
		s.openAsOf = s.asOf
		return nil
	}
	if s.asOf.After(now) {
		return &SettingError{Setting: SettingAsOf, Err: fmt.Errorf("as-of %s is in the future (it is now %s): the months until then would count as months nobody edited; set it to now or earlier",
			s.asOf.Format(time.RFC3339), now.Format(time.RFC3339))}
	}
	return nil
}

// newSession applies the options to a session with nothing loaded yet.
func newSession(ctx context.Context, opts []Option) (*Session, error) {
	s := &Session{ctx: ctx, dash: study.DashboardCache("", false)}
	for _, o := range opts {
		if err := o(s); err != nil {
			return nil, err
		}
	}
	if s.progressBar { // the language may be set after WithProgressBar
		s.progress, s.progressDone = ProgressBarIn(reportLanguage(s.lang), os.Stderr)
	}
	s.dash.Dir, s.dash.Offline = s.cfg.CacheDir, s.cfg.Offline
	return s, nil
}

// Event returns the loaded and preprocessed event.
func (s *Session) Event() *Event { return s.ev }

// EventSummary is the course's facts and the Dashboard's own totals, in
// Markdown and in the session's language (nb.EventSummary).
func (s *Session) EventSummary() string { return nb.EventSummary(reportLanguage(s.lang), s.ev) }

// Config returns how the session reaches Wikimedia.
func (s *Session) Config() Config { return s.cfg }

// AsOf returns the instant the session observes up to.
func (s *Session) AsOf() time.Time { return s.asOf }

// Fetch returns the participants' accounts and contributions: asked of
// Wikimedia (or its cache) the first time, the same Data after that. A
// partial fetch returns its Data with the failures in Data.Failures.
func (s *Session) Fetch() (*Data, error) {
	if s.data != nil {
		return s.data, nil
	}
	var d *Data
	var err error
	if s.from != "" {
		r := s.reading
		if s.reading = nil; r == nil { // a second try reads the folder again
			r = dataset.StartReading(s.from)
		}
		if d, err = study.LoadEventDataFrom(s.from, r, s.ev); err == nil {
			err = s.settleAsOf(d, s.ev.IsSample)
		}
	} else {
		if err := s.cfg.RequireContact(s.ev.IsSample); err != nil {
			return nil, err
		}
		d, err = study.Enrich(s.ctx, s.cfg, s.ev, s.progress)
		if d != nil && s.progressDone != nil {
			s.progressDone(requestsText(reportLanguage(s.lang), d.Stats))
		}
		if err == nil {
			err = s.settleAsOf(d, s.ev.IsSample)
		}
		if err == nil {
			err = s.fetchViews(d)
		}
	}
	if err != nil {
		return d, err
	}
	s.data = d
	return d, nil
}

// settleAsOf settles the session's as-of against the instant up to which
// d is known (study.SettleAsOf).
func (s *Session) settleAsOf(d *Data, isSample bool) error {
	asOf, err := study.SettleAsOf(s.asOf, s.asOfSet, d, isSample, s.from)
	if err == nil {
		s.asOf = asOf
	}
	return err
}

// paramsFor returns p with the settled as-of when p was taken before the
// fetch settled it, and refuses an as-of after the instant d is known up
// to.
func (s *Session) paramsFor(p metrics.Params, d *Data, isSample bool) (metrics.Params, error) {
	if !s.asOfSet && p.AsOf.Equal(s.openAsOf) {
		p.AsOf = s.asOf
	}
	return p, study.CheckAsOf(p.AsOf, d, isSample)
}

// fetchViews fetches the page views of the pages the participants (those
// not left out by the roster) created during the event, from its start to
// the as-of, into d.Views. A page whose views could not be fetched is
// noted in d.Views.Failed; a client that cannot be made is a note in
// d.Notes. Only a cancelled context fails.
func (s *Session) fetchViews(d *Data) error {
	c, err := s.cfg.Client(s.ev.IsSample)
	if err != nil {
		d.Notes = append(d.Notes, i18n.Msg("engagement-note-views-failed", err.Error()))
		return nil
	}
	v, err := study.FetchViews(s.ctx, c, eventCreatedPages(d, s.ev), s.ev.Course.Start, s.asOf)
	d.ViewStats = c.Stats()
	if err != nil {
		return err
	}
	d.Views = v
	return nil
}

// views returns the page views of the pages res counts, when they were
// fetched for res's as-of; nil otherwise.
func views(d *Data, res *metrics.Result) *report.PageViews {
	if d.Views == nil || !d.Views.End.Equal(res.Params.AsOf.UTC().Truncate(24*time.Hour).AddDate(0, 0, -1)) {
		return nil
	}
	return viewsFor(d.Views, study.CreatedPages(d, res))
}

// Params returns the default parameters with the session's as-of,
// look-back and long-term threshold: change a field and pass it to Analyze.
func (s *Session) Params() metrics.Params {
	p := metrics.DefaultParams(s.asOf)
	if s.lookback != nil {
		p.NewEditorLookback = time.Duration(*s.lookback) * 24 * time.Hour
	}
	if s.longTerm != nil {
		p.LongTermEdits = *s.longTerm
	}
	return p
}

// Analyze fetches (see Fetch; and the baseline for p's new-editor window,
// see Baseline, when the session asks for one), then computes every metric
// with p, which asks nothing of the network. Each frame
// in only narrows the analysis, with the same definitions: a participants
// frame (e.g. Analysis.Participants filtered to new editors) to those
// participants, a contributions frame (e.g. OnWiki(a.Contributions(),
// "en.wikipedia.org")) to those contributions.
func (s *Session) Analyze(p metrics.Params, only ...dataframe.DataFrame) (*Analysis, error) {
	d, err := s.Fetch()
	if err != nil {
		return nil, err
	}
	if p, err = s.paramsFor(p, d, s.ev.IsSample); err != nil {
		return nil, err
	}
	ev := s.ev
	for _, df := range only {
		if ev, d, err = restrict(ev, d, df); err != nil {
			return nil, err
		}
	}
	var b *Baseline
	if s.baseline != nil {
		if b, err = s.baselineFor(p); err != nil {
			return nil, err
		}
	}
	return analyze(ev, d, p, b, s.runSettings())
}

// analyze computes every metric of ev with p, and the baseline's rows
// beside the new editors' when b is set. It asks nothing of the network:
// the data and the baseline are fetched before.
func analyze(ev *Event, d *Data, p metrics.Params, b *Baseline, settings runSettings) (*Analysis, error) {
	res, err := study.Analyze(ev, d, p)
	if err != nil {
		return nil, fmt.Errorf("computing the metrics: %w", err)
	}
	a := &Analysis{Event: ev, Data: d, Result: res, Params: p, Views: views(d, res), settings: settings}
	if b == nil {
		return a, nil
	}
	return a, a.addBaseline(b)
}

// Analysis computes every metric with the session's parameters (Params).
func (s *Session) Analysis() (*Analysis, error) { return s.Analyze(s.Params()) }

// Requests counts what the session asked of the network and of its cache.
type Requests struct {
	Dashboard, DashboardCached int // the Dashboard's answers
	API, APICached             int // the MediaWiki API's answers (Fetch)
}

// Total returns the requests sent over the network.
func (r Requests) Total() int { return r.Dashboard + r.API }

func (r Requests) String() string {
	return fmt.Sprintf("%d requests (Dashboard %d, Wikimedia API %d); %d answers from the cache",
		r.Total(), r.Dashboard, r.API, r.DashboardCached+r.APICached)
}

// Requests returns what the session has asked so far.
func (s *Session) Requests() Requests {
	r := Requests{Dashboard: s.dash.Sent(), DashboardCached: s.dash.Hits()}
	if s.data != nil {
		r.API, r.APICached = s.data.Stats.Requests+s.data.ViewStats.Requests, s.data.Stats.CacheHits+s.data.ViewStats.CacheHits
	}
	for _, b := range s.baselines {
		r.API, r.APICached = r.API+b.Stats.Requests, r.APICached+b.Stats.CacheHits
	}
	return r
}
