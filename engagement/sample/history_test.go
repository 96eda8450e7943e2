package sample_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"example.com/engagement/engagement/dashboard"
	"example.com/engagement/engagement/study"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/history"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/sample"
)

// An event shape's contributions and accounts become dumps of every
// course wiki (an empty one where nobody has an account or an edit) that
// the history reader accepts, with one user row per account and wiki and
// one revision row per contribution, page creations alone with parent 0.
func TestWriteHistoryOfAShape(t *testing.T) {
	at := time.Date(2024, 5, 10, 10, 0, 0, 0, time.UTC)
	cs := []metrics.Contribution{
		{Wiki: "en.wikipedia.org", Username: "Ada", RevID: 10, PageID: 1, NS: 0, Title: "Ada Lovelace", Timestamp: at, SizeDiff: 300, New: true},
		{Wiki: "en.wikipedia.org", Username: "Ada", RevID: 11, PageID: 2, NS: 3, Title: "User talk:Ada", Timestamp: at.Add(time.Hour), NoSizeDiff: true},
		{Wiki: "commons.wikimedia.org", Username: "Bea", RevID: 12, PageID: 3, NS: 6, Title: "File:Scan 1921.jpg", Timestamp: at.AddDate(0, 1, 0), SizeDiff: -5},
	}
	accounts := []metrics.Account{{Username: "Ada", Registration: at.AddDate(0, 0, -3)}, {Username: "Bea", Bot: true}}
	wikis := []string{"en.wikipedia.org", "commons.wikimedia.org", "de.wikipedia.org"}
	dir := t.TempDir()
	content := func(wiki string, ns int) bool { return ns == 0 || (wiki == "commons.wikimedia.org" && ns == 6) }
	o := sample.HistoryOptions{Snapshot: "2024-06"}
	if err := sample.WriteHistoryOf(dir, cs, accounts, wikis, history.WikiDB, content, o); err != nil {
		t.Fatal(err)
	}
	s, err := history.Find(dir, "", []string{"enwiki", "commonswiki", "dewiki"})
	if err != nil {
		t.Fatal(err)
	}
	checked, err := history.Check(context.Background(), s, t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string]int{}
	for _, c := range checked {
		lines[c.WikiDB] += c.Lines
	}
	if lines["enwiki"] != 4 || lines["commonswiki"] != 3 || lines["dewiki"] != 2 {
		t.Errorf("lines by wiki %v, want enwiki 2 users + 2 revisions, commonswiki 2 + 1, dewiki the 2 users", lines)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "2024-06", "commonswiki", "2024-06.commonswiki.2024-06.tsv"))
	f := strings.Split(strings.TrimSuffix(string(b), "\n"), "\t")
	col := func(name string) string { return f[slices.Index(history.Columns78, name)] }
	if col("page_title") != "Scan_1921.jpg" || col("page_namespace_is_content") != "true" || col("revision_parent_id") != "1000000000012" ||
		col("revision_text_bytes_diff") != "-5" || col("event_user_groups") != "bot" {
		t.Errorf("the commons revision's line: %q", b)
	}
}

// A title or name with backslashes is written as the dumps write it (the
// backslashes as they are); one with a TAB, which no MediaWiki title
// holds and the dumps would write as \t, is refused, naming the revision.
func TestWriteHistoryOfBackslashesAndTabs(t *testing.T) {
	at := time.Date(2024, 5, 10, 10, 0, 0, 0, time.UTC)
	cs := []metrics.Contribution{{Wiki: "en.wikipedia.org", Username: `Back\slash`, RevID: 10, PageID: 1, Title: `C:\tmp \\ x`, Timestamp: at, New: true}}
	dir := t.TempDir()
	o := sample.HistoryOptions{Snapshot: "2024-06"}
	content := func(string, int) bool { return true }
	if err := sample.WriteHistoryOf(dir, cs, nil, []string{"en.wikipedia.org"}, history.WikiDB, content, o); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "2024-06", "enwiki", "2024-06.enwiki.2024-05.tsv"))
	f := strings.Split(strings.TrimSuffix(string(b), "\n"), "\t")
	if col := func(name string) string { return f[slices.Index(history.Columns78, name)] }; col("page_title") != `C:\tmp_\\_x` || col("event_user_text") != `Back\slash` {
		t.Errorf("the line: %q", b)
	}
	cs[0].Title = "Tab\there"
	err := sample.WriteHistoryOf(t.TempDir(), cs, nil, []string{"en.wikipedia.org"}, history.WikiDB, content, o)
	if err == nil || err.Error() != `revision 10 of en.wikipedia.org ("Tab\there" by "Back\\slash"): a TAB, LF or CR, which no MediaWiki title or user name holds` {
		t.Errorf("a title with a TAB: %v", err)
	}
}

