// Package engagement analyses how the participants of a Wikimedia event
// (an edit-a-thon, a training, a course tracked on the Programs & Events
// Dashboard) edit, and whether they keep editing afterwards.
//
// It is the thin, notebook-facing layer over the subpackages; each step of
// the workshop flow is one call:
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
//	// 6. Share: CSV files.
//	paths, err := engagement.WriteOutputs("out", data, res)
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
