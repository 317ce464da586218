package org.vprobjectivity.synthetic;

import java.util.List;

/** A class of one grade with its pupils (listed, whether present or not). */
record SimClass(int grade, String letter, List<SimPupil> pupils) {

    SimClass {
        pupils = List.copyOf(pupils);
    }
}
