package study

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"example.com/engagement/engagement/dashboard"
	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/sample"
)

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
	Notes          []i18n.Text
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

// Enrich fetches every participant's account facts and contributions on the
// course wikis. Participants with invalid usernames are not asked for.
// Failures per user are in Data.Failures; what was fetched is kept.
func Enrich(ctx context.Context, cfg Config, ev *Event, progress func(mwapi.Progress)) (*Data, error) {
	if err := cfg.RequireContact(ev.IsSample); err != nil {
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
	d.Contributions = metrics.TableOf(MetricsContributions(e.Contributions))
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
	return LoadEventDataFrom(dir, dataset.StartReading(dir), ev)
}

// loadEventData is LoadEventData with dir's contributions.csv read in the
// background since r started; run.json, when there, gives Data.Fetched.
func LoadEventDataFrom(dir string, r *dataset.Reading, ev *Event) (*Data, error) {
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
		data.Notes = append(data.Notes, i18n.Msg("engagement-note-no-fetched", dir, dataset.RunFile))
	default:
		return nil, err
	}
	if data.Views, err = ReadPageViews(dir); err != nil {
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

// incomplete returns the failures as rows of incomplete.csv.
func (d *Data) IncompleteRows() []dataset.Incomplete {
	out := make([]dataset.Incomplete, len(d.Failures))
	for i, f := range d.Failures {
		out[i] = dataset.Incomplete{Username: f.Username, Wiki: f.Wiki, Stage: string(f.Stage), Cause: f.Why()}
	}
	return out
}

func (d *Data) NamespaceRows() []dataset.Namespace {
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

// metricsContributions converts fetched contributions to the metrics'.
func MetricsContributions(in []mwapi.Contribution) []metrics.Contribution {
	out := make([]metrics.Contribution, len(in))
	for i, c := range in {
		out[i] = metrics.Contribution{Wiki: c.Wiki, Username: c.User, RevID: c.RevID, PageID: c.PageID, NS: c.NS, Title: c.Title, Timestamp: c.Timestamp, SizeDiff: c.SizeDiff, NoSizeDiff: c.NoSizeDiff, New: c.New}
	}
	return out
}

// DropSource forgets the contributions.csv d's contributions were read
// from, so that writing them writes them anew rather than copying the file
// (for a copy of d whose usernames were replaced).
func (d *Data) DropSource() { d.source = nil }

// OnlyRevisions returns d with the contributions keep accepts (by wiki and
// revision id); nothing else changes, so the metrics keep their
// definitions.
func OnlyRevisions(d *Data, keep func(wiki string, revID int64) bool) *Data {
	cp := *d
	t := d.Contributions
	cp.Contributions = t.Filter(func(i int) bool { return keep(t.Wiki(i), t.RevID(i)) })
	return &cp
}
