package main

import (
	"os"
	"path/filepath"
	"runtime/debug"

	"example.com/engagement/engagement/dataset"
)

// minMemoryLimit is the least soft memory limit a re-analysis sets.
const minMemoryLimit = 256 << 20

// limitMemory sets, for a re-analysis (-from) and unless GOMEMLIMIT is set,
// a soft memory limit of 2.6 times the size of contributions.csv (at least
// 256 MiB). The data read stays alive to the end, about 1.8 times the
// file; without a limit the garbage collector, which runs only a few times
// in a short run, lets the heap grow to twice what was alive at its last
// run. On 1,000,000 contributions this lowers the peak from about 340 MB
// to 260 MB, and the run is faster too (less memory to fault in). The
// limit is soft: a larger heap is allowed, at the cost of more collection.
func limitMemory(from string) {
	if from == "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	st, err := os.Stat(filepath.Join(from, dataset.ContributionsFile))
	if err != nil {
		return
	}
	debug.SetMemoryLimit(max(minMemoryLimit, st.Size()*26/10))
}
