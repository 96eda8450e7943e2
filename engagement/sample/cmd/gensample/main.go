// Command gensample regenerates the embedded sample event's files:
//
//	go run ./engagement/sample/cmd/gensample [-out engagement/sample/data] [-mediawiki DIR]
package main

import (
	"flag"
	"log"

	"example.com/engagement/engagement/sample"
)

func main() {
	out := flag.String("out", "engagement/sample/data", "folder to write the embedded files to")
	mw := flag.String("mediawiki", "", "also write the MediaWiki exports and accounts.json to this folder")
	flag.Parse()
	ev, err := sample.Generate(sample.DefaultConfig())
	if err != nil {
		log.Fatal(err)
	}
	if err := ev.WriteFiles(*out); err != nil {
		log.Fatal(err)
	}
	if *mw != "" {
		if err := ev.WriteMediaWiki(*mw); err != nil {
			log.Fatal(err)
		}
	}
}
