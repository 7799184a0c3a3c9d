#!/usr/bin/env bash
# One mecsim experiment — a paper experiment by name or any experiment file — split across a
# Slurm job array. Every array task runs one shard into the same output directory on a shared
# file system (a shard writes only its own tasks' run files, each atomically), then one
# dependent job merges them into the tables, plots and report:
#
#   jobid=$(sbatch --parsable --export=ALL,EXPERIMENT=weights,RUNS=20 experiments/slurm-array.sh)
#   sbatch --dependency=afterok:$jobid --wrap "npx mecsim merge experiments/out/weights"
#
#   jobid=$(sbatch --parsable --export=ALL,EXPERIMENT=experiments/studies/split-phones.yaml,OUT=out/split \
#     experiments/slurm-array.sh)
#   sbatch --dependency=afterok:$jobid --wrap "npx mecsim merge out/split"
#
# A requeued or re-submitted array task continues where it stopped (--resume): no run is lost or
# done twice, and the merged files are byte-identical to a single-machine run with the same seed
# (experiments/cluster/slurm-selftest.sh checks this on a one-node Slurm).
#SBATCH --job-name=mecsim
#SBATCH --array=0-7
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=02:00:00
#SBATCH --requeue
#SBATCH --output=slurm-%A_%a.out
set -euo pipefail

# A name (collaborative, weights, users, convergence, validation) or a .yaml/.yml/.json file.
EXPERIMENT=${EXPERIMENT:-weights}
# Empty: the experiment's (or the file's) own runs and seed.
RUNS=${RUNS:-}
SEED=${SEED:-}
# A file's default output is named after its file name; give OUT to merge from elsewhere.
OUT=${OUT:-experiments/out/$(basename "${EXPERIMENT%.*}")}
MECSIM=${MECSIM:-npx mecsim}
# Shards are 0-based, as --array=0-(n-1) numbers the tasks.
SHARDS=${SLURM_ARRAY_TASK_COUNT:-$((SLURM_ARRAY_TASK_MAX + 1))}

args=()
[[ -n "$RUNS" ]] && args+=(--runs "$RUNS")
[[ -n "$SEED" ]] && args+=(--seed "$SEED")
cd "${SLURM_SUBMIT_DIR:-.}"
$MECSIM experiment "$EXPERIMENT" "${args[@]}" \
  --workers "${SLURM_CPUS_PER_TASK:-1}" --shard "${SLURM_ARRAY_TASK_ID}/${SHARDS}" \
  --out "$OUT" --resume --no-progress
