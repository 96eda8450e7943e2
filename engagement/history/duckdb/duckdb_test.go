//go:build duckdb

package duckdb

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/history"
	"example.com/engagement/engagement/sample"
)

// sampleDumps writes the sample's wikis as dumps and returns the folder.
func sampleDumps(t *testing.T, o sample.HistoryOptions) string {
	t.Helper()
	if o.Compress == "bz2" {
		if _, err := exec.LookPath("bzip2"); err != nil {
			t.Fatal("the bzip2 program is needed to write bzip2 dumps (apt-get install bzip2)")
		}
	}
	ev, err := sample.Generate(sample.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := ev.WriteHistory(dir, o); err != nil {
		t.Fatal(err)
	}
	return dir
}

// sampleOptions are the sample event's load options.
func sampleOptions(t *testing.T) history.Options {
	t.Helper()
	o := history.Options{Wikis: sample.Wikis, AsOf: sample.AsOf, Tmp: t.TempDir()}
	ev, err := sample.Generate(sample.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ev.People {
		o.Participants = append(o.Participants, p.Name)
	}
	return o
}

// checkSample asserts that what was loaded is the sample's ground truth:
// every live revision the API shows and nothing else (not the revisions
// deleted with their page, nor the one with a hidden author, nor the
// vanished participant's edits under the old name), and its accounts.
func checkSample(t *testing.T, l *history.Loaded, o history.Options) {
	t.Helper()
	want, err := sample.Contributions()
	if err != nil {
		t.Fatal(err)
	}
	wantAcc := sample.MustAccounts()
	wantData := &history.Data{Contributions: want, Accounts: wantAcc}
	wantData.Sort(o.Wikis, o.Participants)
	if len(l.Contributions) != len(want) {
		t.Fatalf("%d contributions, want %d", len(l.Contributions), len(want))
	}
	for i := range want {
		if l.Contributions[i] != wantData.Contributions[i] {
			t.Fatalf("contribution %d: %+v, want %+v", i, l.Contributions[i], wantData.Contributions[i])
		}
	}
	if !reflect.DeepEqual(l.Accounts, wantData.Accounts) {
		t.Fatalf("accounts:\n%v\nwant\n%v", l.Accounts, wantData.Accounts)
	}
}

func TestSampleDumpsGiveTheAPIsData(t *testing.T) {
	dir := sampleDumps(t, sample.HistoryOptions{Snapshot: "2025-01", Compress: "bz2"})
	o := sampleOptions(t)
	start := time.Now()
	l, err := history.Load(context.Background(), Engine{}, dir, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("loaded in %v: %d lines, %d rows", time.Since(start), l.Lines, l.Rows)
	checkSample(t, l, o)
	if l.Snapshot.Name != "2025-01" || l.Lines != 6491 {
		t.Errorf("snapshot %q, %d lines; want 2025-01, 6491", l.Snapshot.Name, l.Lines)
	}
}

func TestOlderLayoutsAndOtherCompressionsGiveTheSameData(t *testing.T) {
	o := sampleOptions(t)
	for _, l := range history.Layouts()[1:] {
		compress := map[int]string{77: "gz", 76: "", 74: "gz", 70: ""}[l.Fields]
		dir := sampleDumps(t, sample.HistoryOptions{Snapshot: "2025-01", Compress: compress, Columns: l.Columns, Yearly: l.Fields == 70})
		got, err := history.Load(context.Background(), Engine{}, dir, o)
		if err != nil {
			t.Fatalf("layout %d: %v", l.Fields, err)
		}
		checkSample(t, got, o)
	}
}

func TestAFolderMixingLayoutsIsRead(t *testing.T) {
	o := sampleOptions(t)
	dir := sampleDumps(t, sample.HistoryOptions{Snapshot: "2025-01", Compress: "gz"})
	old := sampleDumps(t, sample.HistoryOptions{Snapshot: "2025-01", Columns: history.Layouts()[4].Columns})
	// commonswiki from the 70-field dumps, the others in the current layout
	commons := filepath.Join(dir, "2025-01", "commonswiki")
	if err := os.RemoveAll(commons); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(old, "2025-01", "commonswiki"), commons); err != nil {
		t.Fatal(err)
	}
	got, err := history.Load(context.Background(), Engine{}, dir, o)
	if err != nil {
		t.Fatal(err)
	}
	checkSample(t, got, o)
}

// checkedSample finds and checks the dumps in dir for the query of o.
func checkedSample(t *testing.T, dir string, o history.Options) (history.Spec, []history.Checked) {
	t.Helper()
	spec, _, err := o.Spec("2025-01")
	if err != nil {
		t.Fatal(err)
	}
	snap, err := history.Find(dir, "", spec.WikiDBs)
	if err != nil {
		t.Fatal(err)
	}
	checked, err := history.Check(context.Background(), snap, t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	return spec, checked
}

// TestTheSparkQueryOnDuckDBExportedAsCSVGivesTheSameData runs the query
// text exactly as written for the Data Lake on DuckDB, exports its result
// as CSV (as an analyst exports spark3-sql's), and reads the export back.
func TestTheSparkQueryOnDuckDBExportedAsCSVGivesTheSameData(t *testing.T) {
	dir := sampleDumps(t, sample.HistoryOptions{Snapshot: "2025-01", Compress: "bz2"})
	o := sampleOptions(t)
	spec, checked := checkedSample(t, dir, o)
	export := filepath.Join(t.TempDir(), "export.csv")
	if err := exportCSV(checked, history.Query(spec), export); err != nil {
		t.Fatal(err)
	}
	got, err := history.Load(context.Background(), nil, export, o)
	if err != nil {
		t.Fatal(err)
	}
	checkSample(t, got, o)
}

// exportCSV runs query over the dumps and writes its result with COPY.
func exportCSV(dumps []history.Checked, query, path string) error {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return err
	}
	defer db.Close()
	conn, err := db.Conn(context.Background())
	if err != nil {
		return err
	}
	defer conn.Close()
	for _, s := range history.ViewSQL(dumps, "2025-01") {
		if _, err := conn.ExecContext(context.Background(), s); err != nil {
			return err
		}
	}
	_, err = conn.ExecContext(context.Background(), "COPY ("+strings.TrimRight(query, "\n")+") TO "+history.Literal(path)+" (HEADER, DELIMITER ',')")
	return err
}

func TestABadValueIsAnErrorFromDuckDB(t *testing.T) {
	dir := sampleDumps(t, sample.HistoryOptions{Snapshot: "2025-01"})
	name := filepath.Join(dir, "2025-01", "enwiki", "2025-01.enwiki.2021-03.tsv")
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(b), "\n")
	f := strings.Split(lines[0], "\t")
	f[60] = "not-a-number" // revision_id
	lines[0] = strings.Join(f, "\t")
	os.WriteFile(name, []byte(strings.Join(lines, "")), 0o644)
	_, err = history.Load(context.Background(), Engine{}, dir, sampleOptions(t))
	want := name + `:1: Error when converting column "revision_id". Could not convert string "not-a-number" to 'BIGINT'`
	if err == nil || !strings.HasSuffix(err.Error(), want) {
		t.Fatalf("a revision_id that is not a number: %v", err)
	}
}

// A session opened on the history computes what the API path computes on
// the sample.
func TestOpenSessionOnTheHistory(t *testing.T) {
	dir := sampleDumps(t, sample.HistoryOptions{Snapshot: "2025-01", Compress: "gz"})
	ctx := context.Background()
	s, l, err := history.OpenSession(ctx, Engine{}, engagement.Sample, dir, "", t.TempDir(), engagement.WithCacheDir(""))
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Analysis()
	if err != nil {
		t.Fatal(err)
	}
	api, err := engagement.Open(ctx, engagement.Sample, engagement.WithCacheDir(""))
	if err != nil {
		t.Fatal(err)
	}
	b, err := api.Analysis()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.Result.Rows, b.Result.Rows) || len(a.Result.Rows) < 100 || l.Rows != 6156 {
		t.Fatalf("%d rows from the history (%d result rows), %d from the API path", len(a.Result.Rows), l.Rows, len(b.Result.Rows))
	}
	if r := s.Requests(); r.API != 0 || r.APICached != 0 { // the sample's Dashboard answers come from memory
		t.Errorf("%v", r)
	}
}

