#!/usr/bin/env bash
# Evaluates the flags on generated regions (issue «Flags», evaluation): (a) no manipulation, (b) every kind at
# realistic class sizes over several seeds, (c) a sixth of the schools strong and honest. Prints one Markdown table
# per scenario. Usage: scripts/evaluate-flags.sh [SCHOOLS] [WORKDIR]   (defaults: 200, target/evaluate-flags)
set -euo pipefail
cd "$(dirname "$0")/.."
schools="${1:-200}"
work="${2:-target/evaluate-flags}"
jar=jobs/target/vpr-objectivity.jar
[ -f "$jar" ] || mvn -q -DskipTests package
mkdir -p "$work"

scenario() { # name seed manipulated-share strong-share
  local name="$1" seed="$2" manipulated="$3" strong="$4" dir="$work/$1"
  rm -rf "$dir"
  java -jar "$jar" generate --output "$dir/gen" --schools "$schools" --seed "$seed" \
      --manipulated-share "$manipulated" --strong-share "$strong" > /dev/null
  java -jar "$jar" run --input "$dir/gen/region" --output "$dir/out" > "$dir/run.txt" 2> "$dir/progress.txt" || true
  echo
  echo "### $name (schools $schools, seed $seed, manipulated $manipulated, strong $strong)"
  echo
  java -jar "$jar" evaluate --flags "$dir/out" --truth "$dir/gen/truth" 2> /dev/null
}

scenario "a-no-manipulation" 101 0 0
for seed in 102 103 104; do
  scenario "b-every-kind-seed-$seed" "$seed" 0.3 0
done
scenario "c-strong-schools" 105 0.3 0.167
