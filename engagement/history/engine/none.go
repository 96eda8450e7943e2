//go:build !duckdb

package engine

import "example.com/engagement/engagement/history"

// Default returns nil: this build has no DuckDB (build with -tags duckdb).
func Default() history.Engine { return nil }
