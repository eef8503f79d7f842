#!/usr/bin/env bash
# `spillover import icio` on a generated table of the full 2025 SML size (4,053 rows x
# 4,537 columns, bench/make_icio_full.py) as whole processes under /usr/bin/time -v: wall
# clock, CPU and peak RSS, with the load average beside each figure. A whole process is the
# honest form here: the import streams a 96 MB file, writes the model folder and (unless
# --no-check) loads it back with every check of `model check`, and peak memory is the
# process's. Targets (issue 11): <= 10 s and about 2 n x n doubles at peak.
#
#   bench/import_icio_full.sh BUILD_DIR WORK_DIR [REPEATS]
# Every command runs under nice -n 19, as on the shared machine.
set -euo pipefail
build=$1 work=$2 repeats=${3:-3}
src=$(cd "$(dirname "$0")/.." && pwd)
bin=$build/src/spillover
mkdir -p "$work"
[ -f "$work/2022_SML.csv" ] || nice -n 19 /usr/bin/python3 "$src/bench/make_icio_full.py" "$work"
# The generator's countries are C00..C77, KAZ, RUS and CHN: a four-region mapping.
cat > "$work/regions-bench.csv" <<'CSV'
country,region,region_name
KAZ,KAZ,Kazakhstan
RUS,RUS,Russia
CHN,CHN,China
*,ROW,Rest of the world
CSV

field() { grep "$1" "$work/time.txt" | awk -F': ' '{print $2}'; }

measure() {
  local label=$1
  shift
  for r in $(seq "$repeats"); do
    rm -rf "$work/out"
    local load
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    nice -n 19 /usr/bin/time -v -o "$work/time.txt" "$bin" import icio "$work/2022_SML.csv" \
      --focus KAZ --out "$work/out" "$@" > /dev/null
    local rss_kb
    rss_kb=$(field "Maximum resident set size")
    printf '%-30s run %d: wall %8s  user %6s s  sys %5s s  peak RSS %5d MB  load %s\n' \
      "$label" "$r" "$(field 'Elapsed (wall clock)')" "$(field 'User time')" \
      "$(field 'System time')" "$((rss_kb / 1024))" "$load"
  done
}

n=$((81 * 50))
echo "n = $n sectors without a mapping; 2 n x n doubles = $((2 * n * n * 8 / 1024 / 1024)) MB"
measure "81 regions, checked"
measure "81 regions, --no-check" --no-check
measure "4 regions (--regions)" --regions "$work/regions-bench.csv"
