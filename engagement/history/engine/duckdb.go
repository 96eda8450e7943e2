//go:build duckdb

package engine

import (
	"example.com/engagement/engagement/history"
	"example.com/engagement/engagement/history/duckdb"
)

// Default returns embedded DuckDB.
func Default() history.Engine { return duckdb.Engine{} }
