#!/usr/bin/env bash
# Executes notebooks headlessly with the real Jupyter and GoNB kernel and
# fails on any error output: compile errors, a panicking cell, a failing
# command ("exit status N" on stderr; nbconvert itself exits 0 then).
# Also checks that the committed notebooks carry no outputs, that no code
# cell is over 15 lines or calls panic(, that nbconvert's HTML export shows
# the charts (PNG images), and that a second run sends no request to the
# Dashboard or the API (nothing new in the cache, and the last cell's
# request count is 0).
# The notebooks in other languages (notebooks/es/, fr/, pt/: the English
# code but the ✏️ cell's Language) run once each, on the sample: their code
# is the English notebooks', whose second run proves the cache. Every run
# also checks that the report.html it wrote carries the notebook's language
# (<html lang>).
#   bash notebooks/run.sh [notebook.ipynb ...]     default: notebooks/*.ipynb, then notebooks/{es,fr,pt}/*.ipynb
#                                                  (NOTEBOOK_LANGUAGES="es" for fewer languages)
#   bash notebooks/run.sh --event DIR [notebook.ipynb ...]   the same on another event (see below)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JUPYTER_DATA_DIR="$ROOT/.jupyter/data"
export PATH="$ROOT/.jupyter/bin:/usr/local/go/bin:$PATH"
OUT="$ROOT/.jupyter/executed"
mkdir -p "$OUT"
[ -f "$JUPYTER_DATA_DIR/kernels/gonb/kernel.json" ] || { echo "run bash notebooks/setup.sh first"; exit 1; }

if [ "${1:-}" = "--self-test" ]; then
  # Proves the scan catches a panicking cell, which nbconvert alone lets pass.
  tmp=$(mktemp -d)
  cat >"$tmp/panic.ipynb" <<'NB'
{"cells":[{"cell_type":"code","execution_count":null,"metadata":{},"outputs":[],"source":["%%\n","var m map[string]int\n","m[\"boom\"] = 1"]}],
 "metadata":{"kernelspec":{"display_name":"Go (gonb)","language":"go","name":"gonb"}},"nbformat":4,"nbformat_minor":5}
NB
  if SELF_TEST=1 bash "$0" "$tmp/panic.ipynb" >"$tmp/log" 2>&1; then echo "self-test FAILED: a panicking notebook passed"; cat "$tmp/log"; exit 1; fi
  grep -q "panic" "$tmp/log" || { echo "self-test FAILED: no panic reported"; cat "$tmp/log"; exit 1; }
  echo "ok   self-test: a panicking cell fails the run"
  exit 0
