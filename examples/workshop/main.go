// Command workshop runs the whole engagement flow on one event: load the
// Dashboard data, preprocess the participants, fetch their contributions
// from the Wikimedia APIs, compute every metric, and write the results.
//
//	go run ./examples/workshop                      # the embedded sample, offline
//	go run ./examples/workshop -course URL -contact you@example.org
//	go run ./examples/workshop -from out            # re-analyse a previous run
//
// Outputs go to -out (default out/, and out/campaign/ for -campaign; a
// campaign refuses a folder whose run.json names an event, and an event
// one that names a campaign, so that their files never mix): report.html (with the page views of
// the pages created), report.wikitext, metrics.csv, participants.csv,
// contributions.csv, accounts.csv, monthly.csv, namespaces.csv,
// incomplete.csv, pageviews.csv (the page views fetched, so that -from
// shows them too), run.json (when the data was fetched, the as-of, the
// course, the parameters, the program) and the charts. A campaign writes
// events.csv, comparison.csv, returning.csv, events.png, report.html and
// report.wikitext beside its metrics and data files, and no monthly.csv. The as-of may not
// be after the data was fetched: a future -asof is refused, a rerun from
// the cache observes by default up to when its oldest cached answer was
// fetched, and -from up to its folder's run.json.
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
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/report"
)

// exitPartial is the exit status of a run whose results leave out some
// participants because their data could not be fetched.
const exitPartial = 3

// exitStatuses is the usage text's account of the exit status.
const exitStatuses = `Exit status:
  0  every participant's data was fetched
  3  some participants' data could not be fetched: they are listed, left out
     as "data incomplete", and every output is written for the others
  1  any other failure, including a run where no participant's data could be
     fetched (no report is written then)
`

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

// options are the command line's flags.
type options struct {
	course, from, asOf, cache, out, contact, cpuprofile string
	campaign                                            string
	offline, pseudonymize, centralAuth, cacheList       bool
	baseline                                            bool
	baselineSize                                        int
	cacheClear                                          bool
	lookback, longTerm, maxContribs                     int
	api                                                 apiFlags
	lang                                                string
	hist                                                historyFlags
}

// strayArgument refuses a word that is not a flag: flag parsing stops at
// it, so the flags after it would be silently left unread ("-baseline 100
// -out dir" would write into the default folder). A bool flag right
// before it is named, as it takes no value.
func strayArgument(fs *flag.FlagSet, args []string) error {
	if fs.NArg() == 0 {
		return nil
	}
	stray := fs.Arg(0)
	msg := fmt.Sprintf("unexpected argument %q: every setting is a flag (-name value), and nothing after %q was read", stray, stray)
	if i := len(args) - fs.NArg() - 1; i >= 0 {
		name := strings.TrimLeft(strings.SplitN(args[i], "=", 2)[0], "-")
		if f := fs.Lookup(name); f != nil {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() && !strings.Contains(args[i], "=") {
				msg += fmt.Sprintf("; -%s takes no value", name)
				if name == "baseline" {
					msg += " (the sample's size is -baseline-size N)"
				}
			}
		}
	}
	return errors.New(msg)
}

