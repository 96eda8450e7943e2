# Writes notebooks/workshop.ipynb, notebooks/retention.ipynb,
# notebooks/explore.ipynb and notebooks/campaign.ipynb (without outputs), in
# English, and the same notebooks in Spanish, French and Portuguese in
# notebooks/es/, notebooks/fr/ and notebooks/pt/. Edit the code cells here and
# the prose (the markdown cells) in notebooks/i18n/en.json, then run:
#   python3 notebooks/make_notebooks.py
# The prose of every language is in notebooks/i18n/<lang>.json, MediaWiki's
# message format (as engagement/i18n), one message per markdown cell, each
# documented in qqq.json. The code cells are the same in every language but
# the ✏️ cell's Language, which is the folder's.
# Rules the CI checks (notebooks/check.sh): no code cell over 15 lines, no
# panic(, no blank-identifier import keepers.
import json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
LANGUAGES = ["en", "es", "fr", "pt"]  # en: notebooks/, the others: notebooks/<lang>/


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


CONFIG = '''// ✏️
import "example.com/engagement/engagement"

var Settings = engagement.Settings{
	Course:        "sample",
	Contact:       "",
	Language:      "en",
	CacheDir:      "../.cache",
	AsOf:          "",
	LookbackDays:  14,
	LongTermEdits: 500,
	From:          "",
	Offline:       false,
}'''


def session(*imports):
    return SESSION.replace("IMPORTS", "".join("\t\"%s\"\n" % i for i in imports))


SESSION = '''import (
IMPORTS	"example.com/engagement/engagement"
	"example.com/engagement/engagement/frame"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/nb"
)

var s = nb.Must(engagement.Open(context.Background(), Settings.Course,
	engagement.WithProgressBar(), engagement.WithSettings(Settings)))'''

REQUESTS = '''%%
nb.Must(s.Analysis())
nb.ShowMarkdown(s.RequestsNote())'''

workshop = [
("md", "workshop-intro"),
("md", "workshop-setup"),
("md", "workshop-choose"),
("md", "settings"),
("code", CONFIG),
("md", "session"),
("code", session("github.com/go-gota/gota/dataframe")),
("md", "workshop-first-look"),
("code", '''%%
nb.ShowMarkdown(s.EventSummary())
nb.ShowTable(s.Roster(), &nb.TableOptions{Rows: 10, Language: Settings.Language})'''),
("md", "workshop-preprocess"),
("code", '''%%
df := s.Roster()
nb.ShowTable(df.Filter(dataframe.F{Colname: frame.ColExcluded, Comparator: "!=", Comparando: ""}), &nb.TableOptions{Language: Settings.Language})'''),
("md", "workshop-enrich"),
("code", '''%%
a := nb.Must(s.Analysis())
nb.ShowMarkdown(a.FetchSummary())'''),
("md", "workshop-visualize"),
("code", '''%%
a := nb.Must(s.Analysis())
a.ShowCharts("participants", "edits_per_participant", "monthly_edits", "monthly_editors", "content", "namespaces")'''),
("md", "workshop-after"),
("code", '''%%
a := nb.Must(s.Analysis())
nb.ShowMetricsIn(Settings.Language, a.Headline())
a.ShowCharts("retention", "cohort")'''),
("md", "workshop-metrics"),
("code", '''%%
nb.ShowMetricsIn(Settings.Language, nb.Must(s.Analysis()).Metrics())'''),
("md", "workshop-views"),
("code", '''%%
a := nb.Must(s.Analysis())
nb.ShowMarkdown(a.ViewsSummary())
nb.ShowTable(a.PageViewsFrame(), &nb.TableOptions{Rows: 10, Language: Settings.Language})'''),
("md", "workshop-share"),
("code", '''%%
pseudonymize := false
files := nb.Must(nb.Must(s.Analysis()).Share("../out", pseudonymize))
nb.ShowMarkdown(fmt.Sprintf("**../out/report.html** · `../out` (%d)", len(files)))'''),
("md", "rerun"),
("code", REQUESTS),
]

