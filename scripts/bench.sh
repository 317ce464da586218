#!/usr/bin/env bash
# Benchmark of the whole pipeline on generated regions of growing size, with a DuckDB baseline (issue 6;
# docs/performance.md explains the method and the columns).
#
# For each size: generate the region once (CANONICAL_CSV, fixed seed, works/125 schools; cached), run
# `vpr-objectivity run` under /usr/bin/time -v with a GC log, read run.json's stage times, then run the core
# aggregates of scripts/bench/core-aggregates.sql on the run's ingested Parquet with Spark and with DuckDB
# (scripts/bench/CoreAggregates.java) and compare their outputs. Prints Markdown tables (stdout) and writes them
# to --out; progress goes to stderr; the raw files of each size stay under --work.
#
# Usage: scripts/bench.sh [--sizes 50k,300k,1m,3m] [--cache DIR] [--heap 8g] [--out docs/performance-results.md]
#                         [--seed 20251] [--work DIR] [--no-core] [--build]
#   --sizes  works per region, comma-separated: 50k, 300k, 1m, 1.5m, 3m or a plain number (default 50k,300k,1m,3m)
#   --cache  generated regions, reused when present (default target/bench-data)
#   --heap   -Xmx of the pipeline's JVM and of the Spark aggregates' JVM (default 8g)
#   --out    Markdown results file (default docs/performance-results.md)
#   --seed   generator seed (default 20251)
#   --work   run outputs, logs, GC logs, timings per size (default target/bench-runs; replaced per size)
#   --no-core  skip the Spark/DuckDB core aggregates
#   --build  build the jar first (mvn -q -DskipTests install); by default the existing jar is measured
# Defaults are under the repository root; relative paths given as options are relative to the current directory.
# Exits 1 if any run fails or the two engines' aggregates differ (the tables are written anyway), 2 on bad usage.
set -euo pipefail

caller_pwd=$PWD
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
orig_args="$*"

log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }
die() { echo "bench.sh: $*" >&2; exit 2; }
usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; }
abspath() { case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$caller_pwd/$1" ;; esac; }

sizes=50k,300k,1m,3m
cache=$repo/target/bench-data
heap=8g
out=$repo/docs/performance-results.md
seed=20251
work=$repo/target/bench-runs
core=1
build=0
while [ $# -gt 0 ]; do
  opt=$1
  val=
  case "$opt" in
    --*=*) val=${opt#*=}; opt=${opt%%=*} ;;
  esac
  case "$opt" in
    --sizes|--cache|--heap|--out|--seed|--work)
      if [ -z "$val" ]; then
        [ $# -ge 2 ] || die "missing value after $opt"
        val=$2
        shift
      fi
      case "$opt" in
        --sizes) sizes=$val ;;
        --cache) cache=$(abspath "$val") ;;
        --heap) heap=$val ;;
        --out) out=$(abspath "$val") ;;
        --seed) seed=$val ;;
        --work) work=$(abspath "$val") ;;
      esac ;;
    --no-core) core=0 ;;
    --build) build=1 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option $opt" ;;
  esac
  shift
done

[[ $heap =~ ^[0-9]+[kKmMgG]?$ ]] || die "--heap must look like 8g or 4096m, not '$heap'"
[[ $seed =~ ^[0-9]+$ ]] || die "--seed must be a number, not '$seed'"
for p in "$cache" "$work" "$repo"; do
  case "$p" in *:*|*' '*) die "paths with ':' or spaces are not supported (JVM -Xlog / classpath): $p" ;; esac
done

# "50k" -> 50000, "1.5m" -> 1500000, "200000" -> 200000
parse_size() {
  local s
  s=$(printf '%s' "$1" | tr 'A-Z' 'a-z')
  [[ $s =~ ^([0-9]+(\.[0-9]+)?)([km]?)$ ]] || return 1
  awk -v n="${BASH_REMATCH[1]}" -v u="${BASH_REMATCH[3]}" \
      'BEGIN { m = (u == "k") ? 1e3 : (u == "m") ? 1e6 : 1; printf "%d\n", n * m + 0.5 }'
}

labels=()
targets=()
IFS=',' read -r -a size_list <<< "$sizes"
for s in "${size_list[@]}"; do
  s=$(printf '%s' "$s" | tr -d ' ')
  [ -n "$s" ] || continue
  n=$(parse_size "$s") || die "bad size '$s' (use 50k, 300k, 1m, 1.5m or a number)"
  [ "$n" -ge 125 ] || die "size '$s' is under one school (125 works)"
  labels+=("$s")
  targets+=("$n")
