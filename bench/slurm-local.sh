#!/usr/bin/env bash
# Runs deploy/slurm/*.sbatch on a throwaway single-node Slurm (Debian's slurm-wlm and munge), then checks that the
# merged dataset equals a single run. Needs root; not part of CI:
#   apt-get install -y slurm-wlm munge && bash bench/slurm-local.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d /tmp/fincrime-slurm-XXXX)
host=$(hostname -s)
cpus=$(nproc)

# A `fincrime-synth` on PATH for the array tasks, as `npm link` would give.
mkdir -p "$work/bin"
[ -f dist-cli/main.cjs ] || npm run build:cli
cli="node $root/bin/fincrime-synth.mjs"
printf '#!/bin/sh\nexec %s "$@"\n' "$cli" > "$work/bin/fincrime-synth"
chmod +x "$work/bin/fincrime-synth"

mkdir -p /etc/munge /var/spool/slurmctld /var/spool/slurmd /var/log/slurm /run/munge
[ -s /etc/munge/munge.key ] || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
chown -R munge:munge /etc/munge /run/munge 2>/dev/null || true
chmod 400 /etc/munge/munge.key
pgrep -x munged >/dev/null || su -s /bin/sh munge -c '/usr/sbin/munged' || /usr/sbin/munged --force
cat > /etc/slurm/slurm.conf <<CONF
ClusterName=local
SlurmctldHost=$host
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ReturnToService=2
NodeName=$host CPUs=$cpus RealMemory=8000 State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
pkill -x slurmctld || true; pkill -x slurmd || true; sleep 1
/usr/sbin/slurmctld -c && /usr/sbin/slurmd -c
for _ in $(seq 30); do sinfo -h -o %T 2>/dev/null | grep -qE 'idle|mix' && break; sleep 1; done
sinfo

cat > "$work/config.json" <<'JSON'
{ "seed": "slurm", "counts": { "persons": 2000, "companies": 300, "accounts": 4000, "transactions": 400000,
  "communications": 20000, "trades": 4000, "travels": 1000, "documents": 2000, "accessEvents": 40000 } }
JSON
export PATH="$work/bin:$PATH" CONFIG="$work/config.json" OUT="$work/run"
start=$(date +%s.%N)
jid=$(sbatch --parsable --chdir="$work" --export=ALL deploy/slurm/generate.sbatch)
mid=$(sbatch --parsable --chdir="$work" --dependency=afterok:"$jid" --export=ALL deploy/slurm/merge.sbatch)
while squeue -h -j "$jid,$mid" 2>/dev/null | grep -q .; do sleep 1; done
end=$(date +%s.%N)
sacct -j "$jid,$mid" -o JobID,State,Elapsed 2>/dev/null || true
fincrime-synth --config "$CONFIG" --out "$work/whole" --quiet --threads 0
fincrime-synth merge --concat --quiet --out "$work/concat" "$OUT"/part-*
diff -r "$work/concat" "$work/whole" && echo "slurm array: merged parts identical to a single run"
node -e "const m=require('$work/run/merged/manifest.json'),w=require('$work/whole/manifest.json');for(const f of w.files){const g=m.files.find(x=>x.name===f.name);if(!g||g.sha256!==f.sha256)throw new Error(f.name)};console.log('merged manifest hashes match the single run: '+w.files.length+' files')"
printf 'array + merge wall time: %.1f s\n' "$(echo "$end - $start" | bc)"
scancel -u root 2>/dev/null || true
pkill -x slurmd || true; pkill -x slurmctld || true
