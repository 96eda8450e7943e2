package engagement

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"example.com/engagement/engagement/dashboard"
	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/report"
	"example.com/engagement/engagement/sample"
)

// Version is the library's version, recorded in reports.
const Version = "0.1.0"

// Sample names the embedded sample event in LoadEvent.
const Sample = "sample"

// Config says how to reach Wikimedia. The zero value works for the sample.
type Config struct {
	// Contact (an email address or URL) goes into the User-Agent that
	// Wikimedia requires for live runs.
	Contact string
	// CacheDir keeps API responses so a rerun makes no requests ("" = no cache).
	CacheDir string
	// Offline serves only from the cache.
	Offline bool
	// Endpoints overrides api.php URLs by wiki domain.
	Endpoints map[string]string
	// HTTPClient replaces the default HTTP client.
	HTTPClient *http.Client
	// CentralAuth takes registrations from global accounts
	// (meta.wikimedia.org), as Event Metrics does. It costs one request per
	// participant, so it is off by default: registrations then come from the
	// course wikis, which agree for accounts created on them.
	CentralAuth bool
	// MaxContributions caps the contributions fetched per participant and
	// wiki; a participant above it is left out as "data incomplete: more
	// than N contributions on WIKI". 0 means mwapi.DefaultMaxContributions.
	MaxContributions int
}

// UserAgent returns the User-Agent sent to Wikimedia: the program and the
// contact, "engagement/0.1.0 (me@example.org) Go-mwapi/0.1.0". Without a
// contact it has none (mwapi refuses it for a live client: see
// mwapi.ContactRule); only the sample's in-process answers need none.
func (c Config) UserAgent() string {
	if strings.TrimSpace(c.Contact) == "" {
		return fmt.Sprintf("engagement/%s Go-mwapi/%s", Version, Version)
	}
	return fmt.Sprintf("engagement/%s (%s) Go-mwapi/%s", Version, strings.TrimSpace(c.Contact), Version)
}

// requireContact is the SettingError of a live run (not the sample's)
// whose contact mwapi's one contact rule refuses (mwapi.RequireContact:
// none, or not an email address or URL); nil when none is needed or the
// contact is usable.
func (c Config) requireContact(sample bool) error {
	if sample {
		return nil
	}
	if err := mwapi.RequireContact(c.Contact, c.HTTPClient, c.Offline); err != nil {
		return &SettingError{Setting: SettingContact, Err: err}
	}
	return nil
}

// Event is a loaded and preprocessed event.
type Event struct {
	Source       string // "sample", the course URL or the folder
	Ref          dashboard.CourseRef
	Course       dashboard.Course
	Users        []dashboard.User    // enrolments (nil when loaded from a students CSV)
	Students     []dashboard.Student // students CSV rows, when present
	Articles     []dashboard.Article
	Participants []dashboard.Participant
	// IsSample marks the embedded sample; its API answers come from memory.
	IsSample bool
}

// LoadEvent loads an event: Sample, a Dashboard course URL or slug, or a
// folder holding course.json and users.json (or a students CSV), and
// preprocesses its participants. With cfg.CacheDir set, the Dashboard's
// answers are kept there, so loading the course again sends no request.
func LoadEvent(ctx context.Context, cfg Config, course string) (*Event, error) {
	return loadEvent(ctx, cfg, course, dashboardCache(cfg.CacheDir, cfg.Offline))
}

func loadEvent(ctx context.Context, cfg Config, course string, t *mwapi.AnswerCache) (*Event, error) {
	ev := &Event{Source: course}
	switch info, err := os.Stat(course); {
	case course == Sample || course == "":
		ev.Source, ev.IsSample = Sample, true
		t.Next = sample.Transport()
		ref, _ := dashboard.ParseCourse(sample.CourseURL)
		if err := ev.fetch(ctx, cfg, ref, t); err != nil {
			return nil, err
		}
	case err == nil && info.IsDir():
		f, err := dashboard.LoadDir(course)
		if err != nil {
			return nil, &SettingError{Setting: SettingCourse, Err: err}
		}
		ev.Course, ev.Users, ev.Students, ev.Articles = f.Course, f.Users, f.Students, f.Articles
		ev.Ref = dashboard.CourseRef{Base: "https://" + dashboard.OutreachHost, Slug: f.Course.Slug, ID: f.Course.ID}
	default:
		ref, err := dashboard.ParseCourse(course)
		if err != nil {
			return nil, &SettingError{Setting: SettingCourse, Err: err}
		}
		if err := cfg.requireContact(false); err != nil {
			return nil, err
		}
		if err := ev.fetch(ctx, cfg, ref, t); err != nil {
			if errors.Is(err, dashboard.ErrNotFound) {
				err = &SettingError{Setting: SettingCourse, Err: err}
			}
			return nil, err
		}
	}
	if err := ev.prepare(); err != nil {
		return nil, err
	}
	return ev, nil
}