done
[ ${#labels[@]} -gt 0 ] || die "no sizes in '$sizes'"

for tool in java jq awk; do
  command -v "$tool" > /dev/null || die "'$tool' is needed and not on PATH"
done
[ -x /usr/bin/time ] && /usr/bin/time -v true 2> /dev/null \
  || die "GNU time (/usr/bin/time -v) is needed: apt-get install time"

jar=$repo/jobs/target/vpr-objectivity.jar
if [ "$build" = 1 ]; then
  log "building the jar (mvn -q -DskipTests install)"
  (cd "$repo" && mvn -q -DskipTests install) >&2 || die "the build failed"
fi
[ -f "$jar" ] || die "no $jar: build it with (cd $repo && mvn -q -DskipTests install), or pass --build"

# Spark embedded through -cp needs these (the jar's manifest carries them only for java -jar); the list is Spark's
# JavaModuleOptions, as in jobs/pom.xml's Add-Opens and shared/stack-notes.md.
opens=()
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
opens+=("--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED"
        "-Djdk.reflect.useDirectMethodHandle=false" "-Dio.netty.tryReflectionSetAccessible=true")

duck_jar=
if [ "$core" = 1 ]; then
  duck_version=$(awk '/<artifactId>duckdb_jdbc<\/artifactId>/ { f = 1 }
                      f && /<version>/ { gsub(/.*<version>|<\/version>.*/, ""); print; exit }' "$repo/pipeline/pom.xml")
  [ -n "$duck_version" ] || die "no duckdb_jdbc version in pipeline/pom.xml"
  duck_jar=$repo/target/bench-lib/duckdb_jdbc-$duck_version.jar
  if [ ! -f "$duck_jar" ]; then
    log "fetching org.duckdb:duckdb_jdbc:$duck_version with Maven into target/bench-lib"
    (cd "$repo" && { mvn -q -o dependency:copy -Dartifact="org.duckdb:duckdb_jdbc:$duck_version" \
                        -DoutputDirectory=target/bench-lib \
                     || mvn -q dependency:copy -Dartifact="org.duckdb:duckdb_jdbc:$duck_version" \
                        -DoutputDirectory=target/bench-lib; }) >&2 \
      || die "could not get org.duckdb:duckdb_jdbc:$duck_version (mvn dependency:copy)"
    [ -f "$duck_jar" ] || die "mvn did not leave $duck_jar"
  fi
fi

# ---------------------------------------------------------------- machine

cpu_model=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2> /dev/null || true)
[ -n "$cpu_model" ] || cpu_model=$(lscpu 2> /dev/null | awk -F': *' '/Model name/ { print $2; exit }' || true)
[ -n "$cpu_model" ] || cpu_model=unknown
mem_gib=$(awk '/^MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
cores=$(nproc)
java_version=$(java -version 2>&1 | paste -sd ';' - | sed 's/;/; /g')
os=$(uname -sr)
commit=$(git -C "$repo" rev-parse --short HEAD 2> /dev/null || echo unknown)
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no 2> /dev/null || true)" ]; then
  commit="$commit (uncommitted changes)"
fi
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u '+%Y-%m-%d %H:%M UTC')

log "machine: $cores cores, $mem_gib GiB, $cpu_model; $java_version"
log "load average at start: $load_start; commit $commit; sizes ${labels[*]}; heap $heap; seed $seed"
mkdir -p "$cache" "$work"

# ---------------------------------------------------------------- helpers

failed=0
unequal=0

secs() { awk -v ms="$1" 'BEGIN { if (ms == "") print ""; else printf "%.1f", ms / 1000 }'; }
num() { awk -v x="$1" -v f="$2" 'BEGIN { if (x == "") print "n/a"; else printf f, x }'; }
group() { printf '%s' "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/; ta'; }
rate() { # works, millis -> works/s
  awk -v w="$1" -v ms="$2" 'BEGIN { if (ms == "" || ms <= 0 || w == "") print "n/a"; else printf "%.0f", w / (ms / 1000) }'
}

# /usr/bin/time -v output -> "elapsed_s max_rss_kb cpu_s"
parse_time() {
  awk '
    /Elapsed \(wall clock\)/ { n = split($NF, p, ":"); e = 0; for (i = 1; i <= n; i++) e = e * 60 + p[i] }
    /Maximum resident set size/ { rss = $NF }
    /User time \(seconds\)/ { u = $NF }
    /System time \(seconds\)/ { s = $NF }
    END { printf "%.1f %d %.1f\n", e, rss, u + s }' "$1"
}

# -Xlog:gc lines "... 812M->301M(2048M) 12.3ms": the largest heap occupancy after a collection, in MiB
# (young, mixed, full and remark pauses; G1's "Pause Cleanup" frees nothing and is left out)
peak_after_gc() {
  grep -E 'Pause (Young|Full|Remark)' "$1" 2> /dev/null | grep -oE '[0-9]+[KMG]->[0-9]+[KMG]\(' \
    | sed -E 's/.*->([0-9]+)([KMG])\(/\1 \2/' \
    | awk '{ v = $1; if ($2 == "K") v /= 1024; else if ($2 == "G") v *= 1024; if (v > m) m = v }
           END { if (NR == 0) print ""; else printf "%.0f\n", m }'
}

# the first error lines and the end of a failed step's stderr
show_failure() {
  { grep -m5 -E 'Exception|Error|error|FAILED' "$1" || true; echo '  ...'; tail -8 "$1"; } 2> /dev/null | sed 's/^/  | /' >&2
}

stage() { jq -r --arg k "$1" '.stageMillis[$k] // empty' "$2"; }

# ---------------------------------------------------------------- runs

declare -a r_model r_status r_works r_read r_write r_ingest r_ind r_flags r_report r_other r_total r_wall r_rss r_heap r_cpu r_stages r_sql r_jobs
declare -a c_spark c_duck c_spark_start c_duck_start c_equal c_rows
jsonl=$work/results.jsonl
: > "$jsonl"

for i in "${!labels[@]}"; do
  label=${labels[$i]}
  target=${targets[$i]}
  schools=$(( (target + 62) / 125 ))
  r_status[$i]=ok
  c_equal[$i]=n/a

  # generate once per (works, seed)
  data=$cache/w$target-seed$seed
  if [ -f "$data/.complete" ] && [ -d "$data/region" ]; then
    log "$label: reusing $data"
  else
    log "$label: generating $schools schools (seed $seed) into $data"
    tmp=$data.tmp.$$
    rm -rf "$tmp"
    mkdir -p "$tmp"
    if java -Xmx"$heap" -jar "$jar" generate --output "$tmp" --schools "$schools" --seed "$seed" \
          --formats CANONICAL_CSV > "$tmp/generate.log" 2>&1; then
      rm -rf "$data"
      mv "$tmp" "$data"
      date -u +%FT%TZ > "$data/.complete"
      log "$label: $(grep -m1 '^Generated' "$data/generate.log" || echo generated)"
    else
      log "$label: generation FAILED:"
      show_failure "$tmp/generate.log"
      r_status[$i]="generation failed"
      failed=1
      continue
    fi
  fi

  # the whole pipeline
  dir=$work/$label
  rm -rf "$dir"
  mkdir -p "$dir"
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  log "$label: run (load average $load) -> $dir/out"
  # Spark's event log (uncompressed JSON lines) counts the run's SQL executions and jobs (issue 18: at most 15 executions)
  mkdir -p "$dir/events"
  if /usr/bin/time -v -o "$dir/time.txt" \
       java -Xmx"$heap" -Xlog:gc:file="$dir/gc.log":uptime,level,tags:filecount=0 \
       -Dspark.eventLog.enabled=true -Dspark.eventLog.dir="file://$dir/events" -Dspark.eventLog.compress=false \
       -jar "$jar" run --input "$data/region" --output "$dir/out" > "$dir/run.stdout" 2> "$dir/run.stderr" \
     && [ -f "$dir/out/run.json" ]; then
    :
  else
    log "$label: the run FAILED ($(grep -m1 'Exit status' "$dir/time.txt" 2> /dev/null | tr -d '\t' || echo 'no exit status'); see $dir/run.stderr):"
    show_failure "$dir/run.stderr"
    r_status[$i]="run failed"
    failed=1
    continue
  fi
  cp "$dir/out/run.json" "$dir/run.json"
  read -r r_wall[$i] rss_kb r_cpu[$i] < <(parse_time "$dir/time.txt")
  r_rss[$i]=$(( rss_kb / 1024 ))
  r_heap[$i]=$(peak_after_gc "$dir/gc.log")
  rj=$dir/run.json
  r_works[$i]=$(jq -r '.totals.works // empty' "$rj")
  r_read[$i]=$(stage read_files "$rj")
  r_write[$i]=$(stage write_tables "$rj")
  r_ingest[$i]=$(awk -v a="${r_read[$i]}" -v b="${r_write[$i]}" 'BEGIN { if (a == "" && b == "") print ""; else print a + b }')
  r_ind[$i]=$(stage indicators "$rj")
  r_model[$i]=$(stage model "$rj") # inside indicators: the pupil model per reference
  r_flags[$i]=$(stage flags "$rj")
  r_report[$i]=$(stage report "$rj")
  r_total[$i]=$(stage total "$rj")
  # what total holds beyond the named stages (Spark session start, plan set-up, ...)
  r_other[$i]=$(jq -r '.stageMillis | if .total then .total - ([to_entries[] | select(.key != "total" and .key != "model") | .value] | add // 0) else empty end' "$rj")
  r_stages[$i]=$(jq -c '.stageMillis' "$rj")
  r_sql[$i]=$(cat "$dir"/events/*/events_* 2> /dev/null | grep -c '"Event":"org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart"' || true)
  r_jobs[$i]=$(cat "$dir"/events/*/events_* 2> /dev/null | grep -c '"Event":"SparkListenerJobStart"' || true)
  log "$label: ${r_works[$i]} works, total $(secs "${r_total[$i]}") s, wall ${r_wall[$i]} s, RSS ${r_rss[$i]} MiB, stages ${r_stages[$i]}, ${r_sql[$i]} SQL executions, ${r_jobs[$i]} jobs"

  # core aggregates on the run's Parquet: Spark, DuckDB, compare
  if [ "$core" = 1 ]; then
    cdir=$dir/core
    mkdir -p "$cdir"
    cp_=$jar:$duck_jar
    src=$repo/scripts/bench/CoreAggregates.java
    sql=$repo/scripts/bench/core-aggregates.sql
    ok=1
    for engine in spark duckdb; do
      log "$label: core aggregates on $engine"
      if ! java -Xmx"$heap" "${opens[@]}" -cp "$cp_" "$src" --engine "$engine" --input "$dir/out" --output "$cdir" \
            --sql "$sql" > "$cdir/$engine.stdout" 2> "$cdir/$engine.stderr"; then
        log "$label: core aggregates on $engine FAILED (see $cdir/$engine.stderr):"
        show_failure "$cdir/$engine.stderr"
        ok=0
      fi
    done
    if [ "$ok" = 1 ]; then
      t=$cdir/spark-timings.json
      c_spark[$i]=$(jq -r '(.views_s + .aggregates_total_s) * 1000 | round / 1000' "$t")
      c_spark_start[$i]=$(jq -r '.start_s' "$t")
      c_spark_warm[$i]=$(jq -r '.aggregates_warm_total_s' "$t")
      t=$cdir/duckdb-timings.json
      c_duck[$i]=$(jq -r '(.views_s + .aggregates_total_s) * 1000 | round / 1000' "$t")
      c_duck_start[$i]=$(jq -r '.start_s' "$t")
      c_duck_warm[$i]=$(jq -r '.aggregates_warm_total_s' "$t")
      log "$label: comparing the two engines' outputs"
      if java "${opens[@]}" -cp "$cp_" "$src" --compare --output "$cdir" --sql "$sql" \
           > "$cdir/compare.stdout" 2> "$cdir/compare.stderr"; then
        c_equal[$i]=yes
      elif [ -f "$cdir/compare.json" ] && jq -e '.equal == false' "$cdir/compare.json" > /dev/null; then
        c_equal[$i]=no
        unequal=1
        log "$label: the engines' outputs DIFFER (see $cdir/compare.stderr)"
        grep -v '^\s*$' "$cdir/compare.stderr" | tail -20 >&2 || true
      else
        c_equal[$i]="compare failed"
        failed=1
        log "$label: the comparison FAILED (see $cdir/compare.stderr)"
        show_failure "$cdir/compare.stderr"
      fi
      c_rows[$i]=$(jq -r '[.compare | to_entries[] | "\(.key) \(.value.rows_spark)"] | join(", ")' "$cdir/compare.json" 2> /dev/null || true)
      log "$label: core aggregates Spark ${c_spark[$i]} s, DuckDB ${c_duck[$i]} s, equal: ${c_equal[$i]}"
    else
      r_status[$i]="core aggregates failed"
      failed=1
    fi
  fi

  jq -cn --arg size "$label" --argjson target "$target" --argjson schools "$schools" --argjson seed "$seed" \
     --arg heap "$heap" --arg load "$load" --argjson wall "${r_wall[$i]}" --argjson rss_mib "${r_rss[$i]}" \
     --arg heap_after_gc_mib "${r_heap[$i]}" --argjson cpu "${r_cpu[$i]}" --slurpfile run "$rj" \
     --arg sql "${r_sql[$i]:-}" --arg jobs "${r_jobs[$i]:-}" --arg spark "${c_spark[$i]:-}" --arg duckdb "${c_duck[$i]:-}" --arg equal "${c_equal[$i]}" \
     '{size: $size, target_works: $target, schools: $schools, seed: $seed, heap: $heap, load_avg: $load,
       works: $run[0].totals.works, stage_millis: $run[0].stageMillis, wall_s: $wall, max_rss_mib: $rss_mib,
       heap_after_gc_mib: $heap_after_gc_mib, cpu_s: $cpu, sql_executions: $sql, jobs: $jobs,
       core: {spark_s: $spark, duckdb_s: $duckdb, equal: $equal}}' >> "$jsonl"
done

# ---------------------------------------------------------------- tables

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b <= 0) print ""; else printf "%.2f", a / b }'; }

