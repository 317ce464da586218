#!/usr/bin/env python3
"""Where the simulator's oracle gains over our signs on blanket inflation and near-cut leniency (README, "On a region
simulated apart"), and what that gain would cost honest strong schools.

With the items of scripts/independent-region.py known exactly (so any difference is the statistic's, not the fit's),
a class of 20 works, p-values of honest classes and manipulated ones:

Blanket inflation (one point added to each unfinished task with probability r; r = 0.25 at strength 1):
  - ours:     AddedPoints. Per work G with θ profiled on the grid (π = 0.3), standardised by its total's null moments
              (40,000 honest works), summed over the class, Wilson–Hilferty z.
  - oracle:   the simulator's oracle. The class's marginal likelihood ratio with the class effect integrated over its
              true prior (SD of school, municipality and class effects) and the true rate; null by simulation.
  - flat:     the same ratio with the class effect integrated over a flat prior (π = 0.3), so a class's level is no
              evidence; null by simulation.
  Rows: honest classes of the region, honest strong selective classes (mean +1.2, SD 0.6: what independent-region.py
  --strong-share draws), and r = 0.25, 0.5.
Near-cut leniency (a work at cut − 2 or cut − 1 lifted to the cut with probability r; r = 0.7 at strength 1):
  - ours:     CutBunching. Works at the cut among the window {cut − 2, cut − 1, cut}, summed over the three cuts, as a
              Poisson–binomial count under the class's own distribution (exact mid-p).
  - weighted: the likelihood ratio of the stated alternative, each work at cut t weighted by
              log((π_t + r(1 − π_t))/π_t) − log(1 − r) (r = 0.5), exact by enumeration.

Usage: scripts/oracle-gap.py [--seed 5] [--work MA4] [--classes 200]
Needs Python 3 with numpy only; takes about half a minute per work.
"""
import argparse
import importlib.util
import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("independent_region", os.path.join(HERE, "independent-region.py"))
ir = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ir)

GRID = ir.THETA
CLASS = 20
NULL_WORKS = 40_000
NULL_CLASSES = 3000


def normal_sf(z):
    return 0.5 * math.erfc(z / math.sqrt(2))


def lse(x, axis):
    m = x.max(axis=axis, keepdims=True)
    return (m + np.log(np.exp(x - m).sum(axis=axis, keepdims=True))).squeeze(axis)


class Blanket:
    def __init__(self, items, rng):
        self.items, self.rng = items, rng
        self.probs = items.probs(GRID)
        self.log_p = [np.log(p + 1e-300) for p in self.probs]
        self.log_q = {r: self.alternative(r) for r in (0.25, 0.3)}
        self.max_total = int(items.max.sum())
        sd_class = ir.CLASS_PRIOR_SD
        u = np.linspace(-3.5, 3.5, 29) * sd_class
        self.prior_u = -0.5 * (u / sd_class) ** 2
        self.prior_u -= np.log(np.exp(self.prior_u).sum())
        self.theta_given_u = self.kernel(u)
        flat_u = np.linspace(-4, 4, 41)
        self.flat_u = np.full(len(flat_u), -np.log(len(flat_u)))
        self.theta_given_flat = self.kernel(flat_u)
        honest = self.scores(self.rng.normal(0, math.sqrt(1 + sd_class ** 2), NULL_WORKS), 0)
        self.moments = self.null_moments(honest)
        self.null_oracle = np.array([self.oracle(self.honest_class()) for _ in range(NULL_CLASSES)])
        self.null_flat = np.array([self.flat(self.honest_class()) for _ in range(NULL_CLASSES)])

    @staticmethod
    def kernel(u):
        w = np.exp(-0.5 * (GRID[:, None] - u[None, :]) ** 2)
        return w / w.sum(axis=0, keepdims=True)

    def alternative(self, r):
        out = []
        for j, p in enumerate(self.probs):
            q = p.copy()
            q[:, :self.items.max[j]] *= 1 - r
            q[:, 1:] += r * p[:, :-1]
            out.append(np.log(q + 1e-300))
        return out

    def scores(self, theta, rate):
        s = self.items.scores(theta, self.rng)
        if rate > 0:
            room = np.maximum(s, 0) < self.items.max[None, :]
            s = np.where(room & (self.rng.random(s.shape) < rate), np.maximum(s, 0) + 1, s)
        return np.maximum(s, 0)

    def honest_class(self, rate=0.0):
        return self.scores(self.rng.normal(0, ir.CLASS_PRIOR_SD) + self.rng.normal(0, 1, CLASS), rate)

    def strong_class(self):
        return self.scores(1.2 + self.rng.normal(0, 0.6, CLASS), 0)

    def loglik(self, y, tables):
        return sum(tables[j][:, y[:, j]].T for j in range(y.shape[1]))

    def profiled(self, y):
        return self.loglik(y, self.log_q[0.3]).max(axis=1) - self.loglik(y, self.log_p).max(axis=1)

    def null_moments(self, y):
        g, t = self.profiled(y), y.sum(axis=1)
        out = np.full((3, self.max_total + 1), np.nan)
        for s in range(1, self.max_total):
            lo = hi = s
            while ((t >= lo) & (t <= hi)).sum() < 50 and (lo > 1 or hi < self.max_total - 1):
                lo, hi = max(1, lo - 1), min(self.max_total - 1, hi + 1)
            v = g[(t >= lo) & (t <= hi)]
            if len(v) > 1:
                out[:, s] = v.mean(), v.var(), ((v - v.mean()) ** 3).mean()
        return out

    def ours(self, y):
        t = y.sum(axis=1)
        keep = (t > 0) & (t < self.max_total)
        g, t = self.profiled(y)[keep], t[keep]
        d = (g - self.moments[0, t]).sum()
        v, k = self.moments[1, t].sum(), self.moments[2, t].sum()
        x, gamma = d / math.sqrt(v), k / v ** 1.5
        z = 6 / gamma * (np.cbrt(1 + gamma * x / 2) - 1) + gamma / 6
        return normal_sf(z)

    def marginal(self, y, log_q, prior_u, kernel):
        def class_ll(l):
            m = l.max(axis=1, keepdims=True)
            per_u = m + np.log(np.exp(l - m) @ kernel + 1e-300)
            return lse(prior_u + per_u.sum(axis=0), 0)
        return class_ll(self.loglik(y, log_q)) - class_ll(self.loglik(y, self.log_p))

    def oracle(self, y):
        return self.marginal(y, self.log_q[0.25], self.prior_u, self.theta_given_u)

    def flat(self, y):
        return self.marginal(y, self.log_q[0.3], self.flat_u, self.theta_given_flat)

    def p_values(self, y):
        p = lambda x, null: (1 + (null >= x).sum()) / (1 + len(null))
        return self.ours(y), p(self.oracle(y), self.null_oracle), p(self.flat(y), self.null_flat)


