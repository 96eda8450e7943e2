package engagement_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/report"
	"example.com/engagement/engagement/study"
)

// TestSampleFlow runs the whole flow on the embedded sample and checks the
// headline numbers, then proves that re-analysing the written folder
// reproduces every output file exactly.
// enrichSample loads the embedded sample and fetches its data from memory.
func enrichSample(t *testing.T) (context.Context, engagement.Config, *engagement.Event, *engagement.Data) {
	t.Helper()
	ctx := context.Background()
	cfg := engagement.Config{CacheDir: t.TempDir()}
	ev, err := study.LoadEvent(ctx, cfg, engagement.Sample)
	if err != nil {
		t.Fatal(err)
	}
	data, err := study.Enrich(ctx, cfg, ev, nil)
	if err != nil {
		t.Fatal(err)
	}
	return ctx, cfg, ev, data
}

func TestSampleFlow(t *testing.T) {
	ctx, cfg, ev, data := enrichSample(t)
	if len(data.Failures) != 0 || data.Stats.Requests == 0 {
		t.Fatalf("failures %v, stats %v", data.Failures, data.Stats)
	}
	res, err := study.Analyze(ev, data, metrics.DefaultParams(ev.AsOf(ev.Course.End)))
	if err != nil {
		t.Fatal(err)
	}
	// The sample's documented composition: 36 new, 17 experienced, 3
	// excluded (facilitator, account not found, bot).
	want := map[string]float64{"participants/new": 36, "participants/experienced": 17, "participants/all": 53,
		"excluded/facilitator": 1, "excluded/account not found": 1, "excluded/bot": 1, "long_term/experienced": 3}
	seen := map[string]bool{}
	for _, row := range res.Rows {
		key := row.Metric + "/" + string(row.Segment)
		if w, ok := want[key]; ok {
			if seen[key] {
				t.Errorf("%s appears twice in metrics.csv", key)
			}
			seen[key] = true
			if row.Value != w {
				t.Errorf("%s = %v, want %v", key, row.Value, w)
			}
		}
	}
	for key := range want {
		if !seen[key] {
			t.Errorf("%s missing from metrics.csv", key)
		}
	}
	dir := t.TempDir()
	if _, err := study.WriteOutputs(dir, data, res); err != nil {
		t.Fatal(err)
	}
	// A rerun from the cache makes no requests.
	again, err := study.Enrich(ctx, cfg, ev, nil)
	if err != nil || again.Stats.Requests != 0 {
		t.Errorf("rerun: %v, %v", again.Stats, err)
	}
	// -from reproduces the run exactly.
	re, err := study.LoadData(dir)
	if err != nil {
		t.Fatal(err)
	}
	res2, err := study.Analyze(ev, re, metrics.DefaultParams(ev.AsOf(ev.Course.End)))
	if err != nil {
		t.Fatal(err)
	}
	dir2 := t.TempDir()
	if _, err := study.WriteOutputs(dir2, re, res2); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"metrics.csv", "participants.csv", "monthly.csv", "contributions.csv", "accounts.csv", "namespaces.csv"} {
		a, _ := os.ReadFile(filepath.Join(dir, f))
		b, _ := os.ReadFile(filepath.Join(dir2, f))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s differs after re-analysis (%d vs %d bytes)", f, len(a), len(b))
		}
	}
	if h := report.HeadlineRows(nil, res); len(h) != 13 {
		t.Errorf("headline rows %d, want 13", len(h))
	}
}

func TestLiveNeedsContact(t *testing.T) {
	_, err := study.LoadEvent(context.Background(), engagement.Config{}, "https://outreachdashboard.wmflabs.org/courses/A/B")
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte("contact")) {
		t.Errorf("error = %v", err)
	}
}

// Re-analysing a folder for an event counts, and shows with their lines,
// the rows that the metrics leave out: another wiki's, a non-participant's.
func TestLoadEventDataCountsRowsOutsideTheEvent(t *testing.T) {
	_, _, ev, data := enrichSample(t)
	p := metrics.DefaultParams(ev.AsOf(ev.Course.End))
	res, err := study.Analyze(ev, data, p)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := study.WriteOutputs(dir, data, res); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(filepath.Join(dir, "contributions.csv"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	u := data.Contributions.Username(0)
	fmt.Fprintf(f, "fr.wikipedia.org,%s,999000001,1,0,Page,2021-03-06T10:00:00Z,5,false\n", u)
	fmt.Fprintf(f, "%s,Stranger,999000002,1,0,Page,2021-03-06T10:00:00Z,5,false\n", ev.Course.Domains()[0])
	f.Close()
	n := data.Contributions.Len()
	re, err := study.LoadEventData(dir, ev)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		fmt.Sprintf("contributions.csv: 1 contributions on wikis outside the event, left out of the numbers (contributions.csv:%d fr.wikipedia.org, revision 999000001)", n+2),
		fmt.Sprintf("contributions.csv: 1 contributions by users who are not participants, left out of the numbers (contributions.csv:%d “Stranger” on %s)", n+3, ev.Course.Domains()[0]),
	}
	if got := re.Normalised.Lines(); !slices.Equal(got, want) {
		t.Errorf("normalised:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	res2, err := study.Analyze(ev, re, p)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.Rows, res2.Rows) {
		t.Error("rows outside the event changed the metrics")
	}
}
