#!/usr/bin/env bash
# Checks the example GitHub Actions workflows (examples/ci/*.yml) with actionlint, built once from
# its Go module (the Go module proxy serves it; release binaries cannot be downloaded on every
# machine) and cached under ${XDG_CACHE_HOME:-~/.cache}/pulumi-clink. Without Go it says so and
# skips; CI has Go.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

# The one place the actionlint version is pinned.
ACTIONLINT_VERSION="v1.7.12"

log() { echo "lint-workflows: $*" >&2; }

bin_dir="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-clink/actionlint-$ACTIONLINT_VERSION"
if [ ! -x "$bin_dir/actionlint" ]; then
  if ! command -v go >/dev/null 2>&1; then
    log "SKIPPED: Go is missing, and actionlint is built from its Go module (install Go 1.22+ to lint examples/ci)"
    exit 0
  fi
  log "building actionlint $ACTIONLINT_VERSION from its Go module (once)"
  mkdir -p "$bin_dir"
  GOFLAGS=-mod=mod GOBIN="$bin_dir" go install "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION"
fi
cd "$root"
"$bin_dir/actionlint" examples/ci/*.yml
log "examples/ci/*.yml pass actionlint $ACTIONLINT_VERSION"
