package frame

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/metrics"
)

// Every frame begins with its CSV file's header, in the file's order: the
// one schema is dataset's.
func TestFramesBeginWithTheirFilesHeader(t *testing.T) {
	r := &metrics.Result{}
	for _, tc := range []struct {
		file   string
		header []string
		df     dataframe.DataFrame
	}{
		{dataset.ContributionsFile, dataset.ContributionsHeader, Contributions(nil, metrics.Event{}, nil, nil)},
		{"accounts.csv", dataset.AccountsHeader, Accounts(nil)},
		{dataset.ParticipantsFile, dataset.ParticipantsHeader, Summary(r)},
		{"metrics.csv", dataset.MetricsHeader, Metrics(r)},
		{"monthly.csv", dataset.MonthlyHeader, Monthly(r)},
		{"namespaces.csv", dataset.NamespacesHeader, Namespaces(nil)},
		{"incomplete.csv", dataset.IncompleteHeader(), Incomplete(nil)},
	} {
		names := tc.df.Names()
		if len(names) < len(tc.header) || !slices.Equal(names[:len(tc.header)], tc.header) {
			t.Errorf("%s: the frame's columns %v do not begin with the file's header %v", tc.file, names, tc.header)
		}
	}
	if got := strings.Join(Contributions(nil, metrics.Event{}, nil, nil).Names()[len(dataset.ContributionsHeader):], " "); got != "segment included content day period" {
		t.Errorf("contributions frame adds %s", got)
	}
}

func TestNamespacesAndIncompleteAreSortedWithoutTouchingTheirInput(t *testing.T) {
	ns := []dataset.Namespace{{Wiki: "fr", NS: 2, Name: "Utilisateur"}, {Wiki: "en", NS: 0, Content: true}, {Wiki: "en", NS: -1, Name: "Special"}}
	df := Namespaces(ns)
	if got := strings.Join(df.Col(ColWiki).Records(), ",") + " " + strings.Join(df.Col(ColNS).Records(), ","); got != "en,en,fr -1,0,2" {
		t.Errorf("namespaces in order %s, want en,en,fr -1,0,2", got)
	}
	if ns[0].Wiki != "fr" {
		t.Errorf("Namespaces reordered its input: %+v", ns)
	}
	in := []dataset.Incomplete{{Username: "Bob", Wiki: "en", Stage: "contributions", Cause: "timeout"}, {Username: "Ann", Wiki: "fr", Stage: "accounts", Cause: "HTTP 500"}}
	if got := Incomplete(in).Records()[1]; strings.Join(got, " ") != "Ann fr accounts HTTP 500" {
		t.Errorf("first incomplete row %v, want Ann's", got)
	}
}

func TestKindAndRevisions(t *testing.T) {
	at := time.Date(2024, 3, 10, 0, 0, 0, 0, time.UTC)
	cs := []metrics.Contribution{{Wiki: "en", Username: "Ann", RevID: 41, Timestamp: at}, {Wiki: "fr", Username: "Bob", RevID: 42, Timestamp: at}}
	df := Contributions(cs, metrics.Event{Start: at, End: at}, nil, nil)
	if k, err := Kind(df); err != nil || k != KindContributions {
		t.Fatalf("Kind = %q, %v; want contributions", k, err)
	}
	revs, err := Revisions(df)
	if err != nil || !slices.Equal(revs, []Revision{{"en", 41}, {"fr", 42}}) {
		t.Errorf("Revisions = %v, %v", revs, err)
	}
	if got := strings.Join(Usernames(df), ","); got != "Ann,Bob" {
		t.Errorf("Usernames = %s", got)
	}
	holed := df.Mutate(series.New([]float64{41, math.NaN()}, series.Float, ColRevID))
	if _, err := Revisions(holed); err == nil || err.Error() != "the contributions frame to analyse: row 2 has no revid" {
		t.Errorf("a row without a revid: %v", err)
	}
	if k, err := Kind(Summary(&metrics.Result{})); err != nil || k != KindParticipants {
		t.Errorf("a summary frame is %q, %v; want participants", k, err)
	}
	if _, err := Kind(Accounts(nil)); err == nil || !strings.Contains(err.Error(), "it has username, registration, bot") {
		t.Errorf("an accounts frame: %v", err)
	}
}

