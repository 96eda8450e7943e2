package study

import (
	"fmt"
	"path/filepath"
	"time"

	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/i18n"
)

// SettleAsOf checks an analysis' as-of against the instant up to which d
// is known (d.Fetched) and returns the as-of to use. A chosen as-of after
// it is refused (a SettingError). A default one becomes, for a re-analysis
// of folder from, the as-of its run.json records, and is lowered to
// d.Fetched when the data is older (answers from the cache), with a note
// in d saying so: the analysis never observes past its data.
func SettleAsOf(asOf time.Time, chosen bool, d *Data, isSample bool, from string) (time.Time, error) {
	if !chosen && d.Run != nil {
		asOf = d.Run.AsOf
		d.Notes = append(d.Notes, i18n.Msg("engagement-note-asof-run", asOf.Format(time.RFC3339), filepath.Join(from, dataset.RunFile)))
	}
	if d.Fetched.IsZero() || !asOf.After(d.Fetched) {
		return asOf, nil
	}
	if chosen {
		return asOf, asOfError(asOf, d, isSample)
	}
	d.Notes = append(d.Notes, i18n.Msg("engagement-note-asof-cache", d.Fetched.Format(time.RFC3339)))
	return d.Fetched, nil
}

// CheckAsOf refuses an as-of after the instant d is known up to.
func CheckAsOf(asOf time.Time, d *Data, isSample bool) error {
	if !d.Fetched.IsZero() && asOf.After(d.Fetched) {
		return asOfError(asOf, d, isSample)
	}
	return nil
}

// asOfError says why an as-of after d's data is refused, and what to set.
func asOfError(asOf time.Time, d *Data, isSample bool) error {
	what := "the contributions were fetched"
	switch {
	case d.Run != nil:
		what = "the folder's contributions were fetched (" + dataset.RunFile + ")"
	case isSample:
		what = "the sample's data ends"
	case d.Stats.CacheHits > 0:
		what = "the oldest answer taken from the cache was fetched"
	}
	return &SettingError{Setting: SettingAsOf, Err: fmt.Errorf("as-of %s is after %s, when %s: the time since would count as time nobody edited; set it to %s or earlier",
		asOf.Format(time.RFC3339), d.Fetched.Format(time.RFC3339), what, d.Fetched.Format(time.RFC3339))}
}
