package org.vprobjectivity.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Injects one manipulation into a school: picks the subject and grade, the level (one class or the whole
 * grade) and changes the works in place. Strengths follow what re-checks and the literature report
 * (Dee et al. on NYC Regents: ~40% of near-cut works lifted; federal re-checks: mostly 1–4 points added).
 * Every kind counts the works (or pupils) it actually changed: that is the ground truth's works_affected.
 *
 * <p>The config's strength F scales every kind's intensity, so an evaluation can report recall against how
 * blatant the manipulation is: each probability p becomes min(1, p·F), the share of pupils kept at home and the
 * share of the class handing in copies become min(0.9, share·F) (someone always sits the work honestly). Points
 * stay whole: lenient checking still lifts a work exactly to the cut, blanket inflation still adds one point per
 * task. At F = 1 every number, and every random draw, is what it was before the strength existed.
 */
final class Manipulator {

    static final double LENIENT_PROBABILITY = 0.7;
    static final double KNOWN_ANSWER_PROBABILITY = 0.85;
    static final double BLANKET_PROBABILITY = 0.35;
    static final double JOURNAL_RAISE_PROBABILITY = 0.7;
    static final double KEPT_HOME_SHARE = 0.25;
    static final double COPIED_SHARE_MIN = 0.4;
    static final double COPIED_SHARE_RANGE = 0.2;
    /** At most this share of a class is kept at home or copies, whatever the strength. */
    static final double MAX_SHARE = 0.9;

    private Manipulator() {
    }

    static List<GroundTruthRow> apply(SchoolPlan plan, List<Sitting> sittings, String session, double strength, Random r) {
        return apply(plan, sittings.get(r.nextInt(sittings.size())), session, strength, r);
    }

    /** Into a given work: a school whose manipulation persists keeps its subject and grade ({@link SessionHistory}). */
    static List<GroundTruthRow> apply(SchoolPlan plan, Sitting sitting, String session, double strength, Random r) {
        ManipulationLevel level = r.nextBoolean() ? ManipulationLevel.CLASS : ManipulationLevel.SCHOOL;
        List<SimClass> classes = sitting.classes();
        List<SimClass> hit = level == ManipulationLevel.CLASS ? List.of(classes.get(r.nextInt(classes.size()))) : classes;
        List<GroundTruthRow> rows = new ArrayList<>();
        for (SimClass c : hit) {
            int affected = applyKind(plan.manipulation(), sitting.model(), sitting.worksOf(c), strength, r);
            rows.add(new GroundTruthRow(session, plan.login(), plan.municipality().code(), sitting.subject(),
                    sitting.grade(), c.letter(), plan.manipulation(), level, affected, plan.strong()));
        }
        return rows;
    }

    static int applyKind(ManipulationKind kind, WorkModel model, List<SimWork> classWorks, double strength, Random r) {
        List<SimWork> present = new ArrayList<>();
        for (SimWork w : classWorks) {
            if (!w.absent) {
                present.add(w);
            }
        }
        return switch (kind) {
            case LENIENT_NEAR_CUTS -> lenientNearCuts(model, present, probability(LENIENT_PROBABILITY, strength), r);
            case ANSWERS_KNOWN -> answersKnown(model, present, probability(KNOWN_ANSWER_PROBABILITY, strength), r);
            case BLANKET_INFLATION -> blanketInflation(model, present, probability(BLANKET_PROBABILITY, strength), r);
            case COPIED_WORKS -> copiedWorks(present, strength, r);
            case INFLATED_JOURNAL -> inflatedJournal(present, probability(JOURNAL_RAISE_PROBABILITY, strength), r);
            case WEAK_KEPT_HOME -> weakKeptHome(present, share(KEPT_HOME_SHARE, strength));
        };
    }

    /** A kind's probability at the given strength. */
    static double probability(double p, double strength) {
        return Math.min(1, p * strength);
    }

    /** A share of the class at the given strength. */
    static double share(double s, double strength) {
        return Math.min(MAX_SHARE, s * strength);
    }

