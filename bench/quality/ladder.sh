#!/usr/bin/env bash
# The difficulty ladder as users measure it: for each of easy, medium and hard, seeds 1 and 2 of a config (try
# bench/quality/ladder.json: every kind, 10 instances each) with that difficulty, a model trained on one and tested
# on the other, and the rules with their false positives.
#   bash bench/quality/ladder.sh [config.json] [levels…]   → bench/quality/out/ladder/<level>.json and a summary
# CLI=path/to/fincrime-synth.mjs uses another build (e.g. a copy of an older one, for before → after figures).
set -euo pipefail
cd "$(dirname "$0")/../.."
config=${1:-bench/quality/medium.json}
shift || true
levels=("${@:-easy medium hard}")
cli=${CLI:-bin/fincrime-synth.mjs}
out=${OUT:-bench/quality/out/ladder}
mkdir -p "$out"
for level in ${levels[@]}; do
  cfg="$out/$level.config.json"
  python3 -c 'import json,sys; c=json.load(open(sys.argv[1])); c["difficulty"]=sys.argv[2]; json.dump(c,open(sys.argv[3],"w"))' \
    "$config" "$level" "$cfg"
  for seed in 1 2; do
    node "$cli" --config "$cfg" --seed "$seed" --out "$out/$level-$seed" --force --quiet >/dev/null
  done
  python3 bench/quality/separability.py "$out/$level-1" "$out/$level-2" --out "$out/$level.json" >/dev/null
  python3 bench/quality/separability.py --summary "$out/$level.json" "$level"
done
