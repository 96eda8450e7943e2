package study

import (
	"embed"
	"io/fs"
)

// sampleCampaign is testdata/campaign: the sample event and a later
// workshop of some of its people, opened as Sample by LoadCampaign.
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
