package history

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"time"
)

// An Engine runs the query over checked dump files: it presents them as
// Table (with a snapshot column), runs the query text as given and passes
// each row of its result to each, stopping at each's first error.
type Engine interface {
	Rows(ctx context.Context, dumps []Checked, snapshot, query string, each func(Row) error) error
}

// Options say what to load.
type Options struct {
	Snapshot     string   // "" for the latest in the folder
	Wikis        []string // scope wiki domains, home wiki first
	Participants []string // canonical usernames
	AsOf         time.Time
	// Tmp is where bzip2 dumps are decompressed for the engine ("" for
	// the system's temporary folder); the copies are removed at the end.
	Tmp string
	// Bzip2 says how bzip2 dumps are decompressed: "" with the bzip2
	// program when it is on PATH (about twice as fast as Go's library),
	// else with Go's compress/bzip2; "go" with Go's always; anything else
	// is the program to run (as bzip2 -dc). The lines are the same.
	Bzip2 string
}

// bzip2Program returns the program Check decompresses with ("" for Go's
// compress/bzip2).
func (o Options) bzip2Program() string {
	switch o.Bzip2 {
	case "go":
		return ""
	case "":
		p, _ := exec.LookPath("bzip2")
		return p
	}
	return o.Bzip2
}

// Loaded is what Load read, with what the analysis must be told.
type Loaded struct {
	*Data
	Snapshot Snapshot
	Lines    int // dump lines read
	Rows     int // result rows
	// Check and Query are how long checking (and decompressing) the dumps
	// and running the query took.
	Check, Query time.Duration
}

// Spec returns the query's specification for o in snapshot s.
func (o Options) Spec(snapshot string) (Spec, map[string]string, error) {
	s := Spec{Snapshot: snapshot, Participants: o.Participants, AsOf: o.AsOf}
	domains := map[string]string{}
	for _, w := range o.Wikis {
		db, err := WikiDB(w)
		if err != nil {
			return Spec{}, nil, err
		}
		s.WikiDBs = append(s.WikiDBs, db)
		domains[db] = w
	}
	return s, domains, nil
}

// Load reads the participants' contributions and accounts from the dumps
// in dir with the engine, or from a CSV export of the query when dir is a
// file. An as-of after the snapshot's end is refused: the history cannot
// show what happened after it, and that gap must not read as "not
// editing".
func Load(ctx context.Context, eng Engine, dir string, o Options) (*Loaded, error) {
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return loadExport(dir, o)
	}
	spec, domains, err := o.Spec("")
	if err != nil {
		return nil, err
	}
	snap, err := Find(dir, o.Snapshot, spec.WikiDBs)
	if err != nil {
		return nil, err
	}
	if !o.AsOf.Before(snap.End()) {
		return nil, fmt.Errorf("as-of %s is not before the end of snapshot %s (%s): the history cannot show edits after it; choose an earlier as-of or a later snapshot",
			o.AsOf.Format(time.RFC3339), snap.Name, snap.End().Format(time.RFC3339))
	}
	if eng == nil {
		return nil, errors.New("reading dumps needs the DuckDB engine: build with -tags duckdb (cgo and a C compiler; see README), or run the -engine spark query at the Data Lake and pass its CSV export")
	}
	spec.Snapshot = snap.Name
	tmp, err := os.MkdirTemp(o.Tmp, "history-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	started := time.Now()
	checked, err := Check(ctx, snap, tmp, o.bzip2Program())
	if err != nil {
		return nil, err
	}
	checkedAt := time.Now()
	cv, err := query(ctx, eng, checked, snap.Name, spec, domains)
	if err != nil {
		return nil, err
	}
	d := cv.Data()
	d.Sort(o.Wikis, o.Participants)
	l := &Loaded{Data: d, Snapshot: snap, Rows: cv.Rows(), Check: checkedAt.Sub(started), Query: time.Since(checkedAt)}
	for _, c := range checked {
		l.Lines += c.Lines
	}
	return l, nil
}

// loadExport reads a CSV export of the query (the Spark path's result).
func loadExport(file string, o Options) (*Loaded, error) {
	rows, err := ReadExport(file)
	if err != nil {
		return nil, err
	}
	_, domains, err := o.Spec("")
	if err != nil {
		return nil, err
	}
	d, err := Convert(rows, domains)
	if err != nil {
		return nil, err
	}
	d.Sort(o.Wikis, o.Participants)
	return &Loaded{Data: d, Rows: len(rows)}, nil
}

// query runs the history query of spec on the checked dumps with the
// engine and converts its rows as they come. A row that does not convert
// is that row's error, rather than the engine's failure.
func query(ctx context.Context, eng Engine, checked []Checked, snapshot string, spec Spec, domains map[string]string) (*Converter, error) {
	cv := NewConverter(domains)
	var convErr error
	err := eng.Rows(ctx, checked, snapshot, Query(spec), func(r Row) error {
		convErr = cv.Add(r)
		return convErr
	})
	if convErr != nil {
		return nil, convErr
	}
	if err != nil {
		return nil, fmt.Errorf("querying the history of snapshot %s: %w", snapshot, err)
	}
	return cv, nil
}
