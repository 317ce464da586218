package org.vprobjectivity.synthetic;

import java.util.ArrayList;
import java.util.List;

/**
 * One school's works in one subject and grade, in class order.
 *
 * @param classLeniency per class (same order as {@code classes}), the journal leniency its teacher of this subject
 *                      adds to what they see, in ability units
 */
record Sitting(WorkModel model, List<SimClass> classes, List<SimWork> works, List<Double> classLeniency) {

    Sitting {
        classes = List.copyOf(classes);
        classLeniency = List.copyOf(classLeniency);
        if (classLeniency.size() != classes.size()) {
            throw new IllegalArgumentException("one leniency per class");
        }
    }

    String subject() {
        return model.subject();
    }

    int grade() {
        return model.grade();
    }

    List<SimWork> worksOf(SimClass c) {
        List<SimWork> out = new ArrayList<>();
        for (SimWork w : works) {
            if (w.pupil.grade() == c.grade() && w.pupil.classLetter().equals(c.letter())) {
                out.add(w);
            }
        }
        return out;
    }
}