report() {
  echo "## Benchmark $started"
  echo
  echo "- Machine: $cores cores (nproc), $mem_gib GiB RAM (MemTotal), CPU: $cpu_model; $os"
  echo "- Java: $java_version"
  echo "- Load average at start: $load_start (1, 5, 15 min)"
  echo "- Commit: $commit; heap -Xmx$heap; seed $seed; $(echo "scripts/bench.sh $orig_args" | sed 's/ *$//')"
  echo
  echo "### Pipeline (\`vpr-objectivity run\`, one run per size; seconds from run.json)"
  echo
  echo "| size | works | ingest (read+write) s | indicators s | of which pupil model s | model s per 100k works | flags s | report s | other s | total s | wall s | works/s | peak RSS MiB | peak heap after GC MiB | CPU s | SQL executions | jobs |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for i in "${!labels[@]}"; do
    if [ "${r_status[$i]}" = "generation failed" ] || [ "${r_status[$i]}" = "run failed" ]; then
      echo "| ${labels[$i]} | ${r_status[$i]} | | | | | | | | | | | | | | | |"
      continue
    fi
    echo "| ${labels[$i]} | $(group "${r_works[$i]}") | $(secs "${r_ingest[$i]}") | $(secs "${r_ind[$i]}") | $(secs "${r_model[$i]}") | $(awk -v m="${r_model[$i]}" -v w="${r_works[$i]}" 'BEGIN { if (m == "" || w == "" || w == 0) print "n/a"; else printf "%.1f", m / 1000 * 100000 / w }') | $(secs "${r_flags[$i]}") | $(secs "${r_report[$i]}") | $(secs "${r_other[$i]}") | $(secs "${r_total[$i]}") | ${r_wall[$i]} | $(group "$(rate "${r_works[$i]}" "${r_total[$i]}")") | $(group "${r_rss[$i]}") | $(group "${r_heap[$i]:-n/a}") | ${r_cpu[$i]} | ${r_sql[$i]:-n/a} | ${r_jobs[$i]:-n/a} |"
  done
  echo
  echo "### Throughput per stage (works/s)"
  echo
  echo "| size | read files | write tables | ingest | indicators | flags | report | total |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  for i in "${!labels[@]}"; do
    [ -n "${r_works[$i]:-}" ] || continue
    w=${r_works[$i]}
    echo "| ${labels[$i]} | $(group "$(rate "$w" "${r_read[$i]}")") | $(group "$(rate "$w" "${r_write[$i]}")") | $(group "$(rate "$w" "${r_ingest[$i]}")") | $(group "$(rate "$w" "${r_ind[$i]}")") | $(group "$(rate "$w" "${r_flags[$i]}")") | $(group "$(rate "$w" "${r_report[$i]}")") | $(group "$(rate "$w" "${r_total[$i]}")") |"
  done
  if [ "$core" = 1 ]; then
    echo
    echo "### Core aggregates: Spark against DuckDB (the same SQL, scripts/bench/core-aggregates.sql)"
    echo
    echo "Seconds to register the views and run the four aggregates, each written as Parquet; engine start apart."
    echo "The second pass runs the same aggregates again in the same session (code generated and compiled)."
    echo
    echo "| size | works | core aggregates Spark s | DuckDB s | ratio Spark/DuckDB | second pass Spark s | DuckDB s | ratio | results equal | Spark session start s | DuckDB connect s |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|"
    for i in "${!labels[@]}"; do
      [ -n "${r_works[$i]:-}" ] || continue
      if [ -z "${c_spark[$i]:-}" ]; then
        echo "| ${labels[$i]} | $(group "${r_works[$i]}") | ${r_status[$i]} | | | | | | | | |"
        continue
      fi
      echo "| ${labels[$i]} | $(group "${r_works[$i]}") | $(num "${c_spark[$i]}" %.2f) | $(num "${c_duck[$i]}" %.2f) | $(num "$(ratio "${c_spark[$i]}" "${c_duck[$i]}")" %.1f) | $(num "${c_spark_warm[$i]:-}" %.2f) | $(num "${c_duck_warm[$i]:-}" %.2f) | $(num "$(ratio "${c_spark_warm[$i]:-}" "${c_duck_warm[$i]:-}")" %.1f) | ${c_equal[$i]} | $(num "${c_spark_start[$i]}" %.1f) | $(num "${c_duck_start[$i]}" %.1f) |"
    done
    for i in "${!labels[@]}"; do
      [ -n "${c_rows[$i]:-}" ] && echo && echo "Output rows at ${labels[$i]}: ${c_rows[$i]}."
    done
  fi
  echo
  echo "### Growth (time ratio between consecutive sizes against the works ratio; linear = equal)"
  echo
  local prev=
  local flagged=()
  local rows=0
  for i in "${!labels[@]}"; do
    [ -n "${r_works[$i]:-}" ] || continue
    if [ -n "$prev" ]; then
      if [ "$rows" = 0 ]; then
        echo "| from → to | works × | total × | ingest × | indicators × | flags × | report × | Spark core × | DuckDB core × |"
        echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
      fi
      rows=$((rows + 1))
      local wr cells="" name a b x
      wr=$(ratio "${r_works[$i]}" "${r_works[$prev]}")
      for name in total ingest ind flags report spark duck; do
        case $name in
          total) a=${r_total[$i]}; b=${r_total[$prev]} ;;
          ingest) a=${r_ingest[$i]}; b=${r_ingest[$prev]} ;;
          ind) a=${r_ind[$i]}; b=${r_ind[$prev]} ;;
          flags) a=${r_flags[$i]}; b=${r_flags[$prev]} ;;
          report) a=${r_report[$i]}; b=${r_report[$prev]} ;;
          spark) a=${c_spark[$i]:-}; b=${c_spark[$prev]:-} ;;
          duck) a=${c_duck[$i]:-}; b=${c_duck[$prev]:-} ;;
        esac
        x=$(ratio "$a" "$b")
        if [ -z "$x" ]; then
          cells="$cells | n/a"
        elif awk -v x="$x" -v w="$wr" 'BEGIN { exit !(x > 1.2 * w) }'; then
          cells="$cells | **$x ⚠**"
          flagged+=("$name ${labels[$prev]}→${labels[$i]} ($x× for $wr× works)")
        else
          cells="$cells | $x"
        fi
      done
      echo "| ${labels[$prev]} → ${labels[$i]} | $wr$cells |"
    fi
    prev=$i
  done
  [ "$rows" = 0 ] || echo
  if [ "$rows" = 0 ]; then
    echo "Growth needs two successful sizes or more."
  elif [ ${#flagged[@]} -eq 0 ]; then
    echo "No stage grew more than 20% faster than the works (super-linear)."
  else
    echo "Super-linear by more than 20% (⚠): $(IFS=';'; echo "${flagged[*]}" | sed 's/;/; /g')."
  fi
  echo
  local w=${work#"$repo"/}
  echo "Raw files per size (time -v, GC log, run.json, engine timings, compare.json): \`$w/<size>/\`; one JSON line per size: \`$w/results.jsonl\`."
}

mkdir -p "$(dirname "$out")"
report | tee "$out"
log "wrote $out"

if [ "$failed" = 1 ]; then
  log "some runs FAILED (see above)"
  exit 1
fi
if [ "$unequal" = 1 ]; then
  log "Spark and DuckDB gave different aggregates (see above)"
  exit 1
fi
