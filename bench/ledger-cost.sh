#!/usr/bin/env bash
# CLI cost of the medium config: user CPU and wall seconds, median of 3, for --threads 0 and the default threads
# (with --no-audit, since the audit keeps a run on one thread).
#   bash bench/ledger-cost.sh [cli-dir]   (default dist-cli; build it first with node scripts/build-cli.mjs)
set -euo pipefail
cd "$(dirname "$0")/.."
cli="${1:-dist-cli}"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
median() { sort -n | sed -n 2p; }
for mode in "--threads 0" "--threads 0 --no-audit" "--no-audit"; do
  users=() walls=()
  for run in 1 2 3; do
    rm -rf "$out/d"
    /usr/bin/time -o "$out/t" -f '%U %e' node "$cli/main.cjs" --config bench/quality/medium.json --seed 1 $mode --out "$out/d" >/dev/null 2>&1
    t=$(tail -1 "$out/t")
    users+=("${t% *}") walls+=("${t#* }")
  done
  echo "$mode: user $(printf '%s\n' "${users[@]}" | median) s, wall $(printf '%s\n' "${walls[@]}" | median) s"
done
