package org.vprobjectivity.synthetic;

import org.vprobjectivity.model.MarkScale;
import org.vprobjectivity.model.MarkScales;

/** Everything needed to simulate one work (subject × grade): its scale, its tasks and the teachers' marks. */
record WorkModel(String subject, int grade, MarkScale scale, ItemBank items, JournalModel journal) {

    static WorkModel of(MarkScales scales, String subject, int grade, int year, long seed, double classLeniencySd) {
        MarkScale scale = scales.inForce(subject, grade, year).orElseThrow(() -> new IllegalArgumentException(
                "no mark scale for " + subject + " grade " + grade + " in " + year + ": pass a scale file"));
        if (!MarkScales.problems(scale).isEmpty()) {
            throw new IllegalArgumentException("mark scale " + scale.key() + " is unusable: " + MarkScales.problems(scale));
        }
        ItemBank items = ItemBank.forScale(scale, seed);
        return new WorkModel(subject, grade, scale, items, JournalModel.forBank(items, classLeniencySd));
    }
}
