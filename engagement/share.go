package engagement

import (
	"fmt"
	"path/filepath"

	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/report"
	"example.com/engagement/engagement/study"
)

// WriteReport writes the charts (PNG), report.html and report.wikitext into dir and returns
// the paths, report first. With pseudo set, usernames in the report are
// pseudonyms (report.WriteEvent).
func WriteReport(dir string, ev *Event, d *Data, res *metrics.Result, pseudo *report.Pseudonymizer) ([]string, error) {
	return report.WriteEvent(dir, report.EventShare{Event: ev, Data: d, Result: res, Pseudo: pseudo})
}

// Share writes every output into dir, as the example program does: the CSV
// files (WriteOutputs) and, side by side, the charts and report.html
// (WriteReport). With pseudonymize, usernames become stable pseudonyms (a
// fresh key per call) in every file. It returns the paths written.
func (a *Analysis) Share(dir string, pseudonymize bool) ([]string, error) {
	var pseudo *report.Pseudonymizer
	if pseudonymize {
		pseudo = a.Pseudonymizer()
	}
	return a.ShareAs(dir, pseudo)
}

// Pseudonymizer returns a pseudonymizer with a fresh key that knows every
// participant's name (and the baseline's), so that their user pages and
// the titles holding their names are replaced too: pass it to ShareAs and
// to Pseudonymized to show the same pseudonyms on screen as in the files.
func (a *Analysis) Pseudonymizer() *report.Pseudonymizer {
	pseudo := report.NewPseudonymizer(report.RandomKey())
	names := make([]string, 0, len(a.Result.Participants))
	for _, p := range a.Result.Participants {
		names = append(names, p.Username)
	}
	if a.Baseline != nil {
		for _, r := range a.Baseline.Sample {
			names = append(names, r.Username)
		}
	}
	pseudo.Learn(names...)
	return pseudo
}

// Pseudonymized returns a copy of the analysis for display whose result
// and data name every participant by pseudo's pseudonym: participants,
// contributions, accounts, failures and the examples of what re-reading a
// folder normalised. A nil pseudo returns a itself.
func (a *Analysis) Pseudonymized(pseudo *report.Pseudonymizer) *Analysis {
	if pseudo == nil {
		return a
	}
	cp := *a
	cp.Data, cp.Result = report.PseudonymData(a.Data, pseudo), pseudo.Result(a.Result)
	return &cp
}

// ShareAs is Share with the pseudonymizer given (nil: real names), so that
// what a program prints can use the same pseudonyms as the files.
//
// A folder whose run.json names a campaign is refused before anything is
// written (ErrOtherRun).
func (a *Analysis) ShareAs(dir string, pseudo *report.Pseudonymizer) ([]string, error) {
	prev, err := checkOutDir(dir, a.RunInfo(pseudo != nil).Course)
	if err != nil {
		return nil, err
	}
	out := a.Pseudonymized(pseudo)
	var paths []string
	var werr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		paths, werr = study.WriteOutputs(dir, out.Data, out.Result)
	}()
	more, err := report.WriteEvent(dir, report.EventShare{Event: a.Event, Data: a.Data, Result: a.Result, Pseudo: pseudo,
		Views: pseudonymViews(a.Views, pseudo), Baseline: a.ReportBaseline(), Lang: reportLanguage(a.settings.language)})
	<-done
	if werr != nil {
		return nil, werr
	}
	if err != nil {
		return nil, err
	}
	vp, err := writePageViews(dir, a.Data.Views, pseudo)
	if err != nil {
		return nil, err
	}
	paths = append(paths, vp...)
	if a.Baseline != nil {
		bp, err := writeBaseline(dir, a.Baseline, pseudo)
		if err != nil {
			return nil, err
		}
		paths = append(paths, bp...)
	}
	paths = append(append(paths, filepath.Join(dir, dataset.RunFile)), more...)
	if err := dataset.ReplaceRun(dir, prev, a.RunInfo(pseudo != nil), paths); err != nil {
		return nil, fmt.Errorf("recording the run: %w", err)
	}
	return paths, nil
}
