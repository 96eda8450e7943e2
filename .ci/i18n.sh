#!/usr/bin/env bash
# Checks the message files of engagement/i18n (the reports' words) and of
# notebooks/i18n (the notebooks' prose, one message per markdown cell) with
# banana-checker, the checker Wikimedia's tools (XTools, Event Metrics) run
# on their i18n/ folders: every key documented in qqq.json, @metadata present, es, fr and
# pt complete, every key prefixed engagement-, the translations' parameters
# those of English. It first proves the checker fails on a broken copy
# (a key removed from es.json), so that a checker that checks nothing
# cannot pass. The checker is installed from the npm registry, pinned,
# into .tools/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VERSION=0.13.0 # grunt-banana-checker, whose bin is banana-checker
TOOLS="$ROOT/.tools/banana-checker"
BIN="$TOOLS/node_modules/.bin/banana-checker"
start=$(date +%s%N)

if ! [ -x "$BIN" ] || [ "$(node -p "require('$TOOLS/node_modules/grunt-banana-checker/package.json').version" 2>/dev/null)" != "$VERSION" ]; then
  if ! command -v npm >/dev/null; then # a fresh Debian machine: Debian's node and npm
    SUDO=""
    if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO=sudo; fi
    $SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q nodejs npm
  fi
  npm install --prefix "$TOOLS" --no-save --no-package-lock --no-audit --no-fund "grunt-banana-checker@$VERSION" >/dev/null
fi

check() {
  "$BIN" --requireCompleteTranslationLanguages=es,fr,pt --requireKeyPrefix=engagement- \
    --requireCompletelyUsedParameters=error --disallowUnusedTranslations=error \
    --disallowBlankTranslations=error "$1"
}

broken=$(mktemp -d)
trap 'rm -rf "$broken"' EXIT
cp engagement/i18n/*.json "$broken/"
node -e '
  const fs = require("fs"), f = process.argv[1];
  const m = JSON.parse(fs.readFileSync(f, "utf8"));
  delete m["engagement-summary-headline"];
  fs.writeFileSync(f, JSON.stringify(m, null, "\t"));
' "$broken/es.json"
if check "$broken" >"$broken/out.txt" 2>&1; then
  echo "FAIL: banana-checker accepted es.json without engagement-summary-headline"; cat "$broken/out.txt"; exit 1
fi
grep -q "engagement-summary-headline" "$broken/out.txt" || { echo "FAIL: banana-checker did not name the missing key"; cat "$broken/out.txt"; exit 1; }

for dir in engagement/i18n notebooks/i18n; do
  check "$dir"
  echo "banana-checker $VERSION: $dir clean ($(ls "$dir"/*.json | wc -l) files)"
done
echo "banana-checker: $(( ($(date +%s%N) - start) / 1000000 )) ms"
