package engagement

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/nb"
	"example.com/engagement/engagement/sample"
	"example.com/engagement/engagement/study"
)

// TestBaselineOnSample checks the baseline of the embedded sample against
// numbers worked out by hand from sample.Newcomers: of the ten accounts the
// log lists in the window besides the 36 new participants, a bot and three
// never-activated accounts are left out (the autocreated account and the two
// registered a second outside the window are never listed), leaving six.
func TestBaselineOnSample(t *testing.T) {
	ctx := context.Background()
	ev, err := study.LoadEvent(ctx, Config{}, Sample)
	if err != nil {
		t.Fatal(err)
	}
	p := metrics.DefaultParams(sample.AsOf)
	cfg := Config{CacheDir: t.TempDir()}
	b, err := study.FetchBaseline(ctx, cfg, ev, p, BaselineOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprintf("listed %d, roster %d, checked %d, bots %d, not activated %d, failed %d, qualified %d, complete %v",
		b.Listed, b.InRoster, b.Checked, b.Bots, b.NotActivated, b.Failed, b.Qualified, b.Complete)
	want := fmt.Sprintf("listed %d, roster %d, checked 10, bots 1, not activated 3, failed 0, qualified 6, complete true", sample.Composition.New+10, sample.Composition.New)
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	var names []string
	for _, r := range b.Sample {
		names = append(names, r.Username)
	}
	if w := []string{"Birch Alder", "Cedar Quay", "Delta Fenn", "Ember Lark", "Fjord Mae", "Gale Orrin"}; !slices.Equal(names, w) {
		t.Errorf("sample %v, want %v", names, w)
	}
	if b.Note() != "all 6 qualifying newcomers" {
		t.Errorf("note %q", b.Note())
	}
	// One log page per action (create, create2, byemail); on the home wiki
	// siteinfo, users and contributions for ten; on each of the two other
	// wikis the same for the six.
	if b.Stats.Requests != 12 {
		t.Errorf("%d requests, want 12", b.Stats.Requests)
	}
	if len(b.Contributions) != 14 {
		t.Errorf("%d contributions, want the six newcomers' 14 (1+3+3+1+4+2)", len(b.Contributions))
	}
	for _, c := range b.Contributions {
		if c.NoSizeDiff != (c.Username == "Birch Alder" && c.Timestamp.Format("2006-01-02") == "2021-03-20") {
			t.Errorf("%s %s: NoSizeDiff %v; only Birch Alder's edit of 20 March comes without sizediff", c.Username, c.Timestamp, c.NoSizeDiff)
		}
	}
	again, err := study.FetchBaseline(ctx, cfg, ev, p, BaselineOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if again.Stats.Requests != 0 || again.Stats.CacheHits != 12 {
		t.Errorf("rerun: %v, want 0 requests and 12 cache hits", again.Stats)
	}
	rows, err := metrics.BaselineRows(ev.MetricsEvent(), p, b.Sample, b.Contributions, b.Note())
	if err != nil {
		t.Fatal(err)
	}
	wantRows := map[string]string{
		"participants": "6",
		"retention_7d": "4/6", "retention_30d": "3/6", "retention_60d": "1/6", "retention_90d": "1/6", "retention_180d": "1/6", "retention_365d": "0/6",
		"active_m1": "3/6", "active_m2": "2/6", "active_m3": "1/6", "active_m4": "1/6", "active_m5": "0/6", "active_m11": "1/6", "active_m24": "0/6",
		"surviving_new_editors": "3/6",
	}
	seen := 0
	for _, r := range rows {
		if r.Segment != metrics.SegmentBaseline || r.Note != "all 6 qualifying newcomers" {
			t.Errorf("%s: segment %q, note %q", r.Metric, r.Segment, r.Note)
		}
		v := fmt.Sprint(r.Value)
		if r.IsShare {
			v = fmt.Sprintf("%d/%d", r.Numerator, r.Denominator)
		}
		if w, ok := wantRows[r.Metric]; ok {
			seen++
			if v != w {
				t.Errorf("%s = %s, want %s", r.Metric, v, w)
			}
		}
	}
	if seen != len(wantRows) || len(rows) != 1+6+24+1 {
		t.Errorf("%d rows (%d checked), want 32", len(rows), seen)
	}
}

// A notebook re-analysing a folder asks for the baseline the folder holds:
// with one, the same rows as the run that wrote it; without one, the
// analysis goes on and says why there is no baseline.
func TestAnalysisWithBaselineFromFolder(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, Sample, WithCacheDir(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.AnalysisWithBaseline(0)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir() // the CSV files and the baseline, as Share writes them
	if _, err := study.WriteOutputs(dir, a.Data, a.Result); err != nil {
		t.Fatal(err)
	}
	if _, err := writeBaseline(dir, a.Baseline, nil); err != nil {
		t.Fatal(err)
	}
	re, err := Open(ctx, Sample, WithDataFrom(dir))
	if err != nil {
		t.Fatal(err)
	}
	b, err := re.AnalysisWithBaseline(0)
	if err != nil {
		t.Fatal(err)
	}
	if b.Baseline == nil || fmt.Sprint(b.Comparisons) != fmt.Sprint(a.Comparisons) || len(b.Comparisons) != 31 {
		t.Errorf("re-read baseline: %d comparisons, want the run's %d", len(b.Comparisons), len(a.Comparisons))
	}
	var table bytes.Buffer
	if err := nb.TableText(&table, b.BaselineComparison(), nb.BaselineTable()); err != nil {
		t.Fatal(err)
	}
	first := strings.SplitN(table.String(), "\n", 3)[1]
	if !regexp.MustCompile(`^Edited again \d+\+ days after the end +retention_\d+d +\d+\.\d % .* [−+]?\d+\.\d pts +`).MatchString(first) {
		t.Errorf("the baseline table's first row is not labelled, in %% and in points:\n%s", table.String())
	}
	empty := t.TempDir()
	if _, err := study.WriteOutputs(empty, a.Data, a.Result); err != nil {
		t.Fatal(err)
	}
	none, err := Open(ctx, Sample, WithDataFrom(empty))
	if err != nil {
		t.Fatal(err)
	}
	c, err := none.AnalysisWithBaseline(0)
	if err != nil || c.Baseline != nil || !strings.Contains(c.NoBaseline, "holds no baseline.json") {
		t.Errorf("without a baseline: %v, %v, %q", err, c.Baseline, c.NoBaseline)
	}
}
