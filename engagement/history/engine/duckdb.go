//go:build duckdb

package engine

import (
	"example.com/engagement/engagement/history"
	"example.com/engagement/engagement/history/duckdb"
)

// New returns embedded DuckDB bounded by o (see Options.Check).
func New(o Options) history.Engine {
	return duckdb.Engine{Threads: o.Threads, MemoryLimit: o.MemoryLimit}
}
