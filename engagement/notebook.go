package engagement

import (
	"io"
	"sync/atomic"
	"time"

	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/nb"
	"example.com/engagement/engagement/report"
)

// ProgressBarIn returns a progress function drawing the fetch as a bar,
// its words in l's language (nil: English): in a notebook an HTML bar,
// outside one a line on w. The bar appears once a request is sent, so a
// fetch answered from the cache draws nothing. Call the returned done
// with the final summary. WithProgressBar draws it in the session's
// language.
func ProgressBarIn(l *i18n.Localizer, w io.Writer) (update func(mwapi.Progress), done func(summary string)) {
	l = reportLanguageOrEnglish(l)
	bar := nb.NewProgressTo(l.T("engagement-nb-progress-title"), w)
	var shown atomic.Bool
	update = func(p mwapi.Progress) {
		if p.Requests == 0 && !shown.Load() {
			return
		}
		shown.Store(true)
		bar.Update(p.UsersDone, p.UsersTotal, progressDetail(l, p))
	}
	done = func(summary string) {
		if shown.Load() {
			bar.Done(summary)
		}
	}
	return update, done
}

// progressDetail is the bar's words: "12/40 user-wikis, 30 requests, 2
// cached, about 5s left", or what a wait is for.
func progressDetail(l *i18n.Localizer, p mwapi.Progress) string {
	if p.Waiting > 0 {
		return l.T("engagement-nb-progress-waiting", p.Waiting.Round(time.Second).String(), p.Wiki, p.WaitReason)
	}
	num := nb.Counts(l)
	detail := l.T("engagement-nb-progress", num(p.UsersDone), num(p.UsersTotal), p.Requests, num(p.Requests), num(p.CacheHits))
	if p.Remaining > 0 {
		detail = l.T("engagement-nb-progress-left", detail, p.Remaining.Round(time.Second).String())
	}
	return detail
}

// WithProgressDone is called with the fetch's summary when it ends (see
// ProgressBarIn).
func WithProgressDone(done func(summary string)) Option {
	return func(s *Session) error { s.progressDone, s.progressBar = done, false; return nil }
}

// WithProgressBar shows the fetch's progress as a bar (see ProgressBarIn),
// in the session's language.
func WithProgressBar() Option {
	return func(s *Session) error {
		s.progressBar = true
		return nil
	}
}

// FetchSummary is what the fetch brought, in Markdown and in the
// session's language: the data-incomplete banner first when some
// participants are left out, then the counts, the requests, the notes,
// what re-reading a previous run's files normalised, and the failures,
// naming every participant the fetch found to be a bot or an account not
// found (nb.FetchSummary).
func (a *Analysis) FetchSummary() string {
	l := reportLanguageOrEnglish(reportLanguage(a.settings.language))
	return nb.FetchSummary(l, a.Data, a.Result, requestsText(l, a.Data.Stats))
}

// ShowCharts shows the standard charts (report.Charts) with their titles
// and captions, in the session's language (WithLanguage): those named
// (participants, edits_per_participant, monthly_edits, monthly_editors,
// retention, cohort, content, namespaces, baseline), or all. A chart
// without data is replaced by the reason.
func (a *Analysis) ShowCharts(names ...string) error {
	l := reportLanguage(a.settings.language)
	charts, skipped := report.Charts(l, a.Event, a.Data, a.Result)
	return nb.ShowCharts(l, charts, skipped, names...)
}