retention = [
("md", "retention-intro"),
("md", "settings"),
("code", CONFIG),
("md", "session"),
("code", session("example.com/engagement/engagement/chart")),
("md", "retention-definitions"),
("code", '''%%
names := []string{metrics.RetentionMetric(7), metrics.RetentionMetric(30), metrics.RetentionMetric(90), metrics.RetentionMetric(365),
	metrics.MetricRetainedNewEditorsDashboard, metrics.MetricSurvivingNewEditors,
	metrics.ActiveMetric(1), metrics.ActiveMetric(6), metrics.ActiveMetric(12), metrics.ActiveEditorMetric(1), metrics.ActiveEditorMetric(12)}
df := frame.WithMetric(nb.Must(s.Analysis()).Metrics(), names...)
nb.ShowMetricsIn(Settings.Language, frame.InSegment(df, metrics.SegmentNew, metrics.SegmentAll))'''),
("md", "retention-curves"),
("code", '''%%
a := nb.Must(s.Analysis())
a.ShowCharts("retention", "cohort")
nb.Draw(chart.CohortHeatmap(a.Result.Rows, "active_editor", 12)).Show("cohort_active_editor")'''),
("md", "retention-monthly"),
("code", '''%%
a := nb.Must(s.Analysis())
nb.ShowTable(frame.InSegment(a.Monthly(), metrics.SegmentNew, metrics.SegmentExperienced), &nb.TableOptions{All: true, Language: Settings.Language})
a.ShowCharts("monthly_editors")'''),
("md", "retention-parameters"),
("code", '''%%
newRows := []engagement.MetricRef{
	{Metric: metrics.MetricParticipants, Segment: metrics.SegmentNew},
	{Metric: metrics.RetentionMetric(7), Segment: metrics.SegmentNew},
	{Metric: metrics.RetentionMetric(90), Segment: metrics.SegmentNew},
}
nb.ShowMetricsIn(Settings.Language, nb.Must(s.Sweep(engagement.SettingLookbackDays, []int{0, 7, Settings.LookbackDays, 30, 60}, newRows...)))'''),
("code", '''%%
longTerm := engagement.MetricRef{Metric: metrics.MetricLongTerm, Segment: metrics.SegmentExperienced}
nb.ShowMetricsIn(Settings.Language, nb.Must(s.Sweep(engagement.SettingLongTermEdits, []int{100, 250, Settings.LongTermEdits, 1000}, longTerm)))'''),
("md", "retention-baseline"),
("code", '''%%
BaselineSize := 500 // ✏️
a := nb.Must(s.AnalysisWithBaseline(BaselineSize))
a.ShowBaseline()'''),
("code", REQUESTS),
]

explore = [
("md", "explore-intro"),
("md", "settings"),
("code", CONFIG),
("md", "session"),
("code", session("github.com/go-gota/gota/dataframe", "example.com/engagement/engagement/chart")),
("md", "explore-frames"),
("code", '''%%
a := nb.Must(s.Analysis())
nb.ShowTable(frame.CountBy(frame.InPeriod(a.Contributions(), metrics.During), frame.ColWiki, frame.ColNS), &nb.TableOptions{Language: Settings.Language})'''),
("md", "explore-headline"),
("code", '''%%
a := nb.Must(s.Analysis())
nb.ShowTable(frame.CountBy(frame.InPeriod(a.Contributions(), metrics.During), frame.ColIncluded, frame.ColContent), &nb.TableOptions{Language: Settings.Language})
counted := frame.InPeriod(frame.Included(a.Contributions()), metrics.During)
edits, _ := a.Result.Find(metrics.MetricEditsDuring, metrics.SegmentAll)
created, _ := a.Result.Find(metrics.MetricPagesCreatedDuring, metrics.SegmentAll)
nb.ShowMarkdown(fmt.Sprintf("Included participants: **%d edits** during the event (the headline: %v); content pages they created: **%d** (the headline: %v).",
	counted.Nrow(), edits.Value, frame.Created(frame.InContent(counted)).Nrow(), created.Value))'''),
("md", "explore-one-wiki"),
("code", '''%%
a := nb.Must(s.Analysis())
enwiki := nb.Must(s.Analyze(s.Params(), frame.OnWiki(a.Contributions(), "en.wikipedia.org")))
nb.ShowMetricsIn(Settings.Language, enwiki.Headline())'''),
("md", "explore-new-only"),
("code", '''%%
a := nb.Must(s.Analysis())
newOnly := nb.Must(s.Analyze(s.Params(), frame.InSegment(a.Participants(), metrics.SegmentNew)))
nb.ShowMetricsIn(Settings.Language, newOnly.Headline())
nb.ShowTable(newOnly.Pages(), &nb.TableOptions{Rows: 10, Language: Settings.Language})'''),
("md", "explore-save-csv"),
("code", '''%%
a := nb.Must(s.Analysis())
nb.Check(nb.SaveCSV(a.Pages(), "../out/explore/pages_during.csv"))'''),
("md", "explore-custom-window"),
("code", '''%%
Days := 14
a := nb.Must(s.Analysis())
from := s.Event().Course.End.Add(time.Duration(Days) * 24 * time.Hour)
after := frame.InSegment(frame.Between(a.Contributions(), from, s.AsOf().Add(time.Second)), metrics.SegmentNew)
kept, all := frame.PerParticipant(after).Nrow(), frame.InSegment(a.Participants(), metrics.SegmentNew).Nrow()
nb.ShowMarkdown(fmt.Sprintf("%d of %d new editors edited %d+ days after the end: **%.1f %%**", kept, all, Days, 100*float64(kept)/float64(all)))'''),
("md", "explore-window-metric"),
("code", '''%%
p := s.Params()
p.RetentionDays = []int{14, 730}
nb.ShowMetricsIn(Settings.Language, nb.Must(s.Analyze(p)).Headline())'''),
("md", "explore-custom-charts"),
("code", '''%%
per := frame.PerParticipant(frame.InPeriod(nb.Must(s.Analysis()).Contributions(), metrics.During))
top := frame.Head(per.Arrange(dataframe.RevSort(frame.ColBytesAdded)), 15)
nb.Draw(chart.Bar(top, frame.ColUsername, frame.ColBytesAdded, chart.Title("Bytes added during the event"))).Show("bytes_per_participant")'''),
("code", '''%%
ps := frame.InSegment(nb.Must(s.Analysis()).Participants(), metrics.SegmentNew, metrics.SegmentExperienced)
nb.Draw(chart.Hist(ps, frame.ColEditsDuring, chart.Hue(frame.ColSegment))).Show("edits_during_hist")'''),
("code", REQUESTS),
]

