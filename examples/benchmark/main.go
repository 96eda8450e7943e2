// Command benchmark measures the re-analysis of a large event phase by
// phase (read, compute, the CSV files, charts and report) in wall time
// and allocations, on either of two generated inputs. An unchanged
// contributions.csv is copied, not written again; "(encode
// contributions.csv)" shows what writing it would cost, and is left out
// of the total.
//
//	go run ./examples/benchmark                     # Pareto input: 10,000 participants, 1,000,000 contributions
//	go run ./examples/benchmark -input sample       # the project's own generator at the same size
//	go run ./examples/benchmark -runs 3 -dir /tmp/pareto
//
// The input is generated once into -dir (and reused while it exists). The
// end-to-end figure of the README is `/usr/bin/time -v workshop -course
// DIR/course -from DIR -asof ... -out ... -offline` (built once with go
// build), with DIR the folder this program generates;
// examples/benchmark/compare.py runs pandas and DuckDB on the same files
// when they are installed.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/sample"
	"example.com/engagement/engagement/study"
)

func main() {
	input := flag.String("input", "pareto", "pareto or sample (the project's own generator)")
	dir := flag.String("dir", "", "folder for the generated input (default: a folder under the system's temp dir, kept between runs)")
	participants := flag.Int("participants", 10_000, "participants of the generated event")
	contributions := flag.Int("contributions", 1_000_000, "contributions of the generated event (about)")
	runs := flag.Int("runs", 3, "runs; the best of them is reported")
	flag.Parse()
	if *dir == "" {
		*dir = filepath.Join(os.TempDir(), fmt.Sprintf("engagement-bench-%s-%d-%d", *input, *participants, *contributions))
	}
	if err := prepare(*input, *dir, *participants, *contributions); err != nil {
		log.Fatal(err)
	}
	var best []phase
	for range *runs {
		ph, err := measure(*dir)
		if err != nil {
			log.Fatal(err)
		}
		if best == nil || total(ph) < total(best) {
			best = ph
		}
	}
	fmt.Printf("input %s (%s), best of %d runs, %s, %d cores\n", *input, *dir, *runs, runtime.Version(), runtime.NumCPU())
	for _, p := range best {
		fmt.Printf("  %-28s %8.3f s %9.1f MB allocated\n", p.name, p.wall.Seconds(), float64(p.alloc)/1e6)
	}
	fmt.Printf("  %-28s %8.3f s\n", "total", total(best).Seconds())
}

// prepare generates the input unless dir already holds it.
func prepare(input, dir string, participants, contributions int) error {
	if _, err := os.Stat(filepath.Join(dir, dataset.ContributionsFile)); err == nil {
		return nil
	}
	log.Printf("generating the %s input into %s", input, dir)
	switch input {
	case "pareto":
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		return writePareto(dir, paretoConfig{Participants: participants, Contributions: contributions, Seed: 1})
	case "sample":
		cfg := sample.DefaultConfig()
		cfg.Participants, cfg.Contributions = participants, contributions
		ev, err := sample.Generate(cfg)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Join(dir, "course"), 0o755); err != nil {
			return err
		}
		if err := ev.WriteFiles(filepath.Join(dir, "course")); err != nil {
			return err
		}
		for _, f := range []string{dataset.ContributionsFile, dataset.AccountsFile} {
			if err := os.Rename(filepath.Join(dir, "course", f), filepath.Join(dir, f)); err != nil {
				return err
			}
		}
		return os.WriteFile(filepath.Join(dir, "asof.txt"), []byte(sample.AsOf.Format(time.RFC3339)+"\n"), 0o644)
	}
	return fmt.Errorf("-input %q: want pareto or sample", input)
}

// phase is one measured step.
type phase struct {
	name  string
	wall  time.Duration
	alloc uint64
}

// total is the wall time of the phases a re-analysis runs (those in
// parentheses are shown for comparison only).
func total(ps []phase) time.Duration {
	var t time.Duration
	for _, p := range ps {
		if !strings.HasPrefix(p.name, "(") {
			t += p.wall
		}
	}
	return t
}

// timed runs f and records its wall time and the bytes it allocated.
func timed(ps *[]phase, name string, f func() error) error {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	err := f()
	wall := time.Since(start)
	runtime.ReadMemStats(&after)
	*ps = append(*ps, phase{name, wall, after.TotalAlloc - before.TotalAlloc})
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// measure re-analyses dir once, phase by phase, writing into a fresh folder.
func measure(dir string) ([]phase, error) {
	ctx := context.Background()
	out, err := os.MkdirTemp("", "engagement-bench-out-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(out)
	asOfText, err := os.ReadFile(filepath.Join(dir, "asof.txt"))
	if err != nil {
		return nil, err
	}
	asOf, err := time.Parse(time.RFC3339, strings.TrimSpace(string(asOfText)))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, "asof.txt"), err)
	}
	var ps []phase
	var ev *engagement.Event
	var data *engagement.Data
	var res *metrics.Result
	steps := []struct {
		name string
		f    func() error
	}{
		{"read course", func() (err error) {
			ev, err = study.LoadEvent(ctx, engagement.Config{}, filepath.Join(dir, "course"))
			return
		}},
		{"read contributions", func() (err error) { data, err = study.LoadData(dir); return }},
		{"compute every metric", func() (err error) { res, err = study.Analyze(ev, data, metrics.DefaultParams(asOf)); return }},
		{"write the CSV files", func() error { _, err := study.WriteOutputs(out, data, res); return err }},
		{"(encode contributions.csv)", func() error { return dataset.WriteContributionsTable(io.Discard, data.Contributions) }},
		{"charts and report", func() error { _, err := engagement.WriteReport(out, ev, data, res, nil); return err }},
	}
	for _, s := range steps {
		if err := timed(&ps, s.name, s.f); err != nil {
			return ps, err
		}
	}
	return ps, nil
}
