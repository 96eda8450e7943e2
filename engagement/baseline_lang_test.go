package engagement

import (
	"strings"
	"testing"

	"example.com/engagement/engagement/metrics"
)

// The baseline's sentences in the report: English as before (the note
// equal to the one metrics.csv carries), and in es, fr and pt none of the
// English words, numbers as the language writes them.
func TestBaselineSentencesInLanguage(t *testing.T) {
	full := &Baseline{Wiki: "en.wikipedia.org", Listed: 1234, InRoster: 1, Checked: 40, Bots: 2, NotActivated: 3, Failed: 0, Qualified: 35, Complete: true, Sample: make([]metrics.Registration, 35)}
	part := &Baseline{Wiki: "en.wikipedia.org", Listed: 5000, InRoster: 36, Checked: 1200, Bots: 12, NotActivated: 300, Failed: 2, Qualified: 2400, Complete: false, Sample: make([]metrics.Registration, 500)}
	en := reportLanguageOrEnglish(nil)
	for _, b := range []*Baseline{full, part} {
		if got := baselineNoteIn(en, b); got != b.Note() {
			t.Errorf("English note %q, metrics.csv's %q", got, b.Note())
		}
	}
	if got, want := baselineLeftOutIn(en, full), "Of the 1,234 accounts registered in the window, 1 is the event's own people. Of the others: bots 2; no edit within a day of registering 3; could not be fetched 0 (left out, not counted as inactive)."; got != want {
		t.Errorf("English left out:\n%q\nwant %q", got, want)
	}
	if got, want := baselineLeftOutIn(en, part), "Of the 5,000 accounts registered in the window, 36 are the event's own people. Of the others, 1,200 were checked in random order until the sample was full; of them: bots 12; no edit within a day of registering 300; could not be fetched 2 (left out, not counted as inactive)."; got != want {
		t.Errorf("English left out:\n%q\nwant %q", got, want)
	}
	english := []string{"registered in the window", "own people", "Of the others", "checked in random order", "no edit within a day", "could not be fetched", "qualifying", "sample of", "left out"}
	numbers := map[string]string{"es": "5000", "fr": "5\u202f000", "pt": "5.000"}
	for lang, five := range numbers {
		l := reportLanguage(lang)
		for _, b := range []*Baseline{full, part} {
			text := baselineNoteIn(l, b) + " " + baselineLeftOutIn(l, b)
			for _, e := range english {
				if strings.Contains(text, e) {
					t.Errorf("%s: %q holds the English %q", lang, text, e)
				}
			}
		}
		if got := baselineLeftOutIn(l, part); !strings.Contains(got, five) {
			t.Errorf("%s: %q does not write 5000 as %q", lang, got, five)
		}
	}
}
