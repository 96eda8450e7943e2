package engagement

import "example.com/engagement/engagement/study"

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
