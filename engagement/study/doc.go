// Package study is the core of an event's study: the types (Config,
// Event, Data, Campaign, Baseline, CreatedPage and the page views fetched,
// SettingError) and the pipeline's steps as separate calls: loading an
// event or a campaign (LoadEvent, LoadCampaignVia: the Dashboard, a folder
// or the sample, preprocessed), fetching what Wikimedia knows of the
// participants (Enrich, FetchViews, FetchBaseline), re-reading a run
// folder (LoadEventData, LoadBaseline), analysing (Analyze,
// Campaign.Analyze, which never touch the network) and writing the data
// files (WriteOutputs, WriteCampaignOutputs, through dataset).
//
// It shows nothing to a reader: no report, chart, notebook display nor
// DataFrame (internal/layout's test forbids those imports). Two lines of
// words remain here: Event.EventSummary, the Markdown the notebooks call
// on the event, and Baseline.Note, the note its metric rows carry into
// metrics.csv (counts in English, as the CSV files are written); both are
// for engagement/report to own once their callers ask it.
package study
