package engagement_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/sample"
	"example.com/engagement/engagement/study"
)

func sampleCampaign(t *testing.T) *engagement.CampaignAnalysis {
	t.Helper()
	cs, err := engagement.OpenCampaign(context.Background(), engagement.Sample, engagement.WithCacheDir(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	a, err := cs.Analysis()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// The sample campaign side by side, by hand: the edit-a-thon has 53
// participants, 36 of them new, 9 of whom edited 7+ days after it; the
// workshop has 4 participants (Ada Okafor, Grace Novak, Kiri Okafor,
// Librarian Lucy), none new (Kiri Okafor registered 28 February, 41 days
// before it), so no retention of new editors; 3 people of each came to the
// other (Librarian Lucy only facilitated the first).
func TestCampaignComparison(t *testing.T) {
	a := sampleCampaign(t)
	c := a.Compare()
	if len(c) != 2 || c[0].Title != "Women in Science Edit-a-thon" || c[1].Title != "Wikidata Workshop" {
		t.Fatalf("events %+v", c)
	}
	first, second := c[0], c[1]
	if first.Participants != 53 || first.NewEditors != 36 || first.Returning != 3 || first.Retention[0].Numerator != 9 || first.Retention[0].Denominator != 36 {
		t.Errorf("edit-a-thon: %d participants, %d new, %d returning, 7 days %d of %d; want 53, 36, 3, 9 of 36",
			first.Participants, first.NewEditors, first.Returning, first.Retention[0].Numerator, first.Retention[0].Denominator)
	}
	if lo, hi := metrics.Wilson(9, 36); first.Retention[0].CILow != lo || first.Retention[0].CIHigh != hi {
		t.Errorf("interval %v–%v, want %v–%v", first.Retention[0].CILow, first.Retention[0].CIHigh, lo, hi)
	}
	if second.Participants != 4 || second.NewEditors != 0 || second.Returning != 3 || !second.Retention[1].Empty || second.Retention[1].Note != metrics.NoteNoNewEditors {
		t.Errorf("workshop: %+v; want 4 participants, none new, 3 returning, no retention", second)
	}
	var who []string
	for _, p := range a.ReturningPeople() {
		who = append(who, p.Username+": "+strings.Join(p.Courses, " then "))
	}
	want := "Ada Okafor: Sample_Library/Women_in_Science_Edit-a-thon_(March_2021) then Sample_Library/Wikidata_Workshop_(April_2021)"
	if len(who) != 3 || who[0] != want || !strings.HasPrefix(who[2], "Kiri Okafor: ") {
		t.Errorf("returning people %q", who)
	}
	if df := a.Comparison(); df.Nrow() != 2 || df.Col("retention_7d_numerator").Elem(0).Float() != 9 || df.Col("new_editors").Elem(1).Float() != 0 {
		t.Errorf("comparison frame:\n%v", df)
	}
	if v := a.ComparisonView().Col("new editors editing 7+ days after").Records(); len(v) != 2 || v[0] != "25.0 % · 9 of 36 · 13.8–41.1 %" || v[1] != "— (no new editors)" {
		t.Errorf("comparison view: %q", v)
	}
	if df := a.Returning(); df.Nrow() != 3 || df.Col("events").Elem(0).String() != "2" {
		t.Errorf("returning frame:\n%v", df)
	}
	if df := a.Events(); df.Nrow() != len(a.Result.Events[0].Result.Rows)+len(a.Result.Events[1].Result.Rows) || df.Names()[0] != "course" {
		t.Errorf("events frame: %d rows, columns %v", df.Nrow(), df.Names())
	}
}

// Pseudonymised campaign outputs name nobody: no username of any event,
// facilitators included, is in any file written.
func TestCampaignSharePseudonymized(t *testing.T) {
	a := sampleCampaign(t)
	dir := t.TempDir()
	paths, err := a.Share(dir, true)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(paths[0]) != "report.html" || len(paths) != 14 || filepath.Base(paths[12]) != "report.wikitext" || filepath.Base(paths[13]) != "run.json" { // no monthly.csv; pageviews.csv
		t.Errorf("wrote %v", paths)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"Ada Okafor", "Kiri Okafor", "Librarian Lucy", "Priya Okafor", "Ana Trainer"} {
			if strings.Contains(string(b), name) {
				t.Errorf("%s names %s", filepath.Base(p), name)
			}
		}
	}
	b, _ := os.ReadFile(filepath.Join(dir, "returning.csv"))
	if lines := strings.Split(strings.TrimSpace(string(b)), "\n"); len(lines) != 4 || !strings.HasPrefix(lines[1], "Participant ") {
		t.Errorf("returning.csv:\n%s", b)
	}
}

// A course that could not be loaded is in every output as missing, never
// as a course without participants; the report says so at the top.
func TestCampaignShareFailedCourse(t *testing.T) {
	ctx := context.Background()
	f := &fakeDashboard{broken: "Sample_Library/Wikidata_Workshop_(April_2021)"}
	cfg := serveCampaign(t, f)
	cs, err := engagement.OpenCampaign(ctx, "sample_library_2021", engagement.WithConfig(cfg), engagement.WithAsOfDate("2025-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := cs.Analysis()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := a.Share(dir, false); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "comparison.csv"))
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[2], "Sample_Library/Wikidata_Workshop_(April_2021),Sample_Library/Wikidata_Workshop_(April_2021),,,,,,") ||
		!strings.Contains(lines[2], "could not be loaded: ") || !strings.Contains(lines[2], "HTTP 500") {
		t.Errorf("comparison.csv:\n%s", b)
	}
	html, _ := os.ReadFile(filepath.Join(dir, "report.html"))
	if !strings.Contains(string(html), `<p class="banner" role="alert">1 of 2 events could not be loaded and is left out of every number (Sample_Library/Wikidata_Workshop_(April_2021))`) {
		t.Error("the report has no banner naming the course left out")
	}
	// Nobody returns: the one other event is missing.
	if len(a.Result.Returning) != 0 || strings.Contains(string(html), "Ada Okafor: 2") {
		t.Errorf("returning %v", a.Result.Returning)
	}
	again, err := engagement.OpenCampaign(ctx, "sample_library_2021", engagement.WithConfig(cfg), engagement.WithOffline(true), engagement.WithAsOfDate("2025-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := again.Analysis(); err != nil {
		t.Fatal(err)
	}
	if r := again.Requests(); r.Total() != 0 || r.DashboardCached != 4 {
		t.Errorf("offline rerun: %v; want 0 requests, 4 Dashboard answers from the cache (the failed course was not cached)", r)
	}
}

// When one wiki's contributions fail for some people, they are left out as
// data incomplete in each event and in the campaign combined (never counted
// as inactive), and the report and the summary say so at the top.
func TestCampaignIncompleteData(t *testing.T) {
	ctx := context.Background()
	c, err := study.LoadCampaignDir(ctx, filepath.Join("study", "testdata", "campaign"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := engagement.Config{Contact: "test@example.org", HTTPClient: &http.Client{Transport: failContribs{sample.Transport(), "commons.wikimedia.org"}}}
	d, err := c.Enrich(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	p := metrics.DefaultParams(sample.AsOf)
	r, err := c.Analyze(d, p)
	if err != nil {
		t.Fatal(err)
	}
	incomplete := map[string]bool{}
	for _, f := range d.Failures {
		incomplete[f.Username] = true
	}
	left := 0
	for _, ps := range r.Participants {
		if ps.Excluded == metrics.ExcludeIncomplete {
			left++
			if !incomplete[ps.Username] {
				t.Errorf("%s left out, but their data came", ps.Username)
			}
		}
	}
	row, _ := (&metrics.Result{Rows: r.Combined}).Find(metrics.MetricExcluded, metrics.Segment(metrics.ExcludeIncomplete))
	if left == 0 || int(row.Value) != left {
		t.Fatalf("%d people left out as data incomplete, the combined row says %v", left, row.Value)
	}
	a := &engagement.CampaignAnalysis{Campaign: c, Data: d, Result: r, Params: p}
	want := fmt.Sprintf("%d of %d participants left out: their contributions on commons.wikimedia.org could not be fetched (HTTP 403)", left, len(r.Participants))
	if !strings.Contains(a.Summary(), want) {
		t.Errorf("summary lacks %q:\n%s", want, a.Summary())
	}
	dir := t.TempDir()
	if _, err := a.Share(dir, false); err != nil {
		t.Fatal(err)
	}
	html, _ := os.ReadFile(filepath.Join(dir, "report.html"))
	if !strings.Contains(string(html), `<p class="banner" role="alert">`+want) {
		t.Errorf("the report has no banner %q", want)
	}
}

// The combined count (52) is smaller than the edit-a-thon's own (53):
// Priya Okafor took part in the edit-a-thon and facilitated the workshop,
// and Librarian Lucy the other way round (counted among the workshop's 4);
// the notes say so by the events' titles.
func TestCombinedCountExplained(t *testing.T) {
	a := sampleCampaign(t)
	row, _ := a.Combined().Find(metrics.MetricParticipants, metrics.SegmentAll)
	want := []string{"Priya Okafor took part in Women in Science Edit-a-thon and facilitated Wikidata Workshop, so the campaign leaves them out as a facilitator",
		"Librarian Lucy took part in Wikidata Workshop and facilitated Women in Science Edit-a-thon, so the campaign leaves them out as a facilitator"}
	if got := a.CombinedNotes(nil); row.Value != 52 || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("combined %v people, notes %q; want 52 and %q", row.Value, got, want)
	}
	pseudo := a.Pseudonymizer()
	if got := a.CombinedNotes(pseudo); len(got) != 2 || strings.Contains(got[0], "Priya") || !strings.HasPrefix(got[0], pseudo.Name("Priya Okafor")+" took part") {
		t.Errorf("pseudonymised notes %q", got)
	}
}

// The campaign writes its own report.wikitext (report.WriteCampaignWikitext,
// also rendered by a real MediaWiki in the integration tests): the events by
// title, linked, numbers right-aligned in sortable tables without an empty
// header cell, and no usernames.
func TestCampaignWikitext(t *testing.T) {
	a := sampleCampaign(t)
	dir := t.TempDir()
	if _, err := a.Share(dir, false); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, dataset.WikitextFile))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{
		"{| class=\"wikitable sortable\"\n! Event !! Dates !! style=\"text-align:right\" | Participants",
		"| [https://outreachdashboard.wmflabs.org/courses/Sample_Library/Women_in_Science_Edit-a-thon_%28March_2021%29 Women in Science Edit-a-thon] || 5 March 2021 – 7 March 2021 || style=\"text-align:right\" | 53 || style=\"text-align:right\" | 36 || style=\"text-align:right\" | 3 || style=\"text-align:right\" | 25.0 % (9 of 36)",
		"| style=\"text-align:right\" | 52 || people took part || each counted once, from their first event",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("report.wikitext lacks %q:\n%s", want, s)
		}
	}
	for _, bad := range []string{"! \n", "!  !!", "| \n", "| Sample&#95;Library", "| Sample_Library", "Kiri Okafor", "Priya Okafor"} {
		if strings.Contains(s, bad) {
			t.Errorf("report.wikitext holds %q (an empty cell, a slug or a username):\n%s", bad, s)
		}
	}
}

// The returning people for reading name the events by title, not slug.
func TestReturningViewHasTitles(t *testing.T) {
	recs := sampleCampaign(t).ReturningView().Records()
	want := "[[username events event titles] [Ada Okafor 2 Women in Science Edit-a-thon; Wikidata Workshop]]"
	if got := fmt.Sprint(recs[:2]); got != want || len(recs) != 4 {
		t.Errorf("got %d rows, %s; want 4, %s", len(recs), got, want)
	}
}

// The campaign fetches the page views of the pages created during its
// events in its fetch step, keeps them in pageviews.csv, and a re-analysis
// of its folder has the same views.
func TestCampaignPageViews(t *testing.T) {
	a := sampleCampaign(t)
	v := a.Views()
	if v == nil || len(v.Pages) == 0 || v.Total() == 0 {
		t.Fatalf("the sample campaign has no page views: %+v", v)
	}
	dir := t.TempDir()
	if _, err := a.Share(dir, false); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "pageviews.csv")); err != nil {
		t.Errorf("no pageviews.csv: %v", err)
	}
	cs, err := engagement.OpenCampaign(context.Background(), engagement.Sample, engagement.WithDataFrom(dir), engagement.WithAsOf(a.Params.AsOf))
	if err != nil {
		t.Fatal(err)
	}
	b, err := cs.Analysis()
	if err != nil {
		t.Fatal(err)
	}
	if bv := b.Views(); bv == nil || bv.Total() != v.Total() || len(bv.Pages) != len(v.Pages) {
		t.Errorf("re-analysis views %+v; want %d views of %d pages", bv, v.Total(), len(v.Pages))
	}
}
