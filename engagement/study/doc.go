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
// DataFrame (internal/layout's test forbids those imports). Its notes are
// message keys (i18n.Text), written in the reader's language by whoever
// shows them. One line of words remains here: Baseline.Note, the note the
// baseline's metric rows carry into metrics.csv, in English as the CSV
// files are written.
package study
