// Package study is the core of an event's study: the types (Config,
// Event, Data, CreatedPage and the page views fetched, SettingError) and
// the pipeline's steps as separate calls: loading an event (LoadEvent:
// the Dashboard, a folder or the sample, preprocessed), fetching what
// Wikimedia knows of its participants (Enrich, FetchViews), re-reading a
// run folder (LoadEventData), analysing (Analyze, which never touches the
// network) and writing the data files (WriteOutputs, through dataset).
//
// It shows nothing to a reader: no report, chart, notebook display nor
// DataFrame (internal/layout's test forbids those imports). The one
// exception is Event.EventSummary, a line of Markdown the notebooks call
// on the event, kept here until they call it elsewhere.
package study
