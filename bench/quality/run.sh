#!/usr/bin/env bash
# Data quality as users measure it: two seeds of the medium config, a model trained on one and tested on the other,
# and the five-minute rules. Needs Python 3 with pandas and scikit-learn (pip install pandas scikit-learn).
#   bash bench/quality/run.sh [config.json]   → bench/quality/out/separability.json
set -euo pipefail
cd "$(dirname "$0")/../.."
bash bench/quality/seeds.sh "${1:-bench/quality/medium.json}"
out=bench/quality/out
python3 bench/quality/separability.py "$out/seed-1" "$out/seed-2" --out "$out/separability.json"
