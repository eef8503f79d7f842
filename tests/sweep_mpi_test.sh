#!/usr/bin/env bash
# mpirun -n 2 on this machine (loopback only) must give the files of a single-process run
# and of a sharded run merged by hand.
set -euo pipefail
bin=$1
src=$2
mpirun=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_btl=self,vader OMPI_MCA_btl_vader_single_copy_mechanism=none
sweep="$src/scenarios/sweep-demand-x-supply.yaml"
"$bin" sweep "$sweep" --out "$work/single" -q -j 1
"$mpirun" -n 2 --oversubscribe "$bin" sweep "$sweep" --out "$work/mpi" -q -j 1
"$bin" sweep "$sweep" --out "$work/s1" -q --shard 1/2
"$bin" sweep "$sweep" --out "$work/s2" -q --shard 2/2
"$bin" merge "$work/s1" "$work/s2" --out "$work/merged"
for f in results.csv points.csv; do
  cmp "$work/single/$f" "$work/mpi/$f"
  cmp "$work/single/$f" "$work/merged/$f"
done
echo "mpirun -n 2, two shards merged and a single process: identical files"
