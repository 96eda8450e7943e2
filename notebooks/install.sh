#!/usr/bin/env bash
# The one install behind every way into the notebooks: Binder's postBuild,
# the hub image (notebooks/Containerfile) and notebooks/setup.sh (a laptop, or
# `--user` in a PAWS terminal). Needs only bash and python3 (present wherever
# Jupyter is); never root.
#
#   bash notebooks/install.sh [--prefix DIR] [--jupyter-data DIR] [--warm none|library|workshop|all] [--raw-error]
#
# 1. Go: the version of go.mod's `go` line. A `go` on PATH at that version or
#    newer is used; otherwise the toolchain is downloaded into PREFIX/go as the
#    module golang.org/toolchain from the Go module proxy ($GOPROXY, default
#    https://proxy.golang.org), its go.sum-style hash checked against
#    notebooks/toolchain.sum (taken from the checksum database), or, for a
#    version not listed there, against the checksum database through the proxy.
# 2. GoNB and goimports, built from this repository's go.mod (the versions of its
#    `tool` block), into PREFIX/bin.
# 3. The GoNB kernel ("Go (gonb)") in the Jupyter data folder (default: the
#    user's), started by PREFIX/bin/engagement-gonb-kernel, which sets PATH and
#    makes every notebook's module require example.com/engagement from the
#    clone holding the notebook (else this one): no setup cell in notebooks.
# 4. Warm the Go build cache: build the library (library), and execute
#    notebooks/workshop.ipynb (workshop) or every notebook (all) once.
# PREFIX defaults to ~/.local. Safe to run again: what is there is kept.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PREFIX="$HOME/.local" DATA="" WARM=library RAW_ERROR=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) PREFIX="$2"; shift 2 ;;
    --jupyter-data) DATA="$2"; shift 2 ;;
    --warm) WARM="$2"; shift 2 ;;
    --raw-error) RAW_ERROR=1; shift ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$WARM" in none|library|workshop|all) ;; *) echo "install.sh: --warm takes none, library, workshop or all, not $WARM" >&2; exit 2 ;; esac
mkdir -p "$PREFIX/bin"
PREFIX="$(cd "$PREFIX" && pwd)"
START=$SECONDS
say() { printf '[install %3ds] %s\n' "$((SECONDS - START))" "$*"; }
PY=python3; [ -x /usr/bin/python3 ] && ! command -v python3 >/dev/null && PY=/usr/bin/python3
command -v "$PY" >/dev/null || { echo "install.sh: python3 is needed (it comes with Jupyter)" >&2; exit 1; }

HAD_OUT=0 HAD_CACHE=0; [ -e "$ROOT/out" ] && HAD_OUT=1; [ -e "$ROOT/.cache" ] && HAD_CACHE=1
GO_VERSION=$(awk '$1 == "go" { print $2; exit }' "$ROOT/go.mod")
[ -n "$GO_VERSION" ] || { echo "install.sh: no go line in $ROOT/go.mod" >&2; exit 1; }

# go_at_least prints the path of a go command on PATH at GO_VERSION or newer.
go_at_least() {
  local g v
  g=$(command -v go 2>/dev/null) || return 1
  v=$(GOTOOLCHAIN=local "$g" env GOVERSION 2>/dev/null) || return 1
  v=${v#go}
  [ "$(printf '%s\n%s\n' "$GO_VERSION" "$v" | sort -V | head -n1)" = "$GO_VERSION" ] || return 1
  echo "$g"
}

# fetch_toolchain downloads golang.org/toolchain for this machine into PREFIX/go.
fetch_toolchain() {
  local os arch
  os=$(uname -s | tr '[:upper:]' '[:lower:]')
  case "$(uname -m)" in x86_64|amd64) arch=amd64 ;; aarch64|arm64) arch=arm64 ;; i?86) arch=386 ;; *) arch=$(uname -m) ;; esac
  local mod="v0.0.1-go$GO_VERSION.$os-$arch"
  local sum
  sum=$(awk -v v="$mod" '$1 == "golang.org/toolchain" && $2 == v { print $3 }' "$ROOT/notebooks/toolchain.sum")
  say "downloading Go $GO_VERSION ($os-$arch, about 70 MB) from the Go module proxy as golang.org/toolchain@$mod"
  "$PY" - "${GOPROXY:-https://proxy.golang.org,direct}" "${GOSUMDB:-sum.golang.org}" "$mod" "$sum" "$PREFIX" <<'PY'