func TestHeadlineKeepsLabelsAndDetailsAndEmptiesAreNaN(t *testing.T) {
	df := Headline([]Measure{
		{Label: "Participants", Row: metrics.Row{Value: 12}, Detail: ""},
		{Label: "Retention 7 days, new", Row: metrics.Row{Value: 0.25, IsShare: true}, Detail: "1 of 4"},
		{Label: "Bytes added", Row: metrics.Row{Empty: true, Value: 3, Note: "none"}, Detail: "none"},
	})
	if got := strings.Join(df.Names(), " "); got != "measure value is_share detail" {
		t.Errorf("columns %s", got)
	}
	v := df.Col(ColValue).Float()
	if v[0] != 12 || v[1] != 0.25 || !math.IsNaN(v[2]) {
		t.Errorf("values %v, want 12, 0.25, NaN", v)
	}
	if got := strings.Join(df.Col("detail").Records(), "|"); got != "|1 of 4|none" {
		t.Errorf("details %s", got)
	}
}

func TestMetricsByPutsTheSettingFirst(t *testing.T) {
	r := &metrics.Result{Rows: []metrics.Row{
		{Metric: metrics.MetricParticipants, Segment: metrics.SegmentNew, Value: 4},
		{Metric: metrics.MetricParticipants, Segment: metrics.SegmentNew, Value: 6},
	}}
	df := MetricsBy("lookback_days", []int{30, 90}, r)
	if got := strings.Join(df.Names(), " "); got != "lookback_days "+strings.Join(Metrics(r).Names(), " ") {
		t.Errorf("columns %s", got)
	}
	if df.Col("lookback_days").Type() != series.Int || strings.Join(df.Col("lookback_days").Records(), ",") != "30,90" {
		t.Errorf("setting column %v", df.Col("lookback_days"))
	}
	if v := df.Col(ColValue).Float(); v[0] != 4 || v[1] != 6 {
		t.Errorf("values %v, want 4, 6", v)
	}
}

func TestPageViewsKeepsTheOrderGiven(t *testing.T) {
	df := PageViews([]PageView{{Wiki: "fr.wikipedia.org", NS: 0, Title: "Curie", Views: 90}, {Wiki: "en.wikipedia.org", NS: 2, Title: "User:Ann", Views: 3}})
	if got := joinRecords(df.Records()); got != "wiki ns title views|fr.wikipedia.org 0 Curie 90|en.wikipedia.org 2 User:Ann 3" {
		t.Errorf("page views %s", got)
	}
	if df.Col(ColViews).Type() != series.Int {
		t.Error("views must be integers")
	}
}

func TestCampaignFrames(t *testing.T) {
	people := []dataset.ReturningPerson{{Username: "Ann", Courses: []string{"A/one", "A/two"}}}
	ret := Returning(people)
	if ret.Err != nil || ret.Col("events").Type() != series.Int || joinRecords(ret.Records()) != "username events courses|Ann 2 A/one; A/two" {
		t.Errorf("returning frame %v: %s", ret.Err, joinRecords(ret.Records()))
	}
	r := &metrics.Result{Rows: []metrics.Row{{Metric: metrics.MetricParticipants, Segment: metrics.SegmentAll, Value: 3}}}
	ev := Events([]CourseResult{{"A/one", r}, {"A/two", r}})
	if got := strings.Join(ev.Col("course").Records(), ","); ev.Err != nil || got != "A/one,A/two" || ev.Names()[1] != ColMetric {
		t.Errorf("events frame %v: courses %s, columns %v", ev.Err, got, ev.Names())
	}
	if none := Events(nil); none.Err == nil || !strings.Contains(none.Err.Error(), "no event") {
		t.Errorf("no events: %v", none.Err)
	}
	cmp := Comparison([]dataset.ComparisonRow{{Title: "One", Failed: "not found"}})
	if cmp.Err != nil || cmp.Col("title").Type() != series.String || cmp.Col("participants").Type() != series.Float {
		t.Errorf("comparison frame %v: %v", cmp.Err, cmp.Types())
	}
}
