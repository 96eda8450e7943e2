package dataset

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"example.com/engagement/engagement/metrics"
)

// writeFolder writes the named files into a new folder.
func writeFolder(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// folderOf56 is a run of 56 participants, each with one account and 3
// revisions: the files as a fetch writes them.
func folderOf56(t *testing.T) (contributions, accounts string) {
	var cs []metrics.Contribution
	var as []metrics.Account
	for i := range 56 {
		u := fmt.Sprintf("Participant %02d", i)
		as = append(as, metrics.Account{Username: u, Registration: time.Date(2021, 3, 1, 0, 0, i, 0, time.UTC)})
		for k := range 3 {
			cs = append(cs, metrics.Contribution{Wiki: "en.wikipedia.org", Username: u, RevID: int64(100*i + k + 1), PageID: 1, Title: "P", Timestamp: time.Date(2021, 3, 6, 10, 0, k, 0, time.UTC), SizeDiff: 10})
		}
	}
	var c, a bytes.Buffer
	if err := WriteContributions(&c, cs); err != nil {
		t.Fatal(err)
	}
	if err := WriteAccounts(&a, as); err != nil {
		t.Fatal(err)
	}
	return c.String(), a.String()
}

// A participant with revisions and no row in accounts.csv would be taken
// for an account not found: refused, naming her, the file and the line.
func TestReadDirRefusesRevisionsWithoutAccount(t *testing.T) {
	cs, as := folderOf56(t)
	if _, err := ReadDir(writeFolder(t, map[string]string{ContributionsFile: cs, AccountsFile: as})); err != nil {
		t.Fatalf("whole folder: %v", err)
	}
	lines := strings.SplitAfter(as, "\n")
	one := strings.Replace(as, lines[6], "", 1) // Participant 05
	dir := writeFolder(t, map[string]string{ContributionsFile: cs, AccountsFile: one})
	_, err := ReadDir(dir)
	want := filepath.Join(dir, ContributionsFile) + ": 3 revisions of “Participant 05” (the first on line 17), but accounts.csv has no row for the account: " +
		"the files are not from the same run, or accounts.csv was cut short; copy the run's files again"
	if err == nil || err.Error() != want {
		t.Errorf("one row missing:\n got %v\nwant %s", err, want)
	}
	// Cut at a line end, half the rows gone: every one of them counted.
	half := strings.Join(lines[:29], "")
	_, err = ReadDir(writeFolder(t, map[string]string{ContributionsFile: cs, AccountsFile: half}))
	if err == nil || !strings.Contains(err.Error(), ": 3 revisions of “Participant 28” (the first on line 86), but accounts.csv has no row for the account, nor for 27 other participants with revisions:") {
		t.Errorf("half the rows: %v", err)
	}
	// Cut inside a line: the file is cut short.
	dir = writeFolder(t, map[string]string{ContributionsFile: cs, AccountsFile: as[:len(as)/2]})
	_, err = ReadDir(dir)
	if want := filepath.Join(dir, AccountsFile) + ":29: " + errCutShort.Error(); err == nil || err.Error() != want {
		t.Errorf("cut inside a line:\n got %v\nwant %s", err, want)
	}
	// Someone who is not a participant, or whose data is known incomplete,
	// may have no account row.
	if _, err := ReadDirFor(writeFolder(t, map[string]string{ContributionsFile: cs, AccountsFile: one}), Scope{Participants: []string{"Participant 04", "Participant 06"}}); err != nil {
		t.Errorf("not a participant: %v", err)
	}
	in := "username,wiki,stage,cause\nParticipant_05,en.wikipedia.org,account lookup,HTTP 503 after 6 tries\n"
	if _, err := ReadDir(writeFolder(t, map[string]string{ContributionsFile: cs, AccountsFile: one, IncompleteFile: in})); err != nil {
		t.Errorf("listed in incomplete.csv: %v", err)
	}
}

// Every file whose last record has no line break is refused, naming the
// file and the record's line, by every reader; a record that is whole
// but for its line break too.
func TestCutShortFiles(t *testing.T) {
	cs, as := folderOf56(t)
	for _, c := range []struct {
		name, body string
		line       int
		read       func(string) error
	}{
		{"contributions", cs[:len(cs)-3], 169, readC},
		{"contributions, whole record", strings.TrimSuffix(cs, "\n"), 169, readC},
		{"contributions, header", strings.TrimSuffix(canonicalHeader, "\n"), 1, readC},
		{"contributions, quoted", canonicalHeader + "en.wikipedia.org,A,1,1,0,\"Two\nlines\",2021-03-06T10:00:00Z,1,false", 2, readC},
		{"contributions, CR", canonicalHeader + "\r", 2, readC},
		{"accounts", as[:len(as)-10], 57, readA},
		{"accounts, header", "username,registration,bot", 1, readA},
		{"accounts, BOM", "\xef\xbb\xbfusername,registration,bot\r\nA,,false", 2, readA},
		{"incomplete", "username,wiki,stage,cause\nA,en.wikipedia.org,contributions,HTTP 5", 2, readI},
		{"namespaces", "wiki,ns,name,content\nen.wikipedia.org,0,,tr", 2, readN},
	} {
		err := c.read(c.body)
		if want := fmt.Sprintf("f.csv:%d: %s", c.line, errCutShort); err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %s", c.name, err, want)
		}
		if err := c.read(c.body + "\n"); c.name != "contributions" && c.name != "accounts" && err != nil && strings.Contains(err.Error(), "cut short") {
			t.Errorf("%s with its line break: %v", c.name, err)
		}
	}
}

