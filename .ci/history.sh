#!/usr/bin/env bash
# The mediawiki_history path (issue 25): the DuckDB tests (build tag
# duckdb, cgo), then the example program on the sample's wikis written as
# bzip2 dumps, whose metrics.csv, participants.csv and monthly.csv must be
# those of the API path on the sample, with zero requests; then the Spark
# query. Called by .ci/run.
#
# DuckDB's library comes prebuilt with its Go module (go.duckdb.org/libduckdb,
# about 170 MB in the module cache); Go's build cache keeps the compiled
# binding, so after the first run this step costs its tests, not a build.
# The step's own build goes to .tools/ (ignored by git), keyed by go.sum.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="/usr/local/go/bin:$PATH"
export GOFLAGS="${GOFLAGS:--buildvcs=false}"
export CGO_ENABLED=1
# bzip2 writes the generated dumps (and decompresses dumps for -history,
# faster than Go's library); cgo needs a C and C++ compiler.
if ! command -v bzip2 >/dev/null || ! command -v gcc >/dev/null || ! command -v g++ >/dev/null; then
  SUDO=""; if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO=sudo; fi
  $SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q bzip2 gcc g++
fi
start=$(date +%s)

echo "+ go vet and staticcheck with -tags duckdb"
go vet -tags duckdb ./engagement/history/... ./examples/workshop
if [ -x "$ROOT/.tools/bin/staticcheck" ]; then "$ROOT/.tools/bin/staticcheck" -tags duckdb ./engagement/history/... ./examples/workshop; fi

echo "+ go test -tags duckdb (the DuckDB engine and the example program's -history)"
go test -count=1 -tags duckdb ./engagement/history/... 2>&1 | tail -n 20
go test -count=1 -tags duckdb -run 'History|Spark' ./examples/workshop 2>&1 | tail -n 20

# The program, built once per go.sum (the DuckDB link is the slow part).
key=$(cat go.sum go.mod | sha256sum | cut -c1-16)
bin="$ROOT/.tools/workshop-duckdb-$key"
mkdir -p "$ROOT/.tools"
go build -tags duckdb -o "$bin" ./examples/workshop

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "+ the sample's wikis as bzip2 dumps, then -history"
go run ./engagement/sample/cmd/genhistory -out "$out/dumps"
go run ./examples/workshop -out "$out/api" -cache "" >/dev/null 2>&1
"$bin" -course "$out/dumps/course" -history "$out/dumps/history" -asof 2025-01-01 -out "$out/hist" -cache "" \
  -api en.wikipedia.org=http://127.0.0.1:9/api.php -api www.wikidata.org=http://127.0.0.1:9/api.php \
  -api commons.wikimedia.org=http://127.0.0.1:9/api.php >"$out/hist.log"
head -n 1 "$out/hist.log"
grep -q "(no API requests)" "$out/hist.log"
for f in metrics.csv participants.csv monthly.csv contributions.csv accounts.csv; do
  cmp "$out/api/$f" "$out/hist/$f" || { echo "FAIL: -history's $f differs from the API path's"; exit 1; }
done
echo "ok   -history on the sample's dumps: metrics, participants, monthly, contributions and accounts identical to the API path's"

echo "+ the Spark query (its export is re-read in the Go tests)"
"$bin" -engine spark -snapshot 2025-01 -sql "$out/q.sql" -out "$out/spark" -cache "" >/dev/null
grep -q "FROM wmf.mediawiki_history h" "$out/q.sql"

if [ -d "$ROOT/../shared/events" ]; then
  echo "+ -history on every event shape in ../shared/events (their contributions written as dumps)"
  for dir in "$ROOT"/../shared/events/*/; do
    name=$(basename "$dir")
    go run ./engagement/sample/cmd/genhistory -from "$dir" -snapshot "$(cut -c1-7 "$dir/asof.txt")" -out "$out/shape-$name"
    "$bin" -course "$dir/course" -from "$dir" -asof "$(cat "$dir/asof.txt")" -out "$out/shape-$name/api" -cache "" -offline >/dev/null 2>&1 || true
    rc=0
    "$bin" -course "$dir/course" -history "$out/shape-$name/history" -asof "$(cat "$dir/asof.txt")" -out "$out/shape-$name/hist" -cache "" >/dev/null 2>&1 || rc=$?
    if [ "$rc" != 0 ]; then echo "FAIL $name: -history exit $rc"; exit 1; fi
    for f in metrics.csv participants.csv monthly.csv; do
      cmp "$out/shape-$name/api/$f" "$out/shape-$name/hist/$f" || { echo "FAIL $name: $f differs"; exit 1; }
    done
    echo "ok   $name"
  done
fi
echo "history step: $(( $(date +%s) - start )) s"
