package dataset

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"example.com/engagement/engagement/metrics"
)

func TestContributionsRoundTrip(t *testing.T) {
	in := []metrics.Contribution{
		{Wiki: "en.wikipedia.org", Username: "Jane doe (WMUK)", RevID: 12, PageID: 3, NS: 0, Title: `Ada "the first", Lovelace`, Timestamp: time.Date(2021, 3, 5, 10, 12, 0, 0, time.UTC), SizeDiff: -42, New: false},
		{Wiki: "commons.wikimedia.org", Username: "Élise", RevID: 13, PageID: 4, NS: 6, Title: "File:Ünïcode\nline.jpg", Timestamp: time.Date(2024, 12, 31, 23, 59, 59, 0, time.UTC), SizeDiff: 1500, New: true},
		{Wiki: "commons.wikimedia.org", Username: "Élise", RevID: 14, PageID: 4, NS: 6, Title: "File:X.jpg", Timestamp: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), NoSizeDiff: true},
	}
	var buf bytes.Buffer
	if err := WriteContributions(&buf, in); err != nil {
		t.Fatal(err)
	}
	written := buf.String()
	got, err := ReadContributions(&buf, "c.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(written, ",2025-01-01T00:00:00Z,,false\n") {
		t.Errorf("an unknown sizediff is not written as an empty cell:\n%s", written)
	}
	if !reflect.DeepEqual(got, in) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, in)
	}
}

func TestAccountsRoundTripBOMAndCRLF(t *testing.T) {
	src := "\xef\xbb\xbfusername,registration,bot\r\nAlice,2021-03-01T12:00:00Z,false\r\nOld,,false\r\nRobot,2020-01-01T00:00:00Z,true\r\n"
	got, err := ReadAccounts(strings.NewReader(src), "accounts.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []metrics.Account{
		{Username: "Alice", Registration: time.Date(2021, 3, 1, 12, 0, 0, 0, time.UTC)},
		{Username: "Old"},
		{Username: "Robot", Registration: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), Bot: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v", got)
	}
	var buf bytes.Buffer
	if err := WriteAccounts(&buf, want); err != nil {
		t.Fatal(err)
	}
	if buf.String() != strings.ReplaceAll(src[3:], "\r\n", "\n") {
		t.Errorf("written:\n%s", buf.String())
	}
}

func TestReadErrors(t *testing.T) {
	h := "wiki,username,revid,pageid,ns,title,timestamp,sizediff,new\n"
	tests := []struct{ src, want string }{
		{"wiki,username,revid,pageid,ns,title,timestamp,new\n", `c.csv: missing column "sizediff"`},
		{h + "en.wikipedia.org,A,1,2,0,T,2021-03-05T10:00:00Z,5,true\nen.wikipedia.org,A,x,2,0,T,2021-03-05T10:00:00Z,5,true\n", `c.csv:3: column 3 (revid): not an integer: "x"`},
		{h + "en.wikipedia.org,A,1,2,0,T,2021-13-05T10:00:00Z,5,true\n", `c.csv:2: column 7 (timestamp): not an RFC 3339 time: "2021-13-05T10:00:00Z"`},
		{h + "en.wikipedia.org,A,1,2,0,T,2021-03-05T10:00:00Z,5,yes\n", `c.csv:2: column 9 (new): not true or false: "yes"`},
		{h + "en.wikipedia.org,A,1,2,0\n", `c.csv:2: column 6 (title): row has 5 fields, the header has more`},
		{h + "en.wikipedia.org,A,1,2,0,\"T,2021\n", `c.csv:2: extraneous or missing " in quoted-field`},
		{"", `c.csv: empty file`},
		{h + "en.wikipedia.org,A,1,2,0,T,2021-03-05T10:00:00Z,5,true\nen.wikipedia.org,A,2,2,0,\"Bad\xffname\",2021-03-05T10:00:00Z,5,true\n", `c.csv:3: column 6 (title): not valid UTF-8: "Bad\xffname"`},
		{h + "en.wikipedia.org,A\x00B,1,2,0,T,2021-03-05T10:00:00Z,5,true\n", `c.csv:2: column 2 (username): contains a NUL byte at byte 2`},
	}
	for _, tt := range tests {
		_, err := ReadContributions(strings.NewReader(tt.src), "c.csv")
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("error = %v; want prefix %q", err, tt.want)
		}
	}
	for src, want := range map[string]string{
		"username,registration,bot\nA\x00,,false\n":                      `a.csv:2: column 1 (username): contains a NUL byte at byte 2`,
		"username,registration,bot\nOk,,false\n\"Line\nB\xc3\",,false\n": `a.csv:3: column 1 (username): not valid UTF-8: "Line\nB\xc3"`,
	} {
		if _, err := ReadAccounts(strings.NewReader(src), "a.csv"); err == nil || err.Error() != want {
			t.Errorf("accounts error = %v; want %q", err, want)
		}
	}
	_, err := ReadContributions(strings.NewReader(h+"en.wikipedia.org,A,1,2,0,T,2021-03-05T10:00:00Z,x,true\n"), "c.csv")
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 2 || pe.Column != "sizediff" {
		t.Errorf("ParseError = %+v", pe)
	}
}