// prepare preprocesses the loaded enrolments into participants and checks
// that the course makes an event.
func (ev *Event) prepare() error {
	if ev.Users != nil {
		ev.Participants = dashboard.Participants(ev.Users)
	} else {
		ev.Participants = dashboard.StudentParticipants(ev.Students)
	}
	if err := dashboard.RequireParticipants(ev.Course.Slug, ev.Participants); err != nil {
		return err
	}
	if ev.Course.End.Before(ev.Course.Start) || ev.Course.Start.IsZero() {
		return fmt.Errorf("course %s: start %s and end %s do not make an event window", ev.Course.Slug, ev.Course.Start, ev.Course.End)
	}
	return nil
}

// fetch asks the Dashboard for the course and its participants through t,
// which caches the answers. The articles list is not asked for: nothing
// reads it.
func (ev *Event) fetch(ctx context.Context, cfg Config, ref dashboard.CourseRef, t *mwapi.AnswerCache) error {
	dc, err := dashboardClient(cfg, t)
	if err != nil {
		return err
	}
	host := strings.TrimPrefix(strings.TrimPrefix(ref.Base, "https://"), "http://")
	if ref, err = dc.Resolve(ctx, ref); err != nil {
		return noNetwork(host, err, "%w")
	}
	ev.Ref = ref
	if ev.Course, err = dc.Course(ctx, ref); err != nil {
		return noNetwork(host, err, "loading the course: %w")
	}
	if ev.Users, err = dc.Users(ctx, ref); err != nil {
		return noNetwork(host, err, "loading the participants: %w")
	}
	return nil
}

// noNetwork returns mwapi's one no-network line when err says host could
// not be reached at all (its name did not resolve, or the network is
// unreachable), else err wrapped with format (one %w).
func noNetwork(host string, err error, format string) error {
	var dns *net.DNSError
	if errors.As(err, &dns) || errors.Is(err, syscall.ENETUNREACH) || errors.Is(err, syscall.EHOSTUNREACH) {
		return &mwapi.NoNetworkError{Wiki: host, Err: err}
	}
	return fmt.Errorf(format, err)
}

// dashboardCache returns the cache of the Dashboard's answers (mwapi's
// AnswerCache, checked by dashboard.CheckAnswer, capped at the Dashboard
// files' size) in dir.
func dashboardCache(dir string, offline bool) *mwapi.AnswerCache {
	return &mwapi.AnswerCache{Service: "the Dashboard", MaxBody: dashboard.MaxFileSize, Dir: dir, Offline: offline,
		Check: func(url string, body []byte) error { _, err := dashboard.CheckAnswer(url, body); return err }}
}

// dashboardClient returns a Dashboard client asking through t (which
// caches the answers), itself asking through cfg's HTTP client's transport.
func dashboardClient(cfg Config, t *mwapi.AnswerCache) (*dashboard.Client, error) {
	if t.Next == nil && cfg.HTTPClient != nil {
		t.Next = cfg.HTTPClient.Transport
	}
	timeout := 60 * time.Second
	if cfg.HTTPClient != nil && cfg.HTTPClient.Timeout > 0 {
		timeout = cfg.HTTPClient.Timeout
	}
	return dashboard.NewClient(dashboard.WithUserAgent(cfg.UserAgent()), dashboard.WithHTTPClient(&http.Client{Transport: t, Timeout: timeout}))
}

// AsOf returns the instant to analyse up to: the sample's fixed as-of, or
// now for a live event.
func (ev *Event) AsOf(now time.Time) time.Time {
	if ev.IsSample {
		return sample.AsOf
	}
	return now.UTC().Truncate(time.Second)
}

// MetricsEvent returns the event window and scope wikis.
func (ev *Event) MetricsEvent() metrics.Event {
	return metrics.Event{Start: ev.Course.Start, End: ev.Course.End, Wikis: ev.Course.Domains()}
}

