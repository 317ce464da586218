package org.vprobjectivity.model;

import java.io.Serializable;
import java.util.List;

/**
 * The mark scale of one work (subject, grade) in force from {@code fromYear}: tasks in the order of
 * the work's task columns and the minimal primary scores for marks 3, 4 and 5.
 */
public record MarkScale(String subject, String subjectName, int grade, int fromYear, int maxScore,
                        int cut3, int cut4, int cut5, List<TaskSpec> tasks, String source) implements Serializable {

    public MarkScale {
        tasks = List.copyOf(tasks);
    }

    /** A stable identifier of the entry, used to join task metadata to scores. */
    public String key() {
        return subject + "-" + grade + "-" + fromYear;
    }

    /** The VPR mark of a primary score: 2 below the cut for 3, else the highest cut reached. */
    public int markFor(int primaryScore) {
        if (primaryScore >= cut5) {
            return 5;
        }
        if (primaryScore >= cut4) {
            return 4;
        }
        return primaryScore >= cut3 ? 3 : 2;
    }

    public int taskCount() {
        return tasks.size();
    }

    /** Sum of task maxima; equals {@link #maxScore()} for a consistent entry. */
    public int sumOfTaskMaxima() {
        return tasks.stream().mapToInt(TaskSpec::max).sum();
    }
}
