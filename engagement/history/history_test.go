package history

import (
	"context"
	"database/sql"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"example.com/engagement/engagement/sample"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestCurrentLayoutIsTheGeneratorsAndOlderOnesDropFields(t *testing.T) {
	if !slices.Equal(Columns78, sample.HistoryColumns) || len(Columns78) != 78 {
		t.Fatalf("the reader's 78 columns differ from the generator's (%d, %d)", len(Columns78), len(sample.HistoryColumns))
	}
	want := map[int][]string{77: {"event_log_id"}, 76: {"event_log_id", "event_user_is_cross_wiki"},
		74: {"event_log_id", "event_user_is_cross_wiki", "event_user_central_id", "user_central_id"},
		70: {"event_log_id", "event_user_is_cross_wiki", "event_user_central_id", "user_central_id", "event_user_is_temporary", "event_user_is_permanent", "user_is_temporary", "user_is_permanent"}}
	for n, drop := range want {
		l, err := LayoutOf(n)
		if err != nil || len(l.Columns) != n {
			t.Fatalf("layout %d: %v, %d columns", n, err, len(l.Columns))
		}
		for _, c := range Columns78 {
			if slices.Contains(l.Columns, c) == slices.Contains(drop, c) {
				t.Errorf("layout %d: column %s present %v", n, c, slices.Contains(l.Columns, c))
			}
		}
	}
	_, err := LayoutOf(75)
	if err == nil || err.Error() != "75 tab-separated fields: not a mediawiki_history layout this reader knows (78, 77, 76, 74, 70 fields)" {
		t.Fatalf("75 fields: %v", err)
	}
}

func TestWikiDB(t *testing.T) {
	for in, want := range map[string]string{"en.wikipedia.org": "enwiki", "www.wikidata.org": "wikidatawiki", "commons.wikimedia.org": "commonswiki",
		"zh-min-nan.wikipedia.org": "zh_min_nanwiki", "fr.wiktionary.org": "frwiktionary", "De.Wikipedia.org": "dewiki"} {
		if got, err := WikiDB(in); got != want || err != nil {
			t.Errorf("%s: %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := WikiDB("wiki.example.org"); err == nil || !strings.Contains(err.Error(), `wiki "wiki.example.org"`) {
		t.Errorf("unknown wiki: %v", err)
	}
}

// dumpLine is a revision line of the current layout by user on page.
func dumpLine(db, user, title string, rev int64) sample.HistoryEvent {
	return sample.HistoryEvent{"wiki_db": db, "event_entity": "revision", "event_type": "create", "event_timestamp": "2021-03-05 10:00:00.0",
		"event_user_text": user, "page_id": "7", "page_title": title, "page_namespace": "0", "revision_id": "1", "revision_parent_id": "0"}
}

// withGroups sets a line's user_groups (escaped as in the dumps).
func withGroups(e sample.HistoryEvent, groups string) sample.HistoryEvent {
	e["user_groups"] = groups
	return e
}

// writeDump writes lines (with cols) as one dump of enwiki, snapshot 2025-01.
func writeDump(t *testing.T, dir, compress string, cols []string, lines ...sample.HistoryEvent) string {
	t.Helper()
	folder := filepath.Join(dir, "2025-01", "enwiki")
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for _, l := range lines {
		text.WriteString(sample.HistoryLine(l, cols) + "\n")
	}
	name := filepath.Join(folder, "2025-01.enwiki.2021-03.tsv")
	err := sample.WriteCompressed(name, compress, func(w io.Writer) error { _, err := io.WriteString(w, text.String()); return err })
	if err != nil {
		t.Fatal(err)
	}
	if compress != "" {
		name += "." + compress
	}
	return name
}

// check finds and checks the enwiki dumps of dir, decompressing bzip2
// with Go's library.
func check(t *testing.T, dir string) ([]Checked, error) {
	t.Helper()
	return checkWith(t, dir, "")
}

// checkWith checks with the bzip2 program given ("" for Go's library).
func checkWith(t *testing.T, dir, bzip2 string) ([]Checked, error) {
	t.Helper()
	s, err := Find(dir, "", []string{"enwiki"})
	if err != nil {
		t.Fatal(err)
	}
	return Check(context.Background(), s, t.TempDir(), bzip2)
}

func TestCheckReadsEveryLayoutAndCompression(t *testing.T) {
	for _, l := range Layouts() {
		for _, compress := range []string{"", "gz", "bz2"} {
			if compress == "bz2" {
				needBzip2(t)
			}
			dir := t.TempDir()
			writeDump(t, dir, compress, l.Columns, dumpLine("enwiki", "Ada", "A", 1), dumpLine("enwiki", "Bea", "B", 2))
			c, err := check(t, dir)
			if err != nil {
				t.Fatalf("layout %d, %q: %v", l.Fields, compress, err)
			}
			if c[0].Layout.Fields != l.Fields || c[0].Lines != 2 {
				t.Errorf("layout %d, %q: read as %d, %d lines", l.Fields, compress, c[0].Layout.Fields, c[0].Lines)
			}
			b, err := os.ReadFile(c[0].Read)
			if err != nil || strings.Count(string(b), "\n") != 2 || strings.Count(string(b), "\t") != 2*(l.Fields-1) {
				t.Errorf("layout %d, %q: the copy holds %q (%v)", l.Fields, compress, b, err)
			}
		}
	}
}

func needBzip2(t *testing.T) {
	if _, err := exec.LookPath("bzip2"); err != nil {
		t.Fatal("the bzip2 program is needed to write bzip2 test dumps (apt-get install bzip2)")
	}
}

func TestCheckRefusesBadDumpsNamingFileAndLine(t *testing.T) {
	short := slices.Clone(Columns78[:77])
	cases := []struct {
		name  string
		lines []sample.HistoryEvent
		cols  [][]string
		want  string
	}{
		{"wrong column count", []sample.HistoryEvent{dumpLine("enwiki", "Ada", "A", 1), dumpLine("enwiki", "Bea", "B", 2)}, [][]string{Columns78, short},
			`2025-01.enwiki.2021-03.tsv:2: 77 fields, but the file's first line has 78 (layout 78 fields (with event_log_id, 2026-05))`},
		{"unknown layout", []sample.HistoryEvent{dumpLine("enwiki", "Ada", "A", 1)}, [][]string{Columns78[:75]},
			`2025-01.enwiki.2021-03.tsv:1: 75 tab-separated fields: not a mediawiki_history layout this reader knows`},
		{"unknown escape", []sample.HistoryEvent{dumpLine("enwiki", "Ada", `C:\x`, 1), withGroups(dumpLine("enwiki", "Ada", "A", 2), `sysop,bo\t,a\b`)}, [][]string{Columns78, Columns78},
			`2025-01.enwiki.2021-03.tsv:2: field 49 (user_groups): unknown escape \b in an array (the dumps escape only \, \t \n \r in arrays and do not escape a backslash, so its items cannot be told apart)`},
		{"a backslash ending an array", []sample.HistoryEvent{withGroups(dumpLine("enwiki", "Ada", "A", 1), `bot\`)}, [][]string{Columns78},
			`2025-01.enwiki.2021-03.tsv:1: field 49 (user_groups): a backslash at the end of an array`},
		{"another wiki", []sample.HistoryEvent{dumpLine("dewiki", "Ada", "A", 1)}, [][]string{Columns78},
			`2025-01.enwiki.2021-03.tsv:1: wiki_db "dewiki" in the folder of enwiki`},
	}
	for _, c := range cases {
		dir := t.TempDir()
		folder := filepath.Join(dir, "2025-01", "enwiki")
		os.MkdirAll(folder, 0o755)
		var text strings.Builder
		for i, l := range c.lines {
			text.WriteString(sample.HistoryLine(l, c.cols[i]) + "\n")
		}
		os.WriteFile(filepath.Join(folder, "2025-01.enwiki.2021-03.tsv"), []byte(text.String()), 0o644)
		_, err := check(t, dir)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), folder) {
			t.Errorf("%s: %v\nwant it to name %s and say %s", c.name, err, folder, c.want)
		}
	}
}

// A truncated bzip2 dump is an error naming its file and the line where
// it breaks off, whether Go's library or the bzip2 program decompresses
// it, cut inside a line or at a block's end (where only the program's
// exit status tells); an intact one gives the same lines both ways.
func TestCheckRefusesATruncatedBzip2(t *testing.T) {
	needBzip2(t)
	program, _ := exec.LookPath("bzip2")
	dir := t.TempDir()
	var lines []sample.HistoryEvent
	for i := range 20000 {
		l := dumpLine("enwiki", "Ada", "A", int64(i))
		l["event_comment"] = strings.Repeat("x", i%97)
		lines = append(lines, l)
	}
	name := writeDump(t, dir, "bz2", Columns78, lines...)
	b, _ := os.ReadFile(name)
	var copies []string
	for _, bz := range []string{"", program} {
		c, err := checkWith(t, dir, bz)
		if err != nil || c[0].Lines != 20000 {
			t.Fatalf("intact, decompressed with %q: %v", bz, err)
		}
		copied, _ := os.ReadFile(c[0].Read)
		copies = append(copies, string(copied))
	}
	if copies[0] != copies[1] {
		t.Error("Go's library and the bzip2 program gave different lines")
	}
	for _, cut := range []int{len(b) * 2 / 3, 40} {
		os.WriteFile(name, b[:cut], 0o644)
		for _, bz := range []string{"", program} {
			_, err := checkWith(t, dir, bz)
			if err == nil || !regexp.MustCompile(`2025-01\.enwiki\.2021-03\.tsv\.bz2:\d+: .*\(a truncated or damaged file\?\)`).MatchString(err.Error()) {
				t.Errorf("cut at byte %d, decompressed with %q: %v", cut, bz, err)
			}
		}
	}
}

func TestFindTakesTheLatestSnapshotAndNamesWhatIsMissing(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"2024-11/enwiki/2024-11.enwiki.all-time.tsv", "2025-01/enwiki/2025-01.enwiki.2021.tsv.gz", "2025-01/enwiki/2025-01.enwiki.2020-12.tsv.bz2", "2025-01/dewiki/notes.txt"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755)
		os.WriteFile(filepath.Join(dir, p), nil, 0o644)
	}
	s, err := Find(dir, "", []string{"enwiki"})
	if err != nil || s.Name != "2025-01" || len(s.Dumps) != 2 || s.Dumps[0].Bucket != "2020-12" || s.Dumps[1].Bucket != "2021" {
		t.Fatalf("%+v, %v", s, err)
	}
	if !s.End().Equal(time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("end %v", s.End())
	}
	if _, err := Find(dir, "", []string{"enwiki", "frwiki"}); err == nil || !strings.Contains(err.Error(), "no dumps of frwiki for snapshot 2025-01") {
		t.Errorf("missing wiki: %v", err)
	}
	if _, err := Find(dir, "", []string{"dewiki"}); err == nil || !strings.Contains(err.Error(), "notes.txt: not a dump file of dewiki") {
		t.Errorf("stray file: %v", err)
	}
	if _, err := Load(context.Background(), nil, dir, Options{Wikis: []string{"en.wikipedia.org"}, AsOf: time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)}); err == nil ||
		!strings.Contains(err.Error(), "as-of 2025-02-01T00:00:00Z is not before the end of snapshot 2025-01 (2025-02-01T00:00:00Z)") {
		t.Errorf("as-of after the snapshot: %v", err)
	}
	if _, err := Load(context.Background(), nil, dir, Options{Wikis: []string{"en.wikipedia.org"}, AsOf: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}); err == nil ||
		!strings.Contains(err.Error(), "build with -tags duckdb") {
		t.Errorf("no engine: %v", err)
	}
}

// Titles and user names keep every backslash as MediaWiki has it (the
// dumps escape only TAB, LF and CR, which no title or name can hold), so
// "\t" or "\\" in a title is read as those characters; arrays decode the
// escapes the dumps write in them.
func TestBackslashesInTitlesAndNamesAreTheirOwnAndArraysAreDecoded(t *testing.T) {
	title := `C:\Program_Files\tools_\t_\n_\\_\x_end\`
	dir := t.TempDir()
	line := withGroups(dumpLine("enwiki", `Back\slash\t`, title, 1), `sys\,op,bot,x\ty`)
	writeDump(t, dir, "", Columns78, line)
	if _, err := check(t, dir); err != nil {
		t.Fatalf("a title, a name and an array with backslashes: %v", err)
	}
	rev := Row{Kind: "revision", WikiDB: "enwiki", Username: `Back\slash\t`, RevID: sql.NullInt64{Int64: 1, Valid: true}, PageID: sql.NullInt64{Int64: 7, Valid: true},
		NS: sql.NullInt64{Int64: 0, Valid: true}, Title: sql.NullString{String: title, Valid: true}, Timestamp: sql.NullString{String: "2021-03-05 10:00:00", Valid: true}}
	acc := Row{Kind: "account", WikiDB: "enwiki", Username: `Back\slash\t`, Groups: sql.NullString{String: `sys\,op,bot,x\ty`, Valid: true}}
	d, err := Convert([]Row{rev, acc}, domains)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Contributions[0]; got.Title != `C:\Program Files\tools \t \n \\ \x end\` || got.Username != `Back\slash\t` {
		t.Errorf("title %q, user %q: want every backslash kept", got.Title, got.Username)
	}
	if a := d.Accounts[0]; !a.Bot || a.Username != `Back\slash\t` {
		t.Errorf("account %+v: want the bot group found and the name as it is", a)
	}
	if got := splitArray(`sys\,op,bot,x\ty,a\nb\rc`); !slices.Equal(got, []string{"sys,op", "bot", "x\ty", "a\nb\rc"}) {
		t.Errorf("splitArray: %q", got)
	}
}
