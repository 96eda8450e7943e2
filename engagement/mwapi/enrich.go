package mwapi

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net"
	"slices"
	"sync"
	"time"

	"example.com/engagement/engagement/i18n"
)

// EnrichOptions tunes Enrich.
type EnrichOptions struct {
	// Start and End bound the contributions fetched (inclusive); zero values
	// leave them open.
	Start, End time.Time
	// CentralAuth asks meta.wikimedia.org for each existing user's global
	// account: its registration replaces the local ones and global-bot marks
	// a bot. A farm without CentralAuth degrades to a note.
	CentralAuth bool
	// Progress, when set, is called after every request (from one goroutine
	// at a time).
	Progress func(Progress)
}

// Progress reports how far an enrichment has come.
type Progress struct {
	Wiki                  string
	UsersDone, UsersTotal int // over all wikis
	Requests, CacheHits   int
	Elapsed, Remaining    time.Duration // Remaining is an estimate; 0 when unknown
	// Waiting, when not zero, is a wait that is starting before a retry,
	// and WaitReason says why ("Wikimedia asked us to slow down").
	Waiting    time.Duration
	WaitReason string
}

// WikiAccount is a user's account on one wiki.
type WikiAccount struct {
	Wiki            string
	UserID          int64
	Missing         bool
	EditCount       int
	Registration    time.Time
	HasRegistration bool
	Groups          []string
}

// Account merges a user's accounts on the scope wikis.
type Account struct {
	Input, Name     string
	Invalid         bool
	InvalidReason   string
	Missing         bool // no account on any scope wiki
	Registration    time.Time
	HasRegistration bool // false: no wiki knows a registration date
	Bot             bool
	Wikis           []WikiAccount
	// Global is the CentralAuth account, when asked for and found.
	Global *GlobalUser
}

// Stage names what could not be fetched.
type Stage string

// The stages of Enrich that can fail for a user.
const (
	StageAccount       Stage = "account lookup" // list=users on a scope wiki
	StageContributions Stage = "contributions"  // list=usercontribs on a wiki where the account exists
	StageGlobalAccount Stage = "global account" // meta=globaluserinfo (CentralAuth)
)

// UserFailure is data that could not be fetched for one user on one wiki.
type UserFailure struct {
	Username, Wiki string
	Stage          Stage
	Err            error
	// Detail, when set, is the cause as recorded by an earlier run (re-read
	// from incomplete.csv); Err is then nil.
	Detail string
}

func (f UserFailure) Error() string {
	return fmt.Sprintf("%s: %s", f.Username, f.Cause())
}

// Cause describes the failure without the username, for banners and
// pseudonymised outputs: "contributions on commons.wikimedia.org: HTTP 503
// after 6 tries".
func (f UserFailure) Cause() string {
	return fmt.Sprintf("%s on %s: %s", f.Stage, f.Wiki, f.Why())
}

// Why is the cause alone: "HTTP 503 after 6 tries".
func (f UserFailure) Why() string {
	if f.Detail != "" {
		return f.Detail
	}
	return Describe(f.Err)
}

// Describe gives a short, name-free account of an error from this package:
// the HTTP status or API error code and the number of tries.
func Describe(err error) string {
	var ce *CapError
	if errors.As(err, &ce) {
		return fmt.Sprintf("more than %d contributions, the cap", ce.Max)
	}
	what := describeCause(err)
	var wt *WaitTooLongError
	if errors.As(err, &wt) {
		what += fmt.Sprintf(", and the server asked to wait %s before a retry, more than the %s this client waits: try again later", wt.Wait.Round(time.Second), wt.Max)
	}
	var te *TriesError
	if errors.As(err, &te) {
		what += fmt.Sprintf(" after %d tries", te.Tries)
	}
	return what
}

