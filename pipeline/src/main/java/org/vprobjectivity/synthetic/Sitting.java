package org.vprobjectivity.synthetic;

import java.util.ArrayList;
import java.util.List;

/** One school's works in one subject and grade, in class order. */
record Sitting(WorkModel model, List<SimClass> classes, List<SimWork> works) {

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
