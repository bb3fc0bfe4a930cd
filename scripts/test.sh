#!/usr/bin/env bash
# The README's test command (`npm test`): unit and simulator-backed integration tests, then the
# end-to-end suite under the real Pulumi engine. Installs what it needs on a fresh clone.
#   CLINK_E2E_PULUMI_VERSION=3.230.0 npm test   # pick the @pulumi/pulumi the e2e program uses
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

[ -d node_modules ] || npm ci --no-audit --no-fund
npm run --silent build
npx vitest run
pulumi_bin="$(bash scripts/ensure-pulumi.sh | tail -n1)"
# Two engine files at a time, each group in its own vitest process and program directory
# (scripts/vitest-groups.mjs says why).
PATH="$pulumi_bin:$PATH" node scripts/vitest-groups.mjs --config vitest.e2e.config.mts --groups 2
