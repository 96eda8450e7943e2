package engagement

import (
	"fmt"
	"time"

	"github.com/go-gota/gota/dataframe"

	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/frame"
	"example.com/engagement/engagement/metrics"
)

// Column names of the frames: package frame's schema (see there), which
// is the header of the CSV file each frame matches.
const (
	ColWiki         = frame.ColWiki
	ColRevID        = frame.ColRevID
	ColPageID       = frame.ColPageID
	ColNS           = frame.ColNS
	ColTitle        = frame.ColTitle
	ColTimestamp    = frame.ColTimestamp
	ColDay          = frame.ColDay
	ColSizeDiff     = frame.ColSizeDiff
	ColCreated      = frame.ColCreated
	ColIncluded     = frame.ColIncluded
	ColContent      = frame.ColContent
	ColPeriod       = frame.ColPeriod
	ColBot          = frame.ColBot
	ColEditors      = frame.ColEditors
	ColPages        = frame.ColPages
	ColPagesCreated = frame.ColPagesCreated
	ColBytesAdded   = frame.ColBytesAdded
	ColFirstEdit    = frame.ColFirstEdit
	ColLastEdit     = frame.ColLastEdit
	ColIsShare      = frame.ColIsShare
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

// Namespaces is namespaces.csv: one row per wiki and namespace, its local
// name and whether it is content, by wiki and namespace.
func (a *Analysis) Namespaces() dataframe.DataFrame { return frame.Namespaces(a.Data.NamespaceRows()) }

// Incomplete is incomplete.csv: one row per participant, wiki and stage
// whose data could not be fetched, with the cause, by username.
func (a *Analysis) Incomplete() dataframe.DataFrame { return frame.Incomplete(a.Data.IncompleteRows()) }

// Column names of namespaces.csv and incomplete.csv.
const (
	ColNamespaceName = frame.ColNamespaceName
	ColStage         = frame.ColStage
	ColCause         = frame.ColCause
)

// ContributionsFrame is frame.Contributions: contributions.csv's columns
// (wiki, username, revid, pageid, ns, title, timestamp, sizediff, new),
// then segment and included (from r: "" and false without r), content
// (from isContent; namespace 0 when nil), day and period.
func ContributionsFrame(cs []metrics.Contribution, ev metrics.Event, r *metrics.Result, isContent func(wiki string, ns int) bool) dataframe.DataFrame {
	return frame.Contributions(cs, ev, r, isContent)
}

// AccountsFrame is frame.Accounts: accounts.csv's columns, username,
// registration (RFC 3339, "" when unknown), bot.
func AccountsFrame(as []metrics.Account) dataframe.DataFrame { return frame.Accounts(as) }

// Included is frame.Included: the contributions of the participants
// counted in the numbers.
func Included(df dataframe.DataFrame) dataframe.DataFrame { return frame.Included(df) }

// InContent is frame.InContent: the contributions in content namespaces.
func InContent(df dataframe.DataFrame) dataframe.DataFrame { return frame.InContent(df) }

// OnWiki is frame.OnWiki: the rows on the given wikis ("en.wikipedia.org").
func OnWiki(df dataframe.DataFrame, wikis ...string) dataframe.DataFrame {
	return frame.OnWiki(df, wikis...)
}

// InNamespace is frame.InNamespace: the rows in the given namespaces.
func InNamespace(df dataframe.DataFrame, ns ...int) dataframe.DataFrame {
	return frame.InNamespace(df, ns...)
}

// InSegment is frame.InSegment: the rows of the given segments.
func InSegment(df dataframe.DataFrame, segs ...metrics.Segment) dataframe.DataFrame {
	return frame.InSegment(df, segs...)
}

// InPeriod is frame.InPeriod: the contributions made before, during or
// after the event.
func InPeriod(df dataframe.DataFrame, periods ...metrics.Period) dataframe.DataFrame {
	return frame.InPeriod(df, periods...)
}

// Between is frame.Between: the contributions from from (inclusive) to to
// (exclusive).
func Between(df dataframe.DataFrame, from, to time.Time) dataframe.DataFrame {
	return frame.Between(df, from, to)
}

// Created is frame.Created: the revisions that created their page.
func Created(df dataframe.DataFrame) dataframe.DataFrame { return frame.Created(df) }

// WithMetric is frame.WithMetric: the rows of a metrics frame for the
// given metrics, in the order given.
func WithMetric(df dataframe.DataFrame, names ...string) dataframe.DataFrame {
	return frame.WithMetric(df, names...)
}

// Head is frame.Head: the first n rows (all when there are fewer).
func Head(df dataframe.DataFrame, n int) dataframe.DataFrame { return frame.Head(df, n) }

// CountBy is frame.CountBy: contributions grouped by the given columns
// (e.g. ColWiki, ColNS), counting edits, editors, pages, pages created and
// bytes added, most edits first.
func CountBy(df dataframe.DataFrame, cols ...string) dataframe.DataFrame {
	return frame.CountBy(df, cols...)
}

// PerParticipant is frame.PerParticipant: contributions summed per
// participant, most edits first.
func PerParticipant(df dataframe.DataFrame) dataframe.DataFrame { return frame.PerParticipant(df) }

// PerPage is frame.PerPage: contributions summed per page, most edits
// first.
func PerPage(df dataframe.DataFrame) dataframe.DataFrame { return frame.PerPage(df) }

// restrict narrows an event and its data to the rows of df: a
// contributions frame keeps those contributions (by wiki and revid); a
// participants frame keeps those participants (by username). Nothing else
// changes, so the metrics keep their definitions.
func restrict(ev *Event, d *Data, df dataframe.DataFrame) (*Event, *Data, error) {
	if df.Err != nil {
		return nil, nil, fmt.Errorf("the frame to analyse: %w", df.Err)
	}
	kind, err := frame.Kind(df)
	if err != nil {
		return nil, nil, err
	}
	if kind == frame.KindContributions {
		revs, err := frame.Revisions(df)
		if err != nil {
			return nil, nil, err
		}
		want := make(map[frame.Revision]bool, len(revs))
		for _, r := range revs {
			want[r] = true
		}
		cp := *d
		t := d.Contributions
		cp.Contributions = t.Filter(func(i int) bool { return want[frame.Revision{Wiki: t.Wiki(i), RevID: t.RevID(i)}] })
		return ev, &cp, nil
	}
	want := map[string]bool{}
	for _, u := range frame.Usernames(df) {
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
