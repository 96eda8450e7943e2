package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"example.com/engagement/engagement/chart"
)

// The page script measures the page once it has loaded and writes the
// verdict into the DOM, where --dump-dom shows it: the widest element past
// the viewport, every image that failed to decode, and the tables that
// scroll sideways within their .scroll box.
const measure = `<script>
addEventListener('load', () => {
  const out = [];
  document.querySelectorAll('details').forEach(d => d.open = true);
  const w = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > w) out.push('overflow ' + document.documentElement.scrollWidth + '>' + w);
  const se = document.scrollingElement;
  if (se.scrollWidth > innerWidth) out.push('scrolling element ' + se.scrollWidth + '>' + innerWidth);
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('.scroll')) continue;
    const r = el.getBoundingClientRect();
    if (r.right > w + 1) { out.push('wide ' + el.tagName + '.' + el.className + ' ' + Math.round(r.right)); break; }
  }
  const scrolls = [];
  document.querySelectorAll('.scroll').forEach((e, i) => { if (e.scrollWidth > e.clientWidth + 1) scrolls.push(i + 1); });
  let images = 0;
  const charts = [];
  for (const img of document.images) {
    images++;
    if (!img.complete || !img.naturalWidth) out.push('image ' + images + ' does not decode');
    const src = img.parentElement.tagName === 'PICTURE' ? img.parentElement.querySelector('source') : null;
    const narrow = src !== null && img.currentSrc === src.srcset;
    charts.push((narrow ? 'narrow' : 'wide') + ':' + img.naturalWidth + ':' + img.getBoundingClientRect().width.toFixed(1));
  }
  const p = document.createElement('pre');
  p.id = 'verdict';
  p.textContent = 'VER' + 'DICT images=' + images + ' charts=' + (charts.join(',') || '-') + ' scrolls=' + (scrolls.join(',') || '-') + ' ' + (out.length ? out.join('; ') : 'ok') + ' END';
  document.body.append(p);
  if (parent !== window) parent.postMessage(p.textContent, '*');
});
</script>`

// frame holds the measured page at an exact width: headless Chromium's
// window is never narrower than 500 px, an iframe is.
const frame = `<!DOCTYPE html><html><body style="margin:0">
<iframe src="measured.html" style="border:0;width:%dpx;height:900px"></iframe>
<pre id="got"></pre>
<script>addEventListener('message', e => { document.getElementById('got').textContent = e.data; });</script>
</body></html>`