import base64, hashlib, io, os, shutil, sys, urllib.error, urllib.request, zipfile
proxies, sumdb, version, want, prefix = sys.argv[1:]
module = "golang.org/toolchain"

def get(url, what):
    req = urllib.request.Request(url, headers={"User-Agent": "engagement-notebooks-install"})
    with urllib.request.urlopen(req, timeout=60) as r:
        total = int(r.headers.get("Content-Length") or 0)
        buf, done, shown = io.BytesIO(), 0, -1
        while True:
            chunk = r.read(1 << 20)
            if not chunk:
                break
            buf.write(chunk)
            done += len(chunk)
            pct = done * 100 // total if total else -1
            if total and what and pct // 20 != shown // 20:
                print("  %s: %d%% of %d MB" % (what, pct, total >> 20), flush=True)
                shown = pct
        return buf.getvalue()

def lookup_sum(base):
    # The checksum database, through the proxy (GOPROXY serves /sumdb/<name>/).
    if sumdb.split()[0] == "off":
        sys.exit("install.sh: %s@%s is not in notebooks/toolchain.sum and GOSUMDB=off: add its go.sum line there" % (module, version))
    name = sumdb.split()[0].split("+")[0]
    text = get("%s/sumdb/%s/lookup/%s@%s" % (base, name, module, version), "").decode()
    for line in text.splitlines():
        f = line.split()
        if len(f) == 3 and f[0] == module and f[1] == version:
            print("  hash from the checksum database %s: %s" % (name, f[2]), flush=True)
            return f[2]
    sys.exit("install.sh: the checksum database %s has no hash for %s@%s" % (name, module, version))

def h1(data):
    # go.sum's "h1:" hash (golang.org/x/mod/sumdb/dirhash.HashZip).
    z = zipfile.ZipFile(io.BytesIO(data))
    lines = []
    for n in sorted(i.filename for i in z.infolist() if not i.is_dir()):
        lines.append("%s  %s\n" % (hashlib.sha256(z.read(n)).hexdigest(), n))
    return "h1:" + base64.b64encode(hashlib.sha256("".join(lines).encode()).digest()).decode()

errors = []
for base in [p for p in proxies.replace("|", ",").split(",") if p]:
    if base in ("direct", "off"):
        errors.append("%s: the toolchain is fetched from a module proxy only" % base)
        continue
    base = base.rstrip("/")
    try:
        data = get("%s/%s/@v/%s.zip" % (base, module, version), "Go toolchain")
        expected = want or lookup_sum(base)
    except (urllib.error.URLError, OSError, ValueError) as e:
        errors.append("%s: %s" % (base, e))
        continue
    got = h1(data)
    if got != expected:
        sys.exit("install.sh: %s@%s from %s has hash %s, expected %s: refusing it" % (module, version, base, got, expected))
    print("  checksum ok: %s" % got, flush=True)
    tmp = os.path.join(prefix, ".go.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    strip = "%s@%s/" % (module, version)
    z = zipfile.ZipFile(io.BytesIO(data))
    for info in z.infolist():
        if not info.filename.startswith(strip) or info.is_dir() or ".." in info.filename.split("/"):
            continue
        dst = os.path.join(tmp, info.filename[len(strip):])
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        with open(dst, "wb") as f:
            f.write(z.read(info))
        rel = info.filename[len(strip):]
        if rel.startswith("bin/") or rel.startswith("pkg/tool/") or rel.endswith(".bash") or rel.endswith(".sh"):
            os.chmod(dst, 0o755)
    old = os.path.join(prefix, "go")
    if os.path.isdir(old):
        if not os.path.isfile(os.path.join(old, "VERSION")):
            sys.exit("install.sh: %s exists and is not a Go toolchain: move it away" % old)
        shutil.rmtree(old)
    os.rename(tmp, old)
    sys.exit(0)
sys.exit("install.sh: could not download %s@%s from GOPROXY=%s:\n  %s" % (module, version, proxies, "\n  ".join(errors)))
PY
}

if GO=$(go_at_least); then
  say "using $GO ($("$GO" env GOVERSION))"
elif [ -x "$PREFIX/go/bin/go" ] && [ "$(head -n1 "$PREFIX/go/VERSION")" = "go$GO_VERSION" ]; then
  GO="$PREFIX/go/bin/go"
  say "using $GO (installed before)"
else
  fetch_toolchain
  GO="$PREFIX/go/bin/go"
  say "installed $($GO version | cut -d' ' -f3) into $PREFIX/go"
