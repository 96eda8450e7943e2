package i18n

import (
	"strings"
	"testing"
)

// The embedded catalogue is whole: every language has every key and no
// other, with English's placeholders and PLURAL forms; qqq documents all.
func TestEmbeddedCatalogueIsWhole(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(c.Languages(), " "), "en es fr pt"; got != want {
		t.Errorf("languages %q, want %q", got, want)
	}
	for _, p := range c.Check() {
		t.Error(p)
	}
}
