package org.vprobjectivity.evaluation;

import org.vprobjectivity.stats.Percentile;
import org.vprobjectivity.synthetic.GroundTruth;
import org.vprobjectivity.synthetic.GroundTruthRow;
import org.vprobjectivity.synthetic.ManipulationKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Flags against a generator's ground truth (issue «Flags», evaluation; docs/design.md §8). Per manipulation kind and
 * overall, at cell level (school × subject × grade) and school level: recall, recall where the manipulated class
 * has at least {@link #MIN_CLASS_WORKS} works, precision against the clean cells, ROC AUC of the risk score, the
 * realised flag rate on clean cells, and the same for the official markers. Works on cell rows only (one per school
 * and work), never on participant rows.
 */
public final class Evaluation {

    /** The recall target applies to manipulated classes of at least this many works. */
    public static final int MIN_CLASS_WORKS = 10;

    /** A scored cell: our flag and risk per kind, and whether the official markers mark it. */
    public record Cell(String schoolId, String subject, int grade, double riskResults, double riskJournal,
                       boolean flaggedResults, boolean flaggedJournal, boolean officiallyMarked) {
        String key() {
            return schoolId + "|" + subject + "|" + grade;
        }
    }

    /** One row of the table. {@code auc} of our risk score; the official markers are binary, so theirs is balanced accuracy. */
    public record Line(String level, String kind, int positives, int negatives, double recall, double recallLargeClasses,
                       double precision, double auc, double cleanFlagRate, double officialRecall, double officialPrecision,
                       double officialAuc, double officialCleanRate) {
    }

    private Evaluation() {
    }

    /**
     * @param classWorks works per manipulated class, key "school|subject|grade|class" (from {@code indicators/class});
     *                   a class missing from it counts as small
     */
    public static List<Line> evaluate(List<Cell> cells, GroundTruth truth, Map<String, Long> classWorks) {
        Map<String, ManipulationKind> kindOfCell = new HashMap<>();
        Map<String, Long> largestClass = new HashMap<>();
        for (GroundTruthRow r : truth.manipulations()) {
            String key = r.schoolId() + "|" + r.subject() + "|" + r.grade();
            kindOfCell.putIfAbsent(key, r.kind());
            long works = classWorks.getOrDefault(key + "|" + (r.classLetter() == null ? "" : r.classLetter()), 0L);
            largestClass.merge(key, works, Math::max);
        }
        List<Line> lines = new ArrayList<>();
        for (ManipulationKind k : ManipulationKind.values()) {
            boolean journal = k == ManipulationKind.INFLATED_JOURNAL;
            lines.add(line("cell", k.name(), cells, c -> kindOfCell.get(c.key()) == k, c -> !kindOfCell.containsKey(c.key()),
                    c -> largestClass.getOrDefault(c.key(), 0L) >= MIN_CLASS_WORKS,
                    c -> journal ? c.riskJournal() : c.riskResults(), c -> journal ? c.flaggedJournal() : c.flaggedResults()));
        }
        lines.add(line("cell", "all", cells, c -> kindOfCell.containsKey(c.key()), c -> !kindOfCell.containsKey(c.key()),
                c -> largestClass.getOrDefault(c.key(), 0L) >= MIN_CLASS_WORKS, Evaluation::risk, Evaluation::flagged));
        lines.add(schoolLine(cells, kindOfCell.keySet(), truth.strongSchools()));
        return lines;
    }

    private static double risk(Cell c) {
        return Math.max(c.riskResults(), c.riskJournal());
    }

    private static boolean flagged(Cell c) {
        return c.flaggedResults() || c.flaggedJournal();
    }

    private static Line line(String level, String kind, List<Cell> cells, Predicate<Cell> positive, Predicate<Cell> negative,
                             Predicate<Cell> large, java.util.function.ToDoubleFunction<Cell> score, Predicate<Cell> flag) {
        List<Cell> pos = cells.stream().filter(positive).toList();
        List<Cell> neg = cells.stream().filter(negative).toList();
        List<Cell> posLarge = pos.stream().filter(large).toList();
        long tp = pos.stream().filter(flag).count();
        long fp = neg.stream().filter(flag).count();
        long officialTp = pos.stream().filter(Cell::officiallyMarked).count();
        long officialFp = neg.stream().filter(Cell::officiallyMarked).count();
        double officialRecall = ratio(officialTp, pos.size());
        double officialClean = ratio(officialFp, neg.size());
        return new Line(level, kind, pos.size(), neg.size(), ratio(tp, pos.size()),
                ratio(posLarge.stream().filter(flag).count(), posLarge.size()), ratio(tp, tp + fp),
                auc(pos.stream().mapToDouble(score).toArray(), neg.stream().mapToDouble(score).toArray()),
                ratio(fp, neg.size()), officialRecall, ratio(officialTp, officialTp + officialFp),
                Double.isNaN(officialRecall) || Double.isNaN(officialClean) ? Double.NaN : (officialRecall + 1 - officialClean) / 2,
                officialClean);
    }

    /** Schools: positive if any cell was manipulated; risk = the largest cell risk; flagged / marked if any cell is. */
    private static Line schoolLine(List<Cell> cells, Set<String> manipulatedCells, Set<String> strong) {
        Map<String, Cell> bySchool = new LinkedHashMap<>();
        Map<String, Boolean> manipulated = new HashMap<>();
        for (Cell c : cells) {
            manipulated.merge(c.schoolId(), manipulatedCells.contains(c.key()), Boolean::logicalOr);
            bySchool.merge(c.schoolId(), c, (a, b) -> new Cell(a.schoolId(), "", 0, Math.max(risk(a), risk(b)), 0,
                    flagged(a) || flagged(b), false, a.officiallyMarked() || b.officiallyMarked()));
        }
        List<Cell> schools = new ArrayList<>(bySchool.values());
        return line("school", strong.isEmpty() ? "all" : "all (strong honest schools among the clean)", schools,
                c -> manipulated.get(c.schoolId()), c -> !manipulated.get(c.schoolId()), c -> true,
                Evaluation::risk, Evaluation::flagged);
    }

    /** Flag rates among the strong honest schools (scenario c): ours and the official markers'. */
    public static double[] strongSchoolRates(List<Cell> cells, Set<String> strong) {
        Map<String, boolean[]> bySchool = new HashMap<>();
        for (Cell c : cells) {
            if (strong.contains(c.schoolId())) {
                boolean[] f = bySchool.computeIfAbsent(c.schoolId(), x -> new boolean[2]);
                f[0] |= flagged(c);
                f[1] |= c.officiallyMarked();
            }
        }
        long ours = bySchool.values().stream().filter(f -> f[0]).count();
        long official = bySchool.values().stream().filter(f -> f[1]).count();
        return new double[] {bySchool.size(), ratio(ours, bySchool.size()), ratio(official, bySchool.size())};
    }

    /**
     * ROC AUC = P(score of a positive > score of a negative) + ½·P(tie) (Mann–Whitney; Hanley &amp; McNeil 1982): the
     * mean over positives of their mid-rank percentile among the negatives ({@link Percentile#rank}), / 100.
     */
    static double auc(double[] positives, double[] negatives) {
        if (positives.length == 0 || negatives.length == 0) {
            return Double.NaN;
        }
        double[] sorted = Percentile.sorted(negatives);
        double sum = 0;
        for (double p : positives) {
            sum += Percentile.rank(sorted, p) / 100;
        }
        return sum / positives.length;
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    /** The table as Markdown. */
    public static String markdown(List<Line> lines) {
        StringBuilder out = new StringBuilder("| level | kind | positives | clean | recall | recall (class ≥ 10) | precision"
                + " | AUC | clean flag rate | official recall | official precision | official bal. acc. | official clean rate |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Line l : lines) {
            out.append(String.format(java.util.Locale.ROOT, "| %s | %s | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    l.level(), l.kind(), l.positives(), l.negatives(), f(l.recall()), f(l.recallLargeClasses()),
                    f(l.precision()), f(l.auc()), f(l.cleanFlagRate()), f(l.officialRecall()), f(l.officialPrecision()),
                    f(l.officialAuc()), f(l.officialCleanRate())));
        }
        return out.toString();
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "—" : String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}
