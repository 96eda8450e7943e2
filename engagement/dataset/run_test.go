package dataset

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"example.com/engagement/engagement/metrics"
)

func sampleRun() Run {
	fetched := time.Date(2025, 6, 30, 12, 34, 56, 789, time.FixedZone("CEST", 2*3600))
	p := ParamsOf(metrics.DefaultParams(fetched))
	p.MaxContributions, p.CentralAuth, p.Baseline = 100000, true, 500
	return Run{Format: RunFormat, Fetched: fetched, AsOf: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC),
		Course: RunCourse{Kind: "course", URL: "https://outreachdashboard.wmflabs.org/courses/Lib/Edit-a-thon_(2024)", Slug: "Lib/Edit-a-thon_(2024)"},
		Params: p, Program: Program{Module: "example.com/engagement", Version: "(devel)", Revision: "9d312de", Modified: true, Go: "go1.26"}}
}

func TestRunRoundTrip(t *testing.T) {
	dir := t.TempDir()
	in := sampleRun()
	if err := WriteRun(dir, in); err != nil {
		t.Fatal(err)
	}
	got, err := ReadRun(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := in
	want.Fetched = in.Fetched.UTC()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
	if p := got.MetricsParams(); !reflect.DeepEqual(p, metrics.DefaultParams(in.AsOf)) {
		t.Errorf("MetricsParams: %+v", p)
	}
	b, _ := os.ReadFile(filepath.Join(dir, RunFile))
	for _, s := range []string{`"format": 1,`, `"fetched": "2025-06-30T10:34:56.000000789Z"`, `"as_of": "2025-06-01T00:00:00Z"`,
		`"new_editor_lookback": "336h0m0s"`, `"retention_days": [`, `"kind": "course"`, `"revision": "9d312de"`} {
		if !strings.Contains(string(b), s) {
			t.Errorf("run.json lacks %s:\n%s", s, b)
		}
	}
}

func TestReadRunWithoutFileIsErrNoRun(t *testing.T) {
	dir := t.TempDir()
	_, err := ReadRun(dir)
	if !errors.Is(err, ErrNoRun) || !strings.Contains(err.Error(), dir) {
		t.Errorf("error %v, want ErrNoRun naming %s", err, dir)
	}
}

func TestReadRunErrorsNameFileAndField(t *testing.T) {
	good := func() string {
		dir := t.TempDir()
		if err := WriteRun(dir, sampleRun()); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(filepath.Join(dir, RunFile))
		return string(b)
	}()
	for _, c := range []struct{ name, old, new, want string }{
		{"future as-of", `"as_of": "2025-06-01T00:00:00Z"`, `"as_of": "2030-01-01T00:00:00Z"`, `field "as_of": 2030-01-01T00:00:00Z is after the data was fetched (2025-06-30T10:34:56Z)`},
		{"missing fetched", `"fetched": "2025-06-30T10:34:56.000000789Z",`, ``, `field "fetched": missing`},
		{"bad time", `"as_of": "2025-06-01T00:00:00Z"`, `"as_of": "2025-06-01"`, `field "as_of": not an RFC 3339 time: "2025-06-01"`},
		{"wrong type", `"long_term_edits": 500`, `"long_term_edits": "500"`, `line 12: field "params.long_term_edits": is string, expected int`},
		{"unknown field", `"format": 1,`, `"format": 1, "fetchd": "x",`, `line 2: unknown field "fetchd"`},
		{"duplicate field", `"format": 1,`, `"format": 1, "format": 1,`, `line 2: field "format" given twice`},
		{"newer format", `"format": 1,`, `"format": 2,`, `field "format": format 2 is not the one this program reads (1)`},
		{"bad lookback", `"336h0m0s"`, `"14 days"`, `field "params.new_editor_lookback": not a duration such as "336h0m0s": "14 days"`},
		{"negative", `"baseline": 500`, `"baseline": -1`, `field "params.baseline": negative (-1)`},
		{"kind", `"kind": "course"`, `"kind": "event"`, `field "course.kind": "event", expected "course" or "campaign"`},
		{"cut short", `"program"`, ``, `line 15: cut short`},
		{"trailing", "}\n", "}\n{}\n", `more after the object`},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := strings.Replace(good, c.old, c.new, 1)
			if c.name == "cut short" {
				src = good[:len(good)/2]
			}
			if c.name == "trailing" {
				src = good + "{}\n"
			}
			if src == good {
				t.Fatalf("%q not in run.json", c.old)
			}
			dir := t.TempDir()
			path := filepath.Join(dir, RunFile)
			os.WriteFile(path, []byte(src), 0o644)
			_, err := ReadRun(dir)
			if err == nil || !strings.HasPrefix(err.Error(), path+": ") || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v\nwant %s: …%s…", err, path, c.want)
			}
		})
	}
}

func TestReadRunSizeCap(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, RunFile)
	os.WriteFile(path, []byte(`{"format":1,"x":"`+strings.Repeat("a", MaxRunBytes)+`"}`), 0o644)
	_, err := ReadRun(dir)
	if err == nil || !strings.Contains(err.Error(), path+": 1048595 bytes, more than the 1048576 this file may hold") {
		t.Errorf("error %v", err)
	}
}

func TestWriteRunRefusesInvalid(t *testing.T) {
	r := sampleRun()
	r.AsOf = r.Fetched.Add(time.Second)
	dir := t.TempDir()
	err := WriteRun(dir, r)
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "as_of" || !strings.Contains(err.Error(), filepath.Join(dir, RunFile)) {
		t.Errorf("error %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, RunFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("an invalid run was written")
	}
}

func TestProgramOf(t *testing.T) {
	bi := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "example.com/engagement", Version: "(devel)"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc"}, {Key: "vcs.time", Value: "2026-12-03T10:00:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	want := Program{Module: "example.com/engagement", Version: "(devel)", Revision: "abc", Time: "2026-12-03T10:00:00Z", Modified: true, Go: "go1.26.8"}
	if got := ProgramOf(bi); got != want {
		t.Errorf("got %+v", got)
	}
	if got := ProgramOf(nil); got != (Program{Version: "unknown"}) {
		t.Errorf("nil: %+v", got)
	}
}
