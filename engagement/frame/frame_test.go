package frame

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/go-gota/gota/series"

	"example.com/engagement/engagement/metrics"
)

func fixtureContributions() ([]metrics.Contribution, metrics.Event) {
	at := func(d int) time.Time { return time.Date(2024, 3, d, 12, 0, 0, 0, time.UTC) }
	ev := metrics.Event{Start: at(10), End: at(11), Wikis: []string{"en.wikipedia.org", "de.wikipedia.org"}}
	return []metrics.Contribution{
		{Wiki: "en.wikipedia.org", Username: "Ann", RevID: 1, PageID: 7, NS: 0, Title: "Curie", Timestamp: at(1), SizeDiff: 100},
		{Wiki: "en.wikipedia.org", Username: "Ann", RevID: 2, PageID: 7, NS: 0, Title: "Curie", Timestamp: at(10), SizeDiff: -30},
		{Wiki: "en.wikipedia.org", Username: "Bob", RevID: 3, PageID: 7, NS: 0, Title: "Curie", Timestamp: at(11), SizeDiff: 50},
		{Wiki: "en.wikipedia.org", Username: "Bob", RevID: 4, PageID: 8, NS: 2, Title: "User:Bob", Timestamp: at(11), SizeDiff: 20, New: true},
		{Wiki: "de.wikipedia.org", Username: "Ann", RevID: 1, PageID: 7, NS: 0, Title: "Meitner", Timestamp: at(20), NoSizeDiff: true, New: true},
	}, ev
}

func TestContributionsFrameTypesAndPeriods(t *testing.T) {
	cs, ev := fixtureContributions()
	df := Contributions(cs, ev, &metrics.Result{Participants: []metrics.ParticipantSummary{{Username: "Ann", Segment: metrics.SegmentNew}}}, nil)
	if df.Err != nil {
		t.Fatal(df.Err)
	}
	for col, typ := range map[string]series.Type{ColRevID: series.Int, ColNS: series.Int, ColSizeDiff: series.Int, ColCreated: series.Bool, ColWiki: series.String, ColIncluded: series.Bool, ColContent: series.Bool} {
		if got := df.Col(col).Type(); got != typ {
			t.Errorf("%s is %s, want %s", col, got, typ)
		}
	}
	if got := strings.Join(df.Col(ColPeriod).Records(), ","); got != "before,during,during,during,after" {
		t.Errorf("periods %s (the window is inclusive at both ends)", got)
	}
	if got := strings.Join(df.Col(ColSegment).Records(), ","); got != "new,new,,,new" {
		t.Errorf("segments %s", got)
	}
	if size := df.Col(ColSizeDiff).Float(); !math.IsNaN(size[4]) || size[1] != -30 {
		t.Errorf("size_diff %v: want -30 kept and NaN where the API gave none", size)
	}
}

func TestFiltersAndGroupings(t *testing.T) {
	cs, ev := fixtureContributions()
	df := Contributions(cs, ev, nil, nil)
	for name, tc := range map[string]struct {
		rows int
		got  func() int
	}{
		"en":       {4, func() int { return OnWiki(df, "en.wikipedia.org").Nrow() }},
		"ns 0":     {4, func() int { return InNamespace(df, 0).Nrow() }},
		"en, ns 0": {3, func() int { return InNamespace(OnWiki(df, "en.wikipedia.org"), 0).Nrow() }},
		"during":   {3, func() int { return InPeriod(df, metrics.During).Nrow() }},
		"10th to 11th": {1, func() int {
			return Between(df, time.Date(2024, 3, 10, 0, 0, 0, 0, time.UTC), time.Date(2024, 3, 11, 0, 0, 0, 0, time.UTC)).Nrow()
		}},
	} {
		if got := tc.got(); got != tc.rows {
			t.Errorf("%s: %d rows, want %d", name, got, tc.rows)
		}
	}
	if h := Head(df, 2); h.Nrow() != 2 || h.Elem(1, 2).String() != "2" || Head(df, 9).Nrow() != 5 {
		t.Errorf("Head: %d rows", h.Nrow())
	}
	pages := PerPage(df)
	if pages.Err != nil {
		t.Fatal(pages.Err)
	}
	// Curie on en: 3 edits by Ann and Bob, +100 and +50 added (the -30 is a removal).
	want := "en.wikipedia.org 0 7 Curie 3 2 150 false|en.wikipedia.org 2 8 User:Bob 1 1 20 true|de.wikipedia.org 0 7 Meitner 1 1 0 true"
	if got := joinRecords(pages.Records()[1:]); got != want {
		t.Errorf("PerPage:\n%s\nwant\n%s", got, want)
	}
	if got := strings.Join(pages.Names(), " "); got != "wiki ns pageid title edits editors bytes_added new" {
		t.Errorf("PerPage columns %s", got)
	}
	per := PerParticipant(df)
	want = "Ann  3 2 1 100 2024-03-01T12:00:00Z 2024-03-20T12:00:00Z|Bob  2 2 1 70 2024-03-11T12:00:00Z 2024-03-11T12:00:00Z"
	if got := joinRecords(per.Records()[1:]); got != want {
		t.Errorf("PerParticipant:\n%s\nwant\n%s", got, want)
	}
	by := CountBy(df, ColWiki, ColNS)
	if got := joinRecords(by.Records()[1:]); got != "en.wikipedia.org 0 3 2 1 0 150|en.wikipedia.org 2 1 1 1 1 20|de.wikipedia.org 0 1 1 1 1 0" {
		t.Errorf("CountBy wiki, ns: %s", got)
	}
	if by.Col(ColNS).Type() != series.Int || by.Col(ColEdits).Type() != series.Int {
		t.Error("CountBy: numeric columns must stay numeric")
	}
	if bad := OnWiki(Accounts(nil), "x"); bad.Err == nil || !strings.Contains(bad.Err.Error(), `no "wiki" column`) {
		t.Errorf("a frame without the column: %v", bad.Err)
	}
}

func joinRecords(recs [][]string) string {
	rows := make([]string, len(recs))
	for i, r := range recs {
		rows[i] = strings.Join(r, " ")
	}
	return strings.Join(rows, "|")
}
