# Writes notebooks/workshop.ipynb and notebooks/retention.ipynb (without outputs).
# Edit the cells here, then run: python3 notebooks/make_notebooks.py
import json, sys

def nb(cells):
    out = []
    for kind, src in cells:
        src = src.strip("\n")
        lines = [l + "\n" for l in src.split("\n")]
        lines[-1] = lines[-1].rstrip("\n")
        if kind == "md":
            out.append({"cell_type": "markdown", "metadata": {}, "source": lines})
        else:
            out.append({"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": lines})
    return {"cells": out, "metadata": {"kernelspec": {"display_name": "Go (gonb)", "language": "go", "name": "gonb"},
            "language_info": {"codemirror_mode": "", "file_extension": ".go", "mimetype": "", "name": "go", "nbconvert_exporter": "", "pygments_lexer": "", "version": "go1.26"}},
            "nbformat": 4, "nbformat_minor": 5}

SETUP = '''!*go mod edit -replace "example.com/engagement=$(dirname "$(cd "$GONB_DIR" && go env GOMOD)")" -require example.com/engagement@v0.0.0-00010101000000-000000000000'''

HELPERS = '''import (
	"context"
	"fmt"
	"time"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/chart"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/report"
	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/nb"
)

// config is what every step uses to reach Wikimedia (see the cell above).
func config() engagement.Config {
	return engagement.Config{Contact: Contact, CacheDir: CacheDir}
}

// loadEvent loads and preprocesses the event (steps 2 to 4).
func loadEvent() *engagement.Event {
	ev, err := engagement.LoadEvent(context.Background(), config(), Course)
	if err != nil {
		panic(err)
	}
	return ev
}

// enrich fetches the contributions, from the cache when it has them.
func enrich(ev *engagement.Event, showProgress bool) *engagement.Data {
	var progress func(mwapi.Progress)
	bar := nb.NewProgress("Fetching contributions")
	if showProgress {
		progress = func(p mwapi.Progress) {
			bar.Update(p.UsersDone, p.UsersTotal, fmt.Sprintf("%d requests, %d from cache", p.Requests, p.CacheHits))
		}
	}
	d, err := engagement.Enrich(context.Background(), config(), ev, progress)
	if err != nil {
		panic(err)
	}
	if showProgress {
		bar.Done(d.Stats.String())
	}
	return d
}

// analyze computes every metric as of AsOf (or the event's natural as-of).
func analyze(ev *engagement.Event, d *engagement.Data) *metrics.Result {
	asOf := ev.AsOf(time.Now())
	if AsOf != "" {
		t, err := time.Parse("2006-01-02", AsOf)
		if err != nil {
			panic(err)
		}
		asOf = t
	}
	p := metrics.DefaultParams(asOf)
	p.NewEditorLookback = time.Duration(LookbackDays) * 24 * time.Hour
	p.LongTermEdits = LongTermEdits
	res, err := engagement.Analyze(ev, d, p)
	if err != nil {
		panic(err)
	}
	return res
}

// Keep these packages imported for the cells below.
var (
	_ = series.New
	_ = chart.Render
	_ = report.WriteHTML
)

func show(df dataframe.DataFrame, rows int, percent ...string) {
	if err := nb.ShowTable(df, &nb.TableOptions{Rows: rows, Percent: percent}); err != nil {
		panic(err)
	}
}'''

CONFIG = '''// ✏️ THE CELL TO EDIT. Course: "sample" (the embedded example, works offline), a Dashboard
// course URL such as "https://outreachdashboard.wmflabs.org/courses/School/Title_(Term)",
// or a folder holding course.json and users.json you downloaded.
var (
	Course  = "sample"
	Contact = "" // your email or user page: Wikimedia asks for it on live runs

	CacheDir      = "../.cache" // API answers are kept here, so a rerun asks Wikimedia nothing
	AsOf          = ""          // "YYYY-MM-DD" to look back from a fixed date; "" = now (the sample has its own)
	LookbackDays  = 14          // registered this many days before the start or later = new editor
	LongTermEdits = 500         // this many edits before the start = long-term editor
)'''