fi
export GOTOOLCHAIN=local
export PATH="$PREFIX/bin:$(dirname "$GO"):$PATH"
XDG_LINE=""
if [ "$ROOT/.cache" = "${XDG_CACHE_HOME:-$HOME/.cache}" ]; then
  # The repository is the home (Binder): the notebooks' answer cache, ../.cache,
  # would be the home's .cache, where Go and goimports keep theirs and which
  # must hold nothing else; the tools' caches move to PREFIX/cache.
  export XDG_CACHE_HOME="$PREFIX/cache"
  XDG_LINE="XDG_CACHE_HOME=\"$XDG_CACHE_HOME\"; export XDG_CACHE_HOME"
  "$GO" env -w GOCACHE="$XDG_CACHE_HOME/go-build"
  say "tools' caches moved to $XDG_CACHE_HOME (go env -w GOCACHE), to keep $ROOT/.cache for the notebooks"
fi
GOROOT_BIN="$(dirname "$GO")"
for tool in go gofmt; do
  # So that a terminal (PAWS, Binder) finds the same Go; an existing file is kept.
  if [ "$PREFIX/go/bin" = "$GOROOT_BIN" ] && { [ -L "$PREFIX/bin/$tool" ] || [ ! -e "$PREFIX/bin/$tool" ]; }; then
    ln -sfn "$GOROOT_BIN/$tool" "$PREFIX/bin/$tool"
  fi
done
cd "$ROOT"

say "downloading the modules go.mod pins into $("$GO" env GOMODCACHE) (about 280 MB the first time)"
"$GO" mod download
say "building GoNB and goimports at go.mod's versions ($(awk '$1 == "github.com/janpfeifer/gonb" { print $2 }' go.mod), $(awk '$1 == "golang.org/x/tools" { print $2 }' go.mod)) into $PREFIX/bin"
"$GO" build -o "$PREFIX/bin/" github.com/janpfeifer/gonb golang.org/x/tools/cmd/goimports

# The kernel's launcher and the hook that gives every notebook the library.
SHIM="$PREFIX/lib/engagement/shim"
mkdir -p "$SHIM"
cat >"$SHIM/go" <<EOF
#!/bin/sh
# Written by notebooks/install.sh. Runs the real go; when GoNB creates a
# notebook's module (go mod init in \$GONB_TMP_DIR), also makes it require
# example.com/engagement from the clone holding the notebook (\$GONB_DIR),
# else from $ROOT, with its go.sum, so cells import the library and its pinned
# dependencies without a setup cell, and without the network.
real="$GO"
if [ "\$1 \$2" = "mod init" ] && [ -n "\${GONB_TMP_DIR:-}" ] && [ "\$(pwd)" = "\$GONB_TMP_DIR" ]; then
  "\$real" "\$@" || exit \$?
  repo="\${ENGAGEMENT_REPO:-$ROOT}"
  mod=\$(cd "\${GONB_DIR:-/}" 2>/dev/null && "\$real" env GOMOD 2>/dev/null) || mod=""
  if [ -f "\$mod" ] && grep -qx 'module example.com/engagement' "\$mod"; then repo=\$(dirname "\$mod"); fi
  "\$real" mod edit -require=example.com/engagement@v0.0.0-00010101000000-000000000000 -replace=example.com/engagement="\$repo" || exit \$?
  # The library's checksums, so that GoNB's go get needs no checksum database.
  exec cp "\$repo/go.sum" go.sum
fi
exec "\$real" "\$@"
EOF
chmod 755 "$SHIM/go"
GOMODCACHE_DIR=$("$GO" env GOMODCACHE) GOCACHE_DIR=$("$GO" env GOCACHE)
cat >"$PREFIX/bin/engagement-env" <<EOF
#!/bin/sh
# Written by notebooks/install.sh: runs a command with this install's Go on
# PATH (the hub image's entry point, Binder's start): exec engagement-env CMD...
PATH="$PREFIX/bin:$GOROOT_BIN:\$PATH"; export PATH
GOTOOLCHAIN=local GOMODCACHE="$GOMODCACHE_DIR" GOCACHE="$GOCACHE_DIR"; export GOTOOLCHAIN GOMODCACHE GOCACHE
$XDG_LINE
if [ -n "\${ENGAGEMENT_HOME_COPY:-}" ] && [ -w "\${HOME:-/nonexistent}" ] && [ ! -e "\$HOME/\$ENGAGEMENT_HOME_COPY" ]; then
  cp -R "$ROOT" "\$HOME/\$ENGAGEMENT_HOME_COPY" && echo "engagement: copied the notebooks into \$HOME/\$ENGAGEMENT_HOME_COPY" >&2
