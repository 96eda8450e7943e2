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
// generate a larger event instead (-filler revisions by non-participants in
// yearly buckets before the event's history, see sample.WriteFiller).
//
//	go run ./engagement/sample/cmd/genhistory -from DIR -out OUT
//
// writes the contributions.csv and accounts.csv of DIR (an event shape, or
// a run's output) as dumps to OUT/history instead, for the wikis of
// DIR/course when it holds a course.
//
//	go run ./engagement/sample/cmd/genhistory -requests OUT/course
//
// prints what the API path asks for the event of a folder that holds its
// Dashboard files, contributions.csv and accounts.csv (OUT/course of a
// generated event): the requests by wiki, counted from the client's
// batching (sample.CountAPIRequests), and writes nothing.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"

	"example.com/engagement/engagement/dashboard"
	"example.com/engagement/engagement/study"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/history"
	"example.com/engagement/engagement/sample"
)

func main() {
	out := flag.String("out", "history-sample", "folder to write course/ and history/ to")
	snapshot := flag.String("snapshot", "2025-01", "snapshot name, YYYY-MM")
	compress := flag.String("compress", "bz2", "bz2 (as the public dumps; needs the bzip2 program), gz, or none")
	participants := flag.Int("participants", 0, "generate a larger event with this many participants")
	contributions := flag.Int("contributions", 0, "approximate participants' revisions of a larger event")
	filler := flag.Int("filler", 0, "revisions by non-participants added to a larger event's dumps")
	from := flag.String("from", "", "write this folder's contributions.csv and accounts.csv as dumps instead")
	requests := flag.String("requests", "", "print the API path's requests for the event in this folder instead")
	flag.Parse()
	if *requests != "" {
		if err := countRequests(*requests); err != nil {
			log.Fatal(err)
		}
		return
	}
	if *compress == "none" {
		*compress = ""
	}
	if *from != "" {
		if err := fromFolder(*from, filepath.Join(*out, "history"), sample.HistoryOptions{Snapshot: *snapshot, Compress: *compress}); err != nil {
			log.Fatal(err)
		}
		return
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

// fromFolder writes the contributions and accounts of a re-analysis
// folder as dumps of every wiki they name.
func fromFolder(from, out string, o sample.HistoryOptions) error {
	d, err := dataset.ReadDir(from)
	if err != nil {
		return err
	}
	cs := d.Contributions.Rows()
	var wikis []string
	if ev, err := study.LoadEvent(context.Background(), engagement.Config{}, filepath.Join(from, "course")); err == nil {
		wikis = ev.Course.Domains() // every course wiki has dumps, edited or not
	}
	for _, c := range cs {
		if !slices.Contains(wikis, c.Wiki) {
			wikis = append(wikis, c.Wiki)
		}
	}
	content := func(wiki string, ns int) bool { return ns == 0 }
	if d.Namespaces != nil {
		content = func(wiki string, ns int) bool {
			return slices.ContainsFunc(d.Namespaces, func(n dataset.Namespace) bool { return n.Wiki == wiki && n.NS == ns && n.Content })
		}
	}
	return sample.WriteHistoryOf(out, cs, d.Accounts, wikis, history.WikiDB, content, o)
}

// countRequests prints the API path's requests for the event in dir.
func countRequests(dir string) error {
	ev, err := study.LoadEvent(context.Background(), engagement.Config{}, dir)
	if err != nil {
		return err
	}
	d, err := dataset.ReadDir(dir)
	if err != nil {
		return err
	}
	var names []string
	for _, p := range ev.Participants {
		if p.Excluded != dashboard.ExcludeInvalid {
			names = append(names, p.Username)
		}
	}
	has := map[string]bool{}
	for _, a := range d.Accounts {
		has[a.Username] = true
	}
	total := 0
	for _, r := range sample.CountAPIRequests(ev.Course.Domains(), names, func(u string) bool { return has[u] }, d.Contributions.Rows()) {
		fmt.Printf("%s: %d siteinfo + %d list=users + %d list=usercontribs = %d requests (%d contributions)\n", r.Wiki, r.SiteInfo, r.Users, r.Contribs, r.Total(), r.Contributions)
		total += r.Total()
	}
	fmt.Printf("%d participants asked for, %d with an account: %d requests\n", len(names), len(has), total)
	return nil
}
