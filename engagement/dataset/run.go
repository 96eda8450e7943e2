package dataset

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"example.com/engagement/engagement/metrics"
)

// RunFile says what a run folder is: see Run.
const RunFile = "run.json"

// RunFormat is the version of run.json's format this package writes and
// reads. A file of a later format is refused, never half read.
const RunFormat = 1

// MaxRunBytes is the largest run.json read.
const MaxRunBytes = 1 << 20

// ErrNoRun is the error ReadRun wraps when the folder has no run.json: it
// was written by a version from before run.json, so nobody knows when its
// data was fetched. The caller decides what that allows.
var ErrNoRun = errors.New("no " + RunFile + " (the folder was written before runs recorded when their data was fetched)")

// Run is run.json: what a run folder is. Every field is required unless
// its comment says otherwise.
type Run struct {
	// Format is RunFormat.
	Format int
	// Fetched is the instant up to which the folder's data is known: the
	// oldest fetch among its answers (an answer taken from the cache counts
	// at the time it was first fetched, and knows nothing after it), or the
	// start of the run when every answer was fetched by it. A re-analysis
	// keeps its source's Fetched.
	Fetched time.Time
	// AsOf is the instant the analysis observed up to; never after Fetched.
	AsOf time.Time
	// Course is the event or campaign analysed.
	Course RunCourse
	// Params are the settings the numbers depend on.
	Params RunParams
	// Program is the program that wrote the folder.
	Program Program
	// Files are the sizes in bytes of the files the run wrote, by name
	// (FileSizes); optional. ReadDir notes, in Data.Normalised, a file read
	// whose size differs: cut short, or edited since.
	Files map[string]int64
}

// FileSizes returns the sizes of the named files of dir, for Run.Files.
func FileSizes(dir string, names ...string) (map[string]int64, error) {
	out := make(map[string]int64, len(names))
	for _, n := range names {
		info, err := os.Stat(filepath.Join(dir, n))
		if err != nil {
			return nil, fmt.Errorf("recording the files of %s: %w", dir, err)
		}
		out[n] = info.Size()
	}
	return out, nil
}

// RunCourse names what a run analysed.
type RunCourse struct {
	// Kind is "course" or "campaign".
	Kind string `json:"kind"`
	// URL is the Dashboard address it was loaded from; Dir is the folder
	// instead, for downloaded files. At most one is set (neither for the
	// embedded sample).
	URL string `json:"url,omitempty"`
	Dir string `json:"dir,omitempty"`
	// Slug is the Dashboard's slug, e.g. "My_Library/My_Edit-a-thon_(2024)".
	Slug string `json:"slug"`
}

// RunParams are the settings of a run that change its numbers.
type RunParams struct {
	// NewEditorLookback, LongTermEdits, RetentionDays, ActiveMonths and
	// ActiveEditorEdits are those of metrics.Params (ParamsOf).
	NewEditorLookback time.Duration
	LongTermEdits     int
	RetentionDays     []int
	ActiveMonths      int
	ActiveEditorEdits int
	// MaxContributions is the most contributions fetched per participant
	// and wiki.
	MaxContributions int
	// CentralAuth is true when registrations came from global accounts.
	CentralAuth bool
	// Baseline is the baseline's sample size; 0 for a run without one.
	Baseline int
	// Pseudonymized is true when usernames in the folder are pseudonyms.
	Pseudonymized bool
}

// Program is a build of the program, from runtime/debug.ReadBuildInfo.
type Program struct {
	Module   string `json:"module,omitempty"`   // main module path
	Version  string `json:"version"`            // e.g. "v1.2.0", "(devel)"; "unknown" without build information
	Revision string `json:"revision,omitempty"` // vcs.revision
	Time     string `json:"time,omitempty"`     // vcs.time
	Modified bool   `json:"modified,omitempty"` // vcs.modified: the work tree had changes
	Go       string `json:"go,omitempty"`       // the Go version it was built with
}