// Rows streams: the first error of each stops the query and is returned
// as it is, after exactly the rows passed so far.
func TestRowsStopsAtTheFirstErrorOfEach(t *testing.T) {
	dir := sampleDumps(t, sample.HistoryOptions{Snapshot: "2025-01"})
	o := sampleOptions(t)
	spec, checked := checkedSample(t, dir, o)
	stop := errors.New("enough")
	n := 0
	err := Engine{}.Rows(context.Background(), checked, "2025-01", history.Query(spec), func(history.Row) error {
		if n++; n == 3 {
			return stop
		}
		return nil
	})
	if err != stop || n != 3 {
		t.Fatalf("%v after %d rows, want %v after 3", err, n, stop)
	}
}

// Threads and MemoryLimit reach DuckDB (as it reports them back), and a
// bounded engine gives the same data.
func TestBoundsReachDuckDB(t *testing.T) {
	e := Engine{Threads: 1, MemoryLimit: "1GB"}
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, s := range e.settings() {
		if _, err := conn.ExecContext(context.Background(), s); err != nil {
			t.Fatal(err)
		}
	}
	var threads, limit string
	if err := conn.QueryRowContext(context.Background(), "SELECT current_setting('threads')::VARCHAR, current_setting('memory_limit')::VARCHAR").Scan(&threads, &limit); err != nil {
		t.Fatal(err)
	}
	if threads != "1" || !strings.Contains(limit, "MiB") && !strings.Contains(limit, "GiB") && !strings.Contains(limit, "MB") {
		t.Errorf("threads %q, memory limit %q; want 1 and about 1 GB", threads, limit)
	}
	t.Logf("DuckDB reports threads %s, memory_limit %s", threads, limit)
	dir := sampleDumps(t, sample.HistoryOptions{Snapshot: "2025-01"})
	o := sampleOptions(t)
	l, err := history.Load(context.Background(), e, dir, o)
	if err != nil {
		t.Fatal(err)
	}
	checkSample(t, l, o)
	// A limit DuckDB cannot read is its error, naming the statement.
	_, err = history.Load(context.Background(), Engine{MemoryLimit: "lots"}, dir, o)
	if err == nil || !strings.Contains(err.Error(), "SET memory_limit = 'lots'") {
		t.Errorf("memory limit lots: %v", err)
	}
}
