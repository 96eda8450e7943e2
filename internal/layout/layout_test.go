// Package layout holds no code: its test keeps the packages' dependencies
// pointing the way the design says (engagement/doc.go, "Layout"), reading the
// real import graph with `go list`.
package layout

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

const module = "example.com/engagement/"

// rule forbids packages matching From to import packages matching To.
// A pattern ending in "/..." matches the package and those below it.
type rule struct {
	From, To []string
	Why      string
}

var rules = []rule{
	{From: []string{"engagement/study/..."}, To: []string{"engagement/report/...", "engagement/chart/...", "engagement/nb/...", "engagement/frame/...", "github.com/go-gota/gota/...", "github.com/janpfeifer/gonb/..."},
		Why: "the core shows nothing to a reader: no report, chart, notebook display nor DataFrame"},
	{From: []string{"engagement/report/...", "engagement/chart/...", "engagement/nb/...", "engagement/frame/..."},
		To: []string{"engagement/mwapi/...", "engagement/dashboard/..."}, Why: "outputs never fetch"},
	{From: []string{"engagement/frame/..."}, To: []string{"engagement", "engagement/study/...", "engagement/report/...", "engagement/chart/...", "engagement/nb/...", "engagement/mwapi/...", "engagement/dashboard/..."},
		Why: "frame is the boundary with gota under the core: it knows metrics' records and dataset's headers, no facade, core type, report, chart, notebook nor client"},
	{From: []string{"engagement/dashboard/...", "engagement/mwapi/...", "engagement/username/..."},
		To: []string{"engagement/metrics/...", "engagement/dataset/..."}, Why: "the clients give records; they know no metric nor file format"},
	{From: []string{"engagement/metrics/..."}, To: []string{"*module*", "*third-party*", "unsafe"},
		Why: "metrics are pure functions over typed records: the standard library only"},
	{From: []string{"*all*"}, To: []string{"github.com/janpfeifer/gonb/..."}, Why: "notebook display lives in engagement/nb alone"},
	{From: []string{"*all*"}, To: []string{"github.com/go-gota/gota/..."}, Why: "DataFrames only at the surface: frame, chart and nb"},
	{From: []string{"*all*"}, To: []string{"C"}, Why: "cgo only in the history engine (build tag duckdb), so the rest builds without a C compiler"},
}

// engagement/sample imports engagement/dataset, and may: its ground truth
// (contributions.csv, accounts.csv) is in the very format a run writes,
// written and read by the format's one owner (sample's package doc); a
// second writer would be a second definition of the format.

// allowedTo lists, per rule of the "*all*" kind, who may import.
var allowedTo = map[string][]string{
	"github.com/janpfeifer/gonb/...": {"engagement/nb"},
	"github.com/go-gota/gota/...":    {"engagement/frame", "engagement/chart", "engagement/nb"},
	"C":                              {"engagement/history/duckdb"},
}

// exceptions are today's known breaks of the rules, each with its reason.
// The test fails when a break appears that is not listed here, and when a
// listed one is gone (then delete its line): the list only shrinks.
var exceptions = map[string]string{
	// The session's results give their frames (a.Contributions(),
	// a.Headline(), …) and take one back (s.Analyze(p, df)), which is what
	// a notebook cell calls: the facade names gota's DataFrame type in those
	// signatures and builds none itself (frame does).
	"engagement -> github.com/go-gota/gota/dataframe": "the session's methods take and return frames built by engagement/frame",
}

type pkg struct {
	ImportPath string
	Dir        string
	GoFiles    []string
	Imports    []string
}

