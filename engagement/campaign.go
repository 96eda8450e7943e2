package engagement

import (
	"context"
	"embed"
	"io/fs"

	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/study"
)

// sampleCampaign is testdata/campaign: the sample event and a later
// workshop of some of its people.
//
//go:embed testdata/campaign
var sampleCampaign embed.FS

// sampleCampaignFS is the sample campaign's folder.
func sampleCampaignFS() fs.FS {
	sub, err := fs.Sub(sampleCampaign, "testdata/campaign")
	if err != nil {
		panic(err) // the embedded folder is there: the build put it there
	}
	return sub
}

// LoadCampaign loads a campaign: Sample (the embedded sample campaign, a
// copy of testdata/campaign), a Dashboard campaign URL such as
// https://outreachdashboard.wmflabs.org/campaigns/wikigap_2019 or its slug,
// or a folder laid out like the Dashboard's URLs (see LoadCampaignDir).
// Live, it asks for the campaign's JSON and users.json, then each course's
// course.json and users.json; with cfg.CacheDir set, every answer is kept
// there, so loading again sends no request and works offline. A course that
// cannot be loaded is left out and listed in Campaign.Failed; when none can
// be, the error names each.
func LoadCampaign(ctx context.Context, cfg Config, src string) (*Campaign, error) {
	return study.LoadCampaignVia(ctx, cfg, src, study.DashboardCache(cfg.CacheDir, cfg.Offline), sampleCampaignFS())
}

// The campaign's types, declared in engagement/study.
type (
	// Campaign is a series of Dashboard events analysed together
	// (study.Campaign).
	Campaign = study.Campaign
	// CourseFailure is a course of a campaign that could not be loaded
	// (study.CourseFailure).
	CourseFailure = study.CourseFailure
)

// SettingCampaign names the campaign setting in errors.
const SettingCampaign = study.SettingCampaign

// LoadCampaignDir reads a campaign folder laid out like the Dashboard's
// URLs (study.LoadCampaignDir).
func LoadCampaignDir(ctx context.Context, dir string) (*Campaign, error) {
	return study.LoadCampaignDir(ctx, dir)
}

// WriteCampaignOutputs writes events.csv, metrics.csv, participants.csv
// and the data files into dir (study.WriteCampaignOutputs).
func WriteCampaignOutputs(dir string, d *Data, r *metrics.CampaignResult) ([]string, error) {
	return study.WriteCampaignOutputs(dir, d, r)
}
