package dataset

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// Timestamps and quoting are written exactly as time.AppendFormat and the
// rule they replace write them.
func TestAppendTimeAndQuotingAsBefore(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	times := []time.Time{time.Unix(0, 0), time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 59, 999, time.UTC), time.Date(2021, 3, 6, 10, 0, 0, 0, time.FixedZone("X", 3600)), time.Date(5, 7, 8, 9, 10, 11, 0, time.UTC)}
	for range 10000 {
		times = append(times, time.Unix(r.Int64N(400e9)-100e9, 0))
	}
	for _, tm := range times {
		if got, want := string(appendTime(nil, tm)), tm.UTC().Format("2006-01-02T15:04:05Z07:00"); got != want {
			t.Fatalf("%v: %q, want %q", tm, got, want)
		}
	}
	for _, s := range []string{"a", "a,b", `x"y`, "a\rb", "a\nb", " a", "a ", "é,", "Ada Okafor", "\xff"} {
		if got, want := needsQuotes(s), strings.ContainsAny(s, ",\"\r\n") || s[0] == ' ' || s[len(s)-1] == ' '; got != want {
			t.Errorf("%q: needsQuotes %v, want %v", s, got, want)
		}
	}
}
