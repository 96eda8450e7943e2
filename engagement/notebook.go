package engagement

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/metrics"
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
	num := plainOr(l)
	detail := l.T("engagement-nb-progress", num(p.UsersDone), num(p.UsersTotal), p.Requests, num(p.Requests), num(p.CacheHits))
	if p.Remaining > 0 {
		detail = l.T("engagement-nb-progress-left", detail, p.Remaining.Round(time.Second).String())
	}
	return detail
}

// plainOr formats counts ungrouped in English, as the notebooks always
// wrote them, and as the language writes them otherwise.
func plainOr(l *i18n.Localizer) func(int) string {
	if l.Lang() == "en" {
		return strconv.Itoa
	}
	return l.Int
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

// FetchSummary is what the fetch brought, in Markdown: the data-incomplete
// banner first when some participants are left out, then the counts, the
// requests, the notes, what re-reading a previous run's files normalised,
// and the failures. It names every participant the fetch found to be left
// out, a bot or an account not found, with the reason.
func (a *Analysis) FetchSummary() string {
	l := reportLanguageOrEnglish(reportLanguage(a.settings.language))
	var b strings.Builder
	if s := report.IncompleteBannerIn(l, a.Result); s != "" {
		fmt.Fprintf(&b, "**⚠️ %s**\n\n", s)
	}
	d := a.Data
	num := plainOr(l)
	b.WriteString(l.T("engagement-nb-fetched", d.Contributions.Len(), num(d.Contributions.Len()), len(d.Accounts), num(len(d.Accounts)), requestsText(l, d.Stats)) + "\n")
	for _, n := range d.Notes {
		b.WriteString("\n- " + l.T("engagement-nb-note", n.In(l)))
	}
	b.WriteString(leftOutByFetch(l, a.Result))
	for _, line := range d.Normalised.Lines() {
		b.WriteString("\n- " + l.T("engagement-nb-normalised", line))
	}
	if s := d.FailureSummary(); s != "" {
		fmt.Fprintf(&b, "\n\n```\n%s```\n", s)
	}
	return b.String()
}

// ShowCharts shows the standard charts with their titles and captions, in
// the session's language (WithLanguage): those named (see Chart.Name), or
// all. A chart without data is replaced by the reason.
func (a *Analysis) ShowCharts(names ...string) error {
	l := reportLanguage(a.settings.language)
	charts, skipped := report.Charts(l, a.Event, a.Data, a.Result)
	for _, c := range charts {
		if len(names) > 0 && !slices.Contains(names, c.Name) {
			continue
		}
		nb.ShowMarkdown("### " + c.Title + "\n" + c.Caption)
		if err := nb.ShowPlot(c.Plot, c.Name); err != nil {
			return err
		}
	}
	for _, e := range skipped {
		var sc *report.SkippedChart
		if errors.As(e, &sc) && len(names) > 0 && !slices.Contains(names, sc.Name) {
			continue
		}
		nb.ShowMarkdown(reportLanguageOrEnglish(l).T("engagement-nb-chart-left-out", report.SkipReason(l, e)))
	}
	return nil
}

// leftOutByFetch lists, in Markdown, the participants left out as bots or
// accounts not found, by name: "" when there are none.
func leftOutByFetch(l *i18n.Localizer, r *metrics.Result) string {
	if r == nil {
		return ""
	}
	fetchExclusions := []struct {
		why metrics.Exclusion
		key string
	}{ // the reasons only the fetch finds, in words
		{metrics.ExcludeBot, "engagement-nb-left-out-bot"},
		{metrics.ExcludeNotFound, "engagement-nb-left-out-not-found"},
	}
	var b strings.Builder
	for _, e := range fetchExclusions {
		var names []string
		for _, p := range r.Participants {
			if p.Excluded == e.why {
				names = append(names, p.Username)
			}
		}
		if len(names) > 0 {
			b.WriteString("\n- " + l.T(e.key, l.Int(len(names)), strings.Join(names, ", ")))
		}
	}
	return b.String()
}
