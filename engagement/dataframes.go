package engagement

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/metrics"
)

// Column names of the contributions, accounts and pages frames, and of the
// groupings. A frame's columns are the header of the CSV file it matches
// (contributions.csv, accounts.csv, participants.csv, metrics.csv,
// monthly.csv: the published format), in the file's order and with the
// same values, followed by the columns the frame adds (documented with
// each frame), so that a file read back with gota is the frame.
const (
	ColWiki         = "wiki"
	ColRevID        = "revid"  // integer
	ColPageID       = "pageid" // integer
	ColNS           = "ns"     // integer
	ColTitle        = "title"
	ColTimestamp    = "timestamp" // RFC 3339, UTC: sorts as text
	ColDay          = "day"       // YYYY-MM-DD, UTC
	ColSizeDiff     = "sizediff"  // integer; NaN (an empty cell) when the API gave none
	ColCreated      = "new"       // the revision created its page
	ColIncluded     = "included"  // the author is a participant counted in the numbers
	ColContent      = "content"   // the namespace is a content namespace of its wiki
	ColPeriod       = "period"    // before, during or after the event
	ColBot          = "bot"
	ColEditors      = "editors"
	ColPages        = "pages"
	ColPagesCreated = "pages_created"
	ColBytesAdded   = "bytes_added" // sum of positive size differences
	ColFirstEdit    = "first_edit"
	ColLastEdit     = "last_edit"
	ColIsShare      = "is_share" // true: value is a share (0..1); false: a count
)

// Participants is the per-participant summary (participants.csv), one row
// per participant with the segment and the edits before, during and after.
func (a *Analysis) Participants() dataframe.DataFrame { return SummaryFrame(a.Result) }

// Metrics is every metric (metrics.csv); is_share says whether value is a
// share or a count.
func (a *Analysis) Metrics() dataframe.DataFrame { return MetricsFrame(a.Result) }

// Monthly is monthly.csv: one row per calendar month and segment.
func (a *Analysis) Monthly() dataframe.DataFrame { return MonthlyFrame(a.Result) }

// Headline is the headline numbers organizers report, the measures and
// details in the session's language (WithLanguage).
func (a *Analysis) Headline() dataframe.DataFrame {
	return HeadlineIn(reportLanguage(a.settings.language), a.Result)
}

// Contributions is one row per revision: contributions.csv's columns, then
// its author's segment, whether the author is counted (included), whether
// the namespace is content, the day and the period relative to the event
// (see ContributionsFrame). The headline counts the included rows only:
// its edits during the event are InPeriod(Included(df), metrics.During)'s
// rows, its pages created the content pages among them created then.
func (a *Analysis) Contributions() dataframe.DataFrame {
	return ContributionsFrame(a.Data.Contributions.Rows(), a.Event.MetricsEvent(), a.Result, a.Data.IsContent)
}

// Accounts is accounts.csv: one row per account, registration (RFC 3339,
// "" when unknown) and bot flag.
func (a *Analysis) Accounts() dataframe.DataFrame { return AccountsFrame(a.Data.Accounts) }

// Pages is one row per page edited during the event (see PerPage).
func (a *Analysis) Pages() dataframe.DataFrame {
	return PerPage(InPeriod(a.Contributions(), metrics.During))
}

