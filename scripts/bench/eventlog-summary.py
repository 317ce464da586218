#!/usr/bin/env python3
"""Where a run's time went, from a Spark event log (no packages needed).

Run the job with the event log on, e.g.
    java -Dspark.eventLog.enabled=true -Dspark.eventLog.dir=file:///tmp/ev -jar jobs/target/vpr-objectivity.jar run ...
then
    scripts/bench/eventlog-summary.py /tmp/ev/eventlog_v2_local-*/events_1_*      (.zstd files need the zstd tool)

Per SQL execution (one per table written or collected): the pipeline's call site, wall seconds, executor run and
CPU seconds summed over its tasks, and the physical plan's operator counts (scans, exchanges = shuffles, sort-based
and hash-based aggregates, joins). docs/performance.md explains how these were used.
"""
import collections
import json
import re
import subprocess
import sys

OPS = ["Scan", "Exchange", "SortAggregate", "HashAggregate", "ObjectHashAggregate", "SortMergeJoin",
       "BroadcastHashJoin", "Window", "Sort"]


def lines(path):
    if path.endswith(".zstd"):
        out = subprocess.run(["zstd", "-dcq", path], check=True, capture_output=True).stdout
        return out.decode("utf-8").splitlines()
    with open(path, encoding="utf-8") as f:
        return f.read().splitlines()


def main(paths):
    executions, plans = {}, {}
    stage_exec = {}
    cpu, run = collections.Counter(), collections.Counter()
    for path in paths:
        for line in lines(path):
            e = json.loads(line)
            kind = e["Event"]
            if kind.endswith("SQLExecutionStart"):
                site = [l.strip() for l in e.get("details", "").split("\n") if "vprobjectivity" in l]
                # the first frame that is not a writing helper says which table this is
                named = [f for f in site if not re.search(r"ParquetTables\.write|\.write\((Indicator|Flag)Stage", f)]
                site = named or site
                executions[e["executionId"]] = {"start": e["time"], "site": site[0] if site else e["description"]}
                plans[e["executionId"]] = e.get("physicalPlanDescription", "")
            elif kind.endswith("SQLAdaptiveExecutionUpdate"):
                plans[e["executionId"]] = e["physicalPlanDescription"]
            elif kind.endswith("SQLExecutionEnd") and e["executionId"] in executions:
                executions[e["executionId"]]["end"] = e["time"]
            elif kind == "SparkListenerJobStart":
                ex = e.get("Properties", {}).get("spark.sql.execution.id")
                for s in e["Stage IDs"]:
                    stage_exec[s] = int(ex) if ex is not None else -1
            elif kind == "SparkListenerTaskEnd":
                m = e.get("Task Metrics") or {}
                ex = stage_exec.get(e["Stage ID"], -1)
                cpu[ex] += m.get("Executor CPU Time", 0) / 1e9
                run[ex] += m.get("Executor Run Time", 0) / 1e3
    print("| id | call site | wall s | task run s | task CPU s | " + " | ".join(OPS) + " |")
    print("|---:|---|---:|---:|---:|" + "---:|" * len(OPS))
    for ex, info in sorted(executions.items()):
        wall = (info.get("end", info["start"]) - info["start"]) / 1000
        if wall < 0.5 and run[ex] < 0.5:
            continue
        ops = collections.Counter(re.findall(r"^\(\d+\) (\w+)", plans.get(ex, ""), re.M))
        site = re.sub(r"^org\.vprobjectivity\.", "", info["site"])
        print(f"| {ex} | {site} | {wall:.1f} | {run[ex]:.1f} | {cpu[ex]:.1f} | " + " | ".join(str(ops[o]) for o in OPS) + " |")
    print(f"\ntasks: run {sum(run.values()):.1f} s, CPU {sum(cpu.values()):.1f} s over {len(executions)} SQL executions")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