fi
if [ "${1:-}" = "--event" ]; then
  # Runs the notebooks on another event: a folder of Dashboard files and a
  # previous run's CSVs (as in ../shared/events), re-analysed offline as of
  # its asof.txt; with DIR/campaign (gensample -campaign), the campaign
  # notebook on that campaign too. Each notebook runs once, from a copy whose
  # ✏️ cell points at the event, and fails on any error output.
  event="$(cd "$2" && pwd)"; shift 2
  ename=$(basename "$event")
  if [ $# -eq 0 ]; then
    set -- "$ROOT"/notebooks/{workshop,retention,explore}.ipynb
    if [ -d "$event/campaign" ]; then set -- "$@" "$ROOT/notebooks/campaign.ipynb"; fi
  fi
  dir="$ROOT/.jupyter/events/$ename"; mkdir -p "$dir"
  status=0
  for nb in "$@"; do
    name=$(basename "$nb" .ipynb)
    course="$event/course"; [ -d "$course" ] || course="$event"
    asof=""; [ -f "$event/asof.txt" ] && asof=$(cat "$event/asof.txt")
    python3 - "$nb" "$dir/$name.ipynb" "$course" "$event" "$asof" <<'PY'
import json, re, sys
src, dst, course, frm, asof = sys.argv[1:]
nb = json.load(open(src))
done = False
for c in nb["cells"]:
    text = "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
    if c["cell_type"] == "code" and "engagement.Settings{" in text:
        text = re.sub(r'Course:(\s*)"sample"', lambda m: 'Course:%s%s' % (m.group(1), json.dumps(course)), text)
        text = re.sub(r'Campaign:(\s*)"sample"', lambda m: 'Campaign:%s%s' % (m.group(1), json.dumps(frm + "/campaign")), text)
        text = re.sub(r'From:(\s*)""', lambda m: 'From:%s%s' % (m.group(1), json.dumps(frm)), text)
        text = re.sub(r'AsOf:(\s*)""', lambda m: 'AsOf:%s%s' % (m.group(1), json.dumps(asof)), text)
        text = re.sub(r'CacheDir:(\s*)"\.\./\.cache"', r'CacheDir:\1"cache"', text)
        c["source"] = text
        done = True
if not done:
    sys.exit("no ✏️ cell in " + src)
json.dump(nb, open(dst, "w"))
PY
    if ! (cd "$dir" && jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=900 \
          --output-dir "$dir" --output "$name.out" "$name.ipynb" >"$dir/$name.log" 2>&1); then
      echo "FAIL $ename/$name: nbconvert failed"; tail -n 40 "$dir/$name.log"; status=1; continue
    fi
    bad=$(jq -r '.cells[] | select(.cell_type=="code") | . as $c | (.outputs // [])[] |
        select(.output_type=="error" or (.name=="stderr" and ((.text|if type=="array" then add else . end) | test("exit status|panic:|\\[ERROR\\]|cannot|undefined:")))) |
        "--- cell:\n" + ($c.source|if type=="array" then add else . end) + "\n--- output:\n" + (if .output_type=="error" then (.ename + ": " + .evalue) else (.text|if type=="array" then add else . end) end)' "$dir/$name.out.ipynb")
    if [ -n "$bad" ]; then echo "FAIL $ename/$name:"; echo "$bad"; status=1; continue; fi
    if grep -q "Requests sent by this cell: 0 requests" "$dir/$name.out.ipynb" || ! grep -q "Requests sent" "$dir/$name.out.ipynb"; then
      echo "ok   $ename/$name"
    else
      echo "FAIL $ename/$name: a re-analysis asked the network"; status=1
    fi
  done
  exit $status
fi
if [ $# -eq 0 ]; then
  set -- "$ROOT"/notebooks/*.ipynb
  for l in ${NOTEBOOK_LANGUAGES:-es fr pt}; do set -- "$@" "$ROOT/notebooks/$l"/*.ipynb; done
fi
status=0
all=$(date +%s)
for nb in "$@"; do
  name=$(basename "$nb" .ipynb)
  folder=$(cd "$(dirname "$nb")" && pwd)
  lang=en
  if [ "$folder" != "$ROOT/notebooks" ] && [ -f "$folder/../make_notebooks.py" ]; then lang=$(basename "$folder"); name="$lang-$name"; fi
  if ! jq -e '[.cells[] | select(.cell_type=="code") | select((.outputs|length) > 0 or .execution_count != null)] | length == 0' "$nb" >/dev/null; then
    echo "FAIL $nb: committed with outputs; clear them (jq '.cells[] |= if .cell_type==\"code\" then .outputs=[] | .execution_count=null else . end')"
    status=1
    continue
  fi
  long=$(jq -r '.cells[] | select(.cell_type=="code") | (.source|if type=="array" then add else . end) | select((split("\n")|length) > 15) | .[0:60]' "$nb")
  if [ -n "$long" ]; then echo "FAIL $nb: code cells over 15 lines:"; echo "$long"; status=1; continue; fi
  if jq -r '.cells[] | select(.cell_type=="code") | .source|if type=="array" then add else . end' "$nb" | grep -nE 'panic\(|var _ = '; then
    echo "FAIL $nb: panic( or an import keeper (var _ =) in a code cell"; status=1; continue
  fi
  start=$(date +%s)
  touch "$OUT/$name.started"
  if ! (cd "$(dirname "$nb")" && jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=900 \
        --output-dir "$OUT" --output "$name" "$(basename "$nb")" >"$OUT/$name.log" 2>&1); then
    echo "FAIL $nb: nbconvert failed"; tail -n 40 "$OUT/$name.log"; status=1; continue
  fi
  bad=$(jq -r '.cells[] | select(.cell_type=="code") | . as $c | (.outputs // [])[] |
      select(.output_type=="error" or (.name=="stderr" and ((.text|if type=="array" then add else . end) | test("exit status|panic:|\\[ERROR\\]|cannot|undefined:")))) |
      "--- cell:\n" + ($c.source|if type=="array" then add else . end) + "\n--- output:\n" + (if .output_type=="error" then (.ename + ": " + .evalue + "\n" + ((.traceback // [])|join("\n"))) else (.text|if type=="array" then add else . end) end)' "$OUT/$name.ipynb")
  if [ -n "$bad" ]; then
    echo "FAIL $nb:"; echo "$bad"; status=1; continue
  fi
  if [ -n "${SELF_TEST:-}" ]; then echo "ok   $nb"; continue; fi
  jupyter nbconvert --to html --output-dir "$OUT" --output "$name" "$OUT/$name.ipynb" >>"$OUT/$name.log" 2>&1
  if jq -e '[.cells[].outputs[]? | select(.data["image/png"] or .data["image/svg+xml"])] | length > 0' "$OUT/$name.ipynb" >/dev/null &&
     ! grep -q '<img[^>]*data:image/png' "$OUT/$name.html"; then
    echo "FAIL $nb: the HTML export $OUT/$name.html shows no PNG chart"; status=1; continue
  fi
  first=$(( $(date +%s) - start ))
  # The reports this run wrote (into ../out beside the notebook's folder) are in its language.
  wrong=""
  while IFS= read -r -d '' report; do
    grep -q "<html lang=\"$lang\"" "$report" || wrong="$wrong $report"
  done < <(find "$folder/../out" -name report.html -newer "$OUT/$name.started" -print0 2>/dev/null)
  if [ -n "$wrong" ]; then echo "FAIL $nb: report not in its notebook's language ($lang):$wrong"; status=1; continue; fi
  if grep -q '\.Share(' "$nb" && [ -z "$(find "$folder/../out" -name report.html -newer "$OUT/$name.started" 2>/dev/null)" ]; then
    echo "FAIL $nb: it shares, but wrote no report.html into $folder/../out"; status=1; continue
  fi
  if [ "$lang" != en ]; then echo "ok   $nb ($first s, once)"; continue; fi
  # The second run must be answered by the cache: no cache file written.
  touch "$OUT/$name.marker"; sleep 1
  if ! (cd "$(dirname "$nb")" && jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=900 \
        --output-dir "$OUT" --output "$name.second" "$(basename "$nb")" >"$OUT/$name.second.log" 2>&1); then
    echo "FAIL $nb: second run failed"; tail -n 40 "$OUT/$name.second.log"; status=1; continue
  fi
  written=$(find "$ROOT/.cache" -type f -newer "$OUT/$name.marker" 2>/dev/null | head -n 5)
  last=$(jq -r '[.cells[] | select(.cell_type=="code") | .outputs[]? | (.data["text/markdown"] // .text // empty) | if type=="array" then add else . end | select(test("Requests sent"))] | last // ""' "$OUT/$name.second.ipynb")
  if [ -n "$written" ] || ! grep -q "Requests sent by this cell: 0 requests" <<<"$last"; then
    echo "FAIL $nb: the second run asked the network (${last:-no request count shown}); new cache files: $written"; status=1; continue
  fi
  echo "ok   $nb ($first s; second run: $last)"
done
echo "notebooks: $(( $(date +%s) - all )) s"
exit $status
