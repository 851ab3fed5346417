#!/usr/bin/env bash
# Realism of the background (issue 10): two seeds of the medium config, then bench/quality/realism.py.
# Needs Python 3 with pandas.   bash bench/quality/realism.sh [config.json]   → bench/quality/out/realism.json
set -euo pipefail
cd "$(dirname "$0")/../.."
bash bench/quality/seeds.sh "${1:-bench/quality/medium.json}"
out=bench/quality/out
python3 bench/quality/realism.py "$out/seed-1" "$out/seed-2" --out "$out/realism.json"
# The shipped load.py must give back every cell of both outputs.
python3 bench/quality/loadcheck.py "$out/seed-1" "$out/seed-2" > "$out/loadcheck.json"
# Does the share price react to announcements (issue 11, market reaction)?
python3 bench/quality/market.py "$out/seed-1" "$out/seed-2" > "$out/market.json"
