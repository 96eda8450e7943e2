package engagement

import (
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

// SettingBaseline names the baseline's sample size in errors.
const SettingBaseline = study.SettingBaseline

// Sample names the embedded sample event in Open and LoadEvent.
const Sample = study.Sample

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