// Data is everything fetched (or re-read) about the participants.
type Data struct {
	Accounts []metrics.Account
	// Contributions are held by column; Contributions.Rows() gives them as
	// a []metrics.Contribution, metrics.TableOf makes a table of a slice.
	Contributions     *metrics.Table
	ContentNamespaces map[string][]int
	// NamespaceNames maps wiki → namespace id → local name.
	NamespaceNames map[string]map[int]string
	Failures       []mwapi.UserFailure
	Notes          []string
	// Normalised lists what re-reading a previous run's files changed or
	// dropped (LoadData); shown beside the results so that a re-analysis
	// never changes numbers silently.
	Normalised dataset.Report
	Stats      mwapi.Stats
	// Views are the page views of the pages participants created during
	// the event, fetched with the contributions (nil when not fetched: a
	// re-analysis); ViewStats counts their requests.
	Views     *FetchedViews
	ViewStats mwapi.Stats
	// Fetched is the instant up to which the contributions are known: when
	// the fetch started, or when the oldest answer taken from the cache was
	// fetched, whichever is earlier (the sample's as-of for the sample); for
	// a re-analysis, its folder's run.json's (zero without one). An
	// analysis may not observe past it.
	Fetched time.Time
	// Run is the folder's run.json for a re-analysis (nil otherwise, or for
	// a folder written before run.json).
	Run *dataset.Run
	// source is the contributions.csv Contributions was read from, when
	// it can be copied instead of written again.
	source *dataset.Source
}

// NamespaceName returns the local name of a namespace ("(Main)" for 0).
func (d *Data) NamespaceName(wiki string, ns int) string {
	if ns == 0 {
		return "(Main)"
	}
	if n, ok := d.NamespaceNames[wiki][ns]; ok {
		return n
	}
	return fmt.Sprintf("ns %d", ns)
}

// IsContent reports whether a namespace of a wiki counts as content (from
// siteinfo; namespace 0 when unknown).
func (d *Data) IsContent(wiki string, ns int) bool {
	list, ok := d.ContentNamespaces[wiki]
	if !ok {
		return ns == 0
	}
	return slices.Contains(list, ns)
}

// Client returns the mwapi client the configuration describes.
func (c Config) Client(isSample bool) (*mwapi.Client, error) {
	opts := []mwapi.Option{mwapi.WithUserAgent(c.UserAgent())}
	switch {
	case isSample:
		opts = append(opts, mwapi.WithHTTPClient(&http.Client{Transport: sample.Transport()}))
	case c.HTTPClient != nil:
		opts = append(opts, mwapi.WithHTTPClient(c.HTTPClient))
	}
	for d, u := range c.Endpoints {
		opts = append(opts, mwapi.WithEndpoint(d, u))
	}
	if c.CacheDir != "" {
		opts = append(opts, mwapi.WithCache(c.CacheDir))
	}
	if c.Offline {
		opts = append(opts, mwapi.WithOffline(true))
	}
	if c.MaxContributions != 0 {
		opts = append(opts, mwapi.WithMaxContributions(c.MaxContributions))
	}
	return mwapi.NewClient(opts...)
}

// Enrich fetches every participant's account facts and contributions on the
// course wikis. Participants with invalid usernames are not asked for.
// Failures per user are in Data.Failures; what was fetched is kept.
func Enrich(ctx context.Context, cfg Config, ev *Event, progress func(mwapi.Progress)) (*Data, error) {
	if err := cfg.requireContact(ev.IsSample); err != nil {
		return nil, err
	}
	c, err := cfg.Client(ev.IsSample)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, p := range ev.Participants {
		if p.Excluded != dashboard.ExcludeInvalid {
			names = append(names, p.Username)
		}
	}
	started := time.Now().UTC()
	e, err := mwapi.Enrich(ctx, c, ev.Course.Domains(), names, &mwapi.EnrichOptions{Progress: progress, CentralAuth: cfg.CentralAuth})
	if err != nil {
		return nil, fmt.Errorf("fetching contributions: %w", err)
	}
	if nn := e.NoNetwork(); nn != nil && nothingFound(e) {
		return nil, nn // Wikimedia could not be reached at all: its one line, with what to do
	}
	d := &Data{Failures: e.Failures, Notes: e.Notes, Stats: e.Stats, ContentNamespaces: map[string][]int{}, NamespaceNames: map[string]map[int]string{},
		Fetched: fetchedAt(ev, started, e.Stats.OldestCached)}
	for _, a := range e.Accounts {
		if a.Missing || a.Invalid || !a.Found() {
			continue // no account anywhere, or none known: a failed lookup is in Failures
		}
		d.Accounts = append(d.Accounts, metrics.Account{Username: a.Name, Registration: a.Registration, Bot: a.Bot})
	}
	d.Contributions = metrics.TableOf(metricsContributions(e.Contributions))
	for w, si := range e.SiteInfo {
		d.ContentNamespaces[w] = si.ContentNamespaces()
		names := map[int]string{}
		for _, n := range si.Namespaces {
			names[n.ID] = n.Name
		}
		d.NamespaceNames[w] = names
	}
	return d, nil
}

