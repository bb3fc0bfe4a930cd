#!/usr/bin/env bash
# Makes the Pulumi CLI available and prints the directory that holds it (last line of stdout).
# The CLI built here has no Node.js language host, so it runs Node.js policy packs through
# `pulumi-analyzer-policy-nodejs` on PATH: this script puts that launcher (scripts/) next to it.
#
# Order: a `pulumi` on PATH that is at least $PULUMI_MIN_VERSION; else one cached under
# ${XDG_CACHE_HOME:-~/.cache}/pulumi-clink; else build it from the Go modules that the Go module
# proxy serves (Pulumi's release binaries cannot be downloaded on every machine).
# pkg/v3's go.mod says `replace github.com/pulumi/pulumi/sdk/v3 => ../sdk`, so `go install`
# refuses it: we lay the two module directories side by side as pkg/ and sdk/ and build there.
set -euo pipefail

# The one place the CLI version is pinned.
PULUMI_VERSION="${PULUMI_VERSION:-3.259.0}"
# The oldest CLI whose Automation API features (inline programs over --client) we rely on.
PULUMI_MIN_VERSION="3.150.0"

log() { echo "ensure-pulumi: $*" >&2; }

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
launcher="pulumi-analyzer-policy-nodejs"

# Puts the policy-pack launcher into $1 (the CLI's directory) unless the same file is there.
install_policy_launcher() {
  if ! cmp -s "$script_dir/$launcher" "$1/$launcher"; then
    cp "$script_dir/$launcher" "$1/$launcher.tmp.$$"
    chmod +x "$1/$launcher.tmp.$$"
    mv "$1/$launcher.tmp.$$" "$1/$launcher"
    log "installed the policy-pack launcher $1/$launcher"
  fi
}

version_ge() { # $1 >= $2 ?
  [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n1)" = "$2" ]
}

if command -v pulumi >/dev/null 2>&1; then
  have="$(pulumi version 2>/dev/null | sed 's/^v//' || true)"
  if [ -n "$have" ] && version_ge "$have" "$PULUMI_MIN_VERSION"; then
    log "using pulumi $have from PATH ($(command -v pulumi))"
    pulumi_dir="$(dirname "$(command -v pulumi)")"
    # A Pulumi distribution runs Node.js policy packs with its language host; without one the
    # engine needs the launcher on PATH (the directory may not be ours to write into).
    if [ ! -x "$pulumi_dir/pulumi-language-nodejs" ] && ! command -v pulumi-language-nodejs >/dev/null 2>&1 &&
      ! command -v "$launcher" >/dev/null 2>&1; then
      log "this pulumi has no Node.js language host and $launcher is not on PATH: policy packs will not run; copy $script_dir/$launcher onto PATH"
    fi
    echo "$pulumi_dir"
    exit 0
  fi
  log "pulumi on PATH reports '${have:-no version}', older than $PULUMI_MIN_VERSION; looking further"
fi

cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-clink"
bin_dir="$cache_root/pulumi-v$PULUMI_VERSION/bin"
if [ -x "$bin_dir/pulumi" ]; then
  log "using cached pulumi v$PULUMI_VERSION ($bin_dir/pulumi)"
  install_policy_launcher "$bin_dir"
  echo "$bin_dir"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  log "no pulumi CLI found and Go is missing: install the Pulumi CLI (https://www.pulumi.com/docs/install/) or Go 1.22+ so it can be built"
  exit 1
fi

log "building pulumi v$PULUMI_VERSION from Go modules (takes a few minutes on a cold module cache)"
work="$(mktemp -d)"
trap 'chmod -R u+w "$work" 2>/dev/null || true; rm -rf "$work"' EXIT
module_dir() {
  (cd "$work" && GOFLAGS=-mod=mod go mod download -json "$1@v$PULUMI_VERSION") |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p'
}
pkg_src="$(module_dir github.com/pulumi/pulumi/pkg/v3)"
sdk_src="$(module_dir github.com/pulumi/pulumi/sdk/v3)"
if [ -z "$pkg_src" ] || [ -z "$sdk_src" ]; then
  log "could not download the pulumi Go modules v$PULUMI_VERSION from the Go module proxy"
  exit 1
fi
cp -r "$pkg_src" "$work/pkg"
cp -r "$sdk_src" "$work/sdk"
chmod -R u+w "$work"
mkdir -p "$bin_dir"
(cd "$work/pkg" && go build \
  -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$PULUMI_VERSION" \
  -o "$bin_dir/pulumi.tmp" ./cmd/pulumi)
mv "$bin_dir/pulumi.tmp" "$bin_dir/pulumi"
log "built $("$bin_dir/pulumi" version) at $bin_dir/pulumi"
install_policy_launcher "$bin_dir"
echo "$bin_dir"
