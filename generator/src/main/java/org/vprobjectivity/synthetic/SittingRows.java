package org.vprobjectivity.synthetic;

import java.util.List;

/** The rows one school writes for one subject and grade, bad rows included. */
record SittingRows(WorkModel model, List<OutputRow> rows) {

    SittingRows {
        rows = List.copyOf(rows);
    }
}
