#!/usr/bin/env bash
# scripts/build_kaz_model.py rebuilds the shipped model/kaz-2024 from shared/data byte for
# byte, README included, and the README's "Products that export more than they produce"
# lists exactly the products `spillover model check` warns about.
# Skipped (exit 77) when the shared data folder is not beside the repository.
set -euo pipefail
bin=$1
src=$2
data=${SPILLOVER_SHARED_DATA:-$src/../shared/data}
if [ ! -d "$data/kz-io-2024" ]; then
  echo "no shared data at $data (set SPILLOVER_SHARED_DATA): skipped"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$src/scripts/build_kaz_model.py" --data "$data" --out "$work/kaz" > "$work/log"
if ! diff -r "$work/kaz" "$src/model/kaz-2024" > "$work/diff"; then
  echo "a rebuild differs from the committed model/kaz-2024 (rebuilt < committed >):"
  head -n 60 "$work/diff"
  exit 1
fi
# Product codes in the README table, and in the warnings of model check.
readme_codes=$(sed -n '/^## Products that export more than they produce/,/^## /p' \
  "$src/model/kaz-2024/README.md" | sed -n 's/^| \([0-9A-Z]*\) .*/\1/p' | grep -v '^$' | sort)
"$bin" model check "$src/model/kaz-2024" > "$work/check"
check_codes=$(sed -n 's/^  warning  product \([^ ]*\) .*/\1/p' "$work/check" | sort)
if [ -z "$readme_codes" ] || [ "$readme_codes" != "$check_codes" ]; then
  echo "README lists: $(echo $readme_codes)"
  echo "model check warns about: $(echo $check_codes)"
  exit 1
fi
echo "rebuild identical to model/kaz-2024; README and model check name the same products: $(echo $readme_codes)"
