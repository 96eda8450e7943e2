package history

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"example.com/engagement/engagement/metrics"
)

var domains = map[string]string{"enwiki": "en.wikipedia.org", "commonswiki": "commons.wikimedia.org"}

func TestExportAsPandasWritesItBecomesContributionsAndAccounts(t *testing.T) {
	// wmfdata's frame written with to_csv: an index column, integers with
	// NULLs as floats, booleans True/False, columns in another order; the
	// table escapes nothing, so a title's backslashes are its own.
	csv := `,kind,wiki_db,username,revision_id,page_id,page_namespace,page_title,is_content,event_timestamp,bytes_diff,creates_page,registration,user_groups
0,revision,enwiki,Ada O'Brien,101.0,7.0,3.0,Ada_O'Brien,False,2021-03-05 10:00:00,512.0,True,,
1,revision,commonswiki,Ada O'Brien,5.0,9.0,6.0,Scan_1921\tb\\.jpg,True,2021-03-06 11:00:00.5,,False,,
2,revision,enwiki,Ada O'Brien,101.0,7.0,3.0,Ada_O'Brien,False,2021-03-05 10:00:00,512.0,True,,
3,account,enwiki,Ada O'Brien,,,,,,,,,2021-03-01 09:00:00,
4,account,commonswiki,Ada O'Brien,,,,,,,,,2020-01-01 00:00:00,"bot,rollbacker"
5,account,enwiki,Old Timer,,,,,,,,,,
`
	path := filepath.Join(t.TempDir(), "export.csv")
	os.WriteFile(path, []byte(csv), 0o644)
	rows, err := ReadExport(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Convert(rows, domains)
	if err != nil {
		t.Fatal(err)
	}
	d.Sort([]string{"en.wikipedia.org", "commons.wikimedia.org"}, []string{"Old Timer", "Ada O'Brien"})
	want := []metrics.Contribution{
		{Wiki: "en.wikipedia.org", Username: "Ada O'Brien", RevID: 101, PageID: 7, NS: 3, Title: "User talk:Ada O'Brien", Timestamp: time.Date(2021, 3, 5, 10, 0, 0, 0, time.UTC), SizeDiff: 512, New: true},
		{Wiki: "commons.wikimedia.org", Username: "Ada O'Brien", RevID: 5, PageID: 9, NS: 6, Title: `File:Scan 1921\tb\\.jpg`, Timestamp: time.Date(2021, 3, 6, 11, 0, 0, 5e8, time.UTC), NoSizeDiff: true},
	}
	if len(d.Contributions) != 2 || d.Contributions[0] != want[0] || d.Contributions[1] != want[1] {
		t.Fatalf("contributions %+v\nwant %+v", d.Contributions, want)
	}
	wantAcc := []metrics.Account{{Username: "Old Timer"}, {Username: "Ada O'Brien", Registration: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), Bot: true}}
	if len(d.Accounts) != 2 || d.Accounts[0] != wantAcc[0] || d.Accounts[1] != wantAcc[1] {
		t.Fatalf("accounts %+v\nwant %+v", d.Accounts, wantAcc)
	}
	content := map[string]bool{}
	for _, n := range d.Namespaces {
		content[n.Wiki+":"+n.Name] = n.Content
	}
	if !content["commons.wikimedia.org:File"] || content["en.wikipedia.org:User talk"] || !content["en.wikipedia.org:"] {
		t.Errorf("namespaces %+v", d.Namespaces)
	}
}

func TestExportAsSparkSQLPrintsIt(t *testing.T) {
	tsv := strings.Join(ResultColumns, "\t") + "\n" +
		"revision\tenwiki\tAda\t101\t7\t0\tAda_Lovelace\ttrue\t2021-03-05 10:00:00\tNULL\tfalse\tNULL\tNULL\n" +
		"account\tenwiki\tAda\tNULL\tNULL\tNULL\tNULL\tNULL\tNULL\tNULL\tNULL\t2021-03-01 09:00:00\tbot\n"
	path := filepath.Join(t.TempDir(), "export.tsv")
	os.WriteFile(path, []byte(tsv), 0o644)
	rows, err := ReadExport(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Convert(rows, domains)
	if err != nil {
		t.Fatal(err)
	}
	want := metrics.Contribution{Wiki: "en.wikipedia.org", Username: "Ada", RevID: 101, PageID: 7, Title: "Ada Lovelace", Timestamp: time.Date(2021, 3, 5, 10, 0, 0, 0, time.UTC), NoSizeDiff: true}
	if len(d.Contributions) != 1 || d.Contributions[0] != want || len(d.Accounts) != 1 || !d.Accounts[0].Bot {
		t.Fatalf("%+v", d)
	}
}

func TestExportErrorsNameFileLineAndColumn(t *testing.T) {
	header := strings.Join(ResultColumns, ",") + "\n"
	cases := map[string]string{
		"kind,wiki_db\n": `no column "username"`,
		header + "revision,enwiki,Ada,x1,7,0,A,true,2021-03-05 10:00:00,1,false,,\n":                                                                `export.csv:2: column revision_id: "x1" is not an integer`,
		header + "revision,enwiki,Ada,1,7,0,A,yes,2021-03-05 10:00:00,1,false,,\n":                                                                  `export.csv:2: column is_content: "yes" is not a boolean`,
		header + "edit,enwiki,Ada,1,7,0,A,true,2021-03-05 10:00:00,1,false,,\n":                                                                     `result row 1: kind "edit", want revision or account`,
		header + "revision,dewiki,Ada,1,7,0,A,true,2021-03-05 10:00:00,1,false,,\n":                                                                 `result row 1: wiki_db "dewiki" is not a scope wiki`,
		header + "revision,enwiki,Ada,1,7,0,A,true,2021-03-05 10:00:00,1,false,,\nrevision,enwiki,Ada,1,7,0,A,true,2021-03-05 10:00:00,2,false,,\n": `result row 2: revision 1 of enwiki twice, differently`,
		header + "revision,enwiki,Ada,1,7,0,A,true,5 March 2021,1,false,,\n":                                                                        `result row 1 (enwiki, revision 1): event_timestamp: "5 March 2021" is not a timestamp`,
	}
	for in, want := range cases {
		path := filepath.Join(t.TempDir(), "export.csv")
		os.WriteFile(path, []byte(in), 0o644)
		rows, err := ReadExport(path)
		if err == nil {
			_, err = Convert(rows, domains)
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %s", in, err, want)
		}
	}
}
