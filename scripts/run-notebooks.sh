#!/usr/bin/env bash
# Executes every notebook in notebooks/ headless against the sample run's output, so a notebook that breaks fails CI.
# Installs what it needs once: Debian's jupyter-nbconvert / nbclient (apt, as root), the rapaio Java kernel (Maven
# Central) as kernelspec "vpr-java" with Spark's JVM flags. Executed copies go to target/notebooks/ (the committed
# notebooks stay without outputs). Usage: scripts/run-notebooks.sh [RUN_OUTPUT]  (default: runs the sample into
# target/notebooks/sample-run)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jar=jobs/target/vpr-objectivity.jar
[ -f "$jar" ] || mvn -q -ntp -DskipTests package
if [ ! -x /usr/bin/jupyter-nbconvert ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel > /dev/null
fi
kernel_dir=target/kernel
mkdir -p "$kernel_dir/vpr-java" target/notebooks
mvn -q -B -ntp dependency:copy -Dartifact=io.github.padreati:rapaio-jupyter-kernel:3.0.1 -DoutputDirectory="$kernel_dir"
python3 - "$root/$kernel_dir" <<'PY'
import json, sys
kernel = sys.argv[1]
opens = ["java.lang", "java.lang.invoke", "java.lang.reflect", "java.io", "java.net", "java.nio", "java.util",
         "java.util.concurrent", "java.util.concurrent.atomic", "jdk.internal.ref", "sun.nio.ch", "sun.nio.cs",
         "sun.security.action", "sun.util.calendar"]
argv = ["java", "-Xmx3g"] + ["--add-opens=java.base/%s=ALL-UNNAMED" % p for p in opens] + [
    "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false",
    "-Dio.netty.tryReflectionSetAccessible=true", "-jar", kernel + "/rapaio-jupyter-kernel-3.0.1.jar", "{connection_file}"]
json.dump({"argv": argv, "display_name": "Java (vpr-objectivity)", "language": "java"},
          open(kernel + "/vpr-java/kernel.json", "w"), indent=1)
PY
/usr/bin/jupyter kernelspec install --user --name=vpr-java "$kernel_dir/vpr-java" > /dev/null 2>&1
output="${1:-}"
if [ -z "$output" ]; then
  output="$root/target/notebooks/sample-run"
  java -jar "$jar" run --input data-samples/region --output "$output" > target/notebooks/sample-run.txt 2>&1 || [ $? -eq 3 ]
fi
export VPR_OUTPUT="$(cd "$output" && pwd)"
execute() { # notebook log
  /usr/bin/jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=vpr-java \
      --ExecutePreprocessor.startup_timeout="${NOTEBOOK_STARTUP_TIMEOUT:-45}" --ExecutePreprocessor.timeout=600 \
      --output-dir target/notebooks "$1" > "$2" 2>&1
}
status=0
for nb in notebooks/*.ipynb; do
  start=$(date +%s)
  log="target/notebooks/$(basename "$nb" .ipynb).log"
  # A cell that fails is a broken notebook. A kernel that never answers (now and then the rapaio kernel binds its
  # sockets and drops the first requests; it starts in seconds otherwise) is started again, twice at most. The startup
  # timeout is what such a lost kernel costs: 45 s (NOTEBOOK_STARTUP_TIMEOUT), where 90 s cost CI three minutes when
  # two of the three notebooks lost theirs.
  if execute "$nb" "$log" || { ! grep -q CellExecutionError "$log" && echo "notebook $nb: kernel lost, retrying" && execute "$nb" "$log"; } \
      || { ! grep -q CellExecutionError "$log" && echo "notebook $nb: kernel lost, retrying" && execute "$nb" "$log"; }; then
    echo "notebook $nb: ok ($(( $(date +%s) - start )) s)"
  else
    echo "notebook $nb: FAILED, see $log"; sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -v '^\s*at ' | tail -25
    status=1
  fi
done
exit $status
