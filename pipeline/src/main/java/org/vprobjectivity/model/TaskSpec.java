package org.vprobjectivity.model;

import java.io.Serializable;

/** One task of a work as the mark scale describes it: its printed name, maximum, level (Б/П/В) and checked skill. */
public record TaskSpec(String name, int max, String level, String skill) implements Serializable {
}
