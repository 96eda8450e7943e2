package frame

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/metrics"
)

// Contributions turns contributions into a frame: contributions.csv's
// columns (wiki, username, revid, pageid, ns, title, timestamp, sizediff,
// new), then segment and included (from r: "" and false without r),
// content (from isContent; namespace 0 when nil), day and period.
func Contributions(cs []metrics.Contribution, ev metrics.Event, r *metrics.Result, isContent func(wiki string, ns int) bool) dataframe.DataFrame {
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

// Accounts turns accounts into a frame: accounts.csv's columns,
// username, registration (RFC 3339, "" when unknown), bot.
func Accounts(as []metrics.Account) dataframe.DataFrame {
	n := len(as)
	user, reg := make([]string, n), make([]string, n)
	bot := make([]bool, n)
	for i, a := range as {
		user[i], reg[i], bot[i] = a.Username, csvTime(a.Registration), a.Bot
	}
	return dataframe.New(series.New(user, series.String, ColUsername), series.New(reg, series.String, ColRegistration), series.New(bot, series.Bool, ColBot))
}

// Namespaces is namespaces.csv: one row per wiki and namespace, its local
// name and whether it is content, by wiki and namespace.
func Namespaces(ns []dataset.Namespace) dataframe.DataFrame {
	ns = slices.Clone(ns)
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

// Incomplete is incomplete.csv: one row per participant, wiki and stage
// whose data could not be fetched, with the cause, by username.
func Incomplete(rows []dataset.Incomplete) dataframe.DataFrame {
	rows = slices.Clone(rows)
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
