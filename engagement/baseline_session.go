package engagement

import (
	"fmt"
	"time"

	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/report"
	"example.com/engagement/engagement/study"
)

// WithBaseline adds a baseline of comparable newcomers on the home wiki
// to every analysis (see FetchBaseline): size newcomers at most (0: the
// default 500). Re-analysing a folder (WithDataFrom) reads the baseline
// that run wrote.
func WithBaseline(size int) Option {
	return func(s *Session) error {
		if size < 0 {
			return &SettingError{Setting: SettingBaseline, Err: fmt.Errorf("a baseline of %d newcomers: want 1 or more (0 for the default %d)", size, metrics.DefaultBaselineSample)}
		}
		s.baseline = &BaselineOptions{Size: size, Progress: s.progress}
		return nil
	}
}

// Baseline returns the baseline of comparable newcomers for the session's
// new-editor window: fetched (or re-read) the first time, the same after
// that. It needs WithBaseline.
func (s *Session) Baseline() (*Baseline, error) {
	if s.baseline == nil {
		return nil, &SettingError{Setting: SettingBaseline, Err: fmt.Errorf("no baseline asked for: open the session with WithBaseline(500)")}
	}
	return s.baselineFor(s.Params())
}

func (s *Session) baselineFor(p metrics.Params) (*Baseline, error) {
	if b := s.baselines[p.NewEditorLookback]; b != nil {
		return b, nil
	}
	var b *Baseline
	var err error
	if s.from != "" {
		b, err = study.LoadBaseline(s.from)
	} else {
		if s.baseline.Progress == nil {
			s.baseline.Progress = s.progress
		}
		b, err = study.FetchBaseline(s.ctx, s.cfg, s.ev, p, *s.baseline)
		if b != nil && s.progressDone != nil {
			s.progressDone("comparable newcomers: " + b.Stats.String())
		}
	}
	if err != nil {
		return nil, err
	}
	if s.baselines == nil {
		s.baselines = map[time.Duration]*Baseline{}
	}
	s.baselines[p.NewEditorLookback] = b
	return b, nil
}

// addBaseline appends b's rows to a and pairs them with the new editors'.
func (a *Analysis) addBaseline(b *Baseline) error {
	rows, err := metrics.BaselineRows(a.Result.Event, a.Params, b.Sample, b.Contributions, b.Note())
	if err != nil {
		return fmt.Errorf("measuring the baseline: %w", err)
	}
	a.Result.Rows = append(a.Result.Rows, rows...)
	a.Baseline = b
	a.Comparisons = metrics.CompareBaseline(a.Result.Rows)
	return nil
}

// ReportBaseline is the comparison with the baseline as the report shows
// it, its sentences in the analysis's language; nil without a baseline.
func (a *Analysis) ReportBaseline() *report.Baseline {
	b := a.Baseline
	if b == nil {
		return nil
	}
	l := reportLanguageOrEnglish(reportLanguage(a.settings.language))
	return &report.Baseline{Wiki: b.Wiki, Note: baselineNoteIn(l, b), LeftOut: baselineLeftOutIn(l, b), Comparisons: a.Comparisons}
}

// baselineNoteIn describes b's sample in l's language (in English, what
// Baseline.Note writes into metrics.csv).
func baselineNoteIn(l *i18n.Localizer, b *Baseline) string {
	n := len(b.Sample)
	var note string
	switch {
	case b.Complete && n == b.Qualified:
		note = l.T("engagement-baseline-note-all", n, l.Int(n))
	case b.Complete:
		note = l.T("engagement-baseline-note-sample", n, l.Int(n), l.Int(b.Qualified))
	default:
		note = l.T("engagement-baseline-note-estimated", n, l.Int(n), l.Int(b.Qualified), l.Int(b.Checked))
	}
	if b.Failed > 0 {
		note += l.T("engagement-baseline-note-failed", b.Failed, l.Int(b.Failed))
	}
	return note
}

// baselineLeftOutIn says which registrations b left out and why, in l's
// language.
func baselineLeftOutIn(l *i18n.Localizer, b *Baseline) string {
	s := l.T("engagement-baseline-left-out", b.Listed, l.Int(b.Listed), b.InRoster, l.Int(b.InRoster))
	checked := l.T("engagement-baseline-left-out-others")
	if !b.Complete {
		checked = l.T("engagement-baseline-left-out-checked", b.Checked, l.Int(b.Checked))
	}
	return s + " " + l.T("engagement-baseline-left-out-reasons", checked, l.Int(b.Bots), l.Int(b.NotActivated), l.Int(b.Failed))
}
