#!/usr/bin/env bash
# The README's first command (`npm run demo`): the quickstart center against the built-in simulator
# under the real Pulumi engine, ending with the review summary of a previewed edit. Installs what it
# needs; safe to run again.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

[ -d node_modules ] || { echo "demo: installing the repository's dependencies (npm ci)"; npm ci --no-audit --no-fund; }
echo "demo: building pulumi-clink"
npm run --silent build

pulumi_bin="$(bash scripts/ensure-pulumi.sh | tail -n1)"
export PATH="$pulumi_bin:$PATH"

echo "demo: installing the quickstart example (pulumi-clink as a packed dependency)"
# Drop the previous packed copy: npm would call it "up to date" and keep running old code.
rm -rf examples/quickstart/node_modules/pulumi-clink
(cd examples/quickstart && npm install --no-audit --no-fund --loglevel=error)
npx tsc -p examples/quickstart/tsconfig.json
node examples/quickstart/bin/demo.js
