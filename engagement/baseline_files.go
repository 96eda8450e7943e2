package engagement

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/report"
)

// The baseline's files in an output folder: what it is a sample of and its
// members, and their contributions (contributions.csv's format).
const (
	BaselineFile              = "baseline.json"
	BaselineContributionsFile = "baseline_contributions.csv"
)

// baselineFile is baseline.json.
type baselineFile struct {
	Wiki         string            `json:"wiki"`
	From         time.Time         `json:"from"`
	To           time.Time         `json:"to"`
	Listed       int               `json:"listed"`
	InRoster     int               `json:"in_roster"`
	Checked      int               `json:"checked"`
	Bots         int               `json:"bots"`
	NotActivated int               `json:"not_activated"`
	Failed       int               `json:"failed"`
	Qualified    int               `json:"qualified"`
	Complete     bool              `json:"complete"`
	Sample       []baselineMember  `json:"sample"`
	Failures     []baselineFailure `json:"failures"`
}

type baselineMember struct {
	Username   string    `json:"username"`
	Registered time.Time `json:"registered"`
	FirstEdit  time.Time `json:"first_edit"`
}

type baselineFailure struct {
	Username string `json:"username"`
	Wiki     string `json:"wiki"`
	Stage    string `json:"stage"`
	Cause    string `json:"cause"`
}

// writeBaseline writes baseline.json and baseline_contributions.csv into
// dir, with pseudonyms when pseudo is set, and returns their paths.
func writeBaseline(dir string, b *Baseline, pseudo *report.Pseudonymizer) ([]string, error) {
	name, cs := func(s string) string { return s }, b.Contributions
	if pseudo != nil {
		name, cs = pseudo.Name, pseudo.Contributions(b.Contributions)
	}
	f := baselineFile{Wiki: b.Wiki, From: b.From, To: b.To, Listed: b.Listed, InRoster: b.InRoster, Checked: b.Checked,
		Bots: b.Bots, NotActivated: b.NotActivated, Failed: b.Failed, Qualified: b.Qualified, Complete: b.Complete,
		Sample: []baselineMember{}, Failures: []baselineFailure{}}
	for _, r := range b.Sample {
		f.Sample = append(f.Sample, baselineMember{name(r.Username), r.Registered, r.FirstEdit})
	}
	for _, x := range b.Failures {
		f.Failures = append(f.Failures, baselineFailure{name(x.Username), x.Wiki, string(x.Stage), x.Why()})
	}
	js, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := dataset.WriteContributions(&buf, cs); err != nil {
		return nil, err
	}
	for file, body := range map[string][]byte{BaselineFile: append(js, '\n'), BaselineContributionsFile: buf.Bytes()} {
		if err := dataset.WriteFileBytes(filepath.Join(dir, file), body); err != nil {
			return nil, fmt.Errorf("writing the baseline: %w", err)
		}
	}
	return []string{filepath.Join(dir, BaselineFile), filepath.Join(dir, BaselineContributionsFile)}, nil
}

// LoadBaseline re-reads the baseline a run wrote into dir.
func LoadBaseline(dir string) (*Baseline, error) {
	path := filepath.Join(dir, BaselineFile)
	js, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil, &SettingError{Setting: SettingBaseline, Err: fmt.Errorf("%s holds no baseline (no %s): run once without re-analysis to fetch it", dir, BaselineFile)}
	}
	if err != nil {
		return nil, err
	}
	var f baselineFile
	if err := json.Unmarshal(js, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	b := &Baseline{Wiki: f.Wiki, From: f.From, To: f.To, Listed: f.Listed, InRoster: f.InRoster, Checked: f.Checked,
		Bots: f.Bots, NotActivated: f.NotActivated, Failed: f.Failed, Qualified: f.Qualified, Complete: f.Complete}
	for _, m := range f.Sample {
		b.Sample = append(b.Sample, metrics.Registration{Username: m.Username, Registered: m.Registered, FirstEdit: m.FirstEdit})
	}
	for _, x := range f.Failures {
		b.Failures = append(b.Failures, mwapi.UserFailure{Username: x.Username, Wiki: x.Wiki, Stage: mwapi.Stage(x.Stage), Detail: x.Cause})
	}
	cpath := filepath.Join(dir, BaselineContributionsFile)
	cf, err := os.Open(cpath)
	if err != nil {
		return nil, err
	}
	defer cf.Close()
	if b.Contributions, err = dataset.ReadContributions(cf, cpath); err != nil {
		return nil, err
	}
	return b, nil
}
