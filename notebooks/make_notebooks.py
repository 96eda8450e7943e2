# Writes notebooks/workshop.ipynb, notebooks/retention.ipynb,
# notebooks/explore.ipynb and notebooks/campaign.ipynb (without outputs).
# Edit the cells here, then run: python3 notebooks/make_notebooks.py
# Rules the CI checks (notebooks/check.sh): no code cell over 15 lines, no
# panic(, no blank-identifier import keepers.
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))


def nb(cells):
    out = []
    for i, (kind, src) in enumerate(cells):
        src = src.strip("\n")
        cell_id = "cell-%02d" % i  # nbformat 4.5 wants a unique id per cell
        lines = [l + "\n" for l in src.split("\n")]
        lines[-1] = lines[-1].rstrip("\n")
        if kind == "md":
            out.append({"cell_type": "markdown", "id": cell_id, "metadata": {}, "source": lines})
        else:
            out.append({"cell_type": "code", "execution_count": None, "id": cell_id, "metadata": {}, "outputs": [], "source": lines})
    return {"cells": out, "metadata": {"kernelspec": {"display_name": "Go (gonb)", "language": "go", "name": "gonb"},
            "language_info": {"codemirror_mode": "", "file_extension": ".go", "mimetype": "", "name": "go", "nbconvert_exporter": "", "pygments_lexer": "", "version": "go1.26"}},
            "nbformat": 4, "nbformat_minor": 5}


CONFIG = '''// ✏️ THE CELL TO EDIT. Course: "sample" (the embedded example, works offline), a Dashboard
// course URL such as "https://outreachdashboard.wmflabs.org/courses/School/Title_(Term)",
// or a folder holding course.json and users.json you downloaded.
var (
	Course  = "sample"
	Contact = "" // your email or user page: Wikimedia asks for it on live runs

	CacheDir      = "../.cache" // answers are kept here: a rerun asks nobody anything, and works offline
	AsOf          = ""          // "YYYY-MM-DD" to look back from a fixed date; "" = now (the sample has its own)
	LookbackDays  = 14          // registered this many days before the start or later = new editor
	LongTermEdits = 500         // this many edits before the start = long-term editor
	From          = ""          // a folder of a previous run's CSV files to re-analyse instead of asking Wikimedia
)'''


def session(*imports):
    return SESSION.replace("IMPORTS", "".join("\t\"%s\"\n" % i for i in imports))


SESSION = '''import (
IMPORTS	"example.com/engagement/engagement"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/nb"
)

// s is your event. Every cell below opens it again, from the cache, in milliseconds.
var s = nb.Must(engagement.Open(context.Background(), Course,
	engagement.WithContact(Contact), engagement.WithCacheDir(CacheDir), engagement.WithAsOfDate(AsOf),
	engagement.WithLookbackDays(LookbackDays), engagement.WithLongTermEdits(LongTermEdits),
	engagement.WithDataFrom(From), engagement.WithProgressBar()))'''

SESSION_MD = '''The next cell opens the event with these settings as `s`, the session every later cell uses. Nothing to change there: if something is wrong, it says which ✏️ setting to change.'''

REQUESTS = '''%%
nb.Must(s.Analysis())
nb.ShowMarkdown("Requests sent by this cell: " + s.Requests().String())'''

