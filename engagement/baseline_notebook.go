package engagement

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/go-gota/gota/dataframe"

	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/frame"
	"example.com/engagement/engagement/nb"
	"example.com/engagement/engagement/report"
)

// AnalysisWithBaseline is Analysis with a baseline of at most size
// comparable newcomers (0: the default 500), as WithBaseline would give.
//
// Re-analysing a folder (WithDataFrom) that holds no baseline gives the
// analysis without one, and Analysis.NoBaseline says why (ShowBaseline
// shows it), so that a notebook goes on.
func (s *Session) AnalysisWithBaseline(size int) (*Analysis, error) {
	if s.from != "" && !hasBaseline(s.from) {
		a, err := s.Analysis()
		if err == nil {
			l := reportLanguageOrEnglish(reportLanguage(s.lang))
			a.NoBaseline = l.T("engagement-nb-baseline-none", s.from, dataset.BaselineFile)
		}
		return a, err
	}
	if s.baseline == nil || s.baseline.Size != size {
		if err := WithBaseline(size)(s); err != nil {
			return nil, err
		}
		s.baselines = nil
	}
	return s.Analysis()
}

func hasBaseline(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, dataset.BaselineFile))
	return err == nil
}

// BaselineComparison is the frame of Analysis.Comparisons: per metric, the
// new editors' share, the baseline's, each with numerator and denominator,
// and the difference (new minus baseline) with its 95% interval (NaN when
// not comparable).
func (a *Analysis) BaselineComparison() dataframe.DataFrame {
	return frame.BaselineComparison(a.Comparisons)
}

// ShowBaseline shows the comparison with the baseline: the sentence, who
// the newcomers are, the chart and the table of every share.
func (a *Analysis) ShowBaseline() error {
	rb := a.ReportBaseline()
	if rb == nil && a.NoBaseline != "" {
		nb.ShowMarkdown(a.NoBaseline)
		return nil
	}
	if rb == nil {
		return fmt.Errorf("no baseline in this analysis: use s.AnalysisWithBaseline(500)")
	}
	nb.ShowMarkdown(a.baselineMarkdown(rb))
	if err := a.ShowCharts("baseline"); err != nil {
		return err
	}
	opts := nb.BaselineTable()
	opts.Language = a.settings.language
	return nb.ShowTable(a.BaselineComparison(), opts)
}

// baselineMarkdown is what ShowBaseline writes above the chart, in the
// session's language: the sentence, then who the newcomers are. The
// sample's note and what it left out (rb.Note, rb.LeftOut) are English.
func (a *Analysis) baselineMarkdown(rb *report.Baseline) string {
	l := reportLanguageOrEnglish(reportLanguage(a.settings.language))
	return "**" + report.BaselineSentenceIn(l, rb) + "**\n\n" + l.T("engagement-baseline-summary", report.WikiName(rb.Wiki), rb.Note) + " " + rb.LeftOut
}
