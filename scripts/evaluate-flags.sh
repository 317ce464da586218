#!/usr/bin/env bash
# Evaluates the flags on generated regions (issue «Flags», evaluation): (a) no manipulation, (b) every kind at
# realistic class sizes over several seeds, (c) a sixth of the schools strong and honest, (d) every kind at several
# manipulation strengths (generate --strength). Prints one Markdown table per scenario (evaluate's), then one summary
# table: scenario | strength | seed | recall per kind (recall at classes of >= 10 works in brackets) | clean flag rate.
#
# Usage: scripts/evaluate-flags.sh [SCHOOLS] [WORKDIR]   (defaults: 200, target/evaluate-flags)
# Environment:
#   STRENGTHS="0.5 1.0 1.5"  strengths of the sweep (d)
#   SEEDS="102 103"          seeds of the sweep (d)
#   QUICK=1                  only the null region and strength 1.0 at the first seed, 100 schools unless SCHOOLS is
#                            given (6.5 min on 2 cores; the default, 11 regions of 200 schools, takes about 35 min)
#   GENERATOR=independent    the same scenarios on regions of scripts/independent-region.py, a simulator written apart
#                            from the Java generator with another model (a manipulated share is then 11.5% of the
#                            cells, every manipulated class of >= 10 works, as in the issue's independent region),
#                            each with the recall of the simulator's oracle beside ours (--oracle)
set -euo pipefail
cd "$(dirname "$0")/.."
quick="${QUICK:-0}"
if [ "$quick" = 1 ]; then
  schools="${1:-100}"
else
  schools="${1:-200}"
fi
work="${2:-target/evaluate-flags}"
strengths="${STRENGTHS:-0.5 1.0 1.5}"
seeds="${SEEDS:-102 103}"
built=jobs/target/vpr-objectivity.jar
[ -f "$built" ] || mvn -q -DskipTests package
mkdir -p "$work"
# Every run of this invocation uses one copy of the jar: a rebuild meanwhile cannot mix two versions in one table.
jar="$work/vpr-objectivity.jar"
cp "$built" "$jar"
: > "$work/scenarios.txt"

scenario() { # name seed manipulated-share strong-share [strength]
  local name="$1" seed="$2" manipulated="$3" strong="$4" strength="${5:-}" dir="$work/$1"
  local extra=()
  [ -n "$strength" ] && extra=(--strength "$strength")
  rm -rf "$dir"
  mkdir -p "$dir"
  if [ "${GENERATOR:-java}" = independent ]; then
    [ "$manipulated" != 0 ] && manipulated=0.115
    python3 scripts/independent-region.py --output "$dir/gen" --schools "$schools" --seed "$seed" \
        --manipulated-share "$manipulated" --strong-share "$strong" "${extra[@]}" --oracle 2> "$dir/oracle.txt"
  else
    java -jar "$jar" generate --output "$dir/gen" --schools "$schools" --seed "$seed" \
        --manipulated-share "$manipulated" --strong-share "$strong" "${extra[@]}" > /dev/null
  fi
  java -jar "$jar" run --input "$dir/gen/region" --output "$dir/out" > "$dir/run.txt" 2> "$dir/progress.txt" || true
  echo
  echo "### $name (schools $schools, seed $seed, manipulated $manipulated, strong $strong${strength:+, strength $strength})"
  echo
  if java -jar "$jar" evaluate --flags "$dir/out" --truth "$dir/gen/truth" > "$dir/evaluate.md" 2> "$dir/evaluate.err"; then
    cat "$dir/evaluate.md"
    if grep -q '^oracle' "$dir/oracle.txt" 2> /dev/null; then
      echo
      echo "What a detector that knows the simulation's truth finds at the same q (scripts/independent-region.py --oracle):"
      echo
      grep '^oracle' "$dir/oracle.txt" | sed 's/^oracle /- /'
    fi
  else
    echo "evaluate failed (see $dir/evaluate.err and $dir/progress.txt)"
  fi
  echo "$name" >> "$work/scenarios.txt"
}

scenario "a-no-manipulation" 101 0 0
if [ "$quick" = 1 ]; then
  first_seed="${seeds%% *}"
  scenario "d-strength-1.0-seed-$first_seed" "$first_seed" 0.3 0 1.0
else
  for seed in 102 103 104; do
    scenario "b-every-kind-seed-$seed" "$seed" 0.3 0
  done
  scenario "c-strong-schools" 105 0.3 0.167
  for strength in $strengths; do
    for seed in $seeds; do
      scenario "d-strength-$strength-seed-$seed" "$seed" 0.3 0 "$strength"
    done
  done
fi

# The summary reads each scenario's strength and seed from its generator record (what was generated, not what this
# script meant to ask for) and the figures from evaluate's table, by column name.
echo
echo "### Summary (schools $schools; cells; recall per kind, in brackets at classes of >= 10 works)"
echo
python3 - "$work" <<'PY'
import json, os, sys

work = sys.argv[1]
names = [l.strip() for l in open(os.path.join(work, "scenarios.txt"), encoding="utf-8") if l.strip()]

def table(path):
    """Rows of the first Markdown table in the file, as dicts by header name."""
    rows, header = [], None
    if not os.path.exists(path):
        return rows
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line.startswith("|"):
            if header:
                break
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if header is None:
            header = cells
        elif set(line) <= set("|-: "):
            continue
        else:
            rows.append(dict(zip(header, cells)))
    return rows

def recall_large_column(row):
    return next((k for k in row if k.startswith("recall (class")), None)

summaries, kinds = [], []
for name in names:
    d = os.path.join(work, name)
    cfg = {}
    rec = os.path.join(d, "gen", "truth", "generator-record.json")
    if os.path.exists(rec):
        cfg = json.load(open(rec, encoding="utf-8")).get("config", {})
    rows = [r for r in table(os.path.join(d, "evaluate.md")) if r.get("level") == "cell"]
    per_kind, clean = {}, "—"
    for r in rows:
        kind = r.get("kind", "")
        if kind == "all":
            clean = r.get("clean flag rate", "—")
            continue
        if kind not in kinds:
            kinds.append(kind)
        large = recall_large_column(r)
        rec_all = r.get("recall", "—")
        per_kind[kind] = rec_all if rec_all == "—" or not large else f"{rec_all} ({r.get(large, '—')})"
    strength = cfg.get("strength", 1.0)
    manipulated = cfg.get("manipulatedShare")
    summaries.append((name, "—" if manipulated == 0 else str(float(strength)), str(cfg.get("seed", "?")), per_kind, clean,
                      bool(rows)))

header = ["scenario", "strength", "seed"] + kinds + ["clean flag rate"]
print("| " + " | ".join(header) + " |")
print("|" + "---|" * len(header))
for name, strength, seed, per_kind, clean, ok in summaries:
    cells = [per_kind.get(k, "—") for k in kinds] if ok else ["evaluate failed"] + ["—"] * (len(kinds) - 1)
    print("| " + " | ".join([name, strength, seed] + cells + [clean]) + " |")
PY