workshop = [
("md", '''# Workshop: how did your event's participants edit, and did they keep editing?

This notebook walks through an event tracked on the Programs & Events Dashboard, step by step:

1. **Set up** · 2. **Choose the event** · 3. **Load and first look** · 4. **Preprocess** · 5. **Enrich with the Wikimedia APIs** · 6. **Visualize** · 7. **Engagement after the event** · 8. **Share**

Run the cells from top to bottom (Shift+Enter). It works offline on the embedded sample event. To analyse **your** event, change only the cell marked ✏️ in section 2.'''),
("md", '''## 1. Set up
Nothing to run: the kernel "Go (gonb)" that Binder, the hub image or `bash notebooks/setup.sh` installed lets every notebook use the `engagement` library from this folder, wherever you cloned it. Your own notebooks can `import "example.com/engagement/engagement"` too.'''),
("md", '''## 2. Choose the event
✏️ **Edit this cell** to analyse your own event: put its Dashboard URL in `Course` and your email (or user page) in `Contact`. The course must be public.'''),
("code", CONFIG),
("md", SESSION_MD),
("code", session("github.com/go-gota/gota/dataframe")),
("md", '''## 3. Load the Dashboard data and take a first look
The course's dates and wikis come from the Dashboard, with its own totals (the Dashboard rounds some of them, e.g. "1.59K"). Then the first participants.'''),
("code", '''%%
nb.ShowMarkdown(s.Event().EventSummary())
nb.ShowTable(engagement.ParticipantsFrame(s.Event()), &nb.TableOptions{Rows: 10})'''),
("md", '''## 4. Preprocess
Usernames are put in MediaWiki's canonical form (`jane_doe` → `Jane doe`), the same person enrolled twice is counted once, and some participants are **kept in the table but left out of the numbers**, each with a reason: facilitators, invalid usernames. Accounts not found and bots are found in the next step, whose output names them. This table shows the ones known now.'''),
("code", '''%%
df := engagement.ParticipantsFrame(s.Event())
nb.ShowTable(df.Filter(dataframe.F{Colname: engagement.ColExcluded, Comparator: "!=", Comparando: ""}), nil)'''),
("md", '''## 5. Enrich with the Wikimedia APIs
Each participant's contributions on the course wikis are fetched from the MediaWiki API: 50 users per request, politely (one request at a time per wiki), and kept in the cache, so running this cell again asks Wikimedia nothing. If some participants could not be fetched, a banner says so: they are left out of the numbers (never counted as not editing), and the list says who and why.'''),
("code", '''%%
a := nb.Must(s.Analysis())
nb.ShowMarkdown(a.FetchSummary())'''),
("md", '''## 6. Visualize
Who took part, how much each participant edited during the event, how editing evolved month by month around the event, and where they edited.'''),
("code", '''%%
a := nb.Must(s.Analysis())
a.ShowCharts("participants", "edits_per_participant", "monthly_edits", "monthly_editors", "content", "namespaces")'''),
("md", '''## 7. Engagement after the event
The headline numbers, then retention: the share of each group still editing 7, 30, 60, 90, 180 and 365 days after the event, with a 95% interval (with small groups the interval matters more than the percentage). "—" means not yet observable. `retention.ipynb` compares every definition in depth.'''),
("code", '''%%
a := nb.Must(s.Analysis())
nb.ShowMetrics(a.Headline())
a.ShowCharts("retention", "cohort")'''),
("md", '''Every metric, with its numerator, denominator and interval: counts as counts, shares as percentages. `a.Metrics()` is a DataFrame you can filter (see `explore.ipynb`).'''),
("code", '''%%
nb.ShowMetrics(nb.Must(s.Analysis()).Metrics())'''),
("md", '''How often the pages created during the event were read, from the event's start to the day before the as-of (the Wikimedia page views service, fetched with the contributions and kept in the cache). A page whose views could not be fetched is counted as such, never as zero views.'''),
("code", '''%%
a := nb.Must(s.Analysis())
nb.ShowMarkdown(a.ViewsSummary())
nb.ShowTable(a.PageViewsFrame(), &nb.TableOptions{Rows: 10})'''),
("md", '''## 8. Share
Writes the CSV files, the charts and a one-file HTML report (charts inside, opens without a network) into `out/` at the top of this folder. Set `pseudonymize` to `true` to replace usernames with stable pseudonyms in the report and the files.'''),
("code", '''%%
pseudonymize := false
files := nb.Must(nb.Must(s.Analysis()).Share("../out", pseudonymize))
nb.ShowMarkdown(fmt.Sprintf("Wrote %d files into `out/`, among them **out/report.html**.", len(files)))'''),
("md", '''Running this notebook again sends no request: everything comes from the cache.'''),
("code", REQUESTS),
]