fi
exec "\$@"
EOF
cat >"$PREFIX/bin/engagement-gonb-kernel" <<EOF
#!/bin/sh
# Written by notebooks/install.sh: the GoNB kernel of kernel.json, with the
# hook above first on PATH.
PATH="$SHIM:$PREFIX/bin:$GOROOT_BIN:\$PATH"; export PATH
GOTOOLCHAIN=local GOMODCACHE="$GOMODCACHE_DIR" GOCACHE="$GOCACHE_DIR"; export GOTOOLCHAIN GOMODCACHE GOCACHE
$XDG_LINE
exec "$PREFIX/bin/gonb" "\$@"
EOF
chmod 755 "$PREFIX/bin/engagement-env" "$PREFIX/bin/engagement-gonb-kernel"

if [ -z "$DATA" ]; then
  DATA=$(jupyter --data-dir 2>/dev/null) || DATA="${XDG_DATA_HOME:-$HOME/.local/share}/jupyter"
fi
say "installing the kernel \"Go (gonb)\" into $DATA/kernels/gonb"
flags=(--install --force_deps); [ -n "$RAW_ERROR" ] && flags+=(--raw_error)
JUPYTER_DATA_DIR="$DATA" "$PREFIX/bin/gonb" "${flags[@]}" >"$PREFIX/lib/engagement/install.log" 2>&1 \
  || { cat "$PREFIX/lib/engagement/install.log"; exit 1; }
"$PY" - "$DATA/kernels/gonb/kernel.json" "$PREFIX/bin/engagement-gonb-kernel" <<'PY'
import json, sys
path, launcher = sys.argv[1:]
spec = json.load(open(path))
spec["argv"][0] = launcher
json.dump(spec, open(path, "w"), indent=1)
PY

warm_notebooks() {
  local out nb t
  command -v jupyter >/dev/null || { say "no jupyter on PATH: notebooks not executed"; return 0; }
  out=$(mktemp -d)
  for nb in "$@"; do
    say "executing notebooks/$(basename "$nb") once, so that its cells start compiled"
    t=$SECONDS
    if ! (cd "$ROOT/notebooks" && JUPYTER_DATA_DIR="$DATA" jupyter nbconvert --to notebook --execute \
          --ExecutePreprocessor.timeout=900 --output-dir "$out" "$(basename "$nb")" >"$out/log" 2>&1) ||
       ! "$PY" - "$out/$(basename "$nb")" <<'PY'
import json, sys
# A failing Go cell shows only "exit status N" on stderr; nbconvert exits 0 then.
for c in json.load(open(sys.argv[1]))["cells"]:
    shown = []
    for o in c.get("outputs", []):
        t = o.get("text") or o.get("data", {}).get("text/html") or o.get("data", {}).get("text/markdown") or ""
        shown.append("".join(t) if isinstance(t, list) else t)
        if o["output_type"] == "error" or (o.get("name") == "stderr" and "exit status" in shown[-1]):
            sys.exit("".join(c["source"]) + "\n--> " + "\n".join(shown + [str(o.get("evalue") or "")]))
PY
    then
      tail -n 30 "$out/log"; echo "install.sh: notebooks/$(basename "$nb") failed (above)" >&2; exit 1
    fi
    say "  done in $((SECONDS - t)) s"
  done
  rm -rf "$out"
}

if [ "$WARM" != none ]; then
  say "building the library, to warm the build cache $GOCACHE_DIR"
  GOFLAGS="${GOFLAGS:--buildvcs=false}" "$GO" build ./engagement/...
  case "$WARM" in
    workshop) warm_notebooks "$ROOT/notebooks/workshop.ipynb" ;;
    all) warm_notebooks "$ROOT"/notebooks/*.ipynb ;;
  esac
  # What the warming runs wrote next to the notebooks goes; anything there before stays.
  [ "$HAD_OUT" = 1 ] || rm -rf "$ROOT/out"
  [ "$HAD_CACHE" = 1 ] || [ ! -f "$ROOT/.cache/.engagement-cache" ] || rm -rf "$ROOT/.cache"
fi
say "ready: Go $GO_VERSION, GoNB and the kernel \"Go (gonb)\" (in $((SECONDS - START)) s)"
