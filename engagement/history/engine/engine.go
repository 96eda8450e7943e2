// Package engine picks the engine that reads mediawiki_history dumps:
// embedded DuckDB when the program is built with the build tag duckdb
// (cgo), none otherwise (history.Load then says how to get one).
package engine

// Available reports whether this build can read dumps.
func Available() bool { return Default() != nil }
