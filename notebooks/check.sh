#!/usr/bin/env bash
# Checks the notebooks against their generator and its rules, without
# changing anything: regenerating them from make_notebooks.py and the prose
# in i18n/ must give the committed files byte for byte, in English and in
# es/, fr/ and pt/ (edit the generator or the messages, never an .ipynb); no
# notebook may exist that the generator does not write; no code
# cell is over 15 lines, none calls panic( and none keeps an import alive with
# a blank identifier. Their Go is compiled by `go test ./notebooks`.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp -r "$HERE/." "$tmp/"
python3 "$tmp/make_notebooks.py"
fail=0
while IFS= read -r -d '' nb; do
  rel=${nb#"$tmp/"}
  if ! cmp -s "$nb" "$HERE/$rel"; then
    echo "notebooks/$rel differs from what make_notebooks.py writes: run python3 notebooks/make_notebooks.py and commit"
    fail=1
  fi
done < <(find "$tmp" -name '*.ipynb' -print0)
while IFS= read -r -d '' nb; do
  rel=${nb#"$HERE/"}
  [ -e "$tmp/$rel" ] || { echo "notebooks/$rel is not written by make_notebooks.py"; fail=1; }
done < <(find "$HERE" -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' -print0)
python3 - "$HERE" <<'PY' || fail=1
import glob, json, os, re, sys
bad = 0
for path in sorted(glob.glob(os.path.join(sys.argv[1], "**", "*.ipynb"), recursive=True)):
    nb = json.load(open(path, encoding="utf-8"))
    name = os.path.relpath(path, os.path.dirname(sys.argv[1]))
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        src = "".join(cell["source"])
        lines = src.count("\n") + 1
        problems = []
        if lines > 15:
            problems.append("%d lines (at most 15)" % lines)
        if "panic(" in src:
            problems.append("calls panic(")
        if re.search(r"^\s*var\s+_\s*=", src, re.M):
            problems.append("keeps an import alive with a blank identifier")
        for p in problems:
            print("%s: cell %d: %s" % (name, i, p))
            bad = 1
sys.exit(bad)
PY
if [ "$fail" != 0 ]; then exit 1; fi
echo "notebooks match make_notebooks.py and its rules"
