package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/history"
	"example.com/engagement/engagement/history/engine"
	"example.com/engagement/engagement/study"
)

// historyFlags are the flags of the mediawiki_history path.
type historyFlags struct {
	dir, snapshot, engine, sql string
	bounds                     engine.Options
}

// register adds the flags to fs.
func (h *historyFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&h.dir, "history", "", "read contributions and accounts from mediawiki_history dumps in this folder (<snapshot>/<wiki_db>/<snapshot>.<wiki_db>.<bucket>.tsv[.bz2|.gz]), or from a CSV export of the -engine spark query, instead of the API")
	fs.StringVar(&h.snapshot, "snapshot", "", "the mediawiki_history snapshot, YYYY-MM (default: the latest in -history)")
	fs.StringVar(&h.engine, "engine", "duckdb", "duckdb: run the history query here; spark: only write it, for wmf.mediawiki_history at the Data Lake, to -sql")
	fs.StringVar(&h.sql, "sql", "", "with -engine spark: the file to write the query to")
	fs.IntVar(&h.bounds.Threads, "duckdb-threads", 0, "with -history: the threads DuckDB may use (0: every core)")
	fs.StringVar(&h.bounds.MemoryLimit, "duckdb-memory", "", "with -history: the memory DuckDB may hold, e.g. 4GB (default: 80% of the machine's)")
}

// check refuses bounds DuckDB would not take, naming the flag.
func (h *historyFlags) check() error {
	if err := (engine.Options{Threads: h.bounds.Threads}).Check(); err != nil {
		return fmt.Errorf("-duckdb-threads: %w", err)
	}
	if err := (engine.Options{MemoryLimit: h.bounds.MemoryLimit}).Check(); err != nil {
		return fmt.Errorf("-duckdb-memory: %w", err)
	}
	if h.dir == "" && h.bounds != (engine.Options{}) {
		return errors.New("-duckdb-threads and -duckdb-memory bound the reading of -history: set -history too")
	}
	return nil
}

// fromHistory, when the history flags are set, reads the participants'
// data (of the event, or of every event of -campaign) from the history
// into a folder and points -from at it, so that the rest of the run is a
// re-analysis; done reports a run that only wrote the Spark query.
// cleanup removes the folder.
func fromHistory(ctx context.Context, o *options, stdout io.Writer) (done bool, cleanup func(), err error) {
	h := o.hist
	cleanup = func() {}
	switch {
	case h.engine == "spark":
		return true, cleanup, writeSparkQuery(ctx, o, stdout)
	case h.engine != "duckdb":
		return false, cleanup, fmt.Errorf("-engine %q: want duckdb or spark", h.engine)
	}
	if err := h.check(); err != nil {
		return false, cleanup, err
	}
	switch {
	case h.dir == "":
		return false, cleanup, nil
	case o.from != "":
		return false, cleanup, errors.New("-history reads the data itself: use it without -from")
	}
	sc, err := historyScope(ctx, o)
	if err != nil {
		return false, cleanup, err
	}
	start := time.Now()
	l, err := history.Load(ctx, engine.New(h.bounds), h.dir, history.Options{Snapshot: h.snapshot, Wikis: sc.wikis, Participants: sc.spec.Participants, AsOf: sc.spec.AsOf})
	if err != nil {
		return false, cleanup, fmt.Errorf("-history %s: %w", h.dir, err)
	}
	tmp, err := os.MkdirTemp("", "workshop-history-")
	if err != nil {
		return false, cleanup, err
	}
	cleanup = func() { os.RemoveAll(tmp) }
	if err := l.WriteDir(tmp); err != nil {
		os.RemoveAll(tmp)
		return false, func() {}, err
	}
	fmt.Fprintf(stdout, "Read the history (%s) in %.1f s: %d dump lines, %d result rows: %d contributions, %d accounts (no API requests)\n",
		describe(l), time.Since(start).Seconds(), l.Lines, l.Rows, len(l.Contributions), len(l.Accounts))
	o.from = tmp
	return false, cleanup, nil
}

