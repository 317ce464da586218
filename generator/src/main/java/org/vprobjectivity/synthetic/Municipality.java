package org.vprobjectivity.synthetic;

/** A municipality of the simulated region; all its schools are written in one file shape. */
record Municipality(int index, String code, String name, boolean city, OutputFormat format) {
}
