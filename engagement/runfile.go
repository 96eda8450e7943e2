package engagement

import (
	"os"
	"runtime/debug"

	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/mwapi"
)

// runSettings are the settings of a session that run.json records beside
// the metric parameters.
type runSettings struct {
	maxContributions int
	centralAuth      bool
	baseline         int
	language         string // the reports' language (WithLanguage)
}

// runSettings returns the session's settings for run.json.
func (s *Session) runSettings() runSettings {
	r := runSettings{maxContributions: s.cfg.MaxContributions, centralAuth: s.cfg.CentralAuth, language: s.lang}
	if s.baseline != nil {
		r.baseline = s.baseline.Size
		if r.baseline == 0 {
			r.baseline = metrics.DefaultBaselineSample
		}
	}
	return r
}

// RunInfo is what run.json says of the analysis: when its data was fetched
// (a re-analysis keeps its folder's; a folder without run.json counts as
// fetched at the as-of), the as-of, the course, the parameters and this
// program's build.
func (a *Analysis) RunInfo(pseudonymized bool) dataset.Run {
	course := dataset.RunCourse{Kind: "course", Slug: a.Event.Course.Slug}
	switch {
	case a.Event.IsSample:
	case isDir(a.Event.Source):
		course.Dir = a.Event.Source
	default:
		course.URL = a.Event.Ref.String()
	}
	return a.settings.run(course, a.Data, a.Result.Params, pseudonymized)
}

// RunInfo is what run.json says of the campaign's analysis (see
// Analysis.RunInfo).
func (a *CampaignAnalysis) RunInfo(pseudonymized bool) dataset.Run {
	course := dataset.RunCourse{Kind: "campaign", Slug: a.Campaign.Slug}
	switch {
	case a.Campaign.IsSample:
	case isDir(a.Campaign.Source):
		course.Dir = a.Campaign.Source
	default:
		course.URL = a.Campaign.URL
	}
	return a.settings.run(course, a.Data, a.Params, pseudonymized)
}

// run is run.json for an analysis of d with p.
func (r runSettings) run(course dataset.RunCourse, d *Data, p metrics.Params, pseudonymized bool) dataset.Run {
	fetched := d.Fetched
	if fetched.IsZero() {
		fetched = p.AsOf
	}
	rp := dataset.ParamsOf(p)
	rp.MaxContributions = r.maxContributions
	if rp.MaxContributions == 0 {
		rp.MaxContributions = mwapi.DefaultMaxContributions
	}
	rp.CentralAuth, rp.Baseline, rp.Pseudonymized = r.centralAuth, r.baseline, pseudonymized
	bi, _ := debug.ReadBuildInfo()
	return dataset.Run{Format: dataset.RunFormat, Fetched: fetched, AsOf: p.AsOf, Course: course, Params: rp, Program: dataset.ProgramOf(bi)}
}

// isDir reports whether path is a folder.
func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}
