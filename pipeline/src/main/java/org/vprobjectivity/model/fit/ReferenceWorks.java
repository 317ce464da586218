package org.vprobjectivity.model.fit;

/**
 * The works of one reference as compact arrays: task scores (not attempted = 0), primary scores, journal marks (0 =
 * none), each work's class, each class's cell (school × subject × grade), the tasks' maxima and the mark cuts
 * (minimal primary scores for 3, 4, 5), and which tasks form the scale's advanced part (level П or В; none where the
 * scale gives no levels).
 */
public record ReferenceWorks(int[][] scores, int[] taskMax, int[] totals, int[] journal, int[] classOf, int classes,
                             int[] cellOfClass, int cells, int[] cuts, boolean[] advanced) {

    /** A reference whose scale gives no task levels. */
    public ReferenceWorks(int[][] scores, int[] taskMax, int[] totals, int[] journal, int[] classOf, int classes,
                          int[] cellOfClass, int cells, int[] cuts) {
        this(scores, taskMax, totals, journal, classOf, classes, cellOfClass, cells, cuts, new boolean[taskMax.length]);
    }

    public int works() {
        return scores.length;
    }

    /** Works with a journal mark. */
    public int journalMarks() {
        int n = 0;
        for (int j : journal) {
            if (j >= 2) {
                n++;
            }
        }
        return n;
    }
}
