package frame_test

import (
	"fmt"
	"time"

	"example.com/engagement/engagement/frame"
	"example.com/engagement/engagement/metrics"
)

// Contributions become a frame; filters and groupings narrow and sum it.
func Example() {
	at := func(d int) time.Time { return time.Date(2024, 3, d, 12, 0, 0, 0, time.UTC) }
	ev := metrics.Event{Start: at(10), End: at(11)}
	df := frame.Contributions([]metrics.Contribution{
		{Wiki: "en.wikipedia.org", Username: "Ann", RevID: 1, PageID: 7, Title: "Curie", Timestamp: at(10), SizeDiff: 120, New: true},
		{Wiki: "en.wikipedia.org", Username: "Bob", RevID: 2, PageID: 7, Title: "Curie", Timestamp: at(11), SizeDiff: 30},
		{Wiki: "de.wikipedia.org", Username: "Ann", RevID: 3, PageID: 9, Title: "Meitner", Timestamp: at(20), SizeDiff: 80},
	}, ev, nil, nil)
	during := frame.InPeriod(df, metrics.During)
	fmt.Println(frame.CountBy(during, frame.ColWiki).Records())
	fmt.Println(frame.Created(df).Col(frame.ColTitle).Records())
	// Output:
	// [[wiki edits editors pages pages_created bytes_added] [en.wikipedia.org 2 2 1 1 150]]
	// [Curie]
}
