package engagement

import (
	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/report"
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