// ProgramOf reads a Program from build information (nil: none, as when
// debug.ReadBuildInfo reports false).
func ProgramOf(bi *debug.BuildInfo) Program {
	if bi == nil {
		return Program{Version: "unknown"}
	}
	p := Program{Module: bi.Main.Path, Version: bi.Main.Version, Go: bi.GoVersion}
	if p.Version == "" {
		p.Version = "unknown"
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			p.Revision = s.Value
		case "vcs.time":
			p.Time = s.Value
		case "vcs.modified":
			p.Modified = s.Value == "true"
		}
	}
	return p
}

// ParamsOf returns the metric parameters of p as RunParams; the fields
// that are not metrics.Params are left for the caller.
func ParamsOf(p metrics.Params) RunParams {
	return RunParams{NewEditorLookback: p.NewEditorLookback, LongTermEdits: p.LongTermEdits,
		RetentionDays: slices.Clone(p.RetentionDays), ActiveMonths: p.ActiveMonths, ActiveEditorEdits: p.ActiveEditorEdits}
}

// MetricsParams returns the run's metric parameters with its as-of
// (content namespaces come from namespaces.csv).
func (r Run) MetricsParams() metrics.Params {
	p := r.Params
	return metrics.Params{AsOf: r.AsOf, NewEditorLookback: p.NewEditorLookback, LongTermEdits: p.LongTermEdits,
		RetentionDays: slices.Clone(p.RetentionDays), ActiveMonths: p.ActiveMonths, ActiveEditorEdits: p.ActiveEditorEdits}
}

// runJSON is run.json as written: times RFC 3339 UTC, the look-back as a
// Go duration ("336h0m0s"), so that each is read back exactly.
type runJSON struct {
	Format  int              `json:"format"`
	Fetched string           `json:"fetched"`
	AsOf    string           `json:"as_of"`
	Course  RunCourse        `json:"course"`
	Params  paramsJSON       `json:"params"`
	Program Program          `json:"program"`
	Files   map[string]int64 `json:"files,omitempty"`
}

type paramsJSON struct {
	NewEditorLookback string `json:"new_editor_lookback"`
	LongTermEdits     int    `json:"long_term_edits"`
	RetentionDays     []int  `json:"retention_days"`
	ActiveMonths      int    `json:"active_months"`
	ActiveEditorEdits int    `json:"active_editor_edits"`
	MaxContributions  int    `json:"max_contributions"`
	CentralAuth       bool   `json:"centralauth"`
	Baseline          int    `json:"baseline"`
	Pseudonymized     bool   `json:"pseudonymized"`
}

