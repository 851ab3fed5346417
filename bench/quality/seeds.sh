#!/usr/bin/env bash
# Generates seeds 1 and 2 of a config into bench/quality/out/seed-N (shared by run.sh and realism.sh).
#   bash bench/quality/seeds.sh [config.json]
set -euo pipefail
cd "$(dirname "$0")/../.."
config=${1:-bench/quality/medium.json}
out=bench/quality/out
mkdir -p "$out"
for seed in 1 2; do
  npm run --silent generate -- --config "$config" --seed "$seed" --out "$out/seed-$seed" --force --quiet >/dev/null
done
