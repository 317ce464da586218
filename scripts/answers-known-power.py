#!/usr/bin/env python3
"""How much an answers-known statistic loses by not knowing which tasks leaked (README, "On a region simulated apart").

With the items of scripts/independent-region.py known exactly (the upper bound for any statistic), compares per work
the likelihood ratio G with θ profiled on a grid against three alternatives of "answers known":
  - indep:  each task at full marks with probability π = 0.3, independently (what KnownAnswers tests);
  - nested: the hardest k tasks all at full marks, k = 2..⌈tasks/3⌉ mixed evenly, hardness guessed from the items
            (P(full | θ = 0), or the expected score fraction at θ = 0 with --fraction);
  - exact:  the advanced tasks (the simulator's truth) all at full marks;
  - indep+part: half indep, half exact (what KnownAnswers tests where the scale gives task levels).
Each work's h = log(1 − ρ + ρ·e^G), ρ = 0.5, is standardised by its total's null moments (40,000 honest works); a
class of 20 sums them. Prints, per work, the power at p < 0.001 (threshold from 300 honest classes) when 60% of a
class's works have every advanced task complete (with --leak-elsewhere, as many basic tasks instead).

Usage: scripts/answers-known-power.py [--fraction] [--seed 1]
Needs Python 3 with numpy only.
"""
import argparse
import importlib.util
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("independent_region", os.path.join(HERE, "independent-region.py"))
ir = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ir)

GRID = np.linspace(-4, 4, 41)
PI = 0.3
RHO = 0.5


def ratios(items, y, probs, by_fraction):
    """Per work G of each alternative, θ profiled on GRID."""
    n_tasks = y.shape[1]
    per = [np.log(probs[j][:, y[:, j]].T + 1e-300) for j in range(n_tasks)]
    lp = sum(per)
    full = np.stack([y[:, j] == items.max[j] for j in range(n_tasks)], 1)
    out = {}
    lq = sum(np.log((1 - PI) * np.exp(per[j]) + PI * full[:, j:j + 1]) for j in range(n_tasks))
    out["indep"] = lq.max(1) - lp.max(1)
    indep_by_node = lq
    mid = len(GRID) // 2
    if by_fraction:
        hardness = [(probs[j][mid] * np.arange(items.max[j] + 1)).sum() / items.max[j] for j in range(n_tasks)]
    else:
        hardness = [probs[j][mid, items.max[j]] for j in range(n_tasks)]
    order = np.argsort(hardness)

    def set_by_node(components):
        comp = np.stack(components, 0)
        top = np.maximum(comp.max(0), lp)
        mix = np.log(np.exp(comp - top).mean(0) + 1e-300) + top
        return np.logaddexp(np.log(1 - PI) + lp, np.log(PI) + mix)

    def set_ratio(components):
        return set_by_node(components).max(1) - lp.max(1)

    def complete(tasks):
        return np.where(full[:, tasks].all(1)[:, None], lp - sum(per[j] for j in tasks), -np.inf)

    out["nested"] = set_ratio([complete(order[:k]) for k in range(2, int(np.ceil(n_tasks / 3)) + 1)])
    out["exact"] = set_ratio([complete(np.where(items.advanced)[0])])
    # what KnownAnswers tests where the scale gives levels: half the per-task alternative, half the advanced part
    both = np.logaddexp(indep_by_node, set_by_node([complete(np.where(items.advanced)[0])])) - np.log(2)
    out["indep+part"] = both.max(1) - lp.max(1)
    return out


def mixture(g):
    return np.where(g > 0, g + np.log(RHO + (1 - RHO) * np.exp(-np.clip(g, 0, 50))),
                    np.log(1 - RHO + RHO * np.exp(np.minimum(g, 0))))


def class_z(g, totals, null_g, null_totals, classes):
    top = max(totals.max(), null_totals.max()) + 1
    count = np.bincount(null_totals, minlength=top)
    mean = np.bincount(null_totals, null_g, top) / np.maximum(count, 1)
    var = np.bincount(null_totals, null_g ** 2, top) / np.maximum(count, 1) - mean ** 2
    ok = (count[totals] >= 30) & (var[totals] > 1e-9)
    d = np.where(ok, g - mean[totals], 0.0)
    v = np.where(ok, var[totals], 0.0)
    n = classes.max() + 1
    return np.bincount(classes, d, n) / np.sqrt(np.maximum(np.bincount(classes, v, n), 1e-12))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fraction", action="store_true", help="hardness by expected score fraction, not P(full)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--leak-elsewhere", action="store_true",
                    help="the answers are those of as many basic tasks as the part has, not the part's: the cost of testing the part")
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    scales = ir.scales(os.path.join(HERE, "..", "data-samples", "mark-scales.json"))
    classes, size = 300, 20
    for (subject, grade), scale in scales.items():
        items = ir.Items(scale, rng)
        probs = items.probs(GRID)
        y0 = np.maximum(items.scores(rng.normal(0, 1.07, 40_000), rng), 0)
        null = {k: mixture(v) for k, v in ratios(items, y0, probs, args.fraction).items()}
        z = {}
        leak_tasks = items.advanced
        if args.leak_elsewhere:
            leak_tasks = np.zeros(len(items.max), bool)
            leak_tasks[rng.choice(np.where(~items.advanced)[0], items.advanced.sum(), replace=False)] = True
        for arm in ("honest", "answers"):
            theta = np.repeat(rng.normal(0, 0.38, classes), size) + rng.normal(0, 1, classes * size)
            y = np.maximum(items.scores(theta, rng), 0)
            if arm == "answers":
                leaked = rng.random(classes * size) < 0.6
                y[np.ix_(leaked, leak_tasks)] = items.max[leak_tasks]
            of = np.repeat(np.arange(classes), size)
            for k, g in ratios(items, y, probs, args.fraction).items():
                z[(k, arm)] = class_z(mixture(g), y.sum(1), null[k], y0.sum(1), of)
        line = [f"{subject}-{grade} ({items.advanced.sum()} advanced of {len(items.max)} tasks):"]
        for k in ("indep", "nested", "exact", "indep+part"):
            threshold = np.quantile(z[(k, "honest")], 0.999)
            line.append(f"{k} {np.mean(z[(k, 'answers')] > threshold):.2f}")
        print("  ".join(line))


if __name__ == "__main__":
    main()