retention = [
("md", '''# After the event: every retention definition side by side

Organizers' tools count "retention" differently. This notebook computes them all from the same contributions and shows how the parameters change the numbers. It runs offline on the embedded sample; change the ✏️ cell for your own event.'''),
("code", CONFIG),
("md", SESSION_MD),
("code", session("example.com/engagement/engagement/chart")),
("md", '''## The definitions, side by side
- **Event Metrics' 7-day retention**: new editors with an edit 7+ days after the end (`retention_7d`, segment new). Event Metrics counts everyone as retained while the 7 days have not passed; here that is "—".
- **The Dashboard's retained new editors**: registered *during* the event, main-namespace edit on the *home wiki* 7+ days after the end (a count).
- **WMF surviving new editors**: an edit in the first day after registering and another 30–60 days later; accounts too young are censored.
- **Month-by-month activity** (`active_m1..24`) and **WMF active editors** (5+ content edits in a 30-day window, `active_editor_m1..24`).'''),
("code", '''%%
names := []string{metrics.RetentionMetric(7), metrics.RetentionMetric(30), metrics.RetentionMetric(90), metrics.RetentionMetric(365),
	metrics.MetricRetainedNewEditorsDashboard, metrics.MetricSurvivingNewEditors,
	metrics.ActiveMetric(1), metrics.ActiveMetric(6), metrics.ActiveMetric(12), metrics.ActiveEditorMetric(1), metrics.ActiveEditorMetric(12)}
df := engagement.WithMetric(nb.Must(s.Analysis()).Metrics(), names...)
nb.ShowMetrics(engagement.InSegment(df, metrics.SegmentNew, metrics.SegmentAll))'''),
("md", '''## The curve and the heat maps
New editors usually fall off quickly; experienced participants keep editing. The bands are 95% intervals. The second heat map counts WMF active editors (5+ content edits in the window) instead of any edit.'''),
("code", '''%%
a := nb.Must(s.Analysis())
a.ShowCharts("retention", "cohort")
nb.Draw(chart.CohortHeatmap(a.Result.Rows, "active_editor", 12)).Show("cohort_active_editor")'''),
("md", '''## New versus experienced, month by month
Calendar months from six months before the event to the as-of date: participants editing, WMF active editors (5+ content edits in the month) and retained editors (edited the month before too).'''),
("code", '''%%
a := nb.Must(s.Analysis())
nb.ShowTable(engagement.InSegment(a.Monthly(), metrics.SegmentNew, metrics.SegmentExperienced), &nb.TableOptions{All: true})
a.ShowCharts("monthly_editors")'''),
("md", '''## How the parameters change the numbers
The look-back decides who counts as *new*; the long-term threshold decides who is flagged as long-term. Each sweep changes one parameter and keeps the others from the ✏️ cell (as-of, the other threshold).'''),
("code", '''%%
newRows := []engagement.MetricRef{
	{Metric: metrics.MetricParticipants, Segment: metrics.SegmentNew},
	{Metric: metrics.RetentionMetric(7), Segment: metrics.SegmentNew},
	{Metric: metrics.RetentionMetric(90), Segment: metrics.SegmentNew},
}
nb.ShowMetrics(nb.Must(s.Sweep(engagement.SettingLookbackDays, []int{0, 7, LookbackDays, 30, 60}, newRows...)))'''),
("code", '''%%
longTerm := engagement.MetricRef{Metric: metrics.MetricLongTerm, Segment: metrics.SegmentExperienced}
nb.ShowMetrics(nb.Must(s.Sweep(engagement.SettingLongTermEdits, []int{100, 250, LongTermEdits, 1000}, longTerm)))'''),
("md", '''## Is it good? Compared with newcomers who did not come
Is 14% good? The same numbers for people who were *not* at the event: accounts that registered themselves on the home wiki in the same window as the event's new editors, edited it within a day of registering, are not in the roster and are not bots. When more qualify, a random sample (fixed seed, so the same every run) is measured exactly as the new editors are. The difference comes with its 95% interval. It describes; it does not prove the event's effect: people who come to events differ from those who do not.'''),
("code", '''%%
BaselineSize := 500 // ✏️ most comparable newcomers to sample (a live wiki costs requests for the sample only)
a := nb.Must(s.AnalysisWithBaseline(BaselineSize))
a.ShowBaseline()'''),
("code", REQUESTS),
]

