// Command workshop runs the whole engagement flow on one event: load the
// Dashboard data, preprocess the participants, fetch their contributions
// from the Wikimedia APIs, compute every metric, and write the results.
//
//	go run ./examples/workshop                      # the embedded sample, offline
//	go run ./examples/workshop -course URL -contact you@example.org
//	go run ./examples/workshop -from out            # re-analyse a previous run
//
// Outputs go to -out (default out/): report.html, metrics.csv,
// participants.csv, contributions.csv, accounts.csv, monthly.csv and the
// charts.
//
// Exit status: 0 when every participant's data was fetched; 3 when some
// participants' data could not be fetched (they are listed, left out of the
// numbers as "data incomplete", and every output is written for the
// others); 1 for any other failure, including a run where
// no participant's data could be fetched (no report is written then).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/nb"
	"example.com/engagement/engagement/report"
)

// exitPartial is the exit status of a run whose results leave out some
// participants because their data could not be fetched.
const exitPartial = 3

// errPartial marks a run that wrote every output but left some participants
// out as "data incomplete".
var errPartial = errors.New("partial data")

type apiFlags map[string]string

func (a apiFlags) String() string { return fmt.Sprint(map[string]string(a)) }

func (a apiFlags) Set(s string) error {
	d, u, ok := strings.Cut(s, "=")
	if !ok || d == "" || u == "" {
		return fmt.Errorf("want DOMAIN=URL, e.g. en.wikipedia.org=http://127.0.0.1:8080/api.php; got %q", s)
	}
	a[d] = u
	return nil
}

func main() {
	// A batch run holds its data until the end: collect garbage less often.
	debug.SetGCPercent(200)
	err := run(os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case err == nil:
	case errors.Is(err, errPartial):
		fmt.Fprintln(os.Stderr, "workshop:", err)
		os.Exit(exitPartial)
	case errors.Is(err, flag.ErrHelp):
		os.Exit(0)
	default:
		fmt.Fprintln(os.Stderr, "workshop:", err)
		os.Exit(1)
	}
}

