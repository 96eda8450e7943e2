#!/usr/bin/env bash
# Sets up Jupyter and the GoNB kernel for this repository's notebooks, on a
# Debian-like machine: installs Jupyter (apt, or pip where apt is not
# available), builds GoNB and goimports at the versions pinned in go.mod, and
# installs the kernel into .jupyter/ inside the repository (ignored by git).
# Safe to run again: what is already there is kept.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="/usr/local/go/bin:$PATH"
BIN="$ROOT/.jupyter/bin"
export JUPYTER_DATA_DIR="$ROOT/.jupyter/data"

PY=python3; [ -x /usr/bin/python3 ] && PY=/usr/bin/python3
if ! command -v jupyter >/dev/null || ! "$PY" -c "import nbconvert, nbclient, ipykernel" 2>/dev/null || ! command -v jq >/dev/null; then
  if command -v apt-get >/dev/null; then
    SUDO=""; if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q jupyter-notebook jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel jq
  else
    python3 -m pip install --user notebook nbconvert nbclient jupyter-client ipykernel
    command -v jq >/dev/null || { echo "please install jq"; exit 1; }
  fi
fi

mkdir -p "$BIN"
if [ ! -x "$BIN/gonb" ] || [ ! -x "$BIN/goimports" ] || [ go.mod -nt "$BIN/gonb" ]; then
  echo "building GoNB and goimports at the versions pinned in go.mod"
  go build -o "$BIN/" github.com/janpfeifer/gonb golang.org/x/tools/cmd/goimports
fi
export PATH="$BIN:$PATH"
if [ ! -f "$JUPYTER_DATA_DIR/kernels/gonb/kernel.json" ] || [ "$BIN/gonb" -nt "$JUPYTER_DATA_DIR/kernels/gonb/kernel.json" ]; then
  gonb --install --force_deps --raw_error --logtostderr >/dev/null 2>&1 || gonb --install --force_deps --raw_error
fi
# Warm the build cache so the first notebook cell is quick.
go build ./engagement/... >/dev/null

echo
echo "Ready. Open the notebooks with:"
echo "  bash notebooks/open.sh"
