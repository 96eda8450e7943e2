// Package engine picks the engine that reads mediawiki_history dumps:
// embedded DuckDB when the program is built with the build tag duckdb
// (cgo), none otherwise (history.Load then says how to get one).
package engine

import (
	"fmt"
	"regexp"

	"example.com/engagement/engagement/history"
)

// Available reports whether this build can read dumps.
func Available() bool { return Default() != nil }

// Default returns the engine with its own bounds: every core, DuckDB's
// default memory limit (80% of the machine's memory).
func Default() history.Engine { return New(Options{}) }

// Options bound the engine on a machine shared with others.
type Options struct {
	// Threads is how many threads the engine may use; 0: every core.
	Threads int
	// MemoryLimit is how much memory it may hold before it spills to
	// disk or fails, as DuckDB writes it: "4GB", "512MB", "1.5GiB";
	// "": DuckDB's default, 80% of the machine's memory.
	MemoryLimit string
}

var memoryLimit = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?\s*([KMGT]i?B|B)$`)

// Check refuses a negative thread count and a memory limit DuckDB would
// not read, naming the value.
func (o Options) Check() error {
	if o.Threads < 0 {
		return fmt.Errorf("threads %d: want 0 (every core) or more", o.Threads)
	}
	if o.MemoryLimit != "" && !memoryLimit.MatchString(o.MemoryLimit) {
		return fmt.Errorf("memory limit %q: want a size such as 4GB, 512MB or 1.5GiB", o.MemoryLimit)
	}
	return nil
}
