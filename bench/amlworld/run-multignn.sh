#!/bin/sh
# Runs IBM Multi-GNN's own format_kaggle_files.py, unmodified, on our AMLworld export (not part of CI).
# Usage: bench/amlworld/run-multignn.sh /path/to/Multi-GNN [extra generate flags, e.g. --transactions 200000]
# Needs python3 with pandas. datatable has no wheel here: shim/ stands in for the calls the script makes.
set -eu
MULTIGNN="$1"
shift
HERE="$(cd "$(dirname "$0")" && pwd)"
OUT="$(mktemp -d)/amlworld"
npx tsx src/cli/main.ts --format amlworld --out "$OUT" --quiet "$@" >/dev/null
START=$(date +%s)
PYTHONPATH="$HERE/shim" python3 "$MULTIGNN/format_kaggle_files.py" "$OUT/fincrime_Trans.csv"
END=$(date +%s)
python3 - "$OUT" <<'PY'
import sys, pandas as pd
out = sys.argv[1]
raw = pd.read_csv(f"{out}/fincrime_Trans.csv", dtype=str)
fmt = pd.read_csv(f"{out}/formatted_transactions.csv")
assert list(fmt.columns) == ["EdgeID", "from_id", "to_id", "Timestamp", "Amount Sent", "Sent Currency",
                             "Amount Received", "Received Currency", "Payment Format", "Is Laundering"], list(fmt.columns)
assert len(fmt) == len(raw), (len(fmt), len(raw))
assert fmt["Is Laundering"].sum() == (raw["Is Laundering"] == "1").sum()
assert fmt["Timestamp"].is_monotonic_increasing
nodes = pd.concat([fmt.from_id, fmt.to_id]).nunique()
print(f"format_kaggle_files.py OK: {len(fmt)} edges, {nodes} accounts, {int(fmt['Is Laundering'].sum())} laundering, "
      f"{fmt['Payment Format'].nunique()} payment formats, {fmt['Sent Currency'].nunique()} currencies")
PY
echo "converter time: $((END - START)) s; output in $OUT"
