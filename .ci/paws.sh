#!/usr/bin/env bash
# Runs the PAWS command, `bash notebooks/setup.sh --user`, the way a
# participant does in a PAWS terminal, on a fresh Debian machine as root: a
# fresh unprivileged user with a fresh home, PATH=/usr/bin:/bin (no Go),
# Jupyter from Debian's packages, the repository cloned into the home (as
# nbgitpuller does, in ~/engagement). Then notebooks/workshop.ipynb executes
# with plain `jupyter nbconvert` (no wrapper: a hub starts Jupyter without our
# PATH), failing on any error output, and so does a notebook of the user's own.
#   bash .ci/paws.sh            (GOPROXY is passed on when set)
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/fresh-user.sh
need_packages jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel
make_user engagement-paws
copy_repo "$U_HOME/engagement"

t=$SECONDS
as_user "cd ~/engagement && bash notebooks/setup.sh --user"
echo "setup.sh --user: $((SECONDS - t)) s"
[ -f "$U_HOME/.local/share/jupyter/kernels/gonb/kernel.json" ] || { echo "FAIL: no kernel in ~/.local/share/jupyter"; exit 1; }

run_notebooks "" "$U_HOME/engagement/notebooks" "$U_HOME/engagement/notebooks/workshop.ipynb"
own_notebook ""
echo "paws: ok in $((SECONDS - t)) s"
