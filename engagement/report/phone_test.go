package report_test

import (
	"bytes"
	"encoding/base64"
	"strings"
	"testing"

	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/report"
)

// A chart with a narrow rendering is a <picture>: phones (up to
// report.NarrowScreen CSS pixels) get the narrow PNG, wider screens and
// browsers without <picture> the wide one; a chart without keeps its
// plain <img>.
func TestNarrowChartsArePictures(t *testing.T) {
	_, r := sample(t)
	wide, narrow, alone := []byte("wide png"), []byte("narrow png"), []byte("alone png")
	var b bytes.Buffer
	err := report.WriteHTML(&b, report.Input{Title: "T", Result: r, Version: "test", Figures: []report.Figure{
		{Title: "Two renderings", PNG: wide, Narrow: narrow},
		{Title: "One rendering", PNG: alone},
	}})
	if err != nil {
		t.Fatal(err)
	}
	html := b.String()
	b64 := base64.StdEncoding.EncodeToString
	want := `<picture><source media="(max-width:640px)" srcset="data:image/png;base64,` + b64(narrow) + `"><img alt="Two renderings" src="data:image/png;base64,` + b64(wide) + `"></picture>`
	if !strings.Contains(html, want) {
		t.Errorf("report lacks %s", want)
	}
	if want := `<div class="chart"><img alt="One rendering" src="data:image/png;base64,` + b64(alone) + `"></div>`; !strings.Contains(html, want) {
		t.Errorf("report lacks %s", want)
	}
	if n := strings.Count(html, "<picture>"); n != 1 {
		t.Errorf("%d pictures, want 1", n)
	}
}

// Every table of the report scrolls in a box of its own whose first
// column stays in view; the style sheet says so.
func TestTablesScrollWithFirstColumnFixed(t *testing.T) {
	_, r := sample(t)
	var b bytes.Buffer
	if err := report.WriteHTML(&b, report.Input{Title: "T", Result: r, Version: "test"}); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	if n, boxed := strings.Count(html, "<table"), strings.Count(html, `<div class="scroll"><table`); n != boxed || n < 8 {
		t.Errorf("%d tables, %d of them in a scrolling box", n, boxed)
	}
	if !strings.Contains(html, ".scroll tbody td:first-child,.scroll thead tr:first-child th:first-child{position:sticky;left:0;") {
		t.Error("the first column of a scrolling table is not sticky")
	}
}

// The pages most edited: the title first (it stays in view on a phone);
// a "created" column only when one of them was created during the event,
// and then filled with yes or no.
func TestTopPagesColumns(t *testing.T) {
	_, r := sample(t)
	render := func(pages []metrics.PageCount) string {
		rr := *r
		rr.TopPages = pages
		var b bytes.Buffer
		if err := report.WriteHTML(&b, report.Input{Title: "T", Result: &rr, Version: "test"}); err != nil {
			t.Fatal(err)
		}
		html := b.String()
		i := strings.Index(html, `<section id="top-pages">`)
		return html[i : i+strings.Index(html[i:], "</section>")]
	}
	old := metrics.PageCount{Wiki: "en.wikipedia.org", Title: "Old page", Edits: 3, Editors: 2, BytesAdded: 1200}
	made := metrics.PageCount{Wiki: "en.wikipedia.org", Title: "New page", Created: true, Edits: 2, Editors: 1, BytesAdded: 900}
	got := render([]metrics.PageCount{old})
	if strings.Contains(got, "<th>created</th>") || !strings.Contains(got, "<tr><td>Old page</td><td>en.wikipedia.org</td><td class=\"n\">3</td>") ||
		!strings.Contains(got, "None of them was created during the event.") {
		t.Errorf("without a created page:\n%s", got)
	}
	got = render([]metrics.PageCount{old, made})
	if !strings.Contains(got, "<th>page</th><th>wiki</th><th>created</th>") ||
		!strings.Contains(got, "<tr><td>Old page</td><td>en.wikipedia.org</td><td>no</td>") ||
		!strings.Contains(got, "<tr><td>New page</td><td>en.wikipedia.org</td><td>yes</td>") {
		t.Errorf("with a created page:\n%s", got)
	}
}
