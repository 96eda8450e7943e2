// Command gensample regenerates the embedded sample event's files:
//
//	go run ./engagement/sample/cmd/gensample [-out engagement/sample/data] [-mediawiki DIR]
//
// With -participants and -contributions it writes a larger deterministic
// event (Dashboard files, contributions.csv, accounts.csv) for benchmarks:
//
//	go run ./engagement/sample/cmd/gensample -out /tmp/big -participants 10000 -contributions 1000000
//
// With -campaign N it also writes OUT/campaign, a campaign folder of N events
// made from the event (see sample.Event.WriteCampaign), re-analysed with
// -campaign OUT/campaign -from OUT.
package main

import (
	"flag"
	"log"
	"os"
	"path/filepath"

	"example.com/engagement/engagement/sample"
)

func main() {
	out := flag.String("out", "engagement/sample/data", "folder to write the embedded files to")
	mw := flag.String("mediawiki", "", "also write the MediaWiki exports and accounts.json to this folder")
	participants := flag.Int("participants", 0, "generate a larger event with this many participants (with -contributions)")
	contributions := flag.Int("contributions", 0, "approximate number of contributions of a larger event")
	campaign := flag.Int("campaign", 0, "also write OUT/campaign: a campaign folder of this many events made from the event")
	flag.Parse()
	cfg := sample.DefaultConfig()
	if *participants > 0 {
		cfg.Participants, cfg.Contributions = *participants, *contributions
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	ev, err := sample.Generate(cfg)
	if err != nil {
		log.Fatal(err)
	}
	if err := ev.WriteFiles(*out); err != nil {
		log.Fatal(err)
	}
	if *campaign > 0 {
		if err := ev.WriteCampaign(filepath.Join(*out, "campaign"), *campaign); err != nil {
			log.Fatal(err)
		}
	}
	if *mw != "" {
		if err := ev.WriteMediaWiki(*mw); err != nil {
			log.Fatal(err)
		}
	}
}