// ContributionsFrame turns contributions into a frame: contributions.csv's
// columns (wiki, username, revid, pageid, ns, title, timestamp, sizediff,
// new), then segment and included (from r: "" and false without r),
// content (from isContent; namespace 0 when nil), day and period.
func ContributionsFrame(cs []metrics.Contribution, ev metrics.Event, r *metrics.Result, isContent func(wiki string, ns int) bool) dataframe.DataFrame {
	seg, incl := map[string]string{}, map[string]bool{}
	if r != nil {
		for _, p := range r.Participants {
			seg[p.Username], incl[p.Username] = string(p.Segment), p.Excluded == metrics.NotExcluded
		}
	}
	if isContent == nil {
		isContent = func(_ string, ns int) bool { return ns == 0 }
	}
	n := len(cs)
	wiki, user, segs, title, ts, days, period, size := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	rev, page, ns := make([]int, n), make([]int, n), make([]int, n)
	created, included, content := make([]bool, n), make([]bool, n), make([]bool, n)
	for i, c := range cs {
		wiki[i], user[i], segs[i], title[i], included[i] = c.Wiki, c.Username, seg[c.Username], c.Title, incl[c.Username]
		ts[i], days[i], period[i] = c.Timestamp.UTC().Format(time.RFC3339), day(c.Timestamp), string(periodOf(c.Timestamp, ev))
		rev[i], page[i], ns[i], created[i], content[i] = int(c.RevID), int(c.PageID), c.NS, c.New, isContent(c.Wiki, c.NS)
		size[i] = strconv.Itoa(c.SizeDiff)
		if c.NoSizeDiff {
			size[i] = "NaN"
		}
	}
	return dataframe.New(
		series.New(wiki, series.String, ColWiki), series.New(user, series.String, ColUsername),
		series.New(rev, series.Int, ColRevID), series.New(page, series.Int, ColPageID),
		series.New(ns, series.Int, ColNS), series.New(title, series.String, ColTitle),
		series.New(ts, series.String, ColTimestamp), series.New(size, series.Int, ColSizeDiff),
		series.New(created, series.Bool, ColCreated), series.New(segs, series.String, ColSegment),
		series.New(included, series.Bool, ColIncluded), series.New(content, series.Bool, ColContent),
		series.New(days, series.String, ColDay), series.New(period, series.String, ColPeriod))
}

func periodOf(t time.Time, ev metrics.Event) metrics.Period {
	switch {
	case t.Before(ev.Start):
		return metrics.Before
	case t.After(ev.End):
		return metrics.After
	}
	return metrics.During
}

// AccountsFrame turns accounts into a frame: accounts.csv's columns,
// username, registration (RFC 3339, "" when unknown), bot.
func AccountsFrame(as []metrics.Account) dataframe.DataFrame {
	n := len(as)
	user, reg := make([]string, n), make([]string, n)
	bot := make([]bool, n)
	for i, a := range as {
		user[i], reg[i], bot[i] = a.Username, csvTime(a.Registration), a.Bot
	}
	return dataframe.New(series.New(user, series.String, ColUsername), series.New(reg, series.String, ColRegistration), series.New(bot, series.Bool, ColBot))
}

// Included keeps the contributions of the participants counted in the
// numbers (not facilitators, bots or others left out).
func Included(df dataframe.DataFrame) dataframe.DataFrame {
	return keep(df, ColIncluded, func(e series.Element) bool { return e.String() == "true" })
}

// InContent keeps the contributions in content namespaces.
func InContent(df dataframe.DataFrame) dataframe.DataFrame {
	return keep(df, ColContent, func(e series.Element) bool { return e.String() == "true" })
}

// keep returns the rows of df whose column col satisfies ok; a missing
// column gives a frame whose Err names it.
func keep(df dataframe.DataFrame, col string, ok func(series.Element) bool) dataframe.DataFrame {
	if df.Err != nil {
		return df
	}
	if !slices.Contains(df.Names(), col) {
		return dataframe.DataFrame{Err: fmt.Errorf("the frame has no %q column (it has %s)", col, strings.Join(df.Names(), ", "))}
	}
	return df.Filter(dataframe.F{Colname: col, Comparator: series.CompFunc, Comparando: ok})
}

// OnWiki keeps the rows on the given wikis ("en.wikipedia.org").
func OnWiki(df dataframe.DataFrame, wikis ...string) dataframe.DataFrame {
	return keep(df, ColWiki, func(e series.Element) bool { return slices.Contains(wikis, e.String()) })
}

// InNamespace keeps the rows in the given namespaces (0 = articles).
func InNamespace(df dataframe.DataFrame, ns ...int) dataframe.DataFrame {
	return keep(df, ColNS, func(e series.Element) bool {
		n, err := e.Int()
		return err == nil && slices.Contains(ns, n)
	})
}

// InSegment keeps the rows of the given segments (new, experienced,
// excluded; "all" rows of the metrics and monthly frames too).
func InSegment(df dataframe.DataFrame, segs ...metrics.Segment) dataframe.DataFrame {
	return keep(df, ColSegment, func(e series.Element) bool { return slices.Contains(segs, metrics.Segment(e.String())) })
}