func readC(s string) error {
	_, err := ReadContributions(strings.NewReader(s), "f.csv")
	if _, serr := readSequential([]byte(s), "f.csv", MaxRecordBytes); fmt.Sprint(serr) != fmt.Sprint(err) {
		return fmt.Errorf("chunked %v, record by record %v", err, serr)
	}
	return err
}

func readA(s string) error { _, err := ReadAccounts(strings.NewReader(s), "f.csv"); return err }

func readI(s string) error { _, err := ReadIncomplete(strings.NewReader(s), "f.csv"); return err }

func readN(s string) error { _, err := ReadNamespaces(strings.NewReader(s), "f.csv"); return err }

// A timestamp with another offset than Z, rewritten in UTC, is counted like
// every other normalisation, and so is one with fractions of a second,
// which are dropped on reading as on writing.
func TestTimestampsRewrittenAreCounted(t *testing.T) {
	dir := writeFolder(t, map[string]string{
		ContributionsFile: canonicalHeader +
			"en.wikipedia.org,Ada,1,1,0,P,2021-03-06T12:00:00+02:00,1,false\n" +
			"en.wikipedia.org,Ada,2,1,0,P,2021-03-06T10:00:00Z,1,false\n" +
			"en.wikipedia.org,Ada,3,1,0,P,2021-03-06T10:00:00.250Z,1,false\n" +
			"en.wikipedia.org,Ada,4,1,0,P,2021-03-06T10:00:00.5Z,1,false\n",
		AccountsFile: "username,registration,bot\nAda,2021-03-01T00:00:00-05:00,false\n",
	})
	d, err := ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := `contributions.csv: 3 timestamps rewritten in UTC to the second (contributions.csv:2 “2021-03-06T12:00:00+02:00” → 2021-03-06T10:00:00Z; contributions.csv:4 “2021-03-06T10:00:00.250Z” → 2021-03-06T10:00:00Z; contributions.csv:5 “2021-03-06T10:00:00.5Z” → 2021-03-06T10:00:00Z)
accounts.csv: 1 timestamps rewritten in UTC to the second (accounts.csv:2 “2021-03-01T00:00:00-05:00” → 2021-03-01T05:00:00Z)`
	if got := d.Normalised.String(); got != want {
		t.Errorf("report:\n%s\nwant\n%s", got, want)
	}
	for i, c := range d.Contributions.Rows() {
		if want := time.Date(2021, 3, 6, 10, 0, 0, 0, time.UTC); !c.Timestamp.Equal(want) {
			t.Errorf("row %d: %v, want %v as written", i, c.Timestamp, want)
		}
	}
}

// namespaces.csv: a row given twice is dropped and counted, two rows of
// one namespace that differ are an error naming both lines, and wiki
// domains are lower-cased as in contributions.csv.
func TestNamespacesDuplicates(t *testing.T) {
	cs, as := folderOf56(t)
	ns := "wiki,ns,name,content\nen.wikipedia.org,0,,true\nEN.wikipedia.org,1,Talk,false\nen.wikipedia.org,0,,true\n"
	d, err := ReadDir(writeFolder(t, map[string]string{ContributionsFile: cs, AccountsFile: as, NamespacesFile: ns}))
	if err != nil {
		t.Fatal(err)
	}
	want := `namespaces.csv: 1 wiki domains lower-cased (namespaces.csv:3 EN.wikipedia.org)
namespaces.csv: 1 duplicate namespaces dropped (namespaces.csv:4 namespace 0 of en.wikipedia.org)`
	if got := d.Normalised.String(); got != want || len(d.Namespaces) != 2 || d.Namespaces[1].Wiki != "en.wikipedia.org" {
		t.Errorf("report:\n%s\nwant\n%s\nnamespaces %+v", got, want, d.Namespaces)
	}
	ns = "wiki,ns,name,content\nen.wikipedia.org,0,,true\nen.wikipedia.org,1,Talk,false\nen.wikipedia.org,0,,false\n"
	dir := writeFolder(t, map[string]string{ContributionsFile: cs, AccountsFile: as, NamespacesFile: ns})
	_, err = ReadDir(dir)
	if want := filepath.Join(dir, NamespacesFile) + `: namespace 0 of en.wikipedia.org appears twice with different values (lines 2 and 4: name "" and "", content true and false)`; err == nil || err.Error() != want {
		t.Errorf("conflict:\n got %v\nwant %s", err, want)
	}
}
