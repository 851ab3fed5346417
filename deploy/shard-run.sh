#!/bin/sh
# The container's entry for a Kubernetes Indexed Job: writes part i of n of the dataset into $OUT/part-0000i,
# with i from JOB_COMPLETION_INDEX (0-based, set by Kubernetes) or SHARD_INDEX (1-based, for other engines).
# Every part is deterministic, so a pod that failed or was evicted is simply run again.
set -eu
: "${SHARDS:?set SHARDS to the number of parts (the Job's completions)}"
: "${CONFIG:?set CONFIG to the config file (the same for every part)}"
: "${OUT:?set OUT to the shared folder that receives part-00001 … part-N}"
if [ -n "${JOB_COMPLETION_INDEX:-}" ]; then
  part=$((JOB_COMPLETION_INDEX + 1))
elif [ -n "${SHARD_INDEX:-}" ]; then
  part=$SHARD_INDEX
else
  echo "error: no part number: run as a Kubernetes Indexed Job or set SHARD_INDEX (1-based)" >&2
  exit 2
fi
mkdir -p "$OUT"
exec fincrime-synth --config "$CONFIG" --out "$(printf '%s/part-%05d' "$OUT" "$part")" \
  --shard "$part/$SHARDS" --threads 0 --quiet --force