// InPeriod keeps the contributions made before, during or after the event.
func InPeriod(df dataframe.DataFrame, periods ...metrics.Period) dataframe.DataFrame {
	return keep(df, ColPeriod, func(e series.Element) bool { return slices.Contains(periods, metrics.Period(e.String())) })
}

// Between keeps the contributions from from (inclusive) to to (exclusive).
func Between(df dataframe.DataFrame, from, to time.Time) dataframe.DataFrame {
	lo, hi := from.UTC().Format(time.RFC3339), to.UTC().Format(time.RFC3339)
	return keep(df, ColTimestamp, func(e series.Element) bool { s := e.String(); return s >= lo && s < hi })
}

// strs returns a column as strings, or nil when df lacks it.
func strs(df dataframe.DataFrame, col string) []string {
	if !slices.Contains(df.Names(), col) {
		return nil
	}
	return df.Col(col).Records()
}

func floats(df dataframe.DataFrame, col string) []float64 {
	if !slices.Contains(df.Names(), col) {
		return nil
	}
	return df.Col(col).Float()
}

// group accumulates one row of a grouping.
type group struct {
	key          []string
	edits        int
	bytes        float64
	created      int
	users, pages map[string]bool
	first, last  string
}

// groupContributions groups a contributions frame by the columns keys, in
// order of first appearance.
func groupContributions(df dataframe.DataFrame, keys ...string) ([]*group, error) {
	if df.Err != nil {
		return nil, df.Err
	}
	for _, k := range append([]string{ColUsername, ColWiki, ColPageID}, keys...) {
		if !slices.Contains(df.Names(), k) {
			return nil, fmt.Errorf("want a contributions frame: no %q column", k)
		}
	}
	cols := make([][]string, len(keys))
	for i, k := range keys {
		cols[i] = strs(df, k)
	}
	user, wiki, page, ts := strs(df, ColUsername), strs(df, ColWiki), strs(df, ColPageID), strs(df, ColTimestamp)
	size, created := floats(df, ColSizeDiff), strs(df, ColCreated)
	byKey := map[string]*group{}
	var out []*group
	for i := 0; i < df.Nrow(); i++ {
		key := make([]string, len(keys))
		for j := range keys {
			key[j] = cols[j][i]
		}
		k := strings.Join(key, "\x00")
		g := byKey[k]
		if g == nil {
			g = &group{key: key, users: map[string]bool{}, pages: map[string]bool{}}
			byKey[k] = g
			out = append(out, g)
		}
		g.edits++
		g.users[user[i]] = true
		g.pages[wiki[i]+"\x00"+page[i]] = true
		if size != nil && size[i] > 0 {
			g.bytes += size[i]
		}
		if created != nil && created[i] == "true" {
			g.created++
		}
		if ts != nil {
			if g.first == "" || ts[i] < g.first {
				g.first = ts[i]
			}
			if ts[i] > g.last {
				g.last = ts[i]
			}
		}
	}
	return out, nil
}

// CountBy groups contributions by the given columns (e.g. ColWiki, ColNS)
// and counts edits, editors, pages, pages created and bytes added, most
// edits first.
func CountBy(df dataframe.DataFrame, cols ...string) dataframe.DataFrame {
	out, _ := countBy(df, cols...)
	return out
}

func countBy(df dataframe.DataFrame, cols ...string) (dataframe.DataFrame, []*group) {
	gs, err := groupContributions(df, cols...)
	if err != nil {
		return dataframe.DataFrame{Err: fmt.Errorf("counting by %s: %w", strings.Join(cols, ", "), err)}, nil
	}
	slices.SortStableFunc(gs, func(a, b *group) int { return b.edits - a.edits })
	var ss []series.Series
	for j, c := range cols {
		vals := make([]string, len(gs))
		for i, g := range gs {
			vals[i] = g.key[j]
		}
		ss = append(ss, series.New(vals, df.Col(c).Type(), c))
	}
	return dataframe.New(append(ss, counts(gs)...)...), gs
}

