package study

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/mwapi"
)

// SettingBaseline names the baseline's sample size in errors.
const SettingBaseline = "Baseline"

// LoadBaseline re-reads the baseline a run wrote into dir.
func LoadBaseline(dir string) (*Baseline, error) {
	f, err := dataset.ReadBaseline(dir)
	if errors.Is(err, fs.ErrNotExist) && !fileExists(filepath.Join(dir, dataset.BaselineFile)) {
		return nil, &SettingError{Setting: SettingBaseline, Err: fmt.Errorf("%s holds no baseline (no %s): run once without re-analysis to fetch it", dir, dataset.BaselineFile)}
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
