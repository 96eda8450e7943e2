package dataset

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"example.com/engagement/engagement/metrics"
)

// The baseline's files in a run folder: what it is a sample of and its
// members (BaselineFile, the JSON form of Baseline), and their
// contributions (contributions.csv's format).
const (
	BaselineFile              = "baseline.json"
	BaselineContributionsFile = "baseline_contributions.csv"
)

// Baseline is baseline.json: the wiki and window newcomers were sampled
// from, the counts of each step of the sampling, whether every member was
// fetched, the members and the failures.
type Baseline struct {
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
	Sample       []BaselineMember  `json:"sample"`
	Failures     []BaselineFailure `json:"failures"`
	// Contributions are the members' contributions, in
	// BaselineContributionsFile.
	Contributions []metrics.Contribution `json:"-"`
}

// BaselineMember is a newcomer of the baseline's sample.
type BaselineMember struct {
	Username   string    `json:"username"`
	Registered time.Time `json:"registered"`
	FirstEdit  time.Time `json:"first_edit"`
}

// BaselineFailure is a newcomer whose data could not be fetched: at which
// stage and why.
type BaselineFailure struct {
	Username string `json:"username"`
	Wiki     string `json:"wiki"`
	Stage    string `json:"stage"`
	Cause    string `json:"cause"`
}

// WriteBaseline writes b into dir's BaselineFile and
// BaselineContributionsFile (each as WriteFile) and returns their paths.
func WriteBaseline(dir string, b Baseline) ([]string, error) {
	if b.Sample == nil {
		b.Sample = []BaselineMember{}
	}
	if b.Failures == nil {
		b.Failures = []BaselineFailure{}
	}
	js, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := WriteContributions(&buf, b.Contributions); err != nil {
		return nil, err
	}
	paths := []string{filepath.Join(dir, BaselineFile), filepath.Join(dir, BaselineContributionsFile)}
	for i, body := range [][]byte{append(js, '\n'), buf.Bytes()} {
		if err := WriteFileBytes(paths[i], body); err != nil {
			return nil, fmt.Errorf("writing the baseline: %w", err)
		}
	}
	return paths, nil
}

// ReadBaseline reads the baseline a run wrote into dir; a folder without
// one gives an error wrapping os.ErrNotExist. Errors name the file.
func ReadBaseline(dir string) (Baseline, error) {
	path := filepath.Join(dir, BaselineFile)
	js, err := os.ReadFile(path)
	if err != nil {
		return Baseline{}, err
	}
	var b Baseline
	if err := json.Unmarshal(js, &b); err != nil {
		return Baseline{}, fmt.Errorf("%s: %w", path, err)
	}
	cpath := filepath.Join(dir, BaselineContributionsFile)
	cf, err := os.Open(cpath)
	if err != nil {
		return Baseline{}, err
	}
	defer cf.Close()
	if b.Contributions, err = ReadContributions(cf, cpath); err != nil {
		return Baseline{}, err
	}
	return b, nil
}
