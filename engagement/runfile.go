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
}

// runSettings returns the session's settings for run.json.
func (s *Session) runSettings() runSettings {
	r := runSettings{maxContributions: s.cfg.MaxContributions, centralAuth: s.cfg.CentralAuth}
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
	asOf := a.Result.Params.AsOf
	fetched := a.Data.Fetched
	if fetched.IsZero() {
		fetched = asOf
	}
	course := dataset.RunCourse{Kind: "course", Slug: a.Event.Course.Slug}
	switch {
	case a.Event.IsSample:
	case isDir(a.Event.Source):
		course.Dir = a.Event.Source
	default:
		course.URL = a.Event.Ref.String()
	}
	p := dataset.ParamsOf(a.Result.Params)
	p.MaxContributions = a.settings.maxContributions
	if p.MaxContributions == 0 {
		p.MaxContributions = mwapi.DefaultMaxContributions
	}
	p.CentralAuth, p.Baseline, p.Pseudonymized = a.settings.centralAuth, a.settings.baseline, pseudonymized
	bi, _ := debug.ReadBuildInfo()
	return dataset.Run{Format: dataset.RunFormat, Fetched: fetched, AsOf: asOf, Course: course, Params: p, Program: dataset.ProgramOf(bi)}
}

// isDir reports whether path is a folder.
func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}
