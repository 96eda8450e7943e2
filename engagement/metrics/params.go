package metrics

import (
	"errors"
	"fmt"
)

// maxWindows bounds Params.RetentionDays and Params.ActiveMonths: each
// participant's windows are kept as bits of one 64-bit word.
const maxWindows = 64

// DefaultRetentionDays returns the retention windows of metrics.md, in days:
// 7, 30, 60, 90, 180 and 365. Each call returns a new slice.
func DefaultRetentionDays() []int { return []int{7, 30, 60, 90, 180, 365} }

// Validate reports the first parameter Compute cannot work with, naming the
// field and what would be accepted.
func (p Params) Validate() error {
	if p.AsOf.IsZero() {
		return errors.New("metrics: as-of is not set (Params.AsOf; start from metrics.DefaultParams(asOf))")
	}
	if p.NewEditorLookback < 0 {
		return fmt.Errorf("metrics: Params.NewEditorLookback is %s; want 0 or more", p.NewEditorLookback)
	}
	if p.LongTermEdits < 0 {
		return fmt.Errorf("metrics: Params.LongTermEdits is %d; want 0 (no flag) or more", p.LongTermEdits)
	}
	if len(p.RetentionDays) == 0 {
		return errors.New("metrics: Params.RetentionDays is empty; want at least one window in days, e.g. metrics.DefaultRetentionDays()")
	}
	if len(p.RetentionDays) > maxWindows {
		return fmt.Errorf("metrics: Params.RetentionDays has %d windows; at most %d are supported", len(p.RetentionDays), maxWindows)
	}
	seen := map[int]bool{}
	for i, d := range p.RetentionDays {
		if d <= 0 {
			return fmt.Errorf("metrics: Params.RetentionDays[%d] is %d; want a whole number of days, 1 or more", i, d)
		}
		if seen[d] {
			return fmt.Errorf("metrics: Params.RetentionDays lists %d days twice", d)
		}
		seen[d] = true
	}
	if p.ActiveMonths < 1 || p.ActiveMonths > maxWindows {
		return fmt.Errorf("metrics: Params.ActiveMonths is %d; want 1 to %d (metrics.md uses %d)", p.ActiveMonths, maxWindows, ActiveMonths)
	}
	if p.ActiveEditorEdits < 1 {
		return fmt.Errorf("metrics: Params.ActiveEditorEdits is %d; want 1 or more (the WMF threshold is %d)", p.ActiveEditorEdits, ActiveEditorEdits)
	}
	return nil
}