// nothingFound reports whether an enrichment found no account and no
// contribution.
func nothingFound(e *mwapi.Enrichment) bool {
	for _, a := range e.Accounts {
		if a.Found() {
			return false
		}
	}
	return len(e.Contributions) == 0
}

// fetchedAt is the instant up to which a fetch that started at started
// knows the contributions: the oldest cached answer's fetch when earlier,
// down to the second; the sample's as-of for the sample, whose data is
// frozen then.
func fetchedAt(ev *Event, started, oldestCached time.Time) time.Time {
	if ev.IsSample {
		return sample.AsOf
	}
	if !oldestCached.IsZero() && oldestCached.Before(started) {
		started = oldestCached
	}
	return started.UTC().Truncate(time.Second) // as the default as-of: whole seconds
}

// LoadData re-reads a previous run's contributions.csv and accounts.csv from
// dir, so it can be re-analysed without asking Wikimedia again.
func LoadData(dir string) (*Data, error) { return LoadEventData(dir, nil) }

// LoadEventData is LoadData for an event: Data.Normalised also counts the
// rows on wikis outside ev and those of users who are not its participants
// (kept in Data; the metrics leave them out). A nil ev checks nothing.
func LoadEventData(dir string, ev *Event) (*Data, error) {
	return loadEventData(dir, dataset.StartReading(dir), ev)
}

// loadEventData is LoadEventData with dir's contributions.csv read in the
// background since r started; run.json, when there, gives Data.Fetched.
func loadEventData(dir string, r *dataset.Reading, ev *Event) (*Data, error) {
	var sc dataset.Scope
	if ev != nil {
		sc.Wikis = ev.Course.Domains()
		for _, p := range ev.Participants {
			sc.Participants = append(sc.Participants, p.Username)
		}
	}
	d, err := r.ReadDirFor(sc)
	if err != nil {
		return nil, err
	}
	data := &Data{Accounts: d.Accounts, Contributions: d.Contributions, Normalised: d.Normalised, source: d.Source}
	switch run, err := dataset.ReadRun(dir); {
	case err == nil:
		data.Run, data.Fetched = &run, run.Fetched
	case errors.Is(err, dataset.ErrNoRun):
		data.Notes = append(data.Notes, fmt.Sprintf("%s has no %s (it was written before runs recorded when their data was fetched): the as-of is checked against the present only", dir, dataset.RunFile))
	default:
		return nil, err
	}
	if data.Views, err = readPageViews(dir); err != nil {
		return nil, err
	}
	for _, in := range d.Incomplete {
		data.Failures = append(data.Failures, mwapi.UserFailure{Username: in.Username, Wiki: in.Wiki, Stage: mwapi.Stage(in.Stage), Detail: in.Cause})
	}
	if d.Namespaces != nil {
		data.ContentNamespaces = map[string][]int{}
		data.NamespaceNames = map[string]map[int]string{}
		for _, n := range d.Namespaces {
			if n.Content {
				data.ContentNamespaces[n.Wiki] = append(data.ContentNamespaces[n.Wiki], n.NS)
			}
			if data.NamespaceNames[n.Wiki] == nil {
				data.NamespaceNames[n.Wiki] = map[int]string{}
			}
			data.NamespaceNames[n.Wiki][n.NS] = n.Name
		}
	}
	return data, nil
}

// Analyze computes every metric.
func Analyze(ev *Event, d *Data, p metrics.Params) (*metrics.Result, error) {
	if p.ContentNamespaces == nil && len(d.ContentNamespaces) > 0 {
		p.ContentNamespaces = d.ContentNamespaces
	}
	return metrics.ComputeTable(ev.MetricsEvent(), metricsParticipants(ev.Participants, d.Incomplete()), d.Accounts, d.Contributions, p)
}

