#!/usr/bin/env bash
# Self-test of experiments/slurm-array.sh on a real scheduler: installs Debian's slurm-wlm on this
# machine as a one-node cluster (slurmctld + slurmd, no cgroups: proctrack/linuxproc, task/none),
# submits a 4-task array running a small experiment file plus a dependent merge job, and checks
# that the merged outputs are byte-identical to a local run. Needs root and apt; not run in CI.
#
#   sudo experiments/cluster/slurm-selftest.sh        (from the repository root; prints PASS or FAIL)
#
# It starts munged, slurmctld and slurmd and stops exactly those (by their pid files) at the end.
set -euo pipefail

[[ $(id -u) -eq 0 ]] || { echo "slurm-selftest: needs root (apt, daemons)" >&2; exit 2; }
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
HOST=$(hostname -s)
CPUS=$(nproc)
MEM_MB=$(($(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 512))
WORK=$(mktemp -d "$ROOT/experiments/out/slurm-selftest.XXXXXX" 2>/dev/null || { mkdir -p "$ROOT/experiments/out" && mktemp -d "$ROOT/experiments/out/slurm-selftest.XXXXXX"; })
RUN=/run/mecsim-slurm-selftest
mkdir -p "$RUN"
started=()

stop_daemons() {
  for pidfile in "${started[@]}"; do
    [[ -f "$pidfile" ]] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
}
trap stop_daemons EXIT

echo "== install slurm-wlm and munge"
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi
slurmctld -V

echo "== munge key and munged (as user munge)"
if [[ ! -s /etc/munge/munge.key ]]; then
  dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
fi
chown munge:munge /etc/munge/munge.key && chmod 0400 /etc/munge/munge.key
mkdir -p /run/munge /var/log/munge /var/lib/munge
chown munge:munge /run/munge /var/log/munge /var/lib/munge
if ! munge -n >/dev/null 2>&1; then
  runuser -u munge -- /usr/sbin/munged --pid-file=/run/munge/munged.pid
  started+=(/run/munge/munged.pid)
  for _ in $(seq 50); do munge -n >/dev/null 2>&1 && break; sleep 0.1; done
fi
munge -n | unmunge >/dev/null && echo "munge: ok"

echo "== slurm.conf (one node: $HOST, $CPUS CPUs, $MEM_MB MB)"
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
cat > /etc/slurm/slurm.conf <<CONF
ClusterName=mecsim-selftest
SlurmctldHost=$HOST
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
MinJobAge=3600
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=$RUN/slurmctld.pid
SlurmdPidFile=$RUN/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName=$HOST CPUs=$CPUS RealMemory=$MEM_MB State=UNKNOWN
PartitionName=selftest Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
CONF

echo "== slurmctld and slurmd"
slurmctld -c && started+=("$RUN/slurmctld.pid")
slurmd -c && started+=("$RUN/slurmd.pid")
for _ in $(seq 100); do
  state=$(sinfo -h -n "$HOST" -o %t 2>/dev/null || true)
  [[ "$state" == idle* || "$state" == mix* ]] && break
  [[ "$state" == down* || "$state" == drain* ]] && scontrol update nodename="$HOST" state=resume || true
  sleep 0.5
done
sinfo

echo "== a small experiment file"
cat > "$WORK/selftest.yaml" <<'YAML'
name: slurm-selftest
scenario: { preset: contested, users: 6, servers: 2 }
sweep:
  axes:
    users: { path: scenario.users, values: [4, 6] }
    method: { path: optimizer.method, values: [proposed, greedy] }
runs: 2
record: { metrics: [analytic, iterations] }
figures:
  - { name: energy, x: users, y: totalEnergyJ, colour: method }
YAML

echo "== submit: a 4-task array and a dependent merge"
MECSIM="node --import tsx $ROOT/src/cli/main.ts"
array=$(sbatch --parsable --array=0-3 --cpus-per-task=1 --mem=1G --time=00:30:00 \
  --output="$WORK/slurm-%A_%a.out" \
  --export=ALL,EXPERIMENT="$WORK/selftest.yaml",OUT="$WORK/cluster",MECSIM="$MECSIM" \
  experiments/slurm-array.sh)
merge=$(sbatch --parsable --dependency=afterok:"$array" --output="$WORK/slurm-merge-%j.out" \
  --mem=1G --time=00:30:00 --wrap "$MECSIM merge $WORK/cluster")
echo "array job $array, merge job $merge"
for _ in $(seq 1200); do
  state=$(scontrol show job "$merge" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | cut -d= -f2)
  [[ "$state" == COMPLETED || "$state" == FAILED || "$state" == CANCELLED || "$state" == TIMEOUT ]] && break
  sleep 1
done
for t in 0 1 2 3; do
  echo "-- array task $t: $(scontrol show job "${array}_$t" 2>/dev/null | grep -o 'JobState=[A-Z_]* Reason=[^ ]*' | head -1)"
  cat "$WORK/slurm-${array}_$t.out" 2>/dev/null | sed 's/^/   /'
done
echo "-- merge job: $state"
cat "$WORK"/slurm-merge-*.out 2>/dev/null | sed 's/^/   /'
[[ "$state" == COMPLETED ]] || { echo "FAIL: merge job $state"; exit 1; }

echo "== the same experiment locally (2 workers, no scheduler)"
$MECSIM experiment "$WORK/selftest.yaml" --workers 2 --out "$WORK/local" --no-progress

echo "== compare"
# Wall-clock files (recorded only when asked, never byte-compared) are left out.
if diff -r -x wall-time -x wall-time.csv "$WORK/cluster" "$WORK/local"; then
  echo "files: $(cd "$WORK/local" && find . -type f | wc -l), all byte-identical"
  echo "PASS: Slurm array of 4 + dependent merge == local run ($WORK)"
else
  echo "FAIL: merged outputs differ from the local run ($WORK)"
  exit 1
fi
