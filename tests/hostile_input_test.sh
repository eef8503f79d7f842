#!/usr/bin/env bash
# Hostile inputs that the bad-input corpus cannot hold: FIFOs, devices through the
# environment, full output devices, a full disk, two sweeps in one folder, and inputs too
# large for a fuzzer (100,000 keys, 60,000-level key paths, megabyte codes, 100,000
# declared sectors). Each must exit 2 within 5 s of CPU time (a timeout of 20 s catches a
# hang), under 1 GiB of memory, naming the input.
# Usage: hostile_input_test.sh SPILLOVER_BINARY SOURCE_DIR [--no-memory-limit]
set -uo pipefail
bin=$1
src=$2
memory_limit=1
[ "${3:-}" = "--no-memory-limit" ] && memory_limit=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
model=$src/model/example-2sector
base=$src/tests/bad_input/base.yaml
failures=0

# check NAME EXPECTED_EXIT EXPECTED_STDERR COMMAND...: runs COMMAND with a 1 GiB address
# space (unless --no-memory-limit, for sanitizer builds) and checks exit code, time, message.
check() {
  local name=$1 expected_exit=$2 expected=$3
  shift 3
  local status ms kb
  # CPU seconds (user + system), not wall time, so that the bound holds on a loaded machine;
  # a timeout of 20 s catches a hang. GNU time reports CPU and peak memory.
  (
    [ "$memory_limit" = 1 ] && ulimit -v 1048576
    exec /usr/bin/time -o "$work/usage" -f "%U %S %M" timeout 20 "$@"
  ) >"$work/stdout" 2>"$work/stderr" </dev/null
  status=$?
  ms=$(awk 'END {printf "%d", ($1 + $2) * 1000}' "$work/usage")
  kb=$(awk 'END {print $3}' "$work/usage")
  local ok=1
  [ "$status" -eq "$expected_exit" ] || ok=0
  grep -qF -- "$expected" "$work/stderr" || ok=0
  grep -q "internal error" "$work/stderr" && ok=0
  [ "$ms" -lt 5000 ] || ok=0
  [ "$memory_limit" = 0 ] || [ "$kb" -lt 1048576 ] || ok=0
  if [ "$ok" = 1 ]; then
    echo "ok   $name (${ms} ms CPU, ${kb} KiB)"
  else
    echo "FAIL $name: exit $status (expected $expected_exit), ${ms} ms CPU, ${kb} KiB; stderr:"
    head -c 600 "$work/stderr"
    echo
    echo "     expected in stderr: $expected"
    failures=$((failures + 1))
  fi
}

