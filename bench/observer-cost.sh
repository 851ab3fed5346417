#!/usr/bin/env bash
# What the two whole-run reports (realism.json, audit.json) cost a medium run of the compiled CLI: each combination
# of --no-audit / --no-realism, with --threads 0 and with extra threads, median of N runs (wall and user+sys CPU, from
# /usr/bin/time), in alternating rounds so that a busy machine's drift hits every combination alike.
#   [CLI=path/to/main.cjs] bash bench/observer-cost.sh [runs, default 3] [thread counts, default "0 2"]
# Targets (issue 14 / 11): realism ≤ +5 % and audit ≤ +10 % of the run with neither; threads 2 faster than threads 0.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
threads=${2:-"0 2"}
cli=${CLI:-dist-cli/main.cjs}
[ -f "$cli" ] || node scripts/build-cli.mjs
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
combos=("none:--no-audit --no-realism" "realism:--no-audit" "audit:--no-realism" "both:")
for ((r = 1; r <= runs; r++)); do
  for t in $threads; do
    for c in "${combos[@]}"; do
      name=${c%%:*}
      flags=${c#*:}
      # shellcheck disable=SC2086
      /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" node "$cli" --config bench/quality/medium.json \
        --seed 1 --out "$tmp/out" --force --quiet --threads "$t" $flags >/dev/null
      read -r wall user sys rss <"$tmp/time"
      echo "$t $name $wall $(echo "$user + $sys" | bc) $rss" >>"$tmp/samples"
      echo "round $r threads $t $name: wall $wall s, cpu $(echo "$user + $sys" | bc) s, rss $((rss / 1024)) MB" >&2
    done
  done
done
python3 - "$tmp/samples" <<'PY'
import sys, statistics as st
rows = [l.split() for l in open(sys.argv[1])]
by = {}
for t, n, w, c, m in rows:
    by.setdefault((t, n), []).append((float(w), float(c), int(m)))
print(f"{'threads':>7} {'reports':>8} {'wall s':>7} {'CPU s':>6} {'RSS MB':>7} {'wall +%':>8} {'CPU +%':>7}")
for t in dict.fromkeys(r[0] for r in rows):
    base = by[(t, 'none')]
    bw, bc = st.median(x[0] for x in base), st.median(x[1] for x in base)
    for n in ('none', 'realism', 'audit', 'both'):
        s = by[(t, n)]
        w, c, m = st.median(x[0] for x in s), st.median(x[1] for x in s), max(x[2] for x in s)
        print(f"{t:>7} {n:>8} {w:7.2f} {c:6.2f} {m // 1024:7d} {100 * (w - bw) / bw:+8.1f} {100 * (c - bc) / bc:+7.1f}")
ts = list(dict.fromkeys(r[0] for r in rows))
if '0' in ts:
    w0 = st.median(x[0] for x in by[('0', 'both')])
    for t in ts:
        if t != '0':
            print(f"both reports: wall threads {t} / threads 0 = {st.median(x[0] for x in by[(t, 'both')]) / w0:.2f}")
PY
