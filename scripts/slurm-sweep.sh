#!/bin/bash
# Runs a sweep as a Slurm job array, one shard per task. Set SWEEP and OUT, then:
#   sbatch --export=SWEEP=scenarios/sweep-sanctions-monte-carlo.yaml,OUT=out/mc scripts/slurm-sweep.sh
#SBATCH --job-name=spillover-sweep
#SBATCH --array=1-16
#SBATCH --cpus-per-task=4
#SBATCH --time=02:00:00
# --keep-going: a shard with failed points is finished, not to be run again; without it the
# fallback below would start it over.
spillover sweep "$SWEEP" --out "$OUT/shard-$SLURM_ARRAY_TASK_ID" \
    --shard "$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT" --threads "$SLURM_CPUS_PER_TASK" \
    --quiet --keep-going --resume 2>/dev/null || \
spillover sweep "$SWEEP" --out "$OUT/shard-$SLURM_ARRAY_TASK_ID" \
    --shard "$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT" --threads "$SLURM_CPUS_PER_TASK" \
    --quiet --keep-going
# after the array: spillover merge "$OUT"/shard-* --out "$OUT/merged"
# (the merge lists the failed points of the whole sweep and exits 3 if there are any)
