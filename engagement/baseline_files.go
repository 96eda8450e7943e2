package engagement

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/report"
)

// The baseline's files in an output folder (dataset.BaselineFile, which
// documents them).
const (
	BaselineFile              = dataset.BaselineFile
	BaselineContributionsFile = dataset.BaselineContributionsFile
)

// writeBaseline writes baseline.json and baseline_contributions.csv into
// dir, with pseudonyms when pseudo is set, and returns their paths.
func writeBaseline(dir string, b *Baseline, pseudo *report.Pseudonymizer) ([]string, error) {
	name, cs := func(s string) string { return s }, b.Contributions
	if pseudo != nil {
		name, cs = pseudo.Name, pseudo.Contributions(b.Contributions)
	}
	f := dataset.Baseline{Wiki: b.Wiki, From: b.From, To: b.To, Listed: b.Listed, InRoster: b.InRoster, Checked: b.Checked,
		Bots: b.Bots, NotActivated: b.NotActivated, Failed: b.Failed, Qualified: b.Qualified, Complete: b.Complete, Contributions: cs}
	for _, r := range b.Sample {
		f.Sample = append(f.Sample, dataset.BaselineMember{Username: name(r.Username), Registered: r.Registered, FirstEdit: r.FirstEdit})
	}
	for _, x := range b.Failures {
		f.Failures = append(f.Failures, dataset.BaselineFailure{Username: name(x.Username), Wiki: x.Wiki, Stage: string(x.Stage), Cause: x.Why()})
	}
	return dataset.WriteBaseline(dir, f)
}

// LoadBaseline re-reads the baseline a run wrote into dir.
func LoadBaseline(dir string) (*Baseline, error) {
	f, err := dataset.ReadBaseline(dir)
	if errors.Is(err, fs.ErrNotExist) && !fileExists(filepath.Join(dir, BaselineFile)) {
		return nil, &SettingError{Setting: SettingBaseline, Err: fmt.Errorf("%s holds no baseline (no %s): run once without re-analysis to fetch it", dir, BaselineFile)}
	}
	if err != nil {
		return nil, err
	}
	b := &Baseline{Wiki: f.Wiki, From: f.From, To: f.To, Listed: f.Listed, InRoster: f.InRoster, Checked: f.Checked,
		Bots: f.Bots, NotActivated: f.NotActivated, Failed: f.Failed, Qualified: f.Qualified, Complete: f.Complete, Contributions: f.Contributions}
	for _, m := range f.Sample {
		b.Sample = append(b.Sample, metrics.Registration{Username: m.Username, Registered: m.Registered, FirstEdit: m.FirstEdit})
	}
	for _, x := range f.Failures {
		b.Failures = append(b.Failures, mwapi.UserFailure{Username: x.Username, Wiki: x.Wiki, Stage: mwapi.Stage(x.Stage), Detail: x.Cause})
	}
	return b, nil
}

// fileExists reports whether path names something (a file, a link).
func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
