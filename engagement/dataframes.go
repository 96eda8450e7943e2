package engagement

import (
	"fmt"

	"github.com/go-gota/gota/dataframe"

	"example.com/engagement/engagement/frame"
	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/report"
	"example.com/engagement/engagement/study"
)

// Participants is the per-participant summary (participants.csv), one row
// per participant with the segment and the edits before, during and after.
func (a *Analysis) Participants() dataframe.DataFrame { return frame.Summary(a.Result) }

// Metrics is every metric (metrics.csv); is_share says whether value is a
// share or a count.
func (a *Analysis) Metrics() dataframe.DataFrame { return frame.Metrics(a.Result) }

// Monthly is monthly.csv: one row per calendar month and segment.
func (a *Analysis) Monthly() dataframe.DataFrame { return frame.Monthly(a.Result) }

// Headline is the headline numbers organizers report, the measures and
// details in the session's language (WithLanguage).
func (a *Analysis) Headline() dataframe.DataFrame {
	return headlineFrame(reportLanguage(a.settings.language), a.Result)
}

// headlineFrame is frame.Headline of report.HeadlineRows in l's language.
func headlineFrame(l *i18n.Localizer, r *metrics.Result) dataframe.DataFrame {
	rows := report.HeadlineRows(l, r)
	ms := make([]frame.Measure, len(rows))
	for i, h := range rows {
		ms[i] = frame.Measure{Label: h.Label, Row: h.Row, Detail: report.FormatDetailIn(l, h.Row)}
	}
	return frame.Headline(ms)
}

// Contributions is one row per revision: contributions.csv's columns, then
// its author's segment, whether the author is counted (included), whether
// the namespace is content, the day and the period relative to the event
// (see frame.Contributions). The headline counts the included rows only:
// its edits during the event are InPeriod(Included(df), metrics.During)'s
// rows, its pages created the content pages among them created then.
func (a *Analysis) Contributions() dataframe.DataFrame {
	return frame.Contributions(a.Data.Contributions.Rows(), a.Event.MetricsEvent(), a.Result, a.Data.IsContent)
}

// Accounts is accounts.csv: one row per account, registration (RFC 3339,
// "" when unknown) and bot flag.
func (a *Analysis) Accounts() dataframe.DataFrame { return frame.Accounts(a.Data.Accounts) }

// Pages is one row per page edited during the event (see frame.PerPage).
func (a *Analysis) Pages() dataframe.DataFrame {
	return frame.PerPage(frame.InPeriod(a.Contributions(), metrics.During))
}

// Namespaces is namespaces.csv: one row per wiki and namespace, its local
// name and whether it is content, by wiki and namespace.
func (a *Analysis) Namespaces() dataframe.DataFrame { return frame.Namespaces(a.Data.NamespaceRows()) }

// Incomplete is incomplete.csv: one row per participant, wiki and stage
// whose data could not be fetched, with the cause, by username.
func (a *Analysis) Incomplete() dataframe.DataFrame { return frame.Incomplete(a.Data.IncompleteRows()) }

// Roster is the event's participants as frame.Participants: one row per
// distinct participant, with why they are left out, if they are. It needs
// no fetch.
func (s *Session) Roster() dataframe.DataFrame {
	ps := make([]frame.Participant, len(s.ev.Participants))
	for i, p := range s.ev.Participants {
		ps[i] = frame.Participant{Username: p.Username, Enrolled: p.Enrolled, Excluded: metrics.Exclusion(p.Excluded), Reason: p.Reason, RegisteredAt: p.RegisteredAt}
	}
	return frame.Participants(ps)
}

// restrict narrows an event and its data to the rows of df: a
// contributions frame keeps those contributions (by wiki and revid); a
// participants frame keeps those participants (by username).
func restrict(ev *Event, d *Data, df dataframe.DataFrame) (*Event, *Data, error) {
	if df.Err != nil {
		return nil, nil, fmt.Errorf("the frame to analyse: %w", df.Err)
	}
	kind, err := frame.Kind(df)
	if err != nil {
		return nil, nil, err
	}
	if kind != frame.KindContributions {
		only, err := study.OnlyParticipants(ev, frame.Usernames(df))
		return only, d, err
	}
	revs, err := frame.Revisions(df)
	if err != nil {
		return nil, nil, err
	}
	want := make(map[frame.Revision]bool, len(revs))
	for _, r := range revs {
		want[r] = true
	}
	return ev, study.OnlyRevisions(d, func(wiki string, revID int64) bool { return want[frame.Revision{Wiki: wiki, RevID: revID}] }), nil
}
