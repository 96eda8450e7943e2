package engagement

import (
	"example.com/engagement/engagement/i18n"
	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/report"
)

// SettingLanguage names the language setting in a SettingError.
const SettingLanguage = "Language"

// WithLanguage writes the reports (report.html, report.wikitext) in the
// language of a BCP 47 code: "es", "fr", "pt", "pt-BR"; "" or "en" is
// English. A code that is well formed but not translated falls back to
// English, as MediaWiki's chain does (i18n.Chain); a malformed one is a
// SettingError naming it. Data (usernames, titles, wiki domains) and the
// CSV files are never translated.
func WithLanguage(code string) Option {
	return func(s *Session) error {
		if _, err := i18n.New(code); err != nil {
			return &SettingError{Setting: SettingLanguage, Err: err}
		}
		s.lang = code
		return nil
	}
}

// reportLanguage is the Localizer of a code WithLanguage accepted; nil
// (English) for "".
func reportLanguage(code string) *i18n.Localizer {
	if code == "" {
		return nil
	}
	l, err := i18n.New(code) // WithLanguage checked the code
	if err != nil {
		return nil
	}
	return l
}

// reportLanguageOrEnglish is l, or English when l is nil.
func reportLanguageOrEnglish(l *i18n.Localizer) *i18n.Localizer {
	if l != nil {
		return l
	}
	en, err := i18n.New("en")
	if err != nil { // the embedded English messages are checked by engagement/i18n's tests
		panic("engagement: the embedded English messages: " + err.Error())
	}
	return en
}

// requestsText says what an API client did in l's language (nil:
// English): in English exactly as mwapi.Stats.String writes it, as the
// notebooks and scripts have always read it.
func requestsText(l *i18n.Localizer, st mwapi.Stats) string {
	if l == nil || l.Lang() == "en" {
		return st.String()
	}
	return report.Requests{Requests: st.Requests, CacheHits: st.CacheHits, Retries: st.Retries, Bytes: st.Bytes, Waited: st.Waited}.In(l)
}

// RequestsNote is the line a notebook cell shows after it runs, in the
// session's language: "Requests sent by this cell: 0 requests (Dashboard
// 0, Wikimedia API 0); 36 answers from the cache".
func (s *Session) RequestsNote() string { return requestsNote(s.lang, s.Requests()) }

// RequestsNote is Session.RequestsNote for the campaign's session.
func (cs *CampaignSession) RequestsNote() string { return requestsNote(cs.s.lang, cs.Requests()) }

// requestsNote writes r through the message engagement-nb-requests-cell.
func requestsNote(lang string, r Requests) string {
	l := reportLanguageOrEnglish(reportLanguage(lang))
	cached := r.DashboardCached + r.APICached
	return l.T("engagement-nb-requests-cell", r.Total(), l.Int(r.Total()), l.Int(r.Dashboard), l.Int(r.API), cached, l.Int(cached))
}

// textsIn writes each text in l's language (nil: English).
func textsIn(l *i18n.Localizer, ts []i18n.Text) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.In(l)
	}
	return out
}
