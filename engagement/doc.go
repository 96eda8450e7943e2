// Package engagement analyses how the participants of a Wikimedia event
// (an edit-a-thon, a training, a course tracked on the Programs & Events
// Dashboard) edit, and whether they keep editing afterwards.
//
// It is the thin, notebook-facing layer over the subpackages. One event is
// one Session; each step of the workshop flow is one call on it:
//
//	ctx := context.Background()
//
//	// 1. Choose the event: Sample (embedded, offline), a Dashboard course
//	//    URL, or a folder of downloaded Dashboard files. 2–3. Load and
//	//    preprocess: done by Open; the Dashboard's answers are cached.
//	s, err := engagement.Open(ctx, "sample", engagement.WithContact("me@example.org"), engagement.WithCacheDir(".cache"))
//	df := s.Roster()
//
//	// 4–5. Enrich with the Wikimedia APIs (batched, cached, polite), then
//	//      every metric, observed as of an explicit instant (s.Params()).
//	a, err := s.Analysis()
//
//	// Frames both ways: filter, then analyse the subset with the same
//	// definitions; parameters are values.
//	p := s.Params()
//	p.NewEditorLookback = 30 * 24 * time.Hour
//	enwiki, err := s.Analyze(p, frame.OnWiki(a.Contributions(), "en.wikipedia.org"))
//
//	// 6. Share: CSV files, charts and the one-file HTML report.
//	paths, err := a.Share("out", false)
//
// Asking again (the next notebook cell, a rerun) sends no request:
// s.Requests() says so. Errors a setting fixes are *SettingError.
//
// # Live events and politeness
//
// For a Dashboard course URL, set a contact (WithContact: an email address or user
// page): it goes into the User-Agent Wikimedia requires. Requests are
// batched (50 users), serial per wiki, cached (WithCacheDir), and retried
// politely; a rerun makes no requests. Participants whose data could not be
// fetched are listed in Data.Failures; the rest is kept.
//
// # Re-analysis
//
// WriteOutputs (and Analysis.Share) write contributions.csv, accounts.csv
// and namespaces.csv; WithDataFrom (or LoadData) reads them back, so a run
// can be analysed again with another as-of or look-back without asking
// Wikimedia.
//
// # Campaigns
//
// Several events at once: OpenCampaign takes a Dashboard campaign URL or
// slug, a folder laid out like the Dashboard's URLs, or Sample, with the
// options of Open. Each person is fetched once per wiki; the analysis sets
// the events side by side (CampaignAnalysis.Compare, Comparison, Chart),
// lists who came back (ReturningPeople) and counts the campaign combined,
// each person once (Combined); Share writes it all with report.html. A
// course that cannot be loaded is listed in Campaign.Failed and flagged
// everywhere, never counted as empty.
//
// # Packages
//
//   - study: the core types (Config, Event, Data, CreatedPage, SettingError,
//     aliased here) and the pipeline's steps as separate calls: load, fetch,
//     re-read, analyse (never the network), write the data files; it shows
//     nothing to a reader
//   - dashboard: course URLs, JSON endpoints and CSV exports of the Dashboard
//   - username: MediaWiki's username rules
//   - mwapi: the MediaWiki API and pageviews client, the HTTP cache (the Dashboard's answers too: AnswerCache), the one contact rule (RequireContact)
//   - metrics: every metric, pure functions with an explicit as-of (the standard library only)
//   - dataset: every file format (the CSV files, pageviews.csv, comparison.csv, returning.csv, baseline.json, run.json) and the one output writer
//   - frame: the one boundary with gota: the frames' schema (dataset's CSV
//     headers, the Col constants), conversions, filters and groupings
//   - report: every word a reader sees (through i18n), the headline rows,
//     the chart catalogue and an event's sharing (WriteEvent: charts,
//     report.html, report.wikitext), the campaign's report, pseudonyms
//   - chart, nb: charts, notebook display (tables in the notebook's language)
//   - i18n: the message files and their reader
//   - history: mediawiki_history dumps and the SQL engines (cgo in history/duckdb only)
//   - sample: the embedded sample event and the generators
//
// Dependencies point one way, and internal/layout's test says so: outputs
// (report, chart, nb) never import the clients (mwapi, dashboard): report
// knows study's types and calls nothing that fetches; study
// imports no report, chart, nb, frame, gota nor gonbui; the
// clients import neither metrics nor dataset (dashboard has its own
// Exclusion and ParseError); frame imports neither this package, study,
// report, chart, nb nor a client; gota is imported by frame, chart and nb
// (and by this package, whose Analysis methods return frames); gonbui is imported by nb
// alone. sample
// imports dataset: its ground truth is written and read in the run's own
// format by that format's one owner.
package engagement
