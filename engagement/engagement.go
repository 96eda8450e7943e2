package engagement

import (
	"context"

	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/report"
	"example.com/engagement/engagement/study"
)

// The core types, declared in engagement/study.
type (
	// Config says how to reach Wikimedia (study.Config).
	Config = study.Config
	// Event is a loaded and preprocessed event (study.Event).
	Event = study.Event
	// Data is everything fetched (or re-read) about the participants
	// (study.Data).
	Data = study.Data
	// SettingError is an error the user fixes by changing one setting
	// (study.SettingError).
	SettingError = study.SettingError
	// CreatedPage is a content page a participant created during the
	// event (study.CreatedPage).
	CreatedPage = study.CreatedPage
	// PageKey names a page on a wiki (study.PageKey).
	PageKey = study.PageKey
	// FetchedViews are the page views fetched for the pages created
	// during an event (study.FetchedViews).
	FetchedViews = study.FetchedViews
	// Baseline is a sample of comparable newcomers on the event's home
	// wiki (study.Baseline).
	Baseline = study.Baseline
	// BaselineOptions tunes FetchBaseline (study.BaselineOptions).
	BaselineOptions = study.BaselineOptions
)

// DefaultBaselineSeed makes the baseline's sample the same on every run.
const DefaultBaselineSeed = study.DefaultBaselineSeed

// SettingBaseline names the baseline's sample size in errors.
const SettingBaseline = study.SettingBaseline

// FetchBaseline fetches a baseline of comparable newcomers for ev's
// new-editor window of p (study.FetchBaseline).
func FetchBaseline(ctx context.Context, cfg Config, ev *Event, p metrics.Params, opts BaselineOptions) (*Baseline, error) {
	return study.FetchBaseline(ctx, cfg, ev, p, opts)
}

// LoadBaseline re-reads the baseline a run wrote into dir
// (study.LoadBaseline).
func LoadBaseline(dir string) (*Baseline, error) { return study.LoadBaseline(dir) }

// Version is the library's version, recorded in reports.
const Version = study.Version

// Sample names the embedded sample event in Open and LoadEvent.
const Sample = study.Sample

// MaxPageViewPages bounds the pages whose views are asked for.
const MaxPageViewPages = study.MaxPageViewPages

// Names of the settings a user changes to fix a SettingError: the
// variables of a notebook's ✏️ cell.
const (
	SettingCourse        = study.SettingCourse
	SettingContact       = study.SettingContact
	SettingCacheDir      = study.SettingCacheDir
	SettingAsOf          = study.SettingAsOf
	SettingLookbackDays  = study.SettingLookbackDays
	SettingLongTermEdits = study.SettingLongTermEdits
)

// LoadEvent loads and preprocesses an event (study.LoadEvent).
func LoadEvent(ctx context.Context, cfg Config, course string) (*Event, error) {
	return study.LoadEvent(ctx, cfg, course)
}

// Enrich fetches every participant's account facts and contributions
// (study.Enrich).
func Enrich(ctx context.Context, cfg Config, ev *Event, progress func(mwapi.Progress)) (*Data, error) {
	return study.Enrich(ctx, cfg, ev, progress)
}

// LoadData re-reads a previous run's data files from dir (study.LoadData).
func LoadData(dir string) (*Data, error) { return study.LoadData(dir) }

// LoadEventData is LoadData for an event (study.LoadEventData).
func LoadEventData(dir string, ev *Event) (*Data, error) { return study.LoadEventData(dir, ev) }

// Analyze computes every metric (study.Analyze).
func Analyze(ev *Event, d *Data, p metrics.Params) (*metrics.Result, error) {
	return study.Analyze(ev, d, p)
}

// WriteOutputs writes the data files into dir (study.WriteOutputs).
func WriteOutputs(dir string, d *Data, r *metrics.Result) ([]string, error) {
	return study.WriteOutputs(dir, d, r)
}

// CreatedPages lists the content pages that included participants created
// during the event (study.CreatedPages).
func CreatedPages(d *Data, res *metrics.Result) []CreatedPage { return study.CreatedPages(d, res) }

// ServesPageViews reports whether the pageviews REST API counts a wiki's
// pages (study.ServesPageViews).
func ServesPageViews(wiki string) bool { return study.ServesPageViews(wiki) }

// Banner is the one line shown above every summary when some participants
// are left out because their data is incomplete, e.g. "12 of 37
// participants left out: their contributions on commons.wikimedia.org could
// not be fetched (HTTP 503 after 6 tries)"; "" when nobody is. Participants
// left out for an earlier reason (facilitators, bots) are not counted. It is
// the report's banner (report.IncompleteBanner), so program, notebook and
// report say the same.
func Banner(r *metrics.Result) string { return report.IncompleteBanner(r) }
