//go:build !duckdb

package engine

import "example.com/engagement/engagement/history"

// New returns nil: this build has no DuckDB (build with -tags duckdb).
func New(Options) history.Engine { return nil }