func TestWriteMetrics(t *testing.T) {
	rows := []metrics.Row{
		{Metric: "participants", Segment: "new", Value: 36},
		{Metric: "retention_7d", Segment: "new", IsShare: true, Value: 0.25, Numerator: 9, Denominator: 36, CILow: 0.1, CIHigh: 0.4},
		{Metric: "retention_365d", Segment: "new", IsShare: true, Empty: true, Note: "not yet observable"},
	}
	var buf bytes.Buffer
	if err := WriteMetrics(&buf, rows); err != nil {
		t.Fatal(err)
	}
	want := "metric,segment,value,numerator,denominator,ci_low,ci_high,note\n" +
		"participants,new,36,,,,,\n" +
		"retention_7d,new,0.25,9,36,0.1,0.4,\n" +
		"retention_365d,new,,0,0,,,not yet observable\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func bigCSV(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	var cs []metrics.Contribution
	base := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		cs = append(cs, metrics.Contribution{Wiki: "en.wikipedia.org", Username: fmt.Sprintf("User %d", r.IntN(10000)), RevID: int64(i + 1), PageID: int64(r.IntN(50000)), NS: r.IntN(3), Title: fmt.Sprintf("Page %d", r.IntN(50000)), Timestamp: base.Add(time.Duration(r.IntN(6*365*24*3600)) * time.Second), SizeDiff: r.IntN(2000) - 500, New: r.IntN(20) == 0})
	}
	var buf bytes.Buffer
	WriteContributions(&buf, cs)
	return buf.Bytes()
}

