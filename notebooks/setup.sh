#!/usr/bin/env bash
# Sets up Jupyter and the GoNB kernel for this repository's notebooks.
#
#   bash notebooks/setup.sh          a laptop (Debian/Ubuntu) or CI: installs Jupyter
#                                    with apt if missing (pip elsewhere), then Go if
#                                    missing, GoNB and the kernel into .jupyter/ inside
#                                    the repository (ignored by git)
#   bash notebooks/setup.sh --user   PAWS or any hub with Jupyter and no Go: installs
#                                    into your home (~/.local, the persistent home on
#                                    PAWS), no root; every later session starts at once
#
# Both run notebooks/install.sh (the same install as Binder and the hub image),
# which says what it does as it goes. Safe to run again.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [ "${1:-}" = "--user" ]; then
  command -v jupyter >/dev/null || { echo "setup.sh --user: no jupyter on PATH; run it in a Jupyter terminal (PAWS: File > New > Terminal), or use bash notebooks/setup.sh on a laptop"; exit 1; }
  bash "$ROOT/notebooks/install.sh" --prefix "$HOME/.local" --warm workshop
  echo
  echo "Ready. Open notebooks/workshop.ipynb and choose the kernel \"Go (gonb)\" (reload the page if it is not listed)."
  exit 0
fi
[ $# -eq 0 ] || { echo "usage: bash notebooks/setup.sh [--user]"; exit 2; }

export PATH="/usr/local/go/bin:$PATH"
PY=python3; [ -x /usr/bin/python3 ] && PY=/usr/bin/python3
if ! command -v jupyter >/dev/null || ! "$PY" -c "import nbconvert, nbclient, ipykernel" 2>/dev/null || ! command -v jq >/dev/null; then
  echo "[setup] installing Jupyter and jq"
  if command -v apt-get >/dev/null; then
    SUDO=""; if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q jupyter-notebook jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel jq
  else
    python3 -m pip install --user notebook nbconvert nbclient jupyter-client ipykernel
    command -v jq >/dev/null || { echo "please install jq"; exit 1; }
  fi
fi
bash "$ROOT/notebooks/install.sh" --prefix "$ROOT/.jupyter" --jupyter-data "$ROOT/.jupyter/data" --raw-error --warm library

echo
echo "Ready. Open the notebooks with:"
echo "  bash notebooks/open.sh"