func counts(gs []*group) []series.Series {
	edits, editors, pages, created := make([]int, len(gs)), make([]int, len(gs)), make([]int, len(gs)), make([]int, len(gs))
	bytes := make([]int, len(gs))
	for i, g := range gs {
		edits[i], editors[i], pages[i], created[i], bytes[i] = g.edits, len(g.users), len(g.pages), g.created, int(g.bytes)
	}
	return []series.Series{series.New(edits, series.Int, ColEdits), series.New(editors, series.Int, ColEditors),
		series.New(pages, series.Int, ColPages), series.New(created, series.Int, ColPagesCreated), series.New(bytes, series.Int, ColBytesAdded)}
}

// PerParticipant sums contributions per participant: username, segment,
// edits, pages, pages created, bytes added, first and last edit; most edits
// first.
func PerParticipant(df dataframe.DataFrame) dataframe.DataFrame {
	out, gs := countBy(df, ColUsername, ColSegment)
	if out.Err != nil {
		return out
	}
	first, last := make([]string, len(gs)), make([]string, len(gs))
	for i, g := range gs {
		first[i], last[i] = g.first, g.last
	}
	return out.Drop(ColEditors).Mutate(series.New(first, series.String, ColFirstEdit)).Mutate(series.New(last, series.String, ColLastEdit))
}

// PerPage sums contributions per page: wiki, ns, page_id, title, edits,
// editors, bytes added, and whether a participant created it; most edits
// first.
func PerPage(df dataframe.DataFrame) dataframe.DataFrame {
	out := CountBy(df, ColWiki, ColNS, ColPageID, ColTitle)
	if out.Err != nil {
		return out
	}
	created := out.Col(ColPagesCreated).Records()
	b := make([]bool, len(created))
	for i, c := range created {
		n, _ := strconv.Atoi(c)
		b[i] = n > 0
	}
	return out.Drop([]string{ColPages, ColPagesCreated}).Mutate(series.New(b, series.Bool, ColCreated))
}

// frameKind is a kind of frame Analyze narrows by: the columns a frame
// must hold to be one (its CSV file's header).
type frameKind struct {
	name, file string
	columns    []string
}

// analyzableFrames are the kinds of frame Analyze narrows by.
func analyzableFrames() []frameKind {
	return []frameKind{
		{"contributions", dataset.ContributionsFile, dataset.ContributionsHeader},
		{"participants", dataset.ParticipantsFile, dataset.ParticipantsHeader},
	}
}

// kindOf recognises a frame by its columns: a contributions frame holds
// every column of contributions.csv, a participants frame every column of
// participants.csv (a frame read back from either file with gota is one).
// Any other frame is refused, naming the columns it lacks.
func kindOf(df dataframe.DataFrame) (string, error) {
	names := df.Names()
	var lacks []string
	for _, k := range analyzableFrames() {
		var missing []string
		for _, c := range k.columns {
			if !slices.Contains(names, c) {
				missing = append(missing, c)
			}
		}
		if len(missing) == 0 {
			return k.name, nil
		}
		lacks = append(lacks, fmt.Sprintf("a %s frame (%s's columns) needs %s", k.name, k.file, strings.Join(missing, ", ")))
	}
	return "", fmt.Errorf("the frame to analyse is neither: %s; it has %s", strings.Join(lacks, "; "), strings.Join(names, ", "))
}

// restrict narrows an event and its data to the rows of df: a
// contributions frame keeps those contributions (by wiki and revid); a
// participants frame keeps those participants (by username). Nothing else
// changes, so the metrics keep their definitions.
func restrict(ev *Event, d *Data, df dataframe.DataFrame) (*Event, *Data, error) {
	if df.Err != nil {
		return nil, nil, fmt.Errorf("the frame to analyse: %w", df.Err)
	}
	kind, err := kindOf(df)
	if err != nil {
		return nil, nil, err
	}
	if kind == "contributions" {
		type key struct {
			wiki string
			rev  int64
		}
		wiki, revs := strs(df, ColWiki), df.Col(ColRevID).Float()
		want := make(map[key]bool, len(wiki))
		for i := range wiki {
			if math.IsNaN(revs[i]) {
				return nil, nil, fmt.Errorf("the contributions frame to analyse: row %d has no %s", i+1, ColRevID)
			}
			want[key{wiki[i], int64(revs[i])}] = true
		}
		cp := *d
		t := d.Contributions
		cp.Contributions = t.Filter(func(i int) bool { return want[key{t.Wiki(i), t.RevID(i)}] })
		return ev, &cp, nil
	}
	want := map[string]bool{}
	for _, u := range strs(df, ColUsername) {
		want[u] = true
	}
	cp := *ev
	cp.Participants = nil
	for _, p := range ev.Participants {
		// A frame read from participants.csv holds a name a spreadsheet
		// would run as a formula as the file writes it (dataset.Protect).
		if want[p.Username] || want[dataset.Protect(p.Username)] {
			cp.Participants = append(cp.Participants, p)
		}
	}
	if len(cp.Participants) == 0 {
		return nil, nil, fmt.Errorf("the participants frame names none of the event's %d participants", len(ev.Participants))
	}
	return &cp, d, nil
}