    /** Works 1–2 points below a cut get the missing points "found" in tasks that were not full. */
    private static int lenientNearCuts(WorkModel model, List<SimWork> works, double probability, Random r) {
        int[] cuts = {model.scale().cut3(), model.scale().cut4(), model.scale().cut5()};
        int changed = 0;
        for (SimWork w : works) {
            int score = w.primaryScore();
            for (int c : cuts) {
                if (score >= c - 2 && score <= c - 1) {
                    if (r.nextDouble() < probability && addPoints(model, w, c - score, r)) {
                        changed++;
                    }
                    break;
                }
            }
        }
        return changed;
    }

    /** Adds points one at a time, to attempted tasks below their maximum first, blank ones only if needed. */
    private static boolean addPoints(WorkModel model, SimWork w, int points, Random r) {
        boolean any = false;
        for (int p = 0; p < points; p++) {
            List<Integer> open = new ArrayList<>();
            List<Integer> blank = new ArrayList<>();
            for (int i = 0; i < w.scores.length; i++) {
                int max = model.scale().tasks().get(i).max();
                if (w.scores[i] < 0) {
                    blank.add(i);
                } else if (w.scores[i] < max) {
                    open.add(i);
                }
            }
            List<Integer> pool = open.isEmpty() ? blank : open;
            if (pool.isEmpty()) {
                break;
            }
            int t = pool.get(r.nextInt(pool.size()));
            w.scores[t] = Math.max(0, w.scores[t]) + 1;
            any = true;
        }
        return any;
    }

    /** Advanced tasks come out at full marks whatever the pupil's ability. */
    private static int answersKnown(WorkModel model, List<SimWork> works, double probability, Random r) {
        int changed = 0;
        for (SimWork w : works) {
            int[] before = w.scores.clone();
            for (int i = 0; i < w.scores.length; i++) {
                if (model.items().isHard(i) && r.nextDouble() < probability) {
                    w.scores[i] = model.scale().tasks().get(i).max();
                }
            }
            changed += Arrays.equals(before, w.scores) ? 0 : 1;
        }
        return changed;
    }

    /** A point more on any attempted task that was not full: the whole class drifts up. */
    private static int blanketInflation(WorkModel model, List<SimWork> works, double probability, Random r) {
        int changed = 0;
        for (SimWork w : works) {
            boolean any = false;
            for (int i = 0; i < w.scores.length; i++) {
                if (w.scores[i] >= 0 && w.scores[i] < model.scale().tasks().get(i).max()
                        && r.nextDouble() < probability) {
                    w.scores[i]++;
                    any = true;
                }
            }
            changed += any ? 1 : 0;
        }
        return changed;
    }

    /** 40–60% of the class (at strength 1) hand in the score vector of one or two of the best works. */
    private static int copiedWorks(List<SimWork> works, double strength, Random r) {
        if (works.size() < 3) {
            return 0;
        }
        List<SimWork> byScore = new ArrayList<>(works);
        byScore.sort(Comparator.comparingInt(SimWork::primaryScore).reversed());
        int sources = works.size() >= 8 && r.nextBoolean() ? 2 : 1;
        List<SimWork> rest = new ArrayList<>(byScore.subList(sources, byScore.size()));
        Collections.shuffle(rest, r);
        double share = share(COPIED_SHARE_MIN + COPIED_SHARE_RANGE * r.nextDouble(), strength);
        int copies = Math.min(rest.size(), Math.max(1, (int) Math.round(share * works.size())));
        int changed = 0;
        for (int k = 0; k < copies; k++) {
            SimWork copier = rest.get(k);
            int[] source = byScore.get(k % sources).scores;
            if (!Arrays.equals(copier.scores, source)) {
                changed++;
            }
            copier.scores = source.clone();
        }
        return changed;
    }

    /** The journal says one mark more than the teacher would otherwise give (cap 5). */
    private static int inflatedJournal(List<SimWork> works, double probability, Random r) {
        int changed = 0;
        for (SimWork w : works) {
            if (w.journal != null && w.journal < 5 && r.nextDouble() < probability) {
                w.journal = w.journal + 1;
                changed++;
            }
        }
        return changed;
    }

    /** The weakest quarter (by ability, at strength 1) stays at home on the day of the work. */
    private static int weakKeptHome(List<SimWork> works, double share) {
        List<SimWork> byAbility = new ArrayList<>(works);
        byAbility.sort(Comparator.comparingDouble(w -> w.pupil.theta()));
        int kept = (int) Math.round(share * works.size());
        for (int k = 0; k < kept; k++) {
            byAbility.get(k).absent = true;
        }
        return kept;
    }
}
