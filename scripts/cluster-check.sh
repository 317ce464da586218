#!/usr/bin/env bash
# Runs the main job on a real Spark standalone cluster on this machine (one master, one worker, started from the Spark
# jars Maven resolves; no Spark download) with the small cluster jar through spark-submit, runs the same job embedded
# with the full jar, and compares the two outputs table by table ('compare'). Exits non-zero with a message on any
# failure or difference; master and worker are always stopped. Logs and outputs: jobs/target/cluster-check/.
# Usage: scripts/cluster-check.sh [EMBEDDED_OUTPUT]
#   EMBEDDED_OUTPUT: an existing output of `run --input data-samples/region` with the current full jar, to compare
#   against instead of running the embedded job again (CI passes the notebooks' sample run).
# Environment: CLUSTER_WORKER_CORES (2), CLUSTER_WORKER_MEMORY (2g), CLUSTER_EXECUTOR_MEMORY (1536m),
#   CLUSTER_DRIVER_MEMORY (2g), CLUSTER_MASTER_PORT (7077), CLUSTER_SHUFFLE_PARTITIONS (the embedded run's: max(4, 2 x cores)).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
input=data-samples/region
main_class=org.vprobjectivity.jobs.Main
full_jar=jobs/target/vpr-objectivity.jar
cluster_jar=jobs/target/vpr-objectivity-cluster.jar
work=$root/jobs/target/cluster-check
spark_home=$root/jobs/target/spark-home
cores=${CLUSTER_WORKER_CORES:-2}
worker_memory=${CLUSTER_WORKER_MEMORY:-2g}
executor_memory=${CLUSTER_EXECUTOR_MEMORY:-1536m}
driver_memory=${CLUSTER_DRIVER_MEMORY:-2g}
port=${CLUSTER_MASTER_PORT:-7077}
# The embedded run's shuffle partitions (SparkSessions: max(4, 2 x cores)), so both runs partition alike. Another value
# checks that results do not depend on the partitioning (they do, in places: see docs/cluster.md).
embedded_partitions=$(( $(nproc) * 2 > 4 ? $(nproc) * 2 : 4 ))
partitions=${CLUSTER_SHUFFLE_PARTITIONS:-$embedded_partitions}
master_url=spark://127.0.0.1:$port
embedded_given=${1:-}

# Spark's JVM flags (the list of org.apache.spark.launcher.JavaModuleOptions, as in pom.xml's spark.jvm.flags).
flags="-Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"
flags="$flags --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED"
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
    java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  flags="$flags --add-opens=java.base/$p=ALL-UNNAMED"
done

# Short JVMs on two cores (the cluster's, compare): the C2 compiler costs more CPU than it saves (compare: 40 s instead
# of 81 s of CPU). The embedded run is left as users start it.
fast_jvm="-XX:TieredStopAtLevel=1"

script_start=$(date +%s.%N)
step_start=$script_start
timings=()
fail() { echo "cluster-check: FAILED: $*" >&2; exit 1; }
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
step_done() { # name
  local t; t=$(elapsed "$step_start")
  timings+=("$(printf '%-34s %7s s' "$1" "$t")")
  echo "cluster-check: $1: $t s"
  step_start=$(date +%s.%N)
}

if [ -n "$embedded_given" ] && [ ! -f "$embedded_given/run.json" ]; then
  fail "$embedded_given holds no run output (no run.json)"
fi
rm -rf "$work/logs" "$work/worker" "$work/cluster-out" "$work/spark-runtime" "$work/compare.txt"
[ "$(cd "${embedded_given:-/}" && pwd)" = "$work/embedded-out" ] || rm -rf "$work/embedded-out"
mkdir -p "$work/logs"

# (a) the jars: the small cluster jar always (Spark provided), the full jar when missing or older than the sources.
echo "cluster-check: building $cluster_jar (mvn -Pcluster -DskipTests package)"
mvn -q -B -ntp -Pcluster -DskipTests package > "$work/logs/build-cluster.log" 2>&1 \
  || { tail -30 "$work/logs/build-cluster.log" >&2; fail "cluster jar build (log: $work/logs/build-cluster.log)"; }
if [ ! -f "$full_jar" ] || [ -n "$(find pom.xml ./*/pom.xml ./*/src/main -newer "$full_jar" -print -quit)" ]; then
  echo "cluster-check: building $full_jar (mvn -DskipTests package)"
  mvn -q -B -ntp -DskipTests package > "$work/logs/build-full.log" 2>&1 \
    || { tail -30 "$work/logs/build-full.log" >&2; fail "full jar build (log: $work/logs/build-full.log)"; }
fi
unzip -l "$cluster_jar" | grep -q 'org/apache/spark/sql/SparkSession.class' && fail "$cluster_jar bundles Spark"
echo "cluster-check: $cluster_jar $(du -h "$cluster_jar" | cut -f1), $full_jar $(du -h "$full_jar" | cut -f1)"
step_done "build jars"

# (b) SPARK_HOME with jars/ = exactly Spark's runtime (spark-sql and what it depends on, as Maven resolves it alone,
# without our pins or our code): links into ~/.m2, as a Spark distribution's jars/ folder.
spark_version=$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' pom.xml | head -1)
[ -n "$spark_version" ] || fail "no spark.version in pom.xml"
rm -rf "$spark_home"
mkdir -p "$spark_home/jars" "$work/spark-runtime"
cat > "$work/spark-runtime/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.cluster-check</groupId>
  <artifactId>spark-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.spark</groupId>
      <artifactId>spark-sql_2.13</artifactId>
      <version>$spark_version</version>
    </dependency>
  </dependencies>
