package metrics

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// shape describes a generated event.
type shape struct {
	name         string
	participants int
	editsEach    int     // median edits per editing participant
	allNew       bool    // every account registered at the event
	nobody       bool    // no contributions at all
	asOf         string  // RFC 3339; the event ends 2021-03-07T23:59:59Z
	heavy        int     // edits of one extra participant (0: none)
	excluded     float64 // share of participants excluded one way or another
}

func generate(s shape, seed uint64) ([]Participant, []Account, []Contribution, Params) {
	rng := rand.New(rand.NewPCG(seed, 1))
	var ps []Participant
	var as []Account
	var cs []Contribution
	rev := int64(0)
	span := at(s.asOf).Sub(tStart.Add(-400 * 24 * time.Hour))
	add := func(name string, edits int) {
		for range edits {
			rev++
			ts := tStart.Add(-400*24*time.Hour + time.Duration(rng.Int64N(int64(span))))
			c := edit(name, ts, []int{0, 0, 1, 2, 120}[rng.IntN(5)], rng.IntN(2000)-500, rng.IntN(10) == 0, rev)
			if rng.IntN(2) == 0 {
				c.Wiki = "www.wikidata.org"
			}
			c.NoSizeDiff = rng.IntN(50) == 0
			cs = append(cs, c)
		}
	}
	n := s.participants
	if s.heavy > 0 {
		n++
	}
	for i := range n {
		name := fmt.Sprintf("U%d", i)
		p := Participant{Username: name}
		reg := tStart.Add(-time.Duration(rng.IntN(3000)) * 24 * time.Hour)
		if s.allNew {
			reg = tStart.Add(time.Duration(rng.IntN(48)) * time.Hour)
		}
		a := Account{Username: name, Registration: reg}
		if rng.Float64() < s.excluded {
			switch rng.IntN(5) {
			case 0:
				p.Excluded = ExcludeFacilitator
			case 1:
				p.Excluded = ExcludeInvalid
			case 2:
				a.Username = "" // account not found
			case 3:
				a.Bot = true
			case 4:
				p.Incomplete = "contributions on en.wikipedia.org: HTTP 503 after 6 tries"
			}
		}
		ps = append(ps, p)
		if a.Username != "" {
			as = append(as, a)
		}
		if s.nobody {
			continue
		}
		e := rng.IntN(2 * s.editsEach)
		if i == s.participants {
			e = s.heavy
		}
		add(name, e)
	}
	return ps, as, cs, DefaultParams(at(s.asOf))
}

// Every generated event gives rows that respect the invariants of
// metrics.md, whatever its shape, without a panic.
func TestPropertyGeneratedEvents(t *testing.T) {
	shapes := []shape{
		{name: "one participant", participants: 1, editsEach: 10, asOf: "2023-01-01T00:00:00Z"},
		{name: "two participants", participants: 2, editsEach: 10, asOf: "2023-01-01T00:00:00Z", excluded: 0.5},
		{name: "all new", participants: 40, editsEach: 20, allNew: true, asOf: "2023-01-01T00:00:00Z", excluded: 0.2},
		{name: "nobody edited", participants: 30, nobody: true, asOf: "2023-01-01T00:00:00Z", excluded: 0.2},
		{name: "nothing observable yet", participants: 30, editsEach: 10, asOf: "2021-03-07T23:59:59Z", excluded: 0.2},
		{name: "10,000 participants", participants: 10000, editsEach: 3, asOf: "2022-06-01T00:00:00Z", excluded: 0.1},
		{name: "one with 1000 times the median", participants: 50, editsEach: 5, heavy: 5000, asOf: "2022-06-01T00:00:00Z", excluded: 0.1},
	}
	for _, s := range shapes {
		for seed := range uint64(3) {
			ps, as, cs, p := generate(s, seed)
			r, err := Compute(ev, ps, as, cs, p)
			if err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
			checkInvariants(t, s.name, r, len(ps))
		}
	}
}