func listPackages(t *testing.T) []pkg {
	t.Helper()
	out, err := exec.Command("go", "list", "-json=ImportPath,Dir,GoFiles,Imports", "example.com/engagement/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []pkg
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for dec.More() {
		var p pkg
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
		// Reading the files makes go test's cache depend on them: the
		// graph comes from a subprocess, which the cache does not see.
		for _, f := range p.GoFiles {
			if _, err := os.ReadFile(filepath.Join(p.Dir, f)); err != nil {
				t.Fatal(err)
			}
		}
	}
	return pkgs
}

func match(pattern, path string) bool {
	switch pattern {
	case "*all*":
		return true
	case "*module*":
		return strings.HasPrefix(path, module)
	case "*third-party*":
		first, _, _ := strings.Cut(path, "/")
		return strings.Contains(first, ".") && !strings.HasPrefix(path, module)
	}
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return path == base || strings.HasPrefix(path, base+"/")
	}
	return path == pattern
}

func matchAny(patterns []string, path string) bool {
	return slices.ContainsFunc(patterns, func(p string) bool { return match(p, path) })
}

// violations lists "from -> to: why" for every import that breaks a rule.
func violations(pkgs []pkg) map[string]string {
	found := map[string]string{}
	for _, p := range pkgs {
		from := strings.TrimPrefix(p.ImportPath, module)
		for _, imp := range p.Imports {
			to := strings.TrimPrefix(imp, module)
			for _, r := range rules {
				if !matchAny(r.From, from) || !matchAny(r.To, to) && !matchAny(r.To, imp) {
					continue
				}
				if allowed, ok := allowedTo[r.To[0]]; ok && matchAny(allowed, from) {
					continue
				}
				found[from+" -> "+to] = r.Why
			}
		}
	}
	return found
}

// TestImportRules fails on an import the design forbids.
func TestImportRules(t *testing.T) {
	found := violations(listPackages(t))
	var errs []string
	for v, why := range found {
		if _, ok := exceptions[v]; !ok {
			errs = append(errs, fmt.Sprintf("forbidden import %s (%s)", v, why))
		}
	}
	for v := range exceptions {
		if _, ok := found[v]; !ok {
			errs = append(errs, fmt.Sprintf("exception %q no longer happens: delete it from the list", v))
		}
	}
	sort.Strings(errs)
	if len(errs) > 0 {
		t.Fatal(strings.Join(errs, "\n"))
	}
}

// TestRulesCatchAnImport checks the checker on a made-up graph.
func TestRulesCatchAnImport(t *testing.T) {
	got := violations([]pkg{
		{ImportPath: module + "engagement/report", Imports: []string{module + "engagement/mwapi", "fmt"}},
		{ImportPath: module + "engagement/nb", Imports: []string{"github.com/janpfeifer/gonb/gonbui"}},
		{ImportPath: module + "engagement/chart", Imports: []string{"github.com/janpfeifer/gonb/gonbui", "github.com/go-gota/gota/dataframe"}},
		{ImportPath: module + "engagement/metrics", Imports: []string{"gonum.org/v1/plot", "sort"}},
		{ImportPath: module + "engagement/dataset", Imports: []string{"C"}},
		{ImportPath: module + "engagement/history/duckdb", Imports: []string{"C"}},
		{ImportPath: module + "engagement/study", Imports: []string{module + "engagement/report", module + "engagement/mwapi"}},
		{ImportPath: module + "engagement/frame", Imports: []string{module + "engagement", module + "engagement/study", module + "engagement/metrics", module + "engagement/dataset", "github.com/go-gota/gota/dataframe"}},
		{ImportPath: module + "engagement/sample", Imports: []string{"github.com/go-gota/gota/series"}},
	})
	want := []string{
		"engagement/chart -> github.com/janpfeifer/gonb/gonbui",
		"engagement/dataset -> C",
		"engagement/frame -> engagement",
		"engagement/frame -> engagement/study",
		"engagement/metrics -> gonum.org/v1/plot",
		"engagement/report -> engagement/mwapi",
		"engagement/sample -> github.com/go-gota/gota/series",
		"engagement/study -> engagement/report",
	}
	var keys []string
	for k := range got {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if !slices.Equal(keys, want) {
		t.Fatalf("violations = %q, want %q", keys, want)
	}
}