</project>
EOF
mvn -q -B -ntp -f "$work/spark-runtime/pom.xml" dependency:build-classpath -DincludeScope=runtime \
    -Dmdep.outputFile="$work/spark-runtime/classpath.txt" > "$work/logs/spark-runtime.log" 2>&1 \
  || { tail -30 "$work/logs/spark-runtime.log" >&2; fail "resolving Spark $spark_version's runtime jars"; }
tr ':' '\n' < "$work/spark-runtime/classpath.txt" | while read -r jar; do ln -s "$jar" "$spark_home/jars/"; done
echo "cluster-check: SPARK_HOME $spark_home: Spark $spark_version, $(ls "$spark_home/jars" | wc -l) jars"
export SPARK_HOME=$spark_home SPARK_SCALA_VERSION=2.13
spark_cp="$spark_home/jars/*"
step_done "prepare SPARK_HOME"

# (c) master and worker; stopped whatever happens.
pids=()
stop_cluster() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2> /dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2> /dev/null || true
  done
  pids=()
}
trap stop_cluster EXIT
trap 'exit 130' INT TERM
if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
  fail "port $port is taken (another Spark master?); set CLUSTER_MASTER_PORT"
fi
# The daemons bind 127.0.0.1 only; web UIs on random ports (logged), so nothing else on this machine is in the way.
java -Xmx512m $fast_jvm $flags -cp "$spark_cp" org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$port" --webui-port 0 > "$work/logs/master.log" 2>&1 &
pids+=($!)
java -Xmx512m $fast_jvm $flags -cp "$spark_cp" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --webui-port 0 --cores "$cores" --memory "$worker_memory" --work-dir "$work/worker" \
    "$master_url" > "$work/logs/worker.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  grep -q "Successfully registered with master" "$work/logs/worker.log" 2> /dev/null && break
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2> /dev/null || { tail -20 "$work/logs/master.log" "$work/logs/worker.log" >&2; fail "master or worker exited"; }
  done
  sleep 0.5
done
grep -q "Successfully registered with master" "$work/logs/worker.log" \
  || { tail -20 "$work/logs/master.log" "$work/logs/worker.log" >&2; fail "the worker did not register with $master_url in 60 s"; }
echo "cluster-check: master $master_url up, worker registered ($cores cores, $worker_memory); $partitions shuffle partitions"
step_done "start master and worker"

# (d) the job on the cluster: spark-submit, client mode (the driver is this JVM: it needs the flags itself).
# A relative output path, as a user passes it: the executors' working folder is not the driver's.
cluster_out=${work#"$root"/}/cluster-out
set +e
java -Xmx"$driver_memory" $fast_jvm $flags -cp "$spark_cp" org.apache.spark.deploy.SparkSubmit \
    --master "$master_url" --deploy-mode client --class "$main_class" --name "vpr-objectivity cluster-check" \
    --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
    --conf spark.driver.memory="$driver_memory" --conf spark.executor.memory="$executor_memory" \
    --conf spark.executor.cores="$cores" --conf spark.cores.max="$cores" \
    --conf spark.sql.shuffle.partitions="$partitions" --conf spark.ui.enabled=false \
    --conf "spark.driver.extraJavaOptions=$fast_jvm $flags" --conf "spark.executor.extraJavaOptions=$fast_jvm $flags" \
    "$cluster_jar" run --input "$input" --output "$cluster_out" > "$work/cluster-run.txt" 2> "$work/logs/cluster-run.log"
rc=$?
set -e
# 3: outputs written, some inputs unusable (the sample has bad files on purpose).
if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
  tail -30 "$work/logs/cluster-run.log" >&2
  fail "the cluster run exited with $rc (log: $work/logs/cluster-run.log)"
fi
grep -q "app-.*finished\|Registered app\|Launching executor" "$work/logs/master.log" "$work/logs/worker.log" \
  || fail "the master never saw the application: did the run stay local?"
executors=$(ls -d "$work"/worker/app-*/* 2> /dev/null | wc -l)
[ "$executors" -ge 1 ] || fail "no executor was launched by the worker"
echo "cluster-check: cluster run exit $rc, $executors executor(s) on the worker"
step_done "cluster run (spark-submit)"
stop_cluster
step_done "stop master and worker"

# (e) the same job embedded with the full jar (or a given output of it).
if [ -n "$embedded_given" ]; then
  embedded_out=$embedded_given
  echo "cluster-check: comparing against the given embedded output $embedded_out"
else
  embedded_out=$work/embedded-out
  set +e
  java -jar "$full_jar" run --input "$input" --output "$embedded_out" > "$work/embedded-run.txt" 2> "$work/logs/embedded-run.log"
  rc=$?
  set -e
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
    tail -30 "$work/logs/embedded-run.log" >&2
    fail "the embedded run exited with $rc (log: $work/logs/embedded-run.log)"
  fi
  echo "cluster-check: embedded run exit $rc"
  step_done "embedded run (java -jar)"
fi

# (f) table by table.
set +e
java $fast_jvm -jar "$full_jar" compare --expected "$embedded_out" --actual "$cluster_out" 2> "$work/logs/compare.log" \
  | tee "$work/compare.txt"
rc=${PIPESTATUS[0]}
set -e
step_done "compare"
echo "cluster-check: timings"
printf '  %s\n' "${timings[@]}"
printf '  %-34s %7s s\n' "total" "$(elapsed "$script_start")"
if [ "$rc" -eq 5 ]; then
  fail "the cluster output differs from the embedded one (see above; $work/compare.txt)"
elif [ "$rc" -ne 0 ]; then
  tail -30 "$work/logs/compare.log" >&2
  fail "compare exited with $rc (log: $work/logs/compare.log)"
fi
echo "cluster-check: OK: the standalone cluster's output equals the embedded run's"
