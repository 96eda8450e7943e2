package engagement_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/report"
)

// Settings hold what a notebook's ✏️ cell sets, in one value given by one
// option; a bad value's error names the field to change.
func ExampleSettings() {
	out, err := os.MkdirTemp("", "engagement-settings")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(out)
	st := engagement.Settings{Course: engagement.Sample, Language: "es", LookbackDays: 14, LongTermEdits: 500}
	s, err := engagement.Open(context.Background(), st.Course, engagement.WithSettings(st))
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := s.Analysis()
	if err != nil {
		fmt.Println(err)
		return
	}
	row, _ := a.Result.Find(metrics.RetentionMetric(30), metrics.SegmentNew)
	fmt.Println("new editors still editing 30 days after:", report.FormatValue(row))
	if _, err := a.Share(out, false); err != nil {
		fmt.Println(err)
		return
	}
	page, err := os.ReadFile(filepath.Join(out, "report.html"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("report.html in Spanish:", strings.Contains(string(page), `<html lang="es"`))

	st.LookbackDays = -1
	_, err = engagement.Open(context.Background(), st.Course, engagement.WithSettings(st))
	var se *engagement.SettingError
	if errors.As(err, &se) {
		fmt.Printf("change %s: %v\n", se.SettingName(), err)
	}
	// Output:
	// new editors still editing 30 days after: 13.9 %
	// report.html in Spanish: true
	// change LookbackDays: look-back of -1 days: want 0 or more
}
