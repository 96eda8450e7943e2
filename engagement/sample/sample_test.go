package sample

import (
	"bytes"
	"encoding/xml"
	"io"
	"io/fs"
	"testing"

	"example.com/engagement/engagement/dashboard"
	"example.com/engagement/engagement/metrics"
)

// TestCommittedDataIsGenerated proves the embedded files and the generator
// never drift: regenerate with go generate ./engagement/sample.
func TestCommittedDataIsGenerated(t *testing.T) {
	ev, err := Generate(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	files, err := ev.DashboardFiles()
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range files {
		got, err := fs.ReadFile(Files(), name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from a fresh generation: run go generate ./engagement/sample", name)
		}
	}
}

// TestComposition counts the documented composition from the embedded
// Dashboard files, not from the generator's constants.
func TestComposition(t *testing.T) {
	f, _ := Files().Open("users.json")
	users, err := dashboard.ParseUsersJSON(f, "users.json")
	if err != nil {
		t.Fatal(err)
	}
	roles := map[dashboard.Role]int{}
	for _, u := range users {
		roles[u.Role]++
	}
	if len(users) != Composition.Enrolments || roles[dashboard.RoleStudent] != Composition.Students || roles[dashboard.RoleInstructor] != Composition.Facilitators || roles[dashboard.RoleStaff] != Composition.Staff {
		t.Errorf("enrolments %d, roles %v", len(users), roles)
	}
	ps := dashboard.Participants(users)
	if len(ps) != Composition.Distinct || len(dashboard.Duplicates(ps)) != 1 {
		t.Errorf("distinct %d, duplicates %d", len(ps), len(dashboard.Duplicates(ps)))
	}
	var mp []metrics.Participant
	for _, p := range ps {
		mp = append(mp, metrics.Participant{Username: p.Username, Excluded: metrics.Exclusion(p.Excluded)})
	}
	cs, err := Contributions()
	if err != nil {
		t.Fatal(err)
	}
	as, err := Accounts()
	if err != nil {
		t.Fatal(err)
	}
	r, err := metrics.Compute(MetricsEvent(), mp, as, cs, metrics.DefaultParams(AsOf))
	if err != nil {
		t.Fatal(err)
	}
	seg := map[metrics.Segment]int{}
	excl := map[metrics.Exclusion]int{}
	long := 0
	for _, s := range r.Participants {
		seg[s.Segment]++
		excl[s.Excluded]++
		if s.LongTerm {
			long++
		}
	}
	if seg[metrics.SegmentNew] != Composition.New || seg[metrics.SegmentExperienced] != Composition.Experienced || long != Composition.LongTerm ||
		excl[metrics.ExcludeFacilitator] != 1 || excl[metrics.ExcludeNotFound] != 1 || excl[metrics.ExcludeBot] != 1 {
		t.Errorf("segments %v, exclusions %v, long-term %d", seg, excl, long)
	}
	found := false
	for _, u := range users {
		if u.Username == "jane_doe_(WMUK)" {
			found = true
		}
	}
	if !found {
		t.Error("no enrolment written with underscores and a lower-case first letter")
	}
	for _, c := range cs {
		if c.Timestamp.After(AsOf) || c.Timestamp.Year() < 2019 {
			t.Fatalf("contribution outside 2019..as-of: %+v", c)
		}
	}
}

// TestMediaWikiXML checks sizes chain and the export is well-formed.
func TestMediaWikiXML(t *testing.T) {
	ev, err := Generate(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range Wikis {
		prevSize := map[int64]int{}
		for i, r := range ev.Revisions[w] {
			if r.RevID != int64(i+2) {
				t.Fatalf("%s: revision %d has id %d, want import order %d", w, i, r.RevID, i+2)
			}
			if r.New != (r.ParentID == 0) || r.SizeDiff != r.Size-prevSize[r.PageID] {
				t.Fatalf("%s: revision %+v does not chain", w, r)
			}
			prevSize[r.PageID] = r.Size
		}
	}
	var buf bytes.Buffer
	if err := ev.WriteMediaWikiXML(&buf, "commons.wikimedia.org"); err != nil {
		t.Fatal(err)
	}
	d := xml.NewDecoder(&buf)
	n := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "revision" {
			n++
		}
	}
	if n != len(ev.Revisions["commons.wikimedia.org"]) {
		t.Errorf("XML has %d revisions, want %d", n, len(ev.Revisions["commons.wikimedia.org"]))
	}
}

func BenchmarkGenerateLarge(b *testing.B) {
	for b.Loop() {
		if _, err := Generate(Config{Seed: 1, Participants: 10000, Contributions: 1_000_000}); err != nil {
			b.Fatal(err)
		}
	}
}