# A copy of the example model in $work/$1, without its routes file.
copy_model() {
  mkdir -p "$work/$1"
  cp "$model"/*.csv "$work/$1/"
  grep -v "routes:" "$model/model.yaml" >"$work/$1/model.yaml"
}

# --- special files ---------------------------------------------------------------------
mkfifo "$work/fifo.yaml"
check fifo_scenario 2 "fifo.yaml: is a FIFO (named pipe); expected a YAML file" \
  "$bin" run "$work/fifo.yaml" --model "$model"
copy_model fifo_model
rm "$work/fifo_model/model.yaml"
mkfifo "$work/fifo_model/model.yaml"
check fifo_model_yaml 2 "fifo_model/model.yaml: is a FIFO" "$bin" model check "$work/fifo_model"
copy_model fifo_csv
rm "$work/fifo_csv/Z.csv"
mkfifo "$work/fifo_csv/Z.csv"
check fifo_files_entry 2 "fifo_csv/Z.csv: is a FIFO" "$bin" model check "$work/fifo_csv"
copy_model device_csv
sed -i 's|intermediate: Z.csv|intermediate: /dev/zero|' "$work/device_csv/model.yaml"
check device_files_entry 2 "/dev/zero" "$bin" model check "$work/device_csv"
check env_model_device 2 "/dev/zero: is not a model folder" \
  env SPILLOVER_MODEL=/dev/zero "$bin" run "$base"
check env_model_fifo_folder 2 "fifo_model/model.yaml: is a FIFO" \
  env SPILLOVER_MODEL="$work/fifo_model" "$bin" multipliers
check set_model_device 2 "/dev/zero: is not a model folder" \
  "$bin" run "$base" --set model=/dev/zero
check stdin_zero 2 "<stdin>: holds more than the limit of 16.0 MiB" \
  bash -c "'$bin' run - --model '$model' < /dev/zero"

# --- output errors -----------------------------------------------------------------------
check multipliers_dev_full 2 "writing standard output failed" \
  bash -c "'$bin' multipliers --model '$model' --format csv > /dev/full"
check run_csv_dev_full 2 "writing standard output failed" \
  bash -c "'$bin' run '$base' --model '$model' --format csv > /dev/full"
cat >"$work/grid.yaml" <<YAML
sweep:
  name: disk_full
  base: $base
  parameters:
    shocks.russia_demand.change: {linspace: [-0.5, 0, 2000]}
YAML
# A file size limit stands in for a full disk: writes fail with the system's reason.
check sweep_disk_full 2 "writing the sweep results failed: File too large" \
  bash -c "trap '' XFSZ; ulimit -f 64; exec '$bin' sweep '$work/grid.yaml' --model '$model' --out '$work/full' -q"

# --- two sweeps in one folder ------------------------------------------------------------
cat >"$work/long.yaml" <<YAML
sweep:
  name: long
  base: $src/scenarios/combined-package.yaml
  method: monte_carlo
  samples: 200000
  parameters:
    shocks.russian_demand.change: {distribution: uniform, low: -0.3, high: 0}
YAML
"$bin" sweep "$work/long.yaml" --out "$work/busy" --detail totals -j 1 -q &
first=$!
for _ in $(seq 1 500); do
  [ -f "$work/busy/.sweep.lock" ] && break
  sleep 0.02
done
check same_folder_twice 2 "is in use by process $first" \
  "$bin" sweep "$work/long.yaml" --out "$work/busy" --detail totals -q
check other_sweep_same_folder 2 "is in use by process $first" \
  "$bin" sweep "$work/grid.yaml" --model "$model" --out "$work/busy" -q --force
kill "$first" 2>/dev/null
wait "$first" 2>/dev/null

# --- large inputs ------------------------------------------------------------------------
{
  printf 'name: big\nshocks:\n  a: {type: exports, partners: [RUS], change: -0.1}\nextra:\n'
  awk 'BEGIN { for (i = 0; i < 100000; i++) printf "  key%d: %d\n", i, i }'
  printf '  key99999: 0\n'
} >"$work/keys.yaml"
check yaml_100k_keys 2 "keys.yaml:100005:3: key 'extra.key99999': duplicate key (first given at line 100004)" \
  "$bin" validate "$work/keys.yaml" --model "$model"
head -c 17000000 /dev/zero | tr '\0' '#' >"$work/huge.yaml"
check yaml_over_16mib 2 "huge.yaml: is 16.2 MiB, larger than the limit of 16.0 MiB" \
  "$bin" run "$work/huge.yaml" --model "$model"
deep=$(awk 'BEGIN { for (i = 0; i < 60000; i++) printf "a."; printf "a" }')
check set_path_60000_levels 2 "is deeper than 32 names" \
  "$bin" run "$base" --model "$model" --set "$deep=1"
copy_model long_code
code=$(head -c 10000000 /dev/zero | tr '\0' 'X')
{
  printf 'code,name,AGR,%s\n' "$code"
  tail -n +2 "$model/Z.csv"
} >"$work/long_code/Z.csv"
unset code
check csv_10mb_code 2 "Z.csv:1:4: unknown column code 'XXXXXXXXXX" "$bin" model check "$work/long_code"
copy_model huge_code
head -c 30000000 /dev/zero | tr '\0' 'X' >"$work/huge_code/Z.csv"
check csv_30mb_code 2 "huge_code/Z.csv: is 28.6 MiB, larger than the limit" \
  "$bin" model check "$work/huge_code"
mkdir -p "$work/wide"
{
  awk 'BEGIN {
    print "format: 1\nname: wide\nyear: 2020\ncurrency: USD\nunit: USD\nregions:\n  - {code: R1}"
    print "sectors:"
    for (i = 0; i < 100000; i++) printf "  - {code: S%d}\n", i
    print "final_demand:\n  - {code: HH, kind: households}"
    print "value_added:\n  - {code: VA, kind: compensation}"
    print "files:\n  intermediate: Z.csv\n  final_demand: Y.csv\n  value_added: V.csv"
  }'
} >"$work/wide/model.yaml"
awk 'BEGIN { printf "code"; for (i = 0; i < 100000; i++) printf ",S%d", i; print "" }' \
  >"$work/wide/Z.csv"
cp "$work/wide/Z.csv" "$work/wide/Y.csv"
cp "$work/wide/Z.csv" "$work/wide/V.csv"
check declared_100k_sectors 2 "lists 100000 entries, more than the limit of 10000 (raise it with --max-sectors" \
  "$bin" model check "$work/wide"
check declared_100k_sectors_raised 2 "bytes, too few for the 100000 x 100000 matrix that model.yaml declares" \
  "$bin" model check "$work/wide" --max-sectors 200000

if [ "$failures" -ne 0 ]; then
  echo "$failures hostile input(s) failed"
  exit 1
fi
echo "every hostile input refused cleanly"