explore = [
("md", '''# Explore: your own questions, a few lines each

Every table here is a DataFrame (github.com/go-gota/gota) with numeric columns, and a filtered frame goes back into `s.Analyze` for a new analysis with the same definitions. Runs offline on the sample; change the ✏️ cell for your own event.'''),
("code", CONFIG),
("md", SESSION_MD),
("code", session("github.com/go-gota/gota/dataframe", "example.com/engagement/engagement/chart")),
("md", '''## The frames
`a.Participants()`, `a.Contributions()`, `a.Accounts()`, `a.Pages()`, `a.Metrics()`, `a.Monthly()`. Edits during the event per wiki and namespace:'''),
("code", '''%%
a := nb.Must(s.Analysis())
nb.ShowTable(engagement.CountBy(engagement.InPeriod(a.Contributions(), metrics.During), engagement.ColWiki, engagement.ColNS), nil)'''),
("md", '''## What the headline counts
The table above counts every row: the facilitator's and the bot's edits too, in every namespace. The headline counts only the participants in the numbers (`included`), and its pages created are content pages (`content`). Grouped by those two columns, the frame gives the headline's numbers.'''),
("code", '''%%
a := nb.Must(s.Analysis())
nb.ShowTable(engagement.CountBy(engagement.InPeriod(a.Contributions(), metrics.During), engagement.ColIncluded, engagement.ColContent), nil)
counted := engagement.InPeriod(engagement.Included(a.Contributions()), metrics.During)
edits, _ := engagement.FindRow(a.Result, metrics.MetricEditsDuring, metrics.SegmentAll)
created, _ := engagement.FindRow(a.Result, metrics.MetricPagesCreatedDuring, metrics.SegmentAll)
nb.ShowMarkdown(fmt.Sprintf("Included participants: **%d edits** during the event (the headline: %v); content pages they created: **%d** (the headline: %v).",
	counted.Nrow(), edits.Value, engagement.Created(engagement.InContent(counted)).Nrow(), created.Value))'''),
("md", '''## One wiki only
The contributions on English Wikipedia only, analysed again: every metric, same definitions.'''),
("code", '''%%
a := nb.Must(s.Analysis())
enwiki := nb.Must(s.Analyze(s.Params(), engagement.OnWiki(a.Contributions(), "en.wikipedia.org")))
nb.ShowMetrics(enwiki.Headline())'''),
("md", '''## New editors only
The participants frame filtered to new editors, analysed again; then their most edited pages during the event.'''),
("code", '''%%
a := nb.Must(s.Analysis())
newOnly := nb.Must(s.Analyze(s.Params(), engagement.InSegment(a.Participants(), metrics.SegmentNew)))
nb.ShowMetrics(newOnly.Headline())
nb.ShowTable(newOnly.Pages(), &nb.TableOptions{Rows: 10})'''),
("md", '''## Save any frame as CSV
One line: `nb.SaveCSV(frame, path)`. The folder is made if needed, the file is replaced whole or not at all, and a text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is written with a leading `'` (`dataset.Unprotect` reads it back).'''),
("code", '''%%
a := nb.Must(s.Analysis())
nb.Check(nb.SaveCSV(a.Pages(), "../out/explore/pages_during.csv"))'''),
("md", '''## A custom retention window
The share of new editors with an edit 14 or more days after the end (and up to the as-of date), straight from the frames.'''),
("code", '''%%
Days := 14
a := nb.Must(s.Analysis())
from := s.Event().Course.End.Add(time.Duration(Days) * 24 * time.Hour)
after := engagement.InSegment(engagement.Between(a.Contributions(), from, s.AsOf().Add(time.Second)), metrics.SegmentNew)
kept, all := engagement.PerParticipant(after).Nrow(), engagement.InSegment(a.Participants(), metrics.SegmentNew).Nrow()
nb.ShowMarkdown(fmt.Sprintf("%d of %d new editors edited %d+ days after the end: **%.1f %%**", kept, all, Days, 100*float64(kept)/float64(all)))'''),
("md", '''The same window as a metric, with its 95% interval: set `RetentionDays` in the parameters and the headline shows every window set.'''),
("code", '''%%
p := s.Params()
p.RetentionDays = []int{14, 730}
nb.ShowMetrics(nb.Must(s.Analyze(p)).Headline())'''),
("md", '''## Custom charts from a frame
`chart.Bar`, `chart.Line`, `chart.Hist` and `chart.Heatmap` take a frame and column names, seaborn-style (`chart.Hue` colours by a column). Bytes added during the event by the 15 participants who added most; then how many edits participants made, new against experienced.'''),
("code", '''%%
per := engagement.PerParticipant(engagement.InPeriod(nb.Must(s.Analysis()).Contributions(), metrics.During))
top := engagement.Head(per.Arrange(dataframe.RevSort(engagement.ColBytesAdded)), 15)
nb.Draw(chart.Bar(top, engagement.ColUsername, engagement.ColBytesAdded, chart.Title("Bytes added during the event"))).Show("bytes_per_participant")'''),
("code", '''%%
ps := engagement.InSegment(nb.Must(s.Analysis()).Participants(), metrics.SegmentNew, metrics.SegmentExperienced)
nb.Draw(chart.Hist(ps, engagement.ColEditsDuring, chart.Hue(engagement.ColSegment))).Show("edits_during_hist")'''),
("code", REQUESTS),
]

CAMPAIGN_CONFIG = '''// ✏️ THE CELL TO EDIT. Campaign: "sample" (two events of the embedded sample, a copy of
// engagement/testdata/campaign, works offline), a Dashboard campaign URL such as
// "https://outreachdashboard.wmflabs.org/campaigns/wikigap_2019", or a folder holding
// campaign.json, users.json and courses/<School>/<Title>/course.json and users.json.
var (
	Campaign = "sample"
	Contact  = "" // your email or user page: Wikimedia asks for it on live runs

	CacheDir     = "../.cache" // answers are kept here: a rerun asks nobody anything, and works offline
	AsOf         = ""          // "YYYY-MM-DD" to look back from a fixed date; "" = now (the sample has its own)
	LookbackDays = 14          // registered this many days before an event's start or later = new editor there
	From         = ""          // a folder of a previous run's CSV files to re-analyse instead of asking Wikimedia
)'''

