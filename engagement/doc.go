// Package engagement analyses how the participants of a Wikimedia event
// (an edit-a-thon, a training, a course tracked on the Programs & Events
// Dashboard) edit, and whether they keep editing afterwards.
//
// It is the thin, notebook-facing layer over the subpackages. The whole flow
// is one call:
//
//	a, err := engagement.Run(ctx, engagement.Config{}, engagement.Sample, time.Time{})
//
// and each step of the workshop flow is one call too:
//
//	ctx := context.Background()
//	cfg := engagement.Config{Contact: "me@example.org", CacheDir: ".cache"}
//
//	// 1. Choose the event: "sample" (embedded, offline), a Dashboard course
//	//    URL, or a folder of downloaded Dashboard files.
//	ev, err := engagement.LoadEvent(ctx, cfg, "sample")
//
//	// 2. Load and first look; 3. preprocess (done by LoadEvent).
//	df := engagement.ParticipantsFrame(ev)
//
//	// 4. Enrich with the Wikimedia APIs (batched, cached, polite).
//	data, err := engagement.Enrich(ctx, cfg, ev, nil)
//
//	// 5. Every metric, observed as of an explicit instant.
//	res, err := engagement.Analyze(ev, data, metrics.DefaultParams(ev.AsOf(time.Now())))
//
//	// 6. Share: CSV files, charts and the one-file HTML report.
//	paths, err := engagement.WriteOutputs("out", data, res)
//	more, err := engagement.WriteReport("out", ev, data, res, nil)
//
// # Live events and politeness
//
// For a Dashboard course URL, set Config.Contact (an email address or user
// page): it goes into the User-Agent Wikimedia requires. Requests are
// batched (50 users), serial per wiki, cached in Config.CacheDir, and retried
// politely; a rerun makes no requests. Participants whose data could not be
// fetched are listed in Data.Failures; the rest is kept.
//
// # Re-analysis
//
// WriteOutputs writes contributions.csv, accounts.csv and namespaces.csv;
// LoadData reads them back, so a run can be analysed again with another
// as-of or look-back without asking Wikimedia.
//
// # Packages
//
//   - dashboard: course URLs, JSON endpoints and CSV exports of the Dashboard
//   - mwapi: the MediaWiki API client and its cache
//   - metrics: every metric, pure functions with an explicit as-of
//   - dataset: the CSV formats, fast
//   - chart, nb, report: charts, notebook display, the one-file HTML report
//   - sample: the embedded sample event
package engagement
