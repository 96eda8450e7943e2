package report

import (
	"fmt"

	"example.com/engagement/engagement/i18n"
)

// english is the Localizer of a report whose input names no language. The
// embedded English messages are checked by engagement/i18n's tests, so a
// failure to read them is a broken build, not an input error.
func english() *i18n.Localizer {
	l, err := i18n.New("en")
	if err != nil {
		panic(fmt.Sprintf("report: the embedded English messages: %v", err))
	}
	return l
}

// orEnglish is l, or English when l is nil.
func orEnglish(l *i18n.Localizer) *i18n.Localizer {
	if l == nil {
		return english()
	}
	return l
}