CAMPAIGN_SESSION = '''import (
	"example.com/engagement/engagement"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/nb"
)

// cs is your campaign. Every cell below opens it again, from the cache, in milliseconds.
var cs = nb.Must(engagement.OpenCampaign(context.Background(), Campaign,
	engagement.WithContact(Contact), engagement.WithCacheDir(CacheDir), engagement.WithAsOfDate(AsOf),
	engagement.WithLookbackDays(LookbackDays), engagement.WithDataFrom(From), engagement.WithProgressBar()))'''

campaign = [
("md", '''# Campaign: how do your events compare, and who keeps coming back?

A campaign on the Programs & Events Dashboard groups events: a series of edit-a-thons, a year of workshops. This notebook sets its events side by side (participants, new editors, and how many of those were still editing 7, 30 and 90 days later, each with its 95% interval), finds the people who came to more than one, and counts the campaign as a whole, each person once.

It runs offline on a sample campaign of two events. To analyse **your** campaign, change only the cell marked ✏️.'''),
("md", '''## Choose the campaign
✏️ **Edit this cell**: put the campaign's Dashboard URL in `Campaign` (the address of its page, e.g. `https://outreachdashboard.wmflabs.org/campaigns/wikigap_2019`, or `/programs` after it) and your email (or user page) in `Contact`. The campaign's courses are found through its enrolments: a course with nobody enrolled is not listed by the Dashboard.'''),
("code", CAMPAIGN_CONFIG),
("md", '''The next cell opens the campaign as `cs`: the campaign's page, its enrolments and each course are asked of the Dashboard once and kept in the cache. A course that cannot be loaded is named and left out of every number, never counted as a course without participants.'''),
("code", CAMPAIGN_SESSION),
("md", '''## The events and what was fetched
Each person is fetched once per wiki, however many events they came to.'''),
("code", '''%%
nb.ShowMarkdown(nb.Must(cs.Analysis()).Summary())'''),
("md", '''## The events side by side
Each event's own numbers, in order of start: its participants, its new editors, the people who also came to another event, and the share of its new editors who edited again 7, 30 and 90 days after its end (with how many of how many, and the 95% interval). Empty means not yet observable, or no new editors; the note says which. With small groups, read the intervals: two events whose intervals overlap widely may not differ at all. `a.Comparison()` holds the same numbers as numbers (comparison.csv), to filter or chart.'''),
("code", '''%%
a := nb.Must(cs.Analysis())
nb.ShowTable(a.ComparisonView(), nil)
nb.Check(a.ShowChart())'''),
("md", '''## Who keeps coming back
The people who took part in two or more events as participants (facilitators of any event are left out), with their events in order.'''),
("code", '''%%
nb.ShowTable(nb.Must(cs.Analysis()).ReturningView(), nil)'''),
("md", '''## The campaign as a whole
Each person counted once, measured from the end of the first event they took part in, and new if new then. `returning_participants` counts the people above. Every row of each event's own analysis is in `a.Events()` (events.csv).'''),
("code", '''%%
c := nb.Must(cs.Analysis()).Combined()
nb.ShowMetrics(engagement.Headline(c))
nb.ShowMetrics(engagement.WithMetric(engagement.MetricsFrame(c), metrics.MetricReturningParticipants))'''),
("md", '''## Share
Writes report.html (the events side by side, the returning participants, the combined numbers), comparison.csv, returning.csv, events.csv and the combined campaign's CSV files into `out/campaign/` at the top of this folder. Set `pseudonymize` to `true` to replace usernames with stable pseudonyms everywhere.'''),
("code", '''%%
pseudonymize := false
files := nb.Must(nb.Must(cs.Analysis()).Share("../out/campaign", pseudonymize))
nb.ShowMarkdown(fmt.Sprintf("Wrote %d files into `out/campaign/`, among them **out/campaign/report.html**.", len(files)))'''),
("md", '''Running this notebook again sends no request: everything comes from the cache.'''),
("code", '''%%
nb.Must(cs.Analysis())
nb.ShowMarkdown("Requests sent by this cell: " + cs.Requests().String())'''),
]

for name, cells in [("workshop", workshop), ("retention", retention), ("explore", explore), ("campaign", campaign)]:
    with open(os.path.join(HERE, name + ".ipynb"), "w") as f:
        json.dump(nb(cells), f, indent=1, ensure_ascii=False)
        f.write("\n")