// WriteRun writes dir/run.json (atomically, as WriteFile). A Run that
// Validate refuses is not written.
func WriteRun(dir string, r Run) error {
	path := filepath.Join(dir, RunFile)
	if err := r.Validate(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	p := r.Params
	j := runJSON{Format: r.Format, Fetched: r.Fetched.UTC().Format(time.RFC3339Nano), AsOf: r.AsOf.UTC().Format(time.RFC3339Nano),
		Course: r.Course, Program: r.Program, Files: r.Files, Params: paramsJSON{NewEditorLookback: p.NewEditorLookback.String(),
			LongTermEdits: p.LongTermEdits, RetentionDays: p.RetentionDays, ActiveMonths: p.ActiveMonths,
			ActiveEditorEdits: p.ActiveEditorEdits, MaxContributions: p.MaxContributions, CentralAuth: p.CentralAuth,
			Baseline: p.Baseline, Pseudonymized: p.Pseudonymized}}
	if j.Params.RetentionDays == nil {
		j.Params.RetentionDays = []int{}
	}
	b, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return WriteFileBytes(path, append(b, '\n'))
}

// FieldError is a field of run.json that is missing or wrong.
type FieldError struct {
	Field string // JSON path, e.g. "params.long_term_edits"
	Err   error
}

func (e *FieldError) Error() string { return fmt.Sprintf("field %q: %v", e.Field, e.Err) }

func (e *FieldError) Unwrap() error { return e.Err }

// Validate checks what run.json promises: a known format, both instants
// (as-of not after the fetch), what was analysed, the program, and counts
// that are not negative. Errors are *FieldError.
func (r Run) Validate() error {
	bad := func(field, format string, a ...any) error {
		return &FieldError{Field: field, Err: fmt.Errorf(format, a...)}
	}
	switch {
	case r.Format == 0:
		return bad("format", "missing")
	case r.Format != RunFormat:
		return bad("format", "format %d is not the one this program reads (%d): use the version that wrote it", r.Format, RunFormat)
	case r.Fetched.IsZero():
		return bad("fetched", "missing")
	case r.AsOf.IsZero():
		return bad("as_of", "missing")
	case r.AsOf.After(r.Fetched):
		return bad("as_of", "%s is after the data was fetched (%s): a run observes nothing after its fetch",
			r.AsOf.UTC().Format(time.RFC3339), r.Fetched.UTC().Format(time.RFC3339))
	case r.Course.Kind != "course" && r.Course.Kind != "campaign":
		return bad("course.kind", "%q, expected \"course\" or \"campaign\"", r.Course.Kind)
	case r.Course.Slug == "":
		return bad("course.slug", "missing")
	case r.Course.URL != "" && r.Course.Dir != "":
		return bad("course.dir", "given with course.url: a run is loaded from one of them")
	case r.Program.Version == "":
		return bad("program.version", "missing")
	}
	for name, size := range r.Files {
		if !validName(name) || size < 0 {
			return bad("files", "%q: %d: expected the name of a file of the folder and its size", name, size)
		}
	}
	return r.Params.validate()
}

func (p RunParams) validate() error {
	for _, f := range []struct {
		name string
		v    int64
	}{{"params.new_editor_lookback", int64(p.NewEditorLookback)}, {"params.long_term_edits", int64(p.LongTermEdits)},
		{"params.active_months", int64(p.ActiveMonths)}, {"params.active_editor_edits", int64(p.ActiveEditorEdits)},
		{"params.max_contributions", int64(p.MaxContributions)}, {"params.baseline", int64(p.Baseline)}} {
		if f.v < 0 {
			return &FieldError{Field: f.name, Err: fmt.Errorf("negative (%d)", f.v)}
		}
	}
	for i, d := range p.RetentionDays {
		if d <= 0 {
			return &FieldError{Field: fmt.Sprintf("params.retention_days[%d]", i), Err: fmt.Errorf("not a positive number of days (%d)", d)}
		}
	}
	return nil
}

// ReadRun reads dir/run.json. A folder without one gives an error wrapping
// ErrNoRun; any other problem names the file and the field (with its line
// for a malformed document): an unknown or repeated field, a wrong type, a
// missing value, or one Validate refuses.
func ReadRun(dir string) (Run, error) {
	path := filepath.Join(dir, RunFile)
	b, err := readCapped(path, MaxRunBytes)
	if errors.Is(err, os.ErrNotExist) {
		return Run{}, fmt.Errorf("%s: %w", dir, ErrNoRun)
	}
	if err != nil {
		return Run{}, err
	}
	var j runJSON
	if err := decodeStrict(b, &j); err != nil {
		return Run{}, fmt.Errorf("%s: %w", path, err)
	}
	r, err := j.run()
	if err == nil {
		err = r.Validate()
	}
	if err == nil && j.Params.NewEditorLookback == "" { // 0 is a look-back: only the text tells it is missing
		err = &FieldError{Field: "params.new_editor_lookback", Err: errors.New("missing")}
	}
	if err != nil {
		return Run{}, fmt.Errorf("%s: %w", path, err)
	}
	return r, nil
}

// run converts the file's fields, naming the one that does not parse.
func (j runJSON) run() (Run, error) {
	r := Run{Format: j.Format, Course: j.Course, Program: j.Program, Files: j.Files}
	at := func(field, s string, t *time.Time) error {
		if s == "" {
			return nil // missing: Validate says so
		}
		v, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return &FieldError{Field: field, Err: fmt.Errorf("not an RFC 3339 time: %q", s)}
		}
		*t = v.UTC()
		return nil
	}
	if err := at("fetched", j.Fetched, &r.Fetched); err != nil {
		return Run{}, err
	}
	if err := at("as_of", j.AsOf, &r.AsOf); err != nil {
		return Run{}, err
	}
	p := j.Params
	var lookback time.Duration
	var err error
	if p.NewEditorLookback != "" {
		lookback, err = time.ParseDuration(p.NewEditorLookback)
	}
	if err != nil {
		return Run{}, &FieldError{Field: "params.new_editor_lookback", Err: fmt.Errorf("not a duration such as \"336h0m0s\": %q", p.NewEditorLookback)}
	}
	r.Params = RunParams{NewEditorLookback: lookback, LongTermEdits: p.LongTermEdits, RetentionDays: p.RetentionDays,
		ActiveMonths: p.ActiveMonths, ActiveEditorEdits: p.ActiveEditorEdits, MaxContributions: p.MaxContributions,
		CentralAuth: p.CentralAuth, Baseline: p.Baseline, Pseudonymized: p.Pseudonymized}
	return r, nil
}

