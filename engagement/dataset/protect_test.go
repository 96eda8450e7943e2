package dataset

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strings"
	"testing"
	"time"

	"example.com/engagement/engagement/metrics"
)

// Text cells a spreadsheet would run are written with a quote in front;
// numbers are not text and stay as they are.
func TestFormulaCellsAreProtected(t *testing.T) {
	ts := time.Date(2021, 3, 6, 10, 0, 0, 0, time.UTC)
	cs := []metrics.Contribution{
		{Wiki: "en.wikipedia.org", Username: "=HYPERLINK(\"http://x\",\"y\")", RevID: 1, PageID: 2, Title: "-42", Timestamp: ts, SizeDiff: -42},
		{Wiki: "en.wikipedia.org", Username: "@Ada", RevID: 2, PageID: 2, Title: "+1", Timestamp: ts, SizeDiff: 5},
		{Wiki: "en.wikipedia.org", Username: "Bea", RevID: 3, PageID: 2, Title: "'Allo 'Allo!", Timestamp: ts, SizeDiff: -1},
		{Wiki: "en.wikipedia.org", Username: "Bea", RevID: 4, PageID: 2, Title: "'=already quoted", Timestamp: ts},
		{Wiki: "en.wikipedia.org", Username: "Bea", RevID: 5, PageID: 2, Title: "\tTab", Timestamp: ts},
		{Wiki: "en.wikipedia.org", Username: "Bea", RevID: 6, PageID: 2, Title: "\rCR", Timestamp: ts},
		{Wiki: "en.wikipedia.org", Username: "Bea", RevID: 7, PageID: 2, Title: "''", Timestamp: ts},
	}
	var buf bytes.Buffer
	if err := WriteContributions(&buf, cs); err != nil {
		t.Fatal(err)
	}
	want := canonicalHeader +
		"en.wikipedia.org,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",1,2,0,'-42,2021-03-06T10:00:00Z,-42,false\n" +
		"en.wikipedia.org,'@Ada,2,2,0,'+1,2021-03-06T10:00:00Z,5,false\n" +
		"en.wikipedia.org,Bea,3,2,0,'Allo 'Allo!,2021-03-06T10:00:00Z,-1,false\n" +
		"en.wikipedia.org,Bea,4,2,0,''=already quoted,2021-03-06T10:00:00Z,0,false\n" +
		"en.wikipedia.org,Bea,5,2,0,'\tTab,2021-03-06T10:00:00Z,0,false\n" +
		"en.wikipedia.org,Bea,6,2,0,\"'\rCR\",2021-03-06T10:00:00Z,0,false\n" +
		"en.wikipedia.org,Bea,7,2,0,''',2021-03-06T10:00:00Z,0,false\n"
	if buf.String() != want {
		t.Errorf("written:\n%q\nwant\n%q", buf.String(), want)
	}
	got, err := ReadContributions(bytes.NewReader(buf.Bytes()), "c.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, cs) {
		t.Errorf("read back:\n%+v\nwant\n%+v", got, cs)
	}
}

// Every text written reads back exactly, through every reader, and no
// written text cell starts like a formula.
func FuzzTextCellsRoundTrip(f *testing.F) {
	for _, s := range []string{"=1+1", "-", "+", "@", "'", "''", "'=", "'A", "\t", "\r", "\r\n", "'\t", "a,b", `"`, " =x", "=x ", "-42", "Ada"} {
		f.Add(s, s, uint16(3))
	}
	f.Fuzz(func(t *testing.T, user, title string, chunk uint16) {
		if checkText(user) != nil || checkText(title) != nil || user == "" {
			t.Skip("refused on reading: not UTF-8, or a NUL, or an empty username")
		}
		if Unprotect(Protect(user)) != user || Unprotect(Protect(title)) != title {
			t.Fatalf("Unprotect(Protect(%q)) or (%q) differs", user, title)
		}
		ts := time.Date(2021, 3, 6, 10, 0, 0, 0, time.UTC)
		hasCR := strings.ContainsRune(user+title, '\r') // a file holding one is never copied as it is
		cs := []metrics.Contribution{{Wiki: user, Username: user, RevID: 1, Title: title, Timestamp: ts, SizeDiff: -3}}
		var buf bytes.Buffer
		if err := WriteContributions(&buf, cs); err != nil {
			t.Fatal(err)
		}
		// A carriage return and line feed inside a cell reads back as a
		// line feed, as encoding/csv reads it; the protecting quote goes.
		user, title = strings.ReplaceAll(user, "\r\n", "\n"), strings.ReplaceAll(title, "\r\n", "\n")
		cs[0].Wiki, cs[0].Username, cs[0].Title = user, user, title
		in := buf.Bytes()
		seq, err := readSequential(in, "c.csv", MaxRecordBytes)
		if err != nil || !reflect.DeepEqual(seq, cs) {
			t.Fatalf("%q: record by record %+v (%v), want %+v", in, seq, err, cs)
		}
		table, info, err := readContributionsChunked(bytes.NewReader(in), "c.csv", 0, 1+int(chunk%64), 2, MaxRecordBytes)
		canonical := info.canonical
		if err != nil || !reflect.DeepEqual(table.Rows(), cs) {
			t.Fatalf("%q: chunked (%v) differs", in, err)
		}
		if wantCanon := !hasCR; canonical != wantCanon {
			t.Fatalf("%q: canonical %v, want %v", in, canonical, wantCanon)
		}
		assertNoFormula(t, in)
		buf.Reset()
		WriteAccounts(&buf, []metrics.Account{{Username: user}})
		if as, err := ReadAccounts(bytes.NewReader(buf.Bytes()), "a.csv"); err != nil || len(as) != 1 || as[0].Username != user {
			t.Fatalf("accounts: %+v (%v)", as, err)
		}
		assertNoFormula(t, buf.Bytes())
		buf.Reset()
		rows := []Incomplete{{Username: user, Wiki: title, Stage: title, Cause: user}}
		WriteIncomplete(&buf, rows)
		if got, err := ReadIncomplete(bytes.NewReader(buf.Bytes()), "i.csv"); err != nil || !reflect.DeepEqual(got, rows) {
			t.Fatalf("incomplete: %q (%v)", got, err)
		}
		buf.Reset()
		ns := []Namespace{{Wiki: user, NS: -1, Name: title}}
		WriteNamespaces(&buf, ns)
		if got, err := ReadNamespaces(bytes.NewReader(buf.Bytes()), "n.csv"); err != nil || !reflect.DeepEqual(got, ns) {
			t.Fatalf("namespaces: %+v (%v)", got, err)
		}
	})
}

// assertNoFormula fails when a cell of the CSV in starts like a formula.
func assertNoFormula(t *testing.T, in []byte) {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(in)).ReadAll()
	if err != nil {
		t.Fatalf("%q: %v", in, err)
	}
	for _, rec := range recs {
		for _, c := range rec {
			if len(c) > 0 && formulaStart(c[0]) && !canonicalIntString(c) {
				t.Fatalf("%q: cell %q starts like a formula", in, c)
			}
		}
	}
}

// canonicalIntString reports whether c is a negative integer (a sizediff
// or namespace), the one kind of number cell that starts with "-".
func canonicalIntString(c string) bool {
	if len(c) < 2 || c[0] != '-' {
		return false
	}
	for _, r := range c[1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
