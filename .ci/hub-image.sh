#!/usr/bin/env bash
# Builds the hub image (notebooks/Containerfile) without a registry and runs a
# notebook in it the way a hub starts it, on a fresh Debian machine as root:
#   - a Debian 12 base with Jupyter from Debian's packages, made by mmdebstrap
#     (kept in $CI_CACHE/base.tar for later runs) and imported as a local image;
#   - the recipe built by buildah (chroot isolation, vfs storage) with a build
#     argument naming that base;
#   - podman (runc, cgroupfs) runs commands as the hub would pass them: the
#     image's user must not be root, the command must reach the container
#     unchanged, and notebooks/workshop.ipynb must execute clean, offline.
# Containers' storage is kept apart, in $CI_CACHE/storage. GOPROXY_DIR, a
# module proxy on disk (.ci/goproxy.sh), is mounted into the build.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
. .ci/fresh-user.sh
need_packages podman buildah mmdebstrap runc ca-certificates
CI_CACHE=${CI_CACHE:-/var/cache/engagement-ci}
mkdir -p "$CI_CACHE"
STORE=(--root "$CI_CACHE/storage" --runroot /run/engagement-ci-containers --storage-driver vfs)
RUN=(run --rm --runtime=/usr/sbin/runc --cgroup-manager=cgroupfs --network=none
     --ulimit nofile=20000:20000 --ulimit nproc=4096:4096)
BASE=localhost/engagement-base:bookworm IMAGE=localhost/engagement-hub:ci

t=$SECONDS
if [ ! -s "$CI_CACHE/base.tar" ]; then
  mmdebstrap --variant=minbase --format=tar --include=python3,jupyter-nbconvert,python3-nbclient,jupyter-client,python3-ipykernel,ca-certificates \
    bookworm "$CI_CACHE/base.tar.part" http://deb.debian.org/debian
  mv "$CI_CACHE/base.tar.part" "$CI_CACHE/base.tar"
  echo "base: mmdebstrap in $((SECONDS - t)) s ($(du -m "$CI_CACHE/base.tar" | cut -f1) MB)"
else
  echo "base: $CI_CACHE/base.tar from an earlier run"
fi
podman "${STORE[@]}" image exists "$BASE" || podman "${STORE[@]}" import -q "$CI_CACHE/base.tar" "$BASE" >/dev/null

ctx=$(mktemp -d)
trap 'rm -rf "$ctx"' EXIT
repo_tar | tar -C "$ctx" -xf -
t=$SECONDS
proxy=()
if [ -n "${GOPROXY_DIR:-}" ]; then
  # A module proxy on disk (.ci/goproxy.sh), mounted into the build's RUN steps.
  proxy=(-v "$GOPROXY_DIR:/goproxy:ro" --build-arg GOPROXY=file:///goproxy,https://proxy.golang.org)
elif [ -n "${GOPROXY:-}" ]; then
  proxy=(--build-arg GOPROXY="$GOPROXY")
fi
# The build's RUN steps trust what this machine trusts (a proxy's CA, say).
[ -f /etc/ssl/certs/ca-certificates.crt ] && proxy+=(-v /etc/ssl/certs/ca-certificates.crt:/etc/ssl/certs/ca-certificates.crt:ro)
buildah "${STORE[@]}" bud --isolation=chroot --layers=false "${proxy[@]}" \
  --build-arg BASE="$BASE" -f notebooks/Containerfile -t "$IMAGE" "$ctx" >"$CI_CACHE/hub-build.log" 2>&1 \
  || { tail -n 60 "$CI_CACHE/hub-build.log"; echo "FAIL: buildah bud (log: $CI_CACHE/hub-build.log)"; exit 1; }
grep '^\[install\|^STEP' "$CI_CACHE/hub-build.log"
podman "${STORE[@]}" image prune -f >/dev/null # the previous run's image
echo "image: built in $((SECONDS - t)) s ($(podman "${STORE[@]}" image inspect "$IMAGE" --format '{{.Size}}' | awk '{printf "%d MB", $1/1e6}'))"

# One container (each start copies the image's files with vfs): the user, then
# the arguments as the command received them.
got=$(podman "${STORE[@]}" "${RUN[@]}" "$IMAGE" sh -c 'id -un; printf "%s|" "$@"' sh 'a b' --ip=0.0.0.0 "" 2>/dev/null)
user=$(head -n1 <<<"$got") args=$(tail -n1 <<<"$got")
[ -n "$user" ] && [ "$user" != root ] || { echo "FAIL: the image runs as ${user:-nobody}"; exit 1; }
echo "ok   runs as $user"
[ "$args" = "a b|--ip=0.0.0.0||" ] || { echo "FAIL: the entry point changed the hub's command: $args"; exit 1; }
echo "ok   the entry point passes the hub's command through"

out=$(mktemp -d); chmod 777 "$out"
t=$SECONDS
podman "${STORE[@]}" "${RUN[@]}" -v "$out:/out" "$IMAGE" bash -c 'cd ~/engagement/notebooks &&
  jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=900 --output-dir /out workshop.ipynb' >"$out/log" 2>&1 \
  || { echo "FAIL: the workshop notebook in the image"; tail -n 40 "$out/log"; exit 1; }
grep -q "copied the notebooks into" "$out/log" || { echo "FAIL: the notebooks were not copied into the home"; cat "$out/log"; exit 1; }
python3 .ci/nbcheck.py "$out/workshop.ipynb"
echo "     workshop.ipynb in the image: $((SECONDS - t)) s, container start included"
rm -rf "$out"
