# Helpers for the CI steps that install the notebooks as a participant would:
# a fresh unprivileged user with a fresh home and nothing of Go. Sourced by
# .ci/binder.sh and .ci/paws.sh; run as root.

# need_packages installs the Debian packages named that are missing.
need_packages() {
  local p need=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
  if [ ${#need[@]} -gt 0 ]; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
  fi
}

# make_user creates the user NAME afresh (removing one left by an earlier
# run) and removes it on exit unless KEEP_CI_USER is set. Sets U and U_HOME.
make_user() {
  U=$1
  if id -u "$U" >/dev/null 2>&1; then userdel -r "$U" >/dev/null 2>&1 || true; fi
  useradd -m -s /bin/bash "$U"
  U_HOME=$(getent passwd "$U" | cut -d: -f6)
  if [ -z "${KEEP_CI_USER:-}" ]; then trap 'userdel -r "$U" >/dev/null 2>&1 || true' EXIT; fi
  echo "user $U, home $U_HOME, PATH=/usr/bin:/bin, $(command -v go >/dev/null && echo "root's go not on its PATH" || echo "no Go")"
}

# repo_tar writes a tar of the repository's files to stdout: the files git
# tracks or would track (not .git, nor what .gitignore names, such as .jupyter,
# .cache and out), or, outside git, all but those.
repo_tar() {
  if git rev-parse --show-toplevel >/dev/null 2>&1; then
    git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -
  else
    tar --exclude=./.git --exclude=./.jupyter --exclude=./.cache --exclude=./.tools --exclude=./out -cf - .
  fi
}

# copy_repo copies the repository's files into DIR, owned by the user.
copy_repo() {
  mkdir -p "$1"
  repo_tar | tar -C "$1" -xf -
  chown -R "$U:" "$1"
}

# as_user runs a bash command as the user in a clean environment: HOME,
# PATH=/usr/bin:/bin, and GOPROXY when set.
as_user() {
  runuser -u "$U" -- env -i HOME="$U_HOME" USER="$U" LOGNAME="$U" SHELL=/bin/bash PATH=/usr/bin:/bin LANG=C.UTF-8 \
    ${GOPROXY:+GOPROXY="$GOPROXY"} bash -euo pipefail -c "$1"
}

# run_notebooks executes each notebook as the user, from its folder, through
# the command WRAPPER (relative to the home; "" for none), and checks it.
run_notebooks() {
  local wrapper=$1 dir=$2 nb name t status=0
  shift 2
  for nb in "$@"; do
    name=$(basename "$nb" .ipynb)
    t=$SECONDS
    if ! as_user "cd '$dir' && ${wrapper:+~/$wrapper} jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=900 \
        --output-dir ~/.ci-executed --output '$name' '$name.ipynb' >~/.ci-executed-$name.log 2>&1"; then
      echo "FAIL $name: nbconvert failed"; tail -n 40 "$U_HOME/.ci-executed-$name.log"; status=1; continue
    fi
    python3 .ci/nbcheck.py "$U_HOME/.ci-executed/$name.ipynb" || { status=1; continue; }
    echo "     $name: $((SECONDS - t)) s in all"
  done
  return $status
}

# own_notebook executes, as the user, a notebook of their own in a folder of
# their own (not the repository): it imports the library and gota.
own_notebook() {
  local wrapper=$1
  as_user "mkdir -p ~/mywork"
  python3 - "$U_HOME/mywork/mine.ipynb" <<'PY'
import json, sys
src = '''import (
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"example.com/engagement/engagement"
	"example.com/engagement/engagement/nb"
)

%%
s := nb.Must(engagement.Open(context.Background(), "sample", engagement.WithCacheDir("cache")))
df := dataframe.New(series.New([]int{s.Roster().Nrow()}, series.Int, "participants"))
fmt.Printf("own notebook: %d participants\\n", df.Elem(0, 0).Val())'''
nb = {"cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": src}],
      "metadata": {"kernelspec": {"display_name": "Go (gonb)", "language": "go", "name": "gonb"}},
      "nbformat": 4, "nbformat_minor": 5}
json.dump(nb, open(sys.argv[1], "w"))
PY
  chown "$U:" "$U_HOME/mywork/mine.ipynb"
  as_user "cd ~/mywork && ${wrapper:+~/$wrapper} jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=900 \
      --output-dir ~/.ci-executed --output mine mine.ipynb >~/.ci-executed-mine.log 2>&1" \
    || { echo "FAIL own notebook: nbconvert failed"; tail -n 40 "$U_HOME/.ci-executed-mine.log"; return 1; }
  python3 .ci/nbcheck.py "$U_HOME/.ci-executed/mine.ipynb"
  grep -q 'own notebook: [1-9][0-9]* participants' "$U_HOME/.ci-executed/mine.ipynb" \
    || { echo "FAIL own notebook: no participants counted"; cat "$U_HOME/.ci-executed/mine.ipynb"; return 1; }
  grep -o 'own notebook: [0-9]* participants' "$U_HOME/.ci-executed/mine.ipynb"
}
