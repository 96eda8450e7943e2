#!/usr/bin/env bash
# Runs .binder/postBuild the way repo2docker does, then every notebook through
# .binder/start, on a fresh Debian machine as root:
#   - a fresh unprivileged user (useradd -m) whose home holds the repository
#     (repo2docker's REPO_DIR is $HOME), a clean environment with
#     PATH=/usr/bin:/bin (no Go), Jupyter from Debian's packages only;
#   - postBuild from the repository's root, timed;
#   - each notebook executed by `.binder/start jupyter nbconvert --execute`,
#     failing on any error output, with the time from the first cell to the
#     first chart; then a notebook of the participant's own outside the
#     repository that imports the library and gota.
#   bash .ci/binder.sh            (GOPROXY is passed on when set)
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/fresh-user.sh
need_packages jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel
make_user engagement-binder
copy_repo "$U_HOME"

t=$SECONDS
as_user "cd ~ && .binder/postBuild"
echo "postBuild: $((SECONDS - t)) s"

run_notebooks ".binder/start" "$U_HOME/notebooks" "$U_HOME"/notebooks/*.ipynb
own_notebook ".binder/start"
echo "binder: ok in $((SECONDS - t)) s"
