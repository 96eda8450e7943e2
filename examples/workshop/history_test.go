package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"example.com/engagement/engagement/history/engine"
)

// -engine spark writes the query for the Data Lake (the golden query's
// shape, the sample's 56 participants and three wikis) and nothing else.
func TestSparkQueryIsWritten(t *testing.T) {
	out := t.TempDir()
	sqlFile := filepath.Join(out, "q.sql")
	var stdout bytes.Buffer
	if err := run([]string{"-engine", "spark", "-snapshot", "2025-01", "-sql", sqlFile, "-out", out, "-cache", ""}, &stdout, io.Discard); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(sqlFile)
	if err != nil {
		t.Fatal(err)
	}
	q := string(b)
	for _, want := range []string{"FROM wmf.mediawiki_history h", "WHERE h.snapshot = '2025-01'\n  AND h.wiki_db IN ('enwiki', 'wikidatawiki', 'commonswiki')",
		"    ('Ada Okafor'),", "TIMESTAMP '2025-01-01 00:00:00'"} {
		if !strings.Contains(q, want) {
			t.Errorf("the query lacks %q", want)
		}
	}
	if n := strings.Count(q, "\n    ("); n != 56 {
		t.Errorf("%d participants in the query, want 56", n)
	}
	if !strings.Contains(stdout.String(), "the query for wmf.mediawiki_history, snapshot 2025-01, 56 participants on 3 wikis, as of 2025-01-01T00:00:00Z") {
		t.Errorf("stdout: %s", stdout.String())
	}
	if entries, _ := os.ReadDir(out); len(entries) != 1 {
		t.Errorf("wrote %d files, want only the query", len(entries))
	}
}

func TestHistoryFlagMistakes(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]string{
		"-engine spark":                           "-engine spark needs -sql FILE and -snapshot YYYY-MM",
		"-engine hive -history " + dir:            `-engine "hive": want duckdb or spark`,
		"-history " + dir + " -from " + dir:       "-history reads the data itself: use it without -from",
		"-history " + dir:                         "holds no snapshot folder",
		"-history " + dir + " -snapshot 2025-1":   `snapshot "2025-1": want YYYY-MM`,
		"-history " + dir + " -asof 2025-03-01":   "",
		"-history " + dir + " -duckdb-threads -2": "-duckdb-threads: threads -2: want 0 (every core) or more",
		"-history " + dir + " -duckdb-memory 4":   `-duckdb-memory: memory limit "4": want a size such as 4GB, 512MB or 1.5GiB`,
		"-duckdb-memory 4GB":                      "-duckdb-threads and -duckdb-memory bound the reading of -history: set -history too",
	}
	for args, want := range cases {
		err := run(append(strings.Fields(args), "-out", t.TempDir(), "-cache", ""), io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", args, err, want)
		}
	}
	if !engine.Available() {
		os.MkdirAll(filepath.Join(dir, "2025-01", "enwiki"), 0o755)
		for _, db := range []string{"enwiki", "wikidatawiki", "commonswiki"} {
			os.MkdirAll(filepath.Join(dir, "2025-01", db), 0o755)
			os.WriteFile(filepath.Join(dir, "2025-01", db, "2025-01."+db+".all-time.tsv"), nil, 0o644)
		}
		err := run([]string{"-history", dir, "-out", t.TempDir(), "-cache", ""}, io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), "reading dumps needs the DuckDB engine: build with -tags duckdb") {
			t.Errorf("without DuckDB: %v", err)
		}
	}
}