// The filler writes exactly n revisions, one yearly file per wiki and
// year, in time order within each file, with distinct revision ids, and
// the same bytes on every run although two files are written at a time.
func TestWriteFillerIsExactAndTheSameEveryRun(t *testing.T) {
	read := func(dir string) map[string]string {
		files := map[string]string{}
		paths, _ := filepath.Glob(filepath.Join(dir, "2025-01", "*", "*.tsv"))
		for _, p := range paths {
			b, _ := os.ReadFile(p)
			files[filepath.Base(p)] = string(b)
		}
		return files
	}
	var runs []map[string]string
	for range 2 {
		dir := t.TempDir()
		for _, w := range sample.Wikis {
			os.MkdirAll(filepath.Join(dir, "2025-01", sample.DBName(w)), 0o755)
		}
		if err := sample.WriteFiller(dir, sample.HistoryOptions{Snapshot: "2025-01"}, 1000, 7); err != nil {
			t.Fatal(err)
		}
		runs = append(runs, read(dir))
	}
	if len(runs[0]) != len(sample.Wikis)*len(sample.FillerYears) {
		t.Fatalf("%d files, want %d", len(runs[0]), len(sample.Wikis)*len(sample.FillerYears))
	}
	revs := map[string]bool{}
	for name, text := range runs[0] {
		if runs[1][name] != text {
			t.Errorf("%s differs between two runs", name)
		}
		last := ""
		for _, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
			f := strings.Split(line, "\t")
			at, rev := f[slices.Index(history.Columns78, "event_timestamp")], f[slices.Index(history.Columns78, "revision_id")]
			if at < last || revs[rev] {
				t.Fatalf("%s: %s after %s, or revision %s twice", name, at, last, rev)
			}
			last, revs[rev] = at, true
		}
	}
	if len(revs) != 1000 {
		t.Errorf("%d revisions, want 1000", len(revs))
	}
}

// The count of the API path's requests from the client's batching gives
// the sample's 25, the number measured against real MediaWiki 1.39 (the
// integration tests) and by the example program's request counter.
func TestCountAPIRequestsOfTheSample(t *testing.T) {
	ev, err := study.LoadEvent(context.Background(), engagement.Config{}, engagement.Sample)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range ev.Participants {
		if p.Excluded != dashboard.ExcludeInvalid {
			names = append(names, p.Username)
		}
	}
	has := map[string]bool{}
	for _, a := range sample.MustAccounts() {
		has[a.Username] = true
	}
	cs, err := sample.Contributions()
	if err != nil {
		t.Fatal(err)
	}
	got := sample.CountAPIRequests(ev.Course.Domains(), names, func(u string) bool { return has[u] }, cs)
	want := []sample.APIRequests{{"en.wikipedia.org", 1, 2, 11, 4706}, {"www.wikidata.org", 1, 2, 3, 834}, {"commons.wikimedia.org", 1, 2, 2, 451}}
	total := 0
	for _, r := range got {
		total += r.Total()
	}
	if !slices.Equal(got, want) || total != 25 {
		t.Errorf("%+v (%d requests), want %+v (25)", got, total, want)
	}
}