// TestReportInChromium opens the sample's report.html (with the baseline of
// comparable newcomers) and the sample campaign's, in English, Spanish,
// French and Portuguese, in headless Chromium at 1280 and 390 px: no
// horizontal overflow, every image decodes, and a screenshot of each width
// is written to out/ (report-es-390.png, campaign-fr-1280.png …). With the event shapes of
// ../shared/events beside the repository (or $ENGAGEMENT_EVENTS), their
// reports are checked too.
// Set ENGAGEMENT_CHROMIUM=1.
func TestReportInChromium(t *testing.T) {
	if os.Getenv("ENGAGEMENT_CHROMIUM") == "" {
		t.Skip("set ENGAGEMENT_CHROMIUM=1 to open the report in headless Chromium")
	}
	browser, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatal("chromium not installed: apt-get install -y chromium")
	}
	dir, cache := t.TempDir(), t.TempDir()
	if err := run([]string{"-out", dir, "-cache", cache, "-baseline"}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	checkInChromium(t, browser, dir, "report", true)
	campaign := t.TempDir()
	if err := run([]string{"-campaign", "sample", "-out", campaign, "-cache", cache}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	checkInChromium(t, browser, campaign, "campaign", true)
	for _, lang := range []string{"es", "fr", "pt"} { // longer words than English's
		event, campaign := filepath.Join(t.TempDir(), lang), filepath.Join(t.TempDir(), lang)
		if err := run([]string{"-lang", lang, "-out", event, "-cache", cache, "-baseline"}, io.Discard, io.Discard); err != nil {
			t.Fatal(err)
		}
		checkInChromium(t, browser, event, "report-"+lang, true)
		if err := run([]string{"-lang", lang, "-campaign", "sample", "-out", campaign, "-cache", cache}, io.Discard, io.Discard); err != nil {
			t.Fatal(err)
		}
		checkInChromium(t, browser, campaign, "campaign-"+lang, true)
	}
	for _, sh := range eventShapes(t) {
		name := sh.name
		out := filepath.Join(t.TempDir(), name)
		args := append(sh.args, "-out", out, "-cache", "")
		if err := run(args, io.Discard, io.Discard); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		checkInChromium(t, browser, out, "report-"+name, false)
	}
}

// checkInChromium measures dir/report.html at both widths and writes the
// screenshots out/NAME-WIDTH.png.
func checkInChromium(t *testing.T, browser, dir, name string, wantImages bool) {
	t.Helper()
	html, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "measured.html")
	if err := os.WriteFile(page, []byte(strings.Replace(string(html), "</body>", measure+"</body>", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	shots := filepath.Join("..", "..", "out") // the repository's out/
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	verdict := regexp.MustCompile(`VERDICT images=(\d+) charts=(\S+) scrolls=(\S+) (.*?) END`)
	for _, width := range []int{1280, 390} {
		wrapper := filepath.Join(dir, "frame-"+itoa(width)+".html")
		if err := os.WriteFile(wrapper, []byte(fmt.Sprintf(frame, width)), 0o644); err != nil {
			t.Fatal(err)
		}
		dom := chromium(t, browser, "--window-size=1300,900", "--allow-file-access-from-files", "--virtual-time-budget=10000", "--dump-dom", "file://"+wrapper)
		m := verdict.FindStringSubmatch(dom)
		switch {
		case m == nil:
			t.Errorf("%s at %d px: the page script gave no verdict", name, width)
		case m[1] == "0" && wantImages:
			t.Errorf("%s at %d px: no charts in the report", name, width)
		case m[4] != "ok":
			t.Errorf("%s at %d px: %s", name, width, m[4])
		case width == 1280 && strings.HasPrefix(name, "campaign") && m[3] != "-":
			// the campaign's few columns fit a wide screen in every language
			t.Errorf("%s at %d px: table %s scrolls sideways", name, width, m[3])
		}
		if m != nil {
			checkChartText(t, name, width, m[2])
		}
		shot, _ := filepath.Abs(filepath.Join(shots, name+"-"+itoa(width)+".png"))
		chromium(t, browser, "--window-size="+itoa(width)+",900", "--screenshot="+shot, "file://"+filepath.Join(dir, "report.html"))
		if st, err := os.Stat(shot); err != nil || st.Size() == 0 {
			t.Errorf("%s at %d px: no screenshot: %v", name, width, err)
		}
	}
}

// minChartText is the least height, in CSS pixels, of the smallest text of
// a chart as the page shows it (the body text is 16 px).
const minChartText = 10.0

// checkChartText checks the size at which the page shows each chart's
// smallest text, from what the page script measured of each image
// ("narrow|wide:natural width:rendered width"): the charts' smallest text
// is chart.MinTextPoints at 96 dpi in the wide rendering, laid out
// chart.NarrowWidth wide at chart.NarrowDPI in the narrow one. Below 640
// px a page must show the narrow one.
func checkChartText(t *testing.T, name string, width int, charts string) {
	t.Helper()
	if charts == "-" {
		return
	}
	smallest := math.Inf(1)
	defer func() { t.Logf("%s at %d px: the charts' smallest text is %.1f px high", name, width, smallest) }()
	for i, c := range strings.Split(charts, ",") {
		var kind string
		var natural, shown float64
		if _, err := fmt.Sscanf(strings.ReplaceAll(c, ":", " "), "%s %g %g", &kind, &natural, &shown); err != nil {
			t.Fatalf("%s at %d px: chart %d: %q: %v", name, width, i+1, c, err)
		}
		layout := natural // pixels at 96 dpi
		if kind == "narrow" {
			layout = natural * 96 / chart.NarrowDPI
		}
		text := chart.MinTextPoints * 96.0 / 72 * shown / layout
		smallest = math.Min(smallest, text)
		if text < minChartText {
			t.Errorf("%s at %d px: chart %d (%s rendering, %g px wide shown at %g) shows its smallest text %.1f px high, want at least %g",
				name, width, i+1, kind, natural, shown, text, minChartText)
		}
		if width < 640 && kind != "narrow" {
			t.Errorf("%s at %d px: chart %d shows its wide rendering", name, width, i+1)
		}
	}
}

func chromium(t *testing.T, browser string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--user-data-dir=" + t.TempDir()}
	out, err := exec.CommandContext(ctx, browser, append(base, args...)...).Output()
	if err != nil {
		t.Fatalf("chromium %v: %v", args, err)
	}
	return string(out)
}

func itoa(n int) string { return strconv.Itoa(n) }
