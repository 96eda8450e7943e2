package engagement

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/mwapi"
)

// A fetch answered from the cache draws no bar; one that asks does.
func TestProgressBarOnlyWhenAsking(t *testing.T) {
	var b bytes.Buffer
	update, done := ProgressBarIn(nil, &b)
	update(mwapi.Progress{UsersDone: 1, UsersTotal: 2, CacheHits: 1})
	done("0 requests")
	if b.Len() != 0 {
		t.Fatalf("cached fetch drew %q", b.String())
	}
	update, done = ProgressBarIn(nil, &b)
	update(mwapi.Progress{UsersDone: 1, UsersTotal: 2, Requests: 1})
	done("1 request")
	if got := b.String(); !strings.Contains(got, " 50% 1/2 user-wikis, 1 requests") || !strings.HasSuffix(got, "100% 1 request   \n") {
		t.Fatalf("got %q", got)
	}
}

func TestSweepRejectsOtherSettings(t *testing.T) {
	s, err := Open(context.Background(), Sample)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Sweep(SettingAsOf, []int{1}); err == nil || !strings.Contains(err.Error(), "LookbackDays") {
		t.Fatalf("err = %v", err)
	}
	if _, err := s.Sweep(SettingLongTermEdits, []int{1}, MetricRef{"nonsense", "new"}); err == nil || !strings.Contains(err.Error(), `"nonsense"`) {
		t.Fatalf("err = %v", err)
	}
}

// The bar speaks the session's language whichever option comes first, and
// writes its counts as the language does.
func TestProgressBarInLanguage(t *testing.T) {
	var b bytes.Buffer
	update, done := ProgressBarIn(reportLanguage("fr"), &b)
	update(mwapi.Progress{UsersDone: 3, UsersTotal: 1200, Requests: 1234, CacheHits: 2, Remaining: 90 * time.Second})
	done("fini")
	want := "Récupération [....................]   0% 3/1\u202f200 utilisateur-wikis, 1\u202f234 requêtes, 2 en cache, il reste environ 1m30s"
	if got := b.String(); !strings.Contains(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for _, opts := range [][]Option{{WithProgressBar(), WithLanguage("fr")}, {WithLanguage("fr"), WithProgressBar()}} {
		s, err := newSession(context.Background(), opts)
		if err != nil {
			t.Fatal(err)
		}
		if !s.progressBar || s.progress == nil || s.progressDone == nil {
			t.Errorf("no bar: %+v", s)
		}
	}
	s, err := newSession(context.Background(), []Option{WithProgressBar(), WithProgress(func(mwapi.Progress) {})})
	if err != nil {
		t.Fatal(err)
	}
	if s.progressBar {
		t.Error("WithProgress after WithProgressBar still draws the bar")
	}
}

// A chart without data is replaced by its reason, introduced in the
// session's language.
func TestShowChartsLeftOutInLanguage(t *testing.T) {
	t.Chdir(t.TempDir()) // outside a notebook, ShowCharts saves the charts here
	for lang, want := range map[string]string{"": "Chart left out: chart: participants by segment: no participants", "es": "Gráfico omitido: Participantes: ningún participante", "fr": "Graphique omis\u00a0: Participants\u00a0: aucun participant"} {
		s, err := Open(context.Background(), Sample, WithLanguage(lang))
		if err != nil {
			t.Fatal(err)
		}
		a, err := s.Analysis()
		if err != nil {
			t.Fatal(err)
		}
		empty := *a
		empty.Result = &metrics.Result{Params: a.Result.Params}
		out := captureStdout(t, func() error { return empty.ShowCharts("participants") })
		if !strings.HasPrefix(out, want) {
			t.Errorf("Language %q: ShowCharts printed %q, want %q", lang, out, want)
		}
	}
}
