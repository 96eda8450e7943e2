package study

import (
	"errors"
	"strings"
	"testing"
	"time"

	"example.com/engagement/engagement/dataset"
)

// The as-of never passes the data: a chosen one after it is refused,
// naming the setting and what to set; a default one is lowered to it,
// with a note; a re-analysis takes the one its run.json records.
func TestSettleAsOf(t *testing.T) {
	fetched := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	later := fetched.Add(48 * time.Hour)
	d := &Data{Fetched: fetched}
	d.Stats.CacheHits = 3
	_, err := SettleAsOf(later, true, d, false, "")
	var se *SettingError
	if !errors.As(err, &se) || se.Setting != SettingAsOf || !strings.Contains(err.Error(), "when the oldest answer taken from the cache was fetched: the time since would count as time nobody edited; set it to 2025-01-01T00:00:00Z or earlier") {
		t.Errorf("a chosen as-of after the data: %v", err)
	}
	got, err := SettleAsOf(later, false, d, false, "")
	if err != nil || !got.Equal(fetched) || len(d.Notes) != 1 || d.Notes[0].Key != "engagement-note-asof-cache" || d.Notes[0].Args[0] != "2025-01-01T00:00:00Z" {
		t.Errorf("a default as-of after the data: %v, %v, notes %v", got, err, d.Notes)
	}
	recorded := fetched.Add(-24 * time.Hour)
	r := &Data{Fetched: fetched, Run: &dataset.Run{AsOf: recorded}}
	got, err = SettleAsOf(later, false, r, false, "out")
	if err != nil || !got.Equal(recorded) || len(r.Notes) != 1 || r.Notes[0].String() != "As of 2024-12-31T00:00:00Z, the as-of out/run.json records" {
		t.Errorf("a re-analysis: %v, %v, notes %v", got, err, r.Notes)
	}
	if err := CheckAsOf(fetched, d, false); err != nil {
		t.Errorf("the as-of of the data itself: %v", err)
	}
}
