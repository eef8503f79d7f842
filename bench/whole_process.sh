#!/usr/bin/env bash
# Whole-process figures, each a fresh process (cold: fresh memory), ours and the reference
# alternating in the same run, with /usr/bin/time -v (wall clock, peak RSS, page faults)
# and the load average beside each figure. OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are
# unset for both sides inside this script only. Huge pages: spillover asks for them
# (madvise); numpy does too.
#
#   bench/whole_process.sh BUILD_DIR PEER_DIR WORK_DIR [REPEATS]
# PEER_DIR holds mrio_N5000 (and mrio_N2000) from ../shared/tools/gen_mrio.py.
# PARTS (default "run check sweep") picks which figures to take; "sweep2000" adds the
# 2,000-sector final-demand sweep against a batched numpy solve with GVA and imports.
set -euo pipefail
build=$1 peer=$2 work=$3 repeats=${4:-3}
src=$(cd "$(dirname "$0")/.." && pwd)
py=/usr/bin/python3
bin=$build/src/spillover
mkdir -p "$work"
[ -f "$work/model5000/model.yaml" ] || $py "$src/bench/peer_model.py" "$peer/mrio_N5000" "$work/model5000"
cat > "$work/demand5000.yaml" <<'YAML'
name: demand_shock
description: Household demand for one sector falls by 10%
shocks:
  hh: {type: final_demand, sectors: [REG1_S001], categories: [FD_HH], change: -0.1}
YAML
cat > "$work/sweep68.yaml" <<YAML
sweep:
  name: linear68
  base: $src/scenarios/demand-linear.yaml
  method: monte_carlo
  samples: ${SWEEP_POINTS:-2000000}
  seed: 1
  parameters:
    shocks.russian_demand.change: {distribution: uniform, low: -0.3, high: 0}
    shocks.households.change: {distribution: uniform, low: -0.05, high: 0.05}
YAML
[ -f "$work/model2000m/model.yaml" ] || [[ " ${PARTS:-} " != *" sweep2000 "* ]] ||
  $py "$src/bench/peer_model.py" "$peer/mrio_N2000" "$work/model2000m" --imports 0.2
cat > "$work/households2000.yaml" <<YAML
name: households
model: $work/model2000m
shocks:
  hh: {type: final_demand, categories: [FD_HH], change: -0.05}
YAML
cat > "$work/sweep2000.yaml" <<YAML
sweep:
  name: households2000
  base: $work/households2000.yaml
  method: monte_carlo
  samples: ${SWEEP2000_POINTS:-10000}
  seed: 1
  parameters:
    shocks.hh.change: {distribution: uniform, low: -0.1, high: 0.1}
YAML
measure() {  # label command...: one line of figures
  local label=$1; shift
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/time -v "$@" > "$work/out.txt" 2> "$work/time.txt" || {
    tail -5 "$work/time.txt"; return 1; }
  awk -v label="$label" -v load="$load" -F': ' '
    /Elapsed/ { n = split($2, t, ":"); s = t[n] + (n > 1 ? 60 * t[n-1] : 0) }
    /Maximum resident/ { rss = $2 / 1024 }
    /Minor/ { faults = $2 }
    END { printf "%-28s %8.2f s %8.0f MiB %9d faults  load %s\n", label, s, rss, faults, load }' \
    "$work/time.txt"
}
parts=" ${PARTS:-run check sweep} "
for r in $(seq "$repeats"); do
  if [[ $parts == *" run "* ]]; then
    measure "run n=5000 spillover" "$bin" run -m "$work/model5000" "$work/demand5000.yaml" -q
    measure "run n=5000 pymrio-like" $py "$src/bench/peer_scripts.py" pymrio "$peer/mrio_N5000"
  fi
  if [[ $parts == *" check "* ]]; then
    measure "model check n=5000 spillover" "$bin" model check "$work/model5000"
    measure "read Z+Y+x n=5000 pandas" $py "$src/bench/peer_scripts.py" read "$peer/mrio_N5000"
  fi
  if [[ $parts == *" sweep2000 "* ]]; then
    rm -rf "$work/sw2000" "$work/np2000"
    measure "sweep2000 spillover points" "$bin" sweep "$work/sweep2000.yaml" --out "$work/sw2000" \
      --detail points -j2 -q
    measure "sweep2000 numpy batched" $py "$src/bench/peer_scripts.py" sweep "$work/model2000m" \
      "${SWEEP2000_POINTS:-10000}" "$work/np2000"
  fi
  [[ $parts == *" sweep "* ]] || continue
  # SWEEP_LAYOUTS (default "points totals totals-wide"): totals-wide is --detail totals
  # --layout wide (one row per point; docs/sweeps.md).
  for detail in ${SWEEP_LAYOUTS:-points totals totals-wide}; do
    rm -rf "$work/sw"
    layout=tidy
    [[ $detail == *-wide ]] && layout=wide
    measure "sweep68 --detail $detail" "$bin" sweep "$work/sweep68.yaml" --out "$work/sw" \
      --detail "${detail%-wide}" --layout "$layout" -j2 -q
  done
done