func parseFlags(args []string, stderr io.Writer) (*options, error) {
	o := &options{api: apiFlags{}}
	fs := flag.NewFlagSet("workshop", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.course, "course", engagement.Sample, "Dashboard course URL or slug, a folder of downloaded Dashboard files, or \"sample\"")
	fs.StringVar(&o.campaign, "campaign", "", "analyse a campaign: a Dashboard campaign URL or slug, \"sample\", or a folder (campaign.json, users.json, courses/<School>/<Title>/); each event, side by side, and the campaign combined")
	fs.StringVar(&o.from, "from", "", "re-analyse a folder holding contributions.csv and accounts.csv instead of asking the API")
	fs.StringVar(&o.asOf, "asof", "", "observe up to this instant, YYYY-MM-DD[THH:MM:SSZ] (default: now; the sample's own as-of for the sample)")
	fs.StringVar(&o.cache, "cache", ".cache", "folder for cached Dashboard and API responses (\"\" for none)")
	fs.StringVar(&o.out, "out", "out", "folder for the outputs (with -campaign: "+campaignOut+"); an event's folder is refused for a campaign and a campaign's for an event (its run.json says which)")
	fs.BoolVar(&o.offline, "offline", false, "use cached responses only; a cache miss is an error")
	fs.StringVar(&o.contact, "contact", os.Getenv("ENGAGEMENT_CONTACT"), "your email address or user page URL (or ENGAGEMENT_CONTACT): "+mwapi.ContactRule)
	fs.IntVar(&o.lookback, "lookback", 14, "days before the start within which a registration makes a participant new")
	fs.IntVar(&o.longTerm, "longterm", 500, "edits before the start from which an experienced participant is long-term")
	fs.BoolVar(&o.pseudonymize, "pseudonymize", false, "replace usernames with stable pseudonyms in every output (a fresh key per run)")
	fs.BoolVar(&o.centralAuth, "centralauth", false, "take registrations from global accounts on meta.wikimedia.org (one request per participant)")
	fs.BoolVar(&o.cacheList, "cache-list", false, "list the cached requests and exit")
	fs.BoolVar(&o.cacheClear, "cache-clear", false, "remove every cached response (only the files the cache wrote) and exit")
	fs.IntVar(&o.maxContribs, "max-contributions", mwapi.DefaultMaxContributions, "most contributions fetched per participant and wiki; above it the participant is left out as \"data incomplete\"")
	fs.BoolVar(&o.baseline, "baseline", false, "compare the new editors with comparable newcomers on the home wiki who did not come (self-registered in the same window, activated, not bots)")
	fs.IntVar(&o.baselineSize, "baseline-size", 500, "most comparable newcomers sampled for -baseline (a fixed seed: the same sample every run)")
	fs.StringVar(&o.cpuprofile, "cpuprofile", "", "write a CPU profile to this file")
	fs.Var(o.api, "api", "DOMAIN=URL api.php endpoint for a wiki (repeatable)")
	fs.StringVar(&o.lang, "lang", envLanguage(os.Getenv("LANG")), "language of the report and wikitext: en, es, fr or pt (default: English, or LANG's language when translated)")
	o.hist.register(fs)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: workshop [flags]\n\n%s\nFlags:\n", exitStatuses)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if err := strayArgument(fs, args); err != nil {
		return nil, err
	}
	if o.campaign != "" && !isSet(fs, "out") {
		o.out = campaignOut // a campaign's outputs never mix with an event's
	}
	if o.maxContribs < 1 {
		return nil, fmt.Errorf("-max-contributions %d: must be at least 1", o.maxContribs)
	}
	if o.asOf != "" {
		if _, err := engagement.ParseAsOf(o.asOf); err != nil {
			return nil, fmt.Errorf("-asof %q: want YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ", o.asOf)
		}
	}
	return o, nil
}

// campaignOut is -out's default with -campaign.
const campaignOut = "out/campaign"

// isSet reports whether the flag name was given on the command line.
func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

