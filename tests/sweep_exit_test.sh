#!/usr/bin/env bash
# A sweep in which some points fail exits 3 and lists them on standard error; with
# --keep-going it exits 0; `validate` fails the same points with the same words. So do a
# --resume of the finished sweep and a merge of its shards.
set -euo pipefail
bin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$src/tests/data/failed_points_base.yaml" "$work/base.yaml"
# Partner codes are checked against the model point by point: XYZ fails, the others solve.
cat > "$work/sweep.yaml" <<YAML
sweep:
  name: exit_test
  base: base.yaml
  method: grid
  parameters:
    shocks.supply.partners: {values: [RUS, XYZ, CHN, XYZ]}
YAML
expect_code() {
  local want=$1 got=$2 what=$3
  if [ "$got" != "$want" ]; then echo "$what: exit $got, expected $want"; cat "$work/err"; exit 1; fi
}
set +e
"$bin" sweep "$work/sweep.yaml" --out "$work/out" -q 2> "$work/err"; code=$?
set -e
expect_code 3 "$code" "sweep with failed points"
grep -q "error: .*sweep.yaml: 2 of 4 points failed:" "$work/err" || { cat "$work/err"; exit 1; }
grep -q "  point 1 (shocks.supply.partners=XYZ): .*XYZ" "$work/err" || { cat "$work/err"; exit 1; }
grep -q "  point 3 (shocks.supply.partners=XYZ)" "$work/err" || { cat "$work/err"; exit 1; }
# The points that solved are all there.
[ "$(wc -l < "$work/out/points.csv")" -eq 5 ] || { echo "points.csv incomplete"; exit 1; }
sweep_lines=$(grep '^  point' "$work/err")

set +e
"$bin" sweep "$work/sweep.yaml" --out "$work/out2" -q --keep-going 2> "$work/err"; code=$?
set -e
expect_code 0 "$code" "sweep --keep-going"
grep -q "warning: .*2 of 4 points failed:" "$work/err" || { cat "$work/err"; exit 1; }

# A resume of the finished sweep solves nothing, but its points failed all the same.
set +e
"$bin" sweep "$work/sweep.yaml" --out "$work/out" -q --resume 2> "$work/err"; code=$?
set -e
expect_code 3 "$code" "sweep --resume of a finished sweep with failed points"
grep -q "error: .*sweep.yaml: 2 of 4 points failed:" "$work/err" || { cat "$work/err"; exit 1; }
[ "$(grep '^  point' "$work/err")" = "$sweep_lines" ] || { echo "resume lists other points:"; cat "$work/err"; exit 1; }
set +e
"$bin" sweep "$work/sweep.yaml" --out "$work/out" -q --resume --keep-going 2> "$work/err"; code=$?
set -e
expect_code 0 "$code" "sweep --resume --keep-going"
grep -q "warning: .*2 of 4 points failed:" "$work/err" || { cat "$work/err"; exit 1; }

# Shards merged: the merge exits as the whole sweep would, and lists the same points.
"$bin" sweep "$work/sweep.yaml" --out "$work/s1" -q --shard 1/2 --keep-going 2> /dev/null
"$bin" sweep "$work/sweep.yaml" --out "$work/s2" -q --shard 2/2 2> /dev/null
set +e
"$bin" merge "$work/s1" "$work/s2" --out "$work/merged" 2> "$work/err"; code=$?
set -e
expect_code 3 "$code" "merge of shards with failed points"
grep -q "error: .*merged: 2 of 4 points failed:" "$work/err" || { cat "$work/err"; exit 1; }
[ "$(grep '^  point' "$work/err")" = "$sweep_lines" ] || { echo "merge lists other points:"; cat "$work/err"; exit 1; }
cmp "$work/out/points.csv" "$work/merged/points.csv"
set +e
"$bin" merge "$work/s1" "$work/s2" --out "$work/merged2" --keep-going 2> "$work/err"; code=$?
set -e
expect_code 0 "$code" "merge --keep-going"
grep -q "warning: .*2 of 4 points failed:" "$work/err" || { cat "$work/err"; exit 1; }

set +e
"$bin" validate "$work/sweep.yaml" > /dev/null 2> "$work/err"; code=$?
set -e
expect_code 2 "$code" "validate of the same sweep"
validate_lines=$(grep '^  point' "$work/err")
if [ "$sweep_lines" != "$validate_lines" ]; then
  echo "validate and sweep disagree on the bad points:"
  echo "sweep:    $sweep_lines"
  echo "validate: $validate_lines"
  exit 1
fi

# A sweep whose points all solve exits 0 and says nothing of failures.
sed -i 's/\[RUS, XYZ, CHN, XYZ\]/[RUS, CHN]/' "$work/sweep.yaml"
"$bin" sweep "$work/sweep.yaml" --out "$work/out3" -q 2> "$work/err"
! grep -q "failed" "$work/err"
"$bin" sweep "$work/sweep.yaml" --out "$work/out3" -q --resume 2> "$work/err"
! grep -q "failed" "$work/err"
"$bin" validate "$work/sweep.yaml" > /dev/null

# A --layout the program does not have, or one that does not go with --detail: exit 2,
# the reason, and no output folder.
for bad in "--layout wid|--layout 'wid' is not one of tidy, wide" \
           "--layout wide --detail all|--layout wide takes --detail totals or sectors, not all"; do
  set +e
  # shellcheck disable=SC2086
  "$bin" sweep "$work/sweep.yaml" --out "$work/bad-layout" -q ${bad%%|*} 2> "$work/err"; code=$?
  set -e
  expect_code 2 "$code" "sweep ${bad%%|*}"
  grep -qF -e "${bad#*|}" "$work/err" || { cat "$work/err"; exit 1; }
  [ ! -e "$work/bad-layout" ] || { echo "sweep ${bad%%|*} left $work/bad-layout"; exit 1; }
done

# The summary line says which points took the linear fast path: all of a demand sweep that
# keeps outputs positive; some only when cuts larger than the flows turn outputs negative.
cp "$src/tests/data/linear_absolute.yaml" "$work/absolute.yaml"
linear_sweep() {  # the last value of the households' change
  cat > "$work/linear.yaml" <<YAML
sweep:
  name: linear
  base: absolute.yaml
  parameters:
    shocks.households.change: {linspace: [0, $1, 130]}
YAML
}
linear_sweep -1
"$bin" sweep "$work/linear.yaml" --out "$work/lin1" --keep-going 2> "$work/err"
grep -q "130 solved, .* points/s, linear fast path)" "$work/err" || { cat "$work/err"; exit 1; }
linear_sweep -1e10
"$bin" sweep "$work/linear.yaml" --out "$work/lin2" --keep-going 2> "$work/err"
grep -Eq "130 solved, .* points/s, [1-9][0-9]* by the linear fast path and [1-9][0-9]* by the general path\)" \
  "$work/err" || { cat "$work/err"; exit 1; }
echo "failed points: sweep, resume and merge exit 3 (0 with --keep-going), validate lists the same points; the summary line names the path the points took"