class NearCut:
    def __init__(self, items, rng):
        self.items, self.rng = items, rng
        self.dist = ir.total_distribution(items.probs(GRID))
        self.cuts = [items.cuts[c] for c in (3, 4, 5)]

    def sample(self, rate):
        u = self.rng.normal(0, ir.CLASS_PRIOR_SD)
        t = np.maximum(self.items.scores(u + self.rng.normal(0, 1, CLASS), self.rng), 0).sum(axis=1)
        for i in range(CLASS):
            for c in self.cuts:
                if c - 2 <= t[i] < c and self.rng.random() < rate:
                    t[i] = c
                    break
        w = np.exp(-0.5 * (GRID - u) ** 2)
        p = (w / w.sum()) @ self.dist
        pi = [p[c] / p[c - 2:c + 1].sum() for c in self.cuts]
        n = [int(((t >= c - 2) & (t <= c)).sum()) for c in self.cuts]
        x = [int((t == c).sum()) for c in self.cuts]
        return pi, n, x

    @staticmethod
    def binomial(n, p):
        return np.array([math.comb(n, k) * p ** k * (1 - p) ** (n - k) for k in range(n + 1)])

    def ours(self, pi, n, x):
        d = np.array([1.0])
        for p, m in zip(pi, n):
            d = np.convolve(d, self.binomial(m, p))
        return d[sum(x) + 1:].sum() + 0.5 * d[sum(x)]

    def weighted(self, pi, n, x, r=0.5):
        w = [math.log((p + r * (1 - p)) / p) - math.log(1 - r) for p in pi]
        observed = sum(a * b for a, b in zip(w, x))
        values, probs = np.array([0.0]), np.array([1.0])
        for p, m, wt in zip(pi, n, w):
            values = (values[:, None] + wt * np.arange(m + 1)[None, :]).ravel()
            probs = (probs[:, None] * self.binomial(m, p)[None, :]).ravel()
        return probs[values > observed + 1e-9].sum() + 0.5 * probs[np.abs(values - observed) <= 1e-9].sum()


def shares(ps):
    ps = np.array(ps)
    return " ".join(f"{np.mean(ps < a):.3f}" for a in (0.05, 0.01, 0.001))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--work", default="MA4", help="subject and grade, e.g. MA4, RU5")
    parser.add_argument("--classes", type=int, default=200, help="classes per row")
    a = parser.parse_args()
    rng = np.random.default_rng(a.seed)
    scale = ir.scales(os.path.join(HERE, "..", "data-samples", "mark-scales.json"))[(a.work[:2], int(a.work[2:]))]
    items = ir.Items(scale, rng)
    print(f"{a.work}, classes of {CLASS}, {a.classes} per row; share of p below 0.05 / 0.01 / 0.001")
    print()
    print("| blanket inflation | ours (AddedPoints) | oracle (class prior, true rate) | flat class prior |")
    print("|---|---|---|---|")
    b = Blanket(items, rng)
    rows = [("honest classes", lambda: b.honest_class()), ("honest strong selective classes", b.strong_class),
            ("rate 0.25 (strength 1)", lambda: b.honest_class(0.25)), ("rate 0.5 (strength 2)", lambda: b.honest_class(0.5))]
    for name, draw in rows:
        cols = list(zip(*[b.p_values(draw()) for _ in range(a.classes)]))
        print(f"| {name} | " + " | ".join(shares(c) for c in cols) + " |")
    print()
    print("| near-cut leniency | ours (CutBunching) | weighted likelihood ratio |")
    print("|---|---|---|")
    nc = NearCut(items, rng)
    for rate in (0.0, 0.35, 0.7):
        samples = [nc.sample(rate) for _ in range(a.classes)]
        print(f"| rate {rate} | {shares([nc.ours(*s) for s in samples])} | {shares([nc.weighted(*s) for s in samples])} |")


if __name__ == "__main__":
    main()