func BenchmarkReadContributions1M(b *testing.B) {
	data := bigCSV(1_000_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadContributions(bytes.NewReader(data), "c.csv"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteContributions1M(b *testing.B) {
	cs, err := ReadContributions(bytes.NewReader(bigCSV(1_000_000)), "c.csv")
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := WriteContributions(&buf, cs); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

// BenchmarkWriteContributionsTable1M writes 1,000,000 rows held by column,
// what a re-analysis does when contributions.csv cannot be copied.
func BenchmarkWriteContributionsTable1M(b *testing.B) {
	t, err := ReadContributionsTable(bytes.NewReader(bigCSV(1_000_000)), "c.csv")
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := WriteContributionsTable(&buf, t); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

// Re-reading a folder makes its rows canonical like a fetch writes them,
// and says what it changed; rows that disagree are errors.
func TestReadDirNormalises(t *testing.T) {
	write := func(dir, name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	write(dir, "contributions.csv", "wiki,username,revid,pageid,ns,title,timestamp,sizediff,new\n"+
		"en.wikipedia.org,Ada Okafor,3,10,0,\"Two\nlines\",2021-03-06T09:00:00Z,5,false\n\n"+
		"EN.wikipedia.org,Ada_Okafor,1,10,0,P,2021-03-06T10:00:00Z,5,false\n"+
		"en.wikipedia.org,Ada Okafor,1,10,0,P,2021-03-06T10:00:00Z,5,false\n"+
		"en.wikipedia.org,Ada Okafor,2,10,0,P,2021-03-06T11:00:00Z,,false\n")
	write(dir, "accounts.csv", "username,registration,bot\nAda_Okafor,2021-03-01T00:00:00Z,false\nAda Okafor,2021-03-01T00:00:00Z,false\n")
	write(dir, "incomplete.csv", "username,wiki,stage,cause\nBea_X,Commons.wikimedia.org,contributions,HTTP 503 after 6 tries\n")
	d, err := ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Incomplete{Username: "Bea X", Wiki: "commons.wikimedia.org", Stage: "contributions", Cause: "HTTP 503 after 6 tries"}); len(d.Incomplete) != 1 || d.Incomplete[0] != want {
		t.Errorf("incomplete %+v", d.Incomplete)
	}
	if cs := d.Contributions.Rows(); len(cs) != 3 || len(d.Accounts) != 1 || cs[1].Username != "Ada Okafor" || !cs[2].NoSizeDiff {
		t.Fatalf("contributions %+v accounts %+v", cs, d.Accounts)
	}
	want := `contributions.csv: 1 wiki domains lower-cased (contributions.csv:5 EN.wikipedia.org)
contributions.csv: 1 usernames made canonical (contributions.csv:5 “Ada_Okafor” → “Ada Okafor”)
contributions.csv: 1 duplicate revisions dropped (contributions.csv:6 revision 1 on en.wikipedia.org)
accounts.csv: 1 usernames made canonical (accounts.csv:2 “Ada_Okafor” → “Ada Okafor”)
accounts.csv: 1 duplicate accounts dropped (accounts.csv:3 “Ada Okafor”)
incomplete.csv: 1 wiki domains lower-cased (incomplete.csv:2 Commons.wikimedia.org)
incomplete.csv: 1 usernames made canonical (incomplete.csv:2 “Bea_X” → “Bea X”)`
	if got := d.Normalised.String(); got != want {
		t.Errorf("report:\n%s\nwant:\n%s", got, want)
	}
	pseudo := func(u string) string { return "P-" + strings.ReplaceAll(u, "_", " ")[:3] }
	if got := d.Normalised.Redacted(pseudo).Lines()[4]; got != `accounts.csv: 1 duplicate accounts dropped (accounts.csv:3 “P-Ada”)` {
		t.Errorf("redacted: %s", got)
	}
	if strings.Contains(d.Normalised.Redacted(pseudo).String(), "Okafor") {
		t.Errorf("redacted report names a user:\n%s", d.Normalised.Redacted(pseudo))
	}
	os.Remove(filepath.Join(dir, "incomplete.csv"))
	// Re-read for an event on fr.wikipedia.org with other participants:
	// every row is outside it, counted and kept.
	d, err = ReadDirFor(dir, Scope{Wikis: []string{"fr.wikipedia.org"}, Participants: []string{"Bea"}})
	if err != nil {
		t.Fatal(err)
	}
	want = `contributions.csv: 3 contributions on wikis outside the event, left out of the numbers (contributions.csv:2 en.wikipedia.org, revision 3; contributions.csv:5 en.wikipedia.org, revision 1; contributions.csv:7 en.wikipedia.org, revision 2)
contributions.csv: 1 wiki domains lower-cased (contributions.csv:5 EN.wikipedia.org)
contributions.csv: 1 usernames made canonical (contributions.csv:5 “Ada_Okafor” → “Ada Okafor”)
contributions.csv: 1 duplicate revisions dropped (contributions.csv:6 revision 1 on en.wikipedia.org)
accounts.csv: 1 usernames made canonical (accounts.csv:2 “Ada_Okafor” → “Ada Okafor”)
accounts.csv: 1 accounts of users who are not participants, left out of the numbers (accounts.csv:2 “Ada Okafor”)
accounts.csv: 1 duplicate accounts dropped (accounts.csv:3 “Ada Okafor”)`
	if got := d.Normalised.String(); got != want || d.Contributions.Len() != 3 {
		t.Errorf("scope report:\n%s\nwant:\n%s", got, want)
	}
	d, err = ReadDirFor(dir, Scope{Wikis: []string{"en.wikipedia.org"}, Participants: []string{"Bea"}})
	if err != nil || !strings.Contains(d.Normalised.String(), `contributions.csv: 3 contributions by users who are not participants, left out of the numbers (contributions.csv:2 “Ada Okafor” on en.wikipedia.org;`) {
		t.Errorf("participants scope: %v\n%s", err, d.Normalised)
	}
	write(dir, "contributions.csv", "wiki,username,revid,pageid,ns,title,timestamp,sizediff,new\n"+
		"en.wikipedia.org,Ada Okafor,1,10,0,P,2021-03-06T10:00:00Z,5,false\n\n"+
		"en.wikipedia.org,Ada_Okafor,1,10,0,P,2021-03-06T10:00:00Z,6,false\n"+
		"en.wikipedia.org,User:User:Ada,2,10,0,P,2021-03-06T10:00:00Z,6,false\n")
	if _, err := ReadDir(dir); err == nil || !strings.HasSuffix(err.Error(), `contributions.csv: revision 1 on en.wikipedia.org appears twice with different values (lines 2 and 4)`) {
		t.Errorf("conflicting revisions: %v", err)
	}
	write(dir, "contributions.csv", "wiki,username,revid,pageid,ns,title,timestamp,sizediff,new\n"+
		"en.wikipedia.org,User:User:Ada,2,10,0,P,2021-03-06T10:00:00Z,6,false\n")
	if _, err := ReadDir(dir); err == nil || !strings.HasSuffix(err.Error(), `contributions.csv:2: column 2 (username): invalid username "User:User:Ada": starts with a namespace prefix ("User:")`) {
		t.Errorf("invalid username: %v", err)
	}
	write(dir, "contributions.csv", "wiki,username,revid,pageid,ns,title,timestamp,sizediff,new\n")
	write(dir, "accounts.csv", "username,registration,bot\nAda Okafor,2021-03-01T00:00:00Z,false\nAda Okafor,2021-03-01T00:00:00Z,true\n")
	if _, err := ReadDir(dir); err == nil || !strings.Contains(err.Error(), `accounts.csv: account “Ada Okafor” appears twice with different registration or bot flag (lines 2 and 3)`) {
		t.Errorf("conflicting accounts: %v", err)
	}
	write(dir, "contributions.csv", "wiki,username,revid,pageid,ns,title,timestamp,sizediff,sizediff,new\n")
	if _, err := ReadDir(dir); err == nil || !strings.Contains(err.Error(), `column "sizediff" appears twice in the header (columns 8 and 9)`) {
		t.Errorf("duplicated header: %v", err)
	}
}

// BenchmarkReadDir1M re-reads a folder of 1,000,000 contributions the way
// a re-analysis does: parsed in chunks on every core, checked, normalised.
func BenchmarkReadDir1M(b *testing.B) {
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ContributionsFile), bigCSV(1_000_000), 0o644); err != nil {
		b.Fatal(err)
	}
	var accounts []metrics.Account
	for i := range 10000 {
		accounts = append(accounts, metrics.Account{Username: fmt.Sprintf("User %d", i)})
	}
	if err := WriteFile(filepath.Join(dir, AccountsFile), func(w io.Writer) error { return WriteAccounts(w, accounts) }); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadDir(dir); err != nil {
			b.Fatal(err)
		}
	}
}

// Reading in the background gives what ReadDirFor gives, with the scope
// known only once contributions.csv is read; it is used once; and a
// folder's errors come out of ReadDirFor, not StartReading.
func TestStartReading(t *testing.T) {
	dir := t.TempDir()
	cs := "wiki,username,revid,pageid,ns,title,timestamp,sizediff,new\n" +
		"EN.wikipedia.org,Ada_Okafor,1,10,0,P,2021-03-06T10:00:00Z,5,false\n" +
		"en.wikipedia.org,Bea,2,10,0,P,2021-03-06T11:00:00Z,,false\n"
	os.WriteFile(filepath.Join(dir, "contributions.csv"), []byte(cs), 0o644)
	os.WriteFile(filepath.Join(dir, "accounts.csv"), []byte("username,registration,bot\nBea,2021-03-01T00:00:00Z,false\n"), 0o644)
	sc := Scope{Wikis: []string{"en.wikipedia.org"}, Participants: []string{"Bea"}}
	r := StartReading(dir)
	got, err := r.ReadDirFor(sc)
	if err != nil {
		t.Fatal(err)
	}
	want, err := ReadDirFor(dir, sc)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Contributions.Rows(), want.Contributions.Rows()) || got.Normalised.String() != want.Normalised.String() || !reflect.DeepEqual(got.Accounts, want.Accounts) {
		t.Errorf("background read:\n%+v\n%s\nwant\n%+v\n%s", got.Contributions.Rows(), got.Normalised, want.Contributions.Rows(), want.Normalised)
	}
	if !strings.Contains(got.Normalised.String(), "1 contributions by users who are not participants") || (got.Source == nil) != (want.Source == nil) {
		t.Errorf("scope or source lost: %s, source %v", got.Normalised, got.Source)
	}
	if _, err := r.ReadDirFor(sc); err == nil || !strings.Contains(err.Error(), "used already") {
		t.Errorf("second use: %v", err)
	}
	missing := filepath.Join(dir, "nothing-here")
	_, werr := ReadDirFor(missing, sc)
	if _, err := StartReading(missing).ReadDirFor(sc); err == nil || werr == nil || err.Error() != werr.Error() || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing folder: %v, want %v", err, werr)
	}
}
