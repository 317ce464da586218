package org.vprobjectivity.synthetic;

import org.vprobjectivity.ingest.RejectReason;
import org.vprobjectivity.model.MarkScale;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Adds extra rows that each break exactly one ingest rule, so a test can check that the ingest
 * quarantines them with the right reason and keeps everything else. The rows belong to made-up pupils
 * (participant serials from 9000, never used by real pupils), so no real work is lost: works written
 * stay works, and a duplicate is a made-up row written twice (both copies are rejects).
 */
final class BadRowInjector {

    /** About one bad row per 500 works, as in real exports after hand editing. */
    static final double RATE = 1.0 / 600; // a duplicate adds two rows, so ~1 bad row per 500 works
    static final int MIN_TOTAL = 6;
    static final int FIRST_SERIAL = 9000;

    private BadRowInjector() {
    }

    /** The reasons a shape can carry: a total mismatch needs a total column, a mark mismatch a mark column. */
    static List<RejectReason> reasonsFor(OutputFormat format) {
        List<RejectReason> out = new ArrayList<>(List.of(RejectReason.TASK_SCORE_ABOVE_MAX,
                RejectReason.PRIMARY_SCORE_MISMATCH, RejectReason.JOURNAL_MARK_INVALID, RejectReason.DUPLICATE_PARTICIPANT));
        if (format == OutputFormat.F1_REPORT_XLSX) {
            out.add(0, RejectReason.MARK_MISMATCH);
        }
        return out;
    }

    /** Forced bad rows for the first school of each format, so that even a small region has at least six. */
    static int forcedPerFormat(int formats) {
        return Math.max(2, (MIN_TOTAL + formats - 1) / formats);
    }

    /**
     * @param forced   reasons to inject here whatever the rate (from the forced quota of the format)
     */
    static List<OutputRow> inject(List<OutputRow> rows, WorkModel model, OutputFormat format, List<RejectReason> forced,
                                  Random r) {
        List<RejectReason> allowed = reasonsFor(format);
        List<RejectReason> wanted = new ArrayList<>(forced);
        for (OutputRow row : rows) {
            if (row.isWork() && r.nextDouble() < RATE) {
                wanted.add(allowed.get(r.nextInt(allowed.size())));
            }
        }
        if (wanted.isEmpty()) {
            return rows;
        }
        List<OutputRow> out = new ArrayList<>(rows);
        List<String> letters = rows.stream().map(OutputRow::classLetter).distinct().toList();
        int serial = FIRST_SERIAL;
        for (RejectReason reason : wanted) {
            String letter = letters.get(r.nextInt(letters.size()));
            OutputRow bad = badRow(model, reason, letter, serial++, r);
            int at = r.nextInt(out.size() + 1);
            out.add(at, bad);
            if (reason == RejectReason.DUPLICATE_PARTICIPANT) {
                // The copy comes later in the same school's block, as when a form is pasted twice.
                out.add(at + 1 + r.nextInt(out.size() - at), bad);
            }
        }
        return out;
    }

    private static OutputRow badRow(WorkModel model, RejectReason reason, String letter, int serial, Random r) {
        MarkScale scale = model.scale();
        double theta = r.nextGaussian();
        int[] scores = model.items().draw(theta, r);
        Integer journal = model.journal().draw(theta, 0, r); // a quarantined row: no class to be lenient
        if (journal == null) {
            journal = 3; // a missing journal mark is allowed, but keep the row's only fault the injected one
        }
        String code = (model.grade() % 10) + String.format("%04d", serial);
        char sex = r.nextBoolean() ? 'м' : 'ж';
        int variant = 1 + r.nextInt(2);
        switch (reason) {
            case TASK_SCORE_ABOVE_MAX -> {
                int t = r.nextInt(scores.length);
                scores[t] = scale.tasks().get(t).max() + 1;
            }
            case JOURNAL_MARK_INVALID -> journal = r.nextBoolean() ? 7 : 1;
            default -> {
            }
        }
        int sum = 0;
        for (int s : scores) {
            sum += Math.max(0, s);
        }
        int total = sum;
        int mark = scale.markFor(sum);
        if (reason == RejectReason.PRIMARY_SCORE_MISMATCH) {
            total = mismatchedTotal(scale, sum);
        } else if (reason == RejectReason.MARK_MISMATCH) {
            mark = mark == 5 ? 4 : mark + 1;
        }
        return new OutputRow(code, serial, letter, sex, false, variant, scores, total, mark, journal, reason);
    }

    /** One point off the sum, in the direction that keeps the mark (so only the total rule is broken). */
    private static int mismatchedTotal(MarkScale scale, int sum) {
        for (int d : new int[]{1, -1}) {
            int t = sum + d;
            if (t >= 0 && t <= scale.maxScore() && scale.markFor(t) == scale.markFor(sum)) {
                return t;
            }
        }
        return sum < scale.maxScore() ? sum + 1 : sum - 1;
    }
}
