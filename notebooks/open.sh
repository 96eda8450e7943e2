#!/usr/bin/env bash
# Opens Jupyter on this repository's notebooks with the GoNB kernel that
# notebooks/setup.sh installed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JUPYTER_DATA_DIR="$ROOT/.jupyter/data"
export PATH="$ROOT/.jupyter/bin:/usr/local/go/bin:$PATH"
[ -f "$JUPYTER_DATA_DIR/kernels/gonb/kernel.json" ] || { echo "run bash notebooks/setup.sh first"; exit 1; }
exec jupyter notebook --notebook-dir="$ROOT/notebooks" "$@"
