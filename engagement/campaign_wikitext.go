package engagement

// CampaignWikitextFile is the campaign's report as wikitext, for its page
// on Meta-Wiki (written by report.WriteCampaignWikitext).
const CampaignWikitextFile = "report.wikitext"
