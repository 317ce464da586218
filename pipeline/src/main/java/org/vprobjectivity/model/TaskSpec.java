package org.vprobjectivity.model;

import java.io.Serializable;

/** One task of a work as the mark scale describes it: its printed name, maximum, level (Б/П/В) and checked skill. */
public record TaskSpec(String name, int max, String level, String skill) implements Serializable {

    /** The advanced part of a work: level П (повышенный) or В (высокий); Б is basic, null not given. */
    public static boolean advancedLevel(String level) {
        return "П".equals(level) || "В".equals(level);
    }

    public boolean advanced() {
        return advancedLevel(level);
    }
}
