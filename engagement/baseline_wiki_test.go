package engagement

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"example.com/engagement/engagement/dashboard"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/study"
)

// bigWiki answers like a wiki where n accounts registered in the window,
// one per minute from its start: account i is a bot when i%100 == 1 and is
// activated (edits 2 hours after registering, and again 40 days later)
// when i%10 < 3. It counts the requests of each kind.
type bigWiki struct {
	n     int
	start time.Time
	mu    sync.Mutex
	count map[string]int
	users map[string]int // users asked for contributions
}

func (w *bigWiki) reg(i int) time.Time { return w.start.Add(time.Duration(i) * time.Minute) }

func (w *bigWiki) RoundTrip(r *http.Request) (*http.Response, error) {
	q := r.URL.Query()
	kind := q.Get("list") + q.Get("meta")
	w.mu.Lock()
	w.count[kind]++
	w.mu.Unlock()
	var body any
	switch kind {
	case "siteinfo":
		body = map[string]any{"batchcomplete": true, "query": map[string]any{"namespaces": map[string]any{"0": map[string]any{"id": 0, "name": "", "content": true}}}}
	case "logevents":
		body = w.log(q)
	case "users":
		var us []any
		for _, name := range strings.Split(q.Get("ususers"), "|") {
			i, _ := strconv.Atoi(strings.TrimPrefix(name, "Newcomer "))
			groups := []string{"*", "user"}
			if i%100 == 1 {
				groups = append(groups, "bot")
			}
			us = append(us, map[string]any{"userid": 1000 + i, "name": name, "editcount": 2, "registration": w.reg(i).Format(time.RFC3339), "groups": groups})
		}
		body = map[string]any{"batchcomplete": true, "query": map[string]any{"users": us}}
	case "usercontribs":
		body = w.contribs(q)
	default:
		return nil, fmt.Errorf("unexpected request %s", r.URL)
	}
	b, _ := json.Marshal(body)
	return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}}, Body: io.NopCloser(bytes.NewReader(b)), Request: r}, nil
}

func (w *bigWiki) log(q url) any {
	if q.Get("leaction") != "newusers/create" {
		return map[string]any{"batchcomplete": true, "query": map[string]any{"logevents": []any{}}}
	}
	from := 0
	if c := q.Get("lecontinue"); c != "" {
		from, _ = strconv.Atoi(c[strings.IndexByte(c, '|')+1:])
	}
	var es []any
	for i := from; i < min(from+500, w.n); i++ {
		es = append(es, map[string]any{"type": "newusers", "action": "create", "ns": 2, "title": fmt.Sprintf("User:Newcomer %d", i), "user": fmt.Sprintf("Newcomer %d", i), "timestamp": w.reg(i).Format(time.RFC3339)})
	}
	out := map[string]any{"query": map[string]any{"logevents": es}}
	if from+500 < w.n {
		out["continue"] = map[string]string{"lecontinue": w.reg(from+500).Format("20060102150405") + "|" + strconv.Itoa(from+500), "continue": "-||"}
	}
	return out
}

func (w *bigWiki) contribs(q url) any {
	var cs []any
	for _, name := range strings.Split(q.Get("ucuser"), "|") {
		w.mu.Lock()
		w.users[name]++
		w.mu.Unlock()
		i, _ := strconv.Atoi(strings.TrimPrefix(name, "Newcomer "))
		if i%10 >= 3 {
			continue
		}
		for k, d := range []time.Duration{2 * time.Hour, 40 * 24 * time.Hour} {
			cs = append(cs, map[string]any{"userid": 1000 + i, "user": name, "pageid": 10 + i, "revid": 100000 + 2*i + k, "parentid": 0, "ns": 0,
				"title": fmt.Sprintf("Page %d", i), "timestamp": w.reg(i).Add(d).Format(time.RFC3339), "sizediff": 100, "new": k == 0})
		}
	}
	return map[string]any{"batchcomplete": true, "query": map[string]any{"usercontribs": cs}}
}

type url = interface{ Get(string) string }

// bigWikiEvent is a two-week event on en.wikipedia.org whose window holds
// the big wiki's registrations.
func bigWikiEvent(w *bigWiki) (*Event, metrics.Params) {
	start := time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC)
	ev := &Event{Course: dashboard.Course{Start: start, End: start.Add(14*24*time.Hour - time.Second), HomeWiki: dashboard.Wiki{Language: "en", Project: "wikipedia"}}}
	w.start = start.Add(-14 * 24 * time.Hour)
	return ev, metrics.DefaultParams(start.AddDate(1, 0, 0))
}

// A wiki with 20,000 registrations in the window costs the log's 42 pages
// and the contributions of the registrations checked until 500 activated
// newcomers are found, not of all 20,000; the estimate of those who qualify
// is close to the truth (29% of 20,000: 5,800), and the same seed gives
// the same sample.
func TestBaselineOnABigWikiChecksOnlyWhatTheSampleNeeds(t *testing.T) {
	w := &bigWiki{n: 20000, count: map[string]int{}, users: map[string]int{}}
	ev, p := bigWikiEvent(w)
	cfg := Config{Contact: "test@example.org", HTTPClient: &http.Client{Transport: w}}
	b, err := study.FetchBaseline(context.Background(), cfg, ev, p, BaselineOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("checked %d; requests: %v", b.Checked, w.count)
	if len(b.Sample) != 500 || b.Complete || b.Listed != 20000 {
		t.Fatalf("sample %d, complete %v, listed %d; want 500 of an incomplete check of 20,000", len(b.Sample), b.Complete, b.Listed)
	}
	if w.count["logevents"] != 42 {
		t.Errorf("%d log requests, want 40 pages of 500 of create, one of create2, one of byemail", w.count["logevents"])
	}
	if b.Checked > 2500 || len(w.users) != b.Checked || w.count["usercontribs"] != (b.Checked+49)/50 {
		t.Errorf("checked %d, asked contributions of %d in %d requests: want one request per 50 checked, and under 2,500", b.Checked, len(w.users), w.count["usercontribs"])
	}
	for name, n := range w.users {
		if n != 1 {
			t.Errorf("%s asked for %d times", name, n)
		}
	}
	if b.Qualified < 5400 || b.Qualified > 6200 || !strings.Contains(b.Note(), "sample of 500 of about ") {
		t.Errorf("qualified %d (%s), want about 5,800", b.Qualified, b.Note())
	}
	for _, r := range b.Sample {
		i, _ := strconv.Atoi(strings.TrimPrefix(r.Username, "Newcomer "))
		if i%10 >= 3 || i%100 == 1 {
			t.Errorf("%s in the sample: not activated or a bot", r.Username)
		}
	}
	w2 := &bigWiki{n: 20000, start: w.start, count: map[string]int{}, users: map[string]int{}}
	cfg.HTTPClient = &http.Client{Transport: w2}
	again, err := study.FetchBaseline(context.Background(), cfg, ev, p, BaselineOptions{})
	if err != nil {
		t.Fatal(err)
	}
	other, err := study.FetchBaseline(context.Background(), cfg, ev, p, BaselineOptions{Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(again.Sample) != fmt.Sprint(b.Sample) || fmt.Sprint(other.Sample) == fmt.Sprint(b.Sample) {
		t.Errorf("the same seed must give the same sample, another seed another:\n%v\n%v", again.Sample[:3], b.Sample[:3])
	}
}