// readCapped reads the file at path, refusing one over limit bytes with an
// error naming the file, its size and the cap.
func readCapped(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if int64(len(b)) > limit {
		size := "more"
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
			size = fmt.Sprint(info.Size())
		}
		return nil, fmt.Errorf("%s: %s bytes, more than the %d this file may hold", path, size, limit)
	}
	return b, nil
}

// decodeStrict decodes the JSON object b into v, refusing a field v does
// not have, a field given twice in one object and anything after the
// object; errors name the field and the line.
func decodeStrict(b []byte, v any) error {
	if err := duplicateField(b); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		if _, end := dec.Token(); end != io.EOF {
			return fmt.Errorf("line %d: more after the object", lineAt(b, dec.InputOffset()))
		}
		return nil
	}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Errorf("line %d: %v", lineAt(b, se.Offset), se)
	case errors.As(err, &te):
		return fmt.Errorf("line %d: %w", lineAt(b, te.Offset), &FieldError{Field: te.Field, Err: fmt.Errorf("is %s, expected %s", te.Value, te.Type)})
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.TrimPrefix(err.Error(), "json: unknown field ")
		return fmt.Errorf("line %d: unknown field %s", lineAt(b, keyOffset(b, name)), name)
	case errors.Is(err, io.EOF):
		return errors.New("empty: expected a JSON object")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("line %d: cut short: the JSON object does not end", lineAt(b, int64(len(b))))
	}
	return err
}

// duplicateField finds a key given twice in one object of the JSON
// document b (encoding/json silently keeps the last).
func duplicateField(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	type frame struct {
		object bool
		keys   map[string]bool
		key    bool // the next token of an object is a key
	}
	var stack []frame
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil // decoding reports malformed documents
		}
		top := len(stack) - 1
		if top >= 0 && stack[top].object && stack[top].key {
			if k, ok := tok.(string); ok {
				if stack[top].keys[k] {
					return fmt.Errorf("line %d: field %q given twice", lineAt(b, dec.InputOffset()), k)
				}
				stack[top].keys[k] = true
				stack[top].key = false
				continue
			}
		}
		if top >= 0 && stack[top].object {
			stack[top].key = true // after a value comes a key
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, frame{object: true, keys: map[string]bool{}, key: true})
		case json.Delim('['):
			stack = append(stack, frame{})
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
			if n := len(stack) - 1; n >= 0 && stack[n].object {
				stack[n].key = true
			}
		}
	}
}

// keyOffset returns the offset of the first occurrence of quoted (a JSON
// string, quotes included) followed by a colon, as a key is; 0 if none.
func keyOffset(b []byte, quoted string) int64 {
	for off := 0; ; {
		i := bytes.Index(b[off:], []byte(quoted))
		if i < 0 {
			return 0
		}
		off += i + len(quoted)
		if rest := bytes.TrimLeft(b[off:], " \t\r\n"); len(rest) > 0 && rest[0] == ':' {
			return int64(off - len(quoted))
		}
	}
}

// lineAt returns the line of byte offset off in b.
func lineAt(b []byte, off int64) int {
	off = min(max(off, 0), int64(len(b)))
	return 1 + bytes.Count(b[:off], []byte{'\n'})
}
