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

# Failed points under mpirun: rank 0 merges, lists them and exits 3, as a single process
# does; --keep-going exits 0. 130 points make three blocks, so both ranks solve some.
cp "$src/tests/data/failed_points_base.yaml" "$work/base.yaml"
values=$(python3 -c 'print(", ".join(["XYZ" if i % 50 == 7 else "RUS" for i in range(130)]))')
cat > "$work/failing.yaml" <<YAML
sweep:
  name: failing
  base: base.yaml
  parameters:
    shocks.supply.partners: {values: [$values]}
YAML
set +e
"$bin" sweep "$work/failing.yaml" --out "$work/f_single" -q 2> "$work/err_single"; single=$?
"$mpirun" -n 2 --oversubscribe "$bin" sweep "$work/failing.yaml" --out "$work/f_mpi" -q -j 1 \
  2> "$work/err_mpi"; code=$?
set -e
if [ "$single" != 3 ] || [ "$code" != 3 ]; then
  echo "failed points: single process exit $single, mpirun exit $code; expected 3 and 3"
  cat "$work/err_mpi"
  exit 1
fi
grep -q "3 of 130 points failed:" "$work/err_mpi" || { cat "$work/err_mpi"; exit 1; }
if [ "$(grep '^  point' "$work/err_single")" != "$(grep '^  point' "$work/err_mpi")" ]; then
  echo "mpirun lists other failed points than a single process:"
  cat "$work/err_single" "$work/err_mpi"
  exit 1
fi
cmp "$work/f_single/points.csv" "$work/f_mpi/points.csv"
"$mpirun" -n 2 --oversubscribe "$bin" sweep "$work/failing.yaml" --out "$work/f_keep" -q -j 1 \
  --keep-going 2> "$work/err_keep"
grep -q "warning: .*3 of 130 points failed:" "$work/err_keep" || { cat "$work/err_keep"; exit 1; }
echo "mpirun -n 2, two shards merged and a single process: identical files; failed points exit 3"
