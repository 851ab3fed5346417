#!/usr/bin/env bash
# Issue 14 "in the tab": 1M transactions, Generate → zip saved, in Chromium, before and after in alternating rounds.
# Serve the two builds first (e.g. `vite build --outDir /tmp/x/dist-before` on the base commit, `npm run build` here):
#   node scripts/serve.mjs --port 4316 --root /tmp/x/dist-before &  node scripts/serve.mjs --port 4315 &
#   bench/tab-lanes.sh 4316 4315 [rounds]
# Prints each round's wall times and Chromium's CPU seconds (the machine is shared: CPU is the steadier figure).
set -euo pipefail
before=${1:?port of the build before} after=${2:?port of the build after} rounds=${3:-3}
for i in $(seq 1 "$rounds"); do
  for side in before after; do
    port=$([ "$side" = before ] && echo "$before" || echo "$after")
    echo "== $side (port $port), load $(cut -d' ' -f1 /proc/loadavg)"
    E2E_PORT=$port BENCH=1 ROUNDS=1 npx playwright test e2e/tab-lanes-bench.spec.ts --reporter=list 2>&1 | grep -E '^round|failed|Error' || true
  done
done
