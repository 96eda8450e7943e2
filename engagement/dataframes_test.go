package engagement

import (
	"context"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"example.com/engagement/engagement/dashboard"
	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/frame"
	"example.com/engagement/engagement/metrics"
)

// A filtered frame goes back into an analysis with the same definitions.
func TestAnalyzeFilteredFrames(t *testing.T) {
	s, err := Open(context.Background(), Sample)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Analysis()
	if err != nil {
		t.Fatal(err)
	}
	newOnly, err := s.Analyze(s.Params(), frame.InSegment(a.Participants(), metrics.SegmentNew))
	if err != nil {
		t.Fatal(err)
	}
	all, _ := a.Result.Find(metrics.MetricParticipants, metrics.SegmentNew)
	n, _ := newOnly.Result.Find(metrics.MetricParticipants, metrics.SegmentAll)
	e, _ := newOnly.Result.Find(metrics.MetricParticipants, metrics.SegmentExperienced)
	if n.Value != all.Value || e.Value != 0 {
		t.Errorf("new editors only: %v participants, %v experienced; want %v and 0", n.Value, e.Value, all.Value)
	}
	during := frame.InPeriod(a.Contributions(), metrics.During)
	wiki := during.Col(frame.ColWiki).Records()[0]
	one, err := s.Analyze(s.Params(), frame.OnWiki(a.Contributions(), wiki))
	if err != nil {
		t.Fatal(err)
	}
	edits, _ := one.Result.Find(metrics.MetricEditsDuring, metrics.SegmentAll)
	// Edits of participants left out (facilitators, bots) are not counted.
	if want := frame.InSegment(frame.OnWiki(during, wiki), metrics.SegmentNew, metrics.SegmentExperienced).Nrow(); int(edits.Value) != want {
		t.Errorf("%s only: %v edits during, want %d", wiki, edits.Value, want)
	}
	want := "the frame to analyse is neither: a contributions frame (contributions.csv's columns) needs wiki, username, revid, pageid, ns, title, timestamp, sizediff, new; " +
		"a participants frame (participants.csv's columns) needs username, excluded_reason, registration, long_term, edits_before, edits_during, edits_after, first_edit_after, last_edit, days_to_return, detail; " +
		"it has month, segment, editing_participants, active_editors, retained_editors, edits, partial"
	if _, err := s.Analyze(s.Params(), a.Monthly()); err == nil || err.Error() != want {
		t.Errorf("a monthly frame: %v\nwant %s", err, want)
	}
	// A frame that lost a column is refused, naming it, never guessed.
	if _, err := s.Analyze(s.Params(), frame.OnWiki(a.Contributions(), wiki).Drop(frame.ColRevID)); err == nil || !strings.Contains(err.Error(), "a contributions frame (contributions.csv's columns) needs revid;") {
		t.Errorf("a contributions frame without revid: %v", err)
	}
}

// A participants frame read from participants.csv holds a name that starts
// like a formula as the file protects it ('-Ann for -Ann): it still names
// that participant.
func TestRestrictMatchesProtectedNames(t *testing.T) {
	ev := &Event{Participants: []dashboard.Participant{{Username: "-Ann"}, {Username: "Bob"}}}
	cols := make([]series.Series, len(dataset.ParticipantsHeader))
	for i, c := range dataset.ParticipantsHeader {
		v := ""
		if c == frame.ColUsername {
			v = dataset.Protect("-Ann")
		}
		cols[i] = series.New([]string{v}, series.String, c)
	}
	got, _, err := restrict(ev, &Data{}, dataframe.New(cols...))
	if err != nil || len(got.Participants) != 1 || got.Participants[0].Username != "-Ann" {
		t.Fatalf("restricted to %+v, %v; want -Ann", got, err)
	}
}