func parseAsOf(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05Z", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("-asof %q: want YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ", s)
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("workshop", flag.ContinueOnError)
	fs.SetOutput(stderr)
	course := fs.String("course", engagement.Sample, "Dashboard course URL or slug, a folder of downloaded Dashboard files, or \"sample\"")
	from := fs.String("from", "", "re-analyse a folder holding contributions.csv and accounts.csv instead of asking the API")
	asOfFlag := fs.String("asof", "", "observe up to this instant, YYYY-MM-DD[THH:MM:SSZ] (default: now; the sample's own as-of for the sample)")
	cache := fs.String("cache", ".cache", "folder for cached API responses (\"\" for none)")
	out := fs.String("out", "out", "folder for the outputs")
	offline := fs.Bool("offline", false, "use cached responses only; a cache miss is an error")
	contact := fs.String("contact", os.Getenv("ENGAGEMENT_CONTACT"), "your email or user page, sent in the User-Agent Wikimedia requires for live runs")
	lookback := fs.Int("lookback", 14, "days before the start within which a registration makes a participant new")
	longTerm := fs.Int("longterm", 500, "edits before the start from which an experienced participant is long-term")
	pseudonymize := fs.Bool("pseudonymize", false, "replace usernames with stable pseudonyms in every output (a fresh key per run)")
	centralAuth := fs.Bool("centralauth", false, "take registrations from global accounts on meta.wikimedia.org (one request per participant)")
	cacheList := fs.Bool("cache-list", false, "list the cached API requests and exit")
	cacheClear := fs.Bool("cache-clear", false, "remove every cached API response and exit")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile to this file")
	api := apiFlags{}
	fs.Var(api, "api", "DOMAIN=URL api.php endpoint for a wiki (repeatable)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *cacheList || *cacheClear {
		c, err := mwapi.OpenCache(*cache)
		if err != nil {
			return err
		}
		if *cacheClear {
			if err := c.Clear(); err != nil {
				return err
			}
			fmt.Fprintln(stdout, "cleared", *cache)
			return nil
		}
		entries, err := c.List()
		if err != nil {
			return err
		}
		var total int64
		for _, e := range entries {
			fmt.Fprintf(stdout, "%8d  %s\n", e.Bytes, e.Request)
			total += e.Bytes
		}
		fmt.Fprintf(stdout, "%d cached responses, %.1f MB in %s\n", len(entries), float64(total)/1e6, *cache)
		return nil
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	cfg := engagement.Config{Contact: *contact, CacheDir: *cache, Offline: *offline, Endpoints: api, CentralAuth: *centralAuth}

	ev, err := engagement.LoadEvent(ctx, cfg, *course)
	if err != nil {
		return err
	}
	asOf := ev.AsOf(time.Now())
	if *asOfFlag != "" {
		if asOf, err = parseAsOf(*asOfFlag); err != nil {
			return err
		}
	}
	c := ev.Course
	fmt.Fprintf(stdout, "%s\n%s – %s on %s\n", c.Title, c.Start.Format("2 Jan 2006 15:04 MST"), c.End.Format("2 Jan 2006 15:04 MST"), strings.Join(c.Domains(), ", "))
	fmt.Fprintf(stdout, "Dashboard totals: %d editors, %d articles, %s edits, %s articles created, %s words added, %s views\n\n",
		c.StudentCount, c.ArticleCount, c.EditCount, c.CreatedCount, c.WordCount, c.ViewCount)

	var data *engagement.Data
	if *from != "" {
		if data, err = engagement.LoadData(*from); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Re-analysing %s: %d contributions of %d accounts (no API requests)\n\n", *from, len(data.Contributions), len(data.Accounts))
	} else {
		bar := nb.NewProgressTo("Fetching", stderr)
		data, err = engagement.Enrich(ctx, cfg, ev, func(p mwapi.Progress) {
			detail := fmt.Sprintf("%d/%d user-wikis, %d requests, %d cached", p.UsersDone, p.UsersTotal, p.Requests, p.CacheHits)
			if p.Remaining > 0 {
				detail += ", about " + p.Remaining.Round(time.Second).String() + " left"
			}
			bar.Update(p.UsersDone, p.UsersTotal, detail)
		})
		if data != nil {
			bar.Done(data.Stats.String())
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Fetched %d contributions of %d accounts: %v\n", len(data.Contributions), len(data.Accounts), data.Stats)
		for _, n := range data.Notes {
			fmt.Fprintln(stdout, "Note:", n)
		}
		if s := data.FailureSummary(); s != "" {
			fmt.Fprint(stdout, s)
		}
		fmt.Fprintln(stdout)
	}
	p := metrics.DefaultParams(asOf)
	p.NewEditorLookback = time.Duration(*lookback) * 24 * time.Hour
	p.LongTermEdits = *longTerm
	res, err := engagement.Analyze(ev, data, p)
	if err != nil {
		return err
	}
	if nothingFetched(res) {
		return fmt.Errorf("no participant's data could be fetched, so there is nothing to report: %s; check the network (or -api endpoints) and run again: what was fetched is cached", engagement.Banner(res))
	}
	if b := engagement.Banner(res); b != "" {
		fmt.Fprintf(stdout, "⚠ %s\n\n", b)
	}
	printSummary(stdout, res)
	var pseudo *report.Pseudonymizer
	outData, outRes := data, res
	if *pseudonymize {
		pseudo = report.NewPseudonymizer(report.RandomKey())
		cp := *data
		cp.Contributions, cp.Accounts = pseudo.Contributions(data.Contributions), pseudo.Accounts(data.Accounts)
		outData, outRes = &cp, pseudo.Result(res)
	}
	// The CSV files and the charts and report are independent: write them
	// side by side.
	var paths []string
	var werr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		paths, werr = engagement.WriteOutputs(*out, outData, outRes)
	}()
	more, err := engagement.WriteReport(*out, ev, data, res, pseudo)
	<-done
	if werr != nil {
		return werr
	}
	if err != nil {
		return err
	}
	paths = append(paths, more...)
	fmt.Fprintf(stdout, "\nAs of %s. Wrote:\n", asOf.Format(time.RFC3339))
	for _, p := range paths {
		fmt.Fprintln(stdout, " ", p)
	}
	if b := engagement.Banner(res); b != "" {
		return fmt.Errorf("%w: %s; the results cover the others; run again to fetch what failed (what was fetched is cached)", errPartial, b)
	}
	return nil
}

// nothingFetched reports whether every participant who was not left out for
// another reason has incomplete data.
func nothingFetched(res *metrics.Result) bool {
	incomplete := 0
	for _, p := range res.Participants {
		switch p.Excluded {
		case metrics.ExcludeIncomplete:
			incomplete++
		case metrics.NotExcluded:
			return false
		}
	}
	return incomplete > 0
}

func printSummary(w io.Writer, res *metrics.Result) {
	tw := tabwriter.NewWriter(w, 2, 0, 2, ' ', 0)
	seg := map[metrics.Segment]int{}
	long := 0
	reasons := map[string][]string{}
	for _, p := range res.Participants {
		seg[p.Segment]++
		if p.LongTerm {
			long++
		}
		if p.Excluded != metrics.NotExcluded {
			reasons[string(p.Excluded)] = append(reasons[string(p.Excluded)], p.Username)
		}
	}
	fmt.Fprintln(tw, "Participants by segment\t")
	fmt.Fprintf(tw, "  new (registered from 14 days before the start)\t%d\n", seg[metrics.SegmentNew])
	fmt.Fprintf(tw, "  experienced\t%d\n", seg[metrics.SegmentExperienced])
	fmt.Fprintf(tw, "    of whom long-term (500+ edits before)\t%d\n", long)
	fmt.Fprintf(tw, "  left out of the numbers\t%d\n", seg[metrics.SegmentExcluded])
	keys := make([]string, 0, len(reasons))
	for k := range reasons {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(tw, "    %s\t%d\t%s\n", k, len(reasons[k]), strings.Join(reasons[k], ", "))
	}
	tw.Flush()
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 2, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Headline\t\t")
	for _, h := range engagement.HeadlineRows(res) {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", h.Label, engagement.FormatValue(h.Row), engagement.FormatDetail(h.Row))
	}
	tw.Flush()
}
