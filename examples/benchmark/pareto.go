package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/metrics"
)

// paretoConfig describes a generated event whose activity is Pareto
// distributed: a few participants make most of the edits, as in real
// campaigns.
type paretoConfig struct {
	Participants, Contributions int
	Seed                        uint64
}

// The event of the Pareto input: one day on English Wikipedia, observed for
// two and a half years after it, with two and a half years of history.
var (
	paretoStart = time.Date(2022, 6, 1, 9, 0, 0, 0, time.UTC)
	paretoEnd   = time.Date(2022, 6, 1, 17, 0, 0, 0, time.UTC)
	paretoAsOf  = time.Date(2024, 12, 1, 0, 0, 0, 0, time.UTC)
	paretoFrom  = time.Date(2019, 12, 1, 0, 0, 0, 0, time.UTC)
)

// namespaces and their weights: main, talk, user, user talk, project, file,
// template.
var paretoNS = [...]struct{ ns, weight int }{{0, 60}, {1, 8}, {2, 12}, {3, 8}, {4, 5}, {6, 4}, {10, 3}}

// writePareto writes a re-analysis folder like those of ../shared/events:
// course/course.json, course/users.json, accounts.csv, contributions.csv
// and asof.txt.
func writePareto(dir string, cfg paretoConfig) error {
	rng := rand.New(rand.NewPCG(cfg.Seed, 2))
	names := make([]string, cfg.Participants)
	for i := range names {
		names[i] = fmt.Sprintf("Pareto Editor %d", i)
	}
	if err := writeParetoCourse(filepath.Join(dir, "course"), names); err != nil {
		return err
	}
	accounts := make([]metrics.Account, len(names))
	for i, n := range names {
		reg := paretoFrom.Add(-time.Duration(rng.Int64N(int64(10 * 365 * 24 * time.Hour))))
		if rng.IntN(10) < 4 { // 40% new: registered in the two weeks before the event
			reg = paretoStart.Add(-time.Duration(rng.Int64N(int64(14 * 24 * time.Hour))))
		}
		accounts[i] = metrics.Account{Username: n, Registration: reg.Truncate(time.Second)}
	}
	counts := paretoCounts(rng, cfg.Participants, cfg.Contributions)
	contribs := make([]metrics.Contribution, 0, cfg.Contributions+cfg.Participants)
	rev := int64(1_000_000)
	for i, n := range names {
		lo, hi := activeSpan(rng, accounts[i].Registration)
		for range counts[i] {
			t := lo.Add(time.Duration(rng.Int64N(int64(hi.Sub(lo)) + 1))).Truncate(time.Second)
			if rng.IntN(20) == 0 {
				t = paretoStart.Add(time.Duration(rng.Int64N(int64(paretoEnd.Sub(paretoStart))))).Truncate(time.Second)
			}
			ns := pickNS(rng)
			page := rng.Int64N(200_000) + 1
			rev++
			contribs = append(contribs, metrics.Contribution{
				Wiki: "en.wikipedia.org", Username: n, RevID: rev, PageID: page, NS: ns,
				Title: fmt.Sprintf("%sPage %d", nsPrefix(ns), page), Timestamp: t,
				SizeDiff: int(rng.NormFloat64() * 400), New: rng.IntN(20) == 0,
			})
		}
	}
	if err := writeCSV(filepath.Join(dir, dataset.AccountsFile), func(w *bufio.Writer) error { return dataset.WriteAccounts(w, accounts) }); err != nil {
		return err
	}
	if err := writeCSV(filepath.Join(dir, dataset.ContributionsFile), func(w *bufio.Writer) error { return dataset.WriteContributions(w, contribs) }); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "asof.txt"), []byte(paretoAsOf.Format(time.RFC3339)+"\n"), 0o644)
}

// activeSpan is the time a participant edits in: from the registration (or
// the start of the history) for an exponentially distributed time, mean one
// year, so that fewer and fewer keep editing as time goes on; new
// participants start at their registration and most stop soon after the
// event (mean 20 days).
func activeSpan(rng *rand.Rand, reg time.Time) (lo, hi time.Time) {
	lo = paretoFrom.Add(time.Duration(rng.Int64N(int64(paretoStart.Sub(paretoFrom)))))
	mean := 365 * 24 * time.Hour
	if reg.After(paretoFrom) {
		lo, mean = reg, 20*24*time.Hour
	}
	hi = lo.Add(time.Duration(rng.ExpFloat64() * float64(mean)))
	if hi.After(paretoAsOf) {
		hi = paretoAsOf
	}
	return lo, hi
}

// paretoCounts draws edit counts from a Pareto type II (Lomax) distribution
// with shape 0.9 (a few participants make most edits; the median makes a
// handful), at least one each, scaled to add up to about total.
func paretoCounts(rng *rand.Rand, n, total int) []int {
	raw := make([]float64, n)
	sum := 0.0
	for i := range raw {
		raw[i] = min(math.Pow(1-rng.Float64(), -1/0.9)-1, float64(n)*10)
		sum += raw[i]
	}
	counts := make([]int, n)
	for i, r := range raw {
		counts[i] = 1 + int(r/sum*float64(total-n))
	}
	return counts
}

func pickNS(rng *rand.Rand) int {
	x := rng.IntN(100)
	for _, n := range paretoNS {
		if x < n.weight {
			return n.ns
		}
		x -= n.weight
	}
	return 0
}

func nsPrefix(ns int) string {
	return map[int]string{0: "", 1: "Talk:", 2: "User:", 3: "User talk:", 4: "Wikipedia:", 6: "File:", 10: "Template:"}[ns]
}

func writeParetoCourse(dir string, names []string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	type wiki struct {
		Language string `json:"language"`
		Project  string `json:"project"`
	}
	course := map[string]any{"course": map[string]any{
		"id": 1, "title": "Pareto campaign", "slug": "Benchmarks/Pareto", "school": "Benchmarks", "term": "Pareto", "type": "Editathon",
		"start": paretoStart.Format("2006-01-02T15:04:05.000Z"), "end": paretoEnd.Format("2006-01-02T15:04:05.000Z"),
		"home_wiki": wiki{"en", "wikipedia"}, "wikis": []wiki{{"en", "wikipedia"}},
		"student_count": len(names), "edit_count": "0", "created_count": "0", "word_count": "0", "view_count": "0", "article_count": 0,
	}}
	type user struct {
		ID       int    `json:"id"`
		Username string `json:"username"`
		Role     int    `json:"role"`
	}
	users := make([]user, len(names))
	for i, n := range names {
		users[i] = user{i + 1, n, 0}
	}
	for name, v := range map[string]any{"course.json": course, "users.json": map[string]any{"course": map[string]any{"users": users}}} {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func writeCSV(path string, write func(*bufio.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := write(w); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
