package study

import (
	"io"
	"os"
	"path/filepath"

	"example.com/engagement/engagement/dashboard"
	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/metrics"
)

// Analyze computes every metric.
func Analyze(ev *Event, d *Data, p metrics.Params) (*metrics.Result, error) {
	if p.ContentNamespaces == nil && len(d.ContentNamespaces) > 0 {
		p.ContentNamespaces = d.ContentNamespaces
	}
	return metrics.ComputeTable(ev.MetricsEvent(), MetricsParticipants(ev.Participants, d.Incomplete()), d.Accounts, d.Contributions, p)
}

// metricsParticipants returns the participants as the metrics package
// takes them, each with why their data is incomplete (incomplete, by
// username; none when absent).
func MetricsParticipants(ps []dashboard.Participant, incomplete map[string]string) []metrics.Participant {
	out := make([]metrics.Participant, len(ps))
	for i, pa := range ps {
		out[i] = metrics.Participant{Username: pa.Username, Excluded: metrics.Exclusion(pa.Excluded), Incomplete: incomplete[pa.Username]}
	}
	return out
}

// WriteOutputs writes metrics.csv, participants.csv, monthly.csv,
// contributions.csv, accounts.csv and namespaces.csv into dir and returns their paths.
func WriteOutputs(dir string, d *Data, r *metrics.Result) ([]string, error) {
	return WriteFiles(dir, d, r, true)
}

// writeOutputs is WriteOutputs, monthly.csv left out unless monthly.
func WriteFiles(dir string, d *Data, r *metrics.Result, monthly bool) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var paths []string
	steps := []struct {
		name string
		f    func(io.Writer) error
	}{
		{dataset.MetricsFile, func(f io.Writer) error { return dataset.WriteMetrics(f, r.Rows) }},
		{dataset.ParticipantsFile, func(f io.Writer) error { return dataset.WriteParticipants(f, r.Participants) }},
		{dataset.MonthlyFile, func(f io.Writer) error { return dataset.WriteMonthly(f, r.Monthly) }},
		{dataset.ContributionsFile, func(f io.Writer) error { return dataset.WriteContributionsFrom(f, d.Contributions, d.source) }},
		{dataset.AccountsFile, func(f io.Writer) error { return dataset.WriteAccounts(f, d.Accounts) }},
		{dataset.NamespacesFile, func(f io.Writer) error { return dataset.WriteNamespaces(f, d.NamespaceRows()) }},
		{dataset.IncompleteFile, func(f io.Writer) error { return dataset.WriteIncomplete(f, d.IncompleteRows()) }},
	}
	for _, s := range steps {
		if s.name == dataset.MonthlyFile && !monthly {
			continue
		}
		p := filepath.Join(dir, s.name)
		if err := dataset.WriteFile(p, s.f); err != nil { // atomic, never through a planted link, the user's umask
			return paths, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}
