#!/usr/bin/env bash
# Regenerates the README's report screenshots (docs/img/) from the sample run: builds the jar if needed, runs the job
# on data-samples/region, and photographs report/index.html and the first flagged school's page in headless Chromium.
# Usage: scripts/report-screenshots.sh [WORKDIR]   (default: target/report-screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-target/report-screenshots}"
jar=jobs/target/vpr-objectivity.jar
[ -f "$jar" ] || mvn -q -DskipTests package
scripts/install-browser.sh
rm -rf "$work" && mkdir -p "$work" docs/img
java -jar "$jar" run --input data-samples/region --output "$work/out" > "$work/run.txt" 2>&1 || true
report="$work/out/report"
first=$(grep -o 'href="schools/[^"]*"' "$report/index.html" | head -1 | sed 's/href="//; s/"$//')
shoot() { chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size="$2" --screenshot="$3" "file://$(pwd)/$1" 2> /dev/null; }
shoot "$report/index.html" 1200,760 docs/img/report-index.png
shoot "$report/$first" 900,1500 docs/img/report-school.png
echo "wrote docs/img/report-index.png and docs/img/report-school.png (school page: $first)"
