package dataset

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"example.com/engagement/engagement/metrics"
)

// pageviews.csv: written in order of wiki and title, cells protected from
// formulas, a page not fetched with its reason and no views; read back the
// same; a line with neither views nor reason is refused naming the line.
func TestPageViewsFileBothWays(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2021, 3, d, 0, 0, 0, 0, time.UTC) }
	v := PageViews{Start: day(5), End: day(31), Pages: []PageViewsLine{
		{Wiki: "en.wikipedia.org", NS: 0, Title: "Zebra", Views: 12},
		{Wiki: "en.wikipedia.org", NS: 0, Title: "=Sum", NotFetched: "HTTP 404"},
		{Wiki: "de.wikipedia.org", NS: 2, Title: "Benutzer", Views: 0},
	}}
	var b bytes.Buffer
	if err := WritePageViews(&b, v); err != nil {
		t.Fatal(err)
	}
	want := "wiki,ns,title,first_day,last_day,views,not_fetched\n" +
		"de.wikipedia.org,2,Benutzer,2021-03-05,2021-03-31,0,\n" +
		"en.wikipedia.org,0,'=Sum,2021-03-05,2021-03-31,,HTTP 404\n" +
		"en.wikipedia.org,0,Zebra,2021-03-05,2021-03-31,12,\n"
	if b.String() != want {
		t.Fatalf("written:\n%s\nwant:\n%s", b.String(), want)
	}
	got, err := ReadPageViews(strings.NewReader(want), "pv.csv")
	if err != nil {
		t.Fatal(err)
	}
	if w := (PageViews{Start: v.Start, End: v.End, Pages: []PageViewsLine{v.Pages[2], v.Pages[1], v.Pages[0]}}); !reflect.DeepEqual(got, w) {
		t.Errorf("read back %+v\nwant %+v", got, w)
	}
	_, err = ReadPageViews(strings.NewReader(want+"en.wikipedia.org,0,Gap,2021-03-05,2021-03-31,,\n"), "pv.csv")
	if err == nil || err.Error() != "pv.csv: line 5: column 6 (views) is empty and column 7 (not_fetched) does not say why" {
		t.Errorf("no views, no reason: %v", err)
	}
}

// baseline.json and its contributions are read back as written.
func TestBaselineFilesBothWays(t *testing.T) {
	at := time.Date(2021, 2, 1, 10, 0, 0, 0, time.UTC)
	b := Baseline{Wiki: "en.wikipedia.org", From: at, To: at.AddDate(0, 1, 0), Listed: 10, InRoster: 3, Checked: 7, Bots: 1, Qualified: 6, Complete: true,
		Sample:        []BaselineMember{{Username: "Birch Alder", Registered: at, FirstEdit: at.Add(time.Hour)}},
		Failures:      []BaselineFailure{{Username: "Gale", Wiki: "en.wikipedia.org", Stage: "contributions", Cause: "HTTP 503"}},
		Contributions: []metrics.Contribution{{Username: "Birch Alder", Wiki: "en.wikipedia.org", RevID: 7, PageID: 3, Title: "Oak", Timestamp: at.Add(time.Hour), SizeDiff: 120}}}
	dir := t.TempDir()
	if _, err := WriteBaseline(dir, b); err != nil {
		t.Fatal(err)
	}
	got, err := ReadBaseline(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, b) {
		t.Errorf("read back %+v\nwant %+v", got, b)
	}
}