workshop = [
("md", '''# Workshop: how did your event's participants edit, and did they keep editing?

This notebook walks through an event tracked on the Programs & Events Dashboard, step by step:

1. **Set up** · 2. **Choose the event** · 3. **Load and first look** · 4. **Preprocess** · 5. **Enrich with the Wikimedia APIs** · 6. **Visualize** · 7. **Engagement after the event** · 8. **Share**

Run the cells from top to bottom (Shift+Enter). It works offline on the embedded sample event. To analyse **your** event, change only the cell marked ✏️ in section 2.'''),
("md", '''## 1. Set up
The first cell lets this notebook use the `engagement` library from this folder, wherever you cloned it. Nothing to change here.'''),
("code", SETUP),
("md", '''## 2. Choose the event
✏️ **Edit this cell** to analyse your own event: put its Dashboard URL in `Course` and your email (or user page) in `Contact`. The course must be public.'''),
("code", CONFIG),
("md", '''The next cell loads the library and defines four small helpers the steps below use. Nothing to change there.'''),
("code", HELPERS),
("md", '''## 3. Load the Dashboard data and take a first look
The course's dates and wikis come from the Dashboard, with its own totals (the Dashboard rounds some of them, e.g. "1.59K").'''),
("code", '''%%
ev := loadEvent()
c := ev.Course
nb.ShowMarkdown(fmt.Sprintf("**%s** · %s – %s · wikis: %v\\n\\nDashboard totals: %d editors, %d articles, %s edits, %s articles created, %s words added.",
	c.Title, c.Start.Format("2 Jan 2006"), c.End.Format("2 Jan 2006"), c.Domains(), c.StudentCount, c.ArticleCount, c.EditCount, c.CreatedCount, c.WordCount))
show(engagement.ParticipantsFrame(ev), 10)'''),
("md", '''## 4. Preprocess
Usernames are put in MediaWiki's canonical form (`jane_doe` → `Jane doe`), the same person enrolled twice is counted once, and some participants are **kept in the table but left out of the numbers**, each with a reason: facilitators, invalid usernames, accounts that no longer exist, bots. This table shows them.'''),
("code", '''%%
ev := loadEvent()
df := engagement.ParticipantsFrame(ev)
left := df.Filter(dataframe.F{Colname: engagement.ColExcluded, Comparator: "!=", Comparando: ""})
nb.ShowMarkdown(fmt.Sprintf("%d distinct participants; %d set aside at this step (accounts not found and bots are found in the next step).", df.Nrow(), left.Nrow()))
show(left, 20)'''),
("md", '''## 5. Enrich with the Wikimedia APIs
Each participant's contributions on the course wikis are fetched from the MediaWiki API: 50 users per request, politely (one request at a time per wiki), and kept in a cache, so running this cell again asks Wikimedia nothing. If some users could not be fetched, the notebook keeps the others and lists who failed and why.'''),
("code", '''%%
ev := loadEvent()
d := enrich(ev, true)
nb.ShowMarkdown(fmt.Sprintf("%d contributions of %d accounts. %s", len(d.Contributions), len(d.Accounts), d.Stats))
for _, n := range d.Notes {
	nb.ShowMarkdown("Note: " + n)
}
if s := d.FailureSummary(); s != "" {
	nb.ShowMarkdown("**" + s + "**")
}'''),
("md", '''## 6. Visualize
Who took part, how much each participant edited during the event, where they edited, and how editing evolved month by month around the event.'''),
("code", '''%%
ev := loadEvent()
d := enrich(ev, false)
res := analyze(ev, d)
charts, skipped := engagement.Charts(ev, d, res)
for _, c := range charts {
	if c.Name == "retention" || c.Name == "cohort" {
		continue // shown in the next section
	}
	nb.ShowMarkdown("### " + c.Title + "\\n" + c.Caption)
	if err := nb.ShowPlot(c.Plot, c.Name); err != nil {
		panic(err)
	}
}
for _, e := range skipped {
	nb.ShowMarkdown("Chart left out: " + e.Error())
}'''),
("md", '''## 7. Engagement after the event
The headline numbers, then retention: the share of each group still editing 7, 30, 60, 90, 180 and 365 days after the event, with a 95% interval (with small groups the interval matters more than the percentage). "—" means not yet observable. `retention.ipynb` compares every definition in depth.'''),
("code", '''%%
ev := loadEvent()
d := enrich(ev, false)
res := analyze(ev, d)
show(engagement.Headline(res), 20)
charts, _ := engagement.Charts(ev, d, res)
for _, c := range charts {
	if c.Name == "retention" || c.Name == "cohort" {
		nb.ShowMarkdown("### " + c.Title + "\\n" + c.Caption)
		if err := nb.ShowPlot(c.Plot, c.Name); err != nil {
			panic(err)
		}
	}
}'''),
("md", '''Every metric, with its numerator, denominator and interval (an analyst can filter this DataFrame):'''),
("code", '''%%
res := analyze(loadEvent(), enrich(loadEvent(), false))
show(engagement.MetricsFrame(res), 60, engagement.ColValue, engagement.ColCILow, engagement.ColCIHigh)'''),
("md", '''## 8. Share
Writes the CSV files and a one-file HTML report (charts inside, opens without a network) into `out/` at the top of this folder. Set `pseudonymize` to `true` to replace usernames with stable pseudonyms in the report and the files.'''),
("code", '''%%
pseudonymize := false
ev := loadEvent()
d := enrich(ev, false)
res := analyze(ev, d)
var pseudo *report.Pseudonymizer
outData, outRes := d, res
if pseudonymize {
	pseudo = report.NewPseudonymizer(report.RandomKey())
	cp := *d
	cp.Contributions, cp.Accounts = pseudo.Contributions(d.Contributions), pseudo.Accounts(d.Accounts)
	outData, outRes = &cp, pseudo.Result(res)
}
files, err := engagement.WriteOutputs("../out", outData, outRes)
if err != nil {
	panic(err)
}
more, err := engagement.WriteReport("../out", ev, d, res, pseudo)
if err != nil {
	panic(err)
}
nb.ShowMarkdown(fmt.Sprintf("Wrote %d files into `out/`, among them **out/report.html**.", len(files)+len(more)))'''),
]

