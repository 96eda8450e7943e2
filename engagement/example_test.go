package engagement_test

import (
	"context"
	"fmt"
	"time"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/metrics"
)

// Run takes the embedded sample through the whole flow, offline.
func ExampleRun() {
	a, err := engagement.Run(context.Background(), engagement.Config{}, engagement.Sample, time.Time{})
	if err != nil {
		fmt.Println(err)
		return
	}
	row, _ := engagement.FindRow(a.Result, metrics.RetentionMetric(7), metrics.SegmentNew)
	fmt.Println(a.Event.Course.Title)
	fmt.Println("new editors still editing 7 days after:", engagement.FormatValue(row), "("+engagement.FormatDetail(row)+")")
	// Output:
	// Women in Science Edit-a-thon
	// new editors still editing 7 days after: 25.0 % (9 of 36, 95% CI 13.8 %–41.1 %)
}
