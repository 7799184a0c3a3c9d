#!/usr/bin/env bash
# One mecsim experiment split across a Slurm job array. Every array task runs one shard into the
# same output directory on a shared file system (a shard writes only its own tasks' run files,
# each atomically), then one dependent job merges them into the tables, plots and report:
#
#   jobid=$(sbatch --parsable --export=ALL,EXPERIMENT=weights,RUNS=20 experiments/slurm-array.sh)
#   sbatch --dependency=afterok:$jobid --wrap "npx mecsim merge experiments/out/weights"
#
# A requeued or re-submitted array task continues where it stopped (--resume): no run is lost or
# done twice, and the merged files are byte-identical to a single-machine run with the same seed.
#SBATCH --job-name=mecsim
#SBATCH --array=0-7
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=02:00:00
#SBATCH --requeue
#SBATCH --output=slurm-%A_%a.out
set -euo pipefail

EXPERIMENT=${EXPERIMENT:-weights}
RUNS=${RUNS:-20}
SEED=${SEED:-1}
OUT=${OUT:-experiments/out/$EXPERIMENT}
# Shards are 0-based, as --array=0-(n-1) numbers the tasks.
SHARDS=${SLURM_ARRAY_TASK_COUNT:-$((SLURM_ARRAY_TASK_MAX + 1))}

cd "${SLURM_SUBMIT_DIR:-.}"
npx mecsim experiment "$EXPERIMENT" --runs "$RUNS" --seed "$SEED" \
  --workers "${SLURM_CPUS_PER_TASK:-1}" --shard "${SLURM_ARRAY_TASK_ID}/${SHARDS}" \
  --out "$OUT" --resume --no-progress
