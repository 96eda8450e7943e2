package metrics

import (
	"fmt"
	"strings"
)

// BaselineRows computes the rows of segment baseline (metrics.md,
// "Baseline") for the comparable newcomers of cohort (already chosen and
// sampled, see BaselineCohort and SampleBaseline) from their contributions
// on the scope wikis: participants, retention_{D}d and active_m{k}, with
// windows measured from the event's end like the participants', and
// surviving_new_editors from each account's own registration. Every row
// carries note (e.g. "sample of 500 of 3,120") after its own.
//
// The newcomers are measured by Compute exactly as the event's new
// editors are: each is a participant registered at its log entry.
func BaselineRows(ev Event, p Params, cohort []Registration, contribs []Contribution, note string) ([]Row, error) {
	ps := make([]Participant, len(cohort))
	accts := make([]Account, len(cohort))
	for i, r := range cohort {
		ps[i] = Participant{Username: r.Username}
		accts[i] = Account{Username: r.Username, Registration: r.Registered}
	}
	// A registration before the look-back would make the account
	// "experienced": the cohort's window is the same, so widen nothing and
	// refuse instead.
	from := ev.Start.Add(-p.NewEditorLookback)
	for _, r := range cohort {
		if r.Registered.Before(from) || r.Registered.After(ev.End) {
			return nil, fmt.Errorf("baseline: %s registered %s, outside the new-editor window", r.Username, r.Registered.Format("2006-01-02 15:04:05"))
		}
	}
	res, err := Compute(ev, ps, accts, contribs, p)
	if err != nil {
		return nil, err
	}
	var out []Row
	for _, r := range res.Rows {
		if r.Segment != SegmentNew || !isBaselineMetric(r.Metric) {
			continue
		}
		r.Segment = SegmentBaseline
		if note != "" {
			r.Note = strings.TrimPrefix(r.Note+"; "+note, "; ")
		}
		out = append(out, r)
	}
	return out, nil
}

// isBaselineMetric reports whether metrics.md gives the metric for the
// baseline segment.
func isBaselineMetric(m string) bool {
	return m == MetricParticipants || m == MetricSurvivingNewEditors ||
		strings.HasPrefix(m, "retention_") || (strings.HasPrefix(m, "active_m") && !strings.HasPrefix(m, "active_editor"))
}

// Comparison sets one share of the event's new editors beside the same
// share of the baseline.
type Comparison struct {
	Metric string
	// New and Baseline are the two rows compared.
	New, Baseline Row
	// Difference is New minus Baseline with Newcombe's 95% interval; NaN
	// when either share is empty.
	Difference Difference
}

// Comparable reports whether both shares were observed in people.
func (c Comparison) Comparable() bool {
	return !c.New.Empty && !c.Baseline.Empty && c.New.Denominator > 0 && c.Baseline.Denominator > 0
}

// CompareBaseline pairs every share of segment baseline in rows with the
// same metric of segment new, in the baseline's row order.
func CompareBaseline(rows []Row) []Comparison {
	news := map[string]Row{}
	for _, r := range rows {
		if r.Segment == SegmentNew && r.IsShare {
			news[r.Metric] = r
		}
	}
	var out []Comparison
	for _, b := range rows {
		n, ok := news[b.Metric]
		if b.Segment != SegmentBaseline || !b.IsShare || !ok {
			continue
		}
		c := Comparison{Metric: b.Metric, New: n, Baseline: b, Difference: ShareDifference(0, 0, 0, 0)}
		if c.Comparable() {
			c.Difference = ShareDifference(n.Numerator, n.Denominator, b.Numerator, b.Denominator)
		}
		out = append(out, c)
	}
	return out
}