CAMPAIGN_CONFIG = '''// ✏️
import "example.com/engagement/engagement"

var Settings = engagement.Settings{
	Campaign:     "sample",
	Contact:      "",
	Language:     "en",
	CacheDir:     "../.cache",
	AsOf:         "",
	LookbackDays: 14,
	From:         "",
	Offline:      false,
}'''

CAMPAIGN_SESSION = '''import (
	"example.com/engagement/engagement"
	"example.com/engagement/engagement/frame"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/nb"
)

var cs = nb.Must(engagement.OpenCampaign(context.Background(), Settings.Campaign,
	engagement.WithProgressBar(), engagement.WithSettings(Settings)))'''

campaign = [
("md", "campaign-intro"),
("md", "campaign-choose"),
("md", "campaign-settings"),
("code", CAMPAIGN_CONFIG),
("md", "campaign-session"),
("code", CAMPAIGN_SESSION),
("md", "campaign-fetched"),
("code", '''%%
nb.ShowMarkdown(nb.Must(cs.Analysis()).Summary())'''),
("md", "campaign-side-by-side"),
("code", '''%%
a := nb.Must(cs.Analysis())
nb.ShowTable(a.ComparisonView(), &nb.TableOptions{Language: Settings.Language})
nb.Check(a.ShowChart())'''),
("md", "campaign-returning"),
("code", '''%%
nb.ShowTable(nb.Must(cs.Analysis()).ReturningView(), &nb.TableOptions{Language: Settings.Language})'''),
("md", "campaign-combined"),
("code", '''%%
a := nb.Must(cs.Analysis())
nb.ShowMetricsIn(Settings.Language, a.Headline())
nb.ShowMetricsIn(Settings.Language, frame.WithMetric(a.Metrics(), metrics.MetricReturningParticipants))'''),
("md", "campaign-share"),
("code", '''%%
pseudonymize := false
files := nb.Must(nb.Must(cs.Analysis()).Share("../out/campaign", pseudonymize))
nb.ShowMarkdown(fmt.Sprintf("**../out/campaign/report.html** · `../out/campaign` (%d)", len(files)))'''),
("md", "rerun"),
("code", '''%%
nb.Must(cs.Analysis())
nb.ShowMarkdown(cs.RequestsNote())'''),
]

def messages(lang):
    """The prose of lang: notebooks/i18n/<lang>.json, every key of en.json."""
    path = os.path.join(HERE, "i18n", lang + ".json")
    with open(path, encoding="utf-8") as f:
        m = json.load(f)
    m.pop("@metadata", None)
    return m


def localized(cells, lang, msgs, name):
    """cells in lang: each markdown key replaced by its message, the ✏️
    cell's Language set to lang, every other code cell as it is."""
    out = []
    for kind, src in cells:
        if kind == "md":
            key = "engagement-nb-" + src
            if key not in msgs:
                sys.exit("notebooks/i18n/%s.json: no message %s (for %s.ipynb)" % (lang, key, name))
            src = msgs[key]
        elif src.startswith("// ✏️"):
            marker = '\tLanguage:'
            assert src.count(marker) == 1, "the ✏️ cell of %s sets Language once" % name
            before, after = src.split(marker)
            value = after.split("\n", 1)
            src = before + marker + value[0].replace('"en"', json.dumps(lang)) + "\n" + value[1]
        out.append((kind, src))
    return out


def main():
    notebooks = [("workshop", workshop), ("retention", retention), ("explore", explore), ("campaign", campaign)]
    english = messages("en")
    used = {"engagement-nb-" + src for _, cells in notebooks for kind, src in cells if kind == "md"}
    if set(english) != used:
        sys.exit("notebooks/i18n/en.json: messages no notebook shows: %s; missing: %s" %
                 (sorted(set(english) - used), sorted(used - set(english))))
    for lang in LANGUAGES:
        msgs = messages(lang)
        extra = sorted(set(msgs) - set(english))
        if extra:
            sys.exit("notebooks/i18n/%s.json: keys that en.json does not have: %s" % (lang, extra))
        folder = HERE if lang == "en" else os.path.join(HERE, lang)
        os.makedirs(folder, exist_ok=True)
        for name, cells in notebooks:
            with open(os.path.join(folder, name + ".ipynb"), "w", encoding="utf-8") as f:
                json.dump(nb(localized(cells, lang, msgs, name)), f, indent=1, ensure_ascii=False)
                f.write("\n")


main()