func run(args []string, stdout, stderr io.Writer) error {
	o, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	sy, err := newSay(o.lang)
	if err != nil {
		return err
	}
	if o.cacheList || o.cacheClear {
		return cacheCommand(o, sy, stdout)
	}
	prepareMemory(o.from, o.course)
	if o.cpuprofile != "" {
		stop, err := startProfile(o.cpuprofile)
		if err != nil {
			return err
		}
		defer stop()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	done, cleanup, err := fromHistory(ctx, o, stdout) // -history, -engine spark
	if err != nil || done {
		return err
	}
	defer cleanup()
	if o.campaign != "" {
		return runCampaign(ctx, o, sy, stdout, stderr)
	}
	s, err := open(ctx, o, stderr)
	if err != nil {
		return withFlag(err)
	}
	return redacted(o.pseudonymize, eventNames(s.Event()), runEvent(o, sy, s, stdout))
}

// runEvent analyses the session's event, prints what it found and writes
// the outputs.
func runEvent(o *options, sy say, s *engagement.Session, stdout io.Writer) error {
	printEvent(stdout, sy, s.Event())
	a, err := s.Analysis()
	if err != nil {
		return withFlag(err)
	}
	var pseudo *report.Pseudonymizer
	if o.pseudonymize { // the same pseudonyms on stdout as in the files
		pseudo = a.Pseudonymizer()
	}
	shown := a.Pseudonymized(pseudo)
	printData(stdout, o, sy, shown.Data)
	banner := report.IncompleteBannerIn(sy.l, a.Result)
	if nothingFetched(a.Result) {
		return errors.New(sy.T("engagement-summary-nothing-fetched", banner))
	}
	if banner != "" {
		fmt.Fprintf(stdout, "%s\n\n", sy.T("engagement-summary-warning", banner))
	}
	printSummary(stdout, sy, shown.Result)
	printBaseline(stdout, sy, a)
	paths, err := a.ShareAs(o.out, pseudo)
	if err != nil {
		return err
	}
	printWritten(stdout, sy, a.Params.AsOf, paths)
	if banner != "" {
		return fmt.Errorf("%w: %s", errPartial, sy.T("engagement-summary-partial", banner))
	}
	return nil
}

// eventNames are the usernames of an event's enrolment, facilitators too.
func eventNames(ev *engagement.Event) []string {
	names := make([]string, 0, len(ev.Participants))
	for _, p := range ev.Participants {
		names = append(names, p.Username)
	}
	return names
}

// redactedError is an error whose message names participants by
// pseudonym; errors.Is and errors.As still see the error it replaces.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// redacted returns err with every form of every one of names in its
// message (spaces or underscores, first letter either case) replaced by a
// pseudonym when pseudonymize is set: an error refusing a folder quotes
// the username of the rows it refuses, and -pseudonymize promises that no
// output names anyone. The pseudonyms are of a fresh key, like the
// files'. err itself without pseudonymize, or when nil.
func redacted(pseudonymize bool, names []string, err error) error {
	if !pseudonymize || err == nil {
		return err
	}
	pseudo := report.NewPseudonymizer(report.RandomKey())
	pseudo.Learn(names...)
	msg := pseudo.Title(" " + err.Error())[1:] // the leading space: never read as a "User:" title
	if msg == err.Error() {
		return err
	}
	return &redactedError{msg: msg, err: err}
}

// settingFlags maps the settings an error can name to the flag that sets it.
var settingFlags = map[string]string{
	engagement.SettingCourse: "-course", engagement.SettingCampaign: "-campaign", engagement.SettingContact: "-contact", engagement.SettingCacheDir: "-cache",
	engagement.SettingAsOf: "-asof", engagement.SettingLanguage: "-lang", engagement.SettingBaseline: "-baseline-size", engagement.SettingLookbackDays: "-lookback", engagement.SettingLongTermEdits: "-longterm",
}

// envLanguage is the language of a POSIX locale ("es_AR.UTF-8" → "es")
// when the reports are translated into it, "en" otherwise ("C", unset).
func envLanguage(locale string) string {
	code, _, _ := strings.Cut(locale, ".")
	code, _, _ = strings.Cut(code, "@")
	if l, err := i18n.New(code); err == nil && code != "C" && code != "POSIX" {
		return l.Lang()
	}
	return "en"
}

// withFlag names the flag that fixes a setting error.
func withFlag(err error) error {
	var se *engagement.SettingError
	if errors.As(err, &se) && settingFlags[se.Setting] != "" {
		return fmt.Errorf("%w (set %s)", err, settingFlags[se.Setting])
	}
	return err
}

func cacheCommand(o *options, sy say, stdout io.Writer) error {
	c, err := mwapi.OpenCache(o.cache)
	if err != nil {
		return err
	}
	if o.cacheClear {
		n, err := c.Clear()
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, sy.count("engagement-summary-cache-removed", n, o.cache))
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
	mb := strconv.FormatFloat(float64(total)/1e6, 'f', 1, 64)
	if !sy.english() {
		mb = sy.l.Decimal(float64(total)/1e6, 1)
	}
	fmt.Fprintln(stdout, sy.count("engagement-summary-cache-list", len(entries), mb, o.cache))
	return nil
}

func startProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// open opens the session the flags describe.
func open(ctx context.Context, o *options, stderr io.Writer) (*engagement.Session, error) {
	opts := sessionOptions(o, stderr)
	if o.baseline {
		opts = append(opts, engagement.WithBaseline(o.baselineSize))
	}
	return engagement.Open(ctx, o.course, opts...)
}

// sessionOptions are the options the flags set, for an event's session and
// a campaign's.
func sessionOptions(o *options, stderr io.Writer) []engagement.Option {
	cfg := engagement.Config{Contact: o.contact, CacheDir: o.cache, Offline: o.offline, Endpoints: o.api, CentralAuth: o.centralAuth, MaxContributions: o.maxContribs}
	opts := []engagement.Option{engagement.WithConfig(cfg), engagement.WithAsOfDate(o.asOf),
		engagement.WithLookbackDays(o.lookback), engagement.WithLongTermEdits(o.longTerm), engagement.WithLanguage(o.lang)}
	if o.from != "" {
		return append(opts, engagement.WithDataFrom(o.from))
	}
	l, err := i18n.New(o.lang) // a malformed code was refused by newSay before
	if err != nil {
		l = nil
	}
	update, done := engagement.ProgressBarIn(l, stderr)
	return append(opts, engagement.WithProgress(update), engagement.WithProgressDone(done))
}

func printEvent(w io.Writer, sy say, ev *engagement.Event) {
	c := ev.Course
	const day = "2 Jan 2006 15:04 MST"
	fmt.Fprintf(w, "%s\n%s\n", c.Title, sy.T("engagement-summary-event", sy.instant(c.Start, day), sy.instant(c.End, day), strings.Join(c.Domains(), ", ")))
	fmt.Fprintf(w, "%s\n\n", sy.T("engagement-summary-dashboard-totals", sy.num(c.StudentCount), sy.num(c.ArticleCount), c.EditCount, c.CreatedCount, c.WordCount, c.ViewCount))
}

// printData says what came: fetched, or re-read and normalised.
func printData(stdout io.Writer, o *options, sy say, data *engagement.Data) {
	contribs, accounts := data.Contributions.Len(), len(data.Accounts)
	if o.from != "" {
		fmt.Fprintln(stdout, sy.T("engagement-summary-reanalysing", o.from, contribs, sy.num(contribs), accounts, sy.num(accounts)))
		for _, l := range data.Normalised.Lines() {
			fmt.Fprintln(stdout, sy.T("engagement-summary-normalised", l))
		}
		for _, n := range data.Notes {
			fmt.Fprintln(stdout, sy.T("engagement-summary-note", n.In(sy.l)))
		}
		fmt.Fprintln(stdout)
		return
	}
	fmt.Fprintln(stdout, sy.T("engagement-summary-fetched", contribs, sy.num(contribs), accounts, sy.num(accounts), sy.requests(data.Stats)))
	if v := data.Views; v != nil {
		fmt.Fprintln(stdout, sy.count("engagement-summary-views-fetched", len(v.Views), sy.date(v.Start), sy.date(v.End), sy.requests(data.ViewStats)))
		if len(v.Failed) > 0 {
			fmt.Fprintln(stdout, sy.count("engagement-summary-views-failed", len(v.Failed)))
		}
	}
	for _, n := range data.Notes {
		fmt.Fprintln(stdout, sy.T("engagement-summary-note", n.In(sy.l)))
	}
	fmt.Fprint(stdout, sy.failures(data))
	fmt.Fprintln(stdout)
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

func printSummary(w io.Writer, sy say, res *metrics.Result) {
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
	lookback := int(res.Params.NewEditorLookback.Hours() / 24)
	fmt.Fprintf(tw, "%s\t\n", sy.T("engagement-summary-segments"))
	fmt.Fprintf(tw, "  %s\t%s\n", sy.count("engagement-summary-new-line", lookback), sy.num(seg[metrics.SegmentNew]))
	fmt.Fprintf(tw, "  %s\t%s\n", sy.T("engagement-summary-experienced-line"), sy.num(seg[metrics.SegmentExperienced]))
	fmt.Fprintf(tw, "    %s\t%s\n", sy.count("engagement-summary-long-term-line", res.Params.LongTermEdits), sy.num(long))
	fmt.Fprintf(tw, "  %s\t%s\n", sy.T("engagement-summary-left-out-line"), sy.num(seg[metrics.SegmentExcluded]))
	keys := make([]string, 0, len(reasons))
	for k := range reasons {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(tw, "    %s\t%s\t%s\n", report.ExclusionIn(sy.l, metrics.Exclusion(k)), sy.num(len(reasons[k])), strings.Join(reasons[k], ", "))
	}
	tw.Flush()
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 2, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t\t\n", sy.T("engagement-summary-headline"))
	for _, h := range report.HeadlineRows(nil, res) {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", sy.headlineLabel(h), report.FormatValueIn(sy.l, h.Row), report.FormatDetailIn(sy.l, h.Row))
	}
	tw.Flush()
}

// printBaseline says how the new editors compare with the baseline.
func printBaseline(w io.Writer, sy say, a *engagement.Analysis) {
	rb := a.ReportBaseline()
	if rb == nil {
		return
	}
	fmt.Fprintf(w, "\n%s\n%s\n%s\n", sy.T("engagement-summary-baseline", report.WikiName(rb.Wiki), rb.Note, sy.requests(a.Baseline.Stats)), rb.LeftOut, report.BaselineSentenceIn(sy.l, rb))
}

// printWritten says the as-of and the files written.
func printWritten(w io.Writer, sy say, asOf time.Time, paths []string) {
	fmt.Fprintf(w, "\n%s\n", sy.T("engagement-summary-wrote", sy.instant(asOf, time.RFC3339)))
	for _, p := range paths {
		fmt.Fprintln(w, " ", p)
	}
}
