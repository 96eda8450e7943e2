package report

import (
	"strings"
	"testing"
	"testing/quick"
	"time"

	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/mwapi"
)

// In English the line of requests is mwapi.Stats.String's, digit for
// digit (scripts grep "Fetched …: 0 requests"), except that a count of 1
// takes the singular.
func TestRequestsEnglishAsStats(t *testing.T) {
	same := func(req, hits, retries uint16, bytes uint32, waitedMs uint16) bool {
		st := mwapi.Stats{Requests: int(req), CacheHits: int(hits), Retries: int(retries), Bytes: int64(bytes), Waited: time.Duration(waitedMs) * time.Millisecond}
		got := Requests{Requests: st.Requests, CacheHits: st.CacheHits, Retries: st.Retries, Bytes: st.Bytes, Waited: st.Waited}.In(nil)
		want := st.String()
		for _, one := range []struct {
			n                int
			plural, singular string
		}{
			{st.Requests, "1 requests", "1 request"}, {st.CacheHits, "1 cache hits", "1 cache hit"}, {st.Retries, "1 retries", "1 retry"},
		} {
			if one.n == 1 {
				want = strings.Replace(want, one.plural, one.singular, 1)
			}
		}
		if got != want {
			t.Logf("got %q, want %q", got, want)
		}
		return got == want
	}
	if err := quick.Check(same, nil); err != nil {
		t.Error(err)
	}
	if !same(1, 1, 1, 1229500, 1500) || !same(12345, 0, 2, 0, 0) {
		t.Error("fixed cases differ")
	}
}

// Other languages group the digits and write the decimals as they do.
func TestRequestsInFrench(t *testing.T) {
	fr, err := i18n.New("fr")
	if err != nil {
		t.Fatal(err)
	}
	got := Requests{Requests: 12345, CacheHits: 1, Retries: 0, Bytes: 1229500, Waited: 1500 * time.Millisecond}.In(fr)
	want := "12\u202f345 requêtes, 1 réponse du cache, 0 nouvel essai, 1\u202f229,5\u00a0ko, 1,5\u00a0s d’attente"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := CampaignStats(fr, 4, 2, Requests{}); got != "Dashboard\u00a0: 4 requêtes, 2 réponses du cache. API Wikimedia\u00a0: 0 requête, 0 réponse du cache, 0 nouvel essai, 0,0\u00a0ko, 0,0\u00a0s d’attente" {
		t.Errorf("campaign stats %q", got)
	}
}
