#!/usr/bin/env bash
# Makes a module proxy on disk for the CI steps that install as a fresh user
# (.ci/paws.sh, .ci/hub-image.sh), so that the second and third installs of
# one run read the modules and the Go toolchain from disk instead of the
# network: the modules go.mod pins and golang.org/toolchain for this machine,
# downloaded (and checked against go.sum and the checksum database) by the go
# command into $CI_CACHE/gomod, whose cache/download folder has the layout of
# a proxy. Prints the folder; use it as GOPROXY=file://DIR,https://proxy.golang.org.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"
CI_CACHE=${CI_CACHE:-/var/cache/engagement-ci}
export GOMODCACHE="$CI_CACHE/gomod" GOFLAGS=-modcacherw
v=$(awk '$1 == "go" { print $2; exit }' go.mod)
case "$(uname -m)" in x86_64) arch=amd64 ;; aarch64) arch=arm64 ;; *) arch=$(uname -m) ;; esac
go mod download >&2
(cd "$(mktemp -d)" && go mod download "golang.org/toolchain@v0.0.1-go$v.linux-$arch" >&2)
echo "$GOMODCACHE/cache/download"
