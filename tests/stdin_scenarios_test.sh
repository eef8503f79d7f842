#!/usr/bin/env bash
# Every shipped run scenario, read from standard input in the repository root, gives the
# same report as when it is named as a file (a relative `model:` is taken from the current
# directory, or is the name of a shipped model), and `validate -` accepts it as it accepts
# the file (standard input is read once, so the check must not read it again).
set -euo pipefail
bin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$src"
count=0
# Top level only: scenarios/mrio/ needs a model built from the OECD ICIO tables
# (model/built-models.csv); tests/mrio_commands_test.py runs those on a generated table.
for f in scenarios/*.yaml; do
  grep -q '^sweep:' "$f" && continue
  "$bin" run "$f" > "$work/file.txt"
  if ! cat "$f" | "$bin" run - > "$work/pipe.txt"; then
    echo "cat $f | spillover run - failed"
    exit 1
  fi
  if ! cmp -s "$work/file.txt" "$work/pipe.txt"; then
    echo "$f: the report from standard input differs from the file's"
    diff "$work/file.txt" "$work/pipe.txt" | head
    exit 1
  fi
  "$bin" validate "$f" | sed "s|^$f:|-:|" > "$work/file.txt"
  if ! "$bin" validate - < "$f" > "$work/pipe.txt"; then
    echo "spillover validate - < $f failed"
    exit 1
  fi
  if ! cmp -s "$work/file.txt" "$work/pipe.txt"; then
    echo "$f: validate - says otherwise than validate FILE"
    diff "$work/file.txt" "$work/pipe.txt" | head
    exit 1
  fi
  count=$((count + 1))
done
[ "$count" -ge 5 ] || { echo "only $count run scenarios found"; exit 1; }
echo "$count shipped scenarios run from standard input"
