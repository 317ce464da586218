#!/usr/bin/env python3
"""An independent simulated region for judging the flags (issue «Flags on a fitted model», targets).

Written apart from the Java generator (generator/…/synthetic) and on purpose with a different model, so a flag that
only fits our own generator shows it here:
  - task scores: a generalised partial credit model (Muraki 1992) with a discrimination and step difficulties per
    task, basic (Б) tasks easier than advanced (П/В) ones; omissions more likely for weak pupils and hard tasks;
  - ability: a pupil factor shared by the subjects plus a subject part, a municipality, school and class effect
    (SD 0.15, 0.30, 0.38 of the pupil SD, as issue 16 read them from the real Altai exports);
  - journal marks: an ordered probit of ability with a class leniency (SD 0.45) and a school leniency (SD 0.25);
  - selective schools (--strong-share): strong (+1.2), homogeneous classes, a journal that confirms the work;
  - absences: 4% of pupils, a little more among the weak;
  - manipulation of one class or of the whole cell (school × subject × grade), in classes of at least 10 works:
    near-cut leniency, answers known in advance, blanket inflation, copied works, inflated journal marks, each with
    a strength (--strength, 1 = the default) that scales its probability.
Writes canonical CSV files (docs/input-format.md shape 3), truth/ground-truth.csv in the layout `evaluate` reads and
truth/generator-record.json (the arguments). scripts/evaluate-flags.sh runs its scenarios on it with
GENERATOR=independent.

Usage: scripts/independent-region.py --output DIR [--schools 150] [--seed 7] [--manipulated-share 0.11]
                                     [--strong-share 0] [--strength 1.0]
Needs Python 3 with numpy only; the mark scales are read from data-samples/mark-scales.json (session 2021-spring).
"""
import argparse
import json
import os
import sys

import numpy as np

SESSION = "2021-spring"
REGION = "45"
WORKS = [("MA", 4), ("RU", 4), ("MA", 5), ("RU", 5)]
KINDS = ["LENIENT_NEAR_CUTS", "ANSWERS_KNOWN", "BLANKET_INFLATION", "COPIED_WORKS", "INFLATED_JOURNAL"]
KIND_WEIGHTS = [14, 14, 9, 9, 23]  # the mix of the independent region
LETTERS = "АБВГД"


