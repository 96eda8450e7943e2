package metrics

import "time"

// Segment names the group of participants a number describes.
type Segment string

// The segments of metrics.md. SegmentExcluded is used only in the
// per-participant table; aggregates use New, Experienced and All.
const (
	SegmentNew         Segment = "new"
	SegmentExperienced Segment = "experienced"
	SegmentAll         Segment = "all"
	SegmentExcluded    Segment = "excluded"
)

// Exclusion is the reason a participant is kept in the participant table but
// left out of every aggregate. The empty Exclusion means "included".
type Exclusion string

// The exclusion reasons of metrics.md ("Exclusions").
const (
	NotExcluded        Exclusion = ""
	ExcludeFacilitator Exclusion = "facilitator"
	ExcludeInvalid     Exclusion = "invalid username"
	ExcludeNotFound    Exclusion = "account not found"
	ExcludeBot         Exclusion = "bot"
	// ExcludeIncomplete marks a participant whose account lookup, or whose
	// contributions on a scope wiki where they have an account, could not
	// be fetched (after the retries, or because a safety cap was hit). It
	// comes last in the order of precedence: a bot whose data is incomplete
	// is a bot. Participant.Incomplete says which wiki and why.
	ExcludeIncomplete Exclusion = "data incomplete"
)

// Event is what the metrics need to know of a Dashboard course.
type Event struct {
	// Start and End bound the event window; both are inclusive UTC instants.
	Start, End time.Time
	// Wikis are the scope wikis as domains (e.g. "en.wikipedia.org"),
	// home wiki first.
	Wikis []string
}

// HomeWiki returns the first scope wiki, or "" when there is none.
func (e Event) HomeWiki() string {
	if len(e.Wikis) == 0 {
		return ""
	}
	return e.Wikis[0]
}

// Participant is one enrolled user after preprocessing: a canonical username
// and, when the user is left out of aggregates, the reason.
type Participant struct {
	// Username is the canonical MediaWiki username.
	Username string
	// Excluded is the reason the participant is left out of aggregates,
	// or NotExcluded.
	Excluded Exclusion
	// Incomplete, when not empty, says what of this participant's data could
	// not be fetched, naming the wiki and the cause (e.g. "contributions on
	// commons.wikimedia.org: HTTP 503 after 6 tries"). Compute then excludes
	// the participant as ExcludeIncomplete unless an earlier reason applies;
	// such a participant is never counted as "not editing" nor as "account
	// not found".
	Incomplete string
}

// Account holds the facts of a participant's account that the metrics need.
// It is one row of accounts.csv.
type Account struct {
	// Username is the canonical username.
	Username string
	// Registration is the global (CentralAuth) registration when known, else
	// the earliest local registration on the scope wikis. The zero time means
	// the wiki has no registration date (a very old account): it counts as
	// long before any event.
	Registration time.Time
	// Bot reports membership of the bot or global-bot group.
	Bot bool
}

// Contribution is one live revision by a participant on a scope wiki: one row
// of contributions.csv.
type Contribution struct {
	Wiki      string    // wiki domain, e.g. "en.wikipedia.org"
	Username  string    // canonical username of the author
	RevID     int64     // revision id, unique within a wiki
	PageID    int64     // page id
	NS        int       // namespace number
	Title     string    // full page title with namespace prefix
	Timestamp time.Time // UTC
	SizeDiff  int       // bytes changed by the revision (may be negative)
	New       bool      // the revision created the page
	// NoSizeDiff is true when the API gave no sizediff (the parent
	// revision's size is unknown): SizeDiff is then 0 and meaningless, the
	// revision is left out of the byte sums and counted in their note. In
	// contributions.csv it is an empty sizediff cell.
	NoSizeDiff bool
}
