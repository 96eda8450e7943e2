package engagement_test

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/frame"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/sample"
)

// readCSV reads an output file the way a user would: gota's ReadCSV with
// its own type detection.
func readCSV(t *testing.T, path string) dataframe.DataFrame {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	df := dataframe.ReadCSV(f)
	if df.Err != nil {
		t.Fatalf("%s: %v", path, df.Err)
	}
	return df
}

// sameFrame reports how the file's frame differs from the analysis's: its
// columns must come first in the frame, in order, with the same numbers
// (NaN for an empty cell) and the same text.
func sameFrame(file, frame dataframe.DataFrame) string {
	fn, gn := file.Names(), frame.Names()
	if len(gn) < len(fn) || !slices.Equal(gn[:len(fn)], fn) {
		return "columns " + strings.Join(fn, ",") + ", the frame's " + strings.Join(gn, ",")
	}
	if file.Nrow() != frame.Nrow() {
		return "rows differ in number"
	}
	numeric := func(s series.Series) bool { return s.Type() == series.Int || s.Type() == series.Float }
	for _, c := range fn {
		a, b := file.Col(c), frame.Col(c)
		if numeric(b) {
			x, y := a.Float(), b.Float()
			for i := range x {
				if x[i] != y[i] && !(math.IsNaN(x[i]) && math.IsNaN(y[i])) {
					return c + ": row " + itoa(i+1) + ": " + a.Elem(i).String() + " in the file, " + b.Elem(i).String() + " in the frame"
				}
			}
			continue
		}
		x, y := a.Records(), b.Records()
		for i := range x {
			if x[i] != y[i] && !(x[i] == "NaN" && y[i] == "") {
				return c + ": row " + itoa(i+1) + ": " + x[i] + " in the file, " + y[i] + " in the frame"
			}
		}
	}
	return ""
}

func itoa(n int) string { return strconv.Itoa(n) }

// openSample opens the sample and analyses it.
func openSample(t *testing.T) (*engagement.Session, *engagement.Analysis) {
	t.Helper()
	s, err := engagement.Open(context.Background(), engagement.Sample)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Analysis()
	if err != nil {
		t.Fatal(err)
	}
	return s, a
}