retention = [
("md", '''# After the event: every retention definition side by side

Organizers' tools count "retention" differently. This notebook computes them all from the same contributions and shows how the parameters change the numbers. It runs offline on the embedded sample; change the ✏️ cell for your own event.'''),
("code", SETUP),
("code", CONFIG),
("code", HELPERS),
("md", '''## The definitions, side by side
- **Event Metrics' 7-day retention**: new editors with an edit 7+ days after the end (`retention_7d`, segment new). Event Metrics counts everyone as retained while the 7 days have not passed; here that is "—".
- **The Dashboard's retained new editors**: registered *during* the event, main-namespace edit on the *home wiki* 7+ days after the end (a count).
- **WMF surviving new editors**: an edit in the first day after registering and another 30–60 days later; accounts too young are censored.
- **Month-by-month activity** (`active_m1..24`) and **WMF active editors** (5+ content edits in a 30-day window, `active_editor_m1..24`).'''),
("code", '''%%
res := analyze(loadEvent(), enrich(loadEvent(), false))
var names, segs, values, details []string
for _, m := range []string{"retention_7d", "retention_30d", "retention_90d", "retention_365d", metrics.MetricRetainedNewEditorsDashboard, metrics.MetricSurvivingNewEditors, "active_m1", "active_m6", "active_m12", "active_editor_m1", "active_editor_m12"} {
	for _, row := range res.Rows {
		if row.Metric == m && (row.Segment == metrics.SegmentNew || row.Segment == metrics.SegmentAll && m == metrics.MetricRetainedNewEditorsDashboard) {
			names, segs = append(names, m), append(segs, string(row.Segment))
			values, details = append(values, engagement.FormatValue(row)), append(details, engagement.FormatDetail(row))
		}
	}
}
show(dataframe.New(series.New(names, series.String, "metric"), series.New(segs, series.String, "segment"),
	series.New(values, series.String, "value"), series.New(details, series.String, "detail")), 30)'''),
("md", '''## The curve and the heat map
New editors usually fall off quickly; experienced participants keep editing. The bands are 95% intervals.'''),
("code", '''%%
ev := loadEvent()
d := enrich(ev, false)
res := analyze(ev, d)
if p, err := chart.RetentionCurve(res.Rows); err == nil {
	nb.ShowPlot(p, "retention")
} else {
	nb.ShowMarkdown(err.Error())
}
for _, m := range []string{"active", "active_editor"} {
	if p, err := chart.CohortHeatmap(res.Rows, m, 12); err == nil {
		nb.ShowPlot(p, "cohort_"+m)
	} else {
		nb.ShowMarkdown(err.Error())
	}
}'''),
("md", '''## New versus experienced, month by month
Calendar months from six months before the event to the as-of date: participants editing, WMF active editors (5+ content edits in the month) and retained editors (edited the month before too).'''),
("code", '''%%
res := analyze(loadEvent(), enrich(loadEvent(), false))
df := engagement.MonthlyFrame(res).Filter(dataframe.F{Colname: engagement.ColSegment, Comparator: "!=", Comparando: "all"})
show(df, 24)
if p, err := chart.MonthlyActive(res.Monthly, loadEvent().MetricsEvent()); err == nil {
	nb.ShowPlot(p, "monthly_editors")
}'''),
("md", '''## How the parameters change the numbers
The 14-day look-back decides who counts as *new*; the long-term threshold decides who is flagged as long-term. Here is 7-day and 90-day retention of new editors for several look-backs.'''),
("code", '''%%
ev := loadEvent()
d := enrich(ev, false)
var looks, nNew, r7, r90 []string
for _, days := range []int{0, 7, 14, 30, 60} {
	p := metrics.DefaultParams(ev.AsOf(time.Now()))
	p.NewEditorLookback = time.Duration(days) * 24 * time.Hour
	res, err := engagement.Analyze(ev, d, p)
	if err != nil {
		panic(err)
	}
	n, _ := engagement.FindRow(res, metrics.MetricParticipants, metrics.SegmentNew)
	a, _ := engagement.FindRow(res, "retention_7d", metrics.SegmentNew)
	b, _ := engagement.FindRow(res, "retention_90d", metrics.SegmentNew)
	looks = append(looks, fmt.Sprint(days))
	nNew, r7, r90 = append(nNew, engagement.FormatValue(n)), append(r7, engagement.FormatValue(a)+" ("+engagement.FormatDetail(a)+")"), append(r90, engagement.FormatValue(b))
}
show(dataframe.New(series.New(looks, series.String, "look-back days"), series.New(nNew, series.String, "new editors"),
	series.New(r7, series.String, "retention 7 d"), series.New(r90, series.String, "retention 90 d")), 10)'''),
("code", '''%%
ev := loadEvent()
d := enrich(ev, false)
var th, long []string
for _, t := range []int{100, 250, 500, 1000} {
	p := metrics.DefaultParams(ev.AsOf(time.Now()))
	p.LongTermEdits = t
	res, err := engagement.Analyze(ev, d, p)
	if err != nil {
		panic(err)
	}
	row, _ := engagement.FindRow(res, metrics.MetricLongTerm, metrics.SegmentExperienced)
	th, long = append(th, fmt.Sprint(t)), append(long, engagement.FormatValue(row))
}
show(dataframe.New(series.New(th, series.String, "long-term threshold (edits before)"), series.New(long, series.String, "long-term participants")), 10)'''),
]

json.dump(nb(workshop), open("notebooks/workshop.ipynb", "w"), indent=1, ensure_ascii=False)
json.dump(nb(retention), open("notebooks/retention.ipynb", "w"), indent=1, ensure_ascii=False)
