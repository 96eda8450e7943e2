//go:build duckdb

// Package duckdb runs the history query (history.Query) on embedded
// DuckDB over the checked dump files. It needs cgo (the DuckDB library is
// linked in) and is built only with the build tag duckdb, so that the
// rest of the project builds and tests without cgo.
package duckdb

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	_ "github.com/duckdb/duckdb-go/v2" // registers the "duckdb" driver

	"example.com/engagement/engagement/history"
)

// Engine is embedded DuckDB, in memory; Threads (0: every core) and
// MemoryLimit ("" : DuckDB's default, 80% of RAM) bound it.
type Engine struct {
	Threads     int
	MemoryLimit string
}

// Rows presents the dumps as history.Table, runs query and passes each
// row to each as it comes.
func (e Engine) Rows(ctx context.Context, dumps []history.Checked, snapshot, query string, each func(history.Row) error) error {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return fmt.Errorf("opening DuckDB: %w", err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx) // one connection: the view lives in it
	if err != nil {
		return fmt.Errorf("opening DuckDB: %w", err)
	}
	defer conn.Close()
	for _, s := range append(e.settings(), history.ViewSQL(dumps, snapshot)...) {
		if _, err := conn.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("DuckDB: %w (in %.200s)", err, s)
		}
	}
	rs, err := conn.QueryContext(ctx, query)
	if err != nil {
		return located(err, dumps)
	}
	defer rs.Close()
	for n := 1; rs.Next(); n++ {
		var r history.Row
		if err := rs.Scan(&r.Kind, &r.WikiDB, &r.Username, &r.RevID, &r.PageID, &r.NS, &r.Title, &r.IsContent,
			&r.Timestamp, &r.BytesDiff, &r.CreatesPage, &r.Registration, &r.Groups); err != nil {
			return fmt.Errorf("DuckDB: reading row %d: %w", n, err)
		}
		if err := each(r); err != nil {
			return err
		}
	}
	if err := rs.Err(); err != nil {
		return located(err, dumps)
	}
	return nil
}

// settings are the statements that bound DuckDB before the view.
func (e Engine) settings() []string {
	// The rows' order does not matter (history.Convert sorts them), and
	// not keeping it lets DuckDB stream a large result with less memory.
	setup := []string{"SET preserve_insertion_order = false"}
	if e.Threads > 0 {
		setup = append(setup, fmt.Sprintf("SET threads = %d", e.Threads))
	}
	if e.MemoryLimit != "" {
		setup = append(setup, "SET memory_limit = "+history.Literal(e.MemoryLimit))
	}
	return setup
}

var csvError = regexp.MustCompile(`(?s)CSV Error on Line: (\d+).*?\n\s*(Error when converting column[^\n]*)\n.*?file = ([^\n]+)\n`)

// located rewrites DuckDB's error about a line of a copy to name the dump
// file and line it came from.
func located(err error, dumps []history.Checked) error {
	m := csvError.FindStringSubmatch(err.Error())
	if m == nil {
		return fmt.Errorf("DuckDB: %w", err)
	}
	n, _ := strconv.Atoi(m[1])
	if path, line, ok := history.Locate(dumps, strings.TrimSpace(m[3]), n); ok {
		return fmt.Errorf("%s:%d: %s", path, line, m[2])
	}
	return fmt.Errorf("DuckDB: %w", err)
}
