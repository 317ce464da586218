package org.vprobjectivity.synthetic;

import java.io.IOException;

/** Writes schools, one at a time, in one file shape; files are finished on close. */
interface ShapeWriter extends AutoCloseable {

    void write(SchoolBatch school) throws IOException;

    @Override
    void close() throws IOException;
}