// WithMetric keeps the rows of a metrics frame for the given metrics
// (e.g. metrics.RetentionMetric(7), metrics.MetricSurvivingNewEditors),
// in the order given.
func WithMetric(df dataframe.DataFrame, names ...string) dataframe.DataFrame {
	kept := keep(df, ColMetric, func(e series.Element) bool { return slices.Contains(names, e.String()) })
	if kept.Err != nil {
		return kept
	}
	order, row := make([]int, kept.Nrow()), make([]int, kept.Nrow())
	metric := kept.Col(ColMetric).Records()
	for i := range order {
		order[i], row[i] = slices.Index(names, metric[i]), i
	}
	return kept.Mutate(series.New(order, series.Int, "_order")).Mutate(series.New(row, series.Int, "_row")).
		Arrange(dataframe.Sort("_order"), dataframe.Sort("_row")).Drop([]string{"_order", "_row"})
}

// Head keeps the first n rows (all when there are fewer).
func Head(df dataframe.DataFrame, n int) dataframe.DataFrame {
	if df.Err != nil || df.Nrow() <= n {
		return df
	}
	rows := make([]int, max(n, 0))
	for i := range rows {
		rows[i] = i
	}
	return df.Subset(rows)
}

// Namespaces is namespaces.csv: one row per wiki and namespace, its local
// name and whether it is content, by wiki and namespace.
func (a *Analysis) Namespaces() dataframe.DataFrame {
	ns := a.Data.NamespaceRows()
	slices.SortFunc(ns, func(x, y dataset.Namespace) int {
		return cmp.Or(cmp.Compare(x.Wiki, y.Wiki), cmp.Compare(x.NS, y.NS))
	})
	n := len(ns)
	wiki, name, id, content := make([]string, n), make([]string, n), make([]int, n), make([]bool, n)
	for i, x := range ns {
		wiki[i], id[i], name[i], content[i] = x.Wiki, x.NS, x.Name, x.Content
	}
	return dataframe.New(series.New(wiki, series.String, ColWiki), series.New(id, series.Int, ColNS),
		series.New(name, series.String, ColNamespaceName), series.New(content, series.Bool, ColContent))
}

// Column names of namespaces.csv and incomplete.csv.
const (
	ColNamespaceName = "name"
	ColStage         = "stage"
	ColCause         = "cause"
)

// Incomplete is incomplete.csv: one row per participant, wiki and stage
// whose data could not be fetched, with the cause, by username.
func (a *Analysis) Incomplete() dataframe.DataFrame {
	rows := a.Data.IncompleteRows()
	slices.SortFunc(rows, func(x, y dataset.Incomplete) int {
		return cmp.Or(cmp.Compare(x.Username, y.Username), cmp.Compare(x.Wiki, y.Wiki), cmp.Compare(x.Stage, y.Stage))
	})
	n := len(rows)
	user, wiki, stage, cause := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	for i, r := range rows {
		user[i], wiki[i], stage[i], cause[i] = r.Username, r.Wiki, r.Stage, r.Cause
	}
	return dataframe.New(series.New(user, series.String, ColUsername), series.New(wiki, series.String, ColWiki),
		series.New(stage, series.String, ColStage), series.New(cause, series.String, ColCause))
}

// Created keeps the revisions that created their page.
func Created(df dataframe.DataFrame) dataframe.DataFrame {
	return keep(df, ColCreated, func(e series.Element) bool { return e.String() == "true" })
}