// describeCause names the cause alone: "HTTP 503", "no answer within 1m0s
// (timeout)", "no network (en.wikipedia.org cannot be reached)".
func describeCause(err error) string {
	var he *HTTPError
	var ae *APIError
	var to *TimeoutError
	var nn *NoNetworkError
	var tl *TooLargeError
	switch {
	case errors.As(err, &he):
		return fmt.Sprintf("HTTP %d", he.Status)
	case errors.As(err, &ae):
		return "API error " + ae.Code
	case errors.Is(err, ErrMaxLag):
		return "replicas lagging (maxlag)"
	case errors.Is(err, ErrOffline):
		return "not in the cache (offline)"
	case errors.As(err, &to):
		return fmt.Sprintf("no answer within %s (timeout)", to.After)
	case errors.As(err, &nn):
		return fmt.Sprintf("no network (%s cannot be reached)", nn.Wiki)
	case errors.As(err, &tl):
		return tl.Error()
	case errors.Is(err, context.DeadlineExceeded):
		return "the run's deadline passed"
	case errors.Is(err, context.Canceled):
		return "cancelled"
	}
	return describeOther(err)
}

// Found reports whether an account exists on at least one scope wiki.
func (a Account) Found() bool {
	for _, w := range a.Wikis {
		if w.UserID != 0 && !w.Missing {
			return true
		}
	}
	return false
}

// Enrichment is what Enrich fetched.
type Enrichment struct {
	Accounts      []Account      // one per input name, input order
	Contributions []Contribution // sorted by wiki, user, timestamp, revid; unique per (wiki, revid)
	SiteInfo      map[string]SiteInfo
	Failures      []UserFailure
	Notes         []i18n.Text
	Stats         Stats
}

// NoNetwork returns the *NoNetworkError behind the failures when every
// failure is one (Wikimedia could not be reached at all), else nil: a
// program prints it as its one line.
func (e *Enrichment) NoNetwork() *NoNetworkError {
	var first *NoNetworkError
	for _, f := range e.Failures {
		var nn *NoNetworkError
		if !errors.As(f.Err, &nn) {
			return nil
		}
		if first == nil {
			first = nn
		}
	}
	return first
}

// Err joins the failures; nil when every user was fetched.
func (e *Enrichment) Err() error {
	var errs []error
	for _, f := range e.Failures {
		errs = append(errs, f)
	}
	return errors.Join(errs...)
}

