package org.vprobjectivity.ingest;

import org.vprobjectivity.model.Session;

import java.io.Serializable;

/**
 * What the user states on the command line about inputs: the last resort for session, subject, grade
 * and school (columns, header blocks and file names come first), and a forced text encoding.
 */
public record IngestOptions(String session, String subject, Integer grade, String school, String encoding)
        implements Serializable {

    public static final IngestOptions NONE = new IngestOptions(null, null, null, null, null);

    public IngestOptions {
        if (session != null) {
            Session.parse(session);
        }
    }

    public ContextHints hints() {
        return new ContextHints(session == null ? null : Session.parse(session),
                subject == null ? null : subject.toUpperCase(), grade, school);
    }
}
