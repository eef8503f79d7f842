#!/usr/bin/env bash
# Installs the build into a temporary prefix and runs the installed copy from another
# folder, with the source tree out of reach: it must find its models under its prefix.
set -euo pipefail
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" > "$work/install.log"
bin="$work/prefix/bin/spillover"
share="$work/prefix/share/spillover"
for f in "$bin" "$share/models/kaz-2024/model.yaml" "$share/models/example-2sector/model.yaml" \
         "$share/scenarios/russia-sanctions-2022.yaml" "$work/prefix/share/doc/spillover/README.md" \
         "$work/prefix/share/doc/spillover/methods.md"; do
  [ -e "$f" ] || { echo "not installed: $f"; exit 1; }
done
mkdir "$work/elsewhere"
cd "$work/elsewhere"
unset SPILLOVER_MODEL SPILLOVER_MODEL_DIR
# The default model is the installed one, not the source tree's.
"$bin" model info > info.txt
grep -q "Kazakhstan" info.txt || { echo "model info did not describe the default model"; cat info.txt; exit 1; }
grep -q "$share/models/kaz-2024" info.txt || { echo "model info does not show the installed folder"; cat info.txt; exit 1; }
"$bin" run "$share/scenarios/russia-sanctions-2022.yaml" > report.txt
grep -q "^GDP " report.txt || { echo "no GDP line in the installed run"; cat report.txt; exit 1; }
# A scenario naming a shipped model by name finds it under the prefix, also from stdin.
"$bin" run - < "$share/scenarios/example-russia-demand.yaml" > example.txt
grep -q "Miller" example.txt || grep -q "two" example.txt || { cat example.txt; exit 1; }
# An installed multi-regional scenario whose ICIO model is not built says how to build it.
if "$bin" validate "$share/scenarios/mrio/eu-g7-russian-energy-embargo.yaml" 2> mrio.txt; then
  echo "validate passed without the ICIO model"; exit 1
fi
grep -q "spillover import icio 2022_SML.csv" mrio.txt || { echo "no build command"; cat mrio.txt; exit 1; }
grep -q "$share/models/icio-kaz" mrio.txt || { echo "not the installed models' folder"; cat mrio.txt; exit 1; }
# SPILLOVER_MODEL_DIR names another folder of models.
mkdir -p mine && cp -r "$share/models/example-2sector" mine/kaz-2024
SPILLOVER_MODEL_DIR="$PWD/mine" "$bin" model info > mine.txt
grep -q "$PWD/mine/kaz-2024" mine.txt || { echo "SPILLOVER_MODEL_DIR was not followed"; cat mine.txt; exit 1; }
echo "installed to a temporary prefix; ran from $PWD on $share/models"
