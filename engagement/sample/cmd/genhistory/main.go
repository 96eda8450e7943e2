// Command genhistory writes an event as mediawiki_history dumps, for the
// example program's -history path:
//
//	go run ./engagement/sample/cmd/genhistory -out /tmp/hist
//
// writes the embedded sample's Dashboard files to OUT/course and its three
// wikis as dumps of snapshot 2025-01 (78 fields, bzip2, monthly buckets)
// to OUT/history, with the non-participants' rows and the rows only the
// history holds (deleted, hidden, anonymous, renamed). Then
//
//	go run -tags duckdb ./examples/workshop -course /tmp/hist/course -history /tmp/hist/history -asof 2025-01-01
//
// gives the API path's numbers. -participants, -contributions and -filler
// generate a larger event instead (see sample.WriteScaleHistory).
package main

import (
	"flag"
	"log"
	"os"
	"path/filepath"

	"example.com/engagement/engagement/sample"
)

func main() {
	out := flag.String("out", "history-sample", "folder to write course/ and history/ to")
	snapshot := flag.String("snapshot", "2025-01", "snapshot name, YYYY-MM")
	compress := flag.String("compress", "bz2", "bz2 (as the public dumps; needs the bzip2 program), gz, or none")
	participants := flag.Int("participants", 0, "generate a larger event with this many participants")
	contributions := flag.Int("contributions", 0, "approximate participants' revisions of a larger event")
	filler := flag.Int("filler", 0, "revisions by non-participants added to a larger event's dumps")
	flag.Parse()
	if *compress == "none" {
		*compress = ""
	}
	cfg := sample.DefaultConfig()
	if *participants > 0 {
		cfg.Participants, cfg.Contributions = *participants, *contributions
	}
	ev, err := sample.Generate(cfg)
	if err != nil {
		log.Fatal(err)
	}
	course := filepath.Join(*out, "course")
	if err := os.MkdirAll(course, 0o755); err != nil {
		log.Fatal(err)
	}
	if err := ev.WriteFiles(course); err != nil {
		log.Fatal(err)
	}
	o := sample.HistoryOptions{Snapshot: *snapshot, Compress: *compress}
	if err := ev.WriteHistory(filepath.Join(*out, "history"), o); err != nil {
		log.Fatal(err)
	}
	if *filler > 0 {
		if err := sample.WriteFiller(filepath.Join(*out, "history"), o, *filler, cfg.Seed); err != nil {
			log.Fatal(err)
		}
	}
}