// describe names what was read.
func describe(l *history.Loaded) string {
	if l.Snapshot.Name == "" {
		return "a CSV export of the query"
	}
	return fmt.Sprintf("snapshot %s, %d dump files; checked in %.1f s, queried in %.1f s", l.Snapshot.Name, len(l.Snapshot.Dumps), l.Check.Seconds(), l.Query.Seconds())
}

// scope is what the history query asks for: the participants of the
// event (or of every event of the campaign) on its wikis, up to as-of.
type scope struct {
	spec  history.Spec
	wikis []string // domains, home wiki first
}

// historyScope loads the event or campaign and the query's specification:
// its participants and wikis, and the as-of (-asof, else the sample's,
// else the last instant of the snapshot).
func historyScope(ctx context.Context, o *options) (scope, error) {
	cfg := engagement.Config{CacheDir: o.cache, Offline: o.offline, Contact: o.contact}
	var sc scope
	var events []*engagement.Event
	asOf, isSample := time.Time{}, false
	if o.campaign != "" {
		c, err := study.LoadCampaign(ctx, cfg, o.campaign)
		if err != nil {
			return sc, withFlag(err)
		}
		events, asOf, isSample = c.Events, c.AsOf(time.Now()), c.IsSample
	} else {
		ev, err := study.LoadEvent(ctx, cfg, o.course)
		if err != nil {
			return sc, withFlag(err)
		}
		events, asOf, isSample = []*engagement.Event{ev}, ev.AsOf(time.Now()), ev.IsSample
	}
	for _, ev := range events {
		for _, w := range ev.Course.Domains() {
			if !slices.Contains(sc.wikis, w) {
				sc.wikis = append(sc.wikis, w)
			}
		}
		for _, p := range ev.Participants {
			sc.spec.Participants = append(sc.spec.Participants, p.Username)
		}
	}
	sc.spec.Snapshot = o.hist.snapshot
	var err error
	sc.spec.AsOf, err = historyAsOf(o, asOf, isSample)
	return sc, err
}

// historyAsOf returns -asof, the sample's as-of, or the snapshot's last
// second (and sets -asof to it, so that the analysis uses it too).
func historyAsOf(o *options, eventAsOf time.Time, isSample bool) (time.Time, error) {
	if o.asOf != "" {
		return engagement.ParseAsOf(o.asOf)
	}
	if isSample {
		return eventAsOf, nil
	}
	snap := o.hist.snapshot
	if snap == "" && o.hist.dir != "" {
		if fi, err := os.Stat(o.hist.dir); err == nil && fi.IsDir() {
			found, err := history.Find(o.hist.dir, "", nil)
			if err != nil {
				return time.Time{}, err
			}
			snap = found.Name
		}
	}
	end, err := time.Parse("2006-01", snap)
	if err != nil {
		return time.Time{}, errors.New("set -asof (or -snapshot): the history's as-of is not the time of this run")
	}
	t := end.AddDate(0, 1, 0).Add(-time.Second)
	o.asOf = t.Format(time.RFC3339)
	return t, nil
}

// writeSparkQuery writes the query for wmf.mediawiki_history to -sql.
func writeSparkQuery(ctx context.Context, o *options, stdout io.Writer) error {
	if o.hist.sql == "" || o.hist.snapshot == "" {
		return errors.New("-engine spark needs -sql FILE and -snapshot YYYY-MM")
	}
	sc, err := historyScope(ctx, o)
	if err != nil {
		return err
	}
	spec := sc.spec
	for _, w := range sc.wikis {
		db, err := history.WikiDB(w)
		if err != nil {
			return err
		}
		spec.WikiDBs = append(spec.WikiDBs, db)
	}
	if err := os.WriteFile(o.hist.sql, []byte(history.Query(spec)), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Wrote %s: the query for %s, snapshot %s, %d participants on %d wikis, as of %s.\nRun it at the Data Lake, export the result as CSV with a header, and pass the file to -history.\n",
		o.hist.sql, history.Table, spec.Snapshot, len(spec.Participants), len(spec.WikiDBs), spec.AsOf.Format(time.RFC3339))
	return nil
}