// metricsParticipants returns the participants as the metrics package
// takes them, each with why their data is incomplete (incomplete, by
// username; none when absent).
func metricsParticipants(ps []dashboard.Participant, incomplete map[string]string) []metrics.Participant {
	out := make([]metrics.Participant, len(ps))
	for i, pa := range ps {
		out[i] = metrics.Participant{Username: pa.Username, Excluded: metrics.Exclusion(pa.Excluded), Incomplete: incomplete[pa.Username]}
	}
	return out
}

// WriteOutputs writes metrics.csv, participants.csv, monthly.csv,
// contributions.csv, accounts.csv and namespaces.csv into dir and returns their paths.
func WriteOutputs(dir string, d *Data, r *metrics.Result) ([]string, error) {
	return writeOutputs(dir, d, r, true)
}

// writeOutputs is WriteOutputs, monthly.csv left out unless monthly.
func writeOutputs(dir string, d *Data, r *metrics.Result, monthly bool) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var paths []string
	steps := []struct {
		name string
		f    func(io.Writer) error
	}{
		{dataset.MetricsFile, func(f io.Writer) error { return dataset.WriteMetrics(f, r.Rows) }},
		{dataset.ParticipantsFile, func(f io.Writer) error { return dataset.WriteParticipants(f, r.Participants) }},
		{dataset.MonthlyFile, func(f io.Writer) error { return dataset.WriteMonthly(f, r.Monthly) }},
		{dataset.ContributionsFile, func(f io.Writer) error { return dataset.WriteContributionsFrom(f, d.Contributions, d.source) }},
		{dataset.AccountsFile, func(f io.Writer) error { return dataset.WriteAccounts(f, d.Accounts) }},
		{dataset.NamespacesFile, func(f io.Writer) error { return dataset.WriteNamespaces(f, d.namespaces()) }},
		{dataset.IncompleteFile, func(f io.Writer) error { return dataset.WriteIncomplete(f, d.incomplete()) }},
	}
	for _, s := range steps {
		if s.name == dataset.MonthlyFile && !monthly {
			continue
		}
		p := filepath.Join(dir, s.name)
		if err := dataset.WriteFile(p, s.f); err != nil { // atomic, never through a planted link, the user's umask
			return paths, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// incomplete returns the failures as rows of incomplete.csv.
func (d *Data) incomplete() []dataset.Incomplete {
	out := make([]dataset.Incomplete, len(d.Failures))
	for i, f := range d.Failures {
		out[i] = dataset.Incomplete{Username: f.Username, Wiki: f.Wiki, Stage: string(f.Stage), Cause: f.Why()}
	}
	return out
}

func (d *Data) namespaces() []dataset.Namespace {
	var out []dataset.Namespace
	for w, names := range d.NamespaceNames {
		for id, name := range names {
			out = append(out, dataset.Namespace{Wiki: w, NS: id, Name: name, Content: slices.Contains(d.ContentNamespaces[w], id)})
		}
	}
	return out
}

// Incomplete returns, per username, what of the participant's data could
// not be fetched: the stage, the wiki and the cause, without the name (e.g.
// "contributions on commons.wikimedia.org: HTTP 503 after 6 tries"). Several
// failures of one participant are joined with "; ".
func (d *Data) Incomplete() map[string]string {
	out := map[string]string{}
	for _, f := range d.Failures {
		if prev, ok := out[f.Username]; ok {
			out[f.Username] = prev + "; " + f.Cause()
		} else {
			out[f.Username] = f.Cause()
		}
	}
	return out
}

// Banner is the one line shown above every summary when some participants
// are left out because their data is incomplete, e.g. "12 of 37
// participants left out: their contributions on commons.wikimedia.org could
// not be fetched (HTTP 503 after 6 tries)"; "" when nobody is. Participants
// left out for an earlier reason (facilitators, bots) are not counted. It is
// the report's banner (report.IncompleteBanner), so program, notebook and
// report say the same.
func Banner(r *metrics.Result) string { return report.IncompleteBanner(r) }

// FailureSummary describes the users whose data could not be fetched.
func (d *Data) FailureSummary() string {
	if len(d.Failures) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d fetches failed; these participants are left out as \"data incomplete\", not counted as inactive:\n", len(d.Failures))
	for _, f := range d.Failures {
		fmt.Fprintf(&b, "  %s: %s\n", f.Username, f.Cause())
	}
	return b.String()
}