func checkInvariants(t *testing.T, name string, r *Result, nParticipants int) {
	t.Helper()
	rows := map[string]Row{}
	for _, row := range r.Rows {
		rows[row.Metric+"/"+string(row.Segment)] = row
		checkRow(t, name, r, row)
	}
	included, excluded := 0, 0
	var during, after int
	for _, s := range r.Participants {
		if s.Segment == SegmentExcluded {
			excluded++
			if s.Excluded == NotExcluded {
				t.Errorf("%s: %s in segment excluded without a reason", name, s.Username)
			}
			continue
		}
		included++
		during += s.EditsDuring
		after += s.EditsAfter
	}
	if included+excluded != nParticipants {
		t.Errorf("%s: %d included + %d excluded, want %d participants", name, included, excluded, nParticipants)
	}
	sumExcluded := 0
	for _, reason := range []Exclusion{ExcludeFacilitator, ExcludeInvalid, ExcludeNotFound, ExcludeBot, ExcludeIncomplete} {
		sumExcluded += int(rows[MetricExcluded+"/"+string(reason)].Value)
	}
	// Excluded participants are never counted: the aggregates equal the
	// sums over included participants only.
	for _, c := range []struct {
		key  string
		want int
	}{
		{MetricParticipants + "/all", included},
		{MetricEditsDuring + "/all", during},
		{MetricEditsAfter + "/all", after},
	} {
		if got := rows[c.key].Value; got != float64(c.want) {
			t.Errorf("%s: %s = %v, want %d (included participants only)", name, c.key, got, c.want)
		}
	}
	if sumExcluded != excluded {
		t.Errorf("%s: excluded rows sum to %d, want %d", name, sumExcluded, excluded)
	}
}

func checkRow(t *testing.T, name string, r *Result, row Row) {
	t.Helper()
	end, asOf := r.Event.End, r.Params.AsOf
	observableFrom := map[string]time.Time{}
	for _, d := range r.Params.RetentionDays {
		observableFrom[RetentionMetric(d)] = end.Add(time.Duration(d) * 24 * time.Hour)
	}
	for k := 1; k <= r.Params.ActiveMonths; k++ {
		observableFrom[ActiveMetric(k)] = end.Add(time.Duration(30*k) * 24 * time.Hour)
		observableFrom[ActiveEditorMetric(k)] = observableFrom[ActiveMetric(k)]
	}
	if from, ok := observableFrom[row.Metric]; ok && asOf.Before(from) {
		if !row.Empty || row.Note != NoteNotObservable {
			t.Errorf("%s: %s/%s observable before %s: %+v", name, row.Metric, row.Segment, from, row)
		}
		return
	}
	if !row.IsShare || row.Empty {
		if row.Empty && row.Note == "" {
			t.Errorf("%s: %s/%s empty without a note", name, row.Metric, row.Segment)
		}
		return
	}
	if row.Numerator < 0 || row.Numerator > row.Denominator {
		t.Errorf("%s: %s/%s numerator %d of %d", name, row.Metric, row.Segment, row.Numerator, row.Denominator)
	}
	if row.Value < 0 || row.Value > 1 || math.IsNaN(row.Value) {
		t.Errorf("%s: %s/%s share %v outside [0,1]", name, row.Metric, row.Segment, row.Value)
	}
	if row.CILow > row.Value+1e-12 || row.CIHigh < row.Value-1e-12 {
		t.Errorf("%s: %s/%s interval [%v, %v] misses %v", name, row.Metric, row.Segment, row.CILow, row.CIHigh, row.Value)
	}
	if strings.Contains(row.Note, "censored") && row.Segment != SegmentNew {
		t.Errorf("%s: %s/%s censored outside segment new", name, row.Metric, row.Segment)
	}
}

// FuzzCompute runs Compute on events generated from the fuzzer's numbers and
// checks the same invariants; go test -fuzz FuzzCompute explores further.
func FuzzCompute(f *testing.F) {
	f.Add(uint64(1), uint8(3), uint8(5), false, uint16(400))
	f.Add(uint64(2), uint8(1), uint8(0), true, uint16(0))
	f.Fuzz(func(t *testing.T, seed uint64, n, edits uint8, allNew bool, days uint16) {
		s := shape{name: "fuzz", participants: int(n%50) + 1, editsEach: int(edits%30) + 1, allNew: allNew,
			asOf: tEnd.Add(time.Duration(days) * 24 * time.Hour).Format(time.RFC3339), excluded: 0.3}
		ps, as, cs, p := generate(s, seed)
		r, err := Compute(ev, ps, as, cs, p)
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, s.name, r, len(ps))
	})
}