// Enrich looks up every name on every wiki with list=users, BatchSize
// names per request, then fetches the contributions of each batch's
// accounts that exist as one batch: batches are the same on every run, so
// a rerun sends only the requests that failed (the pages it has are
// cached). Wikis are fetched concurrently within the client's limits. A batch that
// fails after retries is reported per user in Failures and its partial data
// is dropped; the other batches go on. Only a cancelled context or invalid
// arguments (a wiki that is neither a Wikimedia wiki nor mapped to an
// endpoint) fail the whole call, the latter before any request.
func Enrich(ctx context.Context, c *Client, wikis []string, names []string, opts *EnrichOptions) (*Enrichment, error) {
	if len(wikis) == 0 {
		return nil, errors.New("mwapi: Enrich needs at least one wiki")
	}
	for _, w := range wikis {
		if err := c.CheckWiki(w); err != nil {
			return nil, fmt.Errorf("mwapi: Enrich: %w", err)
		}
	}
	if opts == nil {
		opts = &EnrichOptions{}
	}
	e := &Enrichment{SiteInfo: map[string]SiteInfo{}}
	perWiki := make([][]User, len(wikis))
	contribs := make([][]Contribution, len(wikis))
	t := &tracker{c: c, progress: opts.Progress, begin: time.Now(), before: c.Stats(), total: len(names) * len(wikis)}
	ctx = withWaitHook(ctx, t.waiting)
	report := func(wiki string, n int) { t.report(ctx, wiki, n) }
	fail := func(user, wiki string, stage Stage, err error) {
		t.mu.Lock()
		e.Failures = append(e.Failures, UserFailure{Username: user, Wiki: wiki, Stage: stage, Err: err})
		t.mu.Unlock()
	}
	var wg sync.WaitGroup
	for wi, wiki := range wikis {
		wg.Add(1)
		go func() {
			defer wg.Done()
			si, err := c.SiteInfo(ctx, wiki)
			t.mu.Lock()
			if err != nil {
				e.Notes = append(e.Notes, i18n.Msg("engagement-note-namespaces-unavailable", wiki, err.Error()))
			} else {
				e.SiteInfo[wiki] = si
			}
			t.mu.Unlock()
			perWiki[wi], contribs[wi] = c.enrichWiki(ctx, wiki, names, opts, fail, report)
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("interrupted after %d of %d user-wikis: %w", t.done, t.total, err)
	}
	e.Accounts = mergeAccounts(names, wikis, perWiki, e.Failures)
	e.Contributions = uniqueContributions(wikis, contribs)
	if opts.CentralAuth {
		c.addGlobalAccounts(ctx, e)
	}
	e.sort(wikis)
	s := c.Stats()
	e.Stats = Stats{Requests: s.Requests - t.before.Requests, CacheHits: s.CacheHits - t.before.CacheHits, Retries: s.Retries - t.before.Retries, Bytes: s.Bytes - t.before.Bytes, Waited: s.Waited - t.before.Waited, OldestCached: s.OldestCached}
	return e, nil
}

// tracker counts the user-wikis done and reports progress; its mutex also
// guards the enrichment being built.
type tracker struct {
	mu          sync.Mutex
	c           *Client
	progress    func(Progress)
	begin       time.Time
	before      Stats
	done, total int
}

// now is the progress so far.
func (t *tracker) now(wiki string) Progress {
	s := t.c.Stats()
	return Progress{Wiki: wiki, UsersDone: t.done, UsersTotal: t.total, Requests: s.Requests - t.before.Requests, CacheHits: s.CacheHits - t.before.CacheHits, Elapsed: time.Since(t.begin)}
}

// report counts n more user-wikis done on wiki.
func (t *tracker) report(ctx context.Context, wiki string, n int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if ctx.Err() != nil {
		return // cancelled: what failed because of it is not done
	}
	t.done += n
	if t.progress == nil {
		return
	}
	p := t.now(wiki)
	if t.done > 0 && t.done < t.total {
		p.Remaining = time.Duration(float64(p.Elapsed) * float64(t.total-t.done) / float64(t.done))
	}
	t.progress(p)
}

// waiting reports a wait that starts before a retry.
func (t *tracker) waiting(wiki string, d time.Duration, why string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.progress != nil {
		p := t.now(wiki)
		p.Waiting, p.WaitReason = d, why
		t.progress(p)
	}
}

// mergeAccounts merges each name's accounts on the wikis. A user is
// Missing only when every wiki answered that the account does not exist: a
// failed lookup leaves it unknown.
func mergeAccounts(names, wikis []string, perWiki [][]User, failures []UserFailure) []Account {
	lookupFailed := map[string]bool{}
	for _, f := range failures {
		if f.Stage == StageAccount {
			lookupFailed[f.Username] = true
		}
	}
	var out []Account
	for i, n := range names {
		a := Account{Input: n, Missing: true}
		for wi, wiki := range wikis {
			u := perWiki[wi][i]
			if a.Name == "" {
				a.Name = u.Name
			}
			if u.Invalid {
				a.Invalid, a.InvalidReason = true, u.InvalidReason
			}
			a.Wikis = append(a.Wikis, WikiAccount{Wiki: wiki, UserID: u.UserID, Missing: u.Missing || u.Invalid, EditCount: u.EditCount, Registration: u.Registration, HasRegistration: u.HasRegistration, Groups: u.Groups})
			if u.UserID != 0 && !u.Missing {
				a.Missing = false
				if u.HasRegistration && (!a.HasRegistration || u.Registration.Before(a.Registration)) {
					a.Registration, a.HasRegistration = u.Registration, true
				}
				if u.IsBot() {
					a.Bot = true
				}
			}
		}
		if a.Invalid || lookupFailed[n] {
			a.Missing = false
		}
		out = append(out, a)
	}
	return out
}

// uniqueContributions keeps each (wiki, revision) once.
func uniqueContributions(wikis []string, contribs [][]Contribution) []Contribution {
	var out []Contribution
	for wi := range wikis {
		seen := map[int64]bool{}
		for _, r := range contribs[wi] {
			if !seen[r.RevID] {
				seen[r.RevID] = true
				out = append(out, r)
			}
		}
	}
	return out
}

// addGlobalAccounts asks CentralAuth for every found account: its
// registration replaces the local ones and global-bot marks a bot.
func (c *Client) addGlobalAccounts(ctx context.Context, e *Enrichment) {
	for i := range e.Accounts {
		a := &e.Accounts[i]
		if a.Missing || a.Invalid || !a.Found() {
			continue
		}
		g, err := c.GlobalUserInfo(ctx, a.Name)
		if errors.Is(err, ErrNoCentralAuth) {
			e.Notes = append(e.Notes, i18n.Msg("engagement-note-no-centralauth", err.Error()))
			return
		}
		if err != nil {
			e.Failures = append(e.Failures, UserFailure{Username: a.Name, Wiki: MetaWiki, Stage: StageGlobalAccount, Err: err})
			continue
		}
		if g.Missing {
			continue
		}
		a.Global = &g
		if g.HasRegistration {
			a.Registration, a.HasRegistration = g.Registration, true
		}
		if g.IsBot() {
			a.Bot = true
		}
	}
}

// sort orders contributions by wiki (in the order given), user, time and
// revision, and failures by user and wiki.
func (e *Enrichment) sort(wikis []string) {
	order := map[string]int{}
	for i, w := range wikis {
		order[w] = i
	}
	slices.SortFunc(e.Contributions, func(a, b Contribution) int {
		return cmp.Or(cmp.Compare(order[a.Wiki], order[b.Wiki]), cmp.Compare(a.User, b.User), a.Timestamp.Compare(b.Timestamp), cmp.Compare(a.RevID, b.RevID))
	})
	slices.SortFunc(e.Failures, func(a, b UserFailure) int {
		return cmp.Or(cmp.Compare(a.Username, b.Username), cmp.Compare(order[a.Wiki], order[b.Wiki]))
	})
}

// enrichWiki looks the names up on one wiki, BatchSize at a time, and
// fetches the contributions of each lookup batch's existing accounts as
// one batch. A batch is made of the same names on every run, whatever
// failed before, so a rerun finds the batches that succeeded in the cache
// and asks only for what failed.
func (c *Client) enrichWiki(ctx context.Context, wiki string, names []string, opts *EnrichOptions, fail func(user, wiki string, stage Stage, err error), report func(wiki string, n int)) ([]User, []Contribution) {
	users := make([]User, len(names))
	var revs []Contribution
	for b := 0; b < len(names); b += BatchSize {
		batch := names[b:min(b+BatchSize, len(names))]
		us, err := c.Users(ctx, wiki, batch)
		if err != nil {
			for k, n := range batch {
				users[b+k] = User{Input: n, Name: n}
				fail(n, wiki, StageAccount, err)
			}
			report(wiki, len(batch))
			continue
		}
		copy(users[b:], us)
		var valid []string
		for _, u := range us {
			if !u.Invalid && !u.Missing {
				valid = append(valid, u.Name)
			}
		}
		report(wiki, len(batch)-len(valid))
		if len(valid) == 0 {
			continue
		}
		got, err := c.contribsCapped(ctx, wiki, valid, &ContribsOptions{Start: opts.Start, End: opts.End}, fail)
		if err != nil {
			for _, n := range valid {
				fail(n, wiki, StageContributions, err)
			}
		} else {
			revs = append(revs, got...)
		}
		report(wiki, len(valid))
	}
	return users, revs
}

// contribsCapped fetches a batch; a user above the contribution cap is
// reported through fail and the batch is fetched again without them, so the
// others are complete. Every round takes one user out, so it ends after at
// most len(batch) rounds.
func (c *Client) contribsCapped(ctx context.Context, wiki string, batch []string, opts *ContribsOptions, fail func(user, wiki string, stage Stage, err error)) ([]Contribution, error) {
	for range len(batch) {
		revs, err := c.contribsBatch(ctx, wiki, batch, opts)
		var ce *CapError
		if !errors.As(err, &ce) {
			return revs, err
		}
		i := slices.Index(batch, ce.User)
		if i < 0 {
			return nil, fmt.Errorf("contributions on %s: %q is above the cap but was not asked for", wiki, ce.User)
		}
		fail(ce.User, wiki, StageContributions, ce)
		batch = slices.Delete(slices.Clone(batch), i, i+1)
	}
	return nil, nil // everyone was above the cap
}

// describeOther names errors that carry no status: the network's own words
// ("connection refused"), or what was wrong with the answer.
func describeOther(err error) string {
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Err != nil {
		return "network error: " + oe.Err.Error()
	}
	for _, known := range []error{errRepeated, errHTML, errMalformed, errBadGzip, errUnexpected} {
		if errors.Is(err, known) {
			return known.Error()
		}
	}
	return "network or format error"
}