def scales(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    out = {}
    for s in data["scales"]:
        if s["from_year"] == 2021 and (s["subject"], s["grade"]) in WORKS:
            out[(s["subject"], s["grade"])] = s
    return out


class Items:
    """Generalised partial credit items of one work: P(X = x) ∝ exp(Σ_{k ≤ x} a (θ − b_k))."""

    def __init__(self, scale, rng):
        self.max = np.array([t["max"] for t in scale["tasks"]])
        n = len(self.max)
        levels = [t.get("level") for t in scale["tasks"]]
        if all(l is None for l in levels):  # no levels known: the last quarter of the tasks is the advanced part
            levels = ["Б"] * (n - n // 4) + ["П"] * (n // 4)
        self.advanced = np.array([l in ("П", "В") for l in levels])
        self.a = np.exp(rng.normal(0.0, 0.35, n))
        base = np.where(self.advanced, rng.normal(0.9, 0.5, n), rng.normal(-0.7, 0.7, n))
        self.b = [base[j] + (np.arange(1, m + 1) - (m + 1) / 2) * 0.7 + rng.normal(0, 0.25, m)
                  for j, m in enumerate(self.max)]
        self.cuts = {int(k): v for k, v in scale["cuts"].items()}

    def probs(self, theta):
        """Per task, P(X = x | θ) on the grid θ: arrays of shape (len(θ), max + 1)."""
        out = []
        for j in range(len(self.max)):
            steps = np.cumsum(self.a[j] * (theta[:, None] - self.b[j][None, :]), axis=1)
            logits = np.hstack([np.zeros((len(theta), 1)), steps])
            p = np.exp(logits - logits.max(axis=1, keepdims=True))
            out.append(p / p.sum(axis=1, keepdims=True))
        return out

    def scores(self, theta, rng):
        """Task scores, −1 = not attempted."""
        n_pupils, n_tasks = len(theta), len(self.max)
        out = np.zeros((n_pupils, n_tasks), dtype=int)
        probs = self.probs(theta)
        for j in range(n_tasks):
            p = probs[j]
            u = rng.random(n_pupils)
            out[:, j] = (u[:, None] > np.cumsum(p, axis=1)).sum(axis=1)
            omit = 1 / (1 + np.exp(2.2 + 1.3 * theta - (1.0 if self.advanced[j] else 0.0)))
            out[(out[:, j] == 0) & (rng.random(n_pupils) < omit), j] = -1
        return out

    def mark(self, total):
        return 2 + sum(total >= self.cuts[c] for c in (3, 4, 5))


def journal(latent, rng):
    cuts = np.array([-2.56, -0.41, 1.14])
    j = 2 + (latent[:, None] > cuts[None, :]).sum(axis=1)
    return np.where(rng.random(len(latent)) < 0.03, 0, j)  # 0 = no journal mark


def manipulate(kind, scores, jmarks, items, strength, rng):
    """Changes the class's works in place; returns how many works or journal marks changed."""
    n = len(scores)
    room = lambda row: [j for j in range(len(items.max)) if max(row[j], 0) < items.max[j]]
    changed = 0
    if kind == "LENIENT_NEAR_CUTS":
        for i in range(n):
            total = np.maximum(scores[i], 0).sum()
            for cut in items.cuts.values():
                if cut - 2 <= total < cut and rng.random() < min(1.0, 0.7 * strength):
                    while total < cut:
                        j = rng.choice(room(scores[i]))
                        scores[i, j] = max(scores[i, j], 0) + 1
                        total += 1
                    changed += 1
                    break
    elif kind == "ANSWERS_KNOWN":
        for i in range(n):
            if rng.random() < min(1.0, 0.6 * strength):
                before = scores[i].copy()
                scores[i, items.advanced] = items.max[items.advanced]
                changed += int((before != scores[i]).any())
    elif kind == "BLANKET_INFLATION":
        for i in range(n):
            before = scores[i].copy()
            for j in room(scores[i]):
                if rng.random() < min(1.0, 0.25 * strength):
                    scores[i, j] = max(scores[i, j], 0) + 1
            changed += int((before != scores[i]).any())
    elif kind == "COPIED_WORKS":
        totals = np.maximum(scores, 0).sum(axis=1)
        sources = np.argsort(-totals)[:2]
        for i in range(n):
            if i not in sources and rng.random() < min(0.8, 0.35 * strength):
                scores[i] = scores[rng.choice(sources)]
                changed += 1
    elif kind == "INFLATED_JOURNAL":
        for i in range(n):
            if 2 <= jmarks[i] < 5 and rng.random() < min(1.0, 0.7 * strength):
                jmarks[i] += 1
                changed += 1
    return changed


# ---------------------------------------------------------------------------------------------------------------------
# The oracle bound (--oracle): what a detector that knows the truth of the simulation could find. For each manipulated
# cell it knows the kind, the manipulated classes, the item parameters, the variance components and the manipulation's
# own probabilities, and computes the Neyman–Pearson likelihood ratio of the class against that alternative; the class
# effect is integrated over its prior (school, municipality and class SD together), and for the journal the oracle even
# knows every pupil's true ability. The null of each statistic is simulated from the same truth (ORACLE_DRAWS classes
# of the same size, with an exponential tail beyond the draws). Clean cells get uniform p-values at their expected
# order statistics, and Benjamini–Hochberg at q = 0.05 runs over all cells, as the flags do. No real detector knows this much, so its recall is an upper bound;
# for the journal a loose one (it knows each pupil's true ability), and where a whole school is manipulated it takes
# the classes as independent although they share the school's effects (which makes it stronger still).
# Copied works are scored as found (our flags find nearly all of them), which only loosens the bound.

ORACLE_DRAWS = 2000
ORACLE_MAX_RATE = 0.9
CLASS_PRIOR_SD = float(np.sqrt(0.30 ** 2 + 0.15 ** 2 + 0.38 ** 2))
LENIENCY_PRIOR_SD = float(np.sqrt(0.25 ** 2 + 0.45 ** 2))
THETA = np.linspace(-5.5, 5.5, 67)
U = np.linspace(-3.5, 3.5, 29) * CLASS_PRIOR_SD
LOG_PRIOR_U = -0.5 * (U / CLASS_PRIOR_SD) ** 2 - np.log(np.exp(-0.5 * (U / CLASS_PRIOR_SD) ** 2).sum())
_w = np.exp(-0.5 * (THETA[:, None] - U[None, :]) ** 2)
THETA_GIVEN_U = _w / _w.sum(axis=0, keepdims=True)  # P(θ | u), pupil SD 1


def logsumexp(x, axis):
    m = x.max(axis=axis, keepdims=True)
    return (m + np.log(np.exp(x - m).sum(axis=axis, keepdims=True))).squeeze(axis)


def class_loglik(log_f):
    """log ∫ Π_i f_i(u) prior(u) du from per-work log f_i(u) (works × grid)."""
    return float(logsumexp(LOG_PRIOR_U + log_f.sum(axis=0), axis=0))


def log_f_from_theta(log_l):
    """Per work, log f(u) = log Σ_θ L(θ) P(θ | u), from log L (works × θ)."""
    m = log_l.max(axis=1, keepdims=True)
    return m + np.log(np.exp(log_l - m) @ THETA_GIVEN_U + 1e-300)


def blanket_llr(items, probs, scores, pi):
    x = np.maximum(scores, 0)
    log0 = np.zeros((len(x), len(THETA)))
    log1 = np.zeros((len(x), len(THETA)))
    for j, p in enumerate(probs):
        y = x[:, j]
        p0 = p[:, y].T
        lower = np.where((y >= 1)[:, None], p[:, np.maximum(y - 1, 0)].T, 0.0)
        p1 = p0 * (1 - pi * (y < items.max[j]))[:, None] + lower * pi
        log0 += np.log(p0 + 1e-300)
        log1 += np.log(p1 + 1e-300)
    return class_loglik(log_f_from_theta(log1)) - class_loglik(log_f_from_theta(log0))


def answers_known_llr(items, probs, scores, rho):
    """Each work, with probability ρ, has every advanced task at its maximum whatever the pupil can do."""
    x = np.maximum(scores, 0)
    log0 = np.zeros((len(x), len(THETA)))
    log_basic = np.zeros((len(x), len(THETA)))
    for j, p in enumerate(probs):
        lp = np.log(p[:, x[:, j]].T + 1e-300)
        log0 += lp
        if not items.advanced[j]:
            log_basic += lp
    full = (x[:, items.advanced] == items.max[items.advanced]).all(axis=1)
    log1 = np.logaddexp(np.log(1 - rho) + log0, np.where(full[:, None], np.log(rho) + log_basic, -np.inf))
    return class_loglik(log_f_from_theta(log1)) - class_loglik(log_f_from_theta(log0))


def total_distribution(probs):
    """P(total = s | θ) by the Lord–Wingersky recursion: (θ × scores)."""
    dist = np.ones((len(THETA), 1))
    for p in probs:
        new = np.zeros((len(THETA), dist.shape[1] + p.shape[1] - 1))
        for x in range(p.shape[1]):
            new[:, x:x + dist.shape[1]] += dist * p[:, x:x + 1]
        dist = new
    return dist


def near_cut_alternative(p0, cuts, rho):
    """Totals moved as the manipulation moves them: a work at c − 2 or c − 1 lifted to the cut c with probability ρ."""
    p1 = p0.copy()
    for c in cuts:
        p1[c - 2:c] = p0[c - 2:c] * (1 - rho)
        p1[c] = p0[c] + rho * (p0[c - 1] + p0[c - 2])
    return p1


def near_cut_llr(totals, p0_u, p1_u):
    return class_loglik(np.log(p1_u[:, totals].T + 1e-300)) - class_loglik(np.log(p0_u[:, totals].T + 1e-300))


JOURNAL_CUTS = np.array([-2.56, -0.41, 1.14])
L_GRID = np.linspace(-3.5, 3.5, 29) * LENIENCY_PRIOR_SD
LOG_PRIOR_L = -0.5 * (L_GRID / LENIENCY_PRIOR_SD) ** 2 - np.log(np.exp(-0.5 * (L_GRID / LENIENCY_PRIOR_SD) ** 2).sum())


def journal_probs(theta):
    """P(J = 2..5 | θ, L) for every pupil and leniency on the grid: (pupils × L × 4)."""
    from math import erf
    phi = np.vectorize(lambda z: 0.5 * (1 + erf(z / np.sqrt(2))))
    z = (JOURNAL_CUTS[None, None, :] - theta[:, None, None] - L_GRID[None, :, None]) / 0.6
    c = phi(z)
    c = np.concatenate([np.zeros(c.shape[:2] + (1,)), c, np.ones(c.shape[:2] + (1,))], axis=2)
    return np.diff(c, axis=2)


def journal_llr(marks, p0, rho):
    shift = np.zeros_like(p0)
    shift[:, :, 1:] = p0[:, :, :-1]
    raise_ = np.array([1.0, 1.0, 1.0, 0.0])  # marks 2..4 can be raised
    p1 = p0 * (1 - rho * raise_) + rho * shift
    idx = marks - 2
    rows = np.arange(len(marks))
    l0 = np.log(p0[rows, :, idx] + 1e-300).sum(axis=0)
    l1 = np.log(p1[rows, :, idx] + 1e-300).sum(axis=0)
    return float(logsumexp(LOG_PRIOR_L + l1, 0) - logsumexp(LOG_PRIOR_L + l0, 0))


def tail_p(draws, obs):
    """P(null ≥ obs) from simulated null draws: the share of draws at or above, or beyond the last few draws an
    exponential tail fitted to the top tenth (peaks over a threshold; Knijnenburg, Wessels, Reinders &amp; Shmulevich
    2009, "Fewer permutations, more accurate P-values", Bioinformatics 25). The nulls of these ratios have point
    masses and long lower tails, so no normal shape is assumed."""
    exceed = np.sum(draws >= obs)
    if exceed >= 10:
        return (1 + exceed) / (len(draws) + 1)
    q90 = np.percentile(draws, 90)
    excess = draws[draws > q90] - q90
    return 0.1 * float(np.exp(-(obs - q90) / max(excess.mean(), 1e-12)))


def oracle_p(kind, classes, items, strength, rng, cache):
    """One-sided p of the summed class statistics against simulated nulls, summed class by class."""
    probs = items.probs(THETA)
    # The alternative's probability is capped at ORACLE_MAX_RATE: at 1 a mark of 2 or a total just below a cut is
    # impossible under it, and the null's log ratios have an infinite lower tail.
    rate = lambda base: min(ORACLE_MAX_RATE, base * strength)
    draw_scores = lambda n: items.scores(rng.normal(0, CLASS_PRIOR_SD) + rng.normal(0, 1, n), rng)
    obs, total = 0.0, None
    for scores, marks, theta in classes:
        n = len(scores)
        key = (id(items), kind, n)
        if kind == "BLANKET_INFLATION":
            stat = lambda sc: blanket_llr(items, probs, sc, rate(0.25))
        elif kind == "ANSWERS_KNOWN":
            stat = lambda sc: answers_known_llr(items, probs, sc, rate(0.6))
        elif kind == "LENIENT_NEAR_CUTS":
            p0 = (total_distribution(probs).T @ THETA_GIVEN_U).T  # (u × totals)
            p1 = np.array([near_cut_alternative(row, items.cuts.values(), rate(0.7)) for row in p0])
            stat = lambda sc: near_cut_llr(np.maximum(sc, 0).sum(axis=1), p0, p1)
        elif kind == "INFLATED_JOURNAL":
            keep = marks > 0
            th = theta[keep]
            p0 = journal_probs(th)
            obs += journal_llr(marks[keep], p0, rate(0.7))
            null = np.empty(ORACLE_DRAWS)
            for b in range(ORACLE_DRAWS):  # the null given these pupils' abilities: not shared between classes
                latent = th + rng.normal(0, LENIENCY_PRIOR_SD) + rng.normal(0, 0.6, len(th))
                null[b] = journal_llr(2 + (latent[:, None] > JOURNAL_CUTS[None, :]).sum(axis=1), p0, rate(0.7))
            total = null if total is None else total + rng.permutation(null)
            continue
        else:
            return 0.0
        obs += stat(scores)
        if key not in cache:
            cache[key] = np.array([stat(draw_scores(n)) for _ in range(ORACLE_DRAWS)])
        total = cache[key] if total is None else total + rng.permutation(cache[key])
    return tail_p(total, obs)


def benjamini_hochberg(p, q=0.05):
    order = np.argsort(p)
    m = len(p)
    passed = np.nonzero(np.asarray(p)[order] <= q * np.arange(1, m + 1) / m)[0]
    found = np.zeros(m, dtype=bool)
    if len(passed):
        found[order[:passed[-1] + 1]] = True
    return found


def oracle_bound(cells, n_cells, items, strength, rng, path):
    """Writes the oracle's p per manipulated cell and prints its recall per kind at BH q = 0.05 over all cells: knowing
    the kind, and not knowing it (Bonferroni over the six kinds the flags look for, as a detector that knows the model
    but not which manipulation happened would pay)."""
    cache, keys, kinds, ps = {}, [], [], []
    for key, (kind, work, classes) in cells.items():
        keys.append(key)
        kinds.append(kind)
        ps.append(oracle_p(kind, classes, items[work], strength, rng, cache))
    m0 = n_cells - len(ps)
    clean = (np.arange(1, m0 + 1) / (m0 + 1)).tolist()
    found = benjamini_hochberg(ps + clean)[:len(ps)]
    blind_ps = [min(1.0, 6 * p_) for p_ in ps]
    found_blind = benjamini_hochberg(blind_ps + clean)[:len(ps)]
    with open(path, "w", encoding="utf-8") as f:
        f.write("school_id;subject;grade;kind;oracle_p;oracle_found;oracle_found_kind_unknown\n")
        for k, kind, p_, fd, fb in zip(keys, kinds, ps, found, found_blind):
            f.write(f"{k[0]};{k[1]};{k[2]};{kind};{p_:.3g};{str(bool(fd)).lower()};{str(bool(fb)).lower()}\n")
    # AUC against clean cells whose p is uniform: P(U > p) = 1 − p knowing the kind; not knowing it, a clean cell's
    # smallest of six independent uniforms exceeds p with probability (1 − p)^6.
    for kind in KINDS + ["all"]:
        sel = [i for i, kd in enumerate(kinds) if kind in (kd, "all")]
        if sel:
            auc = np.mean([1 - ps[i] for i in sel])
            auc_blind = np.mean([(1 - ps[i]) ** 6 for i in sel])
            print(f"oracle {kind}: {sum(found[i] for i in sel)}/{len(sel)} knowing the kind (AUC {auc:.3f}), "
                  f"{sum(found_blind[i] for i in sel)}/{len(sel)} not (AUC {auc_blind:.3f})", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--output", required=True)
    ap.add_argument("--schools", type=int, default=150)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--manipulated-share", type=float, default=0.115, help="share of cells manipulated")
    ap.add_argument("--strong-share", type=float, default=0.0, help="share of honest selective schools")
    ap.add_argument("--strength", type=float, default=1.0)
    ap.add_argument("--oracle", action="store_true",
                    help="also write truth/oracle.csv: what a detector knowing the simulation's truth finds (slow)")
    ap.add_argument("--scales", default=os.path.join(os.path.dirname(__file__), "..", "data-samples", "mark-scales.json"))
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    works = scales(args.scales)
    items = {w: Items(works[w], rng) for w in WORKS}
    os.makedirs(os.path.join(args.output, "region"), exist_ok=True)
    os.makedirs(os.path.join(args.output, "truth"), exist_ok=True)

    municipalities = [f"reg{REGION}_m{m:03d}" for m in range(1, 13)]
    muni_effect = dict(zip(municipalities, rng.normal(0, 0.15, len(municipalities))))
    rows = {w: [] for w in WORKS}
    truth = []
    oracle_cells = {}  # (school, subject, grade) -> (kind, work, [(scores, journal marks, true ability) per class])
    n_cells = args.schools * len(WORKS)
    kinds_left = list(rng.choice(KINDS, size=int(round(n_cells * args.manipulated_share)),
                                 p=np.array(KIND_WEIGHTS) / sum(KIND_WEIGHTS)))
    for s in range(args.schools):
        school = f"sch{REGION}{s + 1:04d}"
        muni = municipalities[s % len(municipalities)]
        strong = rng.random() < args.strong_share
        kind_of_school = rng.choice(["rural", "town", "city"], p=[0.45, 0.35, 0.2])
        if strong:
            kind_of_school = "city"
            truth.append(f"{SESSION};{school};{muni};;;;;;;true")
        u_school = 1.2 if strong else rng.normal(0, 0.30) + muni_effect[muni]
        school_leniency = 0.0 if strong else rng.normal(0, 0.25)
        for grade in (4, 5):
            n_classes = {"rural": 1, "town": int(rng.integers(1, 3)), "city": int(rng.integers(2, 5))}[kind_of_school]
            classes = []
            for c in range(n_classes):
                size = int(rng.integers(4, 15)) if kind_of_school == "rural" else int(rng.integers(15, 31))
                class_sd, pupil_sd = (0.15, 0.7) if strong else (0.38, 1.0)
                effect = u_school + rng.normal(0, class_sd)
                leniency = school_leniency + (rng.normal(0, 0.1) if strong else rng.normal(0, 0.45))
                g = rng.normal(0, 1, size)
                classes.append((LETTERS[c] if n_classes > 1 or rng.random() < 0.7 else "", size, effect, leniency,
                                g, pupil_sd, rng.choice(["м", "ж"], size)))
            for subject in ("MA", "RU"):
                w = (subject, grade)
                it = items[w]
                # one manipulation per cell at most, drawn while there are kinds left and a class of >= 10 pupils; the
                # chance is paced by the cells and truth rows left so the kinds spread over the whole region
                big = [k for k, cl in enumerate(classes) if cl[1] >= 10]
                kind, target = None, []
                if kinds_left and big and not strong and rng.random() < len(kinds_left) / max(1, n_cells - len(truth)) * 1.6:
                    kind = kinds_left.pop()
                    target = [k for k in big] if rng.random() < 0.4 else [int(rng.choice(big))]
                n_cells -= 1
                for k, (letter, size, effect, leniency, g, pupil_sd, sex) in enumerate(classes):
                    theta = effect + pupil_sd * (0.8 * g + 0.6 * rng.normal(0, 1, size))
                    scores = it.scores(theta, rng)
                    latent = theta + leniency + rng.normal(0, 0.35 if strong else 0.6, size)
                    jm = journal(latent, rng)
                    absent = rng.random(size) < 0.04 + 0.03 * (theta < effect - 1)
                    if k in target:
                        present = ~absent
                        s_, j_ = scores[present], jm[present]
                        changed = manipulate(kind, s_, j_, it, args.strength, rng)
                        scores[present], jm[present] = s_, j_
                        oracle_cells.setdefault((school, subject, str(grade)), (kind, w, []))[2].append(
                            (s_, j_, theta[present]))
                        level = "SCHOOL" if len(target) > 1 else "CLASS"
                        truth.append(f"{SESSION};{school};{muni};{subject};{grade};{letter};{kind};{level};{changed};false")
                    for i in range(size):
                        participant = f"{grade}{k + 1}{i + 1:03d}"
                        base = [SESSION, REGION, muni, f"Муниципалитет {muni[-3:]}", school, f"МБОУ «Школа {s + 1}»",
                                subject, str(grade), letter, participant]
                        if absent[i]:
                            rows[w].append(base + ["absent", sex[i], "", "", ""] + [""] * len(it.max))
                            continue
                        total = int(np.maximum(scores[i], 0).sum())
                        cells = ["X" if v < 0 else str(v) for v in scores[i]]
                        rows[w].append(base + [str(1 + i % 2), sex[i], "" if jm[i] == 0 else str(jm[i]), str(total),
                                               str(it.mark(total))] + cells)
    header = ["session", "region", "municipality_code", "municipality", "school_id", "school_name", "subject", "grade",
              "class", "participant", "variant", "sex", "journal_mark", "primary_score", "mark"]
    for w, lines in rows.items():
        with open(os.path.join(args.output, "region", f"independent_{w[0]}{w[1]}.csv"), "w", encoding="utf-8") as f:
            f.write(",".join(header + [f"task_{j + 1}" for j in range(len(items[w].max))]) + "\n")
            for r in lines:
                f.write(",".join(r) + "\n")
    with open(os.path.join(args.output, "truth", "ground-truth.csv"), "w", encoding="utf-8") as f:
        f.write("session;school_id;municipality_code;subject;grade;class;kind;level;works_affected;strong_school\n")
        f.write("\n".join(truth) + ("\n" if truth else ""))
    with open(os.path.join(args.output, "truth", "generator-record.json"), "w", encoding="utf-8") as f:
        json.dump({"generator": "scripts/independent-region.py",
                   "config": {"seed": args.seed, "schools": args.schools, "strength": args.strength,
                              "manipulatedShare": args.manipulated_share, "strongShare": args.strong_share}}, f, indent=2)
    if args.oracle:
        oracle_bound(oracle_cells, args.schools * len(WORKS), items, args.strength, np.random.default_rng(args.seed + 1),
                     os.path.join(args.output, "truth", "oracle.csv"))
    manipulated = {tuple(t.split(";")[1:5]) for t in truth if not t.endswith("true")}
    print(f"{args.schools} schools, {sum(len(v) for v in rows.values())} rows, {len(manipulated)} manipulated cells, "
          f"kinds not placed: {len(kinds_left)}", file=sys.stderr)


if __name__ == "__main__":
    main()
