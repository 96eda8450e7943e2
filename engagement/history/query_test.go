package history

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// goldenSpec is the query of the golden file: three wikis, participants
// with a quote, a backslash and non-ASCII letters in their names.
var goldenSpec = Spec{Snapshot: "2025-01", WikiDBs: []string{"enwiki", "wikidatawiki", "commonswiki"},
	Participants: []string{"Jane Doe", "Ada O'Brien", `Back\slash`, "Zoë Ünal", "Jane Doe"}, AsOf: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}

func TestQueryGolden(t *testing.T) {
	got := Query(goldenSpec)
	path := filepath.Join("testdata", "query.golden.sql")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Fatalf("the query changed (go test -run Golden -update to accept):\n%s", got)
	}
}

// sharedFunctions are the functions the query may call: each has the same
// meaning in DuckDB and in Spark SQL (3 and 4).
var sharedFunctions = []string{"cast", "coalesce", "concat", "concat_ws", "chr", "min", "max", "in", "values", "p"}

// engineOnly are functions of one engine only, or whose meaning differs
// (the design note's traps): the query must call none.
var engineOnly = []string{"array_contains", "list_contains", "size", "len", "length", "datediff", "date_diff", "unix_timestamp", "epoch",
	"substr", "substring", "strftime", "date_format", "strptime", "to_timestamp", "from_unixtime", "regexp_matches", "regexp_extract",
	"rlike", "string_agg", "collect_list", "collect_set", "array_agg", "list", "split", "string_split", "str_split", "explode", "unnest",
	"nvl", "ifnull", "if", "iff", "date_trunc", "list_value", "array_join", "struct_pack", "element_at", "greatest", "least"}

func TestQueryUsesOnlyWhatBothEnginesShare(t *testing.T) {
	q := Query(goldenSpec)
	code := regexp.MustCompile(`'[^']*'`).ReplaceAllString(q, "''") // string literals aside
	code = regexp.MustCompile(`(?m)--.*$`).ReplaceAllString(code, "")
	for _, m := range regexp.MustCompile(`(?i)\b([a-z_][a-z0-9_]*)\s*\(`).FindAllStringSubmatch(code, -1) {
		f := strings.ToLower(m[1])
		if !slices.Contains(sharedFunctions, f) {
			t.Errorf("the query calls %s(, which is not among the functions both engines share", f)
		}
		if slices.Contains(engineOnly, f) {
			t.Errorf("the query calls %s(, a function of one engine only", f)
		}
	}
	for _, bad := range []string{"::", `"`, "ILIKE", "QUALIFY", "->", "SELECT *", "LIMIT"} {
		if strings.Contains(strings.ToUpper(code), strings.ToUpper(bad)) {
			t.Errorf("the query holds %q, which one of the engines reads differently or not at all", bad)
		}
	}
	if strings.Contains(code, `\`) {
		t.Error("a backslash outside chr(92): Spark SQL would read it as an escape")
	}
	if !strings.Contains(q, "WHERE h.snapshot = '2025-01'\n  AND h.wiki_db IN ('enwiki', 'wikidatawiki', 'commonswiki')") {
		t.Error("the query must filter the snapshot partition and the wikis first")
	}
}

func TestLiteralSplicesQuotesAndBackslashes(t *testing.T) {
	for in, want := range map[string]string{"Jane Doe": "'Jane Doe'", "Ada O'Brien": "concat('Ada O', chr(39), 'Brien')",
		`a\b`: `concat('a', chr(92), 'b')`, "''": "concat(chr(39), chr(39))", "Zoë": "'Zoë'"} {
		if got := Literal(in); got != want {
			t.Errorf("Literal(%q) = %s, want %s", in, got, want)
		}
	}
}