// Every CSV file Share writes, read back with gota, is the analysis's
// frame of the same name: the same columns, numbers and text.
func TestOutputCSVsAreTheFrames(t *testing.T) {
	ev, d, r := analyseSample(t, failContribs{sample.Transport(), "commons.wikimedia.org"})
	a := &engagement.Analysis{Event: ev, Data: d, Result: r, Params: r.Params}
	dir := t.TempDir()
	if _, err := a.Share(dir, false); err != nil {
		t.Fatal(err)
	}
	frames := map[string]dataframe.DataFrame{
		"contributions.csv": a.Contributions(), "accounts.csv": a.Accounts(), "participants.csv": a.Participants(),
		"metrics.csv": a.Metrics(), "monthly.csv": a.Monthly(), "namespaces.csv": a.Namespaces(), "incomplete.csv": a.Incomplete(),
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	if len(files) != len(frames) {
		t.Errorf("wrote %v; the test knows %d files", files, len(frames))
	}
	for _, f := range files {
		name := filepath.Base(f)
		frame, ok := frames[name]
		if !ok {
			t.Errorf("%s: no frame to compare with", name)
			continue
		}
		if frame.Nrow() == 0 {
			t.Errorf("%s: empty: the test would prove nothing", name)
		}
		if diff := sameFrame(readCSV(t, f), frame); diff != "" {
			t.Errorf("%s read with gota differs from its frame: %s", name, diff)
		}
	}
}

// contributions.csv read with gota, filtered to one wiki and handed to
// Analyze gives exactly the metrics of the frame filtered the same way;
// participants.csv filtered to new editors those of the participants
// frame.
func TestAnalyzeFramesReadFromCSV(t *testing.T) {
	s, a, dir := sampleFolder(t)
	for name, tc := range map[string]struct{ fromFile, fromFrame dataframe.DataFrame }{
		"contributions on en": {frame.OnWiki(readCSV(t, filepath.Join(dir, "contributions.csv")), "en.wikipedia.org"), frame.OnWiki(a.Contributions(), "en.wikipedia.org")},
		"new participants":    {frame.InSegment(readCSV(t, filepath.Join(dir, "participants.csv")), metrics.SegmentNew), frame.InSegment(a.Participants(), metrics.SegmentNew)},
	} {
		got, err := s.Analyze(s.Params(), tc.fromFile)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want, err := s.Analyze(s.Params(), tc.fromFrame)
		if err != nil {
			t.Fatal(err)
		}
		differ := 0
		for i, row := range want.Result.Rows {
			if g := got.Result.Rows[i]; g.Value != row.Value || g.Numerator != row.Numerator || g.Denominator != row.Denominator {
				differ++
			}
		}
		if differ > 0 || len(got.Result.Rows) != len(want.Result.Rows) {
			t.Errorf("%s: %d of %d metric rows differ between the file's frame and the analysis's", name, differ, len(want.Result.Rows))
		}
		all, _ := a.Result.Find(metrics.MetricEditsDuring, metrics.SegmentAll)
		if e, _ := got.Result.Find(metrics.MetricEditsDuring, metrics.SegmentAll); name == "contributions on en" && e.Value >= all.Value {
			t.Errorf("%s: %v edits during, the whole event's %v: not narrowed", name, e.Value, all.Value)
		}
	}
}

// The contributions frame says what the headline counts: its edits during
// the event are the included participants' rows in that period, its pages
// created the content pages they created then.
func TestCountByReconcilesWithTheHeadline(t *testing.T) {
	_, a, _ := sampleFolder(t)
	during := frame.InPeriod(frame.Included(a.Contributions()), metrics.During)
	edits, _ := a.Result.Find(metrics.MetricEditsDuring, metrics.SegmentAll)
	created, _ := a.Result.Find(metrics.MetricPagesCreatedDuring, metrics.SegmentAll)
	sum := func(df dataframe.DataFrame, col string) int {
		n := 0
		for _, v := range frame.CountBy(df, frame.ColWiki).Col(col).Float() {
			n += int(v)
		}
		return n
	}
	if got := sum(during, frame.ColEdits); got != int(edits.Value) || got != 690 {
		t.Errorf("included edits during: %d; the headline says %v (690)", got, edits.Value)
	}
	if got := sum(frame.InContent(during), frame.ColPagesCreated); got != int(created.Value) {
		t.Errorf("content pages created by included participants during: %d; the headline says %v", got, created.Value)
	}
	if all := sum(frame.InPeriod(a.Contributions(), metrics.During), frame.ColEdits); all == int(edits.Value) {
		t.Errorf("every row during: %d edits, the headline's too: the sample lacks the edits the filter leaves out", all)
	}
}

// The enrichment output names the bot and the account not found of the
// sample, which the participants table says the fetch finds.
func TestFetchSummaryNamesWhoTheFetchLeftOut(t *testing.T) {
	_, a, _ := sampleFolder(t)
	var bots, missing []string
	for _, p := range a.Result.Participants {
		switch p.Excluded {
		case metrics.ExcludeBot:
			bots = append(bots, p.Username)
		case metrics.ExcludeNotFound:
			missing = append(missing, p.Username)
		}
	}
	if len(bots) == 0 || len(missing) == 0 {
		t.Fatalf("the sample has bots %q and accounts not found %q; want some of each", bots, missing)
	}
	got := a.FetchSummary()
	for _, want := range []string{
		fmt.Sprintf("- Left out, a bot: the account is in the bot group, so its edits are not counted (%d): %s", len(bots), strings.Join(bots, ", ")),
		fmt.Sprintf("- Left out, account not found: no such account on the event's wikis, so there is nothing to count (%d): %s", len(missing), strings.Join(missing, ", ")),
	} {
		if !strings.Contains(got, want) {
			t.Errorf("FetchSummary lacks %q:\n%s", want, got)
		}
	}
}
