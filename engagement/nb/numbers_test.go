package nb

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// A table in a language: shares, counts, decimals and points as the
// language writes them, the metrics named in it, and the line under a
// table cut short; English as it always was.
func TestTableInLanguage(t *testing.T) {
	df := dataframe.New(
		series.New([]string{"participants", "retention_7d", "participants"}, series.String, "metric"),
		series.New([]float64{1234567, 0.25, 2.5}, series.Float, "value"),
		series.New([]bool{false, true, false}, series.Bool, "is_share"),
		series.New([]float64{0.03, -0.42, math.NaN()}, series.Float, "difference"),
	)
	opts := func(lang string) *TableOptions {
		return &TableOptions{Rows: 2, ShareFlag: "is_share", Percent: []string{"value"}, Points: []string{"difference"}, Label: "metric", Language: lang}
	}
	for lang, want := range map[string][]string{
		"":   {"Participants counted", "1,234,567", "25.0 %", "+3.0 pts", "−42.0 pts", "(2 of 3 rows shown)"},
		"en": {"Participants counted", "1,234,567", "25.0 %", "+3.0 pts", "(2 of 3 rows shown)"},
		"es": {"Participantes contados", "1.234.567", "25,0\u00a0%", "+3,0 p. p.", "−42,0 p. p.", "(2 de 3 filas mostradas)"},
		"fr": {"1\u202f234\u202f567", "25,0\u202f%", "+3,0 pts", "(2 sur 3 lignes affichées)"},
		"pt": {"1.234.567", "25,0%", "+3,0 p.p.", "(2 de 3 linhas mostradas)"},
	} {
		var b bytes.Buffer
		if err := TableText(&b, df, opts(lang)); err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("Language %q: the table lacks %q:\n%s", lang, w, b.String())
			}
		}
		if lang != "" && lang != "en" && strings.Contains(b.String(), "rows shown") {
			t.Errorf("Language %q: English left under the table:\n%s", lang, b.String())
		}
	}
	page, err := TableHTML(df, opts("es"))
	if err != nil || !strings.Contains(page, "<p><i>2 de 3 filas mostradas</i></p>") {
		t.Errorf("HTML table in Spanish: %v\n%s", err, page)
	}
}
